// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/text/textdocumentpages.h"

#include "backends/common/text/textpage.h"

#include <QAbstractEventDispatcher>
#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimerEvent>

#include <cmath>

namespace folio::text {

qreal layoutOrigin(const QTextBlock &block, const QAbstractTextDocumentLayout *layout)
{
    return layout->blockBoundingRect(block).top() - block.layout()->boundingRect().top();
}

namespace {

int pageOfLine(qreal origin, const QTextLine &line, qreal pageHeight)
{
    return int(std::floor((origin + line.y() + line.height() / 2) / pageHeight));
}

// Calls visit(block, lines, index, left, top) for each line of `document` that drawDocumentPage()
// draws on `page` (left and top: where the line is drawn, in the page's coordinates shifted by
// `origin`), in the blocks from `firstBlock` on for which wanted(block) is true.
template<typename Wanted, typename Visit>
void forEachLineOnPage(const QTextDocument &document, const BlockPages &pages, int page, qreal pageHeight,
    QPointF origin, int firstBlock, const Wanted &wanted, const Visit &visit)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    // drawDocumentPage() draws the document shifted up by `top`.
    const qreal top = page * pageHeight;
    int number = 0;
    for (QTextBlock block = document.begin(); block.isValid() && number < pages.size();
         block = block.next(), ++number) {
        const auto [first, last] = pages[number];
        const QTextLayout *lines = block.layout();
        if (first > page || last < page || number < firstBlock || !lines || !wanted(block))
            continue;
        // QTextDocumentLayout draws a block's lines from this point (frames and table cells included).
        const QPointF blockOrigin = layout->blockBoundingRect(block).topLeft();
        const qreal pageOrigin = layoutOrigin(block, layout);
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            if (pageOfLine(pageOrigin, line, pageHeight) == page)
                visit(block, *lines, i, origin.x() + blockOrigin.x(), origin.y() + blockOrigin.y() + line.y() - top);
        }
    }
}

} // namespace

qreal formatLengthScale(QPaintDevice *device)
{
    QTextDocument probe;
    probe.setPlainText(QStringLiteral("x\ny"));
    probe.setDocumentMargin(0);
    QTextBlockFormat format;
    format.setLineHeight(1000, QTextBlockFormat::FixedHeight);
    QTextCursor(&probe).setBlockFormat(format);
    QAbstractTextDocumentLayout *layout = probe.documentLayout();
    layout->setPaintDevice(device);
    probe.setPageSize(QSizeF(1000, 100000));
    // A fixed line height moves what follows but is not part of the block's own bounding rect.
    const qreal height
        = layout->blockBoundingRect(probe.lastBlock()).top() - layout->blockBoundingRect(probe.firstBlock()).top();
    deliverPendingTimers(layout);
    return height > 0 ? height / 1000 : 1;
}

// QTextDocumentLayout finishes a lazy layout and reports size changes with timers on the thread
// that created the document. Documents are laid out on worker threads without an event loop, so
// they would never fire, and stopping them when the document is destroyed on another thread
// warns. Delivering them now, on the owning thread, lets the layout stop them itself.
void deliverPendingTimers(QObject *object)
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher)
        return;
    for (const QAbstractEventDispatcher::TimerInfo &timer : dispatcher->registeredTimers(object)) {
        QTimerEvent event(timer.timerId);
        QCoreApplication::sendEvent(object, &event);
    }
}

QString readableText(QString text)
{
    text.replace(QChar::LineSeparator, u'\n');
    text.remove(QChar::ObjectReplacementCharacter);
    return text;
}

QString blockText(const QTextBlock &block, int from, int length)
{
    const QString all = block.text();
    QString text = length < 0 ? all.mid(from) : all.mid(from, length);
    if (!text.contains(QChar::ObjectReplacementCharacter))
        return readableText(std::move(text));
    const int end = length < 0 ? int(all.size()) : from + length;
    QString result;
    bool lines = false;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const int start = fragment.position() - block.position();
        const int stop = start + fragment.length();
        if (stop <= from || start >= end)
            continue;
        QString piece = fragment.text().mid(std::max(0, from - start), std::min(stop, end) - std::max(start, from));
        const QString object = fragment.charFormat().stringProperty(ObjectTextProperty);
        if (object.contains(u'\n')) {
            piece.replace(QChar::ObjectReplacementCharacter, u'\n' + object + u'\n');
            lines = true;
        } else if (!object.isEmpty()) {
            piece.replace(QChar::ObjectReplacementCharacter, object);
        }
        result += piece;
    }
    // An object of several lines alone in its paragraph gives no blank lines around them.
    while (lines && result.startsWith(u'\n'))
        result.remove(0, 1);
    while (lines && result.endsWith(u'\n'))
        result.chop(1);
    return readableText(std::move(result));
}

