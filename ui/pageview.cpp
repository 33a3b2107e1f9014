// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageview.h"

#include "pagefailurebar.h"

#include "screenrender.h"

#include <QScrollBar>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace folio {

namespace {

constexpr std::array ZoomSteps {
    0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0};

// Where the current page is probed: this far down the viewport.
constexpr double CurrentPageProbe = 0.4;

} // namespace

PageView::PageView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_jobs(std::bind_front(&PageView::renderFinished, this))
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    // Always on: a bar that comes and goes would change the width that fit-width fits.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(40);
    horizontalScrollBar()->setSingleStep(40);
    // Coalesces the scroll, resize and zoom events of one burst into one scheduling pass.
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(0);
    connect(&m_renderTimer, &QTimer::timeout, this, &PageView::updateRenders);
    m_failureBar = new PageFailureBar(viewport());
    connect(m_failureBar, &PageFailureBar::retryRequested, this, &PageView::retryPage);
    m_flashTimer.setSingleShot(true);
    m_flashTimer.setInterval(FlashMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashPage = -1;
        viewport()->update();
    });
    connect(&m_text, &PageTextCache::loaded, this, [this](int page) {
        updateSelection();
        if (m_selection.count(page))
            viewport()->update();
    });
}

// Jobs may outlive the view: they hold the document; m_jobs cancels them and drops what they return.
PageView::~PageView() = default;

void PageView::setDocument(const LoadedDocument &document, const CancellationToken &parent)
{
    setDocument(document.document, document.pageSizes, parent, document.summary.capabilities);
}

void PageView::setDocument(std::shared_ptr<SharedDocument> document, QList<QSizeF> pageSizes,
    const CancellationToken &parent, Capabilities capabilities)
{
    m_cache.clear();
    m_pinned.clear();
    m_failures.clear();
    m_retryTimeouts.clear();
    m_capabilities = capabilities;
    m_text.setDocument(hasTextLayout() ? document : nullptr, parent);
    m_links.setDocument(hasLinks() ? document : nullptr, parent);
    m_annotations.setDocument(hasAnnotations() ? document : nullptr, parent);
    m_linkPressed = false;
    m_notePressed = false;
    m_flashPage = -1;
    m_jobs.setDocument(std::move(document), parent);
    m_highlights.clear();
    m_currentHighlightPage = -1;
    m_currentHighlight.clear();
    m_selectionAnchor = m_selectionFocus = {};
    m_selecting = m_panning = false;
    updateSelection();
    viewport()->setMouseTracking(hasTextLayout() || hasLinks());
    viewport()->setCursor(hasTextLayout() ? Qt::ArrowCursor : Qt::OpenHandCursor);
    m_layout.setPageSizes(std::move(pageSizes));
    m_layout.setShownPage(0);
    m_currentPage = 0;
    m_navigationScroll = -1;
    if (m_zoomMode != ZoomMode::Custom)
        m_layout.setZoom(fittedZoom());
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
    scheduleRenders();
    Q_EMIT pageCountChanged(pageCount());
    Q_EMIT zoomChanged(zoom());
    Q_EMIT currentPageChanged(m_currentPage);
}

void PageView::appendPages(const QList<QSizeF> &pageSizes)
{
    if (pageSizes.isEmpty())
        return;
    // Pages come in chunks while a long document is counted: what is on screen is redrawn and
    // rendered again only when the new pages moved it or show (or are the next to prefetch).
    const int known = pageCount();
    const QList<int> visible = visiblePages();
    QList<QRect> before;
    for (int page : visible)
        before.append(m_layout.pageRect(page));
    m_layout.appendPageSizes(pageSizes);
    updateScrollBars();
    bool changed = visible.isEmpty() || visible.last() + Prefetch >= known || visiblePages() != visible;
    for (qsizetype i = 0; !changed && i < visible.size(); ++i)
        changed = m_layout.pageRect(visible[i]) != before[i];
    if (changed) {
        viewport()->update();
        scheduleRenders();
    }
    Q_EMIT pageCountChanged(pageCount());
}

QRect PageView::visibleContentRect() const
{
    return QRect(QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()), viewport()->size());
}

QList<int> PageView::visiblePages() const
{
    const QRect visible = visibleContentRect();
    const auto [first, last] = m_layout.pagesBetween(visible.top(), visible.bottom() + 1);
    QList<int> pages;
    for (int page = first; first >= 0 && page <= last; ++page)
        pages.append(page);
    return pages;
}

