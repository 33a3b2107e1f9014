// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagelayout.h"

#include <algorithm>
#include <cmath>

namespace folio {

namespace {
int toPixels(double points, double zoom)
{
    return std::max(1, int(std::lround(points * zoom * PageLayout::PixelsPerPointAt100)));
}
} // namespace

void PageLayout::setPageSizes(QList<QSizeF> points)
{
    m_points = std::move(points);
    relayout();
}

void PageLayout::appendPageSizes(const QList<QSizeF> &points)
{
    m_points.append(points);
    relayout();
}

void PageLayout::setZoom(double zoom)
{
    if (zoom > 0 && zoom != m_zoom) {
        m_zoom = zoom;
        relayout();
    }
}

void PageLayout::setViewportWidth(int width)
{
    if (width != m_viewportWidth) {
        m_viewportWidth = width;
        relayout();
    }
}

void PageLayout::relayout()
{
    m_largest = QSizeF();
    for (const QSizeF &size : std::as_const(m_points))
        m_largest = m_largest.expandedTo(size);
    m_tops.resize(m_points.size());
    m_heights.resize(m_points.size());
    int y = Margin;
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        m_tops[i] = y;
        m_heights[i] = toPixels(m_points[i].height(), m_zoom);
        y += m_heights[i] + Gap;
    }
    m_contentHeight = m_points.isEmpty() ? 0 : y - Gap + Margin;
    m_contentWidth = m_points.isEmpty() ? 0 : toPixels(m_largest.width(), m_zoom) + 2 * Margin;
}

int PageLayout::pageWidth(int index) const
{
    return toPixels(m_points[index].width(), m_zoom);
}

QRect PageLayout::pageRect(int index) const
{
    if (index < 0 || index >= count())
        return {};
    const int width = pageWidth(index);
    const int x = (std::max(m_contentWidth, m_viewportWidth) - width) / 2;
    return {x, m_tops[size_t(index)], width, m_heights[size_t(index)]};
}

QSize PageLayout::contentSize() const
{
    return {m_contentWidth, m_contentHeight};
}

int PageLayout::pageAt(int y) const
{
    if (m_tops.empty())
        return -1;
    // The last page whose top is at or above y + Gap (so the gap above a page belongs to it).
    const auto it = std::upper_bound(m_tops.begin(), m_tops.end(), y + Gap);
    return std::clamp(int(it - m_tops.begin()) - 1, 0, count() - 1);
}

std::pair<int, int> PageLayout::pagesBetween(int top, int bottom) const
{
    if (m_tops.empty() || bottom <= top)
        return {-1, -1};
    // First page whose bottom is below `top`.
    int first = int(std::upper_bound(m_tops.begin(), m_tops.end(), top) - m_tops.begin()) - 1;
    first = std::max(first, 0);
    if (m_tops[size_t(first)] + m_heights[size_t(first)] <= top)
        ++first;
    // Last page whose top is above `bottom`.
    const int last = int(std::lower_bound(m_tops.begin(), m_tops.end(), bottom) - m_tops.begin()) - 1;
    if (first >= count() || last < first)
        return {-1, -1};
    return {first, last};
}

double PageLayout::zoomToFitWidth(QSizeF points, int width)
{
    if (points.width() <= 0)
        return 1.0;
    return std::max(1, width - 2 * Margin) / (points.width() * PixelsPerPointAt100);
}

double PageLayout::zoomToFit(QSizeF points, QSize viewport)
{
    if (points.isEmpty())
        return 1.0;
    const double byWidth = zoomToFitWidth(points, viewport.width());
    const double byHeight = std::max(1, viewport.height() - 2 * Gap) / (points.height() * PixelsPerPointAt100);
    return std::min(byWidth, byHeight);
}

} // namespace folio
