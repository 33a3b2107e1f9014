// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documentview.h"
#include "pageview.h"
#include "presentationview.h"

#include <QActionGroup>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QShortcut;
class QSpinBox;
class QToolBar;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace folio {

class DocumentOpener;
class PageSpinBox;
class Job;
class JobRunner;
class PrintController;
class WelcomeWidget;
struct ExportRequest;
struct ExportResult;
struct LoadedDocument;

// The main window: menus, toolbar, status bar and one tab per open document (a DocumentView:
// everything per document lives there). The toolbar and status bar follow the current tab.
// Closing a tab cancels that document's jobs, closing the window every job, with
// CancelReason::Shutdown; neither waits for any.
//
// Files are watched: when one changes on disk the document reloads in place (same tab, same
// page and zoom) once the file has been quiet for ReloadDelay; a failed reload keeps the old
// document and says why.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    static constexpr int ReloadDelayMs = 500;

    JobRunner *jobRunner() const { return m_jobs; }
    // The current tab's view, or nullptr.
    DocumentView *documentView() const;
    int documentCount() const;
    DocumentView *documentAt(int index) const;
    QTabWidget *tabWidget() const { return m_tabs; }
    // What the status bar says happened last ("Cancelled", "Timed out after 30 s", ...).
    QString lastOutcome() const;
    // The Open dialog's filters: all documents, then one per family (PDF, Office documents, ...),
    // then all files.
    static QStringList openDialogFilters();
    // View ▸ Full Screen: only the pages, every bar hidden.
    bool isFullScreenMode() const;
    // The running presentation, or nullptr.
    PresentationView *presentation() const { return m_presentation; }

public Q_SLOTS:
    // Edits the time limit of jobs; applies and stores it when accepted.
    void showPreferences();
    // Opens `path`, then shows `page` (0-based; -1 for the first).
    void openFile(const QString &path, int page = -1);
    // Opens each in its own tab; `page` applies to the first.
    void openFiles(const QStringList &paths, int page = -1);
    void showOpenDialog();
    // File ▸ Reopen Last Session: the tabs open when the window last closed (those still on
    // disk), each where it was read, the current one in front.
    void reopenLastSession();
    // Closes the current tab.
    void closeDocument();
    void closeDocumentAt(int index);
    // Reloads the current document from disk.
    void reloadDocument();
    // File ▸ Export…: asks how (window-modal ExportDialog), then runs exportDocument().
    void showExportDialog();
    // Enters or leaves full screen (F11; Esc leaves).
    void setFullScreen(bool on);
    // View ▸ Presentation (F5, Ctrl+Shift+P): the current tab's pages from its current one, full
    // screen on the screen Preferences name (the window's by default). Esc ends it on the page
    // it reached, which the tab then shows.
    void startPresentation();
    // Edit ▸ Annotate: marks the current tab's selected text, or adds a note (asking for its
    // text) where the page's context menu was opened, else at the selection or the page's top.
    void annotateSelection(folio::Annotation::Type type);
    void addNote();
    // File ▸ Save a Copy…: asks where, then saveCopy().
    void showSaveCopyDialog();
    // Writes the current tab's PDF with its annotations into `destination` (never the file
    // itself) as a job with a progress dialog, Cancel and the timeout. nullptr when the tab has
    // nothing to save or `destination` is the document.
    Job *saveCopy(const QString &destination);
    // Exports the open document request.documentPath as a job with a progress dialog, Cancel and
    // the jobs' timeout; the status bar says what was written, a message box why nothing was.
    // The job opens its own instance of the document. nullptr when no tab shows that document.
    Job *exportDocument(const ExportRequest &request);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void showDocument(const LoadedDocument &document, int page, bool reload);
    // The second half of showDocument(), one turn of the event loop later.
    void placeView(DocumentView *view, const LoadedDocument &document, int page, bool reload);
    DocumentView *createView(const LoadedDocument &document);
    void replaceView(DocumentView *old, DocumentView *view);
    void currentTabChanged();
    void fileChanged(const QString &path);
    void reloadChangedFiles();
    // View ▸ Show Comments / Speaker Notes / Hidden Pages: stored, then the tabs of documents with
    // Capability::ViewOptions reopen.
    void applyViewOptions();
    int tabOf(const QString &path) const;
    void rememberState(DocumentView *view);
    void applyCacheBudgets();
    void updateRecentMenu();
    void updateActions();
    void updateTitle();
    // The tab's text: the file name, with a mark while it has annotations not saved.
    void updateTabText(DocumentView *view);
    // Asks what to do with `views`' annotations not saved: true to close anyway.
    bool confirmDiscard(const QList<DocumentView *> &views);
    void updatePageWidgets();
    // Back and Forward follow the current tab's history.
    void updateHistoryActions();
    void updateZoomWidgets();
    void applyZoomText();
    // The status bar's outcome line; with a `view`, that tab's (shown when it is current).
    void showOutcome(const QString &text, DocumentView *view = nullptr);
    // The only tab showing a file of this name, or nullptr.
    DocumentView *viewNamed(const QString &fileName) const;
    void exportFinished(const ExportRequest &request, const Result<ExportResult> &result);
    void showAbout();
    PageView *pageView() const;

