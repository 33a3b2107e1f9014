// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>
#include <QTextBlockFormat>
#include <QTextCharFormat>

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

struct ParaProps
{
    enum LineRule { Proportional, Exact, AtLeast };

    std::optional<Qt::Alignment> align;
    std::optional<qreal> before, after, left, right, firstLine; // firstLine < 0: hanging
    std::optional<qreal> lineValue; // percent for Proportional, points otherwise
    std::optional<LineRule> lineRule;
    std::optional<bool> keepLines, pageBreakBefore, pageBreakAfter;
    std::optional<int> outlineLevel; // 0-based; 9 or more is body text
    std::optional<QColor> shading;
    std::optional<int> numId, ilvl; // OOXML numbering

    void mergeFrom(const ParaProps &over);
    // `px` converts points into QTextDocument format lengths.
    void apply(QTextBlockFormat &format, const std::function<qreal(qreal)> &px) const;
};

// A highlight colour name of OOXML (w:highlight) or a CSS name; nullopt for "none".
std::optional<QColor> namedColor(const QString &name);

} // namespace folio::wordprocessing
