// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowhtmllists.h"

#include <QTextBlock>
#include <QTextList>

namespace folio {

namespace {

// The key of the lists of text markers (which have no QTextList).
const char s_textMarkerList = 0;

// The length of the marker (without its tab) at the start of `text`, 0 when there is none.
// `ordered` tells numbers from bullets.
int textMarkerLength(const QString &text, bool &ordered)
{
    const qsizetype tab = text.indexOf(u'\t');
    if (tab <= 0 || tab > 16)
        return 0;
    const QStringView marker = QStringView(text).left(tab);
    if (marker.size() == 1) {
        // A bullet: any symbol, or the "o" Word uses for its second level.
        const QChar c = marker[0];
        if (c == u'o' || (!c.isLetterOrNumber() && !c.isSpace() && c.isPrint())) {
            ordered = false;
            return 1;
        }
        return 0;
    }
    // A number: parts of digits, roman numerals or one letter, each followed by '.' or ')', the
    // last one's punctuation optional when there are several ("1.2"). Anything else ("Name\t")
    // is ordinary text.
    qsizetype i = marker[0] == u'(' ? 1 : 0;
    int parts = 0;
    bool punctuated = false;
    while (i < marker.size()) {
        const qsizetype start = i;
        bool digits = true;
        bool roman = true;
        for (; i < marker.size() && marker[i].isLetterOrNumber(); ++i) {
            const char16_t c = marker[i].toLower().unicode();
            digits = digits && c >= u'0' && c <= u'9';
            roman = roman && QStringView(u"ivxlcdm").contains(QChar(c));
        }
        const qsizetype length = i - start;
        if (length == 0 || length > 9 || !(digits || roman || length == 1))
            return 0;
        ++parts;
        punctuated = false;
        if (i < marker.size()) {
            if (marker[i] != u'.' && marker[i] != u')')
                return 0;
            punctuated = true;
            ++i;
        }
    }
    if (!punctuated && parts < 2)
        return 0;
    ordered = true;
    return int(marker.size());
}

bool isOrdered(QTextListFormat::Style style)
{
    switch (style) {
    case QTextListFormat::ListDecimal:
    case QTextListFormat::ListLowerAlpha:
    case QTextListFormat::ListUpperAlpha:
    case QTextListFormat::ListLowerRoman:
    case QTextListFormat::ListUpperRoman:
        return true;
    default:
        return false;
    }
}

QString listOpenTag(const QTextList &list, const QTextBlock &block)
{
    const QTextListFormat::Style style = list.format().style();
    switch (style) {
    case QTextListFormat::ListCircle:
        return QStringLiteral("<ul style=\"list-style-type:circle\">");
    case QTextListFormat::ListSquare:
        return QStringLiteral("<ul style=\"list-style-type:square\">");
    default:
        break;
    }
    if (!isOrdered(style))
        return QStringLiteral("<ul>");
    QString tag = QStringLiteral("<ol");
    switch (style) {
    case QTextListFormat::ListLowerAlpha:
        tag += QLatin1String(" type=\"a\"");
        break;
    case QTextListFormat::ListUpperAlpha:
        tag += QLatin1String(" type=\"A\"");
        break;
    case QTextListFormat::ListLowerRoman:
        tag += QLatin1String(" type=\"i\"");
        break;
    case QTextListFormat::ListUpperRoman:
        tag += QLatin1String(" type=\"I\"");
        break;
    default:
        break;
    }
    // A list continued from an earlier page (or after a paragraph between its items) goes on
    // counting. itemNumber() is linear in the list's length: only asked when a list opens.
    const int number = list.itemNumber(block) + 1;
    if (number > 1)
        tag += QStringLiteral(" start=\"%1\"").arg(number);
    return tag + u'>';
}

} // namespace

HtmlListItem htmlListItem(const QTextBlock &block, int start)
{
    HtmlListItem item;
    if (const QTextList *list = block.textList()) {
        item.key = list;
        item.list = list;
        item.depth = list->format().indent();
        item.ordered = isOrdered(list->format().style());
        item.textStart = block.position();
        return item;
    }
    const QString text = block.text();
    bool ordered = false;
    const int length = textMarkerLength(text, ordered);
    if (length == 0)
        return item;
    item.key = &s_textMarkerList;
    item.depth = block.blockFormat().leftMargin();
    item.ordered = ordered;
    // A paragraph continued from an earlier page has shown its marker there.
    if (start <= block.position())
        item.marker = text.left(length);
    item.textStart = block.position() + length + 1;
    return item;
}

void HtmlListNesting::enter(const HtmlListItem &item, const QTextBlock &block)
{
    while (!m_open.empty()) {
        const Open &top = m_open.back();
        if (top.depth > item.depth || (top.depth == item.depth && (top.key != item.key || top.ordered != item.ordered)))
            close();
        else
            break;
    }
    if (!m_open.empty() && m_open.back().depth == item.depth) {
        m_out += QLatin1String("</li>\n<li>");
        return;
    }
    // A first item, or a deeper one: the new list goes inside the open item.
    if (item.list)
        m_out += listOpenTag(*item.list, block);
    else
        m_out += item.ordered ? QLatin1String("<ol class=\"folio-marked\">")
                              : QLatin1String("<ul class=\"folio-marked\">");
    m_out += QLatin1String("\n<li>");
    m_open.push_back({item.key, item.depth, item.ordered});
}

void HtmlListNesting::close()
{
    m_out += m_open.back().ordered ? QLatin1String("</li>\n</ol>\n") : QLatin1String("</li>\n</ul>\n");
    m_open.pop_back();
}

void HtmlListNesting::closeAll()
{
    while (!m_open.empty())
        close();
}

} // namespace folio
