// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

class QTextBlock;
class QTextList;

// Lists for FlowHtmlWriter: which paragraphs are list items, and the ul/ol elements around them.
namespace folio {

// A paragraph's place in a list.
struct HtmlListItem
{
    // Tells lists apart: the QTextList, or one shared key for the lists of text markers. Null when
    // the paragraph is not a list item.
    const void *key = nullptr;
    qreal depth = 0; // deeper items nest inside the open item
    bool ordered = false;
    const QTextList *list = nullptr;
    QString marker; // a text marker to show before the item's text ("1.", "•")
    int textStart = 0; // where the item's own text starts, after a text marker

    bool isItem() const { return key != nullptr; }
};

// The list item `block` is, if any, when written from position `start` on: an item of a
// QTextList (Markdown, EPUB), or a paragraph starting with the "marker<tab>" the DOCX and ODT
// readers write for numbering ("1.\t", "b)\t", "1.2.\t", "(iv)\t", "•\t"), nested by its indent.
HtmlListItem htmlListItem(const QTextBlock &block, int start);

// The ul and ol elements open around the items written so far, each with an open li.
class HtmlListNesting
{
public:
    explicit HtmlListNesting(QString &out)
        : m_out(out)
    { }

    // Opens `item`'s li: closes the lists deeper than it (or at its depth but of another kind),
    // ends the previous item of its own list, or opens a new list, inside the open item when
    // deeper.
    void enter(const HtmlListItem &item, const QTextBlock &block);
    // Closes every open list (a paragraph that is no item, a table, the end of a cell or page).
    void closeAll();

private:
    struct Open
    {
        const void *key;
        qreal depth;
        bool ordered;
    };
    void close();

    QString &m_out;
    std::vector<Open> m_open;
};

} // namespace folio
