// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagejobs.h"

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <map>
#include <memory>

class QScreen;

namespace folio {

// Presentation mode: one page (slide) at a time, fitted to a full screen on black, for a talk.
//
// Keys: Right, Down, Space, Page Down, Enter and N go forward; Left, Up, Backspace, Page Up and P
// back; Home and End to the ends; digits then Enter to a page; B and W (and the period) blank the
// screen black or white until pressed again or the page turns; T hides or shows the clock; Esc
// leaves. The left mouse button goes forward, the right back, the wheel one page per notch.
//
// The page shown renders first, then the next and the previous one, each as its own job (see
// PageJobs) at the screen's resolution, so turning a page shows an image already made. Pages
// further away have their jobs cancelled (CancelReason::Superseded) and their images dropped.
// The jobs are linked to the token the view is given (the tab's lifetime), so closing the tab
// ends them. GUI thread only; the jobs touch only the shared document under its gate.
class PresentationView : public QWidget
{
    Q_OBJECT
public:
    enum class Blank { None, Black, White };
    Q_ENUM(Blank)

    struct Source
    {
        std::shared_ptr<SharedDocument> document;
        QList<QSizeF> pageSizes; // points, upright, one per page
        int rotation = 0; // clockwise degrees
        PageColors colors;
        std::chrono::milliseconds timeout {0}; // per render job, zero for none
        CancellationToken parent;
    };

    // A top-level window (Qt::Window) even with a parent: give the tab's view, so the
    // presentation ends with the tab.
    PresentationView(Source source, int page, QWidget *parent = nullptr);
    ~PresentationView() override;

    // Shows the view full screen on `screen` (the parent's when null) and starts the clock.
    void start(QScreen *screen = nullptr);

    int currentPage() const { return m_page; }
    int pageCount() const { return int(m_source.pageSizes.size()); }
    Blank blank() const { return m_blank; }
    // The image made for `page` at the current screen size; null while it renders or when it is
    // not kept (only the current page and its neighbours are).
    QImage pageImage(int page) const;
    bool isPageReady(int page) const { return !pageImage(page).isNull(); }
    // Render jobs the view still wants.
    int renderJobsInFlight() const { return m_jobs.count(); }
    std::chrono::milliseconds elapsed() const { return std::chrono::milliseconds(m_clock.elapsed()); }
    bool isClockVisible() const { return m_clockVisible; }
    // Where the page is drawn, in widget coordinates.
    QRect pageRect() const;
    // The screen's resolution the pages are rendered at: device pixels per point.
    QSize targetSize(int page) const;

public Q_SLOTS:
    void goToPage(int page);
    void next();
    void previous();
    void first() { goToPage(0); }
    void last() { goToPage(pageCount() - 1); }
    void setBlank(folio::PresentationView::Blank blank);

Q_SIGNALS:
    void currentPageChanged(int page);
    // The presentation ended (Esc, or the window closed) on `page`.
    void finished(int page);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    using RenderJobs = PageJobs<QSize, QImage>;
    void scheduleRenders();
    void renderFinished(int page, QSize key, bool current, const RenderJobs::Outcome &outcome);
    QSizeF rotatedSize(int page) const;
    QRect pageRectFor(int page) const;
    void showCursorForAWhile();
    // The bottom right corner's box: elapsed time and page number.
    void paintClock(QPainter &painter);

    Source m_source;
    int m_page = 0;
    Blank m_blank = Blank::None;
    RenderJobs m_jobs;
    std::map<int, QImage> m_images; // the current page and its neighbours, at the current size
    std::map<int, Status> m_failures;
    QElapsedTimer m_clock;
    QTimer m_tick; // repaints the clock once a second
    QTimer m_hideCursor;
    bool m_clockVisible = true;
    bool m_finished = false;
    QString m_typed; // digits typed towards "go to page"
    int m_wheel = 0; // wheel angle not yet turned into pages
};

} // namespace folio
