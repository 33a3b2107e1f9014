// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowformat.h"
#include "fonts.h"
#include <QFontMetricsF>
#include <QImage>
#include <QTextBlock>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace folio::wordprocessing {

namespace {

constexpr qreal RightTabInset = 2; // points; see ParaProps::apply()

template<typename T>
void take(std::optional<T> &mine, const std::optional<T> &theirs)
{
    if (theirs)
        mine = theirs;
}

} // namespace

void RunProps::mergeFrom(const RunProps &over)
{
    take(bold, over.bold);
    take(italic, over.italic);
    take(strike, over.strike);
    take(hidden, over.hidden);
    take(caps, over.caps);
    take(smallCaps, over.smallCaps);
    take(underline, over.underline);
    take(color, over.color);
    take(highlight, over.highlight);
    take(size, over.size);
    take(font, over.font);
    take(vertical, over.vertical);
}

void RunProps::apply(QTextCharFormat &format) const
{
    if (bold)
        format.setFontWeight(*bold ? QFont::Bold : QFont::Normal);
    if (italic)
        format.setFontItalic(*italic);
    if (strike)
        format.setFontStrikeOut(*strike);
    if (underline) {
        format.setUnderlineStyle(*underline);
        format.setFontUnderline(*underline != QTextCharFormat::NoUnderline);
    }
    if (color && color->isValid())
        format.setForeground(*color);
    else if (color)
        format.clearForeground(); // automatic: the page's ink
    if (highlight && highlight->isValid())
        format.setBackground(*highlight);
    if (size && *size > 0)
        format.setFontPointSize(std::clamp(*size, 1.0, 1638.0));
    if (font && !font->isEmpty())
        format.setFontFamilies(fonts::substitutes(*font));
    if (caps && *caps)
        format.setFontCapitalization(QFont::AllUppercase);
    else if (smallCaps && *smallCaps)
        format.setFontCapitalization(QFont::SmallCaps);
    if (vertical)
        format.setVerticalAlignment(*vertical);
}

void ParaProps::mergeFrom(const ParaProps &over)
{
    take(align, over.align);
    take(before, over.before);
    take(after, over.after);
    take(left, over.left);
    take(right, over.right);
    take(firstLine, over.firstLine);
    take(lineValue, over.lineValue);
    take(lineRule, over.lineRule);
    take(keepLines, over.keepLines);
    take(keepNext, over.keepNext);
    take(pageBreakBefore, over.pageBreakBefore);
    take(pageBreakAfter, over.pageBreakAfter);
    take(outlineLevel, over.outlineLevel);
    take(shading, over.shading);
    take(numId, over.numId);
    take(ilvl, over.ilvl);
    take(tabsFromIndent, over.tabsFromIndent);
    take(autoSpaceLetters, over.autoSpaceLetters);
    take(autoSpaceDigits, over.autoSpaceDigits);
    take(dropCapLines, over.dropCapLines);
    take(dropCapLength, over.dropCapLength);
    take(borderTop, over.borderTop);
    take(borderLeft, over.borderLeft);
    take(borderBottom, over.borderBottom);
    take(borderRight, over.borderRight);
    if (over.tabs) {
        // Stops add to the inherited ones; a stop at the same position replaces (or clears) one.
        QList<TabStop> merged = tabs.value_or(QList<TabStop>());
        for (const TabStop &stop : *over.tabs) {
            merged.removeIf([&](const TabStop &mine) { return std::abs(mine.position - stop.position) < 0.5; });
            if (!stop.clear)
                merged.append(stop);
        }
        std::sort(
            merged.begin(), merged.end(), [](const TabStop &a, const TabStop &b) { return a.position < b.position; });
        tabs = merged;
    }
}

