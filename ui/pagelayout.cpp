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
    m_sizes.clear();
    m_count = 0;
    for (const QSizeF &size : std::as_const(points)) {
        if (!m_sizes.empty() && m_sizes.back().points == size)
            ++m_sizes.back().count;
        else
            m_sizes.push_back({m_count, 1, size});
        ++m_count;
    }
    relayout();
}

void PageLayout::appendPageSizes(const QList<QSizeF> &points)
{
    if (points.isEmpty())
        return;
    const int known = m_count;
    const int lastRowSize = known > 0 ? rowOf(known - 1).second : 0;
    for (const QSizeF &size : points) {
        if (!m_sizes.empty() && m_sizes.back().points == size)
            ++m_sizes.back().count;
        else
            m_sizes.push_back({m_count, 1, size});
        ++m_count;
        m_largest = m_largest.expandedTo(rotated(size));
    }
    if (m_runs.empty()) {
        relayout();
        return;
    }
    if (!m_continuous) {
        // One row is laid out; it changes only when the new pages complete it (facing).
        const auto [first, size] = rowOf(std::clamp(m_shown, 0, count() - 1));
        const RowRun &shown = m_runs.front();
        if (first != shown.firstPage || size != shown.rowSize) {
            m_runs.clear();
            m_contentWidth = 0;
            addRun(first, 1, size);
            placeRuns(0);
        }
        return;
    }
    // A facing row of one page gets its partner: lay it out again with the new pages.
    int from = known;
    if (m_facing && lastRowSize == 1 && rowOf(known - 1).second == 2) {
        --from;
        if (--m_runs.back().rows == 0)
            m_runs.pop_back();
    }
    const size_t firstRun = m_runs.empty() ? 0 : m_runs.size() - 1;
    const int width = centringWidth();
    addRows(from);
    if (centringWidth() != width) {
        relayout(); // wider: every row is centred anew
        return;
    }
    placeRuns(firstRun);
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

void PageLayout::setCoverAlone(bool alone)
{
    if (alone != m_coverAlone) {
        m_coverAlone = alone;
        if (m_facing)
            relayout();
    }
}

void PageLayout::setRightToLeft(bool rightToLeft)
{
    // Only where each page sits in its row changes, and pageRect() works that out on demand.
    m_rightToLeft = rightToLeft;
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
    if (m_coverAlone && index == 0)
        return {0, 1};
    const int first = m_coverAlone ? index - (index - 1) % 2 : index - index % 2;
    return {first, std::min(2, count() - first)};
}

QSizeF PageLayout::pageSize(int index) const
{
    const SizeRun *run = sizeRunOf(index);
    return run ? run->points : QSizeF();
}

const PageLayout::SizeRun *PageLayout::sizeRunOf(int page) const
{
    if (page < 0 || page >= m_count)
        return nullptr;
    const auto it = std::upper_bound(
        m_sizes.begin(), m_sizes.end(), page, [](int value, const SizeRun &run) { return value < run.first; });
    return &*std::prev(it);
}

const PageLayout::RowRun *PageLayout::runOf(int page) const
{
    if (page < 0 || page >= m_count || m_runs.empty())
        return nullptr;
    const auto it = std::upper_bound(
        m_runs.begin(), m_runs.end(), page, [](int value, const RowRun &run) { return value < run.firstPage; });
    if (it == m_runs.begin() || page >= std::prev(it)->endPage())
        return nullptr;
    return &*std::prev(it);
}

QSizeF PageLayout::rowPoints(int first, int size) const
{
    QSizeF row;
    for (int i = first; i < first + size; ++i) {
        const QSizeF page = rotated(pageSize(i));
        row = QSizeF(row.width() + page.width(), std::max(row.height(), page.height()));
    }
    return row;
}

void PageLayout::relayout()
{
    ++m_fullLayouts;
    m_largest = QSizeF();
    for (const SizeRun &run : m_sizes)
        m_largest = m_largest.expandedTo(rotated(run.points));
    m_runs.clear();
    m_contentWidth = 0;
    m_contentHeight = 0;
    if (m_count == 0)
        return;
    if (m_continuous) {
        addRows(0);
    } else {
        const auto [first, size] = rowOf(std::clamp(m_shown, 0, count() - 1));
        addRun(first, 1, size);
    }
    placeRuns(0);
}

template<typename Fn>
void PageLayout::forEachRowGroup(int firstPage, Fn fn) const
{
    for (int page = firstPage; page < m_count;) {
        const int size = rowOf(page).second;
        const SizeRun *run = sizeRunOf(page);
        const int runEnd = run->first + run->count;
        // Rows whose pages all lie in one run of one size are alike.
        int rows = 1;
        if (!m_facing)
            rows = runEnd - page;
        else if (size == 2 && page + 1 < runEnd)
            rows = (runEnd - page) / 2;
        fn(page, rows, size);
        page += rows * size;
    }
}

void PageLayout::addRows(int firstPage)
{
    forEachRowGroup(firstPage, [this](int first, int rows, int size) { addRun(first, rows, size); });
}

void PageLayout::addRun(int firstPage, int rows, int rowSize)
{
    RowRun run;
    run.firstPage = firstPage;
    run.rows = rows;
    run.rowSize = rowSize;
    run.width = -Gap;
    for (int i = 0; i < rowSize; ++i) {
        const QSizeF page = rotated(pageSize(firstPage + i));
        run.slots[i] = QSize(toPixels(page.width(), m_zoom), toPixels(page.height(), m_zoom));
        run.width += run.slots[i].width() + Gap;
        run.height = std::max(run.height, run.slots[i].height());
    }
    m_pagesLaidOut += rowSize;
    m_contentWidth = std::max(m_contentWidth, run.width + 2 * Margin);
    if (!m_runs.empty() && m_runs.back().sameRowAs(run) && m_runs.back().endPage() == firstPage)
        m_runs.back().rows += rows;
    else
        m_runs.push_back(run);
}

void PageLayout::placeRuns(size_t firstRun)
{
    int y = Margin;
    if (firstRun > 0)
        y = m_runs[firstRun - 1].bottom() + Gap;
    else if (!m_continuous) // one row: centred vertically as well
        y += std::max(0, (m_viewport.height() - m_runs.front().height - 2 * Margin) / 2);
    for (size_t r = firstRun; r < m_runs.size(); ++r) {
        m_runs[r].top = y;
        y = m_runs[r].bottom() + Gap;
    }
    m_contentHeight = m_continuous ? y - Gap + Margin : m_runs.front().height + 2 * Margin;
}

QRect PageLayout::pageRect(int index) const
{
    const RowRun *run = runOf(index);
    if (!run)
        return {};
    const int row = (index - run->firstPage) / run->rowSize;
    const int slot = (index - run->firstPage) % run->rowSize;
    int x = (centringWidth() - run->width) / 2;
    // The slots before this one on screen: those before it in the row, or after it right to left.
    for (int i = 0; i < run->rowSize; ++i) {
        if (m_rightToLeft ? i > slot : i < slot)
            x += run->slots[i].width() + Gap;
    }
    const QSize size = run->slots[slot];
    const int top = run->top + row * (run->height + Gap);
    return {QPoint(x, top + (run->height - size.height()) / 2), size};
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
    const QSizeF upright = pageSize(index);
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

int PageLayout::pageAt(int y) const
{
    if (m_runs.empty())
        return -1;
    // The last row whose top is at or above y + Gap (so the gap above a row belongs to it).
    const auto it = std::upper_bound(
        m_runs.begin(), m_runs.end(), y + Gap, [](int value, const RowRun &run) { return value < run.top; });
    if (it == m_runs.begin())
        return m_runs.front().firstPage;
    const RowRun &run = *std::prev(it);
    const int row = std::clamp((y + Gap - run.top) / (run.height + Gap), 0, run.rows - 1);
    return run.firstPage + row * run.rowSize;
}

int PageLayout::pageNearest(QPoint point) const
{
    const int page = pageAt(point.y());
    if (page < 0)
        return -1;
    // The pages of the row at y and of the rows above and below it.
    const int from = rowOf(std::max(0, page - 1)).first;
    const auto [last, lastSize] = rowOf(std::min(count() - 1, page + rowOf(page).second));
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (int i = from; i < last + lastSize; ++i) {
        const QRect rect = pageRect(i);
        if (rect.isEmpty())
            continue;
        if (const double d = distance(rect, point); d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

std::pair<int, int> PageLayout::pagesBetween(int top, int bottom) const
{
    if (m_runs.empty() || bottom <= top)
        return {-1, -1};
    // The first row whose bottom is below `top`: in the first run that reaches below it.
    const auto first = std::upper_bound(
        m_runs.begin(), m_runs.end(), top, [](int value, const RowRun &run) { return value < run.bottom(); });
    // The last row whose top is above `bottom`: in the last run that starts above it.
    const auto end = std::lower_bound(
        m_runs.begin(), m_runs.end(), bottom, [](const RowRun &run, int value) { return run.top < value; });
    if (first == m_runs.end() || end <= first)
        return {-1, -1};
    const int stride = first->height + Gap;
    const int below = top - first->top - first->height;
    const int firstRow = below < 0 ? 0 : below / stride + 1;
    const RowRun &last = *std::prev(end);
    const int lastRow = std::min(last.rows - 1, (bottom - last.top - 1) / (last.height + Gap));
    const int firstPage = first->firstPage + firstRow * first->rowSize;
    const int lastPage = last.firstPage + lastRow * last.rowSize + last.rowSize - 1;
    if (lastPage < firstPage)
        return {-1, -1};
    return {firstPage, lastPage};
}

double PageLayout::zoomToFitWidth(int viewportWidth) const
{
    if (!m_facing)
        return zoomToFitWidth(m_largest, viewportWidth);
    double zoom = std::numeric_limits<double>::max();
    forEachRowGroup(0, [&](int first, int, int size) {
        zoom = std::min(zoom, zoomToFitWidth(rowPoints(first, size), viewportWidth - (size - 1) * Gap));
    });
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
