// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawingml_p.h"

#include "backends/office/chart.h"

#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace folio::presentation::drawingml {

using office::emuToPoints;

namespace {

using namespace detail;

constexpr int MaxGroupDepth = 64;

struct GroupTransform
{
    double ax = 1, bx = 0, ay = 1, by = 0;

    QRectF map(const QRectF &rect) const
    {
        return QRectF(ax * rect.x() + bx, ay * rect.y() + by, ax * rect.width(), ay * rect.height());
    }
};

struct Xfrm
{
    QRectF rect;
    QRectF childRect;
    double rotation = 0;
    bool flipH = false;
    bool flipV = false;
    bool present = false;
};

Xfrm readXfrm(SafeXmlReader &xml)
{
    Xfrm xfrm;
    xfrm.present = true;
    xfrm.rotation = number(attribute(xml, QLatin1String("rot"))) / 60000.0;
    xfrm.flipH = optionalFlag(xml, QLatin1String("flipH")).value_or(false);
    xfrm.flipV = optionalFlag(xml, QLatin1String("flipV")).value_or(false);
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        const double x = emuToPoints(number(attribute(xml, QLatin1String("x"))));
        const double y = emuToPoints(number(attribute(xml, QLatin1String("y"))));
        const double cx = emuToPoints(std::max(0.0, number(attribute(xml, QLatin1String("cx")))));
        const double cy = emuToPoints(std::max(0.0, number(attribute(xml, QLatin1String("cy")))));
        if (name == u"off")
            xfrm.rect.moveTo(x, y);
        else if (name == u"ext")
            xfrm.rect.setSize(QSizeF(cx, cy));
        else if (name == u"chOff")
            xfrm.childRect.moveTo(x, y);
        else if (name == u"chExt")
            xfrm.childRect.setSize(QSizeF(cx, cy));
        xml.skipElement();
    }
    return xfrm;
}

Shape::Kind presetKind(const QString &preset)
{
    if (preset == QLatin1String("ellipse") || preset == QLatin1String("circle") || preset == QLatin1String("donut"))
        return Shape::Kind::Ellipse;
    if (preset.startsWith(QLatin1String("roundRect")) || preset.startsWith(QLatin1String("round"))
        || preset == QLatin1String("flowChartAlternateProcess"))
        return Shape::Kind::RoundRectangle;
    if (preset == QLatin1String("triangle") || preset == QLatin1String("flowChartExtract"))
        return Shape::Kind::Triangle;
    if (preset == QLatin1String("trapezoid"))
        return Shape::Kind::Trapezoid;
    if (preset == QLatin1String("line") || preset.contains(QLatin1String("Connector")))
        return Shape::Kind::Line;
    // Every other preset is drawn as its bounding rectangle: close enough to show where it is.
    return Shape::Kind::Rectangle;
}

void readShapeProps(SafeXmlReader &xml, Shape &shape, const GroupTransform &group, const Theme &theme)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"xfrm") {
            const Xfrm xfrm = readXfrm(xml);
            shape.rect = group.map(xfrm.rect);
            shape.rotation = xfrm.rotation;
            shape.flipH = xfrm.flipH;
            shape.flipV = xfrm.flipV;
            shape.hasGeometry = true;
        } else if (name == u"prstGeom") {
            if (shape.kind != Shape::Kind::Picture)
                shape.kind = presetKind(attribute(xml, QLatin1String("prst")));
            const int geometryDepth = xml.depth();
            while (nextChild(xml, geometryDepth)) {
                if (xml.xml().name() != u"avLst") {
                    xml.skipElement();
                    continue;
                }
                const int listDepth = xml.depth();
                while (nextChild(xml, listDepth)) {
                    const QString formula = attribute(xml, QLatin1String("fmla"));
                    if (xml.xml().name() == u"gd" && attribute(xml, QLatin1String("name")) == QLatin1String("adj")
                        && formula.startsWith(QLatin1String("val ")))
                        shape.adjust = optionalNumber(formula.mid(4));
                    xml.skipElement();
                }
            }
        } else if (name == u"custGeom") {
            if (shape.kind != Shape::Kind::Picture)
                shape.kind = Shape::Kind::Rectangle;
            xml.skipElement();
        } else if (isFill(name)) {
            if (const auto fill = readFill(xml, theme))
                shape.fill = fill;
        } else if (name == u"ln") {
            if (const auto width = optionalNumber(attribute(xml, QLatin1String("w"))))
                shape.lineWidth = std::clamp(emuToPoints(*width), 0.25, 100.0);
            const int lineDepth = xml.depth();
            while (nextChild(xml, lineDepth)) {
                if (isFill(xml.xml().name())) {
                    if (const auto color = readFill(xml, theme))
                        shape.line = color;
                } else {
                    xml.skipElement();
                }
            }
        } else {
            xml.skipElement();
        }
    }
}

