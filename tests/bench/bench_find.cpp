// SPDX-License-Identifier: GPL-3.0-or-later
// Find throughput: pages a second searching a document for a word it does not contain, the way
// the find bar searches (searchNextPage() page by page), first without the page store (a first
// search: every page's text extracted) and then with it (the next search, the next word typed).
//
//   bench_find FILE [--word W] [--runs N]
// prints one Markdown table row: | file | pages | first search pages/s | next search pages/s |
#include "textsearch.h"
#include "viewer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>

#include <cstdio>

using namespace folio;

namespace {

// Seconds to search every page of `document` for `matcher`, through `store` when given.
double searchAll(Document &document, const TextMatcher &matcher, SearchTextStore *store)
{
    QElapsedTimer clock;
    clock.start();
    for (int page = 0;;) {
        const auto step = searchNextPage(document, matcher, page, -1, {}, store);
        if (!step || step->page < 0)
            break;
        page = step->page + 1;
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: bench_find FILE [--word W] [--runs N]\n");
        return 2;
    }
    const QString file = args.takeFirst();
    QString word = QStringLiteral("zqxjkv");
    int runs = 3;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--word"))
            word = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
    const TextMatcher matcher(word, {});
    double first = 1e9;
    double next = 1e9;
    int pages = 0;
    for (int run = 0; run < runs; ++run) {
        auto opened = Viewer::load(file, OpenOptions(), CancellationToken());
        if (!opened) {
            std::fprintf(stderr, "bench_find: %s\n", qPrintable(opened.status().message()));
            return 1;
        }
        Document &document = *opened.value();
        (void)document.ensurePages(-1, {});
        pages = document.pageCount();
        SearchTextStore store;
        first = std::min(first, searchAll(document, matcher, &store));
        next = std::min(next, searchAll(document, matcher, &store));
    }
    std::printf(
        "| %s | %d | %.0f | %.0f |\n", qPrintable(QFileInfo(file).fileName()), pages, pages / first, pages / next);
    return 0;
}