void ParaProps::apply(QTextBlockFormat &format, const std::function<qreal(qreal)> &px) const
{
    const auto length = [&px](qreal points) { return px(std::clamp(points, -2000.0, 2000.0)); };
    if (align)
        format.setAlignment(*align);
    if (before)
        format.setTopMargin(length(std::max(0.0, *before)));
    if (after)
        format.setBottomMargin(length(std::max(0.0, *after)));
    // QTextDocumentLayout scales a block's top and bottom margins to its paint device like other
    // lengths, but takes its left and right margins and first-line indent as device units as
    // they are: on the layout's point device, points.
    const auto across = [](qreal points) { return std::clamp(points, -2000.0, 2000.0); };
    if (left)
        format.setLeftMargin(across(*left));
    if (right)
        format.setRightMargin(across(*right));
    if (firstLine)
        format.setTextIndent(across(*firstLine));
    if (lineValue && lineRule) {
        switch (*lineRule) {
        case Proportional:
            if (*lineValue > 0)
                format.setLineHeight(std::clamp(*lineValue, 10.0, 1000.0), QTextBlockFormat::ProportionalHeight);
            break;
        case Exact:
            if (*lineValue > 0)
                format.setLineHeight(length(*lineValue), QTextBlockFormat::FixedHeight);
            break;
        case AtLeast:
            if (*lineValue > 0)
                format.setLineHeight(length(*lineValue), QTextBlockFormat::MinimumHeight);
            break;
        }
    }
    // keepLines is not given to QTextBlockFormat::setNonBreakableLines(): for QTextDocumentLayout
    // that property means "do not wrap" (HTML's <pre>), so a paragraph kept together would run
    // past the margin on one line. Keeping lines together only concerns page breaking, which
    // FlowDocument does after the layout (see footnotes::keepTogether()).
    const int keep = (keepLines && *keepLines ? KeepLines : 0) | (keepNext && *keepNext ? KeepNext : 0);
    if (keep != 0)
        format.setProperty(KeepProperty, keep);
    else if (keepLines || keepNext)
        format.clearProperty(KeepProperty);
    QTextFormat::PageBreakFlags breaks = QTextFormat::PageBreak_Auto;
    if (pageBreakBefore && *pageBreakBefore)
        breaks |= QTextFormat::PageBreak_AlwaysBefore;
    if (pageBreakAfter && *pageBreakAfter)
        breaks |= QTextFormat::PageBreak_AlwaysAfter;
    if (breaks != QTextFormat::PageBreak_Auto)
        format.setPageBreakPolicy(breaks);
    if (shading && shading->isValid())
        format.setBackground(*shading);
    const std::optional<ParagraphEdge> *sides[] = {&borderTop, &borderLeft, &borderBottom, &borderRight};
    if (std::any_of(std::begin(sides), std::end(sides), [](auto side) { return *side && (*side)->width > 0; })) {
        QVariantList border;
        for (const std::optional<ParagraphEdge> *side : sides) {
            const ParagraphEdge edge = side->value_or(ParagraphEdge());
            border << edge.width << edge.color << edge.space;
        }
        format.setProperty(ParagraphBorderProperty, border);
        // The lines sit in the paragraph's margins, as far out as their spacing.
        if (borderTop && borderTop->width > 0)
            format.setTopMargin(format.topMargin() + length(borderTop->space + borderTop->width));
        if (borderBottom && borderBottom->width > 0)
            format.setBottomMargin(format.bottomMargin() + length(borderBottom->space + borderBottom->width));
    }
    if (tabs && !tabs->isEmpty()) {
        // QTextOption measures tab stops from the block's edge, as OOXML does.
        const qreal origin = tabsFromIndent.value_or(false) ? left.value_or(0) : 0;
        QList<QTextOption::Tab> stops;
        QList<QPointF> leaders;
        for (const TabStop &stop : *tabs) {
            if (stop.clear)
                continue;
            // Text at a right stop on the margin ends on the margin, and an italic digit's
            // overhang past its advance would then make QTextLayout wrap it onto a line of its
            // own (Word lets it into the margin; a block's lines cannot pass its frame): such
            // stops sit a little inside.
            const qreal inside = stop.type == QTextOption::RightTab ? RightTabInset : 0;
            const qreal position = length(std::max(0.0, stop.position + origin - inside));
            stops.append(QTextOption::Tab(position, stop.type));
            if (!stop.leader.isNull())
                leaders.append(QPointF(position, stop.leader.unicode()));
        }
        format.setTabPositions(stops);
        if (!leaders.isEmpty())
            format.setProperty(TabLeadersProperty, QVariant::fromValue(leaders));
    }
}

