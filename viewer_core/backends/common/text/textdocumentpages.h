// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <utility>

class QAbstractTextDocumentLayout;
class QObject;
class QPainter;
class QPaintDevice;
class QTextBlock;
class QTextDocument;

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

// Per block, in document order: the pages of its first and last line.
using BlockPages = QList<std::pair<int, int>>;
BlockPages indexBlockPages(const QTextDocument &document, qreal pageHeight);

// Pages the laid-out content covers (at least 1): up to the last block's bottom margin, which
// `lengthScale` (formatLengthScale()) converts to device units.
int contentPageCount(const QTextDocument &document, qreal pageHeight, qreal lengthScale);

// The page of the line holding character `position`.
int pageOfPosition(const QTextDocument &document, int position, qreal pageHeight);

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

// Draws `page` of the document with the painter's origin at the content area's top left corner.
// Content may run `bleed` points into the side margins (wide tables), never onto another page.
void drawDocumentPage(
    QPainter &painter, QTextDocument &document, int page, QSizeF contentSize, qreal bleed, const QColor &ink);

} // namespace folio::text