bool PageView::isPageRendered(int page) const
{
    return m_cache.contains(page, renderKey(page));
}

QImage PageView::pageImage(int page) const
{
    const RenderKey key = renderKey(page);
    const auto pin = m_pinned.find(page);
    return pin != m_pinned.end() && pin->second.key == key ? pin->second.image : m_cache.peek(page, key);
}

QRect PageView::pageRect(int page) const
{
    const QRect rect = m_layout.pageRect(page);
    return rect.isEmpty() ? QRect() : rect.translated(-visibleContentRect().topLeft());
}

QPointF PageView::pageToViewport(int page, QPointF points) const
{
    return m_layout.pageTransform(page).map(points) - visibleContentRect().topLeft();
}

QPointF PageView::viewportToPage(int page, QPointF position) const
{
    return m_layout.pageTransform(page).inverted().map(position + visibleContentRect().topLeft());
}

double PageView::renderDpi(int page) const
{
    const double dpi = 96.0 * zoom() * viewport()->devicePixelRatioF();
    const QSizeF points = m_layout.pageSize(page);
    const double pixels = points.width() * points.height() * (dpi / 72.0) * (dpi / 72.0);
    if (pixels <= MaxRenderPixels || pixels <= 0)
        return dpi;
    return dpi * std::sqrt(double(MaxRenderPixels) / pixels);
}

RenderKey PageView::renderKey(int page) const
{
    return {rotation(), int(std::lround(renderDpi(page) * 100)), colorsKey(m_colors)};
}

quint64 PageView::colorsKey(const PageColors &colors)
{
    // Mode (3 bits) and keepPictures; the custom paper and ink (24 bits each) only where used.
    quint64 key = quint64(colors.mode) | (colors.keepPictures ? 0x8 : 0);
    if (colors.mode == PageColors::Mode::Custom)
        key |= (quint64(colors.paper.rgb() & 0xffffff) << 4) | (quint64(colors.ink.rgb() & 0xffffff) << 28);
    return colors.isNormal() ? 0 : key;
}

void PageView::setPageColors(const PageColors &colors)
{
    if (colorsKey(colors) == colorsKey(m_colors))
        return;
    m_colors = colors;
    m_failures.clear();
    viewport()->update();
    scheduleRenders();
    Q_EMIT pageColorsChanged(m_colors);
}

// --- zoom ------------------------------------------------------------------------------------

void PageView::setZoom(double zoom)
{
    m_zoomMode = ZoomMode::Custom;
    Q_EMIT zoomModeChanged(m_zoomMode);
    applyZoom(zoom, viewport()->rect().center());
}

void PageView::zoomToArea(const QRect &area)
{
    if (area.width() < MinZoomArea || area.height() < MinZoomArea || pageCount() == 0)
        return;
    const double factor = std::min(
        viewport()->width() / double(area.width()), viewport()->height() / double(area.height()));
    const Anchor centre = anchorAt(area.center(), -1, false);
    m_zoomMode = ZoomMode::Custom;
    Q_EMIT zoomModeChanged(m_zoomMode);
    applyZoom(zoom() * factor, area.center());
    // The area's centre to the viewport's.
    restoreAnchor({centre.page, centre.points, viewport()->rect().center()});
    scheduleRenders();
}

void PageView::setZoomMode(ZoomMode mode)
{
    m_zoomMode = mode;
    Q_EMIT zoomModeChanged(mode);
    if (mode == ZoomMode::Custom)
        return;
    const int page = m_currentPage;
    applyZoom(fittedZoom(), viewport()->rect().center());
    if (mode == ZoomMode::FitPage)
        goToPage(page);
}

void PageView::zoomIn()
{
    const double current = zoom();
    const auto next = std::find_if(ZoomSteps.begin(), ZoomSteps.end(), [&](double z) { return z > current * 1.01; });
    setZoom(next != ZoomSteps.end() ? *next : MaxZoom);
}

void PageView::zoomOut()
{
    const double current = zoom();
    const auto next = std::find_if(ZoomSteps.rbegin(), ZoomSteps.rend(), [&](double z) { return z < current / 1.01; });
    setZoom(next != ZoomSteps.rend() ? *next : MinZoom);
}

