// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "findbar.h"
#include "printcontroller.h"

#include "exportdialog.h"
#include "exportjob.h"
#include "preferencesdialog.h"
#include "presentationview.h"
#include "propertiesdialog.h"

#include "documentopener.h"
#include "documentview.h"
#include "exporters/exporter.h"
#include "formatregistry.h"
#include "jobrunner.h"
#include "pagespinbox.h"
#include "settings.h"
#include "theme.h"
#include "welcomewidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>

#include <cmath>

namespace folio {

namespace {

QString percentText(double zoom)
{
    return MainWindow::tr("%1%").arg(std::lround(zoom * 100));
}

constexpr double ZoomPresets[] = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0};
constexpr int FitWidthData = -1;
constexpr int FitPageData = -2;
// Which openFile() call a tab answers, to keep tabs in the order they were asked for.
constexpr char OpenOrderProperty[] = "folioOpenOrder";
// The last outcome of a tab (its DocumentView), for the status bar when it comes forward.
constexpr char OutcomeProperty[] = "folioOutcome";

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_jobs(new JobRunner(this))
    , m_opener(new DocumentOpener(m_jobs, this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomeWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
    , m_cacheBudgetMiB(Settings::cacheBudgetMiB())
{
    setWindowTitle(tr("Folio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/folio.svg")));
    setAcceptDrops(true);
    m_jobs->setTimeout(Settings::timeout());
    m_opener->setLimits(Settings::limits());
    m_opener->setArchiveEncoding(Settings::archiveEncoding());
    m_opener->setRenderOptions(Settings::viewOptions());
    m_print = new PrintController(this, m_jobs, this);
    connect(
        m_print, &PrintController::message, this, [this](const QString &text) { showOutcome(text, documentView()); });

    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setTabBarAutoHide(true);
    m_tabs->setElideMode(Qt::ElideMiddle);
    m_tabs->setUsesScrollButtons(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeDocumentAt);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::currentTabChanged);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChanged);
    connect(m_reloadTimer, &QTimer::timeout, this, &MainWindow::reloadChangedFiles);
    connect(m_welcome, &WelcomeWidget::openRequested, this, &MainWindow::showOpenDialog);
    connect(m_welcome, &WelcomeWidget::recentFileRequested, this, [this](const QString &path) { openFile(path); });

    createActions();
    createMenus();
    // The actions are the window's own too, so their shortcuts work with the menu bar hidden.
    addActions(findChildren<QAction *>(QString(), Qt::FindDirectChildrenOnly));
    createToolBar();
    createStatusBar();

    connect(m_opener, &DocumentOpener::opened, this, &MainWindow::showDocument);
    connect(m_opener, &DocumentOpener::message, this, [this](const QString &text) { showOutcome(text); });
    // A job's outcome goes to the tab of its document (by file name), else to the window.
    connect(m_jobs, &JobRunner::jobFinished, this, [this](Job *job, const Status &status) {
        if (job->options().reportOutcome)
            showOutcome(job->outcomeText(status), viewNamed(job->options().fileName));
    });
    connect(m_jobs, &JobRunner::jobStarted, this, [this](Job *job) {
        if (!job->options().reportOutcome)
            return;
        connect(job, &Job::stopping, this, [this, job](const Status &reason) {
            showOutcome(job->outcomeText(reason), viewNamed(job->options().fileName));
        });
    });

    if (!restoreGeometry(Settings::windowGeometry())) {
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 900);
        resize(QSize(1100, 820).boundedTo(screen.size() * 0.9));
    }
    restoreState(Settings::windowState());
    m_welcome->setRecentFiles(Settings::recentFiles());
    updateActions();
    updatePageWidgets();
    updateZoomWidgets();
}

MainWindow::~MainWindow()
{
    m_jobs->shutdown();
}

// --- construction ----------------------------------------------------------------------------

