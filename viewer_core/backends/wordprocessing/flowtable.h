// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QTextCursor>
#include <QTextLength>
#include <QTextTableCellFormat>
#include <QTextTableFormat>

#include <array>
#include <functional>
#include <optional>

class QTextTable;

namespace folio::wordprocessing {

class FlowDocument;

// Builds one table of a flow document as a reader meets its rows and cells, for DOCX and ODT
// alike; the readers only parse their XML. The QTextTable is made at the first cell with the
// reader's format; rows are grown in batches; a long table goes on as a new table every ChunkRows
// rows where no merge spans the cut (QTextDocumentLayout lays a table out at once when an edit
// block ends, so parts keep layout incremental and cancellable; header rows stay with the first
// part); merges are applied and header rows set when the table ends; rows past the cell limit are
// skipped and said so in a note after the table.
//
// Used on the reader's thread only; `cursor` and `fresh` are the reader's and are left after the
// table when it is finished.
class FlowTableBuilder
{
    Q_DECLARE_TR_FUNCTIONS(folio::wordprocessing::FlowTableBuilder)
public:
    static constexpr int ChunkRows = 200;
    static constexpr qint64 MaxCells = 200'000;

    enum class VerticalMerge { None, Restart, Continue }; // DOCX's w:vMerge
    // One side of a cell's border; width 0 draws none.
    struct Edge
    {
        qreal width = 0; // points
        QColor color = Qt::black;
    };
    struct Cell
    {
        // Unset sides take the table's border.
        std::optional<Edge> top, left, bottom, right;
        int span = 1; // columns
        int rowSpan = 1; // rows (ODT's number-rows-spanned)
        VerticalMerge merge = VerticalMerge::None;
        std::optional<QColor> background;
        Qt::Alignment vertical = Qt::AlignTop;
        qreal padding = 0; // left and right, in points
    };

    // `tableFormat` gives the QTextTableFormat of a table of so many columns, made when its first
    // cell is placed (and again for each part of a long table); `maxColumns` caps the grid.
    FlowTableBuilder(FlowDocument &flow, QTextCursor &cursor, bool &fresh, int maxColumns,
        std::function<QTextTableFormat(int columns)> tableFormat);
    FlowTableBuilder(const FlowTableBuilder &) = delete;
    FlowTableBuilder &operator=(const FlowTableBuilder &) = delete;

    // Starts the next row; `header` rows count as the table's header while they come first. False
    // when the cell limit is reached: the row is to be skipped (and is noted after the table).
    bool beginRow(bool header = false);
    // The columns the table declares (DOCX's tblGrid, ODT's table-column elements): the table is
    // made at least this wide.
    void setGridColumns(int columns) { m_gridColumns = columns; }
    // Moves the next cell on by `columns` grid columns (DOCX's gridBefore, ODT's covered cells).
    void skipColumns(int columns) { m_column += columns; }
    // Places a cell at the current column and moves the column on by its span (by `advance` when
    // set: ODT's repeated cells). Returns where its content goes, or nullptr when there is no room
    // for it or it continues a vertical merge, whose content Word ignores too.
    QTextCursor *placeCell(const Cell &cell, std::optional<int> advance = {});
    // Writing a cell's first paragraph replaces the cell's format: call after its content.
    void endCell();
    // The grid column the next cell goes to.
    int column() const { return m_column; }
    // Called with the table and its last row when the table ends (DOCX's last-row formatting,
    // which streaming cannot know before).
    void setLastRowFormat(std::function<void(QTextTable *, int row)> format) { m_lastRowFormat = std::move(format); }
    // Gives `format` the sides of `cell` that are set.
    void applyEdges(QTextTableCellFormat &format, const Cell &cell) const;
    bool hasTable() const { return m_table != nullptr; }
    // Called on the format of every part of the table as it ends (ODT's borders, known only once
    // its cells are read).
    void setFinishFormat(std::function<void(QTextTableFormat &)> adjust) { m_finishFormat = std::move(adjust); }
    // Ends the table: spare rows, merges, header rows, the cursor after it, and the note of
    // skipped rows.
    void finish();

private:
    void create(int columns);
    void closeMerge(int column);
    // Ends the current part of the table (a long one goes on as another).
    void finishPart();
    bool mergeSpansCut() const;

    FlowDocument &m_flow;
    QTextCursor &m_cursor;
    bool &m_fresh;
    int m_maxColumns;
    int m_gridColumns = 0;
    std::function<QTextTableFormat(int)> m_tableFormat;
    std::function<void(QTextTableFormat &)> m_finishFormat;
    std::function<void(QTextTable *, int)> m_lastRowFormat;
    QTextTable *m_table = nullptr;
    int m_row = -1;
    int m_column = 0;
    int m_headerRows = 0;
    bool m_headerRunning = true;
    qint64 m_cells = 0;
    int m_skippedRows = 0;
    // Vertical merges open per column: (first row, column span).
    QHash<int, std::pair<int, int>> m_openMerges;
    QList<std::array<int, 4>> m_merges; // row, column, rows, columns
    QTextCursor m_cellCursor;
    QTextTableCellFormat m_cellFormat;
    int m_cellRow = -1;
    int m_cellColumn = -1;
};

// The width constraints of `columns` columns from the widths a table declares (points; missing
// or zero ones are left to the layout).
QList<QTextLength> columnWidths(const QList<qreal> &widths, int columns, const FlowDocument &flow);

} // namespace folio::wordprocessing
