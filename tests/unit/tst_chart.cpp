// SPDX-License-Identifier: GPL-3.0-or-later
// DrawingML charts drawn from their cached values: the model read from the chart part, and the
// pixels of bars, slices and lines where the values put them.
#include "backends/office/chart.h"
#include "safetylimits.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <cmath>

using namespace folio;
using namespace folio::office;

namespace {

QByteArray chartPart(const QString &plot, const QString &extra = QString())
{
    return QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><c:chart>%2<c:plotArea>%1</c:plotArea>"
        "</c:chart></c:chartSpace>")
        .arg(plot, extra)
        .toUtf8();
}

// A series with string categories and numeric values; `color` an sRGB hex or empty.
QString series(const QString &name, const QStringList &categories, const QList<double> &values,
    const QString &color = QString(), const QString &extra = QString())
{
    QString cats, vals;
    for (int i = 0; i < categories.size(); ++i)
        cats += QStringLiteral("<c:pt idx=\"%1\"><c:v>%2</c:v></c:pt>").arg(i).arg(categories.at(i));
    for (int i = 0; i < values.size(); ++i) {
        if (std::isfinite(values.at(i)))
            vals += QStringLiteral("<c:pt idx=\"%1\"><c:v>%2</c:v></c:pt>").arg(i).arg(values.at(i));
    }
    return QStringLiteral(
        "<c:ser><c:idx val=\"0\"/><c:tx><c:strRef><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\">"
        "<c:v>%1</c:v></c:pt></c:strCache></c:strRef></c:tx>%2%3"
        "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$4</c:f><c:strCache><c:ptCount val=\"%4\"/>%5</c:strCache>"
        "</c:strRef></c:cat><c:val><c:numRef><c:numCache><c:ptCount val=\"%6\"/>%7</c:numCache>"
        "</c:numRef></c:val></c:ser>")
        .arg(name,
            color.isEmpty()
                ? QString()
                : QStringLiteral("<c:spPr><a:solidFill><a:srgbClr val=\"%1\"/></a:solidFill></c:spPr>").arg(color),
            extra)
        .arg(categories.size())
        .arg(cats)
        .arg(values.size())
        .arg(vals);
}

QImage draw(const Chart &chart, QSize size = QSize(400, 300))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QPainter painter(&image);
    chart.paint(painter, QRectF(QPointF(), size));
    painter.end();
    return image;
}

// Grey text ink (labels are drawn in grey), not the colour of a bar's antialiased edge.
bool isInk(QRgb pixel)
{
    const QColor c(pixel);
    return std::abs(c.red() - c.green()) < 24 && std::abs(c.green() - c.blue()) < 24 && qGray(pixel) < 160;
}

int count(const QImage &image, const QColor &color, QRect area = QRect())
{
    if (area.isNull())
        area = image.rect();
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += QColor(image.pixel(x, y)) == color;
    return n;
}

} // namespace

class TestChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsBarChart()
    {
        const QByteArray xml = chartPart(
            QStringLiteral("<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>%1%2"
                           "<c:gapWidth val=\"100\"/></c:barChart>")
                .arg(series(QStringLiteral("North"), {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3")},
                         {10, 20, 40}, QStringLiteral("FF0000")),
                    series(QStringLiteral("South"), {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3")},
                        {5, std::nan(""), 15})),
            QStringLiteral("<c:title><c:tx><c:rich><a:p><a:r><a:t>Sales</a:t></a:r></a:p></c:rich></c:tx></c:title>"
                           "<c:legend><c:legendPos val=\"b\"/></c:legend>"));
        const Result<Chart> chart = Chart::read(xml, QStringLiteral("chart1.xml"), Limits(), {});
        QVERIFY2(chart, qPrintable(chart.status().message()));
        QCOMPARE(chart->title, QStringLiteral("Sales"));
        QCOMPARE(chart->legend, Chart::LegendPosition::Bottom);
        QCOMPARE(chart->groups.size(), 1);
        const ChartGroup &group = chart->groups.first();
        QCOMPARE(group.kind, ChartGroup::Kind::Bar);
        QVERIFY(!group.horizontal);
        QCOMPARE(group.gapWidth, 1.0);
        QCOMPARE(group.series.size(), 2);
        QCOMPARE(group.series.at(0).name, QStringLiteral("North"));
        QCOMPARE(group.series.at(0).categories,
            (QStringList {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3")}));
        QCOMPARE(group.series.at(0).values, (QList<double> {10, 20, 40}));
        QCOMPARE(*group.series.at(0).color, QColor(Qt::red));
        QVERIFY(!group.series.at(1).color);
        QVERIFY(std::isnan(group.series.at(1).values.at(1))); // a point the cache leaves out
        QVERIFY(chart->text().contains(QLatin1String("Sales")));
        QVERIFY(chart->text().contains(QLatin1String("Q1  Q2  Q3")));

        // Drawn: the red bars grow left to right, the tallest twice the middle one.
        const QImage image = draw(*chart);
        if (qEnvironmentVariableIsSet("FOLIO_CHART_DUMP"))
            image.save(QStringLiteral("bar-chart.png"));
        const auto redHeight = [&](int fromX, int toX) {
            int tallest = 0;
            for (int x = fromX; x < toX; ++x) {
                int column = 0;
                for (int y = 0; y < image.height(); ++y)
                    column += QColor(image.pixel(x, y)) == QColor(Qt::red);
                tallest = std::max(tallest, column);
            }
            return tallest;
        };
        const int q1 = redHeight(0, 150), q2 = redHeight(150, 260), q3 = redHeight(260, 400);
        QVERIFY2(q1 > 0 && q2 > q1 && q3 > q2, qPrintable(QStringLiteral("%1 %2 %3").arg(q1).arg(q2).arg(q3)));
        QVERIFY2(std::abs(q3 - 2 * q2) <= 3 && std::abs(q2 - 2 * q1) <= 3,
            qPrintable(QStringLiteral("%1 %2 %3").arg(q1).arg(q2).arg(q3)));
        QVERIFY(count(image, Chart::defaultColor(1)) > 100); // South in the second accent
        QCOMPARE(count(image, Qt::gray), 0); // the chart's background covers its area
    }

    void stackedAndHorizontal()
    {
        const QByteArray xml
            = chartPart(QStringLiteral("<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"percentStacked\"/>"
                                       "%1%2</c:barChart>")
                            .arg(series(QStringLiteral("A"), {QStringLiteral("x")}, {1}, QStringLiteral("FF0000")),
                                series(QStringLiteral("B"), {QStringLiteral("x")}, {3}, QStringLiteral("0000FF"))));
        const Result<Chart> chart = Chart::read(xml, QStringLiteral("c.xml"), Limits(), {});
        QVERIFY(chart);
        QVERIFY(chart->groups.first().horizontal);
        QCOMPARE(chart->groups.first().grouping, ChartGroup::Grouping::PercentStacked);
        const QImage image = draw(*chart);
        // One bar across: a quarter red, three quarters blue.
        const int red = count(image, Qt::red), blue = count(image, Qt::blue);
        QVERIFY2(red > 0 && std::abs(blue - 3 * red) < red / 5, qPrintable(QStringLiteral("%1 %2").arg(red).arg(blue)));
    }

    void pieSlices()
    {
        const QString points
            = QStringLiteral("<c:dPt><c:idx val=\"1\"/><c:spPr><a:solidFill><a:srgbClr val=\"00FF00\"/>"
                             "</a:solidFill></c:spPr></c:dPt>");
        const QByteArray xml
            = chartPart(QStringLiteral("<c:pieChart><c:varyColors val=\"1\"/>%1<c:firstSliceAng val=\"0\"/>"
                                       "</c:pieChart>")
                            .arg(series(QStringLiteral("Share"), {QStringLiteral("a"), QStringLiteral("b")}, {3, 1},
                                QString(), points)));
        const Result<Chart> chart = Chart::read(xml, QStringLiteral("c.xml"), Limits(), {});
        QVERIFY(chart);
        QCOMPARE(chart->groups.first().kind, ChartGroup::Kind::Pie);
        const QImage image = draw(*chart, QSize(300, 300));
        // From 12 o'clock clockwise: three quarters in the first accent, then the green quarter
        // (from 9 to 12 o'clock: the top left).
        QCOMPARE(QColor(image.pixel(200, 200)), Chart::defaultColor(0)); // bottom right
        QCOMPARE(QColor(image.pixel(110, 110)), QColor(Qt::green)); // top left
        const int green = count(image, Qt::green), first = count(image, Chart::defaultColor(0));
        QVERIFY2(std::abs(first - 3 * green) < green / 5, qPrintable(QStringLiteral("%1 %2").arg(first).arg(green)));
    }

    void lineAndScatter()
    {
        const QByteArray line
            = chartPart(QStringLiteral("<c:lineChart><c:grouping val=\"standard\"/>%1</c:lineChart>")
                            .arg(series(QStringLiteral("L"), {QStringLiteral("a"), QStringLiteral("b")}, {0, 10},
                                QStringLiteral("0000FF"))));
        const Result<Chart> chart = Chart::read(line, QStringLiteral("c.xml"), Limits(), {});
        QVERIFY(chart);
        const QImage image = draw(*chart);
        // Rising: blue low on the left, high on the right.
        const auto blueRows = [&](int fromX, int toX) {
            int top = image.height(), bottom = -1;
            for (int x = fromX; x < toX; ++x)
                for (int y = 0; y < image.height(); ++y)
                    if (QColor(image.pixel(x, y)) == QColor(Qt::blue)) {
                        top = std::min(top, y);
                        bottom = std::max(bottom, y);
                    }
            return std::pair {top, bottom};
        };
        if (qEnvironmentVariableIsSet("FOLIO_CHART_DUMP"))
            image.save(QStringLiteral("line-chart.png"));
        QVERIFY2(blueRows(125, 165).first > blueRows(250, 290).first,
            qPrintable(QStringLiteral("%1 %2").arg(blueRows(125, 165).first).arg(blueRows(250, 290).first)));

        const QByteArray scatter = chartPart(QStringLiteral(
            "<c:scatterChart><c:ser><c:xVal><c:numLit><c:ptCount val=\"2\"/><c:pt idx=\"0\"><c:v>1</c:v></c:pt>"
            "<c:pt idx=\"1\"><c:v>5</c:v></c:pt></c:numLit></c:xVal><c:yVal><c:numLit><c:ptCount val=\"2\"/>"
            "<c:pt idx=\"0\"><c:v>2</c:v></c:pt><c:pt idx=\"1\"><c:v>8</c:v></c:pt></c:numLit></c:yVal></c:ser>"
            "</c:scatterChart>"));
        const Result<Chart> points = Chart::read(scatter, QStringLiteral("c.xml"), Limits(), {});
        QVERIFY(points);
        QCOMPARE(points->groups.first().series.first().xValues, (QList<double> {1, 5}));
        QVERIFY(count(draw(*points), Chart::defaultColor(0)) > 10);
    }

    // An OpenDocument chart object as LibreOffice writes it: the data in the chart's own table,
    // series by cell ranges, colours in automatic styles.
    void openDocumentChart()
    {
        const QByteArray xml = QByteArray(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
            "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
            "xmlns:chart=\"urn:oasis:names:tc:opendocument:xmlns:chart:1.0\"><office:automatic-styles>"
            "<style:style style:name=\"plot\" style:family=\"chart\"><style:chart-properties chart:stacked=\"true\"/>"
            "</style:style><style:style style:name=\"s1\" style:family=\"chart\"><style:graphic-properties "
            "draw:fill-color=\"#ff0000\"/></style:style></office:automatic-styles><office:body><office:chart>"
            "<chart:chart chart:class=\"chart:bar\"><chart:title><text:p>Crops</text:p></chart:title>"
            "<chart:legend chart:legend-position=\"bottom\"/><chart:plot-area chart:style-name=\"plot\">"
            "<chart:axis chart:dimension=\"x\"><chart:categories table:cell-range-address=\"local-table.$A$2:.$A$3\"/>"
            "</chart:axis><chart:series chart:style-name=\"s1\" "
            "chart:values-cell-range-address=\"local-table.$B$2:.$B$3\" "
            "chart:label-cell-address=\"local-table.$B$1\"/><chart:series "
            "chart:values-cell-range-address=\"local-table.$C$2:.$C$3\" chart:label-cell-address=\"local-table.$C$1\"/>"
            "</chart:plot-area><table:table table:name=\"local-table\"><table:table-header-rows><table:table-row>"
            "<table:table-cell/><table:table-cell "
            "office:value-type=\"string\"><text:p>Wheat</text:p></table:table-cell>"
            "<table:table-cell office:value-type=\"string\"><text:p>Rye</text:p></table:table-cell></table:table-row>"
            "</table:table-header-rows><table:table-rows><table:table-row><table:table-cell "
            "office:value-type=\"string\">"
            "<text:p>2023</text:p></table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"4\">"
            "<text:p>4</text:p></table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
            "</table:table-row><table:table-row><table:table-cell office:value-type=\"string\"><text:p>2024</text:p>"
            "</table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"6\"/><table:table-cell "
            "office:value-type=\"float\" office:value=\"2\"/></table:table-row></table:table-rows></table:table>"
            "</chart:chart></office:chart></office:body></office:document-content>");
        const Result<Chart> chart = Chart::readOpenDocument(xml, QStringLiteral("Object 1/content.xml"), Limits(), {});
        QVERIFY2(chart, qPrintable(chart.status().message()));
        QCOMPARE(chart->title, QStringLiteral("Crops"));
        QCOMPARE(chart->legend, Chart::LegendPosition::Bottom);
        QCOMPARE(chart->groups.size(), 1);
        const ChartGroup &group = chart->groups.first();
        QCOMPARE(group.kind, ChartGroup::Kind::Bar);
        QCOMPARE(group.grouping, ChartGroup::Grouping::Stacked);
        QCOMPARE(group.series.size(), 2);
        QCOMPARE(group.series.at(0).name, QStringLiteral("Wheat"));
        QCOMPARE(group.series.at(1).name, QStringLiteral("Rye"));
        QCOMPARE(group.series.at(0).categories, (QStringList {QStringLiteral("2023"), QStringLiteral("2024")}));
        QCOMPARE(group.series.at(0).values, (QList<double> {4, 6}));
        QCOMPARE(group.series.at(1).values, (QList<double> {1, 2}));
        QCOMPARE(*group.series.at(0).color, QColor(Qt::red));
        QVERIFY(count(draw(*chart), Qt::red) > 500);
    }

    void axisTitlesAndSecondaryAxis()
    {
        // Revenue in red columns on the left axis, visitors in a blue line on a secondary axis at
        // the right, a hundred times larger: each fills the plot's height on its own scale.
        const QStringList quarters {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3")};
        const auto axisTitle = [](const QString &text) {
            return QStringLiteral(
                "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>%1</a:t></a:r></a:p></c:rich></c:tx>"
                "</c:title>")
                .arg(text);
        };
        const QByteArray xml = chartPart(
            QStringLiteral("<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>%1<c:axId val=\"1\"/>"
                           "<c:axId val=\"2\"/></c:barChart><c:lineChart><c:grouping val=\"standard\"/>%2"
                           "<c:axId val=\"3\"/><c:axId val=\"4\"/></c:lineChart>"
                           "<c:catAx><c:axId val=\"1\"/>%3<c:axPos val=\"b\"/><c:crossAx val=\"2\"/></c:catAx>"
                           "<c:valAx><c:axId val=\"2\"/>%4<c:axPos val=\"l\"/><c:crossAx val=\"1\"/></c:valAx>"
                           "<c:catAx><c:axId val=\"3\"/><c:delete val=\"1\"/><c:axPos val=\"b\"/></c:catAx>"
                           "<c:valAx><c:axId val=\"4\"/>%5<c:axPos val=\"r\"/><c:crossAx val=\"3\"/></c:valAx>")
                .arg(series(QStringLiteral("Revenue"), quarters, {10, 20, 40}, QStringLiteral("FF0000")),
                    series(QStringLiteral("Visitors"), quarters, {1000, 3000, 2000}, QStringLiteral("0000FF")),
                    axisTitle(QStringLiteral("Quarter")), axisTitle(QStringLiteral("Euros")),
                    axisTitle(QStringLiteral("People"))));
        const Result<Chart> chart = Chart::read(xml, QStringLiteral("chart1.xml"), Limits(), {});
        QVERIFY2(chart, qPrintable(chart.status().message()));
        QCOMPARE(chart->categoryAxisTitle, QStringLiteral("Quarter"));
        QCOMPARE(chart->valueAxisTitle, QStringLiteral("Euros"));
        QCOMPARE(chart->secondaryAxisTitle, QStringLiteral("People"));
        QCOMPARE(chart->groups.size(), 2);
        QVERIFY(!chart->groups.at(0).secondary);
        QVERIFY(chart->groups.at(1).secondary);
        const QStringList lines = chart->text().split(u'\n');
        QVERIFY(lines.contains(QStringLiteral("Quarter")) && lines.contains(QStringLiteral("Euros"))
            && lines.contains(QStringLiteral("People")));

        const QImage image = draw(*chart);
        if (qEnvironmentVariableIsSet("FOLIO_CHART_DUMP"))
            image.save(QStringLiteral("secondary-axis.png"));
        const auto extent = [&](const QColor &color) {
            int top = image.height(), bottom = -1;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (QColor(image.pixel(x, y)) == color) {
                        top = std::min(top, y);
                        bottom = std::max(bottom, y);
                    }
            return bottom - top;
        };
        // On one scale the columns would be a few pixels tall.
        QVERIFY2(extent(Qt::red) > 120, qPrintable(QString::number(extent(Qt::red))));
        QVERIFY2(extent(Qt::blue) > 80, qPrintable(QString::number(extent(Qt::blue))));
        // The titles' words in strips at the left, the right and the bottom.
        const auto ink = [&](QRect area) {
            int n = 0;
            for (int y = area.top(); y <= area.bottom(); ++y)
                for (int x = area.left(); x <= area.right(); ++x)
                    n += isInk(image.pixel(x, y));
            return n;
        };
        QVERIFY(ink(QRect(0, 60, 22, 180)) > 10);
        QVERIFY(ink(QRect(378, 60, 22, 180)) > 10);
        QVERIFY(ink(QRect(100, 278, 200, 22)) > 10);
    }

    void dataLabels()
    {
        // Values above the columns (the group's c:dLbls); the second series turns its own off.
        const QStringList quarters {QStringLiteral("Q1"), QStringLiteral("Q2")};
        const QString labels = QStringLiteral("<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/>"
                                              "<c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
                                              "<c:showPercent val=\"0\"/></c:dLbls>");
        const auto columns = [&](const QString &groupLabels) {
            return chartPart(QStringLiteral("<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>%1%2%3"
                                            "</c:barChart>")
                                 .arg(series(QStringLiteral("A"), quarters, {10, 20}, QStringLiteral("FF0000")),
                                     series(QStringLiteral("B"), quarters, {15, 5}, QStringLiteral("0000FF"),
                                         QStringLiteral("<c:dLbls><c:delete val=\"1\"/></c:dLbls>")),
                                     groupLabels));
        };
        const Result<Chart> labelled = Chart::read(columns(labels), QStringLiteral("chart1.xml"), Limits(), {});
        const Result<Chart> plain = Chart::read(columns(QString()), QStringLiteral("chart1.xml"), Limits(), {});
        QVERIFY(labelled && plain);
        QVERIFY(labelled->groups.first().labels.value && !labelled->groups.first().labels.percent);
        QVERIFY(!labelled->groups.first().series.at(0).labels);
        QVERIFY(labelled->groups.first().series.at(1).labels && !labelled->groups.first().series.at(1).labels->any());
        const QImage withLabels = draw(*labelled);
        const QImage without = draw(*plain);
        if (qEnvironmentVariableIsSet("FOLIO_CHART_DUMP"))
            withLabels.save(QStringLiteral("data-labels.png"));
        // Dark ink just above the top of a column of `color`, in the column's width.
        const auto inkAbove = [](const QImage &image, const QColor &color) {
            QRect bar;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (QColor(image.pixel(x, y)) == color && (bar.isNull() || y < bar.top()))
                        bar = QRect(x, y, 1, 1);
            int n = 0;
            for (int y = std::max(0, bar.top() - 14); y < bar.top(); ++y)
                for (int x = std::max(0, bar.left() - 4); x < std::min(image.width(), bar.left() + 24); ++x)
                    n += isInk(image.pixel(x, y));
            return n;
        };
        QVERIFY2(inkAbove(withLabels, Qt::red) > 5, qPrintable(QString::number(inkAbove(withLabels, Qt::red))));
        QCOMPARE(inkAbove(without, Qt::red), 0);
        QCOMPARE(inkAbove(withLabels, Qt::blue), 0);

        // Percentages in a pie's slices.
        const Result<Chart> pie = Chart::read(chartPart(QStringLiteral("<c:pieChart><c:varyColors val=\"1\"/>%1%2"
                                                                       "</c:pieChart>")
                                                            .arg(series(QStringLiteral("A"), quarters, {1, 3}),
                                                                QStringLiteral("<c:dLbls><c:showPercent val=\"1\"/>"
                                                                               "</c:dLbls>"))),
            QStringLiteral("chart1.xml"), Limits(), {});
        QVERIFY(pie && pie->groups.first().labels.percent);
        const QImage pieImage = draw(*pie);
        int dark = 0;
        for (int y = 0; y < pieImage.height(); ++y)
            for (int x = 0; x < pieImage.width(); ++x)
                dark += isInk(pieImage.pixel(x, y));
        QVERIFY2(dark > 10, qPrintable(QString::number(dark)));
    }

    void openDocumentLabelsAndAxes()
    {
        // LibreOffice's way: data labels in the series' style, axis titles in chart:axis, a series
        // on the secondary y axis.
        const QByteArray xml = QByteArray(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
            "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            "xmlns:chart=\"urn:oasis:names:tc:opendocument:xmlns:chart:1.0\"><office:automatic-styles>"
            "<style:style style:name=\"s1\" style:family=\"chart\"><style:chart-properties "
            "chart:data-label-number=\"value\" chart:data-label-text=\"true\"/></style:style>"
            "</office:automatic-styles><office:body><office:chart><chart:chart chart:class=\"chart:bar\">"
            "<chart:plot-area><chart:axis chart:dimension=\"x\" chart:name=\"primary-x\"><chart:title><text:p>Year"
            "</text:p></chart:title><chart:categories table:cell-range-address=\"local-table.$A$2:.$A$3\"/>"
            "</chart:axis><chart:axis chart:dimension=\"y\" chart:name=\"primary-y\"><chart:title><text:p>Tons"
            "</text:p></chart:title></chart:axis><chart:axis chart:dimension=\"y\" chart:name=\"secondary-y\">"
            "<chart:title><text:p>Price</text:p></chart:title></chart:axis>"
            "<chart:series chart:style-name=\"s1\" chart:values-cell-range-address=\"local-table.$B$2:.$B$3\"/>"
            "<chart:series chart:class=\"chart:line\" chart:attached-axis=\"secondary-y\" "
            "chart:values-cell-range-address=\"local-table.$C$2:.$C$3\"/></chart:plot-area>"
            "<table:table table:name=\"local-table\"><table:table-rows><table:table-row><table:table-cell/>"
            "<table:table-cell/><table:table-cell/></table:table-row><table:table-row><table:table-cell "
            "office:value-type=\"string\"><text:p>2023</text:p></table:table-cell><table:table-cell "
            "office:value-type=\"float\" office:value=\"4\"/><table:table-cell office:value-type=\"float\" "
            "office:value=\"400\"/></table:table-row><table:table-row><table:table-cell office:value-type=\"string\">"
            "<text:p>2024</text:p></table:table-cell><table:table-cell office:value-type=\"float\" "
            "office:value=\"6\"/><table:table-cell office:value-type=\"float\" office:value=\"900\"/>"
            "</table:table-row></table:table-rows></table:table></chart:chart></office:chart></office:body>"
            "</office:document-content>");
        const Result<Chart> chart = Chart::readOpenDocument(xml, QStringLiteral("Object 1/content.xml"), Limits(), {});
        QVERIFY2(chart, qPrintable(chart.status().message()));
        QCOMPARE(chart->categoryAxisTitle, QStringLiteral("Year"));
        QCOMPARE(chart->valueAxisTitle, QStringLiteral("Tons"));
        QCOMPARE(chart->secondaryAxisTitle, QStringLiteral("Price"));
        QCOMPARE(chart->groups.size(), 2);
        const ChartSeries &tons = chart->groups.at(0).series.first();
        QVERIFY(tons.labels && tons.labels->value && tons.labels->category && !tons.labels->percent);
        QVERIFY(chart->groups.at(1).secondary);
        QCOMPARE(chart->groups.at(1).kind, ChartGroup::Kind::Line);
        QCOMPARE(chart->groups.at(1).series.first().values, (QList<double> {400, 900}));
        draw(*chart);
    }

    void radarAndBubble()
    {
        // A radar of four equal values is a diamond around the centre, not a flat line.
        const QStringList directions {
            QStringLiteral("N"), QStringLiteral("E"), QStringLiteral("S"), QStringLiteral("W")};
        const Result<Chart> radar = Chart::read(
            chartPart(QStringLiteral("<c:radarChart><c:radarStyle val=\"marker\"/>%1</c:radarChart>")
                          .arg(series(QStringLiteral("Wind"), directions, {4, 4, 4, 4}, QStringLiteral("FF0000")))),
            QStringLiteral("chart1.xml"), Limits(), {});
        QVERIFY(radar);
        QCOMPARE(radar->groups.first().kind, ChartGroup::Kind::Radar);
        QVERIFY(!radar->groups.first().filled);
        const QImage radarImage = draw(*radar);
        if (qEnvironmentVariableIsSet("FOLIO_CHART_DUMP"))
            radarImage.save(QStringLiteral("radar.png"));
        QRect bounds;
        for (int y = 0; y < radarImage.height(); ++y)
            for (int x = 0; x < radarImage.width(); ++x)
                if (QColor(radarImage.pixel(x, y)) == Qt::red)
                    bounds |= QRect(x, y, 1, 1);
        QVERIFY2(bounds.height() > 150 && std::abs(bounds.width() - bounds.height()) < 8,
            qPrintable(QStringLiteral("%1x%2").arg(bounds.width()).arg(bounds.height())));
        // A diamond: nothing red at the corners of its bounds, red at the middle of each side.
        QCOMPARE(count(radarImage, Qt::red, QRect(bounds.topLeft(), QSize(20, 20))), 0);
        QVERIFY(count(radarImage, Qt::red, QRect(bounds.center().x() - 3, bounds.top(), 7, 5)) > 0);

        // Bubbles: the area in proportion to the size, four times the size twice the diameter.
        const Result<Chart> bubbles
            = Chart::read(chartPart(QStringLiteral(
                              "<c:bubbleChart><c:varyColors val=\"0\"/><c:ser><c:idx val=\"0\"/><c:spPr>"
                              "<a:solidFill><a:srgbClr val=\"FF0000\"/></a:solidFill></c:spPr><c:xVal><c:numLit>"
                              "<c:ptCount val=\"2\"/><c:pt idx=\"0\"><c:v>1</c:v></c:pt><c:pt idx=\"1\"><c:v>3</c:v>"
                              "</c:pt></c:numLit></c:xVal><c:yVal><c:numLit><c:ptCount val=\"2\"/><c:pt idx=\"0\">"
                              "<c:v>2</c:v></c:pt><c:pt idx=\"1\"><c:v>2</c:v></c:pt></c:numLit></c:yVal>"
                              "<c:bubbleSize><c:numLit><c:ptCount val=\"2\"/><c:pt idx=\"0\"><c:v>1</c:v></c:pt>"
                              "<c:pt idx=\"1\"><c:v>4</c:v></c:pt></c:numLit></c:bubbleSize></c:ser>"
                              "</c:bubbleChart>")),
                QStringLiteral("chart1.xml"), Limits(), {});
        QVERIFY(bubbles);
        QCOMPARE(bubbles->groups.first().kind, ChartGroup::Kind::Bubble);
        QCOMPARE(bubbles->groups.first().series.first().sizes, (QList<double> {1, 4}));
        const QImage bubbleImage = draw(*bubbles);
        if (qEnvironmentVariableIsSet("FOLIO_CHART_DUMP"))
            bubbleImage.save(QStringLiteral("bubbles.png"));
        const int small = count(bubbleImage, Qt::red, QRect(0, 0, 200, 300));
        const int large = count(bubbleImage, Qt::red, QRect(200, 0, 200, 300));
        QVERIFY2(small > 50 && large > 3 * small && large < 5 * small,
            qPrintable(QStringLiteral("%1 %2").arg(small).arg(large)));
    }

    void hostileParts()
    {
        // Entities are refused, as in every XML part.
        const QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY a \"aaaa\">]><c:chartSpace "
                                  "xmlns:c=\"x\"><c:chart/></c:chartSpace>";
        QVERIFY(!Chart::read(laughs, QStringLiteral("c.xml"), Limits(), {}));
        // A point count of billions reserves nothing; points past the limit are not read.
        const QByteArray huge = chartPart(QStringLiteral(
            "<c:barChart><c:ser><c:val><c:numLit><c:ptCount val=\"2000000000\"/><c:pt idx=\"1999999999\"><c:v>1</c:v>"
            "</c:pt><c:pt idx=\"3\"><c:v>7</c:v></c:pt></c:numLit></c:val></c:ser></c:barChart>"));
        const Result<Chart> chart = Chart::read(huge, QStringLiteral("c.xml"), Limits(), {});
        QVERIFY(chart);
        QCOMPARE(chart->groups.first().series.first().values.size(), Chart::MaxPoints);
        draw(*chart); // and drawn without trouble
        QVERIFY(!Chart::read("<c:chartSpace", QStringLiteral("c.xml"), Limits(), {}));
        QVERIFY(!Chart::read("<other/>", QStringLiteral("c.xml"), Limits(), {}));
    }
};

QTEST_MAIN(TestChart)
#include "tst_chart.moc"