// On p:style: the theme-referenced fill, line and font colours of a drawn shape.
void readShapeStyle(SafeXmlReader &xml, std::optional<QColor> &fill, std::optional<QColor> &line,
    std::optional<QColor> &font, const Theme &theme)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        const bool used = number(attribute(xml, QLatin1String("idx")), 1) > 0;
        if (name == u"fillRef") {
            const auto color = readColorHolder(xml, theme);
            if (used)
                fill = color;
        } else if (name == u"lnRef") {
            const auto color = readColorHolder(xml, theme);
            if (used)
                line = color;
        } else if (name == u"fontRef") {
            font = readColorHolder(xml, theme);
        } else {
            xml.skipElement();
        }
    }
}

// On p:nvSpPr, p:nvPicPr, ...: placeholder and hidden flags.
void readNonVisual(SafeXmlReader &xml, Shape &shape, bool &hidden)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"cNvPr") {
            hidden = optionalFlag(xml, QLatin1String("hidden")).value_or(false);
            xml.skipElement();
        } else if (name == u"nvPr") {
            const int inner = xml.depth();
            while (nextChild(xml, inner)) {
                if (xml.xml().name() == u"ph") {
                    shape.placeholder = true;
                    shape.placeholderType = attribute(xml, QLatin1String("type"));
                    shape.placeholderIndex = attribute(xml, QLatin1String("idx"));
                }
                xml.skipElement();
            }
        } else {
            xml.skipElement();
        }
    }
}

// The built-in table styles a table names by GUID (a:tableStyleId) and PowerPoint does not
// always save in tableStyles.xml: the families used most, from the theme's colours.
enum class BuiltInStyle { None, NoGrid, Grid, Medium2, Light1 };

std::pair<BuiltInStyle, QString> builtInStyle(const QString &id)
{
    static const QHash<QString, std::pair<BuiltInStyle, QString>> styles = {
        {QStringLiteral("{2D5ABB26-0587-4C30-8999-92F81FD0307C}"), {BuiltInStyle::NoGrid, QString()}},
        {QStringLiteral("{5940675A-B579-460E-94D1-54222C63F5DA}"), {BuiltInStyle::Grid, QStringLiteral("tx1")}},
        {QStringLiteral("{073A0DAA-6AF3-43AB-8588-CEC1D06C72B9}"), {BuiltInStyle::Medium2, QStringLiteral("dk1")}},
        {QStringLiteral("{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"), {BuiltInStyle::Medium2, QStringLiteral("accent1")}},
        {QStringLiteral("{21E4AEA4-8DFA-4A89-87EB-49C32662AFE8}"), {BuiltInStyle::Medium2, QStringLiteral("accent2")}},
        {QStringLiteral("{F5AB1C69-6EDB-4FF4-983F-18BD219EF322}"), {BuiltInStyle::Medium2, QStringLiteral("accent3")}},
        {QStringLiteral("{00A15C55-8517-42AA-B614-E9B94910E393}"), {BuiltInStyle::Medium2, QStringLiteral("accent4")}},
        {QStringLiteral("{7DF18680-E054-41AD-8BC1-D1AEF772440D}"), {BuiltInStyle::Medium2, QStringLiteral("accent5")}},
        {QStringLiteral("{93296810-A885-4BE3-A3E7-6D5BEEA58F35}"), {BuiltInStyle::Medium2, QStringLiteral("accent6")}},
        {QStringLiteral("{9D7B26C5-4107-4FEC-AEDC-1716B250EE53}"), {BuiltInStyle::Light1, QStringLiteral("tx1")}},
        {QStringLiteral("{3B4B98B0-60AC-42C2-AFA5-B58CD77FA1E5}"), {BuiltInStyle::Light1, QStringLiteral("accent1")}},
        {QStringLiteral("{0E3FDE45-AF77-4B5C-9715-49D594BDF05E}"), {BuiltInStyle::Light1, QStringLiteral("accent2")}},
        {QStringLiteral("{C083E6E3-FA7D-4D7B-A595-EF9225AFEA82}"), {BuiltInStyle::Light1, QStringLiteral("accent3")}},
        {QStringLiteral("{D27102A9-8310-4765-A935-A1911B00CA55}"), {BuiltInStyle::Light1, QStringLiteral("accent4")}},
        {QStringLiteral("{5FD0F851-EC5A-4D38-B0AD-8093EC10F338}"), {BuiltInStyle::Light1, QStringLiteral("accent5")}},
        {QStringLiteral("{68D230F3-CF80-4859-8CE7-A43EE81993B5}"), {BuiltInStyle::Light1, QStringLiteral("accent6")}},
    };
    return styles.value(id.trimmed().toUpper(), {BuiltInStyle::None, QString()});
}

