// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
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
    // OOXML autoSpaceDE / autoSpaceDN: a little room between East Asian text and Latin letters or
    // digits (on unless switched off).
    std::optional<bool> autoSpaceLetters, autoSpaceDigits;
    // OOXML w:framePr w:dropCap="drop"/"margin": the paragraph is a drop cap this many lines tall
    // (0: not one).
    std::optional<int> dropCapLines;
    std::optional<int> dropCapLength; // ODF style:drop-cap style:length: characters, 0 for the first word

    void mergeFrom(const ParaProps &over);
    // `px` converts points into QTextDocument format lengths.
    void apply(QTextBlockFormat &format, const std::function<qreal(qreal)> &px) const;
};

// Where a floating picture or text box sits across the text area (OOXML wp:positionH, ODF
// style:horizontal-pos): aligned, or at an offset from the text area's left edge.
struct FloatPlacement
{
    Qt::Alignment align = Qt::AlignLeft;
    std::optional<qreal> offset; // points
};

// A paragraph that holds nothing but pictures and white space is placed as its floating picture
// is: centred, right-aligned or indented, whatever the paragraph's own indents. Other paragraphs
// are left as they are (their pictures stay inline).
void placePictureParagraph(QTextCursor &cursor, const FloatPlacement &placement);

// How wide `text` is in `font`, in points (measured at 72 dpi, whatever the screen).
qreal pointWidth(const QFont &font, const QString &text);

// A tracked change of the text, as shown with RenderOption::RenderTrackedChanges.
enum class TrackedChange { None, Insertion, Deletion, MovedFrom, MovedTo };

// `format` marked as word processors show a change: insertions (and text moved here) underlined,
// deletions (and text moved away) struck through, in the author's colour (moves in green).
void markTrackedChange(QTextCharFormat &format, TrackedChange change, QStringView author);

// A highlight colour name of OOXML (w:highlight) or a CSS name; nullopt for "none".
std::optional<QColor> namedColor(const QString &name);

} // namespace folio::wordprocessing
