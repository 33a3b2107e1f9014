// SPDX-License-Identifier: GPL-3.0-or-later
#include "footnotes.h"

#include "backends/common/text/textdocumentpages.h"
#include "flowformat.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextList>

#include <algorithm>
#include <cmath>

namespace folio::wordprocessing::footnotes {

namespace {

int pageOf(qreal origin, const QTextLine &line, qreal pageHeight)
{
    return int(std::floor((origin + line.y() + line.height() / 2) / pageHeight));
}

bool topLevel(const QTextDocument &document, const QTextBlock &block)
{
    return document.frameAt(block.position()) == document.rootFrame();
}

// Calls visit(block, origin, lines) for the laid-out blocks from block number `from` up to the
// first paragraph of the main flow that starts after `page`; visit returns false to stop.
template<typename Visit>
void forBlocksUpTo(const QTextDocument &document, int page, qreal pageHeight, int from, const Visit &visit)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (QTextBlock block = document.findBlockByNumber(std::max(0, from)); block.isValid(); block = block.next()) {
        const QTextLayout *lines = block.layout();
        if (!lines || lines->lineCount() == 0)
            continue;
        const qreal origin = text::layoutOrigin(block, layout);
        // Table cells are not in page order; the main flow is.
        if (pageOf(origin, lines->lineAt(0), pageHeight) > page && topLevel(document, block))
            return;
        if (!visit(block, origin, *lines))
            return;
    }
}

} // namespace

QList<int> notesOnPage(const QTextDocument &document, int page, qreal pageHeight, int &from)
{
    QList<int> notes;
    int next = -1;
    const auto note = [&](const QTextBlock &block, qreal origin, const QTextLayout &lines) {
        if (next < 0 && pageOf(origin, lines.lineAt(lines.lineCount() - 1), pageHeight) > page)
            next = block.blockNumber();
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QVariant index = fragment.charFormat().property(FootnoteProperty);
            if (!index.isValid())
                continue;
            const QTextLine line = lines.lineForTextPosition(fragment.position() - block.position());
            if (line.isValid() && pageOf(origin, line, pageHeight) == page)
                notes.append(index.toInt());
        }
        return true;
    };
    forBlocksUpTo(document, page, pageHeight, from, note);
    if (next >= 0)
        from = next;
    return notes;
}

qreal contentBottom(const QTextDocument &document, int page, qreal pageHeight, int from)
{
    qreal bottom = 0;
    forBlocksUpTo(document, page, pageHeight, from, [&](const QTextBlock &, qreal origin, const QTextLayout &lines) {
        for (int i = 0; i < lines.lineCount(); ++i) {
            const QTextLine line = lines.lineAt(i);
            if (pageOf(origin, line, pageHeight) == page)
                bottom = std::max(bottom, origin + line.y() + line.height() - page * pageHeight);
        }
        return true;
    });
    return bottom;
}

