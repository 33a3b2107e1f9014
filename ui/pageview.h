// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadeddocument.h"
#include "navigationhistory.h"
#include "pagecache.h"
#include "pagejobs.h"
#include "pagelayout.h"
#include "pageannotationcache.h"
#include "pagelinkcache.h"
#include "pagetextcache.h"
#include "textselection.h"

#include <QAbstractScrollArea>
#include <QRectF>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

class QRubberBand;

namespace folio {

class PageFailureBar;

// A rectangle on one page: `rect` is in points on the upright page (like TextBox::rect), whatever
// the view's rotation.
struct PageRect
{
    int page = -1;
    QRectF rect;

    friend bool operator==(const PageRect &, const PageRect &) = default;
};

// Shows the pages of one document: continuously top to bottom (or one page, or row of two facing
// pages, at a time), centred on a grey background, turned by the view's rotation.
//
// Only the visible pages plus Prefetch pages after them are rendered, each as its own job (see
// PageJobs: on renderPool(), linked to the window's shutdown token). A page that leaves that set,
// or whose resolution or rotation changes, has its job cancelled with CancelReason::Superseded.
// Jobs take the document's gate, so one document renders one page at a time; a cancelled job
// stops waiting at once. Results come back by value to the GUI thread and go into a PageCache
// keyed by page, rotation and resolution. GUI thread only.
//
// Zoom 1.0 ("100 %") is the physical size on a 96 dpi screen (see PageLayout); pages render at
// 96 × zoom × devicePixelRatio dpi, capped at MaxRenderPixels per page (scaled up beyond), and
// the images carry the device pixel ratio, so they are drawn 1:1 on HiDPI screens.
//
// Mouse: where the document has Capability::TextLayout, dragging selects words (loaded per
// visible page by a PageTextCache) and Ctrl+C copies them; elsewhere dragging pans the view, as
// the middle button does everywhere. Find results are drawn over the pages (setHighlights()).
class PageView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class ZoomMode { Custom, FitWidth, FitPage };
    Q_ENUM(ZoomMode)

    static constexpr double MinZoom = 0.1;
    static constexpr double MaxZoom = 8.0;
    static constexpr int Prefetch = 1;
    static constexpr int MinZoomArea = 8;
    static constexpr qint64 MaxRenderPixels = 16'000'000;
    // A selection spans at most this many pages.
    static constexpr int MaxSelectionPages = PageTextCache::MaxPages / 2;

    explicit PageView(QWidget *parent = nullptr);
    ~PageView() override;

    // Shows `document`, whose known pages have these sizes (points). Render jobs are linked to
    // `parent`, typically JobRunner::shutdownToken(). Text selection needs
    // Capability::TextLayout in `capabilities` (the document's, from its DocumentSummary).
    void setDocument(std::shared_ptr<SharedDocument> document, QList<QSizeF> pageSizes,
        const CancellationToken &parent = {}, Capabilities capabilities = {});
    void setDocument(const LoadedDocument &document, const CancellationToken &parent = {});
    // More pages became known (streaming documents).
    void appendPages(const QList<QSizeF> &pageSizes);
    // Zero means renders never time out.
    void setRenderTimeout(std::chrono::milliseconds timeout)
    {
        m_jobs.setTimeout(timeout);
        m_text.setTimeout(timeout);
        m_links.setTimeout(timeout);
        m_annotations.setTimeout(timeout);
    }

    int pageCount() const { return m_layout.count(); }
    // Points, upright; invalid for an unknown page.
    QSizeF pageSize(int page) const { return m_layout.pageSize(page); }
    int currentPage() const { return m_currentPage; }
    double zoom() const { return m_layout.zoom(); }
    ZoomMode zoomMode() const { return m_zoomMode; }
    // Clockwise degrees: 0, 90, 180 or 270.
    int rotation() const { return m_layout.rotation(); }
    bool isContinuous() const { return m_layout.isContinuous(); }
    bool isFacing() const { return m_layout.isFacing(); }
    PageCache &cache() { return m_cache; }

