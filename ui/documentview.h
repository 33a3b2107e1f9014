// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadeddocument.h"
#include "backends/pdf/pdfeditor.h"
#include "navigationhistory.h"
#include "settings.h"

#include <QPointer>
#include <QWidget>

#include <chrono>
#include <memory>

class QSplitter;
class QTabWidget;

namespace folio {

class AnnotationPanel;
class AttachmentPanel;
class FindBar;
class FormLayer;
class FindController;
class FindResultsPanel;
class JobRunner;
class LinkOpener;
class OutlinePanel;
class PageView;
class ThumbnailPanel;

// One open document, one tab of the window: the sidebar, the PageView and the
// std::shared_ptr<SharedDocument> that jobs share.
//
// Lifetime: every job of the document (renders, counting, panels) is linked to this view's own
// CancellationSource, itself linked to the window's shutdown token. Destroying the view (closing
// the tab) cancels them with CancelReason::Shutdown and waits for none: they finish in the
// background holding their own reference to the document.
//
// Streaming documents (isPageCountFinal() false at open) keep reading in the background, one
// chunk of pages per job on the document's gate, so page renders interleave with the counting.
// The counting is cancellable and never modal; it reports through the signals below.
class DocumentView : public QWidget
{
    Q_OBJECT
public:
    // Pages are counted in chunks of this many.
    static constexpr int CountChunk = 256;

    // Every job of the view is linked to jobs->shutdownToken(); saving attachments runs on `jobs`
    // (with its progress dialog).
    DocumentView(LoadedDocument document, JobRunner *jobs, QWidget *parent = nullptr);
    ~DocumentView() override;

    PageView *pageView() const { return m_pageView; }
    QTabWidget *sidebar() const { return m_sidebar; }
    ThumbnailPanel *thumbnailPanel() const { return m_thumbnails; }
    OutlinePanel *outlinePanel() const { return m_outline; }
    AttachmentPanel *attachmentPanel() const { return m_attachments; } // nullptr without Attachments
    AnnotationPanel *annotationPanel() const { return m_annotations; } // nullptr without Annotations
    // Shows `annotation`'s place (recorded in the history) and outlines it for a moment.
    void showAnnotation(const folio::Annotation &annotation);
    // Annotating (PDF): highlights, underlines, strike-outs and notes made in Folio are drawn over
    // the pages and kept here until File ▸ Save a Copy writes them into a copy of the file (the
    // file itself is never written). Modified: made since the last copy was saved.
    bool canAnnotate() const { return m_document.summary.formatId == QLatin1String("pdf"); }
    const PdfEdits &edits() const { return m_edits; }
    // The edits of the document this view replaces (a reload): kept, with their saved state.
    void takeEdits(const DocumentView &other);
    bool isModified() const { return m_editVersion != m_savedVersion; }
    // Marks the selected text (type: Highlight, Underline, StrikeOut or Squiggly); false when
    // nothing is selected.
    bool annotateSelection(folio::Annotation::Type type, const QString &author);
    // A note whose icon's top left corner is at `position` (points on the upright page).
    void addNote(int page, QPointF position, const QString &text, const QString &author);
    // Removes the last edit; false when there is none.
    bool undoEdit();
    // Counts the changes to the edits; markSaved(version): the edits as they were at `version`
    // are in a saved copy now (later changes stay unsaved).
    int editVersion() const { return m_editVersion; }
    void markSaved(int version);
    // Forms (PDF AcroForm): the fields as widgets over the pages, and the bar above them saying
    // the document is a form (or an XFA form Folio cannot fill). nullptr / hidden otherwise.
    FormLayer *formLayer() const { return m_form; }
    QWidget *formBar() const { return m_formBar; }
    // The pop-up of a note clicked on the page (nullptr when none is open).
    QWidget *notePopup() const;
    FindBar *findBar() const { return m_findBar; }
    FindController *findController() const { return m_find; }
    FindResultsPanel *findResultsPanel() const { return m_results; } // nullptr when search is unsupported
    void setSidebarVisible(bool visible);
    bool isSidebarVisible() const;
    void setRenderTimeout(std::chrono::milliseconds timeout);
    const LoadedDocument &loadedDocument() const { return m_document; }
    // Cancelled (Shutdown) by shutdown() or when the view is destroyed.
    CancellationToken lifetimeToken() const { return m_lifetime.token(); }
    // Cancels every job of the document (Shutdown) without waiting: the tab is closing.
    void shutdown() { m_lifetime.cancel(CancelReason::Shutdown); }
    QString path() const { return m_document.path; }
    QString fileName() const;
    // The title to show: the metadata title, else the file name.
    QString displayName() const;
    const DocumentSummary &summary() const { return m_document.summary; }
    bool isPageCountFinal() const { return m_document.pageCountFinal; }
    bool isCountingPages() const { return m_counting; }

