// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheetdocument.h"

#include "sheetpage.h"
#include "spreadsheetlogging.h"

#include "backends/common/text/textpage.h"
#include "backends/office/officepackage.h"
#include "fonts.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcSpreadsheet, "folio.spreadsheet", QtInfoMsg)

namespace folio::spreadsheet {

namespace {

// Rows read between two looks at the page count: small enough that the first page of a big
// sheet shows at once, big enough that the XML reader is not stopped and started all the time.
constexpr int RowChunk = 512;

void addBand(std::vector<int> &bands, int band)
{
    const auto it = std::lower_bound(bands.begin(), bands.end(), band);
    if (it == bands.end() || *it != band)
        bands.insert(it, band);
}

void mergeBands(std::vector<int> &into, const std::vector<int> &from)
{
    for (int band : from)
        addBand(into, band);
}

} // namespace

int SheetDocument::SheetState::bandOf(int column) const
{
    const auto it = std::upper_bound(bandStarts.cbegin(), bandStarts.cend(), column);
    return std::max(0, int(it - bandStarts.cbegin()) - 1);
}

int SheetDocument::SheetState::bandEnd(int band) const
{
    return band + 1 < bandStarts.size() ? bandStarts[band + 1] - 1 : MaxColumns - 1;
}

SheetDocument::SheetDocument(std::unique_ptr<office::Package> package, std::unique_ptr<SheetReader> reader,
    RenderOptions options, const Limits &limits)
    : Document(limits)
    , m_package(std::move(package))
    , m_reader(std::move(reader))
    , m_options(options)
    , m_pointDevice(text::makePointDevice())
{
    if (m_package)
        m_images = std::make_unique<office::ImageStore>(*m_package);
    m_headingFont.setFamilies(fonts::substitutes(m_reader->workbook().defaultFontFamily));
    m_headingFont.setPointSizeF(HeadingFontSize);
    m_headingFont.setHintingPreference(QFont::PreferNoHinting);
    // Row numbers up to 1048576 fit the row heading column.
    m_rowHeadingWidth = QFontMetricsF(m_headingFont, &m_pointDevice).horizontalAdvance(QStringLiteral("0000000")) + 4;
}

SheetDocument::~SheetDocument() = default;

Result<std::unique_ptr<Document>> SheetDocument::open(std::unique_ptr<office::Package> package,
    std::unique_ptr<SheetReader> reader, const Format &format, RenderOptions options, const Limits &limits,
    const CancellationToken &token, const ProgressCallback &progress)
{
    const Metadata metadata = package->metadata(token);
    std::unique_ptr<SheetDocument> document(new SheetDocument(std::move(package), std::move(reader), options, limits));
    document->m_metadata = metadata;
    document->setFormat(format.id, format.name, format.mimeType);
    // Hidden sheets are printed only with RenderHiddenPages.
    document->setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline
        | Capability::StreamingPages | Capability::VectorPaint | Capability::ViewOptions);
    if (Status status = document->ensurePages(1, token, progress); !status)
        return status;
    return std::unique_ptr<Document>(std::move(document));
}

QSizeF SheetDocument::doPageSize(int index) const
{
    if (index < 0 || index >= m_pages.size() || m_pages[index].sheet < 0)
        return m_sheets.empty() ? text::A4Portrait : m_sheets.front()->sheet.page.paper;
    return m_sheets[m_pages[index].sheet]->sheet.page.paper;
}

QSizeF SheetDocument::bodySize(const SheetState &state) const
{
    const PageSetup &page = state.sheet.page;
    const double width = page.paper.width() - page.margins.left() - page.margins.right();
    const double height = page.paper.height() - page.margins.top() - page.margins.bottom();
    return QSizeF(std::max(36.0, width / state.scale - state.headingWidth),
        std::max(36.0, height / state.scale - state.headingHeight));
}

Status SheetDocument::doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    while (!m_final && (count < 0 || m_pages.size() < count)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        if (!m_reading) {
            auto state = std::make_unique<SheetState>(std::make_shared<Sheet>());
            const Result<bool> more
                = m_reader->nextSheet(state->sheet, m_options.testFlag(RenderOption::RenderHiddenPages), token);
            if (!more)
                return more.status();
            if (!*more) {
                m_final = true;
                if (m_pages.isEmpty())
                    m_pages.append(Page()); // a workbook with nothing to print still shows a page
                break;
            }
            state->area = state->sheet.page.printAreas.isEmpty() ? -1 : 0;
            if (Status status = startSheet(std::move(state)); !status)
                return status;
            continue;
        }
        SheetState &state = *m_sheets.back();
        if (!state.sheet.complete) {
            if (Status status = m_reader->readRows(state.sheet, RowChunk, token); !status)
                return status;
        }
        if (Status status = paginate(state); !status) {
            // Over the page limit: the pages asked for may all be there still.
            return count >= 0 && m_pages.size() >= count ? Status() : status;
        }
        if (state.sheet.complete) {
            if (Status status = finishSheet(state); !status)
                return status;
            m_reading = false;
            // The sheet's next print area, on pages of its own.
            if (state.area >= 0 && state.area + 1 < state.sheet.page.printAreas.size()) {
                auto next = std::make_unique<SheetState>(state.owner);
                next->area = state.area + 1;
                if (Status status = startSheet(std::move(next)); !status)
                    return status;
            }
        }
        if (progress)
            progress(m_pages.size(), -1);
    }
    return {};
}