double PageView::fittedZoom() const
{
    if (pageCount() == 0)
        return 1.0;
    double fitted = 1.0;
    if (m_zoomMode == ZoomMode::FitWidth)
        fitted = m_layout.zoomToFitWidth(viewport()->width());
    else
        fitted = m_layout.zoomToFit(std::max(0, m_currentPage), viewport()->size());
    return std::clamp(fitted, MinZoom, MaxZoom);
}

PageView::Anchor PageView::anchorAt(QPoint position, int page, bool clampToPage) const
{
    const QPoint content = position + visibleContentRect().topLeft();
    if (page < 0 || m_layout.pageRect(page).isEmpty())
        page = m_layout.pageNearest(content);
    if (page < 0)
        return {};
    QPointF points = m_layout.pageTransform(page).inverted().map(QPointF(content));
    if (clampToPage) {
        const QSizeF size = m_layout.pageSize(page);
        points = QPointF(std::clamp(points.x(), 0.0, size.width()), std::clamp(points.y(), 0.0, size.height()));
    }
    return {page, points, position};
}

void PageView::restoreAnchor(const Anchor &anchor)
{
    if (anchor.page < 0 || m_layout.pageRect(anchor.page).isEmpty())
        return;
    const QPointF content = m_layout.pageTransform(anchor.page).map(anchor.points);
    horizontalScrollBar()->setValue(int(std::lround(content.x())) - anchor.position.x());
    verticalScrollBar()->setValue(int(std::lround(content.y())) - anchor.position.y());
}

void PageView::applyZoom(double newZoom, QPoint anchor)
{
    newZoom = std::clamp(newZoom, MinZoom, MaxZoom);
    if (std::abs(newZoom - zoom()) < 1e-6 || pageCount() == 0) {
        m_layout.setZoom(newZoom);
        Q_EMIT zoomChanged(zoom());
        return;
    }
    // Keep the point of the page under `anchor` where it is.
    const Anchor before = anchorAt(anchor, -1, false);
    m_layout.setZoom(newZoom);
    m_failures.clear(); // a new zoom is a new chance
    updateScrollBars();
    restoreAnchor(before);
    m_navigationScroll = -1;
    viewport()->update();
    scheduleRenders();
    Q_EMIT zoomChanged(zoom());
}

void PageView::relayout(const std::function<void()> &change)
{
    const int page = m_currentPage;
    const Anchor anchor = anchorAt(viewport()->rect().center(), page, true);
    const double oldZoom = zoom();
    m_layout.setShownPage(page);
    change();
    if (m_zoomMode != ZoomMode::Custom)
        m_layout.setZoom(fittedZoom());
    m_failures.clear();
    updateScrollBars();
    restoreAnchor(anchor);
    // The page stays current even where another one reaches the probe line.
    setCurrentPage(page);
    m_navigationScroll = verticalScrollBar()->value();
    m_wheelAtEdge = 0;
    viewport()->update();
    scheduleRenders();
    if (zoom() != oldZoom)
        Q_EMIT zoomChanged(zoom());
}

void PageView::setRotation(int degrees)
{
    const int old = rotation();
    if ((((degrees / 90 * 90) - old) % 360) == 0)
        return;
    relayout([&] { m_layout.setRotation(degrees); });
    Q_EMIT rotationChanged(rotation());
}

void PageView::setContinuous(bool continuous)
{
    if (continuous == isContinuous())
        return;
    relayout([&] { m_layout.setContinuous(continuous); });
    Q_EMIT continuousChanged(continuous);
}

void PageView::setFacing(bool facing)
{
    if (facing == isFacing())
        return;
    relayout([&] { m_layout.setFacing(facing); });
    Q_EMIT facingChanged(facing);
}

void PageView::setCoverAlone(bool alone)
{
    if (alone == isCoverAlone())
        return;
    relayout([&] { m_layout.setCoverAlone(alone); });
    Q_EMIT bookLayoutChanged();
}

void PageView::setRightToLeft(bool rightToLeft)
{
    if (rightToLeft == isRightToLeft())
        return;
    m_layout.setRightToLeft(rightToLeft);
    viewport()->update();
    Q_EMIT bookLayoutChanged();
}

// --- navigation ------------------------------------------------------------------------------

void PageView::goToPage(int page)
{
    if (pageCount() == 0)
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    if (!isContinuous()) {
        showPage(page, false);
        return;
    }
    const QRect rect = m_layout.pageRect(page);
    verticalScrollBar()->setValue(rect.top() - PageLayout::Gap / 2);
    m_navigationScroll = verticalScrollBar()->value();
    setCurrentPage(page);
}

