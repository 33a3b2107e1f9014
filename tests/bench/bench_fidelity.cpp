// SPDX-License-Identifier: GPL-3.0-or-later
// Office fidelity against LibreOffice: one document as Folio lays it out next to LibreOffice's
// PDF export of the same file. A benchmark, not a test.
//
//   bench_fidelity FILE LIBREOFFICE_PDF [--max-pages N] [--render-tracked-changes]
//
// Prints one Markdown table row: file, LibreOffice's pages, Folio's pages, Folio's words found
// among LibreOffice's (the share of LibreOffice's words, counted with repeats, that Folio's text
// has too), and how alike the two first pages look (see inkSimilarity()).
#include "viewer.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace folio;

namespace {

constexpr int GridWidth = 48; // cells across a page for the similarity
constexpr int GridHeight = 64;

struct Side
{
    int pages = 0;
    QHash<QString, int> words;
    qsizetype wordCount = 0;
    QImage first;
};

Result<Side> read(const QString &path, int maxPages, RenderOptions options = {})
{
    Viewer viewer;
    OpenOptions open;
    open.renderOptions = options;
    if (Status status = viewer.open(path, open, {}); !status)
        return status;
    Document &document = *viewer.document();
    if (Status status = document.ensurePages(maxPages, {}); !status)
        return status;
    Side side;
    side.pages = document.pageCount();
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    for (int page = 0; page < std::min(side.pages, maxPages); ++page) {
        const Result<QString> text = document.text(page, {});
        if (!text)
            continue;
        for (auto it = word.globalMatch(*text); it.hasNext();) {
            ++side.words[it.next().captured().toCaseFolded()];
            ++side.wordCount;
        }
    }
    if (side.pages > 0) {
        // Both first pages at the same width, whatever their paper.
        RenderRequest request;
        const QSizeF points = document.pageSize(0);
        request.dpi = points.width() > 0 ? 72.0 * 300 / points.width() : 36;
        const Result<QImage> image = document.render(0, request, {});
        if (image)
            side.first = image->convertToFormat(QImage::Format_Grayscale8);
    }
    return side;
}

// The share of `reference`'s words `candidate` has too, repeats counted.
double wordShare(const Side &candidate, const Side &reference)
{
    if (reference.wordCount == 0)
        return candidate.wordCount == 0 ? 1 : 0;
    qsizetype found = 0;
    for (auto it = reference.words.cbegin(); it != reference.words.cend(); ++it)
        found += std::min(it.value(), candidate.words.value(it.key()));
    return double(found) / double(reference.wordCount);
}

// Ink per cell of a grid laid over the page (0: paper, 1: all ink).
std::vector<double> inkGrid(const QImage &page)
{
    std::vector<double> grid(GridWidth * GridHeight, 0.0);
    if (page.isNull())
        return grid;
    for (int y = 0; y < page.height(); ++y) {
        const uchar *line = page.constScanLine(y);
        const int row = std::min(GridHeight - 1, y * GridHeight / page.height());
        for (int x = 0; x < page.width(); ++x)
            grid[size_t(row * GridWidth + std::min(GridWidth - 1, x * GridWidth / page.width()))]
                += (255 - line[x]) / 255.0;
    }
    const double cell = double(page.width()) * page.height() / (GridWidth * GridHeight);
    for (double &value : grid)
        value /= cell;
    return grid;
}

// How alike two pages look, from 0 to 1: the weighted Jaccard (Ruzicka) similarity of their ink
// grids, each page stretched over the same grid. Where ink is and how much, not which letters;
// two blank pages are alike (1).
double inkSimilarity(const QImage &a, const QImage &b)
{
    const std::vector<double> left = inkGrid(a);
    const std::vector<double> right = inkGrid(b);
    double common = 0, either = 0;
    for (size_t i = 0; i < left.size(); ++i) {
        common += std::min(left[i], right[i]);
        either += std::max(left[i], right[i]);
    }
    return either > 0 ? common / either : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_fidelity FILE LIBREOFFICE_PDF [--max-pages N] [--render-tracked-changes]\n");
        return 2;
    }
    int maxPages = 2000;
    RenderOptions options;
    for (qsizetype i = 3; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--max-pages") && i + 1 < args.size())
            maxPages = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--render-tracked-changes"))
            options |= RenderOption::RenderTrackedChanges; // LibreOffice's export shows them as markup
    }
    const QString name = QFileInfo(args[1]).fileName();
    const Result<Side> folio = read(args[1], maxPages, options);
    const Result<Side> office = read(args[2], maxPages);
    if (!office) {
        std::printf(
            "| %s | – | – | – | – | LibreOffice: %s |\n", qPrintable(name), qPrintable(office.status().message()));
        return 0;
    }
    if (!folio) {
        std::printf("| %s | %d | – | – | – | Folio: %s |\n", qPrintable(name), office->pages,
            qPrintable(folio.status().message()));
        return 0;
    }
    std::printf("| %s | %d | %d | %.3f | %.3f | |\n", qPrintable(name), office->pages, folio->pages,
        wordShare(*folio, *office), inkSimilarity(folio->first, office->first));
    return 0;
}