// DrawingML's a:tint: the colour mixed with white, `amount` of it kept.
QColor tinted(const QColor &color, double amount)
{
    const auto mix = [amount](int channel) { return int(std::lround(255 - (255 - channel) * amount)); };
    return QColor(mix(color.red()), mix(color.green()), mix(color.blue()));
}

// A table style's look of one cell: its fill where the cell sets none, its borders, and the text
// colour, bold and italic where a run sets none.
void applyCellStyle(TableCell &cell, const std::optional<QColor> &fill,
    const std::array<std::optional<TableCell::Edge>, 4> &borders, const std::optional<QColor> &text,
    std::optional<bool> bold, std::optional<bool> italic)
{
    if (!cell.fill)
        cell.fill = fill;
    cell.borders = borders;
    for (Paragraph &paragraph : cell.body.paragraphs) {
        if (text && !paragraph.props.run.color)
            paragraph.props.run.color = text;
        if (bold && !paragraph.props.run.bold)
            paragraph.props.run.bold = bold;
        if (italic && !paragraph.props.run.italic)
            paragraph.props.run.italic = italic;
    }
}

struct TableLook
{
    bool firstRow = false, lastRow = false, firstColumn = false, lastColumn = false, bandRow = false,
         bandColumn = false;
};

// Gives the cells of `table` the fills, borders and text of built-in style `id` where they have
// none of their own.
void applyTableStyle(Table &table, const QString &id, const TableLook &look, const Theme &theme)
{
    const auto [style, accentName] = builtInStyle(id);
    if (style == BuiltInStyle::None)
        return;
    table.styled = true;
    const QColor accent = theme.scheme(accentName).value_or(QColor(0x44, 0x72, 0xc4));
    const QColor light = theme.scheme(QStringLiteral("lt1")).value_or(QColor(Qt::white));
    const QColor dark = theme.scheme(QStringLiteral("dk1")).value_or(QColor(Qt::black));
    const qsizetype rows = table.rows.size();
    for (qsizetype r = 0; r < rows; ++r) {
        QList<TableCell> &cells = table.rows[r];
        for (qsizetype c = 0; c < cells.size(); ++c) {
            TableCell &cell = cells[c];
            const bool header = look.firstRow && r == 0;
            const bool footer = look.lastRow && r == rows - 1 && r > 0;
            const bool firstColumn = look.firstColumn && c == 0;
            const bool lastColumn = look.lastColumn && c == cells.size() - 1 && c > 0;
            const qsizetype dataRow = r - (look.firstRow ? 1 : 0);
            const bool band = (look.bandRow && dataRow >= 0 && dataRow % 2 == 0)
                || (look.bandColumn && c - (look.firstColumn ? 1 : 0) >= 0
                    && (c - (look.firstColumn ? 1 : 0)) % 2 == 0);
            std::optional<QColor> fill;
            std::optional<QColor> text;
            bool bold = false;
            using Edge = TableCell::Edge;
            std::array<std::optional<Edge>, 4> borders;
            switch (style) {
            case BuiltInStyle::None:
            case BuiltInStyle::NoGrid:
                bold = header || footer || firstColumn || lastColumn;
                break;
            case BuiltInStyle::Grid:
                borders.fill(Edge {1, dark});
                bold = header || footer || firstColumn || lastColumn;
                break;
            case BuiltInStyle::Medium2:
                // White 1 pt rules between tinted cells; the header, footer and marked columns
                // solid in the accent with white bold text, a 3 pt rule under the header.
                borders.fill(Edge {1, light});
                fill = tinted(accent, band ? 0.4 : 0.2);
                text = dark;
                if (header || footer || firstColumn || lastColumn) {
                    fill = accent;
                    text = light;
                    bold = true;
                }
                if (header)
                    borders[2] = Edge {3, light};
                if (footer)
                    borders[0] = Edge {3, light};
                break;
            case BuiltInStyle::Light1:
                // Rules in the accent above and below the table and under the header; banded
                // rows lightly tinted.
                text = theme.scheme(QStringLiteral("tx1")).value_or(dark);
                if (band && !header && !footer)
                    fill = tinted(accent, 0.2);
                if (r == 0)
                    borders[0] = Edge {1, accent};
                if (r == rows - 1)
                    borders[2] = Edge {1, accent};
                if (header)
                    borders[2] = Edge {1, accent};
                if (footer)
                    borders[0] = Edge {1, accent};
                bold = header || footer || firstColumn || lastColumn;
                break;
            }
            applyCellStyle(cell, fill, borders, text, bold ? std::optional<bool>(true) : std::nullopt, std::nullopt);
        }
    }
}

