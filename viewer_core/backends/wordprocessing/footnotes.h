// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTextFormat>

#include <functional>

class QTextDocument;

namespace folio::wordprocessing {

// Char format property of a footnote's mark in the body: the note's index in the FlowDocument's
// table of notes (FlowDocument::footnoteMark()).
inline constexpr int FootnoteProperty = QTextFormat::UserProperty + 60;

// Room kept above a page's notes for the separator rule, in points.
inline constexpr qreal FootnoteSeparatorHeight = 12;

// Finding where footnotes go in a QTextDocument paginated by QTextDocument::setPageSize() (see
// textdocumentpages.h): the notes whose marks are laid out on a page, and making room for them
// at the page's foot by moving the lines that would run into them to the next page.
namespace footnotes {

// The notes marked on `page`, in the order of their marks. Blocks before block number `from` are
// not looked at; `from` becomes the first block with a line on the next page or later.
QList<int> notesOnPage(const QTextDocument &document, int page, qreal pageHeight, int &from);

// Where the content of `page` ends (in the page's coordinates, 0 at its top); 0 if it has none.
qreal contentBottom(const QTextDocument &document, int page, qreal pageHeight, int from);

// Called with (position, 1) after a paragraph was split at `position`: positions kept elsewhere
// from there on move by one.
using ShiftPositions = std::function<void(int position, int by)>;

// Moves what runs below `limit` (in the page's coordinates) on `page` to the next page: a whole
// paragraph that starts on the page after other content, or the lines from the first one below
// the limit, split off into a paragraph of their own. False when nothing can move (the first
// paragraph on the page, content in tables and frames, and with `keepLast` the empty paragraph
// at the end, which a reader may still fill).
bool makeRoom(QTextDocument &document, int page, qreal pageHeight, qreal limit, int from, bool keepLast,
    const ShiftPositions &shift);

// Honours keepLines and keepNext (KeepProperty) at the foot of `page`: a kept paragraph cut by
// the page's end, or paragraphs kept with a next one that starts the next page, move to the next
// page, unless they are all the page has. True when something moved.
bool keepTogether(QTextDocument &document, int page, qreal pageHeight, int from, bool keepLast);

} // namespace footnotes

} // namespace folio::wordprocessing