    // Back and Forward of this tab: fed by links, outline and thumbnail clicks, Go to Page
    // (jumpTo()) and find results on another page.
    const NavigationHistory &history() const { return m_history; }
    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }
    // Asks before a link's address goes to the browser (tests replace its dialogs).
    LinkOpener *linkOpener() const { return m_linkOpener; }
    // One label per page where the document names its pages ("iv"), read on a worker after
    // open; empty until then, and for documents without.
    const QStringList &pageLabels() const { return m_pageLabels; }

    // Where the reader is (page, zoom, rotation, mode), to remember per document.
    Settings::DocumentState viewState() const;
    // Puts the view back where it was; a page beyond the known ones is clamped.
    void restoreViewState(const Settings::DocumentState &state);
    // The pages' and thumbnails' night mode or paper colours.
    void setPageColors(const folio::PageColors &colors);

public Q_SLOTS:
    // Shows the find bar with its text selected (Ctrl+F).
    void startFind();
    void findNext();
    void findPrevious();
    // Starts (or resumes) counting the pages of a streaming document.
    void countPages();
    void cancelPageCount();
    // Shows `page` (with the height `top` in points at the top, see PageView::goToPosition()),
    // recording where the reader was for back().
    void jumpTo(int page, double top = -1);
    void back();
    void forward();

Q_SIGNALS:
    // The user asked to open an attachment (saved to a temporary file).
    void openRequested(const QString &path);
    void pageCountChanged(int count, bool final);
    void countingStarted();
    // Ok once every page is known; the cancellation or error status otherwise.
    void countingFinished(const folio::Status &status);
    void historyChanged();
    void pageLabelsChanged();
    void modifiedChanged(bool modified);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Chunk
    {
        QList<QSizeF> sizes; // the pages after the ones known when the chunk started
        bool final = false;
        Status status;
    };
    void countNextChunk();
    void chunkFinished(const Chunk &chunk);
    void connectLinks();
    void loadPageLabels();

    LoadedDocument m_document;
    CancellationSource m_lifetime;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_sidebar = nullptr;
    PageView *m_pageView = nullptr;
    ThumbnailPanel *m_thumbnails = nullptr;
    OutlinePanel *m_outline = nullptr;
    AttachmentPanel *m_attachments = nullptr;
    AnnotationPanel *m_annotations = nullptr;
    QPointer<QWidget> m_notePopup;
    FormLayer *m_form = nullptr;
    QWidget *m_formBar = nullptr;
    void createFormBar(QWidget *parent);
    PdfEdits m_edits;
    // Kinds of the edits in the order they were made (for undoEdit()): true for a markup.
    QList<bool> m_editOrder;
    int m_editVersion = 0;
    int m_savedVersion = 0;
    void editsChanged();
    FindBar *m_findBar = nullptr;
    FindController *m_find = nullptr;
    FindResultsPanel *m_results = nullptr;
    std::unique_ptr<CancellationSource> m_countSource;
    bool m_counting = false; // a chunk job is running
    bool m_splitterSized = false;
    NavigationHistory m_history;
    LinkOpener *m_linkOpener = nullptr;
    QStringList m_pageLabels;
};

} // namespace folio