void MainWindow::createActions()
{
    auto makeAction
        = [this](const char *icon, const QString &text, const QList<QKeySequence> &shortcuts, bool needsDocument) {
              auto *action = new QAction(icon ? themedIcon(icon) : QIcon(), text, this);
              action->setShortcuts(shortcuts);
              if (needsDocument)
                  m_documentActions.append(action);
              return action;
          };
    m_openAction = makeAction("document-open", tr("&Open…"), {QKeySequence::Open}, false);
    m_openAction->setStatusTip(tr("Open a document"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);
    m_closeAction = makeAction("document-close", tr("&Close"), {QKeySequence::Close}, true);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeDocument);
    // Ctrl+R, as in Evince: F5, the platform's Refresh elsewhere, starts a presentation here.
    m_reloadAction = makeAction("view-refresh", tr("&Reload"), {QKeySequence(tr("Ctrl+R"))}, true);
    m_reloadAction->setStatusTip(tr("Read the document again from disk"));
    m_reopenSessionAction = makeAction(nullptr, tr("Reopen Last &Session"), {}, false);
    m_reopenSessionAction->setStatusTip(tr("Open the documents that were open when Folio last closed"));
    connect(m_reopenSessionAction, &QAction::triggered, this, &MainWindow::reopenLastSession);
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reloadDocument);
    m_nextTabAction = makeAction(nullptr, tr("Next &Tab"), {QKeySequence::NextChild}, true);
    connect(m_nextTabAction, &QAction::triggered, this,
        [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    m_previousTabAction = makeAction(nullptr, tr("Previous T&ab"), {QKeySequence::PreviousChild}, true);
    connect(m_previousTabAction, &QAction::triggered, this,
        [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count()); });
    m_propertiesAction = makeAction("document-properties", tr("P&roperties"), {QKeySequence(tr("Alt+Return"))}, true);
    m_propertiesAction->setStatusTip(tr("Show the document's file details and metadata"));
    connect(m_propertiesAction, &QAction::triggered, this, [this] {
        if (const DocumentView *view = documentView())
            PropertiesDialog::showFor(*m_jobs, view->loadedDocument().document, view->path(), this);
    });
    m_printAction = makeAction("document-print", tr("&Print…"), {QKeySequence::Print}, true);
    m_printAction->setStatusTip(tr("Print the document"));
    connect(m_printAction, &QAction::triggered, this, [this] { m_print->print(documentView()); });
    m_printPreviewAction = makeAction("document-print-preview", tr("Print Pre&view…"), {}, true);
    m_printPreviewAction->setStatusTip(tr("See the pages as they will be printed"));
    connect(m_printPreviewAction, &QAction::triggered, this, [this] { m_print->printPreview(documentView()); });
    m_saveCopyAction = makeAction("document-save-as", tr("Save a &Copy…"), {QKeySequence::SaveAs}, true);
    m_saveCopyAction->setStatusTip(tr("Write the document with the annotations made here into another file"));
    connect(m_saveCopyAction, &QAction::triggered, this, &MainWindow::showSaveCopyDialog);
    m_exportAction = makeAction(nullptr, tr("&Export…"), {QKeySequence(tr("Ctrl+Shift+E"))}, true);
    // Few icon themes have "document-export"; Save As is the bundled stand-in.
    m_exportAction->setIcon(QIcon::fromTheme(QStringLiteral("document-export"), themedIcon("document-save-as")));
    m_exportAction->setStatusTip(tr("Save pages as PNG or JPEG pictures, HTML pages or a PDF document"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::showExportDialog);
    m_quitAction = makeAction("application-exit", tr("&Quit"), {QKeySequence::Quit}, false);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = makeAction("edit-find", tr("&Find…"), {QKeySequence::Find}, true);
    m_findAction->setStatusTip(tr("Search the document's text"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (DocumentView *view = documentView())
            view->startFind();
    });
    m_findNextAction = makeAction(nullptr, tr("Find &Next"), {QKeySequence::FindNext}, true);
    connect(m_findNextAction, &QAction::triggered, this, [this] {
        if (DocumentView *view = documentView())
            view->findNext();
    });
    m_findPreviousAction = makeAction(nullptr, tr("Find Pre&vious"), {QKeySequence::FindPrevious}, true);
    connect(m_findPreviousAction, &QAction::triggered, this, [this] {
        if (DocumentView *view = documentView())
            view->findPrevious();
    });

    const auto makeMarkup = [&](const QString &text, const QString &keys, Annotation::Type type) {
        QAction *action = makeAction(nullptr, text, {QKeySequence(keys)}, true);
        connect(action, &QAction::triggered, this, [this, type] { annotateSelection(type); });
        return action;
    };
    m_highlightAction = makeMarkup(tr("&Highlight"), tr("Ctrl+Alt+H"), Annotation::Type::Highlight);
    m_highlightAction->setStatusTip(tr("Highlight the selected text"));
    m_underlineAction = makeMarkup(tr("&Underline"), tr("Ctrl+Alt+U"), Annotation::Type::Underline);
    m_strikeOutAction = makeMarkup(tr("&Strike Out"), tr("Ctrl+Alt+S"), Annotation::Type::StrikeOut);
    m_squigglyAction = makeMarkup(tr("S&quiggly Underline"), QString(), Annotation::Type::Squiggly);
    m_addNoteAction = makeAction(nullptr, tr("Add &Note…"), {QKeySequence(tr("Ctrl+Alt+N"))}, true);
    m_addNoteAction->setStatusTip(tr("Put a note on the page"));
    connect(m_addNoteAction, &QAction::triggered, this, &MainWindow::addNote);
    m_undoAnnotationAction = makeAction(nullptr, tr("&Remove Last Annotation"), {QKeySequence::Undo}, true);
    connect(m_undoAnnotationAction, &QAction::triggered, this, [this] {
        if (DocumentView *view = documentView())
            view->undoEdit();
    });
    m_copyAction = makeAction("edit-copy", tr("&Copy"), {QKeySequence::Copy}, true);
    m_copyAction->setStatusTip(tr("Copy the selected text"));
    connect(m_copyAction, &QAction::triggered, this, [this] {
        if (PageView *view = pageView())
            view->copySelection();
    });
    m_rotateLeftAction = makeAction("object-rotate-left", tr("Rotate &Left"), {QKeySequence(tr("Ctrl+Left"))}, true);
    connect(m_rotateLeftAction, &QAction::triggered, this, [this] { pageView()->rotateLeft(); });
    m_rotateRightAction
        = makeAction("object-rotate-right", tr("Rotate &Right"), {QKeySequence(tr("Ctrl+Right"))}, true);
    connect(m_rotateRightAction, &QAction::triggered, this, [this] { pageView()->rotateRight(); });
    m_continuousAction = makeAction("view-pages-continuous", tr("&Continuous"), {}, true);
    m_continuousAction->setCheckable(true);
    m_continuousAction->setStatusTip(tr("Scroll through all pages, or show one page (or pair) at a time"));
    connect(m_continuousAction, &QAction::triggered, this, [this](bool on) { pageView()->setContinuous(on); });
    m_facingAction = makeAction(nullptr, tr("&Two Pages"), {}, true);
    m_facingAction->setCheckable(true);
    m_facingAction->setStatusTip(tr("Show pages side by side, as in a printed book"));
    connect(m_facingAction, &QAction::triggered, this, [this](bool on) { pageView()->setFacing(on); });
    m_coverAloneAction = makeAction(nullptr, tr("C&over Page Alone"), {}, true);
    m_coverAloneAction->setCheckable(true);
    m_coverAloneAction->setStatusTip(tr("With two pages: the first page alone, then pairs, as a book opens"));
    connect(m_coverAloneAction, &QAction::triggered, this, [this](bool on) { pageView()->setCoverAlone(on); });
    m_rightToLeftAction = makeAction(nullptr, tr("&Right to Left"), {}, true);
    m_rightToLeftAction->setCheckable(true);
    m_rightToLeftAction->setStatusTip(tr("Pages side by side from right to left, and Left turns forward (manga)"));
    connect(m_rightToLeftAction, &QAction::triggered, this, [this](bool on) { pageView()->setRightToLeft(on); });

    // View ▸ Colours: the current tab's night mode, remembered with the document.
    m_colorsGroup = new QActionGroup(this);
    const QList<QPair<PageColors::Mode, QString>> modes = {
        {PageColors::Mode::Normal, tr("&Normal")},
        {PageColors::Mode::Invert, tr("&Inverted")},
        {PageColors::Mode::InvertLightness, tr("Inverted &Lightness (Colours Kept)")},
        {PageColors::Mode::Sepia, tr("&Sepia")},
        {PageColors::Mode::Custom, tr("&Custom Paper and Ink")},
    };
    for (const auto &[mode, text] : modes) {
        QAction *action = makeAction(nullptr, text, {}, true);
        action->setCheckable(true);
        action->setData(int(mode));
        action->setObjectName(QStringLiteral("colors-") + PageColors::name(mode));
        m_colorsGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] {
            if (DocumentView *view = documentView()) {
                PageColors colors = view->pageView()->pageColors();
                const PageColors defaults = Settings::defaultPageColors();
                colors.mode = mode;
                colors.paper = defaults.paper;
                colors.ink = defaults.ink;
                view->setPageColors(colors);
            }
        });
    }
    m_colorsGroup->actions().constFirst()->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_colorsGroup->actions().at(2)->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_keepPicturesAction = makeAction(nullptr, tr("&Keep Pictures As They Are"), {}, true);
    m_keepPicturesAction->setCheckable(true);
    m_keepPicturesAction->setStatusTip(tr("Leave photos and comic pages in their own colours"));
    connect(m_keepPicturesAction, &QAction::triggered, this, [this](bool on) {
        if (DocumentView *view = documentView()) {
            PageColors colors = view->pageView()->pageColors();
            colors.keepPictures = on;
            view->setPageColors(colors);
        }
    });

    m_zoomInAction = makeAction("zoom-in", tr("Zoom &In"), {QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))}, true);
    connect(m_zoomInAction, &QAction::triggered, this, [this] { pageView()->zoomIn(); });
    m_zoomOutAction = makeAction("zoom-out", tr("Zoom &Out"), {QKeySequence::ZoomOut}, true);
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { pageView()->zoomOut(); });
    m_actualSizeAction = makeAction("zoom-original", tr("&Actual Size"), {QKeySequence(tr("Ctrl+0"))}, true);
    m_actualSizeAction->setStatusTip(tr("Show pages at their printed size (100% = 96 pixels per inch)"));
    connect(m_actualSizeAction, &QAction::triggered, this, [this] { pageView()->actualSize(); });
    m_fitWidthAction = makeAction("zoom-fit-width", tr("Fit &Width"), {QKeySequence(tr("Ctrl+1"))}, true);
    m_fitWidthAction->setCheckable(true);
    connect(m_fitWidthAction, &QAction::triggered, this, [this] { pageView()->fitWidth(); });
    m_fitPageAction = makeAction("zoom-fit-best", tr("Fit &Page"), {QKeySequence(tr("Ctrl+2"))}, true);
    m_fitPageAction->setCheckable(true);
    connect(m_fitPageAction, &QAction::triggered, this, [this] { pageView()->fitPage(); });
    m_sidebarAction = makeAction("sidebar-show", tr("Show &Sidebar"), {QKeySequence(Qt::Key_F9)}, false);
    m_sidebarAction->setCheckable(true);
    m_sidebarAction->setChecked(Settings::sidebarVisible());
    connect(m_sidebarAction, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < m_tabs->count(); ++i)
            documentAt(i)->setSidebarVisible(on);
        const DocumentView *view = documentView();
        Settings::setSidebar(on, view ? view->sidebar()->currentIndex() : Settings::sidebarPage());
    });
    // What an Office document shows: fixed when it opens, so changing one reopens those tabs.
    const RenderOptions viewOptions = Settings::viewOptions();
    auto makeViewOption = [&](const QString &text, const QString &tip, RenderOption option) {
        QAction *action = makeAction(nullptr, text, {}, false);
        action->setCheckable(true);
        action->setChecked(viewOptions.testFlag(option));
        action->setStatusTip(tip);
        connect(action, &QAction::toggled, this, &MainWindow::applyViewOptions);
        return action;
    };
    m_commentsAction = makeViewOption(tr("Show &Comments"),
        tr("Show the comments of word-processing documents, with their text"), RenderOption::RenderComments);
    m_notesAction = makeViewOption(
        tr("Show Speaker &Notes"), tr("Show the speaker notes of presentations"), RenderOption::RenderNotes);
    m_hiddenPagesAction = makeViewOption(tr("Show &Hidden Sheets and Slides"),
        tr("Show the sheets and slides a document marks as hidden"), RenderOption::RenderHiddenPages);
    m_gridLinesAction = makeViewOption(tr("Show Sheet &Grid"),
        tr("Print the grid on every sheet, even where its print settings leave it out"), RenderOption::RenderGridLines);
    m_headingsAction = makeViewOption(tr("Show Sheet H&eadings"),
        tr("Print column letters and row numbers on every sheet, even where its print settings leave them out"),
        RenderOption::RenderHeadings);
    m_trackedChangesAction = makeViewOption(tr("Show Trac&ked Changes"),
        tr("Show the tracked changes of word processing documents as markup: insertions underlined, deletions "
           "struck through"),
        RenderOption::RenderTrackedChanges);
    // F11 everywhere, plus the platform's own key where it has another (Ctrl+Meta+F on macOS).
    QList<QKeySequence> fullScreenKeys {QKeySequence(Qt::Key_F11)};
    if (const QKeySequence platform(QKeySequence::FullScreen);
        !platform.isEmpty() && platform != fullScreenKeys.first())
        fullScreenKeys.append(platform);
    m_fullScreenAction = makeAction("view-fullscreen", tr("&Full Screen"), fullScreenKeys, false);
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, &MainWindow::setFullScreen);
    m_presentationAction = makeAction(
        "view-presentation", tr("&Presentation"), {QKeySequence(Qt::Key_F5), QKeySequence(tr("Ctrl+Shift+P"))}, true);
    m_presentationAction->setStatusTip(tr("Show the pages one at a time on a full screen, for a talk"));
    connect(m_presentationAction, &QAction::triggered, this, &MainWindow::startPresentation);
    // Esc leaves full screen; while the find bar has the focus, Esc closes it first.
    m_leaveFullScreen = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_leaveFullScreen->setEnabled(false);
    connect(m_leaveFullScreen, &QShortcut::activated, this, [this] {
        DocumentView *view = documentView();
        if (view && view->findBar()->isVisible() && view->findBar()->isAncestorOf(QApplication::focusWidget())) {
            view->findBar()->dismiss();
            return;
        }
        m_fullScreenAction->setChecked(false);
    });

    m_previousAction
        = makeAction("go-up", tr("&Previous Page"), {QKeySequence(tr("Ctrl+PgUp")), QKeySequence(tr("P"))}, true);
    connect(m_previousAction, &QAction::triggered, this, [this] { pageView()->previousPage(); });
    m_nextAction
        = makeAction("go-down", tr("&Next Page"), {QKeySequence(tr("Ctrl+PgDown")), QKeySequence(tr("N"))}, true);
    connect(m_nextAction, &QAction::triggered, this, [this] { pageView()->nextPage(); });
    m_firstAction = makeAction("go-top", tr("&First Page"), {QKeySequence::MoveToStartOfDocument}, true);
    connect(m_firstAction, &QAction::triggered, this, [this] { pageView()->firstPage(); });
    m_lastAction = makeAction("go-bottom", tr("&Last Page"), {QKeySequence::MoveToEndOfDocument}, true);
    connect(m_lastAction, &QAction::triggered, this, [this] { pageView()->lastPage(); });
    m_goToAction = makeAction("go-jump", tr("&Go to Page…"), {QKeySequence(tr("Ctrl+G"))}, true);
    connect(m_goToAction, &QAction::triggered, this, [this] {
        m_pageSpin->setFocus(Qt::ShortcutFocusReason);
        m_pageSpin->selectAll();
    });
    // The platform's keys for Back and Forward, and Alt+Left and Alt+Right everywhere (once).
    const auto historyKeys = [](QKeySequence::StandardKey standard, const QKeySequence &alt) {
        QList<QKeySequence> keys = QKeySequence::keyBindings(standard);
        if (!keys.contains(alt))
            keys.append(alt);
        return keys;
    };
    // Not document actions: the current tab's history enables them (updateHistoryActions()).
    m_backAction = makeAction(
        "go-previous", tr("&Back"), historyKeys(QKeySequence::Back, QKeySequence(Qt::ALT | Qt::Key_Left)), false);
    m_backAction->setStatusTip(tr("Return to where you were before the last jump"));
    connect(m_backAction, &QAction::triggered, this, [this] {
        if (DocumentView *view = documentView())
            view->back();
    });
    m_forwardAction = makeAction(
        "go-next", tr("F&orward"), historyKeys(QKeySequence::Forward, QKeySequence(Qt::ALT | Qt::Key_Right)), false);
    m_forwardAction->setStatusTip(tr("Go again where Back came from"));
    connect(m_forwardAction, &QAction::triggered, this, [this] {
        if (DocumentView *view = documentView())
            view->forward();
    });

    m_aboutAction = makeAction("help-about", tr("&About Folio"), {}, false);
    m_preferencesAction = makeAction("configure", tr("&Preferences…"),
        {QKeySequence(QKeySequence::Preferences), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Comma)}, false);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(themedIcon("document-open-recent"), tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(m_reopenSessionAction);
    connect(file, &QMenu::aboutToShow, this,
        [this] { m_reopenSessionAction->setEnabled(!Settings::lastSession().files.isEmpty()); });
    file->addAction(m_reloadAction);
    file->addAction(m_saveCopyAction);
    file->addAction(m_exportAction);
    file->addAction(m_printAction);
    file->addAction(m_printPreviewAction);
    file->addAction(m_propertiesAction);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_preferencesAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addAction(m_findNextAction);
    edit->addAction(m_findPreviousAction);
    edit->addSeparator();
    QMenu *annotate = edit->addMenu(tr("&Annotate"));
    annotate->addActions({m_highlightAction, m_underlineAction, m_strikeOutAction, m_squigglyAction});
    annotate->addSeparator();
    annotate->addAction(m_addNoteAction);
    annotate->addSeparator();
    annotate->addAction(m_undoAnnotationAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_actualSizeAction);
    view->addSeparator();
    view->addAction(m_fitWidthAction);
    view->addAction(m_fitPageAction);
    view->addSeparator();
    view->addAction(m_continuousAction);
    view->addAction(m_facingAction);
    view->addAction(m_coverAloneAction);
    view->addAction(m_rightToLeftAction);
    view->addSeparator();
    QMenu *colors = view->addMenu(tr("Co&lours"));
    colors->addActions(m_colorsGroup->actions());
    colors->addSeparator();
    colors->addAction(m_keepPicturesAction);
    view->addSeparator();
    view->addAction(m_rotateLeftAction);
    view->addAction(m_rotateRightAction);
    view->addSeparator();
    view->addAction(m_commentsAction);
    view->addAction(m_notesAction);
    view->addAction(m_hiddenPagesAction);
    view->addAction(m_gridLinesAction);
    view->addAction(m_headingsAction);
    view->addAction(m_trackedChangesAction);
    view->addSeparator();
    view->addAction(m_sidebarAction);
    view->addAction(m_fullScreenAction);
    view->addAction(m_presentationAction);
    view->addSeparator();
    view->addAction(m_nextTabAction);
    view->addAction(m_previousTabAction);
    // Shortcuts of actions outside the menus still need a widget that holds them.
    addActions({m_nextTabAction, m_previousTabAction});

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_previousAction);
    go->addAction(m_nextAction);
    go->addSeparator();
    go->addAction(m_firstAction);
    go->addAction(m_lastAction);
    go->addSeparator();
    go->addAction(m_goToAction);
    go->addSeparator();
    go->addAction(m_backAction);
    go->addAction(m_forwardAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(22, 22));
    bar->addAction(m_openAction);
    bar->addSeparator();
    bar->addAction(m_backAction);
    bar->addAction(m_forwardAction);
    bar->addAction(m_previousAction);
    bar->addAction(m_nextAction);

    m_pageSpin = new PageSpinBox(bar);
    m_pageSpin->setAccessibleName(tr("Current page"));
    m_pageSpin->setToolTip(tr("Current page (%1)").arg(m_goToAction->shortcut().toString(QKeySequence::NativeText)));
    m_pageSpin->setKeyboardTracking(false);
    m_pageSpin->setAlignment(Qt::AlignRight);
    m_pageSpin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_pageSpin->setMinimumWidth(96);
    connect(m_pageSpin, &PageSpinBox::invalidPage, this, [this](const QString &message) {
        showOutcome(message, documentView());
        QToolTip::showText(m_pageSpin->mapToGlobal(QPoint(0, m_pageSpin->height())), message, m_pageSpin);
    });
    connect(m_pageSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (DocumentView *view = documentView()) {
            view->jumpTo(value - 1);
            view->pageView()->setFocus();
        }
    });
    bar->addWidget(m_pageSpin);
    bar->addSeparator();

    bar->addAction(m_zoomOutAction);
    m_zoomCombo = new QComboBox(bar);
    m_zoomCombo->setEditable(true);
    m_zoomCombo->setInsertPolicy(QComboBox::NoInsert);
    m_zoomCombo->setAccessibleName(tr("Zoom"));
    m_zoomCombo->setMinimumContentsLength(8);
    m_zoomCombo->addItem(tr("Fit Width"), FitWidthData);
    m_zoomCombo->addItem(tr("Fit Page"), FitPageData);
    m_zoomCombo->insertSeparator(2);
    for (double zoom : ZoomPresets)
        m_zoomCombo->addItem(percentText(zoom), zoom);
    connect(m_zoomCombo, &QComboBox::activated, this, [this](int index) {
        PageView *view = pageView();
        if (!view)
            return;
        const double data = m_zoomCombo->itemData(index).toDouble();
        if (data == FitWidthData)
            view->fitWidth();
        else if (data == FitPageData)
            view->fitPage();
        else if (data > 0)
            view->setZoom(data);
        view->setFocus();
    });
    connect(m_zoomCombo->lineEdit(), &QLineEdit::editingFinished, this, &MainWindow::applyZoomText);
    bar->addWidget(m_zoomCombo);
    bar->addAction(m_zoomInAction);
    bar->addSeparator();
    bar->addAction(m_fitWidthAction);
    bar->addAction(m_fitPageAction);
    bar->addSeparator();
    bar->addAction(m_sidebarAction);
    bar->addAction(m_findAction);
}

