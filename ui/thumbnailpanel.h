// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagecache.h"
#include "pagejobs.h"

#include <QAbstractScrollArea>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>
#include <vector>

namespace folio {

// A column of small page images with the page number under each, for the side bar.
//
// Painted, not built from widgets: a 10,000-page document costs one offset per page. Only the
// thumbnails on screen are rendered, each as its own job (see PageJobs: on renderPool(), linked
// to the parent token); a thumbnail that scrolls away before its job got the document's gate is
// cancelled with CancelReason::Superseded. Pages not rendered yet show a placeholder with their
// number. Rendered thumbnails stay in a small PageCache. A hidden panel (the side bar shows
// another tab) renders nothing. GUI thread only.
class ThumbnailPanel : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // Widest a thumbnail is drawn, in device-independent pixels; a narrower panel shrinks them.
    static constexpr int ThumbnailWidth = 150;
    static constexpr int MinThumbnailWidth = 48;
    static constexpr qint64 CacheBudget = 24LL * 1024 * 1024;

    explicit ThumbnailPanel(QWidget *parent = nullptr);
    ~ThumbnailPanel() override;

    // Shows the pages of `document`, whose known pages have these sizes (points). Render jobs are
    // linked to `parent`, typically JobRunner::shutdownToken(). A null document clears the panel.
    void setDocument(
        std::shared_ptr<SharedDocument> document, QList<QSizeF> pageSizes, const CancellationToken &parent = {});
    // More pages became known (streaming documents): lays out only the new cells, and redraws
    // only when one of them shows.
    void appendPages(const QList<QSizeF> &pageSizes);
    // Zero (the default) means thumbnail renders never time out.
    void setRenderTimeout(std::chrono::milliseconds timeout) { m_jobs.setTimeout(timeout); }

    int pageCount() const { return int(m_pageSizes.size()); }
    // Captions: the pages' own labels ("iv") where the document has them, else their numbers.
    void setPageLabels(const QStringList &labels);
    // Thumbnails in the pages' night mode or paper colours, as the pages show.
    void setPageColors(const folio::PageColors &colors);
    // The caption under page `page`'s thumbnail.
    QString caption(int page) const;
    int currentPage() const { return m_currentPage; }

    // For tests and diagnostics.
    QList<int> visiblePages() const;
    // Where page `page`'s image is drawn, in viewport coordinates.
    QRect thumbnailRect(int page) const;
    bool isThumbnailRendered(int page) const;
    // Jobs the panel still wants (not cancelled), and every job started since setDocument().
    int renderJobsInFlight() const { return m_jobs.count(); }
    int renderJobsStarted() const { return m_jobs.startedCount(); }

public Q_SLOTS:
    // Highlights `page` and scrolls it into view. Does not emit pageActivated().
    void setCurrentPage(int page);

Q_SIGNALS:
    // The user clicked a thumbnail or moved to it with the keyboard.
    void pageActivated(int page);
    void thumbnailRendered(int page);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // Keyed by the width in device pixels, the cache key.
    using RenderJobs = PageJobs<int, QImage>;

    // Layout, in content coordinates (y grows down the whole list).
    int thumbnailWidth() const;
    QSize thumbnailSize(int page) const;
    int cellHeight(int page) const;
    int cellHeight(int page, int labelHeight) const;
    int labelHeight() const;
    void relayout();
    void updateScrollBars();
    int pageAt(int y) const;
    std::pair<int, int> pagesBetween(int top, int bottom) const;
    QRect cellRect(int page) const; // content coordinates
    QRect imageRect(int page) const; // content coordinates
    int renderWidth(int page) const;

    void activate(int page);
    void ensureCurrentVisible();
    void scheduleRenders();
    void updateRenders();
    void startRender(int page, int width);
    void renderFinished(int page, int width, bool current, const RenderJobs::Outcome &outcome);
    void paintThumbnail(QPainter &painter, int page, const QRect &cell, const QRect &image);

    QList<QSizeF> m_pageSizes;
    std::vector<int> m_tops; // m_tops[i]: top of page i's cell; one more entry: the content height
    PageCache m_cache {CacheBudget};
    folio::PageColors m_colors;
    std::map<int, int> m_failures; // page -> width that failed, not retried at that width
    int m_currentPage = -1;
    QStringList m_labels;
    QTimer m_renderTimer;
    // Last, so destroyed first: no thumbnail is delivered into a panel half destroyed.
    RenderJobs m_jobs;
};

} // namespace folio
