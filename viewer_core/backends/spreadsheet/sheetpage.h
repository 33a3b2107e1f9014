// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheetmodel.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <QTransform>

#include <utility>

// Where everything of one printed sheet page goes, in points: computed from the model for each
// render, text and textBoxes call (cheap: one page of cells), so the three always agree.
namespace folio::spreadsheet {

inline constexpr qreal HeaderFooterFontSize = 10;
inline constexpr int MaxBandLines = 10; // lines of each header or footer section
inline constexpr qreal HeadingFontSize = 7; // column letters and row numbers
inline constexpr qreal HeadingHeight = 11;
inline constexpr qreal CellPadding = 2;

struct ColumnGeometry
{
    int column = 0;
    qreal x = 0;
    qreal width = 0;
};

struct RowGeometry
{
    int row = 0;
    qreal y = 0;
    qreal height = 0;
    const Row *entry = nullptr; // nullptr for a row the file does not list (empty, default height)
};

// A cell value as drawn: laid out in `rect` (the cell, or its merged range), painted inside `clip`
// (wider when text flows into empty neighbours).
struct PlacedCell
{
    QRectF rect;
    QRectF clip;
    QString text; // as drawn: line breaks as QChar::LineSeparator, hashes for a number too wide
    QString value; // the cell's text on one line, for text()
    int style = 0;
    HAlign align = HAlign::Left; // resolved: never General
    bool wrap = false;
    int rowIndex = 0; // into PageGeometry::rows
    int columnIndex = 0; // into PageGeometry::columns
};

struct PageGeometry
{
    const Sheet *sheet = nullptr; // nullptr: a page without a sheet
    QString title; // drawn at the top of a page without a sheet
    int number = 0; // 1-based
    // The cells are laid out in the sheet's points from the top-left of the headings (or of the
    // grid when there are none); this maps them onto the paper (margins and scale).
    QTransform toPaper;
    qreal headingWidth = 0; // 0 when headings are not printed
    qreal headingHeight = 0;
    QList<ColumnGeometry> columns;
    QList<RowGeometry> rows;
    QRectF grid; // the cells' area
    QList<std::pair<QRectF, int>> fills; // rectangles and the style whose fill they show
    QList<QRectF> merges; // merged ranges as drawn on this page (their inner grid lines hidden)
    QList<PlacedCell> cells;
};

} // namespace folio::spreadsheet