void MainWindow::createStatusBar()
{
    QStatusBar *bar = statusBar();
    // A label rather than showMessage(): menu status tips would wipe the outcome for good.
    m_outcomeLabel = new QLabel(bar);
    m_outcomeLabel->setAccessibleName(tr("Last outcome"));
    m_outcomeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcomeLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_outcomeLabel->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(m_outcomeLabel, 1);

    m_countingBox = new QWidget(bar);
    auto *countingLayout = new QHBoxLayout(m_countingBox);
    countingLayout->setContentsMargins(0, 0, 0, 0);
    m_countingLabel = new QLabel(m_countingBox);
    auto *busy = new QProgressBar(m_countingBox);
    busy->setRange(0, 0);
    busy->setMaximumSize(80, 12);
    busy->setTextVisible(false);
    auto *stop = new QToolButton(m_countingBox);
    stop->setAutoRaise(true);
    stop->setIcon(themedIcon("process-stop"));
    stop->setToolTip(tr("Stop counting pages"));
    connect(stop, &QToolButton::clicked, this, [this] {
        if (DocumentView *view = documentView())
            view->cancelPageCount();
    });
    countingLayout->addWidget(m_countingLabel);
    countingLayout->addWidget(busy);
    countingLayout->addWidget(stop);
    m_countingBox->hide();

    m_formatLabel = new QLabel(bar);
    m_pageLabel = new QLabel(bar);
    m_zoomLabel = new QLabel(bar);
    for (QLabel *label : {m_formatLabel, m_pageLabel, m_zoomLabel})
        label->setContentsMargins(8, 0, 8, 0);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("0000%")));
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bar->addPermanentWidget(m_countingBox);
    bar->addPermanentWidget(m_formatLabel);
    bar->addPermanentWidget(m_pageLabel);
    bar->addPermanentWidget(m_zoomLabel);
}

