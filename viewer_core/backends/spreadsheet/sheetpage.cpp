// SPDX-License-Identifier: GPL-3.0-or-later
// Laying out, drawing and extracting one page of a sheet.
#include "sheetpage.h"
#include "sheetdocument.h"

#include "formcontrol.h"

#include "numberformat.h"

#include "backends/common/text/textpage.h"
#include "backends/office/chart.h"
#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"
#include "fonts.h"

#include <QDate>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace folio::spreadsheet {

namespace {

// More rows than this never fit a page (rows are at least a fraction of a point high only in
// hostile files): a bound for the loops, not a layout rule.
constexpr int MaxRowsPerPage = 4000;
constexpr qsizetype MaxShownChars = 2000; // a cell shows a few lines at most

const QColor GridColor(0xC8, 0xC8, 0xC8);
const QColor HeadingFill(0xEE, 0xEE, 0xEE);
const QColor HeadingInk(0x55, 0x55, 0x55);

HAlign resolvedAlign(const CellStyle &style, CellKind kind)
{
    if (style.align != HAlign::General)
        return style.align;
    switch (kind) {
    case CellKind::Number:
        return HAlign::Right;
    case CellKind::Boolean:
    case CellKind::Error:
        return HAlign::Center;
    default:
        return HAlign::Left;
    }
}

// The cell's text laid out in its rectangle: lines positioned in points on the page.
struct CellLayout
{
    std::unique_ptr<QTextLayout> layout;
    QPointF origin;
};

CellLayout layOutCell(const PlacedCell &cell, const QFont &font, const QPaintDevice *device)
{
    CellLayout result;
    result.layout = std::make_unique<QTextLayout>(cell.text, font, const_cast<QPaintDevice *>(device));
    QTextLayout &layout = *result.layout;
    QTextOption option;
    option.setWrapMode(cell.wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    layout.setTextOption(option);
    const qreal inner = std::max<qreal>(1, cell.rect.width() - 2 * CellPadding);
    qreal y = 0;
    layout.beginLayout();
    for (int lines = 0; lines < 200; ++lines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(cell.wrap ? inner : 1e6);
        const qreal natural = line.naturalTextWidth();
        qreal x = 0;
        if (cell.align == HAlign::Right)
            x = inner - natural;
        else if (cell.align == HAlign::Center)
            x = (inner - natural) / 2;
        line.setPosition(QPointF(x, y));
        y += line.height();
    }
    layout.endLayout();
    // Spreadsheets put text at the bottom of its cell; text taller than the cell starts at its top.
    const qreal height = y;
    const qreal top = height <= cell.rect.height() - 1 ? cell.rect.bottom() - 1 - height : cell.rect.top();
    result.origin = QPointF(cell.rect.left() + CellPadding, top);
    return result;
}

} // namespace

PageGeometry SheetDocument::geometry(int index) const
{
    PageGeometry page;
    const Page &where = m_pages[index];
    page.number = index + 1;
    if (where.sheet < 0) {
        // Sheets without anything to print give no pages: the workbook's one page is blank.
        if (m_sheets.empty())
            page.title = tr("This workbook has no visible sheets");
        return page;
    }
    const SheetState &state = *m_sheets[where.sheet];
    const Sheet &sheet = state.sheet;
    page.sheet = &sheet;
    page.headingWidth = state.headingWidth;
    page.headingHeight = state.headingHeight;
    page.toPaper.translate(sheet.page.margins.left(), sheet.page.margins.top());
    page.toPaper.scale(state.scale, state.scale);
    const qreal left = state.headingWidth;
    const qreal top = state.headingHeight;
    if (where.lastRow < where.firstRow)
        return page;

    // Columns of the band, up to the last one used (as far as it is known while streaming), or
    // to the print area's edge.
    const int firstColumn = state.bandStarts.value(where.band);
    const int usedEnd = state.area < 0 ? std::max(sheet.lastColumn, firstColumn) : state.lastColumn;
    const int lastColumn = std::min(state.bandEnd(where.band), usedEnd);
    // Text overflowing the used range to the right is printed too, as far as the page's width
    // goes (LibreOffice widens the printed range the same way): the columns after the used range
    // are laid out, and those no text reaches are dropped once the cells are placed.
    int layoutEnd = lastColumn;
    if (state.area < 0 && lastColumn == usedEnd)
        layoutEnd = std::min(state.bandEnd(where.band), state.lastColumn);
    const qreal bandWidth = bodySize(state).width();
    qreal x = left;
    // Title columns repeat at the left of the pages that come after them.
    if (sheet.page.hasTitleColumns() && firstColumn > sheet.page.titleLastColumn) {
        for (int column = sheet.page.titleFirstColumn; column <= sheet.page.titleLastColumn; ++column) {
            const qreal width = sheet.columnWidth(column);
            if (width > 0 && x - left + width <= state.titleWidth + 0.01) {
                page.columns.append(ColumnGeometry {column, x, width});
                x += width;
            }
        }
    }
    for (int column = firstColumn; column <= layoutEnd; ++column) {
        if (column > lastColumn && x - left >= bandWidth)
            break;
        const qreal width = sheet.columnWidth(column);
        if (width > 0) {
            page.columns.append(ColumnGeometry {column, x, width});
            x += width;
        }
    }
    // Rows, walking the listed entries and the gaps between them.
    qreal y = top;
    const auto walk = [&](int first, int last) {
        size_t entry = sheet.lowerRow(first);
        for (int row = first; row <= last && page.rows.size() < MaxRowsPerPage;) {
            const Row *listed
                = entry < sheet.rows.size() && sheet.rows[entry].index <= row ? &sheet.rows[entry] : nullptr;
            int runEnd;
            qreal height;
            if (listed) {
                runEnd = std::min(listed->index + listed->repeat - 1, last);
                height = sheet.rowHeight(*listed);
                ++entry;
            } else {
                const int next = entry < sheet.rows.size() ? sheet.rows[entry].index : MaxRows;
                runEnd = std::min(next - 1, last);
                height = sheet.gapRowHeight();
            }
            if (height > 0) {
                for (int r = row; r <= runEnd && page.rows.size() < MaxRowsPerPage; ++r) {
                    page.rows.append(RowGeometry {r, y, height, listed});
                    y += height;
                }
            }
            row = runEnd + 1;
        }
    };
    // Title rows repeat at the top of the pages that come after them.
    if (sheet.page.hasTitleRows() && where.firstRow > sheet.page.titleLastRow)
        walk(sheet.page.titleFirstRow, sheet.page.titleLastRow);
    walk(where.firstRow, where.lastRow);
    if (page.columns.isEmpty() || page.rows.isEmpty())
        return page;
    page.grid = QRectF(left, top, x - left, y - top);

    const auto columnAt = [&page](int column) {
        return std::lower_bound(page.columns.cbegin(), page.columns.cend(), column, [](const ColumnGeometry &g, int c) {
            return g.column < c;
        }) - page.columns.cbegin();
    };
    const auto rowAt = [&page](int row) {
        return std::lower_bound(page.rows.cbegin(), page.rows.cend(), row, [](const RowGeometry &g, int r) {
            return g.row < r;
        }) - page.rows.cbegin();
    };
    const qsizetype columnCount = page.columns.size();
    const qsizetype rowCount = page.rows.size();
    // Which merged range covers each cell of the page (-1: none).
    QList<int> covering(columnCount * rowCount, -1);
    struct Merge
    {
        QRect cells;
        qsizetype r1, r2, c1, c2;
    };
    QList<Merge> merges;
    const int pageFirstRow = page.rows.first().row;
    const int pageLastRow = page.rows.last().row;
    for (const QRect &range : sheet.merges) {
        if (range.bottom() < pageFirstRow || range.top() > pageLastRow || range.right() < firstColumn
            || range.left() > lastColumn)
            continue;
        const qsizetype c1 = columnAt(range.left());
        const qsizetype c2 = columnAt(range.right() + 1) - 1;
        const qsizetype r1 = rowAt(range.top());
        const qsizetype r2 = rowAt(range.bottom() + 1) - 1;
        if (c1 > c2 || r1 > r2 || c1 >= columnCount || r1 >= rowCount)
            continue;
        for (qsizetype r = r1; r <= r2; ++r) {
            for (qsizetype c = c1; c <= c2; ++c) {
                if (covering[r * columnCount + c] < 0)
                    covering[r * columnCount + c] = int(merges.size());
            }
        }
        merges.append(Merge {range, r1, r2, c1, c2});
        const QRectF rect(QPointF(page.columns[c1].x, page.rows[r1].y),
            QPointF(page.columns[c2].x + page.columns[c2].width, page.rows[r2].y + page.rows[r2].height));
        page.merges.append(rect);
    }

    const Workbook &workbook = m_reader->workbook();
    for (qsizetype r = 0; r < rowCount; ++r) {
        const RowGeometry &rowGeometry = page.rows[r];
        if (!rowGeometry.entry)
            continue;
        for (qsizetype c = 0; c < columnCount; ++c) {
            const ColumnGeometry &columnGeometry = page.columns[c];
            const Cell *cell = cellAt(*rowGeometry.entry, columnGeometry.column);
            if (!cell)
                continue;
            QRectF rect(columnGeometry.x, rowGeometry.y, columnGeometry.width, rowGeometry.height);
            const int merge = covering[r * columnCount + c];
            if (merge >= 0) {
                const Merge &m = merges[merge];
                // Only the top-left cell of a merged range shows, across the whole range.
                if (m.cells.top() != rowGeometry.row || m.cells.left() != columnGeometry.column)
                    continue;
                rect = page.merges[merge];
            }
            const CellStyle style = workbook.styles.value(cell->style);
            if (style.fill.isValid())
                page.fills.append({rect, cell->style});
            if (!cell->hasContent() || cell->text.isEmpty())
                continue;
            PlacedCell placed;
            placed.rect = rect;
            placed.clip = rect;
            placed.style = cell->style;
            placed.align = resolvedAlign(style, cell->kind);
            placed.rowIndex = int(r);
            placed.columnIndex = int(c);
            placed.value = cell->text;
            placed.value.replace(u'\n', u' ');
            placed.value.replace(u'\t', u' ');
            placed.text = cell->text.left(MaxShownChars);
            placed.text.replace(u'\n', QChar::LineSeparator);
            placed.text.replace(u'\t', u' ');
            placed.wrap = style.wrap || placed.text.contains(QChar::LineSeparator);
            if (!placed.wrap) {
                const QFontMetricsF metrics(fontFor(cell->style), &m_pointDevice);
                const qreal natural = metrics.horizontalAdvance(placed.text);
                const qreal inner = rect.width() - 2 * CellPadding;
                QString narrowed;
                if (natural > inner && cell->general) {
                    // A General number is rounded to fit: fewer decimals, then scientific.
                    for (int chars = int(placed.text.size()) - 1; chars > 0 && narrowed.isEmpty(); --chars) {
                        const QString candidate = NumberFormat::generalFitting(cell->number, chars);
                        if (!candidate.isEmpty() && metrics.horizontalAdvance(candidate) <= inner)
                            narrowed = candidate;
                    }
                }
                if (!narrowed.isEmpty()) {
                    placed.text = narrowed;
                } else if (natural > inner && cell->kind == CellKind::Number) {
                    // A number that does not fit shows hashes, never a misleading part of it.
                    const qreal hash = std::max<qreal>(1, metrics.horizontalAdvance(u'#'));
                    placed.text = QString(std::clamp(int(inner / hash), 1, 255), u'#');
                } else if (natural > inner && placed.align == HAlign::Left && merge < 0) {
                    // Text flows over empty neighbours to its right, as far as it needs.
                    for (qsizetype next = c + 1; next < columnCount; ++next) {
                        const Cell *neighbour = cellAt(*rowGeometry.entry, page.columns[next].column);
                        if ((neighbour && neighbour->hasContent()) || covering[r * columnCount + next] >= 0)
                            break;
                        placed.clip.setRight(page.columns[next].x + page.columns[next].width);
                        if (placed.clip.width() - 2 * CellPadding >= natural)
                            break;
                    }
                }
            }
            page.cells.append(placed);
        }
    }
    if (page.columns.last().column > lastColumn) {
        qreal reach = 0;
        for (const PlacedCell &cell : std::as_const(page.cells))
            reach = std::max(reach, cell.clip.right());
        while (
            page.columns.size() > 1 && page.columns.last().column > lastColumn && page.columns.last().x >= reach - 0.01)
            page.columns.removeLast();
        page.grid.setRight(page.columns.last().x + page.columns.last().width);
    }
    return page;
}

QFont SheetDocument::bandFont() const
{
    QFont font;
    font.setFamilies(fonts::substitutes(m_reader->workbook().defaultFontFamily));
    font.setPointSizeF(HeaderFooterFontSize);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QList<SheetDocument::BandLine> SheetDocument::headerFooterLines(int index) const
{
    // The file's header and footer only: sections left, centred and right, the header's text
    // starting at its margin from the top edge, the footer's ending at its margin from the bottom.
    QList<BandLine> lines;
    const Page &where = m_pages[index];
    if (where.sheet < 0)
        return lines;
    const PageSetup &setup = m_sheets[where.sheet]->sheet.page;
    const QSizeF size = doPageSize(index);
    const QFontMetricsF metrics(bandFont(), &m_pointDevice);
    const qreal width = size.width() - setup.margins.left() - setup.margins.right();
    const auto place = [&](const HeaderFooterLine &band, bool header) {
        const std::pair<const QString *, HAlign> sections[]
            = {{&band.left, HAlign::Left}, {&band.center, HAlign::Center}, {&band.right, HAlign::Right}};
        for (const auto &[text, align] : sections) {
            if (text->isEmpty())
                continue;
            QStringList parts = expandFields(*text, index).split(u'\n');
            if (parts.size() > MaxBandLines)
                parts.resize(MaxBandLines);
            for (qsizetype i = 0; i < parts.size(); ++i) {
                const QString line = parts[i].trimmed();
                if (line.isEmpty())
                    continue;
                const qreal advance = metrics.horizontalAdvance(line);
                qreal x = setup.margins.left();
                if (align == HAlign::Center)
                    x += (width - advance) / 2;
                else if (align == HAlign::Right)
                    x += width - advance;
                const qreal y = header
                    ? setup.headerMargin + i * metrics.lineSpacing()
                    : size.height() - setup.footerMargin - (parts.size() - i) * metrics.lineSpacing();
                lines.append(BandLine {line, QPointF(x, y), header});
            }
        }
    };
    place(setup.header, true);
    place(setup.footer, false);
    return lines;
}

QString SheetDocument::expandFields(const QString &text, int index) const
{
    QString out;
    const Page &where = m_pages[index];
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'&' || i + 1 >= text.size()) {
            out.append(text[i]);
            continue;
        }
        switch (text[++i].unicode()) {
        case u'P':
            out.append(QString::number(index + 1));
            break;
        // While pages stream in, the count is the one known so far.
        case u'N':
            out.append(QString::number(m_pages.size()));
            break;
        case u'A':
            if (where.sheet >= 0)
                out.append(m_sheets[where.sheet]->sheet.name);
            break;
        case u'F':
            out.append(QFileInfo(m_package->fileName()).fileName());
            break;
        case u'D':
            out.append(QLocale().toString(QDate::currentDate(), QLocale::ShortFormat));
            break;
        case u'T':
            out.append(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
            break;
        default:
            out.append(text[i]);
            break; // "&&"
        }
    }
    return out;
}

Result<QImage> SheetDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return text::renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
}