Status SheetDocument::startSheet(std::unique_ptr<SheetState> state)
{
    Sheet &sheet = state->sheet;
    PageSetup &setup = sheet.page;
    // A hostile page setup must not make pages of nothing or of a million cells.
    if (!setup.paper.isValid() || setup.paper.width() < 72 || setup.paper.height() < 72 || setup.paper.width() > 14400
        || setup.paper.height() > 14400)
        setup.paper = text::A4Portrait;
    const auto clampMargin = [](double margin, double paper) { return std::clamp(margin, 0.0, paper / 3); };
    setup.margins = QMarginsF(clampMargin(setup.margins.left(), setup.paper.width()),
        clampMargin(setup.margins.top(), setup.paper.height()), clampMargin(setup.margins.right(), setup.paper.width()),
        clampMargin(setup.margins.bottom(), setup.paper.height()));
    const QRect printArea = setup.printAreas.value(state->area);
    if (!printArea.isNull()) {
        state->firstRow = printArea.top();
        state->lastRow = printArea.bottom();
        state->firstColumn = printArea.left();
        state->lastColumn = printArea.right();
    } else {
        state->area = -1;
    }
    state->cursor = state->firstRow;
    state->openFirst = state->firstRow;
    state->scale = std::clamp(setup.scale, 0.1, 4.0);
    const bool headings = setup.headings || m_options.testFlag(RenderOption::RenderHeadings);
    state->headingWidth = headings ? m_rowHeadingWidth : 0;
    state->headingHeight = headings ? HeadingHeight : 0;
    if (setup.fitToPages) {
        // Shrink (never enlarge) so the printed range fits the pages asked for: its width from the
        // column widths, its height from the default row height (the rows are not read yet).
        const QRect range = printArea.isNull() ? sheet.declaredRange : printArea;
        if (!range.isNull()) {
            double width = 0;
            for (int column = range.left(); column <= range.right() && column - range.left() < 4096; ++column)
                width += sheet.columnWidth(column);
            const double height = double(range.height()) * sheet.defaultRowHeight;
            const double paperWidth = setup.paper.width() - setup.margins.left() - setup.margins.right();
            const double paperHeight = setup.paper.height() - setup.margins.top() - setup.margins.bottom();
            double scale = 1;
            if (setup.fitWidth > 0 && width > 0)
                scale = std::min(scale, paperWidth / (width / setup.fitWidth + state->headingWidth));
            if (setup.fitHeight > 0 && height > 0)
                scale = std::min(scale, paperHeight / (height / setup.fitHeight + state->headingHeight));
            state->scale = std::clamp(scale * 0.999, 0.1, 1.0);
        }
    }
    // Bands of columns, each as wide as fits the page; a column wider than the page gets one alone,
    // and a manual break starts a band. Bands after the title columns repeat them at their left.
    const qreal available = bodySize(*state).width();
    if (setup.hasTitleColumns()) {
        for (int column = setup.titleFirstColumn; column <= setup.titleLastColumn; ++column)
            state->titleWidth += sheet.columnWidth(column);
        state->titleWidth = std::min(state->titleWidth, available / 2);
    }
    const auto room = [&](int start) {
        return setup.hasTitleColumns() && start > setup.titleLastColumn ? available - state->titleWidth : available;
    };
    state->bandStarts = {state->firstColumn};
    qreal x = 0;
    qsizetype nextBreak = 0;
    for (int column = state->firstColumn; column <= state->lastColumn; ++column) {
        const qreal width = sheet.columnWidth(column);
        while (nextBreak < setup.columnBreaks.size() && setup.columnBreaks[nextBreak] < column)
            ++nextBreak;
        const bool manual = nextBreak < setup.columnBreaks.size() && setup.columnBreaks[nextBreak] == column;
        if ((manual || x + width > room(state->bandStarts.last()) + 0.01) && column > state->bandStarts.last()) {
            state->bandStarts.append(column);
            x = 0;
        }
        x += width;
    }
    m_sheets.push_back(std::move(state));
    m_reading = true;
    return {};
}

