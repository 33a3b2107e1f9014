// SPDX-License-Identifier: GPL-3.0-or-later
#include "thumbnailpanel.h"

#include "screenrender.h"
#include "theme.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>
#include <functional>

namespace folio {

using namespace std::chrono_literals;

namespace {

constexpr int SideMargin = 6; // between the panel's edges and a cell
constexpr int Padding = 6; // inside a cell, around the image and the label
constexpr int LabelSpacing = 4; // between the image and its label
constexpr int Spacing = 4; // between cells
constexpr double MaxAspect = 2.0; // a thumbnail is at most this many times as high as wide
// Scrolling events of one burst are coalesced into one scheduling pass at most this often.
constexpr auto ScheduleInterval = 30ms;

const QSizeF FallbackPageSize(595, 842); // A4, for a page whose size is unknown

const QColor FrameColor(0, 0, 0, 60);

} // namespace

ThumbnailPanel::ThumbnailPanel(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_jobs(std::bind_front(&ThumbnailPanel::renderFinished, this))
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setBackgroundRole(QPalette::Base);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    verticalScrollBar()->setSingleStep(40);
    setMinimumWidth(MinThumbnailWidth + 2 * (SideMargin + Padding));
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(ScheduleInterval);
    connect(&m_renderTimer, &QTimer::timeout, this, &ThumbnailPanel::updateRenders);
    m_tops.push_back(SideMargin);
}

// Jobs may outlive the panel: they hold the document; m_jobs cancels them and drops what they
// return.
ThumbnailPanel::~ThumbnailPanel() = default;

void ThumbnailPanel::setDocument(
    std::shared_ptr<SharedDocument> document, QList<QSizeF> pageSizes, const CancellationToken &parent)
{
    m_pageSizes = document ? std::move(pageSizes) : QList<QSizeF>();
    m_jobs.setDocument(std::move(document), parent);
    m_cache.clear();
    m_failures.clear();
    m_currentPage = m_pageSizes.isEmpty() ? -1 : 0;
    relayout();
    verticalScrollBar()->setValue(0);
    viewport()->update();
    scheduleRenders();
}

void ThumbnailPanel::setPageColors(const PageColors &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    // Thumbnails in the old colours go, and so do renders under way (delivered as not current).
    m_jobs.cancelIf([](int, const int &) { return true; });
    m_cache.clear();
    m_failures.clear();
    viewport()->update();
    scheduleRenders();
}

void ThumbnailPanel::appendPages(const QList<QSizeF> &pageSizes)
{
    if (pageSizes.isEmpty() || !m_jobs.document())
        return;
    const int known = pageCount();
    m_pageSizes.append(pageSizes);
    // Cells stack top to bottom: the new ones go below the others, which stay where they are.
    const int label = labelHeight();
    for (int page = known; page < pageCount(); ++page)
        m_tops.push_back(m_tops.back() + cellHeight(page, label) + Spacing);
    updateScrollBars();
    const bool wasEmpty = m_currentPage < 0;
    if (wasEmpty)
        m_currentPage = 0;
    // Drawn and rendered only when a new cell shows.
    const int bottom = verticalScrollBar()->value() + viewport()->height();
    if (wasEmpty || m_tops[size_t(known)] <= bottom) {
        viewport()->update();
        scheduleRenders();
    }
}

// --- layout ----------------------------------------------------------------------------------

int ThumbnailPanel::thumbnailWidth() const
{
    return std::clamp(viewport()->width() - 2 * (SideMargin + Padding), MinThumbnailWidth, ThumbnailWidth);
}

QSize ThumbnailPanel::thumbnailSize(int page) const
{
    QSizeF points = m_pageSizes.value(page);
    if (points.width() <= 0 || points.height() <= 0)
        points = FallbackPageSize;
    const int width = thumbnailWidth();
    const double aspect = points.height() / points.width();
    if (aspect <= MaxAspect)
        return {width, std::max(8, int(std::lround(width * aspect)))};
    // A very tall page (a receipt, a hostile size): as high as allowed, and narrower.
    const int height = int(std::lround(width * MaxAspect));
    return {std::max(8, int(std::lround(height / aspect))), height};
}

int ThumbnailPanel::labelHeight() const
{
    return fontMetrics().height();
}

int ThumbnailPanel::cellHeight(int page) const
{
    return cellHeight(page, labelHeight());
}

int ThumbnailPanel::cellHeight(int page, int labelHeight) const
{
    return Padding + thumbnailSize(page).height() + LabelSpacing + labelHeight + Padding;
}

void ThumbnailPanel::relayout()
{
    const int label = labelHeight();
    m_tops.assign(1, SideMargin);
    m_tops.reserve(size_t(m_pageSizes.size()) + 1);
    for (int page = 0; page < pageCount(); ++page)
        m_tops.push_back(m_tops.back() + cellHeight(page, label) + Spacing);
    updateScrollBars();
}

void ThumbnailPanel::updateScrollBars()
{
    const int content = m_tops.back() - Spacing + SideMargin;
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, std::max(0, content - viewport()->height()));
    bar->setPageStep(std::max(1, viewport()->height()));
}

