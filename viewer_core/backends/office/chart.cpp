// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/office/chart.h"

#include "backends/common/safexml.h"
#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace folio::office {

namespace {

constexpr int MaxElements = 500000; // a chart part is a few thousand; more is not a chart

// The part as a small tree: chart parts are small, and their values are found by path.
struct Node
{
    QString name; // local name
    QString val; // the "val" attribute, which nearly every chart element uses
    QString text;
    int idx = -1; // the "idx" attribute of points
    QXmlStreamAttributes attributes; // all of them (OpenDocument charts need more than val)
    std::vector<std::unique_ptr<Node>> children;

    const Node *child(QStringView local) const
    {
        for (const auto &node : children) {
            if (node->name == local)
                return node.get();
        }
        return nullptr;
    }
    const Node *path(std::initializer_list<QStringView> locals) const
    {
        const Node *node = this;
        for (const QStringView local : locals) {
            node = node->child(local);
            if (!node)
                return nullptr;
        }
        return node;
    }
    QString attribute(QStringView local) const { return child(local) ? child(local)->val : QString(); }
    // The value of attribute `qualified` ("chart:class") of this element.
    QString own(QStringView qualified) const
    {
        for (const QXmlStreamAttribute &attribute : attributes) {
            if (attribute.qualifiedName() == qualified)
                return attribute.value().toString();
        }
        return {};
    }
    // Every element named `local` below this one, in document order.
    void collect(QStringView local, std::vector<const Node *> &found) const
    {
        for (const auto &node : children) {
            if (node->name == local)
                found.push_back(node.get());
            node->collect(local, found);
        }
    }
    // All text below, in document order.
    QString allText() const
    {
        QString out = text;
        for (const auto &node : children)
            out += node->allText();
        return out;
    }
};

Result<std::unique_ptr<Node>> parse(
    const QByteArray &xml, const QString &part, const Limits &limits, const CancellationToken &token)
{
    SafeXmlReader reader(xml, part, limits, token);
    auto root = std::make_unique<Node>();
    std::vector<Node *> stack {root.get()};
    int elements = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (++elements > MaxElements)
                return Status(StatusCode::LimitExceeded,
                    Chart::tr("%1 has more than %2 elements: not drawn as a chart").arg(part).arg(MaxElements));
            auto node = std::make_unique<Node>();
            node->name = reader.xml().name().toString();
            node->val = reader.xml().attributes().value(QLatin1String("val")).toString();
            bool ok = false;
            const int idx = reader.xml().attributes().value(QLatin1String("idx")).toInt(&ok);
            node->idx = ok && idx >= 0 ? idx : -1;
            node->attributes = reader.xml().attributes();
            Node *raw = node.get();
            stack.back()->children.push_back(std::move(node));
            stack.push_back(raw);
            break;
        }
        case QXmlStreamReader::EndElement:
            if (stack.size() > 1)
                stack.pop_back();
            break;
        case QXmlStreamReader::Characters:
            if (stack.back()->name == QLatin1String("v") || stack.back()->name == QLatin1String("t")
                || stack.back()->name == QLatin1String("p") || stack.back()->name == QLatin1String("span"))
                stack.back()->text += reader.xml().text();
            break;
        default:
            break;
        }
    }
    if (Status status = reader.status(); !status)
        return status;
    return root;
}

// Office's default theme.
std::optional<QColor> officeTheme(const QString &name)
{
    static const QHash<QString, QColor> colors {{QStringLiteral("accent1"), QColor(0x44, 0x72, 0xC4)},
        {QStringLiteral("accent2"), QColor(0xED, 0x7D, 0x31)}, {QStringLiteral("accent3"), QColor(0xA5, 0xA5, 0xA5)},
        {QStringLiteral("accent4"), QColor(0xFF, 0xC0, 0x00)}, {QStringLiteral("accent5"), QColor(0x5B, 0x9B, 0xD5)},
        {QStringLiteral("accent6"), QColor(0x70, 0xAD, 0x47)}, {QStringLiteral("tx1"), QColor(Qt::black)},
        {QStringLiteral("dk1"), QColor(Qt::black)}, {QStringLiteral("bg1"), QColor(Qt::white)},
        {QStringLiteral("lt1"), QColor(Qt::white)}, {QStringLiteral("tx2"), QColor(0x44, 0x54, 0x6A)},
        {QStringLiteral("dk2"), QColor(0x44, 0x54, 0x6A)}, {QStringLiteral("bg2"), QColor(0xE7, 0xE6, 0xE6)},
        {QStringLiteral("lt2"), QColor(0xE7, 0xE6, 0xE6)}};
    const auto found = colors.constFind(name);
    return found == colors.cend() ? std::nullopt : std::optional<QColor>(*found);
}

// The colour of a solid fill (or of a line's solid fill) under `properties` (c:spPr).
std::optional<QColor> fillColor(const Node *properties, const Chart::ThemeColors &theme)
{
    if (!properties)
        return std::nullopt;
    const Node *solid = properties->child(u"solidFill");
    if (!solid) {
        if (const Node *line = properties->child(u"ln"))
            solid = line->child(u"solidFill");
    }
    if (!solid || solid->children.empty())
        return std::nullopt;
    const Node &color = *solid->children.front();
    if (color.name == QLatin1String("srgbClr")) {
        const QColor parsed(u'#' + color.val);
        return parsed.isValid() ? std::optional<QColor>(parsed) : std::nullopt;
    }
    if (color.name == QLatin1String("schemeClr")) {
        std::optional<QColor> named = theme ? theme(color.val) : std::nullopt;
        return named ? named : officeTheme(color.val);
    }
    if (color.name == QLatin1String("sysClr"))
        return color.val == QLatin1String("window") ? QColor(Qt::white) : QColor(Qt::black);
    return std::nullopt;
}

// The points of a cache (c:strCache, c:numCache, c:strLit, c:numLit) by index; multi-level
// category caches give their first level. Points the cache leaves out are empty.
QStringList cachedPoints(const Node *data)
{
    QStringList points;
    if (!data)
        return points;
    const Node *cache = nullptr;
    for (const auto &path : {std::initializer_list<QStringView> {u"strRef", u"strCache"},
             std::initializer_list<QStringView> {u"numRef", u"numCache"},
             std::initializer_list<QStringView> {u"strLit"}, std::initializer_list<QStringView> {u"numLit"},
             std::initializer_list<QStringView> {u"multiLvlStrRef", u"multiLvlStrCache", u"lvl"}}) {
        if ((cache = data->path(path)))
            break;
    }
    if (!cache)
        return points;
    points.resize(std::clamp(cache->attribute(u"ptCount").toInt(), 0, Chart::MaxPoints));
    int next = 0;
    for (const auto &point : cache->children) {
        if (point->name != QLatin1String("pt"))
            continue;
        const int index = point->idx >= 0 ? point->idx : next;
        next = index + 1;
        if (index >= Chart::MaxPoints)
            break;
        if (index >= points.size())
            points.resize(index + 1);
        const Node *value = point->child(u"v");
        points[index] = value ? value->text.trimmed() : QString();
    }
    return points;
}

double toNumber(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? value : std::numeric_limits<double>::quiet_NaN();
}

// A title's text (c:title: rich text paragraphs, or a cached reference).
QString titleText(const Node *title)
{
    if (!title)
        return {};
    if (const Node *rich = title->path({u"tx", u"rich"})) {
        QStringList paragraphs;
        for (const auto &paragraph : rich->children) {
            if (paragraph->name == QLatin1String("p"))
                paragraphs.append(paragraph->allText());
        }
        return paragraphs.join(u'\n').trimmed();
    }
    if (const Node *tx = title->child(u"tx")) {
        const QStringList cached = cachedPoints(tx);
        return cached.isEmpty() ? QString() : cached.first();
    }
    return {};
}