std::vector<int> SheetDocument::bandsOf(const SheetState &state, const Row &row) const
{
    std::vector<int> bands;
    if (row.hidden)
        return bands;
    for (const Cell &cell : row.cells) {
        const int firstColumn = std::max(cell.column, state.firstColumn);
        const int lastColumn = std::min(cell.column + cell.repeat - 1, state.lastColumn);
        if (firstColumn > lastColumn)
            continue;
        const int first = state.bandOf(firstColumn);
        const int last = state.bandOf(lastColumn);
        for (int band = first; band <= last; ++band)
            addBand(bands, band);
    }
    return bands;
}

Status SheetDocument::paginate(SheetState &state)
{
    if (!m_pageLimit.isOk())
        return m_pageLimit; // nothing more is paginated once a page was refused
    const Sheet &sheet = state.sheet;
    const std::vector<int> none;
    for (; state.fedRows < sheet.rows.size(); ++state.fedRows) {
        const Row &row = sheet.rows[state.fedRows];
        // Only the rows of the print area count.
        const int first = std::max(row.index, state.firstRow);
        const int end = std::min(row.index + row.repeat, state.lastRow + 1);
        if (first >= end)
            continue;
        if (first > state.cursor)
            addRows(state, state.cursor, first - state.cursor, sheet.gapRowHeight(), none);
        std::vector<int> bands = bandsOf(state, row);
        if (!row.hidden)
            addDrawingBands(state, first, end - 1, bands);
        addRows(state, first, end - first, sheet.rowHeight(row), bands);
        state.cursor = end;
        if (!m_pageLimit.isOk())
            return m_pageLimit;
    }
    // Pictures and charts below the last row with cells print too, on rows of the default height.
    if (sheet.complete && !sheet.drawings.isEmpty()) {
        std::vector<int> edges;
        int last = -1;
        for (const Drawing &drawing : sheet.drawings) {
            const QRect cells = cellsOf(sheet, drawing);
            edges.push_back(cells.top());
            edges.push_back(cells.bottom() + 1);
            last = std::max(last, cells.bottom());
        }
        last = std::min(last, state.lastRow);
        std::sort(edges.begin(), edges.end());
        // Rows in runs whose drawings are the same, so each run is added at once.
        for (size_t i = 0; state.cursor <= last && m_pageLimit.isOk(); ++i) {
            const int next = std::min(last + 1, i < edges.size() ? std::max(edges[i], state.cursor + 1) : last + 1);
            if (next <= state.cursor)
                continue;
            std::vector<int> bands;
            addDrawingBands(state, state.cursor, next - 1, bands);
            addRows(state, state.cursor, next - state.cursor, sheet.gapRowHeight(), bands);
            state.cursor = next;
        }
        if (!m_pageLimit.isOk())
            return m_pageLimit;
    }
    return {};
}

void SheetDocument::addDrawingBands(const SheetState &state, int firstRow, int lastRow, std::vector<int> &bands) const
{
    for (const Drawing &drawing : state.sheet.drawings) {
        const QRect cells = cellsOf(state.sheet, drawing);
        if (cells.bottom() < firstRow || cells.top() > lastRow)
            continue;
        const int firstColumn = std::max(cells.left(), state.firstColumn);
        const int lastColumn = std::min(cells.right(), state.lastColumn);
        if (firstColumn > lastColumn)
            continue;
        for (int band = state.bandOf(firstColumn); band <= state.bandOf(lastColumn); ++band)
            addBand(bands, band);
    }
}

void SheetDocument::addRows(SheetState &state, int first, int count, double height, const std::vector<int> &bands)
{
    const QList<int> &breaks = state.sheet.page.rowBreaks;
    while (count > 0) {
        if (height <= 0) {
            // Hidden rows take no room and show nothing.
            return;
        }
        // A manual break before `first` closes the page; one further on limits what this page takes.
        const auto nextBreak = std::upper_bound(breaks.cbegin(), breaks.cend(), first);
        if (first > state.openFirst && std::binary_search(breaks.cbegin(), breaks.cend(), first)) {
            closeRowPage(state, first - 1);
            if (!m_pageLimit.isOk())
                return;
        }
        // Pages after the title rows repeat them: their height is known once they are read.
        double available = bodySize(state).height();
        if (state.sheet.page.hasTitleRows() && state.openFirst > state.sheet.page.titleLastRow) {
            if (state.titleHeight < 0) {
                const Sheet &sheet = state.sheet;
                state.titleHeight = 0;
                for (int r = sheet.page.titleFirstRow; r <= sheet.page.titleLastRow; ++r) {
                    const Row *row = sheet.rowAt(r);
                    state.titleHeight += row ? sheet.rowHeight(*row) : sheet.gapRowHeight();
                }
                state.titleHeight = std::min(state.titleHeight, available / 2);
            }
            available -= state.titleHeight;
        }
        int room = int(std::floor((available - state.used + 1e-6) / height));
        if (room <= 0) {
            if (state.used > 0) {
                closeRowPage(state, first - 1); // a refused page is in m_pageLimit: paginate() returns it
                continue;
            }
            room = 1; // a row taller than the page gets a page, cut at its bottom
        }
        int taken = std::min(room, count);
        if (nextBreak != breaks.cend() && *nextBreak < first + taken)
            taken = *nextBreak - first;
        state.used += taken * height;
        if (!bands.empty()) {
            mergeBands(state.openBands, bands);
            state.openLastValue = first + taken - 1;
        }
        first += taken;
        count -= taken;
    }
}