// --- documents -------------------------------------------------------------------------------

QStringList MainWindow::openDialogFilters()
{
    // Families, in the order a reader looks for them; backends of one family share a filter.
    const FormatRegistry &registry = FormatRegistry::instance();
    const QList<QPair<QString, QStringList>> families {
        {tr("PDF documents"), {QStringLiteral("pdf")}},
        {tr("Office documents"),
            {QStringLiteral("wordprocessing"), QStringLiteral("spreadsheet"), QStringLiteral("presentation")}},
        {tr("E-books"), {QStringLiteral("epub")}},
        {tr("Images"), {QStringLiteral("image")}},
        {tr("Text files"), {QStringLiteral("text")}},
        {tr("Archives and comics"), {QStringLiteral("comic"), QStringLiteral("archive"), QStringLiteral("compressed")}},
    };
    const auto filter = [](const QString &name, const QStringList &patterns) {
        return QStringLiteral("%1 (%2)").arg(name, patterns.join(QLatin1Char(' ')));
    };
    QStringList filters {filter(tr("All documents"), registry.globPatterns())};
    QStringList grouped;
    for (const auto &[name, ids] : families) {
        QStringList patterns;
        for (const QString &id : ids) {
            if (const Backend *backend = registry.backendById(id))
                patterns += registry.globPatterns(backend);
            grouped << id;
        }
        patterns.sort(Qt::CaseInsensitive);
        patterns.removeDuplicates();
        if (!patterns.isEmpty())
            filters << filter(name, patterns);
    }
    // A backend added without a family still gets its own filter.
    for (const auto &backend : registry.backends()) {
        if (!grouped.contains(backend->id()))
            filters << filter(backend->name(), registry.globPatterns(backend.get()));
    }
    filters << tr("All files (*)");
    return filters;
}

void MainWindow::showOpenDialog()
{
    const QString filters = openDialogFilters().join(QLatin1String(";;"));
    QString directory = QDir::homePath();
    if (const DocumentView *view = documentView())
        directory = QFileInfo(view->path()).absolutePath();
    else if (const QStringList recent = Settings::recentFiles(); !recent.isEmpty())
        directory = QFileInfo(recent.first()).absolutePath();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Document"), directory, filters);
    if (!files.isEmpty())
        openFiles(files);
}

void MainWindow::openFile(const QString &path, int page)
{
    // A file asked for now comes to the front rather than the last session's current tab.
    m_sessionCurrent.clear();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_placing.value(absolute))
        return; // opened, and in its tab in a moment
    // An open document is shown, not opened twice.
    if (const int tab = tabOf(absolute); tab >= 0) {
        m_tabs->setCurrentIndex(tab);
        if (page >= 0)
            documentAt(tab)->pageView()->goToPage(page);
        return;
    }
    // Without a page asked for, the remembered one: a streaming document reads as far as that.
    if (page < 0) {
        if (const Settings::DocumentState state = Settings::documentState(absolute); state.valid)
            page = state.page;
    }
    // Tabs follow the order files were asked for, not the order their opening finished.
    m_openOrder.insert(absolute, ++m_openSequence);
    m_opener->open(absolute, page);
}

void MainWindow::reopenLastSession()
{
    const Settings::Session session = Settings::lastSession();
    QStringList files;
    for (const QString &file : session.files) {
        if (QFileInfo(file).isFile())
            files.append(file);
    }
    const qsizetype gone = session.files.size() - files.size();
    if (files.isEmpty()) {
        showOutcome(session.files.isEmpty() ? tr("The last session had no documents")
                                            : tr("The last session's documents are no longer there"));
        return;
    }
    // Each opens as usual (a job of its own, cancellable), at its remembered page and zoom.
    openFiles(files);
    m_sessionCurrent = QFileInfo(session.files.value(session.current)).absoluteFilePath();
    if (const int tab = tabOf(m_sessionCurrent); tab >= 0)
        m_tabs->setCurrentIndex(tab);
    if (gone > 0)
        showOutcome(tr("%n document(s) of the last session are no longer there", nullptr, int(gone)));
}

void MainWindow::openFiles(const QStringList &paths, int page)
{
    for (qsizetype i = 0; i < paths.size(); ++i)
        openFile(paths[i], i == 0 ? page : -1);
}

