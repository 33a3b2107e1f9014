// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "preferencesdialog.h"

#include "documentopener.h"
#include "documentview.h"
#include "formatregistry.h"
#include "jobrunner.h"
#include "settings.h"
#include "welcomewidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <cmath>

namespace folio {

namespace {

// A freedesktop icon from the desktop's theme, else the one bundled in resources/icons/.
QIcon themeIcon(const char *name)
{
    const QString themeName = QLatin1String(name);
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/icons/%1.svg").arg(themeName)));
}

QString percentText(double zoom)
{
    return MainWindow::tr("%1%").arg(std::lround(zoom * 100));
}

constexpr double ZoomPresets[] = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0};
constexpr int FitWidthData = -1;
constexpr int FitPageData = -2;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_jobs(new JobRunner(this))
    , m_opener(new DocumentOpener(m_jobs, this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomeWidget(this))
{
    setWindowTitle(tr("Folio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/folio.svg")));
    setAcceptDrops(true);
    m_jobs->setTimeout(Settings::timeout());

    m_stack->addWidget(m_welcome);
    setCentralWidget(m_stack);
    connect(m_welcome, &WelcomeWidget::openRequested, this, &MainWindow::showOpenDialog);
    connect(m_welcome, &WelcomeWidget::recentFileRequested, this, [this](const QString &path) { openFile(path); });

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_opener, &DocumentOpener::opened, this, &MainWindow::showDocument);
    connect(m_opener, &DocumentOpener::message, this, &MainWindow::showOutcome);
    connect(m_jobs, &JobRunner::jobFinished, this, [this](Job *job, const Status &status) {
        if (job->options().reportOutcome)
            showOutcome(job->outcomeText(status));
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
              auto *action = new QAction(icon ? themeIcon(icon) : QIcon(), text, this);
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
    m_quitAction = makeAction("application-exit", tr("&Quit"), {QKeySequence::Quit}, false);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

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
    m_fullScreenAction = makeAction("view-fullscreen", tr("&Full Screen"), {QKeySequence::FullScreen}, false);
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
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
    m_recentMenu = file->addMenu(themeIcon("document-open-recent"), tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_preferencesAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_actualSizeAction);
    view->addSeparator();
    view->addAction(m_fitWidthAction);
    view->addAction(m_fitPageAction);
    view->addSeparator();
    view->addAction(m_fullScreenAction);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_previousAction);
    go->addAction(m_nextAction);
    go->addSeparator();
    go->addAction(m_firstAction);
    go->addAction(m_lastAction);
    go->addSeparator();
    go->addAction(m_goToAction);

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
    bar->addAction(m_previousAction);
    bar->addAction(m_nextAction);

    m_pageSpin = new QSpinBox(bar);
    m_pageSpin->setAccessibleName(tr("Current page"));
    m_pageSpin->setToolTip(tr("Current page (%1)").arg(m_goToAction->shortcut().toString(QKeySequence::NativeText)));
    m_pageSpin->setKeyboardTracking(false);
    m_pageSpin->setAlignment(Qt::AlignRight);
    m_pageSpin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_pageSpin->setMinimumWidth(96);
    connect(m_pageSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (PageView *view = pageView())
            view->goToPage(value - 1);
        if (m_view)
            m_view->setFocus();
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
    stop->setIcon(themeIcon("process-stop"));
    stop->setToolTip(tr("Stop counting pages"));
    connect(stop, &QToolButton::clicked, this, [this] {
        if (m_view)
            m_view->cancelPageCount();
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

void MainWindow::showOpenDialog()
{
    const QStringList patterns = FormatRegistry::instance().globPatterns();
    const QString filters
        = tr("Documents (%1)").arg(patterns.join(QLatin1Char(' '))) + QLatin1String(";;") + tr("All files (*)");
    QString directory = QDir::homePath();
    if (m_view)
        directory = QFileInfo(m_view->path()).absolutePath();
    else if (const QStringList recent = Settings::recentFiles(); !recent.isEmpty())
        directory = QFileInfo(recent.first()).absolutePath();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Document"), directory, filters);
    if (!files.isEmpty())
        openFiles(files);
}

void MainWindow::openFile(const QString &path, int page)
{
    m_opener->open(path, page);
}

void MainWindow::openFiles(const QStringList &paths, int page)
{
    if (paths.isEmpty())
        return;
    openFile(paths.first(), page);
    if (paths.size() > 1)
        showOutcome(
            tr("Folio shows one document at a time for now: opening %1").arg(QFileInfo(paths.first()).fileName()));
}

void MainWindow::showDocument(const LoadedDocument &document, int page)
{
    closeDocument();
    auto *view = new DocumentView(document, m_jobs->shutdownToken(), m_stack);
    view->pageView()->setRenderTimeout(m_jobs->timeout());
    m_view = view;
    m_stack->addWidget(view);
    m_stack->setCurrentWidget(view);
    view->setFocus();

    PageView *pages = view->pageView();
    connect(pages, &PageView::currentPageChanged, this, &MainWindow::updatePageWidgets);
    connect(pages, &PageView::pageCountChanged, this, &MainWindow::updatePageWidgets);
    connect(pages, &PageView::zoomChanged, this, &MainWindow::updateZoomWidgets);
    connect(pages, &PageView::zoomModeChanged, this, &MainWindow::updateZoomWidgets);
    connect(pages, &PageView::renderFailed, this,
        [this](int page, const Status &status) { showOutcome(tr("Page %1: %2").arg(page + 1).arg(status.message())); });
    connect(view, &DocumentView::countingStarted, this, [this] {
        m_countingLabel->setText(tr("Counting pages…"));
        m_countingBox->show();
    });
    connect(view, &DocumentView::pageCountChanged, this, [this](int count, bool final) {
        m_countingLabel->setText(tr("Counting pages… %1").arg(QLocale().toString(count)));
        updatePageWidgets();
        if (final)
            m_countingBox->hide();
    });
    connect(view, &DocumentView::countingFinished, this, [this](const Status &status) {
        m_countingBox->hide();
        updatePageWidgets();
        if (status.isOk())
            showOutcome(tr("All pages found: %1").arg(pagesText(pageView() ? pageView()->pageCount() : 0)));
        else
            showOutcome(tr("Counting pages: %1").arg(status.message()));
    });

    if (page > 0)
        pages->goToPage(page);
    Settings::addRecentFile(document.path);
    m_welcome->setRecentFiles(Settings::recentFiles());
    updateTitle();
    updateActions();
    updatePageWidgets();
    updateZoomWidgets();
    m_formatLabel->setText(document.summary.formatName);
    if (document.pageCountFinal)
        showOutcome(tr("Opened %1 · %2").arg(view->fileName(), pagesText(pages->pageCount())));
    else
        showOutcome(tr("Opened %1 · %2 so far").arg(view->fileName(), pagesText(pages->pageCount())));
    view->countPages();
}

void MainWindow::closeDocument()
{
    if (!m_view)
        return;
    DocumentView *view = m_view;
    m_view = nullptr;
    m_stack->setCurrentWidget(m_welcome);
    m_stack->removeWidget(view);
    view->deleteLater(); // cancels its jobs (Superseded); they finish in the background
    m_countingBox->hide();
    m_formatLabel->clear();
    updateTitle();
    updateActions();
    updatePageWidgets();
    updateZoomWidgets();
}

PageView *MainWindow::pageView() const
{
    return m_view ? m_view->pageView() : nullptr;
}

// --- state -----------------------------------------------------------------------------------

void MainWindow::updateTitle()
{
    if (m_view)
        setWindowTitle(tr("%1 — Folio").arg(m_view->fileName()));
    else
        setWindowTitle(tr("Folio"));
}

void MainWindow::updateActions()
{
    const bool hasDocument = m_view != nullptr;
    for (QAction *action : std::as_const(m_documentActions))
        action->setEnabled(hasDocument);
    m_pageSpin->setEnabled(hasDocument);
    m_zoomCombo->setEnabled(hasDocument);
}

void MainWindow::updatePageWidgets()
{
    PageView *view = pageView();
    const QSignalBlocker blocker(m_pageSpin);
    if (!view || view->pageCount() == 0) {
        m_pageSpin->setRange(0, 0);
        m_pageSpin->setSuffix(QString());
        m_pageSpin->setSpecialValueText(QStringLiteral(" "));
        m_pageLabel->clear();
        return;
    }
    const int count = view->pageCount();
    const int current = view->currentPage() + 1;
    const bool final = m_view->isPageCountFinal();
    const QString total = final ? QLocale().toString(count) : tr("%1+").arg(QLocale().toString(count));
    m_pageSpin->setSpecialValueText(QString());
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

void MainWindow::showOutcome(const QString &text)
{
    m_outcomeLabel->setText(text);
    m_outcomeLabel->setToolTip(text);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_jobs->timeout(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Settings::setTimeout(dialog.timeout());
    m_jobs->setTimeout(dialog.timeout());
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
    Settings::setWindowGeometry(saveGeometry(), saveState());
    // Every job stops (Shutdown); none is waited for.
    m_jobs->shutdown();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // The window manager can leave full screen too: keep the action's check mark honest.
    if (event->type() == QEvent::WindowStateChange) {
        const QSignalBlocker blocker(m_fullScreenAction);
        m_fullScreenAction->setChecked(isFullScreen());
    }
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
