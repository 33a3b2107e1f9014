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

// What Folio uses of a table's w:tblPr (and of table styles), and of a cell's w:tcPr in a
// style's conditional formatting (w:tcBorders as the borders, w:shd as the shading).
struct TableProps
{
    std::optional<Border> top, left, bottom, right, insideH, insideV;
    std::optional<Qt::Alignment> align;
    std::optional<qreal> indent;
    std::optional<QColor> shading;
    std::optional<qreal> cellLeft, cellRight; // w:tblCellMar, points
    std::optional<int> look; // w:tblLook as the legacy bitmask (TableLook)
    std::optional<int> rowBand, columnBand; // w:tblStyleRowBandSize, w:tblStyleColBandSize
    void mergeFrom(const TableProps &over);
};
void readTableProps(SafeXmlReader &xml, TableProps &props, QString *styleId = nullptr);
// The sides of a w:tblBorders or w:tcBorders.
void readBorders(SafeXmlReader &xml, TableProps &props);
// The children of a w:tcPr that table styles use: w:tcBorders into the borders, w:shd.
void readCellProps(SafeXmlReader &xml, TableProps &props);

// The bits of w:tblLook's legacy w:val, which the attribute form (w:firstRow="1") is read into.
enum TableLook {
    LookFirstRow = 0x0020,
    LookLastRow = 0x0040,
    LookFirstColumn = 0x0080,
    LookLastColumn = 0x0100,
    LookNoHorizontalBands = 0x0200,
    LookNoVerticalBands = 0x0400,
};
// What Word writes for a new table (header row, first column, banded rows), taken when a table
// says nothing.
inline constexpr int DefaultTableLook = 0x04A0;

// The parts of a table a table style formats on their own (w:tblStylePr w:type), in the order
// Word applies them: later ones win.
enum class TableRegion {
    Band1Vertical,
    Band2Vertical,
    Band1Horizontal,
    Band2Horizontal,
    FirstColumn,
    LastColumn,
    FirstRow,
    LastRow,
    Count
};

// One w:tblStylePr: what its region's cells, paragraphs and runs get.
struct ConditionalFormat
{
    bool present = false;
    TableProps cell;
    RunProps run;
    ParaProps paragraph;
    void mergeFrom(const ConditionalFormat &over);
};
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
        std::array<ConditionalFormat, size_t(TableRegion::Count)> conditional;
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
    // The conditional formatting of `region` in table style `id`, basedOn resolved.
    ConditionalFormat conditionalOf(const QString &id, TableRegion region) const;
    // The heading level (0-based) a paragraph style implies, from its outline level or its name
    // ("heading 2", "Title"); -1 for body text.
    int headingLevel(const QString &id) const;
    QString defaultParagraphStyle() const { return m_defaultParagraphStyle; }
    QString defaultTableStyle() const { return m_defaultTableStyle; }

private:
    // A w:tblStylePr into `style` (the reader on its start tag).
    static void readConditional(SafeXmlReader &xml, Style &style);
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