DocumentView *MainWindow::createView(const LoadedDocument &document)
{
    auto *view = new DocumentView(document, m_jobs, m_tabs);
    view->setRenderTimeout(m_jobs->timeout());
    view->setSidebarVisible(m_sidebarAction->isChecked() && !m_fullScreen.active);
    view->sidebar()->setCurrentIndex(std::min(Settings::sidebarPage(), view->sidebar()->count() - 1));
    connect(view->sidebar(), &QTabWidget::currentChanged, this,
        [this](int index) { Settings::setSidebar(m_sidebarAction->isChecked(), index); });
    connect(view, &DocumentView::openRequested, this, [this](const QString &path) { openFile(path); });

    // Signals of background tabs only update the window when their tab comes forward.
    auto isCurrent = [this, view] { return documentView() == view; };
    PageView *pages = view->pageView();
    connect(pages, &PageView::currentPageChanged, this, [this, isCurrent] {
        if (isCurrent())
            updatePageWidgets();
    });
    connect(pages, &PageView::pageCountChanged, this, [this, isCurrent] {
        if (isCurrent())
            updatePageWidgets();
    });
    connect(view, &DocumentView::pageLabelsChanged, this, [this, isCurrent] {
        if (isCurrent())
            updatePageWidgets();
    });
    connect(view, &DocumentView::historyChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateHistoryActions();
    });
    connect(pages, &PageView::zoomChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateZoomWidgets();
    });
    connect(pages, &PageView::zoomModeChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateZoomWidgets();
    });
    connect(pages, &PageView::selectionChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateActions();
    });
    if (view->canAnnotate()) {
        auto *separator = new QAction(view);
        separator->setSeparator(true);
        pages->setContextActions(
            {m_highlightAction, m_underlineAction, m_strikeOutAction, m_squigglyAction, separator, m_addNoteAction});
    }
    connect(view, &DocumentView::modifiedChanged, this, [this, view, isCurrent] {
        updateTabText(view);
        if (isCurrent()) {
            updateTitle();
            updateActions();
        }
    });
    connect(pages, &PageView::continuousChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateActions();
    });
    connect(pages, &PageView::facingChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateActions();
    });
    connect(pages, &PageView::bookLayoutChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateActions();
    });
    connect(pages, &PageView::pageColorsChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateActions();
    });
    connect(pages, &PageView::renderFailed, this, [this, view](int page, const Status &status) {
        showOutcome(tr("%1, page %2: %3").arg(view->fileName(), QLocale().toString(page + 1), status.message()), view);
    });
    connect(view, &DocumentView::countingStarted, this, [this, isCurrent] {
        if (!isCurrent())
            return;
        m_countingLabel->setText(tr("Counting pages…"));
        m_countingBox->show();
    });
    connect(view, &DocumentView::pageCountChanged, this, [this, isCurrent](int count, bool final) {
        if (!isCurrent())
            return;
        m_countingLabel->setText(tr("Counting pages… %1").arg(QLocale().toString(count)));
        updatePageWidgets();
        if (final)
            m_countingBox->hide();
    });
    connect(view, &DocumentView::countingFinished, this, [this, view, isCurrent](const Status &status) {
        if (isCurrent()) {
            m_countingBox->hide();
            updatePageWidgets();
        }
        if (status.isOk())
            showOutcome(
                tr("%1: all pages found: %2").arg(view->fileName(), pagesText(view->pageView()->pageCount())), view);
        else if (status.code() != StatusCode::Canceled || view->lifetimeToken().reason() != CancelReason::Shutdown)
            showOutcome(tr("%1: counting pages: %2").arg(view->fileName(), status.message()), view);
    });
    return view;
}

void MainWindow::showDocument(const LoadedDocument &document, int page, bool reload)
{
    if (reload && tabOf(document.path) < 0)
        return; // closed while it reloaded
    // The view is made in this turn of the event loop and goes into its tab in a later one: the
    // widgets of a big document's tab, and their first layout and paint, are each about a frame's
    // work, and together a visible stall.
    DocumentView *view = createView(document);
    // The colours now, before the first render is scheduled: a page rendered in other colours
    // would be thrown away when the view is placed.
    const int existing = tabOf(document.path);
    const Settings::DocumentState state = Settings::documentState(document.path);
    view->setPageColors(existing >= 0 ? documentAt(existing)->pageView()->pageColors()
            : state.valid             ? state.colors
                                      : Settings::defaultPageColors());
    m_placing.insert(document.path, view);
    QTimer::singleShot(std::chrono::milliseconds(1), view,
        [this, view, document, page, reload] { placeView(view, document, page, reload); });
}

void MainWindow::placeView(DocumentView *view, const LoadedDocument &document, int page, bool reload)
{
    m_placing.remove(document.path);
    const int existing = tabOf(document.path);
    if (reload && existing < 0) { // closed while it reloaded
        view->shutdown();
        view->deleteLater();
        return;
    }
    if (existing >= 0) {
        DocumentView *old = documentAt(existing);
        const Settings::DocumentState state = old->viewState();
        replaceView(old, view);
        view->restoreViewState(state);
        if (reload)
            showOutcome(tr("Reloaded %1 · %2").arg(view->fileName(), pagesText(view->pageView()->pageCount())), view);
    } else {
        const quint64 order = m_openOrder.take(document.path);
        view->setProperty(OpenOrderProperty, order);
        int tab = m_tabs->count();
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (documentAt(i)->property(OpenOrderProperty).toULongLong() > order) {
                tab = i;
                break;
            }
        }
        tab = m_tabs->insertTab(tab, view, view->fileName());
        m_tabs->setTabToolTip(tab, document.path);
        m_tabs->setCurrentIndex(tab);
        // While a session reopens, its current tab stays in front as the others arrive.
        if (const int wanted = tabOf(m_sessionCurrent); !m_sessionCurrent.isEmpty() && wanted >= 0)
            m_tabs->setCurrentIndex(wanted);
        m_stack->setCurrentWidget(m_tabs);
        // Zoom, rotation and mode as last time; the page asked for (or the remembered one).
        view->restoreViewState(Settings::documentState(document.path));
        if (page >= 0)
            view->pageView()->goToPage(std::min(page, view->pageView()->pageCount() - 1));
        Settings::addRecentFile(document.path);
        m_welcome->setRecentFiles(Settings::recentFiles());
        const QString pages = pagesText(view->pageView()->pageCount());
        if (document.pageCountFinal)
            showOutcome(tr("Opened %1 · %2").arg(view->fileName(), pages), view);
        else
            showOutcome(tr("Opened %1 · %2 so far").arg(view->fileName(), pages), view);
    }
    if (!m_watcher->files().contains(document.path))
        m_watcher->addPath(document.path);
    view->setFocus();
    currentTabChanged();
    view->countPages();
}

void MainWindow::replaceView(DocumentView *old, DocumentView *view)
{
    const int tab = m_tabs->indexOf(old);
    view->setProperty(OpenOrderProperty, old->property(OpenOrderProperty));
    const bool wasCurrent = m_tabs->currentIndex() == tab;
    {
        // The tab keeps its place; its widget changes.
        const QSignalBlocker blocker(m_tabs);
        m_tabs->insertTab(tab, view, view->fileName());
        m_tabs->setTabToolTip(tab, view->path());
        m_tabs->removeTab(tab + 1);
        // Annotations not saved yet stay with the document as it is read again.
        view->takeEdits(*old);
        updateTabText(view);
        if (wasCurrent)
            m_tabs->setCurrentIndex(tab);
    }
    old->shutdown(); // its jobs finish in the background
    old->deleteLater();
}

void MainWindow::closeDocument()
{
    closeDocumentAt(m_tabs->currentIndex());
}

void MainWindow::closeDocumentAt(int index)
{
    DocumentView *view = documentAt(index);
    if (!view)
        return;
    if (view->isModified() && !confirmDiscard({view}))
        return;
    rememberState(view);
    const QString path = view->path();
    m_tabs->removeTab(index);
    view->shutdown(); // its jobs finish in the background
    view->deleteLater();
    if (tabOf(path) < 0) {
        m_watcher->removePath(path);
        m_changedFiles.removeAll(path);
    }
    if (m_tabs->count() == 0) {
        m_stack->setCurrentWidget(m_welcome);
        m_countingBox->hide();
    }
    currentTabChanged();
}