int ThumbnailPanel::pageAt(int y) const
{
    if (pageCount() == 0)
        return -1;
    // The last cell whose top is at or above y.
    const auto it = std::upper_bound(m_tops.begin(), m_tops.end() - 1, y);
    return std::clamp(int(it - m_tops.begin()) - 1, 0, pageCount() - 1);
}

std::pair<int, int> ThumbnailPanel::pagesBetween(int top, int bottom) const
{
    if (pageCount() == 0 || bottom < top)
        return {-1, -1};
    int first = pageAt(top);
    if (cellRect(first).bottom() < top)
        ++first; // top falls in the spacing below `first`
    const int last = pageAt(bottom);
    if (first > last)
        return {-1, -1};
    return {first, last};
}

QRect ThumbnailPanel::cellRect(int page) const
{
    const int width = thumbnailWidth() + 2 * Padding;
    const int left = std::max(SideMargin, (viewport()->width() - width) / 2);
    return {left, m_tops[size_t(page)], width, cellHeight(page)};
}

QRect ThumbnailPanel::imageRect(int page) const
{
    const QRect cell = cellRect(page);
    const QSize size = thumbnailSize(page);
    return {cell.left() + (cell.width() - size.width()) / 2, cell.top() + Padding, size.width(), size.height()};
}

int ThumbnailPanel::renderWidth(int page) const
{
    return std::max(1, int(std::lround(thumbnailSize(page).width() * viewport()->devicePixelRatioF())));
}

QList<int> ThumbnailPanel::visiblePages() const
{
    const int top = verticalScrollBar()->value();
    const auto [first, last] = pagesBetween(top, top + viewport()->height() - 1);
    QList<int> pages;
    for (int page = first; first >= 0 && page <= last; ++page)
        pages.append(page);
    return pages;
}

QRect ThumbnailPanel::thumbnailRect(int page) const
{
    if (page < 0 || page >= pageCount())
        return {};
    return imageRect(page).translated(0, -verticalScrollBar()->value());
}

bool ThumbnailPanel::isThumbnailRendered(int page) const
{
    return page >= 0 && page < pageCount() && m_cache.contains(page, renderWidth(page));
}

// --- navigation ------------------------------------------------------------------------------

void ThumbnailPanel::setCurrentPage(int page)
{
    if (pageCount() == 0)
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    if (page != m_currentPage) {
        m_currentPage = page;
        viewport()->update();
    }
    ensureCurrentVisible();
}

void ThumbnailPanel::ensureCurrentVisible()
{
    if (pageCount() == 0)
        return;
    // Scroll only when the cell is not wholly in view; then centre it.
    const QRect cell = cellRect(m_currentPage);
    const int top = verticalScrollBar()->value();
    if (cell.top() < top || cell.bottom() >= top + viewport()->height())
        verticalScrollBar()->setValue(cell.center().y() - viewport()->height() / 2);
}

void ThumbnailPanel::activate(int page)
{
    if (page < 0 || page >= pageCount())
        return;
    setCurrentPage(page);
    Q_EMIT pageActivated(page);
}

void ThumbnailPanel::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QPoint content = event->position().toPoint() + QPoint(0, verticalScrollBar()->value());
    const int page = pageAt(content.y());
    if (page >= 0 && cellRect(page).contains(content))
        activate(page);
    event->accept();
}

void ThumbnailPanel::keyPressEvent(QKeyEvent *event)
{
    if (pageCount() == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const int current = std::max(0, m_currentPage);
    // Pages that fit in one screen, for PgUp/PgDn.
    const int perScreen = std::max(1, int(visiblePages().size()) - 1);
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Left:
        activate(current - 1);
        break;
    case Qt::Key_Down:
    case Qt::Key_Right:
        activate(std::min(current + 1, pageCount() - 1));
        break;
    case Qt::Key_PageUp:
        activate(std::max(0, current - perScreen));
        break;
    case Qt::Key_PageDown:
        activate(std::min(current + perScreen, pageCount() - 1));
        break;
    case Qt::Key_Home:
        activate(0);
        break;
    case Qt::Key_End:
        activate(pageCount() - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(current);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

// --- events ----------------------------------------------------------------------------------

void ThumbnailPanel::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
    // The current page was perhaps centred while the panel had no height yet.
    ensureCurrentVisible();
    scheduleRenders();
}

void ThumbnailPanel::scrollContentsBy(int, int)
{
    viewport()->update();
    scheduleRenders();
}

void ThumbnailPanel::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    scheduleRenders();
}

void ThumbnailPanel::hideEvent(QHideEvent *event)
{
    QAbstractScrollArea::hideEvent(event);
    scheduleRenders();
}

void ThumbnailPanel::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        relayout();
        viewport()->update();
    }
}