BlockPages indexBlockPages(const QTextDocument &document, qreal pageHeight)
{
    BlockPages pages;
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    pages.reserve(document.blockCount());
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *lines = block.layout();
        if (!lines || lines->lineCount() == 0) {
            const int page = int(std::floor(layout->blockBoundingRect(block).top() / pageHeight));
            pages.append({page, page});
            continue;
        }
        const qreal origin = layoutOrigin(block, layout);
        pages.append({pageOfLine(origin, lines->lineAt(0), pageHeight),
            pageOfLine(origin, lines->lineAt(lines->lineCount() - 1), pageHeight)});
    }
    return pages;
}

int contentPageCount(const QTextDocument &document, qreal pageHeight, qreal lengthScale)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    const QTextBlock last = document.lastBlock();
    const qreal end = layout->blockBoundingRect(last).bottom() + last.blockFormat().bottomMargin() * lengthScale;
    return std::max(1, int(std::ceil(end / pageHeight)));
}

int pageOfPosition(const QTextDocument &document, int position, qreal pageHeight)
{
    const QTextBlock block = document.findBlock(position);
    if (!block.isValid())
        return 0;
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    const QTextLayout *lines = block.layout();
    if (!lines || lines->lineCount() == 0)
        return std::max(0, int(std::floor(layout->blockBoundingRect(block).top() / pageHeight)));
    const QTextLine line = lines->lineForTextPosition(position - block.position());
    return std::max(0, pageOfLine(layoutOrigin(block, layout), line.isValid() ? line : lines->lineAt(0), pageHeight));
}

std::pair<int, QRectF> positionOnPage(const QTextDocument &document, int position, qreal pageHeight)
{
    const QTextBlock block = document.findBlock(position);
    if (!block.isValid())
        return {0, QRectF()};
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    const QRectF bounds = layout->blockBoundingRect(block);
    const QTextLayout *lines = block.layout();
    if (!lines || lines->lineCount() == 0) {
        const int page = std::max(0, int(std::floor(bounds.top() / pageHeight)));
        return {page, bounds.translated(0, -page * pageHeight)};
    }
    QTextLine line = lines->lineForTextPosition(position - block.position());
    if (!line.isValid())
        line = lines->lineAt(0);
    const int page = std::max(0, pageOfLine(layoutOrigin(block, layout), line, pageHeight));
    // As forEachLineOnPage() places lines.
    const qreal x = bounds.left() + line.cursorToX(position - block.position());
    const qreal y = bounds.top() + line.y() - page * pageHeight;
    return {
        page, QRectF(x, y, std::max<qreal>(0, bounds.left() + line.x() + line.naturalTextWidth() - x), line.height())};
}

QString pageText(const QTextDocument &document, const BlockPages &pages, int page, qreal pageHeight, int firstBlock)
{
    QStringList parts;
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    int number = 0;
    for (QTextBlock block = document.begin(); block.isValid() && number < pages.size();
         block = block.next(), ++number) {
        const auto [first, last] = pages[number];
        if (first > page || last < page || number < firstBlock)
            continue;
        if (first == last) {
            parts.append(blockText(block));
            continue;
        }
        // A paragraph split by a page break: only its lines on this page.
        const QTextLayout *lines = block.layout();
        const qreal origin = layoutOrigin(block, layout);
        QString text;
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            if (pageOfLine(origin, line, pageHeight) == page)
                text += blockText(block, line.textStart(), line.textLength());
        }
        parts.append(text);
    }
    return parts.join(u'\n');
}

std::pair<int, int> pagePositions(
    const QTextDocument &document, const BlockPages &pages, int page, qreal pageHeight, int firstBlock)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    int from = -1;
    int to = -1;
    int number = 0;
    for (QTextBlock block = document.begin(); block.isValid() && number < pages.size();
         block = block.next(), ++number) {
        const auto [first, last] = pages[number];
        if (first > page + 1)
            break; // blocks come in page order, give or take the cells of a row cut by a page break
        if (first > page)
            continue;
        if (last < page || number < firstBlock)
            continue;
        int start = block.position();
        int end = block.position() + block.length();
        if (first != last) {
            // A paragraph split by a page break: only its lines on this page.
            const QTextLayout *lines = block.layout();
            const qreal origin = layoutOrigin(block, layout);
            start = -1;
            for (int i = 0; i < lines->lineCount(); ++i) {
                const QTextLine line = lines->lineAt(i);
                if (pageOfLine(origin, line, pageHeight) != page)
                    continue;
                if (start < 0)
                    start = block.position() + line.textStart();
                end = block.position() + line.textStart() + line.textLength();
            }
            if (start < 0)
                continue;
            if (pageOfLine(origin, lines->lineAt(lines->lineCount() - 1), pageHeight) == page)
                end = block.position() + block.length();
        }
        from = from < 0 ? start : std::min(from, start);
        to = std::max(to, end);
    }
    if (from < 0)
        return {0, 0};
    return {from, to};
}

