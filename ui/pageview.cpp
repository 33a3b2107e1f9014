// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageview.h"

#include "workerpool.h"

#include <QFutureWatcher>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>

namespace folio {

using namespace std::chrono_literals;

namespace {

constexpr std::array ZoomSteps {
    0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0};

// Where the current page is probed: this far down the viewport.
constexpr double CurrentPageProbe = 0.4;

const QColor BackgroundColor(0xc8, 0xcb, 0xcf);
const QColor PlaceholderTextColor(0x8a, 0x8f, 0x96);
const QColor ErrorTextColor(0xb0, 0x2a, 0x2a);

void drawShadow(QPainter &painter, const QRect &rect)
{
    // Concentric translucent layers, offset downwards: a soft shadow without a blur pass.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int i = 6; i >= 1; --i) {
        painter.setBrush(QColor(0, 0, 0, 7 + 3 * (6 - i)));
        painter.drawRoundedRect(QRectF(rect).adjusted(-i, -i + 2, i, i + 3), i + 1.0, i + 1.0);
    }
    painter.restore();
}

} // namespace

PageView::PageView(QWidget *parent)
    : QAbstractScrollArea(parent)
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
}

PageView::~PageView()
{
    // Jobs may outlive the view: they hold the document, the watchers die with us.
    cancelRenders(CancelReason::Superseded);
}

