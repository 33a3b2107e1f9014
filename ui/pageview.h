// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagecache.h"
#include "pagelayout.h"
#include "shareddocument.h"

#include <QAbstractScrollArea>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>

namespace folio {

// Shows the pages of one document continuously, top to bottom, centred on a grey background.
//
// Only the visible pages plus Prefetch pages below them are rendered, each as its own job on
// renderPool() with its own CancellationSource (linked to the window's shutdown token). A page
// that leaves that set, or whose resolution changes with the zoom, has its job cancelled with
// CancelReason::Superseded. Jobs take the document's gate, so one document renders one page at
// a time; a cancelled job stops waiting at once. Results come back by value to the GUI thread
// and go into a PageCache.
//
// Zoom 1.0 ("100 %") is the physical size on a 96 dpi screen (see PageLayout); pages render at
// 96 × zoom × devicePixelRatio dpi, capped at MaxRenderPixels per page (scaled up beyond).
class PageView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class ZoomMode { Custom, FitWidth, FitPage };
    Q_ENUM(ZoomMode)

    static constexpr double MinZoom = 0.1;
    static constexpr double MaxZoom = 8.0;
    static constexpr int Prefetch = 1;
    static constexpr qint64 MaxRenderPixels = 16'000'000;

    explicit PageView(QWidget *parent = nullptr);
    ~PageView() override;

    // Shows `document`, whose known pages have these sizes (points). Render jobs are linked to
    // `parent`, typically JobRunner::shutdownToken().
    void setDocument(
        std::shared_ptr<SharedDocument> document, QList<QSizeF> pageSizes, const CancellationToken &parent = {});
    // More pages became known (streaming documents).
    void appendPages(const QList<QSizeF> &pageSizes);
    // Zero means renders never time out.
    void setRenderTimeout(std::chrono::milliseconds timeout) { m_renderTimeout = timeout; }

    int pageCount() const { return m_layout.count(); }
    int currentPage() const { return m_currentPage; }
    double zoom() const { return m_layout.zoom(); }
    ZoomMode zoomMode() const { return m_zoomMode; }
    PageCache &cache() { return m_cache; }

    // For tests and diagnostics.
    QList<int> visiblePages() const;
    // Render jobs the view still wants (not cancelled).
    int renderJobsInFlight() const { return int(m_jobs.size()); }
    // Render jobs started and not yet returned, cancelled ones included.
    int liveRenderJobs() const { return m_liveJobs; }
    bool isPageRendered(int page) const;

public Q_SLOTS:
    void setZoom(double zoom);
    void setZoomMode(folio::PageView::ZoomMode mode);
    void zoomIn();
    void zoomOut();
    void actualSize() { setZoom(1.0); }
    void fitWidth() { setZoomMode(ZoomMode::FitWidth); }
    void fitPage() { setZoomMode(ZoomMode::FitPage); }
    void goToPage(int page);
    void nextPage() { goToPage(m_currentPage + 1); }
    void previousPage() { goToPage(m_currentPage - 1); }
    void firstPage() { goToPage(0); }
    void lastPage() { goToPage(pageCount() - 1); }
    // Scrolls one screen down (+1) or up (-1).
    void scrollByScreen(int direction);

Q_SIGNALS:
    void pageRendered(int page);
    void renderFailed(int page, const folio::Status &status);
    void currentPageChanged(int page);
    void zoomChanged(double zoom);
    void zoomModeChanged(folio::PageView::ZoomMode mode);
    void pageCountChanged(int count);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct RenderJob
    {
        quint64 id = 0;
        int resolution = 0;
        std::unique_ptr<CancellationSource> source;
    };
    struct Failure
    {
        int resolution = 0;
        Status status;
    };
    struct RenderOutcome
    {
        QImage image;
        Status status;
    };

    QRect visibleContentRect() const;
    double renderDpi(int page) const;
    int resolutionKey(int page) const;
    void applyZoom(double zoom, QPoint anchor);
    double fittedZoom() const;
    void updateScrollBars();
    void scheduleRenders();
    void updateRenders();
    void startRender(int page, int resolution);
    void renderFinished(int page, int resolution, quint64 id, const RenderOutcome &outcome);
    void cancelRenders(CancelReason reason);
    void updateCurrentPage();
    void setCurrentPage(int page);
    void paintPage(QPainter &painter, int page, const QRect &rect);

    std::shared_ptr<SharedDocument> m_document;
    CancellationToken m_parentToken;
    PageLayout m_layout;
    PageCache m_cache;
    struct Pinned
    {
        int resolution = 0;
        QImage image;
    };
    std::map<int, Pinned> m_pinned; // the wanted pages' images: kept while on screen, whatever the cache evicts
    std::map<int, RenderJob> m_jobs; // by page
    std::map<int, Failure> m_failures;
    quint64 m_nextJobId = 1;
    int m_liveJobs = 0;
    std::chrono::milliseconds m_renderTimeout {0};
    ZoomMode m_zoomMode = ZoomMode::FitWidth;
    int m_currentPage = 0;
    // After goToPage(): the scroll position it set, so the page asked for stays current even
    // when a smaller page below it reaches the probe line.
    int m_navigationScroll = -1;
    QTimer m_renderTimer;
};

} // namespace folio
