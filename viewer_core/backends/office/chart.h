// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QPainter;

namespace folio {
struct Limits;
}

namespace folio::office {

class Package;

// A chart as DrawingML stores it (c:chartSpace, in DOCX, XLSX and PPTX packages), drawn from the
// values the file caches with it: Folio never recalculates a spreadsheet, and what the cache says
// is what Word, Excel and PowerPoint show until the data changes. Bar and column (clustered,
// stacked, 100 %), line, area, pie, doughnut, scatter, bubble and radar charts; a title, axis titles, data labels,
// a secondary value axis and a legend. Drawn with
// QPainter only, so a PDF export keeps it as vectors, and on any thread.
// Which data labels are shown at the points (c:dLbls, ODF chart:data-label-*).
struct ChartLabels
{
    bool value = false;
    bool percent = false; // of the category's total (pies: of the whole)
    bool category = false;
    bool seriesName = false;

    bool any() const { return value || percent || category || seriesName; }
};

struct ChartSeries
{
    QString name;
    QStringList categories; // labels of the points (bar, line, area, pie)
    QList<double> values; // NaN: no value
    QList<double> xValues; // scatter and bubble only
    QList<double> sizes; // bubble only: c:bubbleSize
    std::optional<QColor> color; // the series' own fill or line colour
    QList<std::optional<QColor>> pointColors; // c:dPt colours by point (pie slices)
    std::optional<ChartLabels> labels; // the series' own data labels; unset: the group's
};

struct ChartGroup
{
    enum class Kind { Bar, Line, Area, Pie, Doughnut, Scatter, Bubble, Radar };
    enum class Grouping { Standard, Stacked, PercentStacked };
    Kind kind = Kind::Bar;
    Grouping grouping = Grouping::Standard;
    bool horizontal = false; // bars: c:barDir="bar"
    bool varyColors = false; // one colour per point (pies)
    double holeSize = 0.5; // doughnut: the hole's share of the diameter
    double firstSliceAngle = 0; // degrees clockwise from 12 o'clock
    double gapWidth = 1.5; // bars: the gap between categories, as a share of a bar's width
    bool secondary = false; // plotted against the secondary value axis, on the right
    bool filled = false; // radar: the series' areas filled (c:radarStyle "filled")
    ChartLabels labels; // the group's data labels
    QList<ChartSeries> series;
};

struct Chart
{
    Q_DECLARE_TR_FUNCTIONS(folio::office::Chart)
public:
    enum class LegendPosition { None, Right, Left, Top, Bottom };

    QString title;
    // Axis titles: the category axis (x of a scatter chart), the value axis and the secondary
    // value axis.
    QString categoryAxisTitle, valueAxisTitle, secondaryAxisTitle;
    QList<ChartGroup> groups;
    LegendPosition legend = LegendPosition::None;

    // At most this many series and points per series are read; more is not drawable anyway.
    static constexpr int MaxSeries = 256;
    static constexpr int MaxPoints = 10000;

    // Reads a chart part. `colors` turns theme colour names ("accent1", "tx1"...) into colours;
    // without it, Office's default theme is used. `part` names the part in messages.
    using ThemeColors = std::function<std::optional<QColor>(const QString &name)>;
    static Result<Chart> read(const QByteArray &xml, const QString &part, const Limits &limits,
        const CancellationToken &token, const ThemeColors &colors = {});

    // Reads an OpenDocument chart object's content.xml (office:chart, its data in the chart's own
    // table): the same kinds of chart, with the series colours of its automatic styles.
    static Result<Chart> readOpenDocument(
        const QByteArray &xml, const QString &part, const Limits &limits, const CancellationToken &token);

    // The chart part at `path` of `package` (a DrawingML chart), or the chart object an
    // OpenDocument draw:object names with `href` ("./Object 1"); objects outside the package, or
    // that are not charts, give an error.
    static Result<Chart> fromPart(
        const Package &package, const QString &path, const CancellationToken &token, const ThemeColors &colors = {});
    static Result<Chart> fromOpenDocumentObject(
        const Package &package, const QString &href, const CancellationToken &token);

    // Draws the chart into `area` (in the painter's units, taken as points for text sizes).
    void paint(QPainter &painter, const QRectF &area) const;

    // The colour series (or point) `index` gets when the file names none: Office's accents.
    static QColor defaultColor(int index);
    // What a chart says in text: its title, axis titles, series names and categories (for text
    // extraction).
    QString text() const;
};

} // namespace folio::office