bool isOn(const Node *flag)
{
    return flag && (flag->val == QLatin1String("1") || flag->val == QLatin1String("true"));
}

// c:dLbls: which labels it shows; nullopt where there is no such element.
std::optional<ChartLabels> readLabels(const Node *labels)
{
    if (!labels)
        return std::nullopt;
    ChartLabels result;
    if (isOn(labels->child(u"delete")))
        return result;
    result.value = isOn(labels->child(u"showVal"));
    result.percent = isOn(labels->child(u"showPercent"));
    result.category = isOn(labels->child(u"showCatName"));
    result.seriesName = isOn(labels->child(u"showSerName"));
    return result;
}

ChartSeries readSeries(const Node &node, bool scatter, const Chart::ThemeColors &theme)
{
    ChartSeries series;
    if (const Node *tx = node.child(u"tx")) {
        const QStringList name = cachedPoints(tx);
        series.name = name.isEmpty() ? (tx->child(u"v") ? tx->child(u"v")->text : QString()) : name.first();
    }
    series.color = fillColor(node.child(u"spPr"), theme);
    series.labels = readLabels(node.child(u"dLbls"));
    for (const auto &child : node.children) {
        if (child->name != QLatin1String("dPt"))
            continue;
        const int index = child->attribute(u"idx").toInt();
        if (index < 0 || index >= Chart::MaxPoints)
            continue;
        if (series.pointColors.size() <= index)
            series.pointColors.resize(index + 1);
        series.pointColors[index] = fillColor(child->child(u"spPr"), theme);
    }
    const QStringList values = cachedPoints(node.child(scatter ? u"yVal" : u"val"));
    for (const QString &value : values)
        series.values.append(toNumber(value));
    if (scatter) {
        for (const QString &value : cachedPoints(node.child(u"xVal")))
            series.xValues.append(toNumber(value));
    } else {
        series.categories = cachedPoints(node.child(u"cat"));
    }
    return series;
}

} // namespace

QColor Chart::defaultColor(int index)
{
    static const QColor accents[] = {QColor(0x44, 0x72, 0xC4), QColor(0xED, 0x7D, 0x31), QColor(0xA5, 0xA5, 0xA5),
        QColor(0xFF, 0xC0, 0x00), QColor(0x5B, 0x9B, 0xD5), QColor(0x70, 0xAD, 0x47)};
    const QColor base = accents[index % 6];
    // Past six, the accents again, darker then lighter, as Office varies them.
    const int round = index / 6;
    return round == 0 ? base
        : round % 2   ? base.darker(100 + 30 * ((round + 1) / 2))
                      : base.lighter(100 + 30 * (round / 2));
}

Result<Chart> Chart::read(const QByteArray &xml, const QString &part, const Limits &limits,
    const CancellationToken &token, const ThemeColors &colors)
{
    auto tree = parse(xml, part, limits, token);
    if (!tree)
        return tree.status();
    const Node *chart = (*tree)->path({u"chartSpace", u"chart"});
    if (!chart)
        return Status(StatusCode::Corrupt, tr("%1 is not a chart").arg(part));
    Chart result;
    result.title = titleText(chart->child(u"title"));
    if (const Node *legend = chart->child(u"legend")) {
        const QString position = legend->attribute(u"legendPos");
        result.legend = position == QLatin1String("l") ? LegendPosition::Left
            : position == QLatin1String("t")           ? LegendPosition::Top
            : position == QLatin1String("b")           ? LegendPosition::Bottom
                                                       : LegendPosition::Right;
    }
    const Node *plot = chart->child(u"plotArea");
    if (!plot)
        return result;
    // The axes by id: the first value axis a group uses is the primary one; a group on another
    // is drawn against the secondary axis.
    QHash<QString, const Node *> axes;
    for (const auto &node : plot->children) {
        if (node->name.endsWith(QLatin1String("Ax")) && node->child(u"axId"))
            axes.insert(node->attribute(u"axId"), node.get());
    }
    QString primaryValueAxis;
    int seriesCount = 0;
    for (const auto &node : plot->children) {
        const QString &name = node->name;
        ChartGroup group;
        if (name == QLatin1String("barChart") || name == QLatin1String("bar3DChart"))
            group.kind = ChartGroup::Kind::Bar;
        else if (name == QLatin1String("lineChart") || name == QLatin1String("line3DChart")
            || name == QLatin1String("stockChart"))
            group.kind = ChartGroup::Kind::Line;
        else if (name == QLatin1String("radarChart"))
            group.kind = ChartGroup::Kind::Radar;
        else if (name == QLatin1String("areaChart") || name == QLatin1String("area3DChart"))
            group.kind = ChartGroup::Kind::Area;
        else if (name == QLatin1String("pieChart") || name == QLatin1String("pie3DChart")
            || name == QLatin1String("ofPieChart"))
            group.kind = ChartGroup::Kind::Pie;
        else if (name == QLatin1String("doughnutChart"))
            group.kind = ChartGroup::Kind::Doughnut;
        else if (name == QLatin1String("scatterChart"))
            group.kind = ChartGroup::Kind::Scatter;
        else if (name == QLatin1String("bubbleChart"))
            group.kind = ChartGroup::Kind::Bubble;
        else
            continue;
        group.filled = node->child(u"radarStyle") && node->attribute(u"radarStyle") == QLatin1String("filled");
        const bool xy = group.kind == ChartGroup::Kind::Scatter || group.kind == ChartGroup::Kind::Bubble;
        group.horizontal = node->attribute(u"barDir") == QLatin1String("bar");
        const QString grouping = node->attribute(u"grouping");
        group.grouping = grouping == QLatin1String("stacked") ? ChartGroup::Grouping::Stacked
            : grouping == QLatin1String("percentStacked")     ? ChartGroup::Grouping::PercentStacked
                                                              : ChartGroup::Grouping::Standard;
        const QString vary = node->attribute(u"varyColors");
        group.varyColors = group.kind == ChartGroup::Kind::Pie || group.kind == ChartGroup::Kind::Doughnut
            ? vary != QLatin1String("0") && vary != QLatin1String("false")
            : vary == QLatin1String("1") || vary == QLatin1String("true");
        if (const Node *hole = node->child(u"holeSize"))
            group.holeSize = std::clamp(hole->val.toDouble() / 100, 0.1, 0.9);
        if (const Node *angle = node->child(u"firstSliceAng"))
            group.firstSliceAngle = std::fmod(angle->val.toDouble(), 360);
        if (const Node *gap = node->child(u"gapWidth"))
            group.gapWidth = std::clamp(gap->val.toDouble() / 100, 0.0, 5.0);
        group.labels = readLabels(node->child(u"dLbls")).value_or(ChartLabels {});
        // The group's axes: a category (or x) axis and a value axis, by id.
        const Node *categoryAxis = nullptr;
        const Node *valueAxis = nullptr;
        QString valueAxisId;
        for (const auto &child : node->children) {
            if (child->name != QLatin1String("axId"))
                continue;
            const Node *axis = axes.value(child->val);
            if (!axis)
                continue;
            // A scatter chart's axes are both value axes: the one across (bottom or top) is x.
            const QString position = axis->attribute(u"axPos");
            const bool across = position == QLatin1String("b") || position == QLatin1String("t");
            const bool isValue = axis->name == QLatin1String("valAx") && (!xy || !across);
            if (isValue && !valueAxis) {
                valueAxis = axis;
                valueAxisId = child->val;
            } else if (!categoryAxis) {
                categoryAxis = axis;
            }
        }
        if (valueAxis && group.kind != ChartGroup::Kind::Pie && group.kind != ChartGroup::Kind::Doughnut) {
            if (primaryValueAxis.isEmpty())
                primaryValueAxis = valueAxisId;
            group.secondary = valueAxisId != primaryValueAxis;
            const bool deleted = isOn(valueAxis->child(u"delete"));
            QString &title = group.secondary ? result.secondaryAxisTitle : result.valueAxisTitle;
            if (title.isEmpty() && !deleted)
                title = titleText(valueAxis->child(u"title"));
            if (!group.secondary && categoryAxis && result.categoryAxisTitle.isEmpty()
                && !isOn(categoryAxis->child(u"delete")))
                result.categoryAxisTitle = titleText(categoryAxis->child(u"title"));
        }
        for (const auto &child : node->children) {
            if (token.isCancelled())
                return Status::fromToken(token);
            if (child->name != QLatin1String("ser") || ++seriesCount > MaxSeries)
                continue;
            group.series.append(readSeries(*child, xy, colors));
            if (group.kind == ChartGroup::Kind::Bubble) {
                for (const QString &size : cachedPoints(child->child(u"bubbleSize")))
                    group.series.last().sizes.append(toNumber(size));
            }
        }
        if (!group.series.isEmpty())
            result.groups.append(std::move(group));
    }
    return result;
}