std::optional<QColor> namedColor(const QString &name)
{
    static const QHash<QString, QColor> ooxml = {
        {QStringLiteral("darkyellow"), QColor(0x80, 0x80, 0x00)},
        {QStringLiteral("darkgray"), QColor(0x80, 0x80, 0x80)},
        {QStringLiteral("lightgray"), QColor(0xc0, 0xc0, 0xc0)},
        {QStringLiteral("darkblue"), QColor(0x00, 0x00, 0x80)},
        {QStringLiteral("darkcyan"), QColor(0x00, 0x80, 0x80)},
        {QStringLiteral("darkgreen"), QColor(0x00, 0x80, 0x00)},
        {QStringLiteral("darkmagenta"), QColor(0x80, 0x00, 0x80)},
        {QStringLiteral("darkred"), QColor(0x80, 0x00, 0x00)},
        {QStringLiteral("green"), QColor(0x00, 0xff, 0x00)},
    };
    const QString key = name.toLower();
    if (key.isEmpty() || key == QLatin1String("none") || key == QLatin1String("transparent"))
        return std::nullopt;
    if (const auto found = ooxml.constFind(key); found != ooxml.cend())
        return *found;
    const QColor color = QColor::fromString(key);
    if (!color.isValid())
        return std::nullopt;
    return color;
}

qreal pointWidth(const QFont &font, const QString &text)
{
    QImage points(1, 1, QImage::Format_RGB32);
    points.setDotsPerMeterX(2835); // 72 dpi
    points.setDotsPerMeterY(2835);
    return QFontMetricsF(font, &points).horizontalAdvance(text);
}

void markTrackedChange(QTextCharFormat &format, TrackedChange change, QStringView author)
{
    if (change == TrackedChange::None)
        return;
    // One colour per author, the same in every document (no green: that is for moves).
    static constexpr QRgb AuthorColors[] = {0xB5082E, 0x1F4FB5, 0x8E24AA, 0xC05800, 0x00838F, 0x6D4C41};
    quint32 hash = 2166136261u;
    for (const QChar c : author)
        hash = (hash ^ c.unicode()) * 16777619u;
    const bool moved = change == TrackedChange::MovedFrom || change == TrackedChange::MovedTo;
    format.setForeground(QColor(moved ? 0x2E7D32 : AuthorColors[hash % std::size(AuthorColors)]));
    if (change == TrackedChange::Insertion || change == TrackedChange::MovedTo)
        format.setFontUnderline(true);
    else
        format.setFontStrikeOut(true);
}

void placePictureParagraph(QTextCursor &cursor, const FloatPlacement &placement)
{
    bool picture = false;
    const QString text = cursor.block().text();
    for (const QChar c : text) {
        if (c == QChar::ObjectReplacementCharacter)
            picture = true;
        else if (!c.isSpace())
            return;
    }
    if (!picture)
        return;
    QTextBlockFormat format = cursor.blockFormat();
    format.setTextIndent(0);
    format.setLeftMargin(0);
    format.setRightMargin(0);
    if (placement.offset) {
        format.setAlignment(Qt::AlignLeft);
        format.setLeftMargin(std::clamp(*placement.offset, 0.0, 14400.0)); // points, as ParaProps::apply()
    } else {
        format.setAlignment(placement.align);
    }
    cursor.setBlockFormat(format);
}

} // namespace folio::wordprocessing