    JobRunner *m_jobs = nullptr;
    DocumentOpener *m_opener = nullptr;
    QStackedWidget *m_stack = nullptr;
    WelcomeWidget *m_welcome = nullptr;
    QTabWidget *m_tabs = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_reloadTimer = nullptr;
    QStringList m_changedFiles;
    QHash<QString, quint64> m_openOrder; // absolute path -> sequence of its openFile() call
    // Views made and not yet in their tab (see showDocument()), by absolute path.
    QHash<QString, QPointer<DocumentView>> m_placing;
    quint64 m_openSequence = 0;
    int m_cacheBudgetMiB = 0;

    QAction *m_openAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_reopenSessionAction = nullptr;
    QString m_sessionCurrent; // while a session reopens: the tab to keep in front
    QAction *m_propertiesAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_printAction = nullptr;
    QAction *m_printPreviewAction = nullptr;
    PrintController *m_print = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_previousTabAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_highlightAction = nullptr;
    QAction *m_underlineAction = nullptr;
    QAction *m_strikeOutAction = nullptr;
    QAction *m_squigglyAction = nullptr;
    QAction *m_addNoteAction = nullptr;
    QAction *m_undoAnnotationAction = nullptr;
    QAction *m_saveCopyAction = nullptr;
    QAction *m_rotateLeftAction = nullptr;
    QAction *m_rotateRightAction = nullptr;
    QAction *m_continuousAction = nullptr;
    QAction *m_facingAction = nullptr;
    QAction *m_coverAloneAction = nullptr;
    QAction *m_rightToLeftAction = nullptr;
    QActionGroup *m_colorsGroup = nullptr;
    QAction *m_keepPicturesAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findNextAction = nullptr;
    QAction *m_findPreviousAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QAction *m_fitWidthAction = nullptr;
    QAction *m_fitPageAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_presentationAction = nullptr;
    QPointer<PresentationView> m_presentation;
    QAction *m_sidebarAction = nullptr;
    QAction *m_commentsAction = nullptr;
    QAction *m_notesAction = nullptr;
    QAction *m_gridLinesAction = nullptr;
    QAction *m_headingsAction = nullptr;
    QAction *m_trackedChangesAction = nullptr;
    QAction *m_hiddenPagesAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_firstAction = nullptr;
    QAction *m_lastAction = nullptr;
    QAction *m_goToAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QList<QAction *> m_documentActions;
    QShortcut *m_leaveFullScreen = nullptr;
    // What full screen hid, to show again when it ends.
    struct FullScreenState
    {
        bool active = false;
        bool menuBar = true;
        bool statusBar = true;
        bool sidebar = true;
        QList<QPointer<QToolBar>> toolBars;
    } m_fullScreen;

    PageSpinBox *m_pageSpin = nullptr;
    QComboBox *m_zoomCombo = nullptr;
    QLabel *m_outcomeLabel = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QWidget *m_countingBox = nullptr;
    QLabel *m_countingLabel = nullptr;
};

} // namespace folio