void PageView::nextPage()
{
    const auto [first, size] = m_layout.rowOf(m_currentPage);
    if (first + size < pageCount())
        goToPage(first + size);
}

void PageView::previousPage()
{
    const int first = m_layout.rowOf(m_currentPage).first;
    if (first > 0)
        goToPage(first - 1);
}

void PageView::showPage(int page, bool atBottom)
{
    // Not continuous: lay out the page's row alone, at its top or bottom.
    m_layout.setShownPage(page);
    if (m_zoomMode == ZoomMode::FitPage)
        m_layout.setZoom(fittedZoom());
    updateScrollBars();
    verticalScrollBar()->setValue(atBottom ? verticalScrollBar()->maximum() : 0);
    m_wheelAtEdge = 0;
    setCurrentPage(page);
    viewport()->update();
    scheduleRenders();
}

bool PageView::turnPageAtEdge(int direction)
{
    // Not continuous and scrolled to the page's end: turn to the next (previous) page.
    if (isContinuous() || pageCount() == 0)
        return false;
    const QScrollBar *bar = verticalScrollBar();
    const auto [first, size] = m_layout.rowOf(m_currentPage);
    if (direction > 0 && bar->value() >= bar->maximum() && first + size < pageCount()) {
        showPage(first + size, false);
        return true;
    }
    if (direction < 0 && bar->value() <= bar->minimum() && first > 0) {
        showPage(first - 1, true);
        return true;
    }
    return false;
}

void PageView::scrollByScreen(int direction)
{
    if (turnPageAtEdge(direction))
        return;
    verticalScrollBar()->triggerAction(
        direction > 0 ? QAbstractSlider::SliderPageStepAdd : QAbstractSlider::SliderPageStepSub);
}

void PageView::setCurrentPage(int page)
{
    if (page != m_currentPage) {
        m_currentPage = page;
        Q_EMIT currentPageChanged(page);
    }
}

void PageView::updateCurrentPage()
{
    if (pageCount() == 0 || !isContinuous())
        return; // not continuous: the shown page is current
    QScrollBar *bar = verticalScrollBar();
    if (bar->value() == m_navigationScroll)
        return; // still where goToPage() put it
    m_navigationScroll = -1;
    if (bar->value() >= bar->maximum() && bar->maximum() > 0) {
        // At the very end the last page may never reach the probe line.
        const QList<int> visible = visiblePages();
        if (!visible.isEmpty() && m_layout.pageRect(visible.last()).bottom() <= visibleContentRect().bottom()) {
            setCurrentPage(visible.last());
            return;
        }
    }
    setCurrentPage(m_layout.pageAt(bar->value() + int(viewport()->height() * CurrentPageProbe)));
}

// --- events ----------------------------------------------------------------------------------

void PageView::updateScrollBars()
{
    m_layout.setViewportSize(viewport()->size());
    const QSize content = m_layout.contentSize();
    const QSize view = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, content.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setRange(0, std::max(0, content.height() - view.height()));
    // A screen minus a little overlap, so the reader keeps a line of context.
    verticalScrollBar()->setPageStep(std::max(1, view.height() - 40));
}

void PageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_zoomMode != ZoomMode::Custom && pageCount() > 0) {
        const int page = m_currentPage;
        m_layout.setViewportSize(viewport()->size());
        applyZoom(fittedZoom(), QPoint(viewport()->width() / 2, 0));
        if (m_zoomMode == ZoomMode::FitPage)
            goToPage(page);
    }
    updateScrollBars();
    scheduleRenders();
}

void PageView::scrollContentsBy(int, int)
{
    viewport()->update();
    updateFailureBar();
    updateCurrentPage();
    scheduleRenders();
    Q_EMIT placesChanged();
}

// --- rendering -------------------------------------------------------------------------------