void MainWindow::reloadDocument()
{
    if (const DocumentView *view = documentView())
        m_opener->reload(view->path(), view->loadedDocument().password);
}

void MainWindow::showExportDialog()
{
    const DocumentView *view = documentView();
    if (!view)
        return;
    ExportDialog::Source source;
    source.path = view->path();
    source.currentPage = std::max(0, view->pageView()->currentPage());
    source.pageCount = view->pageView()->pageCount();
    source.pageCountFinal = view->isPageCountFinal();
    source.colors = view->pageView()->pageColors();
    // Window-modal and without a nested event loop, like the other dialogs of the window.
    auto *dialog = new ExportDialog(source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { exportDocument(dialog->request()); });
    dialog->open();
}

Job *MainWindow::exportDocument(const ExportRequest &request)
{
    const int tab = tabOf(request.documentPath);
    if (tab < 0 || m_jobs->isShuttingDown())
        return nullptr;
    // What the tab was opened with, so the export shows the same pages (and needs no prompt).
    ExportRequest job = request;
    job.open.password = documentAt(tab)->loadedDocument().password;
    job.open.limits = m_opener->limits();
    job.open.archiveEncoding = m_opener->archiveEncoding();
    job.open.renderOptions = m_opener->renderOptions();
    job.documentStamp = documentAt(tab)->loadedDocument().stamp;

    JobOptions options;
    options.operation = tr("Exporting");
    options.fileName = QFileInfo(request.documentPath).fileName();
    options.unit = ProgressUnit::Pages;
    options.reportOutcome = false; // exportFinished() says what was written
    QPointer<DocumentView> view = documentAt(tab);
    showOutcome(tr("Exporting %1…").arg(options.fileName), view);
    std::function<Result<ExportResult>(const CancellationToken &, const ProgressCallback &)> work
        = [job](const CancellationToken &token, const ProgressCallback &progress) {
              ExportProgress steps;
              steps.writing = progress; // the job counts pages written
              return Exporter::exportDocument(job, token, steps);
          };
    Job *running = m_jobs->run<ExportResult>(options, std::move(work), this,
        [this, request](Result<ExportResult> result) { exportFinished(request, result); });
    // "Cancelled" as soon as it is, not when the exporter has got there.
    connect(running, &Job::stopping, this, [this, view](const Status &reason) {
        if (view)
            showOutcome(reason.message(), view);
    });
    return running;
}

void MainWindow::exportFinished(const ExportRequest &request, const Result<ExportResult> &result)
{
    const int tab = tabOf(request.documentPath);
    DocumentView *view = tab >= 0 ? documentAt(tab) : nullptr;
    if (result) {
        const bool pdf = request.options.format == ExportOptions::Format::Pdf && !result->files.isEmpty();
        const QString target = pdf ? result->files.first() : request.directory;
        showOutcome(tr("Exported %1 to %2").arg(pagesText(result->pageCount), QDir::toNativeSeparators(target)), view);
        return;
    }
    const Status &status = result.status();
    const QString fileName = QFileInfo(request.documentPath).fileName();
    // "Cancelled" needs no more words: it was the user's own doing (or the window's closing).
    if (status.code() == StatusCode::Canceled) {
        showOutcome(status.message(), view);
        return;
    }
    showOutcome(tr("Could not export %1: %2").arg(fileName, status.withoutFile().message()), view);
    ExportJob::showFailure(request, status, this);
}

void MainWindow::fileChanged(const QString &path)
{
    if (!m_changedFiles.contains(path))
        m_changedFiles.append(path);
    // Writers often replace a file in several steps: wait until it has been quiet a moment.
    m_reloadTimer->start();
}

void MainWindow::reloadChangedFiles()
{
    const QStringList paths = std::exchange(m_changedFiles, {});
    for (const QString &path : paths) {
        const int tab = tabOf(path);
        if (tab < 0)
            continue;
        if (!QFileInfo::exists(path)) {
            // Deleted, or replaced by rename and not yet back: keep what is on screen.
            showOutcome(tr("%1 was removed from disk; Folio keeps showing it").arg(QFileInfo(path).fileName()),
                documentAt(tab));
            m_watcher->removePath(path);
            continue;
        }
        // An editor that saves by renaming makes the watcher forget the path.
        if (!m_watcher->files().contains(path))
            m_watcher->addPath(path);
        m_opener->reload(path, documentAt(tab)->loadedDocument().password);
    }
}

void MainWindow::applyViewOptions()
{
    RenderOptions options;
    options.setFlag(RenderOption::RenderComments, m_commentsAction->isChecked());
    options.setFlag(RenderOption::RenderNotes, m_notesAction->isChecked());
    options.setFlag(RenderOption::RenderHiddenPages, m_hiddenPagesAction->isChecked());
    options.setFlag(RenderOption::RenderGridLines, m_gridLinesAction->isChecked());
    options.setFlag(RenderOption::RenderHeadings, m_headingsAction->isChecked());
    options.setFlag(RenderOption::RenderTrackedChanges, m_trackedChangesAction->isChecked());
    if (options == m_opener->renderOptions())
        return;
    Settings::setViewOptions(options);
    m_opener->setRenderOptions(options);
    // Only documents whose pages depend on the options: the others would reopen unchanged.
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        const DocumentView *view = documentAt(tab);
        if (view->summary().capabilities.testFlag(Capability::ViewOptions))
            m_opener->reload(view->path(), view->loadedDocument().password);
    }
}

void MainWindow::currentTabChanged()
{
    DocumentView *view = documentView();
    if (view)
        m_formatLabel->setText(view->summary().formatName);
    else
        m_formatLabel->clear();
    m_countingBox->setVisible(view && view->isCountingPages());
    // What happened in this tab, not in the one just left.
    const QString outcome = view ? view->property(OutcomeProperty).toString() : QString();
    m_outcomeLabel->setText(outcome);
    m_outcomeLabel->setToolTip(outcome);
    applyCacheBudgets();
    updateTitle();
    updateActions();
    updatePageWidgets();
    updateZoomWidgets();
}

void MainWindow::applyCacheBudgets()
{
    // The document on screen gets the whole budget; the others keep an eighth of it.
    const qint64 budget = qint64(m_cacheBudgetMiB) * 1024 * 1024;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (DocumentView *view = documentAt(i))
            view->pageView()->cache().setBudget(i == m_tabs->currentIndex() ? budget : budget / 8);
    }
}

void MainWindow::rememberState(DocumentView *view)
{
    if (view && view->pageView()->pageCount() > 0)
        Settings::setDocumentState(view->path(), view->viewState());
}

int MainWindow::tabOf(const QString &path) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (const DocumentView *view = documentAt(i); view && view->path() == path)
            return i;
    }
    return -1;
}

DocumentView *MainWindow::documentView() const
{
    return qobject_cast<DocumentView *>(m_tabs->currentWidget());
}

int MainWindow::documentCount() const
{
    return m_tabs->count();
}

DocumentView *MainWindow::documentAt(int index) const
{
    return qobject_cast<DocumentView *>(m_tabs->widget(index));
}

PageView *MainWindow::pageView() const
{
    DocumentView *view = documentView();
    return view ? view->pageView() : nullptr;
}

// --- state -----------------------------------------------------------------------------------

void MainWindow::updateTabText(DocumentView *view)
{
    const int tab = m_tabs->indexOf(view);
    if (tab >= 0)
        m_tabs->setTabText(tab, view->isModified() ? tr("%1 •").arg(view->fileName()) : view->fileName());
}

void MainWindow::updateTitle()
{
    if (const DocumentView *view = documentView())
        setWindowTitle(view->isModified() ? tr("%1 (annotated, not saved) — Folio").arg(view->fileName())
                                          : tr("%1 — Folio").arg(view->fileName()));
    else
        setWindowTitle(tr("Folio"));
}