    // Text selection (documents with Capability::TextLayout).
    bool hasTextLayout() const { return m_capabilities.testFlag(Capability::TextLayout); }
    bool hasSelection() const { return !m_selection.empty(); }
    // The selected words in reading order: spaces between words, newlines at line and page ends.
    QString selectedText() const { return m_selectedText; }
    // The selected words of `page` (indices into its text boxes), empty when none.
    TextSelection pageSelection(int page) const;

    // Where `page` is in the viewport; empty when it is not laid out (not continuous).
    QRect pageRect(int page) const;
    // Maps between viewport coordinates and points on the upright page `page`.
    QPointF pageToViewport(int page, QPointF points) const;
    QPointF viewportToPage(int page, QPointF position) const;

    // For tests and diagnostics.
    QList<int> visiblePages() const;
    // Render jobs the view still wants (not cancelled).
    int renderJobsInFlight() const { return m_jobs.count(); }
    // Render jobs started and not yet returned, cancelled ones included.
    int liveRenderJobs() const { return m_jobs.liveCount(); }
    bool isPageRendered(int page) const;
    // The bar over a visible page that could not be drawn (hidden when there is none).
    PageFailureBar *failureBar() const { return m_failureBar; }
    // The image drawn for `page` at the current rotation and resolution; null while it renders.
    QImage pageImage(int page) const;
    PageTextCache &textCache() { return m_text; }

    // Links (documents with Capability::Links; pageviewinput.cpp): loaded per visible page by a
    // PageLinkCache; the pointer over one turns into a hand with the target as tool tip, and a
    // click follows it through the signals below.
    bool hasLinks() const { return m_capabilities.testFlag(Capability::Links); }
    PageLinkCache &linkCache() { return m_links; }
    // The link under `position` (viewport) and its page, or nullptr.
    const Link *linkAt(QPoint position, int *page = nullptr) const;
    // Annotations (documents with Capability::Annotations): loaded per visible page by a
    // PageAnnotationCache; the pointer over one shows its author and contents as a tool tip, and
    // a click on a note opens it (noteActivated()).
    bool hasAnnotations() const { return m_capabilities.testFlag(Capability::Annotations); }
    PageAnnotationCache &annotationCache() { return m_annotations; }
    // The annotation under `position` (viewport), the smallest where several overlap, or nullptr.
    const Annotation *annotationAt(QPoint position) const;
    // Annotations made in Folio and not yet in the file: drawn over the pages (highlights,
    // underlines, strike-outs, squiggles and notes) and found by annotationAt() like the file's.
    void setPendingAnnotations(const QList<folio::Annotation> &annotations);
    const QList<Annotation> &pendingAnnotations() const { return m_pending; }
    // The selected words as rectangles, one per line and page (points on the upright pages):
    // what a highlight of the selection marks.
    QList<PageRect> selectionLines() const;
    // The page's context menu (right click) shows these after Copy; while it is open,
    // contextPoint() is where it was asked for (page -1 otherwise).
    void setContextActions(const QList<QAction *> &actions) { m_contextActions = actions; }
    PageRect contextPoint() const { return m_contextPoint; }
    // Draws an outline around `rects` on `page` for a moment (FlashMs), to show where something
    // is (an annotation chosen in the panel).
    void flash(int page, const QList<QRectF> &rects);
    bool isFlashing() const { return m_flashPage >= 0; }
    static constexpr int FlashMs = 1500;
    // Where the reader is, for the history: the page at the viewport's top and the height on it
    // there (the current page's top when not continuous and above it).
    ViewPosition position() const;
    // Shows `page` with the height `top` (points on the upright page) at the viewport's top, or
    // the page's top when `top` is negative.
    void goToPosition(int page, double top);
    // Whether `image` is drawn 1:1 (one image pixel per device pixel) on a page of `logical` size.
    static bool isOneToOne(const QImage &image, QSize logical);

public Q_SLOTS:
    void setZoom(double zoom);
    void setZoomMode(folio::PageView::ZoomMode mode);
    void zoomIn();
    void zoomOut();
    void actualSize() { setZoom(1.0); }
    // Zooms so that `area` (viewport pixels) fills the viewport, centred: what a Ctrl+drag's
    // rubber band asks for. Areas smaller than MinZoomArea pixels are ignored.
    void zoomToArea(const QRect &area);
    void fitWidth() { setZoomMode(ZoomMode::FitWidth); }
    void fitPage() { setZoomMode(ZoomMode::FitPage); }
    void goToPage(int page);
    // The next or previous page, or row of facing pages.
    void nextPage();
    void previousPage();
    void firstPage() { goToPage(0); }
    void lastPage() { goToPage(pageCount() - 1); }
    // Scrolls one screen down (+1) or up (-1); when not continuous, turns the page at its end.
    void scrollByScreen(int direction);

