// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QList>
#include <QPointF>
#include <QString>

namespace folio {

// Text selection on one page, by whole words in reading order. Pure functions: no widget, no
// document, so the rules are unit-tested on their own. Points are in the same coordinates as the
// boxes (points on the upright page).

// Where a point falls among the words of a page. Inside word i: before = i, after = i + 1.
// Elsewhere (margins, gaps between words or lines): before = after = the number of words that come
// earlier in reading order.
struct TextPosition
{
    int before = 0;
    int after = 0;
};

// Words [begin, end) and their text, joined like the page reads.
struct TextSelection
{
    int begin = 0;
    int end = 0;
    QString text;

    bool isEmpty() const { return end <= begin; }
};

// Lines are runs of boxes ending at a TextBox::lineEnd or where the next box does not share the
// line's height (a backend that never sets lineEnd still gets lines). A point within a line's
// height belongs to the line nearest to it horizontally (columns); a point between lines to the
// gap after the line above it.
TextPosition textPosition(const QList<TextBox> &boxes, QPointF point);

// The words between `from` and `to` in reading order, in either direction: every word a point is
// on, and every word between them. Both points in the same gap (empty space) select nothing.
TextSelection selectText(const QList<TextBox> &boxes, QPointF from, QPointF to);

// The text of words [begin, end): a newline after a word that ends its line, a space after one
// with spaceAfter, nothing after the last.
QString joinedText(const QList<TextBox> &boxes, int begin, int end);

} // namespace folio