void MainWindow::updateActions()
{
    const bool hasDocument = documentView() != nullptr;
    for (QAction *action : std::as_const(m_documentActions))
        action->setEnabled(hasDocument);
    const PageView *view = pageView();
    m_copyAction->setEnabled(view && view->hasSelection());
    const DocumentView *tab = documentView();
    const bool annotatable = tab && tab->canAnnotate();
    for (QAction *action : {m_highlightAction, m_underlineAction, m_strikeOutAction, m_squigglyAction})
        action->setEnabled(annotatable && view->hasSelection());
    m_addNoteAction->setEnabled(annotatable);
    m_undoAnnotationAction->setEnabled(
        annotatable && !(tab->edits().markups.isEmpty() && tab->edits().notes.isEmpty()));
    m_saveCopyAction->setEnabled(annotatable && !tab->edits().isEmpty());
    m_continuousAction->setChecked(!view || view->isContinuous());
    m_facingAction->setChecked(view && view->isFacing());
    m_coverAloneAction->setChecked(view && view->isCoverAlone());
    m_rightToLeftAction->setChecked(view && view->isRightToLeft());
    const PageColors colors = view ? view->pageColors() : PageColors();
    for (QAction *action : m_colorsGroup->actions())
        action->setChecked(action->data().toInt() == int(colors.mode));
    m_keepPicturesAction->setChecked(colors.keepPictures);
    m_keepPicturesAction->setEnabled(view && !colors.isNormal());
    m_pageSpin->setEnabled(hasDocument);
    m_zoomCombo->setEnabled(hasDocument);
    updateHistoryActions();
}

void MainWindow::updateHistoryActions()
{
    const DocumentView *view = documentView();
    m_backAction->setEnabled(view && view->canGoBack());
    m_forwardAction->setEnabled(view && view->canGoForward());
}

void MainWindow::updatePageWidgets()
{
    PageView *view = pageView();
    const QSignalBlocker blocker(m_pageSpin);
    if (!view || view->pageCount() == 0) {
        m_pageSpin->setRange(0, 0);
        m_pageSpin->setSuffix(QString());
        m_pageSpin->setSpecialValueText(QStringLiteral(" "));
        m_pageSpin->setPageLabels({});
        m_pageLabel->clear();
        return;
    }
    const int count = view->pageCount();
    const int current = view->currentPage() + 1;
    const bool final = documentView()->isPageCountFinal();
    const QString total = final ? QLocale().toString(count) : tr("%1+").arg(QLocale().toString(count));
    m_pageSpin->setSpecialValueText(QString());
    m_pageSpin->setPageLabels(documentView()->pageLabels());
    m_pageSpin->setRange(1, count);
    m_pageSpin->setSuffix(tr(" / %1").arg(total));
    m_pageSpin->setValue(current);
    m_pageLabel->setText(tr("Page %1 of %2").arg(QLocale().toString(current), total));
    m_previousAction->setEnabled(current > 1);
    m_nextAction->setEnabled(current < count);
    m_firstAction->setEnabled(current > 1);
    m_lastAction->setEnabled(current < count);
}

void MainWindow::updateZoomWidgets()
{
    PageView *view = pageView();
    if (!view) {
        m_zoomLabel->clear();
        m_zoomCombo->setEditText(QString());
        m_fitWidthAction->setChecked(false);
        m_fitPageAction->setChecked(false);
        return;
    }
    const PageView::ZoomMode mode = view->zoomMode();
    m_fitWidthAction->setChecked(mode == PageView::ZoomMode::FitWidth);
    m_fitPageAction->setChecked(mode == PageView::ZoomMode::FitPage);
    m_zoomLabel->setText(percentText(view->zoom()));
    if (!m_zoomCombo->lineEdit()->hasFocus())
        m_zoomCombo->setEditText(percentText(view->zoom()));
    m_zoomInAction->setEnabled(view->zoom() < PageView::MaxZoom);
    m_zoomOutAction->setEnabled(view->zoom() > PageView::MinZoom);
}

