// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documentview.h"
#include "pageview.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace folio {

class DocumentOpener;
class JobRunner;
class WelcomeWidget;
struct LoadedDocument;

// The main window: menus, toolbar, status bar and one DocumentView (tabs can replace the single
// slot: everything per document lives in DocumentView). Closing it cancels every job with
// CancelReason::Shutdown and waits for none.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    JobRunner *jobRunner() const { return m_jobs; }
    // The open document's view, or nullptr.
    DocumentView *documentView() const { return m_view; }
    // What the status bar says happened last ("Cancelled", "Timed out after 30 s", ...).
    QString lastOutcome() const;

public Q_SLOTS:
    // Edits the time limit of jobs; applies and stores it when accepted.
    void showPreferences();
    // Opens `path`, then shows `page` (0-based; -1 for the first).
    void openFile(const QString &path, int page = -1);
    // One document at a time for now: opens the first and says so when there are more.
    void openFiles(const QStringList &paths, int page = -1);
    void showOpenDialog();
    void closeDocument();

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
    void showDocument(const LoadedDocument &document, int page);
    void updateRecentMenu();
    void updateActions();
    void updateTitle();
    void updatePageWidgets();
    void updateZoomWidgets();
    void applyZoomText();
    void showOutcome(const QString &text);
    void showAbout();
    PageView *pageView() const;

    JobRunner *m_jobs = nullptr;
    DocumentOpener *m_opener = nullptr;
    QStackedWidget *m_stack = nullptr;
    WelcomeWidget *m_welcome = nullptr;
    QPointer<DocumentView> m_view;

    QAction *m_openAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QAction *m_fitWidthAction = nullptr;
    QAction *m_fitPageAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_firstAction = nullptr;
    QAction *m_lastAction = nullptr;
    QAction *m_goToAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QList<QAction *> m_documentActions;

    QSpinBox *m_pageSpin = nullptr;
    QComboBox *m_zoomCombo = nullptr;
    QLabel *m_outcomeLabel = nullptr;
    QLabel *m_formatLabel = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QWidget *m_countingBox = nullptr;
    QLabel *m_countingLabel = nullptr;
};

} // namespace folio