// One part of a custom table style (a:wholeTbl, a:firstRow, a:band1H, ...): what it gives the
// cells of its region. Borders: left, right, top, bottom of the region, then insideH and insideV
// between its cells; a zero width is "none".
struct TableStylePart
{
    std::optional<QColor> fill;
    std::optional<QColor> text;
    std::optional<bool> bold;
    std::optional<bool> italic;
    std::array<std::optional<TableCell::Edge>, 6> borders;
};

using CustomTableStyle = QHash<QString, TableStylePart>;

// On a:ln (a width and a fill) or a:lnRef (a theme line in a colour): one border.
std::optional<TableCell::Edge> readBorderLine(SafeXmlReader &xml, const Theme &theme)
{
    if (xml.xml().name() == u"lnRef") {
        const bool used = number(attribute(xml, QLatin1String("idx")), 1) > 0;
        const auto color = readColorHolder(xml, theme);
        return TableCell::Edge {used && color ? 1.0 : 0.0, color.value_or(QColor(Qt::black))};
    }
    if (xml.xml().name() != u"ln" && !xml.xml().name().startsWith(u"ln")) {
        xml.skipElement();
        return std::nullopt;
    }
    TableCell::Edge edge {
        std::clamp(emuToPoints(number(attribute(xml, QLatin1String("w")), 12700)), 0.0, 20.0), QColor(Qt::black)};
    std::optional<QColor> color;
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        if (isFill(xml.xml().name()))
            color = readFill(xml, theme);
        else
            xml.skipElement();
    }
    if (!color || color->alpha() == 0)
        edge.width = 0; // a:noFill, or no fill at all: no line
    else
        edge.color = *color;
    return edge;
}

TableStylePart readTableStylePart(SafeXmlReader &xml, const Theme &theme)
{
    TableStylePart part;
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"tcTxStyle") {
            part.bold = optionalFlag(xml, QLatin1String("b"));
            part.italic = optionalFlag(xml, QLatin1String("i"));
            // A colour of its own wins over the font reference's.
            std::optional<QColor> own, font;
            const int textDepth = xml.depth();
            while (nextChild(xml, textDepth)) {
                if (xml.xml().name() == u"fontRef") {
                    font = readColorHolder(xml, theme);
                } else if (const auto color = readColorElement(xml, theme)) {
                    own = color;
                }
            }
            part.text = own ? own : font;
        } else if (name == u"tcStyle") {
            const int styleDepth = xml.depth();
            while (nextChild(xml, styleDepth)) {
                const QStringView child = xml.xml().name();
                if (child == u"tcBdr") {
                    static const QStringView sides[] = {u"left", u"right", u"top", u"bottom", u"insideH", u"insideV"};
                    const int bordersDepth = xml.depth();
                    while (nextChild(xml, bordersDepth)) {
                        const auto side = std::find(std::begin(sides), std::end(sides), xml.xml().name());
                        if (side == std::end(sides)) {
                            xml.skipElement();
                            continue;
                        }
                        const int lineDepth = xml.depth();
                        while (nextChild(xml, lineDepth)) {
                            if (const auto edge = readBorderLine(xml, theme))
                                part.borders[size_t(side - std::begin(sides))] = edge;
                        }
                    }
                } else if (child == u"fill") {
                    const int fillDepth = xml.depth();
                    while (nextChild(xml, fillDepth)) {
                        if (isFill(xml.xml().name()))
                            part.fill = readFill(xml, theme);
                        else
                            xml.skipElement();
                    }
                } else if (child == u"fillRef") {
                    part.fill = readColorHolder(xml, theme);
                } else {
                    xml.skipElement();
                }
            }
        } else {
            xml.skipElement();
        }
    }
    return part;
}