namespace {

// An OpenDocument cell address or range ("local-table.$B$2:.$B$5", "local-table.B1") as 0-based
// first and last cells; false when it is not one.
bool parseRange(const QString &text, QPoint &first, QPoint &last)
{
    QString range = text;
    range.remove(u'$');
    const QStringList ends = range.split(u':');
    if (ends.isEmpty() || ends.size() > 2)
        return false;
    const auto cell = [](QString end, QPoint &at) {
        const qsizetype dot = end.lastIndexOf(u'.');
        if (dot >= 0)
            end = end.mid(dot + 1);
        const int column = columnIndex(end);
        const int row = rowIndex(end);
        at = QPoint(column, row);
        return column >= 0 && row >= 0;
    };
    if (!cell(ends.first(), first))
        return false;
    last = first;
    return ends.size() == 1 || cell(ends.last(), last);
}

// The chart's own table (table:table inside chart:chart) as rows of cell texts and numbers.
struct LocalTable
{
    QList<QList<std::pair<QString, double>>> rows;

    std::pair<QString, double> at(int row, int column) const
    {
        if (row < 0 || row >= rows.size() || column < 0 || column >= rows.at(row).size())
            return {QString(), std::numeric_limits<double>::quiet_NaN()};
        return rows.at(row).at(column);
    }
    // The cells of a one-row or one-column range, in order.
    QList<std::pair<QString, double>> range(const QString &address) const
    {
        QList<std::pair<QString, double>> cells;
        QPoint first, last;
        if (!parseRange(address, first, last))
            return cells;
        for (int row = first.y(); row <= last.y() && cells.size() < Chart::MaxPoints; ++row)
            for (int column = first.x(); column <= last.x() && cells.size() < Chart::MaxPoints; ++column)
                cells.append(at(row, column));
        return cells;
    }
};

LocalTable readLocalTable(const Node &table)
{
    LocalTable result;
    std::vector<const Node *> rows;
    table.collect(u"table-row", rows);
    for (const Node *row : rows) {
        if (result.rows.size() >= Chart::MaxPoints)
            break;
        const int rowRepeat = std::clamp(row->own(u"table:number-rows-repeated").toInt(), 1, 64);
        QList<std::pair<QString, double>> cells;
        for (const auto &cell : row->children) {
            if (cell->name != QLatin1String("table-cell") && cell->name != QLatin1String("covered-table-cell"))
                continue;
            const int repeat = std::clamp(cell->own(u"table:number-columns-repeated").toInt(), 1, 256);
            const QString value = cell->own(u"office:value");
            const std::pair<QString, double> entry {cell->allText().trimmed(),
                value.isEmpty() ? std::numeric_limits<double>::quiet_NaN() : toNumber(value)};
            for (int i = 0; i < repeat && cells.size() < Chart::MaxSeries + 1; ++i)
                cells.append(entry);
        }
        for (int i = 0; i < rowRepeat; ++i)
            result.rows.append(cells);
    }
    return result;
}

} // namespace