void PageView::setDocument(
    std::shared_ptr<SharedDocument> document, QList<QSizeF> pageSizes, const CancellationToken &parent)
{
    cancelRenders(CancelReason::Superseded);
    m_cache.clear();
    m_pinned.clear();
    m_failures.clear();
    m_document = std::move(document);
    m_parentToken = parent;
    m_layout.setPageSizes(std::move(pageSizes));
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
    m_layout.appendPageSizes(pageSizes);
    updateScrollBars();
    viewport()->update();
    scheduleRenders();
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
    return m_cache.contains(page, resolutionKey(page));
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

int PageView::resolutionKey(int page) const
{
    return int(std::lround(renderDpi(page) * 100));
}

// --- zoom ------------------------------------------------------------------------------------

void PageView::setZoom(double zoom)
{
    m_zoomMode = ZoomMode::Custom;
    Q_EMIT zoomModeChanged(m_zoomMode);
    applyZoom(zoom, viewport()->rect().center());
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
        fitted = PageLayout::zoomToFitWidth(m_layout.largestPageSize(), viewport()->width());
    else
        fitted = PageLayout::zoomToFit(m_layout.pageSize(std::max(0, m_currentPage)), viewport()->size());
    return std::clamp(fitted, MinZoom, MaxZoom);
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
    const QPoint content = anchor + visibleContentRect().topLeft();
    const int page = m_layout.pageAt(content.y());
    const QRect before = m_layout.pageRect(page);
    const double relX = before.width() > 0 ? double(content.x() - before.left()) / before.width() : 0.5;
    const double relY = before.height() > 0 ? double(content.y() - before.top()) / before.height() : 0.0;

    m_layout.setZoom(newZoom);
    m_failures.clear();
    updateScrollBars();
    const QRect after = m_layout.pageRect(page);
    horizontalScrollBar()->setValue(int(after.left() + relX * after.width()) - anchor.x());
    verticalScrollBar()->setValue(int(after.top() + relY * after.height()) - anchor.y());
    m_navigationScroll = -1;
    viewport()->update();
    scheduleRenders();
    Q_EMIT zoomChanged(zoom());
}

// --- navigation ------------------------------------------------------------------------------

void PageView::goToPage(int page)
{
    if (pageCount() == 0)
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    const QRect rect = m_layout.pageRect(page);
    verticalScrollBar()->setValue(rect.top() - PageLayout::Gap / 2);
    m_navigationScroll = verticalScrollBar()->value();
    setCurrentPage(page);
}

void PageView::scrollByScreen(int direction)
{
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
    if (pageCount() == 0)
        return;
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
    m_layout.setViewportWidth(viewport()->width());
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
        m_layout.setViewportWidth(viewport()->width());
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
    updateCurrentPage();
    scheduleRenders();
}

void PageView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space:
        scrollByScreen(event->modifiers() & Qt::ShiftModifier ? -1 : 1);
        return;
    case Qt::Key_Home:
        firstPage();
        return;
    case Qt::Key_End:
        lastPage();
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void PageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0) {
            m_zoomMode = ZoomMode::Custom;
            Q_EMIT zoomModeChanged(m_zoomMode);
            applyZoom(zoom() * std::pow(1.1, delta / 120.0), event->position().toPoint());
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

// --- rendering -------------------------------------------------------------------------------

void PageView::scheduleRenders()
{
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

void PageView::updateRenders()
{
    if (!m_document)
        return;
    QList<int> wanted = visiblePages();
    // Prefetch only once every visible page is on screen: they come first.
    const bool visibleDone = std::all_of(wanted.begin(), wanted.end(), [this](int page) {
        const int resolution = resolutionKey(page);
        const auto failure = m_failures.find(page);
        return m_cache.contains(page, resolution)
            || (failure != m_failures.end() && failure->second.resolution == resolution);
    });
    QList<int> prefetch;
    for (int page = wanted.isEmpty() ? pageCount() : wanted.last() + 1;
         page < pageCount() && prefetch.size() < Prefetch; ++page)
        prefetch.append(page);
    // A prefetch already running keeps going; a new one waits for the visible pages.
    for (int page : std::as_const(prefetch)) {
        if (visibleDone || m_jobs.count(page) || m_cache.contains(page, resolutionKey(page)))
            wanted.append(page);
    }
    // Supersede what is no longer wanted, or wanted at another resolution.
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (!wanted.contains(it->first) || it->second.resolution != resolutionKey(it->first)) {
            it->second.source->cancel(CancelReason::Superseded);
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    std::map<int, Pinned> pinned;
    for (int page : std::as_const(wanted)) {
        const int resolution = resolutionKey(page);
        if (const QImage image = m_cache.find(page, resolution); !image.isNull()) {
            pinned[page] = {resolution, image};
            continue;
        }
        if (const auto pin = m_pinned.find(page); pin != m_pinned.end() && pin->second.resolution == resolution) {
            // Evicted from the cache while on screen: put it back rather than render it again.
            m_cache.insert(page, resolution, pin->second.image);
            pinned[page] = pin->second;
            continue;
        }
        const auto failure = m_failures.find(page);
        if (failure != m_failures.end() && failure->second.resolution == resolution)
            continue;
        if (m_jobs.count(page) == 0)
            startRender(page, resolution);
    }
    m_pinned = std::move(pinned);
}

void PageView::startRender(int page, int resolution)
{
    RenderJob job;
    job.id = m_nextJobId++;
    job.resolution = resolution;
    job.source = std::make_unique<CancellationSource>(m_parentToken);
    if (m_renderTimeout > 0ms)
        job.source->cancelAfter(m_renderTimeout);

    RenderRequest request;
    request.dpi = renderDpi(page);
    const qreal ratio = viewport()->devicePixelRatioF();
    // The job owns everything it touches: the shared document, the request, the token.
    auto work = [document = m_document, page, request, ratio, token = job.source->token()]() -> RenderOutcome {
        try {
            DocumentGate::Lock lock = document->gate().acquire(token);
            if (!lock)
                return {{}, Status::fromToken(token)};
            Result<QImage> image = document->document().render(page, request, token);
            lock.release();
            if (!image)
                return {{}, image.status()};
            QImage result = std::move(image).value();
            result.setDevicePixelRatio(ratio);
            return {std::move(result), {}};
        } catch (const std::exception &error) {
            return {{}, Status(StatusCode::IoError, QString::fromLocal8Bit(error.what()))};
        }
    };
    auto *watcher = new QFutureWatcher<RenderOutcome>(this);
    const quint64 id = job.id;
    connect(watcher, &QFutureWatcher<RenderOutcome>::finished, this, [this, watcher, page, resolution, id] {
        watcher->deleteLater();
        --m_liveJobs;
        renderFinished(page, resolution, id, watcher->result());
    });
    ++m_liveJobs;
    m_jobs[page] = std::move(job);
    watcher->setFuture(QtConcurrent::run(renderPool(), std::move(work)));
}

void PageView::renderFinished(int page, int resolution, quint64 id, const RenderOutcome &outcome)
{
    const auto it = m_jobs.find(page);
    const bool current = it != m_jobs.end() && it->second.id == id;
    if (current)
        m_jobs.erase(it);
    if (!outcome.image.isNull()) {
        m_cache.insert(page, resolution, outcome.image);
        if (resolution == resolutionKey(page)) {
            m_pinned[page] = {resolution, outcome.image};
            viewport()->update();
            Q_EMIT pageRendered(page);
        }
    } else if (current && outcome.status.code() != StatusCode::Canceled) {
        // A failure (a timeout included) stays on the page until the zoom changes.
        m_failures[page] = {resolution, outcome.status};
        viewport()->update();
        Q_EMIT renderFailed(page, outcome.status);
    }
    scheduleRenders();
}

void PageView::cancelRenders(CancelReason reason)
{
    for (auto &[page, job] : m_jobs)
        job.source->cancel(reason);
    m_jobs.clear();
}

// --- painting --------------------------------------------------------------------------------

void PageView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), BackgroundColor);
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter.setFont(font);
    const QRect visible = visibleContentRect();
    const auto [first, last] = m_layout.pagesBetween(visible.top() - 8, visible.bottom() + 8);
    for (int page = first; first >= 0 && page <= last; ++page) {
        const QRect rect = m_layout.pageRect(page).translated(-visible.topLeft());
        if (rect.adjusted(-8, -8, 8, 8).intersects(event->rect()))
            paintPage(painter, page, rect);
    }
}