// The custom style `id` of the presentation's table styles, its colours in `theme`.
std::optional<CustomTableStyle> findTableStyle(const QString &id, const PartContext &context)
{
    if (!context.tableStyles || context.tableStyles->isEmpty() || id.trimmed().isEmpty())
        return std::nullopt;
    const QString wanted = id.trimmed().toUpper();
    SafeXmlReader xml(
        *context.tableStyles, QStringLiteral("ppt/tableStyles.xml"), context.package.limits(), context.token);
    while (xml.readNextStartElement()) {
        if (xml.xml().name() != u"tblStyle")
            continue;
        if (attribute(xml, QLatin1String("styleId")).trimmed().toUpper() != wanted) {
            xml.skipElement();
            continue;
        }
        CustomTableStyle style;
        const int depth = xml.depth();
        while (nextChild(xml, depth)) {
            const QString name = xml.xml().name().toString();
            if (name == QLatin1String("tblBg") || name == QLatin1String("extLst"))
                xml.skipElement();
            else
                style.insert(name, readTableStylePart(xml, context.theme));
        }
        return style;
    }
    return std::nullopt;
}

// Gives the cells of `table` what custom style `style` says, part by part from the whole table to
// the corner cells, each later part winning where it says something.
void applyCustomTableStyle(Table &table, const CustomTableStyle &style, const TableLook &look)
{
    table.styled = true;
    const qsizetype rows = table.rows.size();
    for (qsizetype r = 0; r < rows; ++r) {
        QList<TableCell> &cells = table.rows[r];
        const qsizetype columns = cells.size();
        const bool header = look.firstRow && r == 0;
        const bool footer = look.lastRow && r == rows - 1 && r > 0;
        for (qsizetype c = 0; c < columns; ++c) {
            TableCell &cell = cells[c];
            const qsizetype last = std::min(columns - 1, c + std::max(1, cell.columnSpan) - 1);
            // A region: its part's name and its first and last row and column.
            struct Region
            {
                const char *part;
                qsizetype r0, r1, c0, c1;
            };
            QList<Region> regions = {{"wholeTbl", 0, rows - 1, 0, columns - 1}};
            const qsizetype dataRow = r - (look.firstRow ? 1 : 0);
            if (look.bandRow && !header && !footer && dataRow >= 0)
                regions.append({dataRow % 2 == 0 ? "band1H" : "band2H", r, r, 0, columns - 1});
            const qsizetype dataColumn = c - (look.firstColumn ? 1 : 0);
            const bool firstColumn = look.firstColumn && c == 0;
            const bool lastColumn = look.lastColumn && last == columns - 1 && c > 0;
            if (look.bandColumn && !firstColumn && !lastColumn && dataColumn >= 0)
                regions.append({dataColumn % 2 == 0 ? "band1V" : "band2V", 0, rows - 1, c, c});
            if (lastColumn)
                regions.append({"lastCol", 0, rows - 1, c, last});
            if (firstColumn)
                regions.append({"firstCol", 0, rows - 1, 0, 0});
            if (footer)
                regions.append({"lastRow", r, r, 0, columns - 1});
            if (header)
                regions.append({"firstRow", 0, 0, 0, columns - 1});
            if (footer && lastColumn)
                regions.append({"seCell", r, r, c, last});
            if (footer && firstColumn)
                regions.append({"swCell", r, r, 0, 0});
            if (header && lastColumn)
                regions.append({"neCell", 0, 0, c, last});
            if (header && firstColumn)
                regions.append({"nwCell", 0, 0, 0, 0});
            std::optional<QColor> fill, text;
            std::optional<bool> bold, italic;
            std::array<std::optional<TableCell::Edge>, 4> borders; // top, left, bottom, right
            for (const Region &region : regions) {
                const auto found = style.constFind(QLatin1String(region.part));
                if (found == style.cend())
                    continue;
                const TableStylePart &part = *found;
                fill = part.fill ? part.fill : fill;
                text = part.text ? part.text : text;
                bold = part.bold ? part.bold : bold;
                italic = part.italic ? part.italic : italic;
                const auto edge = [&part](bool outer, size_t outerSide, size_t innerSide) {
                    return part.borders[outer ? outerSide : innerSide];
                };
                const std::optional<TableCell::Edge> sides[4] = {edge(r == region.r0, 2, 4), edge(c == region.c0, 0, 5),
                    edge(r == region.r1, 3, 4), edge(last == region.c1, 1, 5)};
                for (size_t side = 0; side < 4; ++side) {
                    if (sides[side])
                        borders[side] = sides[side];
                }
            }
            applyCellStyle(cell, fill, borders, text, bold, italic);
        }
    }
}