Result<Chart> Chart::readOpenDocument(
    const QByteArray &xml, const QString &part, const Limits &limits, const CancellationToken &token)
{
    auto tree = parse(xml, part, limits, token);
    if (!tree)
        return tree.status();
    std::vector<const Node *> charts;
    (*tree)->collect(u"chart", charts);
    const Node *chart = nullptr;
    for (const Node *node : charts) {
        if (!node->own(u"chart:class").isEmpty()) {
            chart = node;
            break;
        }
    }
    if (!chart)
        return Status(StatusCode::Corrupt, tr("%1 is not a chart").arg(part));
    // Automatic styles by name: stacking, direction and series colours live there.
    QHash<QString, const Node *> styles;
    std::vector<const Node *> styleNodes;
    (*tree)->collect(u"style", styleNodes);
    for (const Node *style : styleNodes)
        styles.insert(style->own(u"style:name"), style);
    const auto property = [&](const QString &styleName, QStringView element, QStringView qualified) {
        const Node *style = styles.value(styleName);
        const Node *properties = style ? style->child(element) : nullptr;
        return properties ? properties->own(qualified) : QString();
    };

    Chart result;
    if (const Node *title = chart->child(u"title"))
        result.title = title->allText().trimmed();
    if (const Node *legend = chart->child(u"legend")) {
        const QString position = legend->own(u"chart:legend-position");
        result.legend = position == QLatin1String("start") ? LegendPosition::Left
            : position == QLatin1String("top")             ? LegendPosition::Top
            : position == QLatin1String("bottom")          ? LegendPosition::Bottom
                                                           : LegendPosition::Right;
    }
    const Node *plot = chart->child(u"plot-area");
    const Node *table = chart->child(u"table");
    if (!plot || !table)
        return result;
    const LocalTable local = readLocalTable(*table);
    QStringList categories;
    std::vector<const Node *> categoryNodes;
    plot->collect(u"categories", categoryNodes);
    if (!categoryNodes.empty()) {
        for (const auto &[text, number] : local.range(categoryNodes.front()->own(u"table:cell-range-address")))
            categories.append(text);
    }
    for (const auto &node : plot->children) {
        if (node->name != QLatin1String("axis"))
            continue;
        const QString axisName = node->own(u"chart:name");
        const QString title = node->child(u"title") ? node->child(u"title")->allText().trimmed() : QString();
        if (axisName == QLatin1String("secondary-y"))
            result.secondaryAxisTitle = title;
        else if (node->own(u"chart:dimension") == QLatin1String("x"))
            result.categoryAxisTitle = title;
        else if (node->own(u"chart:dimension") == QLatin1String("y"))
            result.valueAxisTitle = title;
    }
    const QString chartClass = chart->own(u"chart:class");
    const QString plotStyle = plot->own(u"chart:style-name");
    // Data labels as a style's chart properties say.
    const auto labelsOf = [&](const QString &styleName) -> std::optional<ChartLabels> {
        const QString number = property(styleName, u"chart-properties", u"chart:data-label-number");
        const QString text = property(styleName, u"chart-properties", u"chart:data-label-text");
        const QString seriesName = property(styleName, u"chart-properties", u"chart:data-label-series");
        if (number.isEmpty() && text.isEmpty() && seriesName.isEmpty())
            return std::nullopt;
        ChartLabels labels;
        labels.value = number == QLatin1String("value") || number == QLatin1String("value-and-percentage");
        labels.percent = number == QLatin1String("percentage") || number == QLatin1String("value-and-percentage");
        labels.category = text == QLatin1String("true");
        labels.seriesName = seriesName == QLatin1String("true");
        return labels;
    };
    ChartGroup group;
    const auto kindOf = [](const QString &name) {
        if (name == QLatin1String("chart:line"))
            return ChartGroup::Kind::Line;
        if (name == QLatin1String("chart:radar") || name == QLatin1String("chart:filled-radar"))
            return ChartGroup::Kind::Radar;
        if (name == QLatin1String("chart:area"))
            return ChartGroup::Kind::Area;
        if (name == QLatin1String("chart:circle"))
            return ChartGroup::Kind::Pie;
        if (name == QLatin1String("chart:ring"))
            return ChartGroup::Kind::Doughnut;
        if (name == QLatin1String("chart:scatter") || name == QLatin1String("chart:bubble"))
            return ChartGroup::Kind::Scatter;
        return ChartGroup::Kind::Bar;
    };
    group.kind = kindOf(chartClass);
    group.filled = chartClass == QLatin1String("chart:filled-radar");
    group.horizontal = property(plotStyle, u"chart-properties", u"chart:vertical") == QLatin1String("true");
    if (property(plotStyle, u"chart-properties", u"chart:percentage") == QLatin1String("true"))
        group.grouping = ChartGroup::Grouping::PercentStacked;
    else if (property(plotStyle, u"chart-properties", u"chart:stacked") == QLatin1String("true"))
        group.grouping = ChartGroup::Grouping::Stacked;
    group.varyColors = group.kind == ChartGroup::Kind::Pie || group.kind == ChartGroup::Kind::Doughnut;
    group.labels = labelsOf(plotStyle).value_or(ChartLabels {});
    // Series on the secondary axis form a group of their own, drawn against it.
    ChartGroup secondary = group;
    secondary.secondary = true;
    for (const auto &node : plot->children) {
        if (node->name != QLatin1String("series"))
            continue;
        if (token.isCancelled())
            return Status::fromToken(token);
        if (group.series.size() >= MaxSeries)
            break;
        ChartSeries series;
        series.name = local.range(node->own(u"chart:label-cell-address")).value(0).first;
        for (const auto &[text, number] : local.range(node->own(u"chart:values-cell-range-address")))
            series.values.append(number);
        series.categories = categories;
        if (group.kind == ChartGroup::Kind::Scatter) {
            // The x values are the domain's cells; without one, the categories' positions.
            if (const Node *domain = node->child(u"domain")) {
                for (const auto &[text, number] : local.range(domain->own(u"table:cell-range-address")))
                    series.xValues.append(number);
            }
        }
        const QString color = property(node->own(u"chart:style-name"), u"graphic-properties", u"draw:fill-color");
        if (QColor parsed(color); parsed.isValid())
            series.color = parsed;
        if (group.varyColors) {
            int index = 0;
            for (const auto &point : node->children) {
                if (point->name != QLatin1String("data-point"))
                    continue;
                const int repeat = std::clamp(point->own(u"chart:repeated").toInt(), 1, MaxPoints);
                const QColor pointColor(
                    property(point->own(u"chart:style-name"), u"graphic-properties", u"draw:fill-color"));
                for (int i = 0; i < repeat && index < MaxPoints; ++i, ++index) {
                    series.pointColors.append(pointColor.isValid() ? std::optional<QColor>(pointColor) : std::nullopt);
                }
            }
        }
        series.labels = labelsOf(node->own(u"chart:style-name"));
        const bool onSecondary = node->own(u"chart:attached-axis") == QLatin1String("secondary-y")
            && group.kind != ChartGroup::Kind::Pie && group.kind != ChartGroup::Kind::Doughnut;
        if (onSecondary && secondary.series.isEmpty() && !node->own(u"chart:class").isEmpty())
            secondary.kind = kindOf(node->own(u"chart:class"));
        (onSecondary ? secondary : group).series.append(std::move(series));
    }
    if (!group.series.isEmpty())
        result.groups.append(std::move(group));
    if (!secondary.series.isEmpty())
        result.groups.append(std::move(secondary));
    return result;
}

Result<Chart> Chart::fromPart(
    const Package &package, const QString &path, const CancellationToken &token, const ThemeColors &colors)
{
    if (path.isEmpty())
        return Status(StatusCode::Corrupt, tr("The chart's part is missing"));
    const Result<QByteArray> bytes = package.read(path, token);
    if (!bytes)
        return bytes.status();
    return read(*bytes, path, package.limits(), token, colors);
}

Result<Chart> Chart::fromOpenDocumentObject(const Package &package, const QString &href, const CancellationToken &token)
{
    // Linked objects (URLs, files outside the package) are never fetched.
    const QString content
        = href.contains(QLatin1String("://")) || href.startsWith(u'/') || href.startsWith(QLatin1String(".."))
        ? QString()
        : Package::resolve(QString(), href + QStringLiteral("/content.xml"));
    if (content.isEmpty() || !package.contains(content))
        return Status(StatusCode::Corrupt, tr("%1 is not an embedded object").arg(href));
    const Result<QByteArray> bytes = package.read(content, token);
    if (!bytes)
        return bytes.status();
    Result<Chart> chart = readOpenDocument(*bytes, content, package.limits(), token);
    if (chart && chart->groups.isEmpty())
        return Status(StatusCode::Unsupported, tr("%1 is not a chart").arg(content));
    return chart;
}

QString Chart::text() const
{
    QStringList lines;
    for (const QString &text : {title, valueAxisTitle, categoryAxisTitle, secondaryAxisTitle}) {
        if (!text.isEmpty())
            lines.append(text);
    }
    for (const ChartGroup &group : groups) {
        for (const ChartSeries &series : group.series) {
            if (!series.name.isEmpty())
                lines.append(series.name);
        }
        if (!group.series.isEmpty() && !group.series.first().categories.isEmpty())
            lines.append(group.series.first().categories.join(QLatin1String("  ")));
    }
    return lines.join(u'\n');
}

