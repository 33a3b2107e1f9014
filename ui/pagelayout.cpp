// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagelayout.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace folio {

namespace {
int toPixels(double points, double zoom)
{
    return std::max(1, int(std::lround(points * zoom * PageLayout::PixelsPerPointAt100)));
}

double distance(const QRect &rect, QPoint point)
{
    const int dx = std::max({rect.left() - point.x(), 0, point.x() - rect.right()});
    const int dy = std::max({rect.top() - point.y(), 0, point.y() - rect.bottom()});
    return std::hypot(double(dx), double(dy));
}
} // namespace

void PageLayout::setPageSizes(QList<QSizeF> points)
{
    m_points = std::move(points);
    relayout();
}

void PageLayout::appendPageSizes(const QList<QSizeF> &points)
{
    if (points.isEmpty())
        return;
    m_points.append(points);
    for (const QSizeF &size : points)
        m_largest = m_largest.expandedTo(rotated(size));
    m_rects.resize(size_t(m_points.size()));
    if (m_rows.empty()) {
        relayout();
        return;
    }
    if (!m_continuous) {
        // One row is laid out; it changes only when the new pages complete it (facing).
        const auto [first, size] = rowOf(std::clamp(m_shown, 0, count() - 1));
        const Row shown = m_rows.front();
        if (first != shown.first || size != shown.size) {
            for (int i = shown.first; i < shown.first + shown.size; ++i)
                m_rects[size_t(i)] = QRect();
            m_rows.clear();
            m_contentWidth = 0;
            addRow(first, size);
            placeRows(0);
        }
        return;
    }
    // A facing row of one page gets its partner: lay it out again with the new pages.
    size_t firstRow = m_rows.size();
    if (m_facing && m_rows.back().size == 1 && m_rows.back().first % 2 == 0) {
        m_rows.pop_back();
        --firstRow;
    }
    const int width = std::max(m_contentWidth, m_viewport.width());
    addRows(m_rows.empty() ? 0 : m_rows.back().first + m_rows.back().size);
    if (std::max(m_contentWidth, m_viewport.width()) != width) {
        relayout(); // wider: every row is centred anew
        return;
    }
    placeRows(firstRow);
}

void PageLayout::setZoom(double zoom)
{
    if (zoom > 0 && zoom != m_zoom) {
        m_zoom = zoom;
        relayout();
    }
}

void PageLayout::setRotation(int degrees)
{
    degrees = ((degrees / 90 * 90) % 360 + 360) % 360;
    if (degrees != m_rotation) {
        m_rotation = degrees;
        relayout();
    }
}

void PageLayout::setContinuous(bool continuous)
{
    if (continuous != m_continuous) {
        m_continuous = continuous;
        relayout();
    }
}

void PageLayout::setFacing(bool facing)
{
    if (facing != m_facing) {
        m_facing = facing;
        relayout();
    }
}

void PageLayout::setShownPage(int index)
{
    if (index != m_shown) {
        m_shown = index;
        if (!m_continuous)
            relayout();
    }
}

void PageLayout::setViewportWidth(int width)
{
    setViewportSize({width, m_viewport.height()});
}

void PageLayout::setViewportSize(QSize size)
{
    if (size != m_viewport) {
        m_viewport = size;
        relayout();
    }
}

QSizeF PageLayout::rotated(QSizeF points) const
{
    return m_rotation % 180 == 0 ? points : points.transposed();
}

std::pair<int, int> PageLayout::rowOf(int index) const
{
    if (index < 0 || index >= count())
        return {-1, 0};
    if (!m_facing)
        return {index, 1};
    const int first = index - index % 2;
    return {first, std::min(2, count() - first)};
}

QSizeF PageLayout::rowPoints(int first, int size) const
{
    QSizeF row;
    for (int i = first; i < first + size; ++i) {
        const QSizeF page = rotated(m_points[i]);
        row = QSizeF(row.width() + page.width(), std::max(row.height(), page.height()));
    }
    return row;
}

void PageLayout::relayout()
{
    ++m_fullLayouts;
    m_largest = QSizeF();
    for (const QSizeF &size : std::as_const(m_points))
        m_largest = m_largest.expandedTo(rotated(size));
    m_rows.clear();
    m_rects.assign(size_t(m_points.size()), QRect());
    m_contentWidth = 0;
    m_contentHeight = 0;
    if (m_points.isEmpty())
        return;
    if (m_continuous) {
        addRows(0);
    } else {
        const auto [first, size] = rowOf(std::clamp(m_shown, 0, count() - 1));
        addRow(first, size);
    }
    placeRows(0);
}

void PageLayout::addRows(int firstPage)
{
    for (int first = firstPage; first < count(); first += rowOf(first).second)
        addRow(first, rowOf(first).second);
}

void PageLayout::addRow(int first, int size)
{
    Row row {first, size, 0, 0};
    int width = 0;
    for (int i = first; i < first + size; ++i) {
        // Long documents have runs of pages of one size (a 1 GiB log: 300,000 A4 pages); each
        // page of a run takes the pixel size of the one before.
        if (i > 0 && m_points[i] == m_points[i - 1] && !m_rects[size_t(i - 1)].isEmpty()) {
            m_rects[size_t(i)].setSize(m_rects[size_t(i - 1)].size());
        } else {
            const QSizeF page = rotated(m_points[i]);
            m_rects[size_t(i)].setSize({toPixels(page.width(), m_zoom), toPixels(page.height(), m_zoom)});
        }
        width += m_rects[size_t(i)].width() + (i > first ? Gap : 0);
        row.height = std::max(row.height, m_rects[size_t(i)].height());
    }
    m_pagesLaidOut += size;
    m_contentWidth = std::max(m_contentWidth, width + 2 * Margin);
    m_rows.push_back(row);
}

