// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QMarginsF>
#include <QPointF>
#include <QRect>
#include <QSizeF>
#include <QString>

#include <algorithm>
#include <memory>
#include <vector>

// The sheet model both readers (XLSX and ODS) fill and the pages are drawn from. Cells are plain
// values kept row by row, already turned into the text they show, so drawing a page never formats
// numbers again. Repeats (ODS's number-columns-repeated / number-rows-repeated) stay runs: a row
// of a billion empty cells costs nothing, and one of repeated values costs one entry.
namespace folio::office {
class Chart;
}

namespace folio::spreadsheet {

// Pictures, charts and controls kept per sheet; a file with more keeps the first ones.
constexpr int MaxDrawings = 1000;
// Print areas kept per sheet; a file with more keeps the first ones.
constexpr int MaxPrintAreas = 64;
// Title rows or columns repeated on each page; a file asking for more repeats none.
constexpr int MaxTitleLines = 100;

// Merged ranges kept per sheet; a file with more (a bomb of merges) keeps the first ones.
constexpr int MaxMergedRanges = 100'000;

// Excel's and LibreOffice's grid: XFD1048576. Anything past it is dropped.
inline constexpr int MaxRows = 1'048'576;
inline constexpr int MaxColumns = 16'384;

enum class CellKind : quint8 {
    Empty, // no value: only its style (a fill) shows
    Text,
    Number, // numbers, dates, times, percentages, currencies: right-aligned
    Boolean,
    Error,
};

enum class HAlign : quint8 { General, Left, Center, Right };

struct CellStyle
{
    QString fontFamily; // empty: the workbook's default
    double fontSize = 0; // points; 0: the workbook's default
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool strikeOut = false;
    bool wrap = false;
    HAlign align = HAlign::General;
    QColor color; // invalid: automatic (black)
    QColor fill; // invalid: none
    QString numberFormat; // XLSX format code; empty: General
    bool isDate = false; // numberFormat shows dates or times
};

struct Cell
{
    int column = 0;
    int repeat = 1; // identical cells from `column` on
    quint16 style = 0;
    CellKind kind = CellKind::Empty;
    bool general = false; // a number in the General format: narrowed to fit its column when drawn
    double number = 0; // its value
    QString text; // as shown

    bool hasContent() const { return kind != CellKind::Empty; }
};

struct Row
{
    int index = 0;
    int repeat = 1; // identical rows from `index` on
    float height = -1; // points; < 0: the sheet's default
    bool hidden = false;
    QList<Cell> cells; // by column, no overlap
};

struct ColumnSpan
{
    int first = 0;
    int last = 0; // inclusive
    double width = -1; // points; < 0: the sheet's default
    bool hidden = false;
};

// One line of a printed header or footer: three sections, each text with Excel's field codes
// (&P page, &N pages, &A sheet, &F file, &D date, &T time, && a literal &). ODS fields are turned
// into the same codes, so one expansion serves both formats.
struct HeaderFooterLine
{
    QString left;
    QString center;
    QString right;

    bool isEmpty() const { return left.isEmpty() && center.isEmpty() && right.isEmpty(); }
};

// How the file asks the sheet to be printed. The defaults are what a file without any page setup
// gets in LibreOffice: A4 portrait, 2 cm margins, no grid, no headings, no header or footer.
struct PageSetup
{
    QSizeF paper {595.28, 841.89}; // points, orientation applied
    QMarginsF margins {56.69, 56.69, 56.69, 56.69}; // points from the paper's edges to the cells
    double headerMargin = 28.35; // points from the top edge to the header's text
    double footerMargin = 28.35; // points from the bottom edge to the footer's text
    bool gridLines = false;
    bool headings = false; // column letters and row numbers
    double scale = 1; // the sheet's size on paper
    // Fit to pages: the scale shrinks so the printed range is at most this many pages wide and
    // high (0: no constraint in that direction). Only used when `fitToPages`.
    bool fitToPages = false;
    int fitWidth = 1;
    int fitHeight = 1;
    bool overThenDown = false; // page order: across first, then down
    HeaderFooterLine header;
    HeaderFooterLine footer;
    QList<int> rowBreaks; // a page starts at each of these rows (sorted)
    QList<int> columnBreaks; // and at each of these columns (sorted)
    // x = column, y = row; each printed on pages of its own, in this order. Empty: the used range
    // from A1. At most MaxPrintAreas.
    QList<QRect> printAreas;
    int titleFirstRow = -1; // rows repeated at the top of each page (-1: none)
    int titleLastRow = -1; // MaxRows - 1 while an ODS reader has not reached their end
    int titleFirstColumn = -1; // columns repeated at the left of each page (-1: none)
    int titleLastColumn = -1;