Status SheetDocument::closeRowPage(SheetState &state, int last)
{
    Status status;
    // Pages without a single value are not printed (LibreOffice's default too).
    if (state.openLastValue >= 0) {
        RowPage page {state.openFirst, last, std::move(state.openBands)};
        const int sheet = int(m_sheets.size()) - 1;
        if (state.sheet.page.overThenDown) {
            // Across, then down: the row page's bands are all known now.
            for (int band : page.bands) {
                if (status = addPage(Page {sheet, band, page.first, page.last}); !status)
                    break;
            }
        } else {
            if (!page.bands.empty() && page.bands.front() == 0)
                status = addPage(Page {sheet, 0, page.first, page.last});
            state.rowPages.push_back(std::move(page));
        }
    }
    state.openFirst = last + 1;
    state.used = 0;
    state.openBands.clear();
    state.openLastValue = -1;
    return status;
}

Status SheetDocument::finishSheet(SheetState &state)
{
    const int sheetIndex = int(m_sheets.size()) - 1;
    if (state.openLastValue >= 0) {
        if (Status status = closeRowPage(state, state.openLastValue); !status)
            return status;
    }
    // Then across: the other bands, each down the rows again.
    std::vector<std::pair<int, int>> later; // (band, row page)
    for (size_t i = 0; i < state.rowPages.size(); ++i) {
        for (int band : state.rowPages[i].bands) {
            if (band > 0)
                later.emplace_back(band, int(i));
        }
    }
    std::stable_sort(later.begin(), later.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[band, rowPage] : later) {
        const RowPage &rows = state.rowPages[rowPage];
        if (Status status = addPage(Page {sheetIndex, band, rows.first, rows.last}); !status)
            return status;
    }
    // An empty sheet prints nothing, as in LibreOffice.
    // The row pages are only needed to add the bands: free them.
    state.rowPages = {};
    qCDebug(lcSpreadsheet) << "sheet" << state.sheet.name << "rows" << state.sheet.rows.size() << "used"
                           << state.sheet.lastRow + 1 << "x" << state.sheet.lastColumn + 1 << "pages"
                           << m_pages.size() - state.firstPage;
    return {};
}

Status SheetDocument::addPage(const Page &page)
{
    if (m_pages.size() >= limits().maxPageCount) {
        m_pageLimit = Status(StatusCode::LimitExceeded,
            tr("The workbook has more than %1 pages, the page limit").arg(limits().maxPageCount));
        return m_pageLimit;
    }
    if (page.sheet >= 0 && m_sheets[page.sheet]->firstPage < 0)
        m_sheets[page.sheet]->firstPage = int(m_pages.size());
    m_pages.append(page);
    return {};
}

Result<QList<OutlineItem>> SheetDocument::doOutline(const CancellationToken &token)
{
    // One entry per sheet: every sheet must be known.
    if (Status status = ensurePages(-1, token); !status)
        return status;
    QList<OutlineItem> items;
    const Sheet *listed = nullptr; // a sheet with several print areas is listed once
    for (const auto &state : m_sheets) {
        if (state->firstPage >= 0 && &state->sheet != listed) {
            items.append(OutlineItem {state->sheet.name, state->firstPage, {}});
            listed = &state->sheet;
        }
    }
    return items;
}

QFont SheetDocument::fontFor(int style) const
{
    if (const auto it = m_fonts.constFind(style); it != m_fonts.cend())
        return *it;
    const Workbook &workbook = m_reader->workbook();
    const CellStyle cellStyle = workbook.styles.value(style);
    QFont font;
    font.setFamilies(
        fonts::substitutes(cellStyle.fontFamily.isEmpty() ? workbook.defaultFontFamily : cellStyle.fontFamily));
    font.setPointSizeF(std::clamp(cellStyle.fontSize > 0 ? cellStyle.fontSize : workbook.defaultFontSize, 1.0, 409.0));
    font.setBold(cellStyle.bold);
    font.setItalic(cellStyle.italic);
    font.setUnderline(cellStyle.underline);
    font.setStrikeOut(cellStyle.strikeOut);
    font.setHintingPreference(QFont::PreferNoHinting);
    m_fonts.insert(style, font);
    return font;
}

} // namespace folio::spreadsheet
