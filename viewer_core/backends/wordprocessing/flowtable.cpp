// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowtable.h"

#include "flowdocument.h"

#include <QTextTable>

#include <algorithm>

namespace folio::wordprocessing {

FlowTableBuilder::FlowTableBuilder(FlowDocument &flow, QTextCursor &cursor, bool &fresh, int maxColumns,
    std::function<QTextTableFormat(int columns)> tableFormat)
    : m_flow(flow)
    , m_cursor(cursor)
    , m_fresh(fresh)
    , m_maxColumns(maxColumns)
    , m_tableFormat(std::move(tableFormat))
{ }

void FlowTableBuilder::create(int columns)
{
    if (m_fresh) {
        // The unused block stays before the table; make it take no room.
        QTextBlockFormat empty;
        empty.setLineHeight(0, QTextBlockFormat::FixedHeight);
        QTextCharFormat tiny;
        tiny.setFontPointSize(1);
        formatFreshBlock(m_cursor, empty, tiny);
    }
    m_table = m_cursor.insertTable(1, columns, m_tableFormat(columns));
    m_fresh = false;
}

void FlowTableBuilder::closeMerge(int column)
{
    const auto found = m_openMerges.constFind(column);
    if (found == m_openMerges.cend())
        return;
    const int rows = m_row - found->first;
    if (rows > 1 || found->second > 1)
        m_merges.append({found->first, column, rows, found->second});
    m_openMerges.erase(found);
}

bool FlowTableBuilder::mergeSpansCut() const
{
    if (!m_openMerges.isEmpty())
        return true;
    return std::any_of(m_merges.cbegin(), m_merges.cend(),
        [this](const std::array<int, 4> &merge) { return merge[0] + merge[2] - 1 > m_row; });
}

bool FlowTableBuilder::beginRow(bool header)
{
    if (m_table && m_cells + m_table->columns() > MaxCells) {
        ++m_skippedRows;
        return false;
    }
    if (m_table && m_row + 1 >= ChunkRows && !mergeSpansCut()) {
        finishPart();
        m_row = -1;
        m_headerRows = 0;
        m_headerRunning = false;
        m_flow.flushEdits();
    }
    ++m_row;
    m_column = 0;
    if (header && m_headerRunning)
        ++m_headerRows;
    else
        m_headerRunning = false;
    return true;
}

QTextCursor *FlowTableBuilder::placeCell(const Cell &cell, std::optional<int> advance)
{
    m_cellRow = -1;
    int span = std::clamp(cell.span, 1, m_maxColumns);
    if (!m_table)
        create(std::clamp(std::max(m_gridColumns, m_column + span), 1, m_maxColumns));
    if (m_row >= m_table->rows())
        growRows(m_table, m_row + 1);
    if (m_column + span > m_table->columns() && m_table->columns() < m_maxColumns)
        m_table->appendColumns(std::min(m_maxColumns, m_column + span) - m_table->columns());
    // Past the last column (a hostile row) the content goes into the last cell: nothing is lost.
    const int column = std::min(m_column, m_table->columns() - 1);
    m_column += advance.value_or(span);
    span = std::clamp(span, 1, m_table->columns() - column);
    ++m_cells;
    if (cell.merge == VerticalMerge::Continue && m_openMerges.contains(column))
        return nullptr;
    closeMerge(column);
    if (cell.merge == VerticalMerge::Restart)
        m_openMerges.insert(column, {m_row, span});
    else if (span > 1 || cell.rowSpan > 1)
        m_merges.append({m_row, column, std::max(1, cell.rowSpan), span});

    QTextTableCell target = m_table->cellAt(m_row, column);
    QTextTableCellFormat format = target.format().toTableCellFormat();
    format.setLeftPadding(m_flow.px(cell.padding));
    format.setRightPadding(m_flow.px(cell.padding));
    if (cell.background)
        format.setBackground(*cell.background);
    applyEdges(format, cell);
    format.setVerticalAlignment(cell.vertical == Qt::AlignVCenter ? QTextCharFormat::AlignMiddle
            : cell.vertical == Qt::AlignBottom                    ? QTextCharFormat::AlignBottom
                                                                  : QTextCharFormat::AlignTop);
    target.setFormat(format);
    m_cellFormat = format;
    m_cellRow = m_row;
    m_cellColumn = column;
    m_cellCursor = target.firstCursorPosition();
    return &m_cellCursor;
}

void FlowTableBuilder::applyEdges(QTextTableCellFormat &format, const Cell &cell) const
{
    using Setter = void (QTextTableCellFormat::*)(qreal);
    using BrushSetter = void (QTextTableCellFormat::*)(const QBrush &);
    using StyleSetter = void (QTextTableCellFormat::*)(QTextFrameFormat::BorderStyle);
    const std::tuple<const std::optional<Edge> &, Setter, BrushSetter, StyleSetter> sides[] = {
        {cell.top, &QTextTableCellFormat::setTopBorder, &QTextTableCellFormat::setTopBorderBrush,
            &QTextTableCellFormat::setTopBorderStyle},
        {cell.left, &QTextTableCellFormat::setLeftBorder, &QTextTableCellFormat::setLeftBorderBrush,
            &QTextTableCellFormat::setLeftBorderStyle},
        {cell.bottom, &QTextTableCellFormat::setBottomBorder, &QTextTableCellFormat::setBottomBorderBrush,
            &QTextTableCellFormat::setBottomBorderStyle},
        {cell.right, &QTextTableCellFormat::setRightBorder, &QTextTableCellFormat::setRightBorderBrush,
            &QTextTableCellFormat::setRightBorderStyle},
    };
    for (const auto &[edge, width, brush, style] : sides) {
        if (!edge)
            continue;
        (format.*width)(edge->width > 0 ? m_flow.px(edge->width) : 0);
        (format.*brush)(edge->color);
        (format.*style)(edge->width > 0 ? QTextFrameFormat::BorderStyle_Solid : QTextFrameFormat::BorderStyle_None);
    }
}

void FlowTableBuilder::endCell()
{
    if (m_table && m_cellRow >= 0)
        m_table->cellAt(m_cellRow, m_cellColumn).setFormat(m_cellFormat);
    m_cellRow = -1;
}

void FlowTableBuilder::finishPart()
{
    trimRows(m_table, m_row + 1);
    ++m_row; // open vertical merges end after the last row
    const QList<int> open = m_openMerges.keys();
    for (const int column : open)
        closeMerge(column);
    for (const auto &[row, column, rows, columns] : std::as_const(m_merges))
        mergeTableCells(m_table, row, column, rows, columns);
    m_merges.clear();
    QTextTableFormat format = m_table->format();
    if (m_headerRows > 0 && m_headerRows < m_table->rows())
        format.setHeaderRowCount(m_headerRows);
    if (m_finishFormat)
        m_finishFormat(format);
    m_table->setFormat(format);
    m_cursor = cursorAfter(m_table);
    m_fresh = true;
    m_table = nullptr;
}

void FlowTableBuilder::finish()
{
    if (m_table && m_lastRowFormat && m_row >= 0 && m_row < m_table->rows())
        m_lastRowFormat(m_table, m_row);
    if (m_table)
        finishPart();
    if (m_skippedRows > 0) {
        QTextCharFormat note;
        note.setFontItalic(true);
        m_cursor.setBlockFormat(QTextBlockFormat());
        m_cursor.insertText(tr("[%n more table rows not shown]", nullptr, m_skippedRows), note);
        m_fresh = false;
        m_skippedRows = 0;
    }
}

QList<QTextLength> columnWidths(const QList<qreal> &widths, int columns, const FlowDocument &flow)
{
    QList<QTextLength> constraints;
    for (int i = 0; i < columns; ++i) {
        const qreal width = i < widths.size() ? widths[i] : 0;
        constraints.append(width > 0 ? QTextLength(QTextLength::FixedLength, flow.px(width))
                                     : QTextLength(QTextLength::VariableLength, 0));
    }
    return constraints;
}

} // namespace folio::wordprocessing