Status SheetDocument::doPaint(
    int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    const PageGeometry page = geometry(index);
    const text::PainterSave saved(painter);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QColor ink = text::inkFor(request.background);
    const QSizeF size = doPageSize(index);

    painter.setPen(ink);
    if (!page.title.isEmpty()) {
        painter.setFont(bandFont());
        painter.drawText(QRectF(56.7, 56.7, size.width() - 2 * 56.7, 20), Qt::AlignHCenter | Qt::AlignTop, page.title);
    }
    const QList<BandLine> bands = headerFooterLines(index);
    if (!bands.isEmpty()) {
        const QFont font = bandFont();
        const qreal ascent = QFontMetricsF(font, &m_pointDevice).ascent();
        painter.setFont(font);
        for (const BandLine &line : bands)
            painter.drawText(line.topLeft + QPointF(0, ascent), line.text);
    }
    if (page.grid.isEmpty())
        return {};

    painter.setTransform(page.toPaper, true);
    const QRectF &grid = page.grid;
    const qreal headingTop = grid.top() - page.headingHeight;
    const qreal headingLeft = grid.left() - page.headingWidth;
    const bool headings = page.headingWidth > 0;
    if (headings) {
        // Headings: column letters above, row numbers to the left.
        painter.fillRect(QRectF(grid.left(), headingTop, grid.width(), page.headingHeight), HeadingFill);
        painter.fillRect(QRectF(headingLeft, grid.top(), page.headingWidth, grid.height()), HeadingFill);
        painter.setFont(m_headingFont);
        painter.setPen(HeadingInk);
        for (const ColumnGeometry &column : page.columns) {
            painter.drawText(QRectF(column.x, headingTop, column.width, page.headingHeight),
                Qt::AlignCenter | Qt::TextSingleLine, office::columnName(column.column));
        }
        for (qsizetype r = 0; r < page.rows.size(); ++r) {
            if (r % 64 == 0 && token.isCancelled())
                return Status::fromToken(token);
            const RowGeometry &row = page.rows[r];
            if (row.height >= 4)
                painter.drawText(QRectF(headingLeft, row.y, page.headingWidth - 2, row.height),
                    Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, QString::number(row.row + 1));
        }
    }

    // Fills, then the grid, then merged ranges over their inner lines, then the text.
    const Workbook &workbook = m_reader->workbook();
    for (const auto &[rect, style] : page.fills)
        painter.fillRect(rect, workbook.styles.value(style).fill);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(GridColor, 0));
    // The grid is printed only when the sheet asks for it; headings get their frame either way.
    const bool gridLines = page.sheet->page.gridLines || m_options.testFlag(RenderOption::RenderGridLines);
    if (gridLines || headings) {
        const qreal lineStart = gridLines ? headingLeft : grid.left();
        for (const RowGeometry &row : page.rows)
            painter.drawLine(QLineF(headingLeft, row.y, gridLines ? grid.right() : lineStart, row.y));
        for (const ColumnGeometry &column : page.columns)
            painter.drawLine(QLineF(column.x, headingTop, column.x, gridLines ? grid.bottom() : grid.top()));
    }
    if (gridLines) {
        painter.drawLine(QLineF(headingLeft, grid.bottom(), grid.right(), grid.bottom()));
        painter.drawLine(QLineF(grid.right(), headingTop, grid.right(), grid.bottom()));
    }
    if (headings) {
        painter.drawLine(QLineF(headingLeft, headingTop, grid.right(), headingTop));
        painter.drawLine(QLineF(headingLeft, headingTop, headingLeft, grid.bottom()));
        painter.drawLine(QLineF(grid.left(), headingTop, grid.left(), grid.bottom()));
        painter.drawLine(QLineF(headingLeft, grid.top(), grid.right(), grid.top()));
    }
    for (const QRectF &merge : page.merges) {
        if (!gridLines)
            break; // only inner grid lines need covering
        const auto fill = std::find_if(
            page.fills.cbegin(), page.fills.cend(), [&merge](const auto &f) { return f.first == merge; });
        painter.fillRect(merge.adjusted(0.5, 0.5, -0.5, -0.5),
            fill != page.fills.cend() ? workbook.styles.value(fill->second).fill : request.background);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);

    for (qsizetype i = 0; i < page.cells.size(); ++i) {
        if (i % 64 == 0 && token.isCancelled())
            return Status::fromToken(token);
        const PlacedCell &cell = page.cells[i];
        const CellStyle style = workbook.styles.value(cell.style);
        const QFont font = fontFor(cell.style);
        const CellLayout laid = layOutCell(cell, font, &m_pointDevice);
        painter.save();
        painter.setClipRect(cell.clip.adjusted(0.5, 0.5, -0.5, -0.5));
        painter.setPen(style.color.isValid() ? style.color : ink);
        laid.layout->draw(&painter, laid.origin);
        painter.restore();
    }
    paintDrawings(page, painter, request, token);
    return {};
}