void PageView::paintPage(QPainter &painter, int page, const QRect &rect)
{
    drawShadow(painter, rect);
    const int resolution = resolutionKey(page);
    QImage image = m_cache.find(page, resolution);
    if (image.isNull()) {
        if (const auto pin = m_pinned.find(page); pin != m_pinned.end() && pin->second.resolution == resolution)
            image = pin->second.image;
    }
    if (!image.isNull()) {
        if (image.deviceIndependentSize().toSize() == rect.size()) {
            painter.drawImage(rect.topLeft(), image);
        } else {
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.drawImage(rect, image);
        }
        return;
    }
    painter.fillRect(rect, Qt::white);
    const auto failure = m_failures.find(page);
    const bool failed = failure != m_failures.end() && failure->second.resolution == resolution;
    // A sharper or blurrier version from another zoom is better than a blank page.
    const QImage preview = m_cache.closest(page, resolution);
    if (!preview.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(rect, preview);
    }
    if (failed) {
        const QString text = tr("Page %1 could not be shown\n%2").arg(page + 1).arg(failure->second.status.message());
        if (!preview.isNull()) {
            // Over a preview, a banner at the top says why it stays blurry.
            const QRect banner(rect.left(), rect.top(), rect.width(),
                std::min(rect.height(), 2 * painter.fontMetrics().lineSpacing() + 16));
            painter.fillRect(banner, QColor(255, 244, 244, 235));
            painter.setPen(ErrorTextColor);
            painter.drawText(banner.adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, text);
            return;
        }
        painter.setPen(ErrorTextColor);
        painter.drawText(rect.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }
    if (preview.isNull()) {
        painter.setPen(PlaceholderTextColor);
        painter.drawText(rect.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, tr("Rendering…"));
    }
}

} // namespace folio
