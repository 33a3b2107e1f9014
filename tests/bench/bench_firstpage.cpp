// SPDX-License-Identifier: GPL-3.0-or-later
// Time to the first page: open a file, make its first page known and render it, in one process,
// the way the viewer does before anything is on screen. A benchmark, not a test.
//
//   bench_firstpage FILE [--runs N] [--dpi D]
//
// Prints one Markdown table row: file, median open ms, first-page ms (ensurePages(1) + render),
// total ms, and the pages known after the first page (streaming formats know few).
#include "viewer.h"

#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace folio;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_firstpage FILE [--runs N] [--dpi D]\n");
        return 2;
    }
    const QString file = args[1];
    int runs = 5;
    double dpi = 96;
    for (int i = 2; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--dpi"))
            dpi = args[i + 1].toDouble();
    }
    std::vector<double> opens, firsts, totals;
    int known = 0;
    for (int run = 0; run < runs; ++run) {
        const Clock::time_point start = Clock::now();
        Viewer viewer;
        if (Status s = viewer.open(file, {}, {}); !s) {
            std::fprintf(stderr, "bench_firstpage: %s\n", qPrintable(s.message()));
            return 1;
        }
        const double open = msSince(start);
        const Clock::time_point pageStart = Clock::now();
        Document *document = viewer.document();
        if (Status s = document->ensurePages(1, {}); !s) {
            std::fprintf(stderr, "bench_firstpage: %s\n", qPrintable(s.message()));
            return 1;
        }
        RenderRequest request;
        request.dpi = dpi;
        if (auto image = document->render(0, request, {}); !image) {
            std::fprintf(stderr, "bench_firstpage: %s\n", qPrintable(image.status().message()));
            return 1;
        }
        firsts.push_back(msSince(pageStart));
        totals.push_back(msSince(start));
        opens.push_back(open);
        known = document->pageCount();
    }
    std::printf("| %s | %.0f | %.0f | %.0f | %d |\n", qPrintable(QFileInfo(file).fileName()), median(opens),
        median(firsts), median(totals), known);
    return 0;
}