namespace {

// A "nice" step (1, 2 or 5 times a power of ten) for about `count` intervals over `range`.
double niceStep(double range, int count)
{
    if (!(range > 0))
        return 1;
    const double rough = range / count;
    const double power = std::pow(10, std::floor(std::log10(rough)));
    const double fraction = rough / power;
    return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

QString axisLabel(double value, double step, bool percent)
{
    const int decimals = std::clamp(int(-std::floor(std::log10(step))), 0, 6);
    return QString::number(value, 'f', decimals) + (percent ? QStringLiteral("%") : QString());
}

QColor colorOf(const ChartSeries &series, int seriesIndex, int pointIndex, bool perPoint)
{
    if (perPoint) {
        if (pointIndex < series.pointColors.size() && series.pointColors.at(pointIndex))
            return *series.pointColors.at(pointIndex);
        return Chart::defaultColor(pointIndex);
    }
    return series.color ? *series.color : Chart::defaultColor(seriesIndex);
}

struct LegendEntry
{
    QString label;
    QColor color;
};

// A data label to draw: its text, the point it belongs to and which side of it the text takes.
struct PointLabel
{
    QString text;
    QPointF at;
    Qt::Alignment side; // Qt::AlignTop: above the point, AlignBottom: below, AlignCenter: on it
};

// What a data label says for point `i` of `series` (`total`: what a percentage is of).
QString labelText(const ChartLabels &labels, const ChartSeries &series, int i, double value, double total)
{
    QStringList parts;
    if (labels.seriesName && !series.name.isEmpty())
        parts.append(series.name);
    if (labels.category && i < series.categories.size() && !series.categories.at(i).isEmpty())
        parts.append(series.categories.at(i));
    if (labels.value)
        parts.append(QString::number(value, 'g', 10));
    if (labels.percent && total > 0)
        parts.append(QString::number(std::lround(std::abs(value) / total * 100)) + u'%');
    return parts.join(QLatin1String(", "));
}

// The extent of a group's values, stacks summed (percent stacks in percent).
void extendRange(double &low, double &high, bool &any, const ChartGroup &group, int categories)
{
    const bool stacked = group.grouping != ChartGroup::Grouping::Standard && group.kind != ChartGroup::Kind::Scatter;
    const bool percent = group.grouping == ChartGroup::Grouping::PercentStacked && stacked;
    for (int i = 0; i < categories; ++i) {
        double positive = 0, negative = 0, sum = 0;
        for (const ChartSeries &series : group.series) {
            const double value = series.values.value(i, std::numeric_limits<double>::quiet_NaN());
            if (!std::isfinite(value))
                continue;
            sum += std::abs(value);
            if (stacked) {
                (value >= 0 ? positive : negative) += value;
            } else {
                low = any ? std::min(low, value) : std::min(0.0, value);
                high = any ? std::max(high, value) : std::max(0.0, value);
                any = true;
            }
        }
        if (stacked) {
            if (percent && sum > 0) {
                positive = positive / sum * 100;
                negative = negative / sum * 100;
            }
            low = std::min(low, negative);
            high = std::max(high, positive);
            any = true;
        }
    }
}

// Rounds a value range out to steps of a nice size; gives the step.
double roundRange(double &low, double &high, bool percent)
{
    if (high <= low)
        high = low + 1;
    const double step = niceStep(high - low, 5);
    low = std::floor(low / step) * step;
    high = std::ceil(high / step) * step;
    if (percent)
        high = std::min(high, 100.0), low = std::max(low, -100.0);
    return step;
}

void drawLabels(QPainter &painter, const QList<PointLabel> &labels, const QFontMetricsF &metrics, const QRectF &area)
{
    painter.setPen(QColor(0x40, 0x40, 0x40));
    for (const PointLabel &label : labels) {
        const double width = metrics.horizontalAdvance(label.text) + 2;
        const double height = metrics.height();
        QRectF box(label.at.x() - width / 2, label.at.y() - height / 2, width, height);
        if (label.side == Qt::AlignTop)
            box.moveBottom(label.at.y() - 1);
        else if (label.side == Qt::AlignBottom)
            box.moveTop(label.at.y() + 1);
        else if (label.side == Qt::AlignRight)
            box.moveLeft(label.at.x() + 2);
        else if (label.side == Qt::AlignLeft)
            box.moveRight(label.at.x() - 2);
        // Kept inside the chart.
        box.moveLeft(std::clamp(box.left(), area.left(), std::max(area.left(), area.right() - box.width())));
        box.moveTop(std::clamp(box.top(), area.top(), std::max(area.top(), area.bottom() - box.height())));
        painter.drawText(box, Qt::AlignCenter | Qt::TextSingleLine, label.text);
    }
}

// A radar chart: one spoke per category clockwise from 12 o'clock, values outwards from the
// centre, rings at the value steps, each series a closed polygon (filled for a filled radar).
void paintRadar(QPainter &painter, const ChartGroup &group, const QRectF &rest, const QRectF &area,
    const QFontMetricsF &metrics, double fontSize)
{
    int categories = 0;
    for (const ChartSeries &series : group.series)
        categories = std::max(categories, int(series.values.size()));
    if (categories == 0)
        return;
    double low = 0, high = 0;
    bool any = false;
    ChartGroup unstacked = group;
    unstacked.grouping = ChartGroup::Grouping::Standard;
    extendRange(low, high, any, unstacked, categories);
    const double step = roundRange(low, high, false);
    const double radius = std::min(rest.width(), rest.height()) / 2 - metrics.height() * 1.5;
    if (radius < 8)
        return;
    const QPointF centre = rest.center();
    const auto at = [&](int i, double value) {
        const double angle = (-90 + 360.0 * i / categories) * M_PI / 180;
        const double r = std::clamp((value - low) / (high - low), 0.0, 1.0) * radius;
        return centre + QPointF(std::cos(angle) * r, std::sin(angle) * r);
    };
    painter.setPen(QPen(QColor(0xD9, 0xD9, 0xD9), 0.5));
    painter.setBrush(Qt::NoBrush);
    int rings = 0;
    for (double v = low + step; v <= high + step / 2 && rings < 50; v += step, ++rings) {
        QPolygonF ring;
        for (int i = 0; i < categories; ++i)
            ring.append(at(i, v));
        painter.drawPolygon(ring);
    }
    for (int i = 0; i < categories; ++i)
        painter.drawLine(centre, at(i, high));
    painter.setPen(QColor(0x59, 0x59, 0x59));
    rings = 0;
    for (double v = low; v <= high + step / 2 && rings < 50; v += step, ++rings) {
        const QPointF point = at(0, v);
        painter.drawText(
            QRectF(point.x() - 60 - fontSize * 0.3, point.y() - metrics.height() / 2, 60, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, axisLabel(std::abs(v) < step / 1e6 ? 0 : v, step, false));
    }
    const QStringList &labels = group.series.first().categories;
    for (int i = 0; i < categories; ++i) {
        const QPointF direction = at(i, high) - centre;
        const QPointF point = centre + direction * ((radius + metrics.height() * 0.8) / radius);
        const QString label = labels.value(i, QString::number(i + 1));
        const double width = metrics.horizontalAdvance(label) + 2;
        painter.drawText(QRectF(point.x() - width / 2, point.y() - metrics.height() / 2, width, metrics.height()),
            Qt::AlignCenter | Qt::TextSingleLine, label);
    }
    QList<PointLabel> pointLabels;
    for (int s = 0; s < group.series.size(); ++s) {
        const ChartSeries &series = group.series.at(s);
        const QColor color = colorOf(series, s, 0, false);
        QPolygonF shape;
        for (int i = 0; i < categories; ++i) {
            const double value = series.values.value(i, std::numeric_limits<double>::quiet_NaN());
            shape.append(at(i, std::isfinite(value) ? value : low));
            const ChartLabels labels = series.labels.value_or(group.labels);
            if (labels.any() && std::isfinite(value))
                pointLabels.append({labelText(labels, series, i, value, 0), shape.last(), Qt::AlignTop});
        }
        painter.setPen(QPen(color, std::max(1.0, fontSize / 4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QColor fill = color;
        fill.setAlpha(160);
        painter.setBrush(group.filled ? QBrush(fill) : QBrush(Qt::NoBrush));
        painter.drawPolygon(shape);
    }
    drawLabels(painter, pointLabels, metrics, area);
}

} // namespace

void Chart::paint(QPainter &painter, const QRectF &area) const
{
    if (area.width() < 4 || area.height() < 4)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(area, Qt::white);
    painter.setPen(QPen(QColor(0xD9, 0xD9, 0xD9), 0.75));
    painter.drawRect(area);
    const double fontSize = std::clamp(std::min(area.height(), area.width()) * 0.045, 5.0, 10.0);
    QFont font = painter.font();
    font.setPointSizeF(fontSize);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    QRectF rest = area.adjusted(fontSize, fontSize * 0.8, -fontSize, -fontSize * 0.8);

    if (!title.isEmpty()) {
        QFont titleFont = font;
        titleFont.setPointSizeF(fontSize * 1.4);
        painter.setFont(titleFont);
        painter.setPen(QColor(0x40, 0x40, 0x40));
        const QRectF box(rest.left(), rest.top(), rest.width(), QFontMetricsF(titleFont).height() * 1.3);
        painter.drawText(box, Qt::AlignCenter | Qt::TextSingleLine, title);
        rest.setTop(box.bottom() + fontSize * 0.5);
        painter.setFont(font);
    }

    // The legend: the series, or a pie's categories.
    QList<LegendEntry> entries;
    int seriesIndex = 0;
    for (const ChartGroup &group : groups) {
        const bool perPoint = group.varyColors && !group.series.isEmpty();
        if (perPoint && (group.kind == ChartGroup::Kind::Pie || group.kind == ChartGroup::Kind::Doughnut)) {
            const ChartSeries &first = group.series.first();
            for (int i = 0; i < first.values.size(); ++i)
                entries.append({first.categories.value(i, QString::number(i + 1)), colorOf(first, 0, i, true)});
        } else {
            for (const ChartSeries &series : group.series)
                entries.append({series.name, colorOf(series, seriesIndex++, 0, false)});
        }
    }
    if (legend != LegendPosition::None && !entries.isEmpty()) {
        const double swatch = fontSize * 0.8;
        const double line = metrics.height() * 1.2;
        painter.setPen(QColor(0x40, 0x40, 0x40));
        if (legend == LegendPosition::Right || legend == LegendPosition::Left) {
            double width = 0;
            for (const LegendEntry &entry : entries)
                width = std::max(width, metrics.horizontalAdvance(entry.label));
            width = std::min(width + swatch * 2, rest.width() * 0.35);
            const double x = legend == LegendPosition::Right ? rest.right() - width : rest.left();
            double y = rest.center().y() - std::min<double>(entries.size() * line, rest.height()) / 2;
            for (const LegendEntry &entry : entries) {
                if (y + line > rest.bottom())
                    break;
                painter.fillRect(QRectF(x, y + (line - swatch) / 2, swatch, swatch), entry.color);
                painter.drawText(QRectF(x + swatch * 1.5, y, width - swatch * 1.5, line),
                    Qt::AlignVCenter | Qt::AlignLeft,
                    metrics.elidedText(entry.label, Qt::ElideRight, width - swatch * 1.5));
                y += line;
            }
            if (legend == LegendPosition::Right)
                rest.setRight(x - fontSize);
            else
                rest.setLeft(x + width + fontSize);
        } else {
            double total = 0;
            for (const LegendEntry &entry : entries)
                total += swatch * 2 + metrics.horizontalAdvance(entry.label) + fontSize;
            double x = rest.center().x() - std::min(total, rest.width()) / 2;
            const double y = legend == LegendPosition::Bottom ? rest.bottom() - line : rest.top();
            for (const LegendEntry &entry : entries) {
                const double width = swatch * 1.5 + metrics.horizontalAdvance(entry.label);
                if (x + width > rest.right())
                    break;
                painter.fillRect(QRectF(x, y + (line - swatch) / 2, swatch, swatch), entry.color);
                painter.drawText(
                    QRectF(x + swatch * 1.5, y, width, line), Qt::AlignVCenter | Qt::AlignLeft, entry.label);
                x += width + fontSize;
            }
            if (legend == LegendPosition::Bottom)
                rest.setBottom(y - fontSize * 0.5);
            else
                rest.setTop(y + line + fontSize * 0.5);
        }
    }
    if (rest.width() < 8 || rest.height() < 8 || groups.isEmpty()) {
        painter.restore();
        return;
    }

    const ChartGroup &main = groups.first();
    if (main.kind == ChartGroup::Kind::Pie || main.kind == ChartGroup::Kind::Doughnut) {
        const ChartSeries &series = main.series.first();
        double total = 0;
        for (const double value : series.values)
            total += std::isfinite(value) && value > 0 ? value : 0;
        const double diameter = std::min(rest.width(), rest.height()) * 0.95;
        const QRectF circle(rest.center().x() - diameter / 2, rest.center().y() - diameter / 2, diameter, diameter);
        double angle = 90 - main.firstSliceAngle; // Qt: counter-clockwise from 3 o'clock
        QList<PointLabel> pieLabels;
        painter.setPen(QPen(Qt::white, std::max(0.5, diameter / 200)));
        for (int i = 0; total > 0 && i < series.values.size(); ++i) {
            const double value = series.values.at(i);
            if (!(std::isfinite(value) && value > 0))
                continue;
            const double span = value / total * 360;
            QPainterPath slice;
            if (main.kind == ChartGroup::Kind::Doughnut) {
                const double inner = diameter * main.holeSize;
                const QRectF hole(circle.center().x() - inner / 2, circle.center().y() - inner / 2, inner, inner);
                slice.arcMoveTo(circle, angle);
                slice.arcTo(circle, angle, -span);
                slice.arcTo(hole, angle - span, span);
                slice.closeSubpath();
            } else {
                slice.moveTo(circle.center());
                slice.arcTo(circle, angle, -span);
                slice.closeSubpath();
            }
            painter.setBrush(colorOf(series, 0, i, main.varyColors));
            painter.drawPath(slice);
            const ChartLabels labels = series.labels.value_or(main.labels);
            if (labels.any()) {
                // In the middle of the slice (of the ring, for a doughnut).
                const double middle = (angle - span / 2) * M_PI / 180;
                const double radius
                    = diameter / 2 * (main.kind == ChartGroup::Kind::Doughnut ? (1 + main.holeSize) / 2 : 0.65);
                pieLabels.append({labelText(labels, series, i, value, total),
                    circle.center() + QPointF(std::cos(middle) * radius, -std::sin(middle) * radius), Qt::AlignCenter});
            }
            angle -= span;
        }
        drawLabels(painter, pieLabels, metrics, area);
        painter.restore();
        return;
    }

    if (main.kind == ChartGroup::Kind::Radar) {
        paintRadar(painter, main, rest, area, metrics, fontSize);
        painter.restore();
        return;
    }

    // Axes. Categories run along x (along y for horizontal bars); values along the other. Groups
    // on the secondary axis get a scale of their own, on the right.
    const bool scatter = main.kind == ChartGroup::Kind::Scatter || main.kind == ChartGroup::Kind::Bubble;
    const bool percent = main.grouping == ChartGroup::Grouping::PercentStacked && !scatter;
    int categories = 0;
    bool anyPrimary = false;
    for (const ChartGroup &group : groups) {
        anyPrimary = anyPrimary || !group.secondary;
        for (const ChartSeries &series : group.series)
            categories = std::max(categories, int(series.values.size()));
    }
    const auto onSecondary = [anyPrimary](const ChartGroup &group) { return anyPrimary && group.secondary; };
    double low = 0, high = 0, xLow = 0, xHigh = 0;
    double low2 = 0, high2 = 0;
    bool any = false, anySecondary = false;
    bool percent2 = false;
    for (const ChartGroup &group : groups) {
        if (group.kind == ChartGroup::Kind::Pie || group.kind == ChartGroup::Kind::Doughnut)
            continue;
        if (onSecondary(group)) {
            extendRange(low2, high2, anySecondary, group, categories);
            percent2 = group.grouping == ChartGroup::Grouping::PercentStacked;
        } else {
            extendRange(low, high, any, group, categories);
        }
    }
    if (scatter) {
        bool anyX = false;
        for (const ChartSeries &series : main.series) {
            for (const double x : series.xValues) {
                if (!std::isfinite(x))
                    continue;
                xLow = anyX ? std::min(xLow, x) : x;
                xHigh = anyX ? std::max(xHigh, x) : x;
                anyX = true;
            }
        }
        if (!anyX || xHigh <= xLow) {
            xLow = 0;
            xHigh = std::max(1, categories);
        }
        if (main.kind == ChartGroup::Kind::Bubble) {
            // Room for the bubbles at the ends, as Office leaves.
            const double pad = (xHigh - xLow) * 0.15;
            xLow -= pad;
            xHigh += pad;
        }
        const double xStep = niceStep(xHigh - xLow, 5);
        xLow = std::floor(xLow / xStep) * xStep;
        xHigh = std::ceil(xHigh / xStep) * xStep;
    }
    if (main.kind == ChartGroup::Kind::Bubble && any) {
        const double pad = (high - low) * 0.15;
        high += pad;
        low = low < 0 ? low - pad : low;
    }
    const double step = roundRange(low, high, percent);
    const double step2 = anySecondary ? roundRange(low2, high2, percent2) : 1;

    const bool horizontal = main.kind == ChartGroup::Kind::Bar && main.horizontal;
    // Axis titles in strips along the sides: the value axis's at the left (at the bottom for
    // horizontal bars), the category axis's at the bottom (left), the secondary axis's at the right.
    const double titleStrip = metrics.height() * 1.3;
    painter.setPen(QColor(0x40, 0x40, 0x40));
    const auto sideTitle = [&](const QString &text, bool left) {
        const QRectF strip = left ? QRectF(rest.left(), rest.top(), titleStrip, rest.height())
                                  : QRectF(rest.right() - titleStrip, rest.top(), titleStrip, rest.height());
        painter.save();
        painter.translate(strip.center());
        painter.rotate(left ? -90 : 90);
        painter.drawText(QRectF(-strip.height() / 2, -strip.width() / 2, strip.height(), strip.width()),
            Qt::AlignCenter | Qt::TextSingleLine, metrics.elidedText(text, Qt::ElideRight, strip.height()));
        painter.restore();
        if (left)
            rest.setLeft(strip.right());
        else
            rest.setRight(strip.left());
    };
    const auto bottomTitle = [&](const QString &text) {
        const QRectF strip(rest.left(), rest.bottom() - titleStrip, rest.width(), titleStrip);
        painter.drawText(
            strip, Qt::AlignCenter | Qt::TextSingleLine, metrics.elidedText(text, Qt::ElideRight, strip.width()));
        rest.setBottom(strip.top());
    };
    const QString &leftTitle = horizontal ? categoryAxisTitle : valueAxisTitle;
    const QString &bottomAxisTitle = horizontal ? valueAxisTitle : categoryAxisTitle;
    if (!leftTitle.isEmpty() && rest.width() > titleStrip * 4)
        sideTitle(leftTitle, true);
    if (anySecondary && !secondaryAxisTitle.isEmpty() && rest.width() > titleStrip * 4)
        sideTitle(secondaryAxisTitle, false);
    if (!bottomAxisTitle.isEmpty() && rest.height() > titleStrip * 4)
        bottomTitle(bottomAxisTitle);
    const double labelWidth = std::max(metrics.horizontalAdvance(axisLabel(low, step, percent)),
        metrics.horizontalAdvance(axisLabel(high, step, percent)));
    const double labelWidth2 = anySecondary ? std::max(metrics.horizontalAdvance(axisLabel(low2, step2, percent2)),
                                   metrics.horizontalAdvance(axisLabel(high2, step2, percent2)))
                                            : 0;
    QRectF plot = rest.adjusted(horizontal ? rest.width() * 0.2 : labelWidth + fontSize * 0.5, fontSize * 0.5,
        anySecondary && !horizontal ? -(labelWidth2 + fontSize * 0.5) : -fontSize * 0.5, -metrics.height() * 1.4);
    if (plot.width() < 8 || plot.height() < 8) {
        painter.restore();
        return;
    }
    // Where value v and category slot i land.
    const auto valuePos = [&](double v) {
        const double t = (v - low) / (high - low);
        return horizontal ? plot.left() + t * plot.width() : plot.bottom() - t * plot.height();
    };
    const auto valuePos2 = [&](double v) {
        const double t = (v - low2) / (high2 - low2);
        return horizontal ? plot.left() + t * plot.width() : plot.bottom() - t * plot.height();
    };
    const double slot = (horizontal ? plot.height() : plot.width()) / std::max(1, categories);
    const auto slotStart = [&](int i) { return horizontal ? plot.top() + i * slot : plot.left() + i * slot; };

    // Gridlines and value labels.
    painter.setPen(QPen(QColor(0xD9, 0xD9, 0xD9), 0.5));
    for (double v = low; v <= high + step / 2; v += step) {
        const double at = valuePos(v);
        if (horizontal)
            painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()));
        else
            painter.drawLine(QPointF(plot.left(), at), QPointF(plot.right(), at));
    }
    painter.setPen(QColor(0x59, 0x59, 0x59));
    for (double v = low; v <= high + step / 2; v += step) {
        const double at = valuePos(v);
        const QString label = axisLabel(std::abs(v) < step / 1e6 ? 0 : v, step, percent);
        if (horizontal)
            painter.drawText(
                QRectF(at - 40, plot.bottom() + 2, 80, metrics.height()), Qt::AlignHCenter | Qt::AlignTop, label);
        else
            painter.drawText(QRectF(rest.left(), at - metrics.height() / 2, plot.left() - rest.left() - fontSize * 0.3,
                                 metrics.height()),
                Qt::AlignRight | Qt::AlignVCenter, label);
    }
    if (anySecondary && !horizontal) {
        for (double v = low2; v <= high2 + step2 / 2; v += step2) {
            const double at = valuePos2(v);
            painter.drawText(
                QRectF(plot.right() + fontSize * 0.3, at - metrics.height() / 2, labelWidth2 + 2, metrics.height()),
                Qt::AlignLeft | Qt::AlignVCenter, axisLabel(std::abs(v) < step2 / 1e6 ? 0 : v, step2, percent2));
        }
    }
    if (scatter) {
        const double xStep = niceStep(xHigh - xLow, 5);
        for (double x = xLow; x <= xHigh + xStep / 2; x += xStep) {
            const double at = plot.left() + (x - xLow) / (xHigh - xLow) * plot.width();
            painter.drawText(QRectF(at - 40, plot.bottom() + 2, 80, metrics.height()), Qt::AlignHCenter | Qt::AlignTop,
                axisLabel(x, xStep, false));
        }
    } else if (categories > 0) {
        // Category labels, every n-th when they would not fit.
        const QStringList &labels = main.series.first().categories;
        double widest = 1;
        for (int i = 0; i < categories; ++i)
            widest = std::max(widest, metrics.horizontalAdvance(labels.value(i, QString::number(i + 1))));
        const int every = horizontal ? std::max(1, int(std::ceil(metrics.height() / slot)))
                                     : std::max(1, int(std::ceil((widest + fontSize) / slot)));
        for (int i = 0; i < categories; i += every) {
            const QString label = labels.value(i, QString::number(i + 1));
            if (horizontal)
                painter.drawText(QRectF(rest.left(), slotStart(i), plot.left() - rest.left() - fontSize * 0.3, slot),
                    Qt::AlignRight | Qt::AlignVCenter,
                    metrics.elidedText(label, Qt::ElideRight, plot.left() - rest.left()));
            else
                painter.drawText(
                    QRectF(slotStart(i) - slot * (every - 1) / 2, plot.bottom() + 2, slot * every, metrics.height()),
                    Qt::AlignHCenter | Qt::AlignTop, label);
        }
    }
    painter.setPen(QPen(QColor(0xBF, 0xBF, 0xBF), 0.75));
    const double zero = valuePos(std::clamp(0.0, low, high));
    if (horizontal)
        painter.drawLine(QPointF(zero, plot.top()), QPointF(zero, plot.bottom()));
    else
        painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero));

    // The data, group by group on the first group's axes.
    const auto valuePos1 = valuePos;
    painter.setClipRect(plot.adjusted(-2, -2, 2, 2));
    int colorIndex = 0;
    QList<PointLabel> pointLabels;
    for (const ChartGroup &group : groups) {
        if (group.kind == ChartGroup::Kind::Pie || group.kind == ChartGroup::Kind::Doughnut)
            continue;
        const bool secondaryGroup = onSecondary(group);
        const auto valuePos = [&](double v) { return secondaryGroup ? valuePos2(v) : valuePos1(v); };
        const bool groupStacked = group.grouping != ChartGroup::Grouping::Standard;
        const bool groupPercent = group.grouping == ChartGroup::Grouping::PercentStacked;
        const int count = int(group.series.size());
        std::vector<double> positive(size_t(std::max(categories, 1)), 0.0), negative(positive.size(), 0.0),
            sums(positive.size(), 0.0);
        for (const ChartSeries &series : group.series) {
            for (int i = 0; i < categories && i < series.values.size(); ++i) {
                if (std::isfinite(series.values.at(i)))
                    sums[size_t(i)] += std::abs(series.values.at(i));
            }
        }
        std::vector<double> previousTop(positive.size(), 0.0); // areas: the top of the stack below
        for (int s = 0; s < count; ++s) {
            const ChartSeries &series = group.series.at(s);
            const QColor color = colorOf(series, colorIndex++, 0, false);
            const ChartLabels labels = series.labels.value_or(group.labels);
            const auto addLabel = [&](int i, double value, QPointF at, Qt::Alignment side) {
                if (labels.any() && std::isfinite(value))
                    pointLabels.append({labelText(labels, series, i, value, sums[size_t(std::max(0, i))]), at, side});
            };
            const auto scaled = [&](int i) {
                const double value = series.values.value(i, std::numeric_limits<double>::quiet_NaN());
                return groupPercent && sums[size_t(i)] > 0 ? value / sums[size_t(i)] * 100 : value;
            };
            if (group.kind == ChartGroup::Kind::Bar) {
                const double groupWidth = slot / (1 + group.gapWidth);
                const double barWidth = groupStacked ? groupWidth : groupWidth / std::max(1, count);
                painter.setPen(Qt::NoPen);
                painter.setBrush(color);
                for (int i = 0; i < categories; ++i) {
                    const double value = scaled(i);
                    if (!std::isfinite(value))
                        continue;
                    double base = 0;
                    if (groupStacked) {
                        double &stack = value >= 0 ? positive[size_t(i)] : negative[size_t(i)];
                        base = stack;
                        stack += value;
                    }
                    const double from = valuePos(base), to = valuePos(base + value);
                    const double offset = slotStart(i) + (slot - groupWidth) / 2 + (groupStacked ? 0 : s * barWidth);
                    const QRectF bar = horizontal
                        ? QRectF(QPointF(std::min(from, to), offset), QSizeF(std::abs(to - from), barWidth))
                        : QRectF(QPointF(offset, std::min(from, to)), QSizeF(barWidth, std::abs(to - from)));
                    painter.drawRect(bar);
                    const double raw = series.values.value(i);
                    if (groupStacked)
                        addLabel(i, raw, bar.center(), Qt::AlignCenter);
                    else if (horizontal)
                        addLabel(i, raw, QPointF(value >= 0 ? bar.right() : bar.left(), bar.center().y()),
                            value >= 0 ? Qt::AlignRight : Qt::AlignLeft);
                    else
                        addLabel(i, raw, QPointF(bar.center().x(), value >= 0 ? bar.top() : bar.bottom()),
                            value >= 0 ? Qt::AlignTop : Qt::AlignBottom);
                }
            } else if (group.kind == ChartGroup::Kind::Scatter || group.kind == ChartGroup::Kind::Bubble) {
                QPolygonF line;
                QList<double> radii; // bubbles: area in proportion to size, the largest an eighth of the plot
                if (group.kind == ChartGroup::Kind::Bubble) {
                    double largest = 0;
                    for (const ChartSeries &other : group.series) {
                        for (const double size : other.sizes)
                            largest = std::isfinite(size) ? std::max(largest, std::abs(size)) : largest;
                    }
                    const double maxRadius = std::min(plot.width(), plot.height()) / 8;
                    for (int i = 0; i < series.values.size() && i < series.xValues.size(); ++i) {
                        const double size = series.sizes.value(i, 0);
                        radii.append(
                            largest > 0 && std::isfinite(size) ? std::sqrt(std::abs(size) / largest) * maxRadius : 0);
                    }
                }
                for (int i = 0; i < series.values.size() && i < series.xValues.size(); ++i) {
                    const double x = series.xValues.at(i), y = series.values.at(i);
                    if (std::isfinite(x) && std::isfinite(y)) {
                        const QPointF point(plot.left() + (x - xLow) / (xHigh - xLow) * plot.width(), valuePos(y));
                        if (radii.isEmpty()) {
                            line.append(point);
                            addLabel(i, y, point - QPointF(0, fontSize * 0.4), Qt::AlignTop);
                        } else {
                            painter.setPen(QPen(color.darker(130), 0.75));
                            painter.setBrush(color);
                            painter.drawEllipse(point, radii.at(i), radii.at(i));
                            addLabel(i, y, point, Qt::AlignCenter);
                        }
                    }
                }
                painter.setPen(QPen(color, std::max(1.0, fontSize / 6)));
                painter.setBrush(color);
                const double marker = fontSize * 0.35;
                for (const QPointF &point : std::as_const(line))
                    painter.drawEllipse(point, marker, marker);
            } else {
                // Lines and areas through the middles of the category slots.
                QPolygonF line;
                QPolygonF base;
                for (int i = 0; i < categories; ++i) {
                    double value = scaled(i);
                    const double x = slotStart(i) + slot / 2;
                    if (!std::isfinite(value))
                        value = group.kind == ChartGroup::Kind::Area ? 0 : value;
                    if (!std::isfinite(value))
                        continue;
                    const double below = groupStacked ? previousTop[size_t(i)] : 0;
                    if (groupStacked)
                        previousTop[size_t(i)] = below + value;
                    line.append(QPointF(x, valuePos(below + value)));
                    base.prepend(QPointF(x, valuePos(below)));
                    addLabel(i, series.values.value(i), line.last() - QPointF(0, fontSize * 0.3), Qt::AlignTop);
                }
                if (group.kind == ChartGroup::Kind::Area) {
                    painter.setPen(Qt::NoPen);
                    QColor fill = color;
                    painter.setBrush(fill);
                    painter.drawPolygon(line + base);
                } else {
                    painter.setPen(
                        QPen(color, std::max(1.0, fontSize / 4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                    painter.setBrush(Qt::NoBrush);
                    painter.drawPolyline(line);
                }
            }
        }
    }
    painter.setClipping(false);
    drawLabels(painter, pointLabels, metrics, area);
    painter.restore();
}

} // namespace folio::office