bool makeRoom(QTextDocument &document, int page, qreal pageHeight, qreal limit, int from, bool keepLast,
    const ShiftPositions &shift)
{
    const qreal bottom = page * pageHeight + limit;
    QTextBlock found;
    int lineIndex = -1;
    bool contentBefore = false; // content of earlier blocks on the page
    forBlocksUpTo(
        document, page, pageHeight, from, [&](const QTextBlock &block, qreal origin, const QTextLayout &lines) {
            bool onPage = false;
            for (int i = 0; i < lines.lineCount(); ++i) {
                const QTextLine line = lines.lineAt(i);
                if (pageOf(origin, line, pageHeight) != page)
                    continue;
                if (origin + line.y() + line.height() > bottom + 0.01) {
                    found = block;
                    lineIndex = i;
                    return false;
                }
                onPage = true;
            }
            contentBefore = contentBefore || onPage;
            return true;
        });
    if (!found.isValid() || !topLevel(document, found)
        || (keepLast && found == document.lastBlock() && found.length() <= 1))
        return false;
    const QTextLayout &lines = *found.layout();
    const qreal origin = text::layoutOrigin(found, document.documentLayout());
    const bool startsHere = pageOf(origin, lines.lineAt(0), pageHeight) == page;
    QTextBlockFormat format = found.blockFormat();
    if (startsHere && contentBefore && lineIndex < 2) {
        // The whole paragraph, rather than one line of it left behind.
        format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(found).setBlockFormat(format);
        return true;
    }
    if (lineIndex < 1 || pageOf(origin, lines.lineAt(lineIndex - 1), pageHeight) != page)
        return false; // the page's first line: moving it would leave the page empty
    // The lines from lineIndex on become a paragraph of their own that starts the next page.
    const int position = found.position() + lines.lineAt(lineIndex).textStart();
    QTextBlockFormat head = format;
    head.setBottomMargin(0);
    head.setPageBreakPolicy(format.pageBreakPolicy() & ~QTextFormat::PageBreak_AlwaysAfter);
    QTextBlockFormat tail = format;
    tail.setTopMargin(0);
    tail.setTextIndent(0);
    tail.setPageBreakPolicy(
        (format.pageBreakPolicy() & ~QTextFormat::PageBreak_AlwaysBefore) | QTextFormat::PageBreak_AlwaysBefore);
    tail.clearProperty(QTextFormat::HeadingLevel);
    if (const QTextList *list = found.textList()) {
        // Not a new item of the list: its text stays where the item's text was.
        tail.setObjectIndex(-1);
        tail.setIndent(format.indent() + list->format().indent());
    }
    QTextCursor first(found);
    QTextCursor cursor(&document);
    cursor.setPosition(position);
    cursor.insertBlock(tail);
    first.setBlockFormat(head);
    if (shift)
        shift(position, 1);
    return true;
}

bool keepTogether(QTextDocument &document, int page, qreal pageHeight, int from, bool keepLast)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    const auto firstPage = [&](const QTextBlock &block) {
        const QTextLayout *lines = block.layout();
        return lines && lines->lineCount() > 0 ? pageOf(text::layoutOrigin(block, layout), lines->lineAt(0), pageHeight)
                                               : -1;
    };
    const auto lastPage = [&](const QTextBlock &block) {
        const QTextLayout *lines = block.layout();
        return lines && lines->lineCount() > 0
            ? pageOf(text::layoutOrigin(block, layout), lines->lineAt(lines->lineCount() - 1), pageHeight)
            : -1;
    };
    const auto keep = [](const QTextBlock &block) { return block.blockFormat().intProperty(KeepProperty); };
    // The last paragraph of the main flow on the page.
    QTextBlock last;
    forBlocksUpTo(document, page, pageHeight, from, [&](const QTextBlock &block, qreal, const QTextLayout &) {
        if (topLevel(document, block) && firstPage(block) <= page && lastPage(block) >= page)
            last = block;
        return true;
    });
    if (!last.isValid())
        return false;
    QTextBlock start;
    if ((keep(last) & KeepLines) && firstPage(last) == page && lastPage(last) > page) {
        start = last;
    } else if ((keep(last) & KeepNext) && lastPage(last) == page) {
        const QTextBlock next = last.next();
        if (!next.isValid() || firstPage(next) <= page
            || (keepLast && next == document.lastBlock() && next.length() <= 1)
            || (next.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            || (last.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysAfter))
            return false;
        start = last;
        // With the kept paragraphs before it.
        for (QTextBlock previous = start.previous(); previous.isValid() && topLevel(document, previous)
             && (keep(previous) & KeepNext) && firstPage(previous) == page
             && !(start.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore);
             previous = previous.previous())
            start = previous;
    }
    if (!start.isValid() || firstPage(start) != page
        || (start.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore))
        return false;
    // Not the page's first content: it would only move on from page to page.
    const QTextBlock before = start.previous();
    if (!before.isValid() || lastPage(before) != page)
        return false;
    QTextBlockFormat format = start.blockFormat();
    format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
    QTextCursor(start).setBlockFormat(format);
    return true;
}

} // namespace folio::wordprocessing::footnotes