    // Turns every page clockwise by `degrees` (a multiple of 90), keeping the current page.
    void setRotation(int degrees);
    void rotateLeft() { setRotation(rotation() - 90); }
    void rotateRight() { setRotation(rotation() + 90); }
    // Continuous scrolling through every page, or one page (row) at a time.
    void setContinuous(bool continuous);
    // Pages side by side in pairs: 1–2, 3–4, ...
    void setFacing(bool facing);
    // Two pages with the first (a book's cover) alone: 1, 2–3, 4–5, ...
    void setCoverAlone(bool alone);
    bool isCoverAlone() const { return m_layout.isCoverAlone(); }
    // The pages of a row from right to left, and Left and Right go the other way (manga).
    void setRightToLeft(bool rightToLeft);
    bool isRightToLeft() const { return m_layout.isRightToLeft(); }
    // Night modes and paper colours: pages are rendered again in them (on the workers) and kept
    // in the cache apart from those in other colours.
    void setPageColors(const folio::PageColors &colors);
    const folio::PageColors &pageColors() const { return m_colors; }
    // The same colours always give the same key; different ones differ.
    static quint64 colorsKey(const folio::PageColors &colors);

    // Find results: translucent marks over the pages, and the current one in a stronger colour.
    void setHighlights(const QList<folio::PageRect> &rects);
    // Adds marks to those already there (a search's next batch of hits): costs the batch, not
    // every hit so far.
    void addHighlights(const QList<folio::PageRect> &rects);
    // The marks on `page` (for tests).
    QList<QRectF> highlightsOn(int page) const
    {
        const auto it = m_highlights.find(page);
        return it != m_highlights.end() ? it->second : QList<QRectF>();
    }
    // Makes `rects` on `page` the current result and scrolls it into view (centred when it was off
    // screen). With no rects, shows the page.
    void setCurrentHighlight(int page, const QList<QRectF> &rects);
    void clearHighlights();

    // Puts the selected text on the clipboard (Ctrl+C).
    void copySelection();
    void clearSelection();

Q_SIGNALS:
    void pageRendered(int page);
    // The pages moved in the viewport (scrolled, zoomed, laid out again, resized): widgets over
    // them (form fields) follow.
    void placesChanged();
    void renderFailed(int page, const folio::Status &status);
    void currentPageChanged(int page);
    void zoomChanged(double zoom);
    void zoomModeChanged(folio::PageView::ZoomMode mode);
    void pageCountChanged(int count);
    void rotationChanged(int degrees);
    void continuousChanged(bool continuous);
    void facingChanged(bool facing);
    void pageColorsChanged(const folio::PageColors &colors);
    void bookLayoutChanged();
    // The selected text changed (while dragging, at every word).
    void selectionChanged(bool hasSelection);
    // A link (or a named action such as "next page") to a place of this document was clicked:
    // its page and height (see goToPosition()). The view does not jump by itself: the owner
    // records the history first.
    void internalLinkActivated(int page, double top);
    // A link to an address was clicked; nothing checked or opened yet (see LinkOpener).
    void externalLinkActivated(const QUrl &url);
    // A link to another file (`file` as the document wrote it; `page` 0-based or -1).
    void remoteLinkActivated(const QString &file, int page);
    // A note (Annotation::Type::Text) was clicked at `global` (screen coordinates).
    void noteActivated(const folio::Annotation &annotation, QPoint global);
    // The mouse's back and forward buttons, and links that ask for them.
    void backRequested();
    void forwardRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    using RenderJobs = PageJobs<RenderKey, QImage>;
    struct Failure
    {
        RenderKey key;
        Status status;
    };
    // A point of a page that stays under the same viewport position across a relayout.
    struct Anchor
    {
        int page = -1;
        QPointF points;
        QPoint position; // in the viewport
    };
    // One end of a selection: a point on an upright page.
    struct PagePoint
    {
        int page = -1;
        QPointF point;
    };
    QRect visibleContentRect() const;
    double renderDpi(int page) const;
    RenderKey renderKey(int page) const;
    Anchor anchorAt(QPoint position, int page, bool clampToPage) const;
    void restoreAnchor(const Anchor &anchor);
    // Applies a change of the layout (rotation, mode), refits the zoom and keeps the current page.
    void relayout(const std::function<void()> &change);
    void applyZoom(double zoom, QPoint anchor);
    double fittedZoom() const;
    void updateScrollBars();
    void scheduleRenders();
    void updateRenders();
    void startRender(int page, RenderKey key);
    void renderFinished(int page, RenderKey key, bool current, const RenderJobs::Outcome &outcome);
    // Lays the failure bar over the first visible page that could not be drawn, or hides it.
    void updateFailureBar();
    void retryPage(int page, std::chrono::milliseconds timeout);
    void updateCurrentPage();
    void setCurrentPage(int page);
    void showPage(int page, bool atBottom);
    bool turnPageAtEdge(int direction);
    void paintPage(QPainter &painter, int page, const QRect &rect);
    void paintPending(QPainter &painter, const Annotation &annotation, const QTransform &toViewport);
    void paintMarks(QPainter &painter, int page, const QTransform &toViewport);

