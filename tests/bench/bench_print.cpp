// SPDX-License-Identifier: GPL-3.0-or-later
// Printing throughput: a document printed to a PDF file (QPrinter::PdfFormat, A4, the
// HighResolution printer Folio's dialogs use) by PrintJob::print(), as File › Print does on its
// worker. A benchmark, not a test.
//
//   bench_print FILE OUT.pdf [--runs N] [--pages N] [--max-pixels N]
//
// The document is opened and read to its end once, outside the timing. Prints one line:
// "PAGES SECONDS KIND", the median wall time of a print of PAGES pages (all, or the first N) and
// whether they went as vectors (VectorPaint) or as pictures.
#include "printjob.h"
#include "shareddocument.h"
#include "viewer.h"

#include <QApplication>
#include <QPrinter>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace folio;
using Clock = std::chrono::steady_clock;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_print FILE OUT.pdf [--runs N] [--pages N] [--max-pixels N]\n");
        return 2;
    }
    int runs = 3;
    int limit = 0;
    qint64 maxPixels = PrintOptions().maxPagePixels;
    for (int i = 3; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--pages"))
            limit = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--max-pixels"))
            maxPixels = args[i + 1].toLongLong();
    }
    auto loaded = Viewer::load(args[1], {}, {});
    if (!loaded) {
        std::fprintf(stderr, "bench_print: %s\n", qPrintable(loaded.status().message()));
        return 1;
    }
    std::unique_ptr<Document> document = std::move(loaded).value();
    if (Status status = document->ensurePages(-1, {}); !status) {
        std::fprintf(stderr, "bench_print: %s\n", qPrintable(status.message()));
        return 1;
    }
    const bool vector = document->capabilities().testFlag(Capability::VectorPaint);
    PrintOptions options;
    options.maxPagePixels = maxPixels;
    const int pages = limit > 0 ? std::min(limit, document->pageCount()) : document->pageCount();
    for (int i = 0; i < pages; ++i)
        options.pages.append(i);
    SharedDocument shared(std::move(document));

    std::vector<double> seconds;
    for (int run = 0; run < runs; ++run) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(args[2]);
        printer.setPageSize(QPageSize(QPageSize::A4));
        const Clock::time_point start = Clock::now();
        if (Status status = PrintJob::print(shared, printer, options, {}); !status) {
            std::fprintf(stderr, "bench_print: %s\n", qPrintable(status.message()));
            return 1;
        }
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("%d %.3f %s\n", pages, seconds[seconds.size() / 2], vector ? "vector" : "pictures");
    return 0;
}
