// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"
#include "document.h"
#include "status.h"

#include <QList>
#include <QMetaType>
#include <QRectF>
#include <QString>

namespace folio {

struct SearchOptions
{
    bool caseSensitive = false;
    // A hit must not have a letter, digit or combining mark right before or after it.
    bool wholeWords = false;

    friend bool operator==(const SearchOptions &, const SearchOptions &) = default;
};

// One occurrence of the searched text.
struct SearchHit
{
    int page = -1; // 0-based
    // Where it is, in points on the upright page (like TextBox::rect): one rectangle per line the
    // hit touches. Empty when the format only knows that the page contains the text.
    QList<QRectF> rects;

    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

// Every occurrence of `needle` in the words `boxes` of page `page`, in reading order.
//
// The boxes are joined into the page's text with one space after each box whose spaceAfter is set
// (TextBox::lineEnd alone joins without one: a word wrapped over two lines stays one word), so a
// phrase can span boxes and lines. The needle is trimmed and its runs of white space count as one
// space. Without caseSensitive, both sides are compared by Unicode simple case folding (ß stays
// ß, final sigma matches sigma); compatibility ligatures (ﬁ, ﬂ, ĳ) always match their letters.
// Occurrences do not overlap: "aa" occurs twice in "aaaaa". A partial word is highlighted by
// interpolating along its box, a box taller than wide (vertical text) is highlighted whole.
// An empty needle finds nothing.
QList<SearchHit> findInBoxes(
    const QList<TextBox> &boxes, int page, const QString &needle, const SearchOptions &options = {});

// For formats with Capability::Text but no TextLayout: one hit with no rectangles per occurrence of
// `needle` in `text` (page `page`), with the same matching rules as findInBoxes() (any white space
// in `text` counts as one space).
QList<SearchHit> findInText(const QString &text, int page, const QString &needle, const SearchOptions &options = {});

// The occurrences of `needle` on page `page` of `document`, from its textBoxes(). Unsupported
// (with a message for the user) when the document lacks Capability::TextLayout; Canceled or
// TimedOut when the token stops it. Uses the document: call it where the document may be used.
Result<QList<SearchHit>> findInPage(
    Document &document, int page, const QString &needle, const SearchOptions &options, const CancellationToken &token);

// "This document's format does not support search", for callers that check capabilities first.
QString searchUnsupportedMessage();

} // namespace folio

Q_DECLARE_METATYPE(folio::SearchHit)
