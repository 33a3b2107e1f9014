// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRect>
#include <QSizeF>
#include <QTransform>

#include <algorithm>
#include <utility>
#include <vector>

namespace folio {

// Where each page sits in the view. Pages are laid out in rows (one page each, or two side by
// side when facing), rows stacked top to bottom and centred horizontally, with a margin around
// them and a gap between them. Continuous lays out every row; otherwise only the row of the
// shown page is laid out, centred in the viewport too, and every other page has an empty rect.
// Coordinates are logical pixels of the content (before scrolling). Zoom 1.0 shows a page at its
// physical size on a 96 dpi screen: one point (1/72 in) is 96/72 logical pixels. Rotation turns
// every page clockwise; sizes given and returned in points are upright unless named rotated.
class PageLayout
{
public:
    static constexpr int Margin = 24;
    static constexpr int Gap = 18;
    static constexpr double PixelsPerPointAt100 = 96.0 / 72.0;

    void setPageSizes(QList<QSizeF> points);
    // More pages after the known ones (a streaming document): lays out only the new pages (and a
    // facing row they complete), unless the content gets wider, which re-centres every row.
    void appendPageSizes(const QList<QSizeF> &points);
    void setZoom(double zoom);
    // Clockwise, normalised to 0, 90, 180 or 270.
    void setRotation(int degrees);
    void setContinuous(bool continuous);
    void setFacing(bool facing);
    // Facing with the first page (a book's cover) alone in its row: 1, 2–3, 4–5, ...
    void setCoverAlone(bool alone);
    // The pages of a row from right to left (manga, Arabic and Hebrew books).
    void setRightToLeft(bool rightToLeft);
    // The page whose row is laid out when not continuous.
    void setShownPage(int index);
    // The width the content is centred in (the viewport's).
    void setViewportWidth(int width);
    // The size the content is centred in; the height matters only when not continuous.
    void setViewportSize(QSize size);

    int count() const { return m_count; }
    double zoom() const { return m_zoom; }
    int rotation() const { return m_rotation; }
    bool isContinuous() const { return m_continuous; }
    bool isFacing() const { return m_facing; }
    bool isCoverAlone() const { return m_coverAlone; }
    bool isRightToLeft() const { return m_rightToLeft; }
    int shownPage() const { return m_shown; }
    QSizeF pageSize(int index) const; // points, upright; invalid for an unknown index
    QSizeF rotatedPageSize(int index) const { return rotated(pageSize(index)); }
    QSizeF largestPageSize() const { return m_largest; } // points, rotated, each side's maximum
    QRect pageRect(int index) const;
    QSize contentSize() const;
    // Maps points on the upright page `index` to content pixels: rotation, zoom and position.
    QTransform pageTransform(int index) const;

    // For tests: how often every page was laid out again, how many page geometries were computed
    // in all (a run of equal rows counts once), and how many runs of equal rows there are.
    int fullLayouts() const { return m_fullLayouts; }
    qint64 pagesLaidOut() const { return m_pagesLaidOut; }
    int rowRuns() const { return int(m_runs.size()); }

    // Pages are laid out in rows: [first, first + size) of the row holding `index`.
    std::pair<int, int> rowOf(int index) const;
    // The first and last page intersecting [top, bottom); {-1, -1} when none does.
    std::pair<int, int> pagesBetween(int top, int bottom) const;
    // The first page of the row whose slot (row plus the gap below it) contains y, clamped to
    // the document (the shown page's row when not continuous).
    int pageAt(int y) const;
    // The laid-out page nearest to `point` (content pixels); -1 when none is laid out.
    int pageNearest(QPoint point) const;

    // Zoom factors that make the widest row fit the width, or the row of `index` fit entirely,
    // in a viewport of the given size (margins and the gap between facing pages included).
    double zoomToFitWidth(int viewportWidth) const;
    double zoomToFit(int index, QSize viewport) const;

    // The same for one page of `points` (rotated) alone.
    static double zoomToFitWidth(QSizeF points, int width);
    static double zoomToFit(QSizeF points, QSize viewport);

private:
    // Consecutive pages of one size (points, upright).
    struct SizeRun
    {
        int first = 0;
        int count = 0;
        QSizeF points;
    };
    // Consecutive rows of one geometry: `rows` rows of `rowSize` pages from `firstPage`, each page
    // of slot i `slots[i]` pixels, a row `width` wide (pages and the gap between) and `height`
    // high, the first one's top at `top`. Long documents are a few runs (a 1 GiB log: 300,000
    // A4 pages in one), so laying out, zooming and finding a page cost the runs, not the pages.
    struct RowRun
    {
        int firstPage = 0;
        int rows = 0;
        int rowSize = 1;
        QSize slots[2];
        int width = 0;
        int height = 0;
        int top = 0;

        int endPage() const { return firstPage + rows * rowSize; }
        int bottom() const { return top + rows * (height + Gap) - Gap; }
        bool sameRowAs(const RowRun &other) const
        {
            return rowSize == other.rowSize && slots[0] == other.slots[0] && slots[1] == other.slots[1];
        }
    };
    void relayout();
    // Lays out the rows from `firstPage` (a row's first page) on, appending them to the runs.
    void addRows(int firstPage);
    // Appends `rows` rows of `rowSize` pages from `firstPage`, all of the first one's geometry.
    void addRun(int firstPage, int rows, int rowSize);
    // Calls fn(firstPage, rows, rowSize) for the runs of rows of one geometry from `firstPage`
    // (a row's first page) to the end.
    template<typename Fn>
    void forEachRowGroup(int firstPage, Fn fn) const;
    // Positions runs [firstRun, end) below the ones before and sets the content height.
    void placeRuns(size_t firstRun);
    QSizeF rotated(QSizeF points) const;
    const SizeRun *sizeRunOf(int page) const;
    // The run laying out `page`; nullptr when none does.
    const RowRun *runOf(int page) const;
    QSizeF rowPoints(int first, int size) const;
    // The pixel width the rows are centred in.
    int centringWidth() const { return std::max(m_contentWidth, m_viewport.width()); }

    std::vector<SizeRun> m_sizes;
    int m_count = 0;
    QSizeF m_largest;
    double m_zoom = 1.0;
    int m_rotation = 0;
    bool m_continuous = true;
    bool m_facing = false;
    bool m_coverAlone = false;
    bool m_rightToLeft = false;
    int m_shown = 0;
    QSize m_viewport;
    std::vector<RowRun> m_runs; // laid-out rows, top to bottom
    int m_contentWidth = 0;
    int m_contentHeight = 0;
    int m_fullLayouts = 0;
    qint64 m_pagesLaidOut = 0;
};

} // namespace folio