    // Mouse, selection and panning: pageviewinput.cpp.
    PagePoint pagePointAt(QPoint position) const;
    // Loads the words of the selected pages, and of the visible ones with `visibleToo`.
    void updateTextWanted(bool visibleToo);
    void updateSelection();
    void updateCursor(QPoint position);
    void activateLink(const Link &link);
    void autoScroll(QPoint position);

    PageLayout m_layout;
    folio::PageColors m_colors;
    PageCache m_cache;
    struct Pinned
    {
        RenderKey key;
        QImage image;
    };
    std::map<int, Pinned> m_pinned; // the wanted pages' images: kept while on screen, whatever the cache evicts
    std::map<int, Failure> m_failures;
    // Pages retried from the failure bar, with the time limit asked for (zero: none).
    std::map<int, std::chrono::milliseconds> m_retryTimeouts;
    PageFailureBar *m_failureBar = nullptr;
    ZoomMode m_zoomMode = ZoomMode::FitWidth;
    int m_currentPage = 0;
    // After goToPage(): the scroll position it set, so the page asked for stays current even
    // when a smaller page below it reaches the probe line.
    int m_navigationScroll = -1;
    QTimer m_renderTimer;
    int m_wheelAtEdge = 0; // wheel movement piled up at a page's end before it turns

    std::map<int, QList<QRectF>> m_highlights; // by page
    int m_currentHighlightPage = -1;
    QList<QRectF> m_currentHighlight;

    Capabilities m_capabilities;
    PageTextCache m_text;
    PageLinkCache m_links;
    PageAnnotationCache m_annotations;
    QList<Annotation> m_pending;
    QRubberBand *m_rubberBand = nullptr; // Ctrl+drag: the area to zoom to
    QPoint m_rubberOrigin;
    QList<QAction *> m_contextActions;
    PageRect m_contextPoint;
    Annotation m_pressedNote; // the note the left button went down on, while it is down
    bool m_notePressed = false;
    int m_flashPage = -1;
    QList<QRectF> m_flashRects;
    QTimer m_flashTimer;
    Link m_pressedLink; // the link the left button went down on, while it is down
    bool m_linkPressed = false;
    PagePoint m_selectionAnchor; // where the drag started
    PagePoint m_selectionFocus; // where it is now
    bool m_selecting = false; // the left button is down for a selection
    std::map<int, TextSelection> m_selection; // by page, only pages with selected words
    QString m_selectedText;
    bool m_panning = false;
    QPoint m_pressPosition;
    QPoint m_panPosition;
    // Last, so destroyed first: no render is delivered into a view half destroyed.
    RenderJobs m_jobs;
};

} // namespace folio