void readTable(SafeXmlReader &xml, Table &table, const PartContext &context)
{
    const Theme &theme = context.theme;
    const int depth = xml.depth();
    QList<std::tuple<qsizetype, qsizetype, std::array<std::optional<TableCell::Edge>, 4>>> directBorders;
    QString styleId;
    TableLook look;
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"tblPr") {
            const auto flag = [&xml](const char *attributeName) {
                return optionalFlag(xml, QLatin1String(attributeName)).value_or(false);
            };
            look = {
                flag("firstRow"), flag("lastRow"), flag("firstCol"), flag("lastCol"), flag("bandRow"), flag("bandCol")};
            const int propsDepth = xml.depth();
            while (nextChild(xml, propsDepth)) {
                if (xml.xml().name() == u"tableStyleId")
                    styleId = xml.readText();
                else
                    xml.skipElement();
            }
        } else if (name == u"tblGrid") {
            const int gridDepth = xml.depth();
            while (nextChild(xml, gridDepth)) {
                if (xml.xml().name() == u"gridCol" && table.columnWidths.size() < 1000)
                    table.columnWidths.append(emuToPoints(std::max(0.0, number(attribute(xml, QLatin1String("w"))))));
                xml.skipElement();
            }
        } else if (name == u"tr" && table.rows.size() < 10000) {
            const qsizetype r = table.rows.size();
            table.rowHeights.append(emuToPoints(std::max(0.0, number(attribute(xml, QLatin1String("h"))))));
            QList<TableCell> &row = table.rows.emplace_back();
            const int rowDepth = xml.depth();
            while (nextChild(xml, rowDepth)) {
                if (xml.xml().name() != u"tc" || row.size() >= 1000) {
                    xml.skipElement();
                    continue;
                }
                TableCell cell;
                std::array<std::optional<TableCell::Edge>, 4> cellBorders;
                cell.columnSpan = int(std::clamp(number(attribute(xml, QLatin1String("gridSpan")), 1), 1.0, 1000.0));
                cell.merged = optionalFlag(xml, QLatin1String("hMerge")).value_or(false)
                    || optionalFlag(xml, QLatin1String("vMerge")).value_or(false);
                const int cellDepth = xml.depth();
                while (nextChild(xml, cellDepth)) {
                    if (xml.xml().name() == u"txBody") {
                        readTextBody(xml, cell.body, theme);
                    } else if (xml.xml().name() == u"tcPr") {
                        const int propsDepth = xml.depth();
                        while (nextChild(xml, propsDepth)) {
                            const QStringView property = xml.xml().name();
                            // Direct borders, in TableCell::borders' order: top, left, bottom, right.
                            static const QStringView lines[] = {u"lnT", u"lnL", u"lnB", u"lnR"};
                            const auto line = std::find(std::begin(lines), std::end(lines), property);
                            if (isFill(property)) {
                                cell.fill = readFill(xml, theme);
                            } else if (line != std::end(lines)) {
                                if (const auto edge = readBorderLine(xml, theme))
                                    cellBorders[size_t(line - std::begin(lines))] = edge;
                            } else {
                                xml.skipElement();
                            }
                        }
                    } else {
                        xml.skipElement();
                    }
                }
                row.append(cell);
                directBorders.emplace_back(r, row.size() - 1, cellBorders);
            }
        } else {
            xml.skipElement();
        }
    }
    if (builtInStyle(styleId).first != BuiltInStyle::None)
        applyTableStyle(table, styleId, look, theme);
    else if (const auto custom = findTableStyle(styleId, context))
        applyCustomTableStyle(table, *custom, look);
    // A cell's own borders win over the style's; a table with any has no stand-in grid.
    for (const auto &[r, c, borders] : directBorders) {
        for (size_t side = 0; side < 4; ++side) {
            if (!borders[side])
                continue;
            table.rows[r][c].borders[side] = borders[side];
            table.styled = true;
        }
    }
}

void readShapeTreeAt(
    SafeXmlReader &xml, QList<Shape> &shapes, PartContext &context, const GroupTransform &group, int groupDepth);
bool readDiagramAt(const QString &dataId, const GroupTransform &place, QList<Shape> &shapes, PartContext &context);