void PageLayout::placeRows(size_t firstRow)
{
    int y = Margin;
    if (firstRow > 0)
        y = m_rows[firstRow - 1].top + m_rows[firstRow - 1].height + Gap;
    else if (!m_continuous) // one row: centred vertically as well
        y += std::max(0, (m_viewport.height() - m_rows.front().height - 2 * Margin) / 2);
    const int width = std::max(m_contentWidth, m_viewport.width());
    for (size_t r = firstRow; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        row.top = y;
        int rowWidth = -Gap;
        for (int i = row.first; i < row.first + row.size; ++i)
            rowWidth += m_rects[size_t(i)].width() + Gap;
        int x = (width - rowWidth) / 2;
        for (int i = row.first; i < row.first + row.size; ++i) {
            QRect &rect = m_rects[size_t(i)];
            rect.moveTo(x, y + (row.height - rect.height()) / 2);
            x += rect.width() + Gap;
        }
        y += row.height + Gap;
    }
    m_contentHeight = m_continuous ? y - Gap + Margin : m_rows.front().height + 2 * Margin;
}

QRect PageLayout::pageRect(int index) const
{
    if (index < 0 || index >= count())
        return {};
    return m_rects[size_t(index)];
}

QSize PageLayout::contentSize() const
{
    return {m_contentWidth, m_contentHeight};
}

QTransform PageLayout::pageTransform(int index) const
{
    const QRect rect = pageRect(index);
    if (rect.isEmpty())
        return {};
    const QSizeF upright = m_points[index];
    const QSizeF turned = rotated(upright);
    // QTransform(m11, m12, m21, m22, dx, dy): x' = m11 x + m21 y + dx, y' = m12 x + m22 y + dy.
    QTransform turn;
    switch (m_rotation) {
    case 90: // (x, y) -> (H - y, x)
        turn = QTransform(0, 1, -1, 0, upright.height(), 0);
        break;
    case 180: // (x, y) -> (W - x, H - y)
        turn = QTransform(-1, 0, 0, -1, upright.width(), upright.height());
        break;
    case 270: // (x, y) -> (y, W - x)
        turn = QTransform(0, -1, 1, 0, 0, upright.width());
        break;
    default:
        break;
    }
    return turn * QTransform::fromScale(rect.width() / turned.width(), rect.height() / turned.height())
        * QTransform::fromTranslate(rect.left(), rect.top());
}

int PageLayout::rowIndex(int page) const
{
    const auto it = std::upper_bound(
        m_rows.begin(), m_rows.end(), page, [](int value, const Row &row) { return value < row.first; });
    return int(it - m_rows.begin()) - 1;
}

int PageLayout::pageAt(int y) const
{
    if (m_rows.empty())
        return -1;
    // The last row whose top is at or above y + Gap (so the gap above a row belongs to it).
    const auto it = std::upper_bound(
        m_rows.begin(), m_rows.end(), y + Gap, [](int value, const Row &row) { return value < row.top; });
    const int row = std::max(0, int(it - m_rows.begin()) - 1);
    return m_rows[size_t(row)].first;
}

int PageLayout::pageNearest(QPoint point) const
{
    if (m_rows.empty())
        return -1;
    const int row = rowIndex(pageAt(point.y()));
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (int r = std::max(0, row - 1); r <= std::min(int(m_rows.size()) - 1, row + 1); ++r) {
        for (int i = m_rows[size_t(r)].first; i < m_rows[size_t(r)].first + m_rows[size_t(r)].size; ++i) {
            if (const double d = distance(m_rects[size_t(i)], point); d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
    }
    return best;
}

std::pair<int, int> PageLayout::pagesBetween(int top, int bottom) const
{
    if (m_rows.empty() || bottom <= top)
        return {-1, -1};
    // First row whose bottom is below `top`.
    const auto first = std::upper_bound(
        m_rows.begin(), m_rows.end(), top, [](int value, const Row &row) { return value < row.top + row.height; });
    // Last row whose top is above `bottom`.
    const auto end = std::lower_bound(
        m_rows.begin(), m_rows.end(), bottom, [](const Row &row, int value) { return row.top < value; });
    if (first == m_rows.end() || end <= first)
        return {-1, -1};
    const Row &last = *std::prev(end);
    return {first->first, last.first + last.size - 1};
}

double PageLayout::zoomToFitWidth(int viewportWidth) const
{
    if (!m_facing)
        return zoomToFitWidth(m_largest, viewportWidth);
    double zoom = std::numeric_limits<double>::max();
    for (int first = 0; first < count(); first += 2) {
        const int size = rowOf(first).second;
        const QSizeF row = rowPoints(first, size);
        zoom = std::min(zoom, zoomToFitWidth(row, viewportWidth - (size - 1) * Gap));
    }
    return count() > 0 ? zoom : 1.0;
}

double PageLayout::zoomToFit(int index, QSize viewport) const
{
    const auto [first, size] = rowOf(index);
    if (first < 0)
        return 1.0;
    return zoomToFit(rowPoints(first, size), viewport - QSize((size - 1) * Gap, 0));
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
