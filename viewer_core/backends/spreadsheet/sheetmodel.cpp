// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheetmodel.h"

#include <algorithm>
#include <cmath>

namespace folio::spreadsheet {

namespace {
// Visible columns and rows are at least this wide or high: a page then holds a bounded number of
// them, however thin a hostile file makes them.
constexpr double MinExtent = 2;
} // namespace

double Sheet::columnWidth(int column) const
{
    const auto it = std::upper_bound(
        columns.cbegin(), columns.cend(), column, [](int c, const ColumnSpan &span) { return c < span.first; });
    if (it != columns.cbegin()) {
        const ColumnSpan &span = *std::prev(it);
        if (column <= span.last) {
            if (span.hidden)
                return 0;
            return std::max(MinExtent, span.width >= 0 ? span.width : defaultColumnWidth);
        }
    }
    return std::max(MinExtent, defaultColumnWidth);
}

double Sheet::rowHeight(const Row &row) const
{
    if (row.hidden)
        return 0;
    return std::max(MinExtent, row.height >= 0 ? double(row.height) : defaultRowHeight);
}

size_t Sheet::lowerRow(int row) const
{
    const auto it = std::lower_bound(
        rows.cbegin(), rows.cend(), row, [](const Row &r, int index) { return r.index + r.repeat - 1 < index; });
    return size_t(it - rows.cbegin());
}

const Row *Sheet::rowAt(int row) const
{
    const size_t i = lowerRow(row);
    if (i < rows.size() && rows[i].index <= row)
        return &rows[i];
    return nullptr;
}

void Sheet::appendRow(Row row)
{
    if (row.index < 0 || row.index >= MaxRows)
        return;
    // Rows out of order (hand-made files) go after the last one rather than being lost.
    if (!rows.empty()) {
        const Row &last = rows.back();
        row.index = std::max(row.index, last.index + last.repeat);
        if (row.index >= MaxRows)
            return;
    }
    row.repeat = std::clamp(row.repeat, 1, MaxRows - row.index);
    if (!std::is_sorted(
            row.cells.cbegin(), row.cells.cend(), [](const Cell &a, const Cell &b) { return a.column < b.column; })) {
        std::stable_sort(
            row.cells.begin(), row.cells.end(), [](const Cell &a, const Cell &b) { return a.column < b.column; });
    }
    // Drop overlaps (two cells claiming one column): the first wins.
    int next = 0;
    QList<Cell> cells;
    cells.reserve(row.cells.size());
    for (Cell &cell : row.cells) {
        if (cell.column < next || cell.column >= MaxColumns)
            continue;
        cell.repeat = std::clamp(cell.repeat, 1, MaxColumns - cell.column);
        next = cell.column + cell.repeat;
        cells.append(std::move(cell));
    }
    row.cells = std::move(cells);
    if (!row.hidden) {
        // Readers keep empty cells only when they show something (a fill): every cell counts.
        if (!row.cells.isEmpty()) {
            const Cell &last = row.cells.constLast();
            lastColumn = std::max(lastColumn, last.column + last.repeat - 1);
            lastRow = std::max(lastRow, row.index + row.repeat - 1);
        }
    }
    rows.push_back(std::move(row));
}

const Cell *cellAt(const Row &row, int column)
{
    const auto it = std::upper_bound(
        row.cells.cbegin(), row.cells.cend(), column, [](int c, const Cell &cell) { return c < cell.column; });
    if (it == row.cells.cbegin())
        return nullptr;
    const Cell &cell = *std::prev(it);
    return column < cell.column + cell.repeat ? &cell : nullptr;
}

QRect cellsOf(const Sheet &sheet, const Drawing &drawing)
{
    const int lastColumn = drawing.toColumn >= 0 ? drawing.toColumn
                                                 : drawing.fromColumn
            + int(
                std::ceil((drawing.fromOffset.x() + drawing.extent.width()) / std::max(1.0, sheet.defaultColumnWidth)));
    const int lastRow = drawing.toRow >= 0 ? drawing.toRow
                                           : drawing.fromRow
            + int(
                std::ceil((drawing.fromOffset.y() + drawing.extent.height()) / std::max(1.0, sheet.defaultRowHeight)));
    return QRect(QPoint(drawing.fromColumn, drawing.fromRow),
        QPoint(std::clamp(lastColumn, drawing.fromColumn, 16383), std::clamp(lastRow, drawing.fromRow, 1048575)));
}

} // namespace folio::spreadsheet