void MainWindow::applyZoomText()
{
    PageView *view = pageView();
    if (!view)
        return;
    QString text = m_zoomCombo->currentText().trimmed();
    text.remove(QLatin1Char('%'));
    bool ok = false;
    const double percent = QLocale().toDouble(text.trimmed(), &ok);
    if (ok && percent > 0)
        view->setZoom(percent / 100.0);
    else
        updateZoomWidgets();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Settings::recentFiles();
    int number = 0;
    for (const QString &path : files) {
        if (!QFileInfo::exists(path))
            continue;
        ++number;
        const QString text
            = number < 10 ? tr("&%1 %2").arg(number).arg(QFileInfo(path).fileName()) : QFileInfo(path).fileName();
        QAction *action = m_recentMenu->addAction(text, this, [this, path] { openFile(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (number == 0) {
        m_recentMenu->addAction(tr("No Recent Documents"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
        Settings::clearRecentFiles();
        m_welcome->setRecentFiles({});
    });
}

QString MainWindow::lastOutcome() const
{
    return m_outcomeLabel->text();
}

void MainWindow::showOutcome(const QString &text, DocumentView *view)
{
    // Each tab has its own last outcome, shown while it is the current one.
    if (view) {
        view->setProperty(OutcomeProperty, text);
        if (view != documentView())
            return;
    }
    m_outcomeLabel->setText(text);
    m_outcomeLabel->setToolTip(text);
}

DocumentView *MainWindow::viewNamed(const QString &fileName) const
{
    DocumentView *found = nullptr;
    for (int i = 0; i < documentCount(); ++i) {
        if (documentAt(i)->fileName() == fileName) {
            if (found)
                return nullptr; // two tabs of that name: the window speaks for both
            found = documentAt(i);
        }
    }
    return found;
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_jobs->timeout(), m_cacheBudgetMiB, this);
    dialog.setLimits(m_opener->limits());
    dialog.setArchiveEncoding(m_opener->archiveEncoding());
    dialog.setPageColors(Settings::defaultPageColors());
    dialog.setRestoreSession(Settings::restoreSession());
    dialog.setAnnotationAuthor(Settings::annotationAuthor());
    dialog.setWindowTheme(Settings::windowTheme());
    dialog.setPresentationScreen(Settings::presentationScreen());
    if (dialog.exec() != QDialog::Accepted)
        return;
    Settings::setRestoreSession(dialog.restoreSession());
    Settings::setAnnotationAuthor(dialog.annotationAuthor());
    if (dialog.windowTheme() != Settings::windowTheme()) {
        Settings::setWindowTheme(dialog.windowTheme());
        applyWindowTheme(dialog.windowTheme());
    }
    Settings::setPresentationScreen(dialog.presentationScreen());
    const PageColors colors = dialog.pageColors();
    Settings::setDefaultPageColors(colors);
    // Tabs in custom colours take the new paper and ink.
    for (int i = 0; i < documentCount(); ++i) {
        DocumentView *view = documentAt(i);
        PageColors own = view->pageView()->pageColors();
        if (own.mode == PageColors::Mode::Custom) {
            own.paper = colors.paper;
            own.ink = colors.ink;
            view->setPageColors(own);
        }
    }
    Settings::setLimits(dialog.limits());
    m_opener->setLimits(dialog.limits());
    Settings::setArchiveEncoding(dialog.archiveEncoding());
    m_opener->setArchiveEncoding(dialog.archiveEncoding());
    Settings::setTimeout(dialog.timeout());
    m_jobs->setTimeout(dialog.timeout());
    for (int i = 0; i < m_tabs->count(); ++i)
        documentAt(i)->setRenderTimeout(dialog.timeout());
    m_cacheBudgetMiB = dialog.cacheBudgetMiB();
    Settings::setCacheBudgetMiB(m_cacheBudgetMiB);
    applyCacheBudgets();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Folio"),
        tr("<h3>Folio %1</h3>"
           "<p>A document viewer that no document can hold hostage: every long operation "
           "runs in the background, shows its progress and stops when you press Cancel or Esc, "
           "or when its time limit expires.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QStringLiteral(FOLIO_VERSION)));
}

// --- events ----------------------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    QList<DocumentView *> modified;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (documentAt(i)->isModified())
            modified.append(documentAt(i));
    }
    if (!modified.isEmpty() && !confirmDiscard(modified)) {
        event->ignore();
        return;
    }
    Settings::setWindowGeometry(saveGeometry(), saveState());
    Settings::Session session;
    for (int i = 0; i < m_tabs->count(); ++i)
        session.files.append(documentAt(i)->path());
    session.current = std::max(0, m_tabs->currentIndex());
    Settings::setLastSession(session);
    for (int i = 0; i < m_tabs->count(); ++i)
        rememberState(documentAt(i));
    // Every job stops (Shutdown); none is waited for.
    m_jobs->shutdown();
    event->accept();
}

void MainWindow::annotateSelection(Annotation::Type type)
{
    DocumentView *view = documentView();
    if (!view || !view->canAnnotate())
        return;
    if (!view->annotateSelection(type, Settings::annotationAuthor()))
        showOutcome(tr("Select the text to mark first"), view);
}

void MainWindow::addNote()
{
    DocumentView *view = documentView();
    if (!view || !view->canAnnotate())
        return;
    PageView *pages = view->pageView();
    // Where the context menu was opened; else beside the selection; else the current page's
    // top left corner.
    PageRect where = pages->contextPoint();
    if (where.page < 0) {
        const QList<PageRect> lines = pages->selectionLines();
        where = lines.isEmpty()
            ? PageRect {pages->currentPage(), QRectF(36, 36, 0, 0)}
            : PageRect {lines.first().page, QRectF(lines.first().rect.topLeft() - QPointF(28, 0), QSizeF())};
    }
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Add Note"), tr("Note on page %1:").arg(where.page + 1), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    const QSizeF size = pages->pageSize(where.page);
    // The icon stays on the page.
    const QPointF at(std::clamp(where.rect.left(), 0.0, std::max(0.0, size.width() - 24)),
        std::clamp(where.rect.top(), 0.0, std::max(0.0, size.height() - 24)));
    view->addNote(where.page, at, text, Settings::annotationAuthor());
}

void MainWindow::showSaveCopyDialog()
{
    DocumentView *view = documentView();
    if (!view || !view->canAnnotate() || view->edits().isEmpty())
        return;
    const QFileInfo info(view->path());
    const QString suggested = info.dir().filePath(tr("%1 (annotated).%2").arg(info.completeBaseName(), info.suffix()));
    const QString destination
        = QFileDialog::getSaveFileName(this, tr("Save a Copy"), suggested, tr("PDF documents (*.pdf)"));
    if (destination.isEmpty())
        return;
    saveCopy(destination);
}

Job *MainWindow::saveCopy(const QString &destination)
{
    DocumentView *view = documentView();
    if (!view || !view->canAnnotate() || view->edits().isEmpty())
        return nullptr;
    const QString target = QFileInfo(destination).absoluteFilePath();
    if (QFileInfo(target) == QFileInfo(view->path())) {
        QMessageBox::warning(this, tr("Save a Copy"),
            tr("%1 is the document itself. Folio writes annotations into a copy and never over the "
               "file it shows; choose another name.")
                .arg(QFileInfo(target).fileName()));
        return nullptr;
    }
    PdfEditor::Request request;
    request.source = view->path();
    request.password = view->loadedDocument().password;
    request.destination = target;
    request.edits = view->edits();
    request.limits = m_opener->limits();
    const int count = int(request.edits.markups.size() + request.edits.notes.size());
    JobOptions options;
    options.operation = tr("Saving a copy of");
    options.fileName = view->fileName();
    options.reportOutcome = false;
    QPointer<DocumentView> targetView = view;
    return m_jobs->run<QStringList>(
        options,
        [request](
            const CancellationToken &token, const ProgressCallback &) { return PdfEditor::writeCopy(request, token); },
        this,
        [this, targetView, target, count, fields = int(request.edits.fields.size()), version = view->editVersion()](
            Result<QStringList> result) {
            if (!result) {
                if (result.status().code() == StatusCode::Canceled)
                    showOutcome(tr("Saving the copy stopped: nothing was written"), targetView);
                else
                    QMessageBox::warning(this, tr("Save a Copy"),
                        tr("The copy could not be saved, and no file was written.\n\n%1")
                            .arg(result.status().message()));
                return;
            }
            // Saved what the tab had when the save began; later edits stay unsaved.
            if (targetView)
                targetView->markSaved(version);
            if (fields > 0)
                showOutcome(
                    tr("Saved a copy with %n annotation(s) and the form's entries as %1", nullptr, count).arg(target),
                    targetView);
            else
                showOutcome(tr("Saved a copy with %n annotation(s) as %1", nullptr, count).arg(target), targetView);
        });
}

bool MainWindow::confirmDiscard(const QList<DocumentView *> &views)
{
    QStringList names;
    for (const DocumentView *view : views)
        names.append(view->fileName());
    QMessageBox box(QMessageBox::Warning, tr("Annotations Not Saved"),
        views.size() == 1 ? tr("%1 has annotations that are not saved in a copy yet.").arg(names.first())
                          : tr("These documents have annotations that are not saved in a copy yet: %1.")
                                .arg(names.join(QStringLiteral(", "))),
        QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("discardAnnotations"));
    box.setInformativeText(tr("Closing loses them. Use File ▸ Save a Copy to keep them."));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

void MainWindow::startPresentation()
{
    DocumentView *view = documentView();
    if (!view || view->pageView()->pageCount() == 0)
        return;
    if (m_presentation)
        m_presentation->close();
    const PageView *pages = view->pageView();
    PresentationView::Source source;
    source.document = view->loadedDocument().document;
    source.pageSizes.reserve(pages->pageCount());
    for (int page = 0; page < pages->pageCount(); ++page)
        source.pageSizes.append(pages->pageSize(page));
    source.rotation = pages->rotation();
    source.colors = pages->pageColors();
    source.timeout = m_jobs->timeout();
    source.parent = view->lifetimeToken();
    // A child of the tab's view (but a window of its own): closing the tab ends the presentation.
    auto *presentation = new PresentationView(std::move(source), pages->currentPage(), view);
    presentation->setAttribute(Qt::WA_DeleteOnClose);
    connect(presentation, &PresentationView::finished, view, [view](int page) {
        if (page != view->pageView()->currentPage())
            view->jumpTo(page);
    });
    m_presentation = presentation;
    QScreen *screen = this->screen();
    const QString wanted = Settings::presentationScreen();
    for (QScreen *candidate : QGuiApplication::screens()) {
        if (!wanted.isEmpty() && candidate->name() == wanted)
            screen = candidate;
    }
    presentation->start(screen);
}

void MainWindow::setFullScreen(bool on)
{
    if (on == m_fullScreen.active)
        return;
    // Full screen is the pages alone: no menus, tool bar, tabs, sidebar or status bar. Their
    // shortcuts keep working (the actions are also the window's own), and Esc or F11 leaves.
    if (on) {
        m_fullScreen = {true, menuBar()->isVisible(), statusBar()->isVisible(), m_sidebarAction->isChecked(), {}};
        for (QToolBar *bar : findChildren<QToolBar *>()) {
            if (bar->isVisible())
                m_fullScreen.toolBars.append(bar);
        }
        menuBar()->hide();
        statusBar()->hide();
        for (QToolBar *bar : std::as_const(m_fullScreen.toolBars))
            bar->hide();
        m_tabs->tabBar()->hide();
        for (int i = 0; i < documentCount(); ++i)
            documentAt(i)->setSidebarVisible(false);
        setWindowState(windowState() | Qt::WindowFullScreen);
    } else {
        m_fullScreen.active = false;
        menuBar()->setVisible(m_fullScreen.menuBar);
        statusBar()->setVisible(m_fullScreen.statusBar);
        for (QToolBar *bar : std::as_const(m_fullScreen.toolBars)) {
            if (bar)
                bar->show();
        }
        m_tabs->tabBar()->setVisible(m_tabs->count() > 1); // as the tab bar's auto-hide has it
        for (int i = 0; i < documentCount(); ++i)
            documentAt(i)->setSidebarVisible(m_fullScreen.sidebar);
        setWindowState(windowState() & ~Qt::WindowFullScreen);
    }
    m_leaveFullScreen->setEnabled(on);
    {
        const QSignalBlocker blocker(m_fullScreenAction);
        m_fullScreenAction->setChecked(on);
    }
}

bool MainWindow::isFullScreenMode() const
{
    return m_fullScreen.active;
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // The window manager can leave full screen too: bring the bars back.
    if (event->type() == QEvent::WindowStateChange && m_fullScreen.active && !isFullScreen()
        && (static_cast<QWindowStateChangeEvent *>(event)->oldState() & Qt::WindowFullScreen))
        setFullScreen(false);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool anyFile = std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
    if (anyFile)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    openFiles(paths);
}

} // namespace folio
