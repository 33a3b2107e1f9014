// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxstyles.h"

#include "backends/office/officeunits.h"
#include "xmlwalk.h"

#include <QHash>

namespace folio::wordprocessing::docx {

using namespace xml;

namespace {

constexpr int MaxStyleDepth = 32; // basedOn chains longer than this are cut (and cycles with them)

bool onOff(const SafeXmlReader &reader)
{
    if (!hasAttribute(reader, u"val"))
        return true;
    const QString value = val(reader);
    return office::parseOnOff(&value);
}

std::optional<qreal> twips(const SafeXmlReader &reader, QStringView name)
{
    const QString text = attribute(reader, name);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return office::twipsToPoints(value);
}

QTextCharFormat::UnderlineStyle underlineStyle(const QString &value)
{
    if (value.isEmpty() || value == QLatin1String("single") || value == QLatin1String("words")
        || value == QLatin1String("double") || value == QLatin1String("thick"))
        return QTextCharFormat::SingleUnderline;
    if (value == QLatin1String("none"))
        return QTextCharFormat::NoUnderline;
    if (value.startsWith(QLatin1String("wav")))
        return QTextCharFormat::WaveUnderline;
    if (value.startsWith(QLatin1String("dotDot")))
        return QTextCharFormat::DashDotDotLine;
    if (value.startsWith(QLatin1String("dotDash")) || value.startsWith(QLatin1String("dashDot")))
        return QTextCharFormat::DashDotLine;
    if (value.contains(QLatin1String("ot")))
        return QTextCharFormat::DotLine;
    if (value.contains(QLatin1String("ash")))
        return QTextCharFormat::DashUnderline;
    return QTextCharFormat::SingleUnderline;
}

std::optional<QColor> shadingFill(const SafeXmlReader &reader)
{
    return office::parseHexColor(attribute(reader, u"fill"));
}

} // namespace

void readRunProps(SafeXmlReader &reader, RunProps &props, QString *styleId)
{
    forChildren(reader, [&] {
        const QStringView n = name(reader);
        if (n == u"rStyle" && styleId)
            *styleId = val(reader);
        else if (n == u"b")
            props.bold = onOff(reader);
        else if (n == u"i")
            props.italic = onOff(reader);
        else if (n == u"strike" || n == u"dstrike")
            props.strike = onOff(reader);
        else if (n == u"vanish")
            props.hidden = onOff(reader);
        else if (n == u"caps")
            props.caps = onOff(reader);
        else if (n == u"smallCaps")
            props.smallCaps = onOff(reader);
        else if (n == u"u")
            props.underline = underlineStyle(val(reader));
        else if (n == u"color") {
            // "auto": automatic colour, dark on light shading and light on dark (an invalid
            // colour over an inherited one; see DocxReader::run()).
            if (const auto color = office::parseHexColor(val(reader)))
                props.color = *color;
            else if (val(reader) == QLatin1String("auto"))
                props.color = QColor();
        } else if (n == u"highlight") {
            props.highlight = namedColor(val(reader)).value_or(QColor());
        } else if (n == u"shd") {
            if (const auto fill = shadingFill(reader); fill && !props.highlight)
                props.highlight = *fill;
        } else if (n == u"sz") {
            bool ok = false;
            const double halfPoints = val(reader).toDouble(&ok);
            if (ok && halfPoints > 0)
                props.size = office::halfPointsToPoints(halfPoints);
        } else if (n == u"rFonts") {
            QString family = attribute(reader, u"ascii");
            if (family.isEmpty())
                family = attribute(reader, u"hAnsi");
            if (family.isEmpty()) {
                // Theme fonts: resolved by the reader from the theme part (see ThemeMajor).
                const QString theme = attribute(reader, u"asciiTheme");
                if (theme.startsWith(QLatin1String("major")))
                    family = QLatin1String(ThemeMajor);
                else if (theme.startsWith(QLatin1String("minor")))
                    family = QLatin1String(ThemeMinor);
            }
            if (!family.isEmpty())
                props.font = family;
        } else if (n == u"vertAlign") {
            const QString value = val(reader);
            if (value == QLatin1String("superscript"))
                props.vertical = QTextCharFormat::AlignSuperScript;
            else if (value == QLatin1String("subscript"))
                props.vertical = QTextCharFormat::AlignSubScript;
            else
                props.vertical = QTextCharFormat::AlignNormal;
        }
    });
}

void readParaProps(SafeXmlReader &reader, ParaProps &props, bool *sectionBreak, QString *styleId)
{
    forChildren(reader, [&] {
        const QStringView n = name(reader);
        if (n == u"pStyle" && styleId) {
            *styleId = val(reader);
        } else if (n == u"jc") {
            const QString value = val(reader);
            if (value == QLatin1String("center"))
                props.align = Qt::AlignHCenter;
            else if (value == QLatin1String("right") || value == QLatin1String("end"))
                props.align = Qt::AlignRight;
            else if (value == QLatin1String("both") || value == QLatin1String("distribute")
                || value == QLatin1String("justify"))
                props.align = Qt::AlignJustify;
            else
                props.align = Qt::AlignLeft;
        } else if (n == u"spacing") {
            if (const auto before = twips(reader, u"before"))
                props.before = *before;
            if (const auto after = twips(reader, u"after"))
                props.after = *after;
            bool ok = false;
            const double line = attribute(reader, u"line").toDouble(&ok);
            if (ok && line > 0) {
                const QString rule = attribute(reader, u"lineRule");
                if (rule == QLatin1String("exact")) {
                    props.lineRule = ParaProps::Exact;
                    props.lineValue = office::twipsToPoints(line);
                } else if (rule == QLatin1String("atLeast")) {
                    props.lineRule = ParaProps::AtLeast;
                    props.lineValue = office::twipsToPoints(line);
                } else {
                    props.lineRule = ParaProps::Proportional;
                    props.lineValue = line * 100 / 240;
                }
            }
        } else if (n == u"ind") {
            if (auto left = twips(reader, u"left"); left || (left = twips(reader, u"start")))
                props.left = *left;
            if (auto right = twips(reader, u"right"); right || (right = twips(reader, u"end")))
                props.right = *right;
            if (const auto first = twips(reader, u"firstLine"))
                props.firstLine = *first;
            if (const auto hanging = twips(reader, u"hanging"))
                props.firstLine = -*hanging;
        } else if (n == u"tabs") {
            QList<TabStop> stops;
            forChildren(reader, [&] {
                if (name(reader) != u"tab" || stops.size() >= 64)
                    return;
                const auto position = twips(reader, u"pos");
                if (!position)
                    return;
                TabStop stop;
                stop.position = *position;
                const QString type = val(reader);
                stop.clear = type == QLatin1String("clear");
                stop.type = type == QLatin1String("right") || type == QLatin1String("end") ? QTextOption::RightTab
                    : type == QLatin1String("center")                                      ? QTextOption::CenterTab
                                                                                           : QTextOption::LeftTab;
                if (type == QLatin1String("bar"))
                    return; // a vertical line, not a stop
                const QString leader = attribute(reader, u"leader");
                if (leader == QLatin1String("dot"))
                    stop.leader = u'.';
                else if (leader == QLatin1String("hyphen"))
                    stop.leader = u'-';
                else if (leader == QLatin1String("underscore") || leader == QLatin1String("heavy"))
                    stop.leader = u'_';
                else if (leader == QLatin1String("middleDot"))
                    stop.leader = QChar(0x00b7);
                stops.append(stop);
            });
            props.tabs = stops;
        } else if (n == u"pBdr") {
            forChildren(reader, [&] {
                const QStringView side = name(reader);
                const Border border = readBorder(reader);
                ParagraphEdge edge {border.width, border.color, 0};
                bool ok = false;
                const double space = attribute(reader, u"space").toDouble(&ok);
                if (ok)
                    edge.space = std::clamp(space, 0.0, 31.0);
                if (side == u"top")
                    props.borderTop = edge;
                else if (side == u"left" || side == u"start")
                    props.borderLeft = edge;
                else if (side == u"bottom")
                    props.borderBottom = edge;
                else if (side == u"right" || side == u"end")
                    props.borderRight = edge;
            });
        } else if (n == u"keepLines") {
            props.keepLines = onOff(reader);
        } else if (n == u"framePr") {
            const QString dropCap = attribute(reader, u"dropCap");
            bool ok = false;
            const int lines = attribute(reader, u"lines").toInt(&ok);
            props.dropCapLines = dropCap == QLatin1String("drop") || dropCap == QLatin1String("margin")
                ? (ok ? std::clamp(lines, 1, 10) : 3)
                : 0;
        } else if (n == u"autoSpaceDE") {
            props.autoSpaceLetters = onOff(reader);
        } else if (n == u"autoSpaceDN") {
            props.autoSpaceDigits = onOff(reader);
        } else if (n == u"keepNext") {
            props.keepNext = onOff(reader);
        } else if (n == u"pageBreakBefore") {
            props.pageBreakBefore = onOff(reader);
        } else if (n == u"outlineLvl") {
            bool ok = false;
            const int level = val(reader).toInt(&ok);
            if (ok)
                props.outlineLevel = std::clamp(level, 0, 9);
        } else if (n == u"shd") {
            if (const auto fill = shadingFill(reader))
                props.shading = *fill;
        } else if (n == u"numPr") {
            forChildren(reader, [&] {
                bool ok = false;
                const int value = val(reader).toInt(&ok);
                if (!ok)
                    return;
                if (name(reader) == u"ilvl")
                    props.ilvl = std::clamp(value, 0, Numbering::Levels - 1);
                else if (name(reader) == u"numId")
                    props.numId = value;
            });
        } else if (n == u"sectPr") {
            if (sectionBreak)
                *sectionBreak = true;
        }
    });
}

Border readBorder(SafeXmlReader &reader)
{
    Border border;
    const QString style = val(reader);
    if (style.isEmpty() || style == QLatin1String("nil") || style == QLatin1String("none"))
        return border;
    bool ok = false;
    const double eighths = attribute(reader, u"sz").toDouble(&ok);
    border.width = std::clamp(ok ? office::eighthPointsToPoints(eighths) : 0.5, 0.25, 6.0);
    if (const auto color = office::parseHexColor(attribute(reader, u"color")))
        border.color = *color;
    return border;
}

void TableProps::mergeFrom(const TableProps &over)
{
    for (auto [mine, theirs] : {std::pair {&top, &over.top}, {&left, &over.left}, {&bottom, &over.bottom},
             {&right, &over.right}, {&insideH, &over.insideH}, {&insideV, &over.insideV}}) {
        if (*theirs)
            *mine = *theirs;
    }
    if (over.align)
        align = over.align;
    if (over.indent)
        indent = over.indent;
    for (auto [mine, theirs] :
        {std::pair {&indent, &over.indent}, {&cellLeft, &over.cellLeft}, {&cellRight, &over.cellRight}}) {
        if (*theirs)
            *mine = *theirs;
    }
    if (over.shading)
        shading = over.shading;
    for (auto [mine, theirs] :
        {std::pair {&look, &over.look}, {&rowBand, &over.rowBand}, {&columnBand, &over.columnBand}}) {
        if (*theirs)
            *mine = *theirs;
    }
}

void ConditionalFormat::mergeFrom(const ConditionalFormat &over)
{
    present = present || over.present;
    cell.mergeFrom(over.cell);
    run.mergeFrom(over.run);
    paragraph.mergeFrom(over.paragraph);
}

void readBorders(SafeXmlReader &reader, TableProps &props)
{
    forChildren(reader, [&] {
        const QStringView side = name(reader);
        const Border border = readBorder(reader);
        if (side == u"top")
            props.top = border;
        else if (side == u"left" || side == u"start")
            props.left = border;
        else if (side == u"bottom")
            props.bottom = border;
        else if (side == u"right" || side == u"end")
            props.right = border;
        else if (side == u"insideH")
            props.insideH = border;
        else if (side == u"insideV")
            props.insideV = border;
    });
}

namespace {

// w:tblLook in either form: the attributes of ECMA-376's later editions or the legacy hex bitmask.
int readLook(const SafeXmlReader &reader)
{
    int look = 0;
    bool attributes = false;
    for (const auto &[attributeName, bit] :
        {std::pair {u"firstRow", LookFirstRow}, {u"lastRow", LookLastRow}, {u"firstColumn", LookFirstColumn},
            {u"lastColumn", LookLastColumn}, {u"noHBand", LookNoHorizontalBands}, {u"noVBand", LookNoVerticalBands}}) {
        if (!hasAttribute(reader, attributeName))
            continue;
        attributes = true;
        const QString value = attribute(reader, attributeName);
        if (office::parseOnOff(&value))
            look |= bit;
    }
    if (attributes)
        return look;
    bool ok = false;
    const int legacy = val(reader).toInt(&ok, 16);
    return ok ? legacy : DefaultTableLook;
}

} // namespace

void readTableProps(SafeXmlReader &reader, TableProps &props, QString *styleId)
{
    forChildren(reader, [&] {
        const QStringView n = name(reader);
        if (n == u"tblStyle" && styleId) {
            *styleId = val(reader);
        } else if (n == u"tblBorders") {
            readBorders(reader, props);
        } else if (n == u"tblCellMar") {
            forChildren(reader, [&] {
                const QStringView side = name(reader);
                if (attribute(reader, u"type") == QLatin1String("pct"))
                    return;
                const auto width = twips(reader, u"w");
                if (width && (side == u"left" || side == u"start"))
                    props.cellLeft = std::clamp(*width, 0.0, 144.0);
                else if (width && (side == u"right" || side == u"end"))
                    props.cellRight = std::clamp(*width, 0.0, 144.0);
            });
        } else if (n == u"tblLook") {
            props.look = readLook(reader);
        } else if (n == u"tblStyleRowBandSize" || n == u"tblStyleColBandSize") {
            bool ok = false;
            const int size = val(reader).toInt(&ok);
            if (ok && size > 0)
                (n == u"tblStyleRowBandSize" ? props.rowBand : props.columnBand) = std::min(size, 1000);
        } else if (n == u"jc") {
            const QString value = val(reader);
            props.align = value == QLatin1String("center")                           ? Qt::AlignHCenter
                : (value == QLatin1String("right") || value == QLatin1String("end")) ? Qt::AlignRight
                                                                                     : Qt::AlignLeft;
        } else if (n == u"tblInd") {
            if (attribute(reader, u"type") != QLatin1String("pct"))
                if (const auto indent = twips(reader, u"w"))
                    props.indent = *indent;
        } else if (n == u"shd") {
            if (const auto fill = shadingFill(reader))
                props.shading = *fill;
        }
    });
}

void readCellProps(SafeXmlReader &reader, TableProps &props)
{
    forChildren(reader, [&] {
        const QStringView n = name(reader);
        if (n == u"tcBorders") {
            readBorders(reader, props);
        } else if (n == u"shd") {
            if (const auto fill = shadingFill(reader))
                props.shading = *fill;
        }
    });
}

void Styles::read(SafeXmlReader &reader)
{
    while (reader.readNextStartElement()) {
        const QStringView n = name(reader);
        if (n == u"rPrDefault") {
            forChildren(reader, [&] {
                if (name(reader) == u"rPr")
                    readRunProps(reader, m_defaultRun);
            });
        } else if (n == u"pPrDefault") {
            forChildren(reader, [&] {
                if (name(reader) == u"pPr")
                    readParaProps(reader, m_defaultParagraph);
            });
        } else if (n == u"style") {
            Style style;
            style.id = attribute(reader, u"styleId");
            style.type = attribute(reader, u"type");
            const QString defaultValue = attribute(reader, u"default");
            const bool isDefault = !defaultValue.isEmpty() && office::parseOnOff(&defaultValue);
            forChildren(reader, [&] {
                const QStringView child = name(reader);
                if (child == u"name")
                    style.name = val(reader);
                else if (child == u"basedOn")
                    style.basedOn = val(reader);
                else if (child == u"rPr")
                    readRunProps(reader, style.run);
                else if (child == u"pPr")
                    readParaProps(reader, style.paragraph);
                else if (child == u"tblPr")
                    readTableProps(reader, style.table);
                else if (child == u"tcPr")
                    readCellProps(reader, style.table);
                else if (child == u"tblStylePr")
                    readConditional(reader, style);
            });
            if (isDefault && style.type == QLatin1String("paragraph"))
                m_defaultParagraphStyle = style.id;
            if (isDefault && style.type == QLatin1String("table"))
                m_defaultTableStyle = style.id;
            if (!style.id.isEmpty())
                m_styles.insert(style.id, style);
        }
    }
}

void Styles::readConditional(SafeXmlReader &reader, Style &style)
{
    static const QHash<QString, TableRegion> regions = {
        {QStringLiteral("band1Vert"), TableRegion::Band1Vertical},
        {QStringLiteral("band2Vert"), TableRegion::Band2Vertical},
        {QStringLiteral("band1Horz"), TableRegion::Band1Horizontal},
        {QStringLiteral("band2Horz"), TableRegion::Band2Horizontal},
        {QStringLiteral("firstCol"), TableRegion::FirstColumn},
        {QStringLiteral("lastCol"), TableRegion::LastColumn},
        {QStringLiteral("firstRow"), TableRegion::FirstRow},
        {QStringLiteral("lastRow"), TableRegion::LastRow},
    };
    const QString type = attribute(reader, u"type");
    const auto region = regions.constFind(type);
    if (region == regions.cend() && type != QLatin1String("wholeTable")) {
        return; // the corner cells (nwCell...) are not formatted apart; forChildren() skips them
    }
    ConditionalFormat format;
    format.present = true;
    forChildren(reader, [&] {
        const QStringView child = name(reader);
        if (child == u"rPr")
            readRunProps(reader, format.run);
        else if (child == u"pPr")
            readParaProps(reader, format.paragraph);
        else if (child == u"tblPr")
            readTableProps(reader, format.cell);
        else if (child == u"tcPr")
            readCellProps(reader, format.cell);
    });
    if (region == regions.cend()) {
        // wholeTable: the style's own properties.
        style.table.mergeFrom(format.cell);
        style.run.mergeFrom(format.run);
        style.paragraph.mergeFrom(format.paragraph);
        return;
    }
    style.conditional[size_t(*region)].mergeFrom(format);
}

ConditionalFormat Styles::conditionalOf(const QString &id, TableRegion region) const
{
    ConditionalFormat format;
    const QList<const Style *> styles = chain(id.isEmpty() ? m_defaultTableStyle : id);
    for (auto it = styles.crbegin(); it != styles.crend(); ++it)
        format.mergeFrom((*it)->conditional[size_t(region)]);
    return format;
}

QList<const Styles::Style *> Styles::chain(const QString &id) const
{
    QList<const Style *> styles;
    QString current = id;
    while (!current.isEmpty() && styles.size() < MaxStyleDepth) {
        const auto found = m_styles.constFind(current);
        if (found == m_styles.cend() || styles.contains(&*found))
            break;
        styles.append(&*found);
        current = found->basedOn;
    }
    return styles;
}

RunProps Styles::runOf(const QString &id) const
{
    RunProps props;
    const QList<const Style *> styles = chain(id);
    for (auto it = styles.crbegin(); it != styles.crend(); ++it)
        props.mergeFrom((*it)->run);
    return props;
}

ParaProps Styles::paragraphOf(const QString &id) const
{
    ParaProps props;
    const QList<const Style *> styles = chain(id.isEmpty() ? m_defaultParagraphStyle : id);
    for (auto it = styles.crbegin(); it != styles.crend(); ++it)
        props.mergeFrom((*it)->paragraph);
    return props;
}

TableProps Styles::tableOf(const QString &id) const
{
    TableProps props;
    const QList<const Style *> styles = chain(id.isEmpty() ? m_defaultTableStyle : id);
    for (auto it = styles.crbegin(); it != styles.crend(); ++it)
        props.mergeFrom((*it)->table);
    return props;
}

int Styles::headingLevel(const QString &id) const
{
    for (const Style *style : chain(id)) {
        if (style->paragraph.outlineLevel)
            return *style->paragraph.outlineLevel < 9 ? *style->paragraph.outlineLevel : -1;
        const QString name = style->name.toLower();
        if (name == QLatin1String("title"))
            return 0;
        if (name.startsWith(QLatin1String("heading "))) {
            bool ok = false;
            const int level = name.mid(8).toInt(&ok);
            if (ok && level >= 1 && level <= 9)
                return level - 1;
        }
    }
    return -1;
}

Numbering::Level Numbering::readLevel(SafeXmlReader &reader)
{
    Level level;
    forChildren(reader, [&] {
        const QStringView n = name(reader);
        if (n == u"start") {
            bool ok = false;
            const int start = val(reader).toInt(&ok);
            if (ok)
                level.start = std::clamp(start, 0, 1'000'000);
        } else if (n == u"numFmt") {
            const QString format = val(reader);
            if (format == QLatin1String("lowerLetter"))
                level.format = Format::LowerLetter;
            else if (format == QLatin1String("upperLetter"))
                level.format = Format::UpperLetter;
            else if (format == QLatin1String("lowerRoman"))
                level.format = Format::LowerRoman;
            else if (format == QLatin1String("upperRoman"))
                level.format = Format::UpperRoman;
            else if (format == QLatin1String("bullet"))
                level.format = Format::Bullet;
            else if (format == QLatin1String("none"))
                level.format = Format::None;
            else if (format == QLatin1String("decimalZero"))
                level.format = Format::DecimalZero;
            else
                level.format = Format::Decimal;
        } else if (n == u"lvlText") {
            level.text = val(reader);
        } else if (n == u"isLgl") {
            level.legal = onOff(reader);
        } else if (n == u"pPr") {
            readParaProps(reader, level.paragraph);
        } else if (n == u"rPr") {
            readRunProps(reader, level.run);
        }
    });
    return level;
}

void Numbering::read(SafeXmlReader &reader)
{
    while (reader.readNextStartElement()) {
        const QStringView n = name(reader);
        if (n == u"abstractNum") {
            Abstract abstract;
            const QString id = attribute(reader, u"abstractNumId");
            forChildren(reader, [&] {
                if (name(reader) != u"lvl")
                    return;
                const int index = attribute(reader, u"ilvl").toInt();
                const Level level = readLevel(reader);
                if (index >= 0 && index < Levels)
                    abstract.levels[size_t(index)] = level;
            });
            m_abstracts.insert(id, abstract);
        } else if (n == u"num") {
            Instance instance;
            bool ok = false;
            const int id = attribute(reader, u"numId").toInt(&ok);
            forChildren(reader, [&] {
                if (name(reader) == u"abstractNumId") {
                    instance.abstractId = val(reader);
                } else if (name(reader) == u"lvlOverride") {
                    const int index = attribute(reader, u"ilvl").toInt();
                    if (index < 0 || index >= Levels)
                        return;
                    forChildren(reader, [&] {
                        if (name(reader) == u"startOverride")
                            instance.startOverride[size_t(index)] = std::clamp(val(reader).toInt(), 0, 1'000'000);
                        else if (name(reader) == u"lvl")
                            instance.levelOverride[size_t(index)] = readLevel(reader);
                    });
                }
            });
            if (ok)
                m_instances.insert(id, instance);
        }
    }
}

QString Numbering::formatNumber(int value, Format format)
{
    switch (format) {
    case Format::Decimal:
        return QString::number(value);
    case Format::DecimalZero:
        return value < 10 ? QLatin1Char('0') + QString::number(value) : QString::number(value);
    case Format::LowerLetter:
    case Format::UpperLetter: {
        if (value <= 0)
            return QString::number(value);
        // a..z, then aa..zz, aaa..: the letter repeated (Word's style).
        const QChar letter(u'a' + (value - 1) % 26);
        const QString text(std::min((value - 1) / 26 + 1, 16), letter);
        return format == Format::UpperLetter ? text.toUpper() : text;
    }
    case Format::LowerRoman:
    case Format::UpperRoman: {
        if (value <= 0 || value >= 4000)
            return QString::number(value);
        static const std::pair<int, const char *> numerals[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
            {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
        QString text;
        for (const auto &[amount, numeral] : numerals) {
            while (value >= amount) {
                text += QLatin1String(numeral);
                value -= amount;
            }
        }
        return format == Format::UpperRoman ? text.toUpper() : text;
    }
    case Format::Bullet:
    case Format::None:
        return {};
    }
    return {};
}

QString Numbering::next(int numId, int ilvl, const Level **levelOut)
{
    const auto instance = m_instances.find(numId);
    if (instance == m_instances.end())
        return {};
    const auto abstract = m_abstracts.constFind(instance->abstractId);
    if (abstract == m_abstracts.cend())
        return {};
    ilvl = std::clamp(ilvl, 0, Levels - 1);
    const auto levelAt = [&](int index) -> const Level & {
        const auto &override = instance->levelOverride[size_t(index)];
        return override ? *override : abstract->levels[size_t(index)];
    };
    const auto startOf = [&](int index) {
        const auto &override = instance->startOverride[size_t(index)];
        return override ? *override : levelAt(index).start;
    };
    auto &counters = instance->counters;
    auto &used = instance->used;
    counters[size_t(ilvl)] = used[size_t(ilvl)] ? counters[size_t(ilvl)] + 1 : startOf(ilvl);
    used[size_t(ilvl)] = true;
    // Deeper levels restart after a shallower item.
    for (int deeper = ilvl + 1; deeper < Levels; ++deeper)
        used[size_t(deeper)] = false;
    const Level &level = levelAt(ilvl);
    if (levelOut)
        *levelOut = &level;
    if (level.format == Format::Bullet) {
        QString bullet = level.text.left(1);
        // Symbol and Wingdings bullets live in the private use area: show a plain bullet.
        if (bullet.isEmpty() || (bullet[0].unicode() >= 0xF000 && bullet[0].unicode() <= 0xF0FF))
            bullet = QStringLiteral("•");
        else if (bullet == QLatin1String("§"))
            bullet = QStringLiteral("▪");
        return bullet;
    }
    QString text = level.text;
    for (int index = 0; index < Levels; ++index) {
        const QString placeholder = QLatin1Char('%') + QString::number(index + 1);
        if (!text.contains(placeholder))
            continue;
        const int value = index <= ilvl && used[size_t(index)] ? counters[size_t(index)] : startOf(index);
        const Format format = level.legal && index < ilvl ? Format::Decimal : levelAt(index).format;
        text.replace(placeholder, formatNumber(value, format));
    }
    return text;
}

} // namespace folio::wordprocessing::docx