void readShapeElement(
    SafeXmlReader &xml, QList<Shape> &shapes, PartContext &context, const GroupTransform &group, int groupDepth)
{
    const QStringView name = xml.xml().name();
    if (name == u"grpSp") {
        readShapeTreeAt(xml, shapes, context, group, groupDepth + 1);
        return;
    }
    if (name == u"AlternateContent") {
        // The fallback is what every consumer understands (a picture of an equation, ...).
        const int depth = xml.depth();
        while (nextChild(xml, depth)) {
            if (xml.xml().name() == u"Fallback")
                readShapeTreeAt(xml, shapes, context, group, groupDepth);
            else
                xml.skipElement();
        }
        return;
    }
    const bool isShape = name == u"sp" || name == u"cxnSp";
    const bool isPicture = name == u"pic";
    const bool isFrame = name == u"graphicFrame";
    if ((!isShape && !isPicture && !isFrame) || context.shapeBudget <= 0) {
        xml.skipElement();
        return;
    }
    --context.shapeBudget;
    Shape shape;
    shape.kind = isPicture ? Shape::Kind::Picture : isFrame ? Shape::Kind::Table : Shape::Kind::Text;
    if (name == u"cxnSp")
        shape.kind = Shape::Kind::Line;
    bool hidden = false;
    std::optional<QColor> styleFill, styleLine;
    const int depth = xml.depth();
    if (isFrame) {
        QString diagramData; // a SmartArt diagram's data relationship (dgm:relIds r:dm)
        // graphicFrame: read with a small dedicated walk (its table sits three levels down).
        while (nextChild(xml, depth)) {
            const QStringView child = xml.xml().name();
            if (child.startsWith(u"nv")) {
                readNonVisual(xml, shape, hidden);
            } else if (child == u"xfrm") {
                const Xfrm xfrm = readXfrm(xml);
                shape.rect = group.map(xfrm.rect);
                shape.hasGeometry = true;
            } else if (child == u"graphic") {
                const int graphicDepth = xml.depth();
                while (nextChild(xml, graphicDepth)) {
                    const int dataDepth = xml.depth();
                    while (nextChild(xml, dataDepth)) {
                        if (xml.xml().name() == u"tbl") {
                            shape.table = std::make_shared<Table>();
                            readTable(xml, *shape.table, context);
                        } else if (xml.xml().name() == u"relIds") {
                            diagramData = attribute(xml, QLatin1String("dm"), true);
                            xml.skipElement();
                        } else if (xml.xml().name() == u"chart") {
                            // A chart part, drawn from the values it caches, in the slide's theme.
                            const QString path = context.target(attribute(xml, QLatin1String("id"), true));
                            xml.skipElement();
                            const Theme &theme = context.theme;
                            Result<office::Chart> chart = office::Chart::fromPart(context.package, path, context.token,
                                [&theme](const QString &name) { return theme.scheme(name); });
                            if (chart) {
                                shape.kind = Shape::Kind::Chart;
                                shape.chart = std::make_shared<const office::Chart>(std::move(chart).value());
                            }
                        } else {
                            xml.skipElement();
                        }
                    }
                }
            } else {
                xml.skipElement();
            }
        }
        if (!hidden && (shape.table || shape.chart))
            shapes.append(std::move(shape));
        else if (!hidden && !diagramData.isEmpty() && shape.hasGeometry)
            readDiagramAt(
                diagramData, GroupTransform {group.ax, shape.rect.x(), group.ay, shape.rect.y()}, shapes, context);
        return;
    }
    while (nextChild(xml, depth)) {
        const QStringView child = xml.xml().name();
        if (child.startsWith(u"nv")) {
            readNonVisual(xml, shape, hidden);
        } else if (child == u"spPr") {
            readShapeProps(xml, shape, group, context.theme);
        } else if (child == u"style") {
            readShapeStyle(xml, styleFill, styleLine, shape.fontColor, context.theme);
        } else if (child == u"txBody") {
            readTextBody(xml, shape.text, context.theme);
        } else if (child == u"blipFill") {
            const int fillDepth = xml.depth();
            while (nextChild(xml, fillDepth)) {
                if (xml.xml().name() == u"blip")
                    shape.image = context.target(attribute(xml, QLatin1String("embed"), true));
                xml.skipElement();
            }
        } else {
            xml.skipElement();
        }
    }
    if (!shape.fill && styleFill)
        shape.fill = styleFill;
    if (!shape.line && styleLine)
        shape.line = styleLine;
    if (!hidden)
        shapes.append(std::move(shape));
}