// --- rendering -------------------------------------------------------------------------------

void ThumbnailPanel::scheduleRenders()
{
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

void ThumbnailPanel::updateRenders()
{
    if (!m_jobs.document())
        return;
    // Hidden, it wants nothing: what runs is superseded.
    const QList<int> wanted = isVisible() ? visiblePages() : QList<int>();
    // Supersede what scrolled away, or is wanted at another size.
    m_jobs.cancelIf([&](int page, int width) { return !wanted.contains(page) || width != renderWidth(page); });
    for (int page : wanted) {
        const int width = renderWidth(page);
        if (m_cache.find(page, width).isNull() && !m_jobs.isRunning(page)) {
            const auto failure = m_failures.find(page);
            if (failure == m_failures.end() || failure->second != width)
                startRender(page, width);
        }
    }
}

void ThumbnailPanel::startRender(int page, int width)
{
    QSizeF points = m_pageSizes.value(page);
    if (points.width() <= 0 || points.height() <= 0)
        points = FallbackPageSize;
    RenderRequest request;
    request.dpi = RenderRequest::dpiForWidth(points, width);
    request.colors = m_colors;
    const qreal ratio = viewport()->devicePixelRatioF();
    m_jobs.start(page, width, [page, request, ratio](Document &document, const CancellationToken &token) {
        return renderForScreen(document, page, request, ratio, token);
    });
}

void ThumbnailPanel::renderFinished(int page, int width, bool current, const RenderJobs::Outcome &outcome)
{
    if (!current)
        return; // superseded
    if (!outcome.value.isNull()) {
        m_cache.insert(page, width, outcome.value);
        viewport()->update();
        Q_EMIT thumbnailRendered(page);
    } else if (outcome.status.code() != StatusCode::Canceled) {
        // A failure (a timeout included) is shown and not retried at this size.
        m_failures[page] = width;
        viewport()->update();
    }
}

// --- painting --------------------------------------------------------------------------------

void ThumbnailPanel::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const int scroll = verticalScrollBar()->value();
    const QRect visible = event->rect().translated(0, scroll);
    const auto [first, last] = pagesBetween(visible.top(), visible.bottom());
    for (int page = first; first >= 0 && page <= last; ++page)
        paintThumbnail(painter, page, cellRect(page).translated(0, -scroll), imageRect(page).translated(0, -scroll));
}

void ThumbnailPanel::paintThumbnail(QPainter &painter, int page, const QRect &cell, const QRect &image)
{
    const bool current = page == m_currentPage;
    if (current) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight));
        painter.drawRoundedRect(QRectF(cell).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.restore();
    }

    const int width = renderWidth(page);
    QImage thumbnail = m_cache.find(page, width);
    if (thumbnail.isNull())
        thumbnail = m_cache.closest(page, width); // from another panel width, scaled meanwhile
    painter.fillRect(image, m_colors.paperColor());
    if (!thumbnail.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(image, thumbnail);
    } else {
        const auto failure = m_failures.find(page);
        const bool failed = failure != m_failures.end() && failure->second == width;
        QFont font = painter.font();
        font.setPointSizeF(font.pointSizeF() * (failed ? 1.0 : 1.6));
        painter.setFont(font);
        painter.setPen(failed ? ErrorTextColor : PlaceholderTextColor);
        const QString text = failed ? tr("Page %1 could not be shown").arg(page + 1) : QString::number(page + 1);
        painter.drawText(image.adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap, text);
        painter.setFont(this->font());
    }
    painter.setPen(FrameColor);
    painter.drawRect(image.adjusted(0, 0, -1, -1));

    const QRect label(cell.left(), image.bottom() + 1 + LabelSpacing, cell.width(), labelHeight());
    painter.setPen(palette().color(current ? QPalette::HighlightedText : QPalette::Text));
    painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, caption(page));
}

void ThumbnailPanel::setPageLabels(const QStringList &labels)
{
    m_labels = labels;
    viewport()->update();
}

QString ThumbnailPanel::caption(int page) const
{
    const QString number = QString::number(page + 1);
    const QString label = m_labels.value(page);
    return label.isEmpty() || label == number ? number : QStringLiteral("%1 (%2)").arg(label, number);
}

} // namespace folio
