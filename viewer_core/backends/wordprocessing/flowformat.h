// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextOption>

#include <functional>
#include <optional>

// Character and paragraph properties as both readers find them (OOXML w:rPr/w:pPr, ODF
// style:text-properties/style:paragraph-properties), unset where the source is silent, so styles
// can be layered: defaults, then the style chain, then direct formatting. Lengths in points.
namespace folio::wordprocessing {

struct RunProps
{
    std::optional<bool> bold, italic, strike, hidden, caps, smallCaps;
    std::optional<QTextCharFormat::UnderlineStyle> underline;
    std::optional<QColor> color, highlight;
    std::optional<qreal> size;
    std::optional<QString> font;
    std::optional<QTextCharFormat::VerticalAlignment> vertical;

    // Properties set in `over` replace ours.
    void mergeFrom(const RunProps &over);
    void apply(QTextCharFormat &format) const;
};

// A tab stop (OOXML w:tab, ODF style:tab-stop).
struct TabStop
{
    qreal position = 0; // points, from where the paragraph's tabs are measured (ParaProps::tabsFromIndent)
    QTextOption::TabType type = QTextOption::LeftTab;
    QChar leader; // null: none; '.', '-', '_' or U+00B7 (middle dot)
    bool clear = false; // OOXML w:val="clear": removes an inherited stop at this position
};

// A block format property: the leaders of the block's tab stops, as QList<QPointF>, each the
// stop's position (format units) and its leader character's code. QTextDocumentLayout draws
// tabs as white space; FlowDocument draws the leaders over them (paintTabLeaders()).
inline constexpr int TabLeadersProperty = QTextFormat::UserProperty + 2;

// One side of a paragraph's border (OOXML w:pBdr, ODF fo:border-*): width 0 draws none.
struct ParagraphEdge
{
    qreal width = 0; // points
    QColor color = Qt::black;
    qreal space = 0; // points between the text and the line
    bool operator==(const ParagraphEdge &) const = default;
};

// A block format property: the block's border as a QVariantList of its top, left, bottom and
// right sides, each width, colour and space (points). FlowDocument draws it (paintParagraphBorders()):
// QTextBlockFormat has no borders.
inline constexpr int ParagraphBorderProperty = QTextFormat::UserProperty + 3;
// Block format property: KeepLines | KeepNext (OOXML w:keepLines, w:keepNext; ODF fo:keep-together,
// fo:keep-with-next), honoured when pages are broken (FlowDocument).
inline constexpr int KeepProperty = QTextFormat::UserProperty + 67;
enum Keep { KeepLines = 1, KeepNext = 2 };

struct ParaProps
{
    enum LineRule { Proportional, Exact, AtLeast };

    std::optional<Qt::Alignment> align;
    std::optional<qreal> before, after, left, right, firstLine; // firstLine < 0: hanging
    std::optional<qreal> lineValue; // percent for Proportional, points otherwise
    std::optional<LineRule> lineRule;
    // keepLines and keepNext: marked on the block (KeepProperty) for page breaking.
    std::optional<bool> keepLines, keepNext, pageBreakBefore, pageBreakAfter;
    std::optional<int> outlineLevel; // 0-based; 9 or more is body text
    std::optional<QColor> shading;
    std::optional<int> numId, ilvl; // OOXML numbering
    std::optional<QList<TabStop>> tabs;
    std::optional<ParagraphEdge> borderTop, borderLeft, borderBottom, borderRight;
    // ODF measures tab stops from the paragraph's left indent, OOXML from the text area's edge.
    std::optional<bool> tabsFromIndent;

    void mergeFrom(const ParaProps &over);
    // `px` converts points into QTextDocument format lengths.
    void apply(QTextBlockFormat &format, const std::function<qreal(qreal)> &px) const;
};

// A highlight colour name of OOXML (w:highlight) or a CSS name; nullopt for "none".
std::optional<QColor> namedColor(const QString &name);

} // namespace folio::wordprocessing