namespace {

// Where column `column` starts in the sheet, in points from column A (hidden columns count 0).
qreal sheetX(const Sheet &sheet, int column)
{
    qreal x = 0;
    for (int c = 0; c < column; ++c)
        x += sheet.columnWidth(c);
    return x;
}

// Where row `row` starts, in points from row 1, as the page geometry stacks rows.
qreal sheetY(const Sheet &sheet, int row)
{
    qreal y = 0;
    int listed = 0;
    for (const Row &entry : sheet.rows) {
        if (entry.index >= row)
            break;
        const int count = std::min(entry.repeat, row - entry.index);
        y += sheet.rowHeight(entry) * count;
        listed += count;
    }
    return y + (row - listed) * sheet.gapRowHeight();
}

// Where the sheet's point (0, 0) lies on `page`: a body cell of the page (not a repeated title
// row) relates sheet positions to the page's.
QPointF sheetOrigin(const PageGeometry &page)
{
    const ColumnGeometry &column = page.columns.last();
    const RowGeometry &row = page.rows.last();
    return QPointF(column.x - sheetX(*page.sheet, column.column), row.y - sheetY(*page.sheet, row.row));
}

// Where `drawing` lies on the page whose sheet origin is `origin`, in the page's cell space.
QRectF placeDrawing(const Sheet &sheet, const QPointF &origin, const Drawing &drawing)
{
    const QPointF from(sheetX(sheet, drawing.fromColumn), sheetY(sheet, drawing.fromRow));
    QRectF rect(origin + from + drawing.fromOffset, drawing.extent);
    if (drawing.toColumn >= 0 && drawing.toRow >= 0)
        rect.setBottomRight(
            origin + QPointF(sheetX(sheet, drawing.toColumn), sheetY(sheet, drawing.toRow)) + drawing.toOffset);
    return rect.normalized();
}

bool hasPlacedDrawings(const PageGeometry &page)
{
    return page.sheet && !page.sheet->drawings.isEmpty() && !page.columns.isEmpty() && !page.rows.isEmpty();
}

} // namespace