void readShapeTreeAt(
    SafeXmlReader &xml, QList<Shape> &shapes, PartContext &context, const GroupTransform &parent, int groupDepth)
{
    if (groupDepth > MaxGroupDepth) {
        xml.skipElement();
        return;
    }
    GroupTransform group = parent;
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        if (context.token.isCancelled()) {
            xml.skipElement();
            continue;
        }
        const QStringView name = xml.xml().name();
        if (name == u"grpSpPr") {
            const int propsDepth = xml.depth();
            while (nextChild(xml, propsDepth)) {
                if (xml.xml().name() != u"xfrm") {
                    xml.skipElement();
                    continue;
                }
                const Xfrm xfrm = readXfrm(xml);
                // Children are placed in chOff/chExt space, which maps onto off/ext.
                const QRectF outer = parent.map(xfrm.rect);
                const double sx = xfrm.childRect.width() > 0 ? xfrm.rect.width() / xfrm.childRect.width() : 1;
                const double sy = xfrm.childRect.height() > 0 ? xfrm.rect.height() / xfrm.childRect.height() : 1;
                group.ax = parent.ax * sx;
                group.ay = parent.ay * sy;
                group.bx = outer.x() - group.ax * xfrm.childRect.x();
                group.by = outer.y() - group.ay * xfrm.childRect.y();
            }
        } else if (name.startsWith(u"nv")) {
            xml.skipElement();
        } else {
            readShapeElement(xml, shapes, context, group, groupDepth);
        }
    }
}

// The fallback drawing of a diagram: the data part names it (dsp:dataModelExt relId, a
// relationship of the frame's part); when it names none, the part's only diagramDrawing.
QString diagramDrawingPath(const QString &dataId, const PartContext &context)
{
    const Result<QList<office::Relationship>> all = context.package.relationships(context.part, context.token);
    if (!all)
        return {};
    QString drawingId;
    const QString dataPath = context.target(dataId);
    if (!dataPath.isEmpty()) {
        if (const Result<QByteArray> data = context.package.read(dataPath, context.token)) {
            SafeXmlReader xml(*data, dataPath, context.package.limits(), context.token);
            while (drawingId.isEmpty() && xml.readNextStartElement()) {
                if (xml.xml().name() == u"dataModelExt")
                    drawingId = attribute(xml, QLatin1String("relId"));
            }
        }
    }
    QString only;
    int drawings = 0;
    for (const office::Relationship &relationship : *all) {
        if (!relationship.typeIs(u"diagramDrawing"))
            continue;
        if (!drawingId.isEmpty() && relationship.id == drawingId)
            return context.package.targetPath(context.part, relationship);
        ++drawings;
        only = context.package.targetPath(context.part, relationship);
    }
    return drawings == 1 && drawingId.isEmpty() ? only : QString();
}

bool readDiagramAt(const QString &dataId, const GroupTransform &place, QList<Shape> &shapes, PartContext &context)
{
    const QString path = diagramDrawingPath(dataId, context);
    if (path.isEmpty())
        return false;
    const Result<QByteArray> data = context.package.read(path, context.token);
    if (!data)
        return false;
    // The drawing's pictures are relationships of its own part.
    PartContext inner {context.package, path, context.theme, context.token, context.shapeBudget};
    SafeXmlReader xml(*data, path, context.package.limits(), context.token);
    bool found = false;
    while (xml.readNextStartElement()) {
        if (xml.xml().name() == u"spTree") {
            readShapeTreeAt(xml, shapes, inner, place, 1);
            found = true;
            break;
        }
    }
    context.shapeBudget = inner.shapeBudget;
    return found && xml.status();
}

} // namespace

bool readDiagramDrawing(const QString &dataId, QList<Shape> &shapes, PartContext &context)
{
    return readDiagramAt(dataId, GroupTransform {}, shapes, context);
}

QString PartContext::target(const QString &relationshipId) const
{
    if (relationshipId.isEmpty())
        return {};
    const Result<QList<office::Relationship>> all = package.relationships(part, token);
    if (!all)
        return {};
    for (const office::Relationship &relationship : *all) {
        if (relationship.id == relationshipId)
            return package.targetPath(part, relationship);
    }
    return {};
}

void readShapeTree(SafeXmlReader &xml, QList<Shape> &shapes, PartContext &context)
{
    readShapeTreeAt(xml, shapes, context, GroupTransform {}, 0);
}

void readBackground(SafeXmlReader &xml, std::optional<QColor> &color, QString &image, PartContext &context)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"bgRef") {
            color = readColorHolder(xml, context.theme);
            continue;
        }
        if (name != u"bgPr") {
            xml.skipElement();
            continue;
        }
        const int propsDepth = xml.depth();
        while (nextChild(xml, propsDepth)) {
            if (xml.xml().name() == u"blipFill") {
                const int fillDepth = xml.depth();
                while (nextChild(xml, fillDepth)) {
                    if (xml.xml().name() == u"blip")
                        image = context.target(attribute(xml, QLatin1String("embed"), true));
                    xml.skipElement();
                }
            } else if (isFill(xml.xml().name())) {
                if (const auto fill = readFill(xml, context.theme))
                    color = fill;
            } else {
                xml.skipElement();
            }
        }
    }
}

} // namespace folio::presentation::drawingml