    bool hasTitleRows() const { return titleFirstRow >= 0 && titleLastRow >= titleFirstRow; }
    bool hasTitleColumns() const { return titleFirstColumn >= 0 && titleLastColumn >= titleFirstColumn; }
};

// A form control (VML x:ClientData) or ActiveX control drawn over the cells, as printed: its
// frame and its caption; lists and drop-downs show an empty box, as LibreOffice prints them.
enum class ControlKind : quint8 {
    None, // not a control: a picture or chart
    Button,
    CheckBox,
    Radio,
    DropDown,
    ListBox,
    Label,
    GroupBox,
    Edit,
    Spinner,
    ScrollBar,
};

struct FormControl
{
    ControlKind kind = ControlKind::None;
    QString caption; // lines separated by '\n'
    bool checked = false; // check boxes and option buttons
    HAlign align = HAlign::General; // of the caption; General: the kind's own
    bool verticalCenter = false; // caption centred vertically (else at the top)
    QString fontFamily; // empty: the workbook's default
    double fontSize = 0; // points; 0: the workbook's default
};

// A picture, chart or control placed over the cells (XLSX drawing parts: xdr:twoCellAnchor,
// xdr:oneCellAnchor, xdr:absoluteAnchor; VML form controls), anchored to cells as the file says.
struct Drawing
{
    int fromColumn = 0;
    int fromRow = 0;
    QPointF fromOffset; // points into the anchor cell
    int toColumn = -1; // -1: the size is `extent`
    int toRow = -1;
    QPointF toOffset;
    QSizeF extent; // points, when there is no second cell
    QString image; // package path of a picture
    std::shared_ptr<const office::Chart> chart;
    FormControl control;
};

struct Sheet
{
    QString name;
    bool hidden = false;
    double defaultColumnWidth = 48; // points
    double defaultRowHeight = 15; // points
    bool rowsHiddenByDefault = false; // XLSX zeroHeight: rows not written are hidden
    QList<ColumnSpan> columns; // sorted by first, no overlap
    std::vector<Row> rows; // sorted by index, no overlap
    QList<QRect> merges; // x = column, y = row, in cells; clipped to the grid
    QList<Drawing> drawings; // known before the rows: their cells count as used
    PageSetup page;
    // The range the producer says is used (XLSX's dimension), known before the rows: fitting to
    // pages needs the sheet's size when its first page is laid out.
    QRect declaredRange;
    // The used range: the last row and column holding a value or a fill (-1 while empty).
    int lastRow = -1;
    int lastColumn = -1;
    bool complete = false; // every row has been read

    double columnWidth(int column) const; // 0 when hidden
    double rowHeight(const Row &row) const; // 0 when hidden
    double gapRowHeight() const { return rowsHiddenByDefault ? 0 : std::max(2.0, defaultRowHeight); }
    // The entry covering row `row`, or nullptr.
    const Row *rowAt(int row) const;
    // Index of the first entry ending at or after `row`.
    size_t lowerRow(int row) const;
    // Records a finished row: keeps the cells in column order and the used range up to date.
    void appendRow(Row row);
};

// The cells drawing `drawing` covers (x = column, y = row), a one-cell anchor's size estimated
// from the default column width and row height.
QRect cellsOf(const Sheet &sheet, const Drawing &drawing);

// The cell of `row` covering `column`, or nullptr.
const Cell *cellAt(const Row &row, int column);

} // namespace folio::spreadsheet