QFont SheetDocument::controlFont(const FormControl &control) const
{
    const Workbook &workbook = m_reader->workbook();
    QFont font;
    font.setFamilies(
        fonts::substitutes(control.fontFamily.isEmpty() ? workbook.defaultFontFamily : control.fontFamily));
    font.setPointSizeF(std::clamp(control.fontSize > 0 ? control.fontSize : workbook.defaultFontSize, 1.0, 409.0));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

std::vector<SheetDocument::PlacedCaption> SheetDocument::placedCaptions(const PageGeometry &page) const
{
    std::vector<PlacedCaption> captions;
    if (!hasPlacedDrawings(page)
        || std::none_of(page.sheet->drawings.cbegin(), page.sheet->drawings.cend(),
            [](const Drawing &drawing) { return !drawing.control.caption.isEmpty(); }))
        return captions;
    const QPointF origin = sheetOrigin(page);
    for (const Drawing &drawing : page.sheet->drawings) {
        if (drawing.control.caption.isEmpty())
            continue;
        const QRectF rect = placeDrawing(*page.sheet, origin, drawing);
        if (rect.isEmpty() || !rect.intersects(page.grid))
            continue;
        CaptionLayout laid = layOutCaption(rect, drawing.control, controlFont(drawing.control), &m_pointDevice);
        if (!laid.layout || laid.layout->lineCount() == 0)
            continue;
        laid.clip = laid.clip.intersected(page.grid);
        captions.push_back(PlacedCaption {&drawing, std::move(laid)});
    }
    return captions;
}

void SheetDocument::paintDrawings(
    const PageGeometry &page, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    if (!hasPlacedDrawings(page))
        return;
    const Sheet &sheet = *page.sheet;
    const QPointF origin = sheetOrigin(page);
    const QColor ink = text::inkFor(request.background);
    painter.save();
    painter.setClipRect(page.grid);
    for (const Drawing &drawing : sheet.drawings) {
        if (token.isCancelled())
            break;
        const QRectF rect = placeDrawing(sheet, origin, drawing);
        if (rect.isEmpty() || !rect.intersects(page.grid))
            continue;
        if (drawing.control.kind != ControlKind::None) {
            paintFormControl(
                painter, rect, drawing.control, controlFont(drawing.control), ink, request.background, &m_pointDevice);
        } else if (drawing.chart) {
            drawing.chart->paint(painter, rect);
        } else if (m_images) {
            // At the resolution the page is drawn at.
            const qreal scale = request.dpi / 72.0 * std::sqrt(std::abs(page.toPaper.determinant()));
            const QSize pixels = (rect.size() * scale).toSize().expandedTo(QSize(1, 1)).boundedTo(QSize(8000, 8000));
            painter.drawImage(rect, m_images->image(drawing.image, pixels, token));
        }
    }
    painter.restore();
}

Result<QList<TextBox>> SheetDocument::doTextBoxes(int index, const CancellationToken &token)
{
    const PageGeometry page = geometry(index);
    QList<TextBox> boxes;
    const QList<BandLine> bands = headerFooterLines(index);
    const QFont font = bandFont();
    const qreal lineSpacing = QFontMetricsF(font, &m_pointDevice).lineSpacing();
    const auto addBands = [&](bool header) {
        for (const BandLine &line : bands) {
            if (line.header == header)
                text::appendWords(boxes, line.text, font, &m_pointDevice, line.topLeft, lineSpacing);
        }
    };
    addBands(true);
    for (qsizetype i = 0; i < page.cells.size(); ++i) {
        if (i % 64 == 0 && token.isCancelled())
            return Status::fromToken(token);
        const PlacedCell &cell = page.cells[i];
        const CellLayout laid = layOutCell(cell, fontFor(cell.style), &m_pointDevice);
        const qsizetype first = boxes.size();
        for (int l = 0; l < laid.layout->lineCount(); ++l) {
            const QTextLine line = laid.layout->lineAt(l);
            text::appendLineWords(boxes, line, cell.text, laid.origin.x(), laid.origin.y() + line.y(), line.height());
        }
        // What the cell's clip cuts off is not on the page.
        for (qsizetype b = boxes.size() - 1; b >= first; --b) {
            boxes[b].rect = page.toPaper.mapRect(boxes[b].rect.intersected(cell.clip));
            if (boxes[b].rect.isEmpty())
                boxes.remove(b);
        }
        // Every cell ends a line, so a highlight never spans a cell border.
        if (boxes.size() > first)
            boxes.last().lineEnd = true;
    }
    // The controls' captions, as drawn over the cells.
    for (const PlacedCaption &caption : placedCaptions(page)) {
        const QTextLayout &layout = *caption.laid.layout;
        const qsizetype first = boxes.size();
        for (int l = 0; l < layout.lineCount(); ++l) {
            const QTextLine line = layout.lineAt(l);
            text::appendLineWords(
                boxes, line, layout.text(), caption.laid.origin.x(), caption.laid.origin.y() + line.y(), line.height());
        }
        for (qsizetype b = boxes.size() - 1; b >= first; --b) {
            boxes[b].rect = page.toPaper.mapRect(boxes[b].rect.intersected(caption.laid.clip));
            if (boxes[b].rect.isEmpty())
                boxes.remove(b);
        }
        if (boxes.size() > first)
            boxes.last().lineEnd = true;
    }
    addBands(false);
    return boxes;
}

Result<QString> SheetDocument::doText(int index, const CancellationToken &token)
{
    const PageGeometry page = geometry(index);
    QStringList lines;
    // The header's and footer's lines as printed: a line's sections separated by tabs.
    const QList<BandLine> bands = headerFooterLines(index);
    const auto bandText = [&bands](bool header) {
        QList<BandLine> sorted;
        for (const BandLine &line : bands) {
            if (line.header == header)
                sorted.append(line);
        }
        std::stable_sort(sorted.begin(), sorted.end(), [](const BandLine &a, const BandLine &b) {
            return a.topLeft.y() < b.topLeft.y() - 0.5
                || (std::abs(a.topLeft.y() - b.topLeft.y()) < 0.5 && a.topLeft.x() < b.topLeft.x());
        });
        QStringList out;
        qreal y = -1;
        for (const BandLine &line : std::as_const(sorted)) {
            if (!out.isEmpty() && std::abs(line.topLeft.y() - y) < 0.5)
                out.last() += u'\t' + line.text;
            else
                out.append(line.text);
            y = line.topLeft.y();
        }
        return out;
    };
    lines.append(bandText(true));
    // Cells by row, in column order; columns without a value in between stay as empty fields.
    qsizetype i = 0;
    while (i < page.cells.size()) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const int row = page.cells[i].rowIndex;
        QStringList fields;
        int column = 0;
        for (; i < page.cells.size() && page.cells[i].rowIndex == row; ++i) {
            const PlacedCell &cell = page.cells[i];
            while (column < cell.columnIndex) {
                fields.append(QString());
                ++column;
            }
            fields.append(cell.value);
            ++column;
        }
        lines.append(fields.join(u'\t'));
    }
    // Then the controls' captions, top to bottom, each on the page where its first line's middle is.
    QList<std::pair<QPointF, QString>> captions;
    for (const PlacedCaption &caption : placedCaptions(page)) {
        const QTextLine line = caption.laid.layout->lineAt(0);
        const QPointF middle
            = caption.laid.origin + QPointF(line.x() + line.naturalTextWidth() / 2, line.y() + line.height() / 2);
        if (page.grid.contains(middle))
            captions.append({caption.laid.origin, caption.drawing->control.caption});
    }
    std::stable_sort(captions.begin(), captions.end(), [](const auto &a, const auto &b) {
        return a.first.y() < b.first.y() || (a.first.y() == b.first.y() && a.first.x() < b.first.x());
    });
    for (const auto &[at, caption] : std::as_const(captions))
        lines.append(caption);
    lines.append(bandText(false));
    return lines.join(u'\n');
}

} // namespace folio::spreadsheet
