// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRect>
#include <QSizeF>

#include <utility>
#include <vector>

namespace folio {

// Where each page sits in a continuous vertical view: pages stacked top to bottom, each centred
// horizontally, with a margin around them and a gap between them. Coordinates are logical
// pixels of the content (before scrolling). Zoom 1.0 shows a page at its physical size on a
// 96 dpi screen: one point (1/72 in) is 96/72 logical pixels.
class PageLayout
{
public:
    static constexpr int Margin = 24;
    static constexpr int Gap = 18;
    static constexpr double PixelsPerPointAt100 = 96.0 / 72.0;

    void setPageSizes(QList<QSizeF> points);
    void appendPageSizes(const QList<QSizeF> &points);
    void setZoom(double zoom);
    // The width the content is centred in (the viewport's).
    void setViewportWidth(int width);

    int count() const { return int(m_points.size()); }
    double zoom() const { return m_zoom; }
    QSizeF pageSize(int index) const { return m_points.value(index); } // points
    QSizeF largestPageSize() const { return m_largest; } // points, each side's maximum
    QRect pageRect(int index) const;
    QSize contentSize() const;

    // The first and last page intersecting [top, bottom); {-1, -1} when none does.
    std::pair<int, int> pagesBetween(int top, int bottom) const;
    // The page whose slot (page plus the gap below it) contains y, clamped to the document.
    int pageAt(int y) const;

    // Zoom factors that make the page fit a viewport of the given size (margins included).
    static double zoomToFitWidth(QSizeF points, int width);
    static double zoomToFit(QSizeF points, QSize viewport);

private:
    void relayout();
    int pageWidth(int index) const;

    QList<QSizeF> m_points;
    QSizeF m_largest;
    double m_zoom = 1.0;
    int m_viewportWidth = 0;
    std::vector<int> m_tops; // y of each page
    std::vector<int> m_heights; // height of each page
    int m_contentWidth = 0;
    int m_contentHeight = 0;
};

} // namespace folio
