// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QTextFormat>

#include <utility>

class QAbstractTextDocumentLayout;
class QObject;
class QPainter;
class QPaintDevice;
class QTextBlock;
class QTextDocument;
class QTextLine;

namespace folio::text {

// Helpers for a QTextDocument laid out on pages by QTextDocument::setPageSize() (document
// margin 0, a point-sized paint device: see makePointDevice()). QTextDocumentLayout moves a line
// that would straddle a page boundary to the next page, so a line's page is where its middle
// falls. Pages here count from 0 within the one document; callers add their own offset.
// (The technique of MarkdownDocument, shared with the EPUB backend.)

// QTextDocumentLayout treats lengths in formats (margins, fixed line heights, image sizes) as
// pixels at the screen's DPI and scales them to the paint device; this is that factor.
qreal formatLengthScale(QPaintDevice *device);
// Where a block's layout starts in document coordinates (blocks in tables are nested in frames).
qreal layoutOrigin(const QTextBlock &block, const QAbstractTextDocumentLayout *layout);

// Delivers the layout's pending timers now, on the owning thread: see the definition.
void deliverPendingTimers(QObject *object);

// A block's text as a reader would copy it: hard line breaks as '\n', no object placeholders.
QString readableText(QString text);
// The char format property giving an object character's text (an equation's linear form, a
// diagram's words), which blockText() puts in the object's place: text of several lines (a
// diagram's) on lines of its own.
inline constexpr int ObjectTextProperty = QTextFormat::UserProperty + 63;
// readableText() of `length` characters of `block` from `from` (in the block), objects with an
// ObjectTextProperty given by their text; -1: to the block's end.
QString blockText(const QTextBlock &block, int from = 0, int length = -1);

// Per block, in document order: the pages of its first and last line.
using BlockPages = QList<std::pair<int, int>>;
BlockPages indexBlockPages(const QTextDocument &document, qreal pageHeight);

// Pages the laid-out content covers (at least 1): up to the last block's bottom margin, which
// `lengthScale` (formatLengthScale()) converts to device units.
int contentPageCount(const QTextDocument &document, qreal pageHeight, qreal lengthScale);

// The page of the line holding character `position`.
int pageOfPosition(const QTextDocument &document, int position, qreal pageHeight);
// The page of `position` (as pageOfPosition()) and where its line is drawn there: from the
// position's x to the line's end, in the coordinates of a page's content area.
std::pair<int, QRectF> positionOnPage(const QTextDocument &document, int position, qreal pageHeight);

// The text on `page`: whole blocks, and the lines on this page of blocks cut by a page break.
// Blocks before `firstBlock` are skipped (spacers).
QString pageText(
    const QTextDocument &document, const BlockPages &pages, int page, qreal pageHeight, int firstBlock = 0);

// The cursor positions [from, to) of the text on `page`: from the first line on it to the end of
// the last, blocks before `firstBlock` skipped. An empty range (from == to) when nothing is on it.
std::pair<int, int> pagePositions(
    const QTextDocument &document, const BlockPages &pages, int page, qreal pageHeight, int firstBlock = 0);

// The words on `page` as TextBoxes in page points: `origin` is where the content area's top left
// corner sits on the page (the page margins).
void appendPageWords(QList<TextBox> &boxes, const QTextDocument &document, const BlockPages &pages, int page,
    qreal pageHeight, QPointF origin, int firstBlock = 0);

// A piece of a link on a page: where the text of an anchor (QTextCharFormat::isAnchor()) sits, in
// page points like appendPageWords()' boxes, and the address it gives (anchorHref()). An anchor
// gives one piece per line it covers.
struct AnchorArea
{
    QString href;
    QRectF rect;
};

// The anchors of `line` of `block`, placed like appendLineWords() places words: `left` is where
// the block's x = 0 falls on the page, each piece spans the line's band from `top` down by `height`.
// Neighbouring fragments of one address (a bold word inside a link) make one piece.
void appendLineAnchors(
    QList<AnchorArea> &areas, const QTextBlock &block, const QTextLine &line, qreal left, qreal top, qreal height);

// The anchors on `page`, placed as appendPageWords() places the words.
void appendPageAnchors(QList<AnchorArea> &areas, const QTextDocument &document, const BlockPages &pages, int page,
    qreal pageHeight, QPointF origin, int firstBlock = 0);

// Whether an anchor's address names a scheme ("https:", "mailto:"): an address for another
// program rather than a place in this document or a file next to it. One-letter schemes are
// Windows drive letters ("C:\notes.txt"), so files.
bool hasUrlScheme(const QString &href);
// The name of each anchor (QTextCharFormat::anchorNames(), the ids of HTML) with the position of
// the text it marks, in document order.
QList<std::pair<QString, int>> anchorNamePositions(const QTextDocument &document);

// Draws `page` of the document with the painter's origin at the content area's top left corner.
// Content may run `bleed` points into the side margins (wide tables), never onto another page.
void drawDocumentPage(
    QPainter &painter, QTextDocument &document, int page, QSizeF contentSize, qreal bleed, const QColor &ink);

} // namespace folio::text