void appendPageWords(QList<TextBox> &boxes, const QTextDocument &document, const BlockPages &pages, int page,
    qreal pageHeight, QPointF origin, int firstBlock)
{
    const auto everyBlock = [](const QTextBlock &) { return true; };
    forEachLineOnPage(document, pages, page, pageHeight, origin, firstBlock, everyBlock,
        [&boxes](const QTextBlock &block, const QTextLayout &lines, int i, qreal left, qreal top) {
            const QTextLine line = lines.lineAt(i);
            const QString text = block.text();
            const qsizetype before = boxes.size();
            appendLineWords(boxes, line, text, left, top, line.height());
            // A word too long for its line wraps without a space: the next line continues it.
            const int end = line.textStart() + line.textLength();
            if (boxes.size() > before && i + 1 < lines.lineCount() && end > 0 && end < text.size()
                && !text.at(end - 1).isSpace() && !text.at(end).isSpace())
                boxes.last().spaceAfter = false;
        });
}

void appendLineAnchors(
    QList<AnchorArea> &areas, const QTextBlock &block, const QTextLine &line, qreal left, qreal top, qreal height)
{
    const int lineStart = line.textStart();
    const int lineEnd = lineStart + line.textLength();
    const qsizetype first = areas.size();
    int previousEnd = -1; // where the last piece's text ends (block positions), to join neighbours
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const int start = std::max(fragment.position() - block.position(), lineStart);
        const int end = std::min(fragment.position() - block.position() + fragment.length(), lineEnd);
        if (start >= end)
            continue;
        const QTextCharFormat format = fragment.charFormat();
        if (!format.isAnchor() || format.anchorHref().isEmpty())
            continue;
        // Right-to-left runs come out mirrored: the piece spans between its two cursor positions.
        const qreal a = line.cursorToX(start);
        const qreal b = line.cursorToX(end);
        const QRectF rect(left + std::min(a, b), top, std::abs(b - a), height);
        const QString href = format.anchorHref();
        if (areas.size() > first && previousEnd == start && areas.last().href == href)
            areas.last().rect |= rect;
        else
            areas.append(AnchorArea {href, rect});
        previousEnd = end;
    }
}

void appendPageAnchors(QList<AnchorArea> &areas, const QTextDocument &document, const BlockPages &pages, int page,
    qreal pageHeight, QPointF origin, int firstBlock)
{
    // Only the blocks holding a link are looked at line by line.
    const auto anchored = [](const QTextBlock &block) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isAnchor())
                return true;
        }
        return false;
    };
    forEachLineOnPage(document, pages, page, pageHeight, origin, firstBlock, anchored,
        [&areas](const QTextBlock &block, const QTextLayout &lines, int i, qreal left, qreal top) {
            const QTextLine line = lines.lineAt(i);
            appendLineAnchors(areas, block, line, left, top, line.height());
        });
}

bool hasUrlScheme(const QString &href)
{
    // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
    const QString trimmed = href.trimmed();
    const qsizetype colon = trimmed.indexOf(u':');
    if (colon < 2)
        return false;
    for (qsizetype i = 0; i < colon; ++i) {
        const char16_t c = trimmed.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        const bool other = (c >= u'0' && c <= u'9') || c == u'+' || c == u'-' || c == u'.';
        if (!letter && (i == 0 || !other))
            return false;
    }
    return true;
}

QList<std::pair<QString, int>> anchorNamePositions(const QTextDocument &document)
{
    QList<std::pair<QString, int>> names;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QStringList anchors = fragment.charFormat().anchorNames();
            for (const QString &name : anchors)
                names.append({name, fragment.position()});
        }
    }
    return names;
}

void drawDocumentPage(
    QPainter &painter, QTextDocument &document, int page, QSizeF contentSize, qreal bleed, const QColor &ink)
{
    const qreal top = page * contentSize.height();
    painter.save();
    painter.translate(0, -top);
    const QRectF band(-bleed, top, contentSize.width() + 2 * bleed, contentSize.height());
    painter.setClipRect(band);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = band;
    context.palette.setColor(QPalette::Text, ink);
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

} // namespace folio::text
