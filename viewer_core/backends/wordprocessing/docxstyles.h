// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flowformat.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QMarginsF>
#include <QString>

#include <array>
#include <optional>

namespace folio {
class SafeXmlReader;
}

// WordprocessingML styles (styles.xml) and numbering (numbering.xml).
namespace folio::wordprocessing::docx {

// Font names standing for the theme's heading and body fonts (w:asciiTheme) until the reader
// resolves them with the theme part.
inline constexpr char ThemeMajor[] = "+major";
inline constexpr char ThemeMinor[] = "+minor";

// Reads the children of w:rPr / w:pPr (the reader on its start tag) into `props`. For w:pPr,
// `sectionBreak` is set when the paragraph carries a w:sectPr (it ends a section).
// `styleId` receives w:rStyle / w:pStyle.
void readRunProps(SafeXmlReader &xml, RunProps &props, QString *styleId = nullptr);
void readParaProps(SafeXmlReader &xml, ParaProps &props, bool *sectionBreak = nullptr, QString *styleId = nullptr);

struct Border
{
    qreal width = 0; // points; 0 = none
    QColor color = Qt::black;
};

// What Folio uses of a table's w:tblPr (and of table styles).
struct TableProps
{
    std::optional<Border> top, left, bottom, right, insideH, insideV;
    std::optional<Qt::Alignment> align;
    std::optional<qreal> indent;
    std::optional<QColor> shading;
    void mergeFrom(const TableProps &over);
};
void readTableProps(SafeXmlReader &xml, TableProps &props, QString *styleId = nullptr);
// w:top / w:bottom / ... of w:tblBorders or w:tcBorders.
Border readBorder(SafeXmlReader &xml);

class Styles
{
public:
    struct Style
    {
        QString id;
        QString name;
        QString basedOn;
        QString type; // paragraph, character, table, numbering
        RunProps run;
        ParaProps paragraph;
        TableProps table;
    };

    // Reads styles.xml; a malformed part leaves what was read (the document still shows).
    void read(SafeXmlReader &xml);

    const RunProps &defaultRun() const { return m_defaultRun; }
    const ParaProps &defaultParagraph() const { return m_defaultParagraph; }
    // The style with basedOn resolved (without the defaults); an unknown id gives the default
    // paragraph style for paragraphs.
    RunProps runOf(const QString &id) const;
    ParaProps paragraphOf(const QString &id) const;
    TableProps tableOf(const QString &id) const;
    // The heading level (0-based) a paragraph style implies, from its outline level or its name
    // ("heading 2", "Title"); -1 for body text.
    int headingLevel(const QString &id) const;
    QString defaultParagraphStyle() const { return m_defaultParagraphStyle; }
    QString defaultTableStyle() const { return m_defaultTableStyle; }

private:
    // The chain from the style itself up its basedOn ancestors (cycles and depth capped).
    QList<const Style *> chain(const QString &id) const;

    QHash<QString, Style> m_styles;
    RunProps m_defaultRun;
    ParaProps m_defaultParagraph;
    QString m_defaultParagraphStyle;
    QString m_defaultTableStyle;
};

// Lists: abstract definitions, their instances (w:num) and the running counters.
class Numbering
{
public:
    enum class Format { Decimal, LowerLetter, UpperLetter, LowerRoman, UpperRoman, Bullet, None, DecimalZero };
    struct Level
    {
        int start = 1;
        Format format = Format::Decimal;
        QString text; // lvlText: "%1.", "%1.%2.", a bullet character
        bool legal = false; // w:isLgl: all levels in decimal
        ParaProps paragraph;
        RunProps run;
    };
    static constexpr int Levels = 9;

    void read(SafeXmlReader &xml);
    // The marker of the next paragraph of list `numId` at level `ilvl` (counters advance); ""
    // when the list is unknown. `level` receives that level's definition.
    QString next(int numId, int ilvl, const Level **level);
    // "iv", "c", "27" for `value` in `format`.
    static QString formatNumber(int value, Format format);

private:
    struct Abstract
    {
        std::array<Level, Levels> levels;
    };
    struct Instance
    {
        QString abstractId;
        std::array<std::optional<int>, Levels> startOverride;
        std::array<std::optional<Level>, Levels> levelOverride;
        std::array<int, Levels> counters {};
        std::array<bool, Levels> used {};
    };
    static Level readLevel(SafeXmlReader &xml);

    QHash<QString, Abstract> m_abstracts;
    QHash<int, Instance> m_instances;
};

} // namespace folio::wordprocessing::docx