void PageView::scheduleRenders()
{
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

void PageView::updateRenders()
{
    if (!m_jobs.document())
        return;
    QList<int> wanted = visiblePages();
    // Prefetch only once every visible page is on screen: they come first.
    const bool visibleDone = std::all_of(wanted.begin(), wanted.end(), [this](int page) {
        const RenderKey key = renderKey(page);
        const auto failure = m_failures.find(page);
        return m_cache.contains(page, key) || (failure != m_failures.end() && failure->second.key == key);
    });
    QList<int> prefetch;
    for (int page = wanted.isEmpty() ? pageCount() : wanted.last() + 1;
         page < pageCount() && prefetch.size() < Prefetch; ++page)
        prefetch.append(page);
    // A prefetch already running keeps going; a new one waits for the visible pages.
    for (int page : std::as_const(prefetch)) {
        if (visibleDone || m_jobs.isRunning(page) || m_cache.contains(page, renderKey(page)))
            wanted.append(page);
    }
    // Supersede what is no longer wanted, or wanted at another resolution.
    m_jobs.cancelIf([&](int page, const RenderKey &key) { return !wanted.contains(page) || key != renderKey(page); });
    std::map<int, Pinned> pinned;
    for (int page : std::as_const(wanted)) {
        const RenderKey key = renderKey(page);
        if (const QImage image = m_cache.find(page, key); !image.isNull()) {
            pinned[page] = {key, image};
            continue;
        }
        if (const auto pin = m_pinned.find(page); pin != m_pinned.end() && pin->second.key == key) {
            // Evicted from the cache while on screen: put it back rather than render it again.
            m_cache.insert(page, key, pin->second.image);
            pinned[page] = pin->second;
            continue;
        }
        const auto failure = m_failures.find(page);
        if (failure != m_failures.end() && failure->second.key == key)
            continue;
        if (!m_jobs.isRunning(page))
            startRender(page, key);
    }
    m_pinned = std::move(pinned);
    // Words load after the pictures: they must not hold up what the reader waits to see.
    updateTextWanted(visibleDone);
    updateFailureBar();
    Q_EMIT placesChanged();
}

void PageView::updateFailureBar()
{
    const QRect view = viewport()->rect();
    for (int page : visiblePages()) {
        const auto failure = m_failures.find(page);
        if (failure == m_failures.end() || failure->second.key != renderKey(page))
            continue;
        // Over the part of the page on screen, at its top: where the reader is looking.
        const QRect visible = pageRect(page).intersected(view);
        if (visible.isEmpty())
            continue;
        const auto retried = m_retryTimeouts.find(page);
        m_failureBar->setFailure(
            page, failure->second.status, retried != m_retryTimeouts.end() ? retried->second : m_jobs.timeout());
        const int width = std::min(visible.width(), std::max(360, visible.width() - 16));
        const int height = m_failureBar->heightForWidth(width) > 0 ? m_failureBar->heightForWidth(width)
                                                                   : m_failureBar->sizeHint().height();
        m_failureBar->setGeometry(visible.left() + (visible.width() - width) / 2, visible.top() + 8, width,
            std::min(height, visible.height()));
        m_failureBar->show();
        m_failureBar->raise();
        return;
    }
    m_failureBar->hide();
}

void PageView::retryPage(int page, std::chrono::milliseconds timeout)
{
    m_failures.erase(page);
    m_retryTimeouts[page] = timeout;
    m_failureBar->hide();
    viewport()->update();
    scheduleRenders();
}

void PageView::startRender(int page, RenderKey key)
{
    RenderRequest request;
    request.dpi = renderDpi(page);
    request.rotation = key.rotation;
    request.colors = m_colors;
    const qreal ratio = viewport()->devicePixelRatioF();
    const auto retried = m_retryTimeouts.find(page);
    m_jobs.start(
        page, key,
        [page, request, ratio](Document &document, const CancellationToken &token) {
            return renderForScreen(document, page, request, ratio, token);
        },
        retried != m_retryTimeouts.end() ? std::optional(retried->second) : std::nullopt);
}

void PageView::renderFinished(int page, RenderKey key, bool current, const RenderJobs::Outcome &outcome)
{
    if (!outcome.value.isNull()) {
        m_retryTimeouts.erase(page);
        m_cache.insert(page, key, outcome.value);
        if (key == renderKey(page)) {
            m_pinned[page] = {key, outcome.value};
            viewport()->update();
            Q_EMIT pageRendered(page);
        }
    } else if (current && outcome.status.code() != StatusCode::Canceled) {
        // A failure (a timeout included) stays on the page until the zoom changes.
        m_failures[page] = {key, outcome.status};
        viewport()->update();
        Q_EMIT renderFailed(page, outcome.status);
    }
    scheduleRenders();
}

} // namespace folio
