// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/heavypdf.h"
#include "../common/testpaths.h"
#include "attachmentpanel.h"
#include "documentview.h"
#include "findbar.h"
#include "findcontroller.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "outlinepanel.h"
#include "pageview.h"
#include "preferencesdialog.h"
#include "propertiesdialog.h"
#include "settings.h"
#include "theme.h"
#include "thumbnailpanel.h"
#include "welcomewidget.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <atomic>
#include <functional>
#include <utility>

using namespace folio;
using folio::test::actionNamed;
using folio::test::visibleChild;

// Calls `added` once, the first time `watched` gets a child.
class ChildAddedHook final : public QObject
{
public:
    ChildAddedHook(QObject *watched, std::function<void()> added)
        : m_added(std::move(added))
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::ChildAdded && m_added)
            std::exchange(m_added, {})();
        return false;
    }

private:
    std::function<void()> m_added;
};

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        Settings::clearRecentFiles();
        QVERIFY(m_dir.isValid());
    }

    void startsWithPlaceholder()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Folio"));
        QVERIFY(!window.documentView());
        QVERIFY(visibleChild<WelcomeWidget>(&window));
        QVERIFY(!actionNamed(&window, QStringLiteral("Zoom In"))->isEnabled());
        QVERIFY(actionNamed(&window, QStringLiteral("Open…"))->isEnabled());
    }

    // (a) Opening shows the pages and renders the first one.
    void opensDocument()
    {
        const QString path = test::copyFixture(m_dir.path(), "two-pages.pdf");
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        PageView *view = window.documentView()->pageView();
        QCOMPARE(view->pageCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(view->isPageRendered(0), 15000);
        QCOMPARE(window.windowTitle(), QStringLiteral("two-pages.pdf — Folio"));
        QVERIFY(window.lastOutcome().contains(QStringLiteral("two-pages.pdf")));
        QCOMPARE(Settings::recentFiles().value(0), path);

        auto *spin = window.findChild<QSpinBox *>();
        QVERIFY(spin);
        QCOMPARE(spin->text(), QStringLiteral("1 / 2"));
        actionNamed(&window, QStringLiteral("Next Page"))->trigger();
        QCOMPARE(view->currentPage(), 1);
        QCOMPARE(spin->text(), QStringLiteral("2 / 2"));

        actionNamed(&window, QStringLiteral("Close"))->trigger();
        QVERIFY(!window.documentView());
        QCOMPARE(window.windowTitle(), QStringLiteral("Folio"));
    }

    void pageOptionShowsPage()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 12);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFiles({path}, 7);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QCOMPARE(window.documentView()->pageView()->currentPage(), 7);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView()->pageView()->isPageRendered(7), 15000);
    }

    void asksForPasswordUntilRight()
    {
        const QString path = test::copyFixture(m_dir.path(), "encrypted-secret.pdf");
        MainWindow window;
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QInputDialog>(&window), 15000);
        QInputDialog *prompt = visibleChild<QInputDialog>(&window);
        QCOMPARE(prompt->textEchoMode(), QLineEdit::Password);
        QVERIFY(prompt->labelText().contains(QStringLiteral("encrypted-secret.pdf")));
        prompt->setTextValue(QStringLiteral("wrong"));
        prompt->accept();

        // Asked again, saying why.
        QTRY_VERIFY_WITH_TIMEOUT(
            visibleChild<QInputDialog>(&window) && visibleChild<QInputDialog>(&window) != prompt, 15000);
        prompt = visibleChild<QInputDialog>(&window);
        QVERIFY2(prompt->labelText().contains(QStringLiteral("not correct")), qPrintable(prompt->labelText()));
        prompt->setTextValue(QStringLiteral("secret"));
        prompt->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QCOMPARE(window.documentView()->pageView()->pageCount(), 2);
    }

    void shortcutsDriveTheView()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 5);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        PageView *view = window.documentView()->pageView();
        QCOMPARE(view->zoomMode(), PageView::ZoomMode::FitWidth);
        QTest::keySequence(&window, QKeySequence(QStringLiteral("Ctrl+2")));
        QCOMPARE(view->zoomMode(), PageView::ZoomMode::FitPage);
        QTest::keySequence(&window, QKeySequence(QStringLiteral("Ctrl+0")));
        QCOMPARE(view->zoom(), 1.0);
        QTest::keySequence(&window, QKeySequence::ZoomIn);
        QVERIFY(view->zoom() > 1.0);
        QTest::keySequence(&window, QKeySequence::MoveToEndOfDocument);
        QCOMPARE(view->currentPage(), 4);
        QTest::keySequence(&window, QKeySequence(QStringLiteral("Ctrl+PgUp")));
        QCOMPARE(view->currentPage(), 3);
        QTest::keySequence(&window, QKeySequence(QStringLiteral("Ctrl+G")));
        auto *spin = window.findChild<QSpinBox *>();
        QVERIFY(spin->hasFocus());
        QTest::keyClicks(spin, QStringLiteral("2"));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(view->currentPage(), 1);
    }

    void cancellingThePasswordPromptSaysSo()
    {
        const QString path = test::copyFixture(m_dir.path(), "encrypted-secret.pdf");
        MainWindow window;
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QInputDialog>(&window), 15000);
        visibleChild<QInputDialog>(&window)->reject();
        QTRY_COMPARE(window.lastOutcome(), QStringLiteral("Cancelled"));
        QVERIFY(!window.documentView());
    }

    void explainsFailures()
    {
        const QString path = m_dir.filePath(QStringLiteral("junk.bin"));
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, '\x01'));
        junk.close();
        MainWindow window;
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QMessageBox>(&window), 15000);
        QMessageBox *box = visibleChild<QMessageBox>(&window);
        QVERIFY(box->text().contains(QStringLiteral("junk.bin")));
        // Why, in the backend's words, without repeating the path the text already names.
        QVERIFY(!box->informativeText().isEmpty());
        QVERIFY(!box->informativeText().contains(m_dir.path()));
        QVERIFY(box->detailedText().contains(path));
        QVERIFY(window.lastOutcome().contains(QStringLiteral("junk.bin")));
        QVERIFY(!window.documentView());
        box->accept();
    }

    void dropOpensFile()
    {
        const QString path = test::copyFixture(m_dir.path(), "two-pages.pdf");
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        const QPoint where = window.rect().center();
        QDragEnterEvent enter(where, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(where, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
    }

    // Settings change at once in memory and reach the disk through their own thread: after
    // flush() the file holds every change, removals and the pruning of old document states too.
    void settingsReachTheDiskInOrder()
    {
        Settings::setTimeout(std::chrono::milliseconds(4321));
        Settings::setArchiveEncoding("CP866");
        Settings::setArchiveEncoding(QByteArray()); // removed again
        for (int i = 0; i < Settings::MaxDocumentStates + 5; ++i) {
            Settings::DocumentState state;
            state.page = i;
            Settings::setDocumentState(QStringLiteral("/docs/%1.pdf").arg(i), state);
        }
        // Read back at once, before the writer has run.
        QCOMPARE(Settings::timeout(), std::chrono::milliseconds(4321));
        QVERIFY(Settings::archiveEncoding().isEmpty());
        const QString newest = QStringLiteral("/docs/%1.pdf").arg(Settings::MaxDocumentStates + 4);
        QVERIFY(Settings::documentState(newest).valid);
        QCOMPARE(Settings::documentState(newest).page, Settings::MaxDocumentStates + 4);

        Settings::flush();
        QSettings file;
        QCOMPARE(file.value(QStringLiteral("timeout")).toLongLong(), 4321);
        QVERIFY(!file.contains(QStringLiteral("archives/encoding")));
        file.beginGroup(QStringLiteral("documents"));
        QCOMPARE(file.childGroups().size(), Settings::MaxDocumentStates);
        file.endGroup();
        Settings::setTimeout(Settings::DefaultTimeout);
    }

    void timeoutSettingIsUsed()
    {
        Settings::setTimeout(std::chrono::milliseconds(1234));
        MainWindow window;
        QCOMPARE(window.jobRunner()->timeout(), std::chrono::milliseconds(1234));
        Settings::setTimeout(Settings::DefaultTimeout);
    }

    void preferencesSetTheTimeout()
    {
        MainWindow window;
        window.show();
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->timeoutBox()->value(), 30);
            dialog->timeoutBox()->setValue(7);
            dialog->accept();
        });
        window.showPreferences();
        QCOMPARE(window.jobRunner()->timeout(), std::chrono::milliseconds(7000));
        QCOMPARE(Settings::timeout(), std::chrono::milliseconds(7000));

        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->timeoutBox()->setValue(0);
            dialog->reject(); // cancelled: nothing changes
        });
        window.showPreferences();
        QCOMPARE(window.jobRunner()->timeout(), std::chrono::milliseconds(7000));
        Settings::setTimeout(Settings::DefaultTimeout);
    }

    // A tab is made in one turn of the event loop and shown in a later one; opening the file
    // again in between gives one tab all the same.
    void openingAgainWhileTheTabIsPlacedGivesOneTab()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 2);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        // When the view is made (a child of the tab widget), open the file again as soon as
        // showDocument() has returned: before the view is in its tab.
        int tabsAtSecondOpen = -1;
        QPointer<DocumentView> first;
        ChildAddedHook hook(window.tabWidget(), [&] {
            QMetaObject::invokeMethod(
                &window,
                [&] {
                    tabsAtSecondOpen = window.documentCount();
                    first = window.findChild<DocumentView *>();
                    window.openFile(path);
                },
                Qt::QueuedConnection);
        });
        window.openFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 1, 15000);
        QCOMPARE(tabsAtSecondOpen, 0);
        // Not opened a second time (which would replace the view): the tab keeps the one first made.
        QTest::qWait(500);
        QVERIFY(first);
        QCOMPARE(window.documentCount(), 1);
        QCOMPARE(window.documentView(), first.data());
        QCOMPARE(window.findChildren<DocumentView *>().size(), 1);
    }

    // View ▸ Colours turns the pages and the thumbnails (rendered again on the workers); the
    // choice stays with the document and the next one opens in the default colours.
    void nightModeIsRenderedAndRemembered()
    {
        const QString path = test::copyFixture(m_dir.path(), "two-pages.pdf");
        const QString other = test::writeManyPagePdf(m_dir.path(), 2);
        // A blank spot low on page 1 (no text there), in viewport pixels.
        const auto paperAt = [](PageView *view) {
            const QRect page = view->pageRect(0);
            const QImage shot = view->viewport()->grab().toImage();
            const QPoint spot(page.center().x(), page.bottom() - page.height() / 10);
            return shot.pixelColor(spot * shot.devicePixelRatio());
        };
        {
            MainWindow window;
            window.resize(900, 700);
            window.show();
            window.openFile(path);
            QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
            PageView *view = window.documentView()->pageView();
            QTRY_VERIFY_WITH_TIMEOUT(view->isPageRendered(0), 15000);
            QCOMPARE(paperAt(view), QColor(Qt::white));
            auto *action = window.findChild<QAction *>(QStringLiteral("colors-invert-lightness"));
            QVERIFY(action);
            QVERIFY(!action->isChecked());
            action->trigger();
            QVERIFY(action->isChecked());
            QCOMPARE(view->pageColors().mode, PageColors::Mode::InvertLightness);
            QTRY_VERIFY_WITH_TIMEOUT(view->isPageRendered(0), 15000);
            QTRY_COMPARE_WITH_TIMEOUT(paperAt(view), QColor(Qt::black), 5000);
            ThumbnailPanel *thumbnails = window.findChild<ThumbnailPanel *>();
            QVERIFY(thumbnails);
            window.documentView()->setSidebarVisible(true);
            window.documentView()->sidebar()->setCurrentWidget(thumbnails);
            QTRY_VERIFY_WITH_TIMEOUT(thumbnails->isThumbnailRendered(0), 15000);
            const QImage strip = thumbnails->viewport()->grab().toImage();
            int dark = 0;
            for (int y = 0; y < strip.height(); ++y)
                dark += strip.pixelColor(strip.width() / 2, y).lightness() < 40;
            QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
            window.closeDocument(); // remembers the document's colours
        }
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFiles({path, other});
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        for (int tab = 0; tab < 2; ++tab) {
            DocumentView *document = window.documentAt(tab);
            const bool remembered = document->path() == path;
            QCOMPARE(document->pageView()->pageColors().mode,
                remembered ? PageColors::Mode::InvertLightness : PageColors::Mode::Normal);
            window.tabWidget()->setCurrentWidget(document);
            QCOMPARE(window.findChild<QAction *>(QStringLiteral("colors-invert-lightness"))->isChecked(), remembered);
            QCOMPARE(window.findChild<QAction *>(QStringLiteral("colors-normal"))->isChecked(), !remembered);
        }
    }

    // Preferences choose the colours documents open in.
    void preferencesSetTheDefaultColours()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 3);
        MainWindow window;
        window.show();
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->pageColors().mode, PageColors::Mode::Normal);
            dialog->colorsBox()->setCurrentIndex(dialog->colorsBox()->findData(int(PageColors::Mode::Sepia)));
            dialog->accept();
        });
        window.showPreferences();
        QCOMPARE(Settings::defaultPageColors().mode, PageColors::Mode::Sepia);
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QCOMPARE(window.documentView()->pageView()->pageColors().mode, PageColors::Mode::Sepia);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("colors-sepia"))->isChecked());
        Settings::setDefaultPageColors(PageColors());
    }

    void darkWindowColours()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 3);
        Settings::setWindowTheme(WindowTheme::System);
        // An icon made before the palette changes follows it when painted.
        const QIcon icon = themedIcon("zoom-in");
        // Opaque pixels of the icon's ink (the bundled icons also have blue details): how many
        // are dark, light and mid grey.
        struct Ink
        {
            int dark = 0;
            int light = 0;
            int mid = 0;
        };
        const auto inkOf = [&icon](QIcon::Mode mode) {
            const QImage image = icon.pixmap(QSize(48, 48), mode).toImage();
            Ink ink;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (pixel.alpha() < 250 || pixel.hslSaturation() > 60)
                        continue;
                    ink.dark += pixel.lightness() < 100;
                    ink.light += pixel.lightness() > 200;
                    ink.mid += pixel.lightness() >= 100 && pixel.lightness() <= 200;
                }
            }
            return ink;
        };
        QVERIFY(inkOf(QIcon::Normal).dark > 50); // dark ink on a light window
        QCOMPARE(inkOf(QIcon::Normal).light, 0);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->windowTheme(), WindowTheme::System);
            dialog->windowThemeBox()->setCurrentIndex(dialog->windowThemeBox()->findData(int(WindowTheme::Dark)));
            dialog->accept();
        });
        window.showPreferences();
        QCOMPARE(Settings::windowTheme(), WindowTheme::Dark);
        QVERIFY(isDarkPalette(QApplication::palette()));
        QTRY_VERIFY(isDarkPalette(window.palette()));
        QVERIFY(inkOf(QIcon::Normal).light > 50); // light ink on a dark window
        QCOMPARE(inkOf(QIcon::Normal).dark, 0);
        QVERIFY(inkOf(QIcon::Disabled).mid > 50); // disabled: grey
        QCOMPARE(inkOf(QIcon::Disabled).light, 0);
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        PageView *view = window.documentView()->pageView();
        QTRY_VERIFY_WITH_TIMEOUT(view->isPageRendered(0), 15000);
        const QImage shot = view->viewport()->grab().toImage();
        QVERIFY(shot.pixelColor(2, 2).lightness() < 50); // the backdrop beside the page
        const QRect page = view->pageRect(0);
        QVERIFY(page.top() >= 0);
        QCOMPARE(shot.pixelColor(QPoint(page.center().x(), page.top() + 10) * shot.devicePixelRatio()),
            QColor(Qt::white)); // the page keeps its colours (night modes are per document)
        // Back to the desktop's look.
        Settings::setWindowTheme(WindowTheme::System);
        applyWindowTheme(WindowTheme::System);
        QVERIFY(!isDarkPalette(QApplication::palette()));
        QVERIFY(inkOf(QIcon::Normal).dark > 50);
        QCOMPARE(inkOf(QIcon::Normal).light, 0);
    }

    void opensEachFileInItsOwnTab()
    {
        const QString first = test::writeManyPagePdf(m_dir.path(), 3);
        const QString second = test::writeManyPagePdf(m_dir.path(), 4);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFiles({first, second});
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        QVERIFY(window.tabWidget()->tabBar()->isVisible());
        auto *spin = window.findChild<QSpinBox *>();

        // The toolbar, title and status bar follow the current tab.
        window.tabWidget()->setCurrentWidget(
            window.documentAt(0)->path() == first ? window.documentAt(0) : window.documentAt(1));
        QCOMPARE(window.documentView()->path(), first);
        QCOMPARE(window.windowTitle(), QStringLiteral("pages-3.pdf — Folio"));
        QCOMPARE(spin->text(), QStringLiteral("1 / 3"));
        QTest::keySequence(&window, QKeySequence::NextChild);
        QCOMPARE(window.documentView()->path(), second);
        QCOMPARE(spin->text(), QStringLiteral("1 / 4"));

        // Opening an open file shows its tab instead of a second copy.
        window.openFile(first);
        QCOMPARE(window.documentCount(), 2);
        QCOMPARE(window.documentView()->path(), first);

        window.closeDocument();
        QCOMPARE(window.documentCount(), 1);
        QCOMPARE(window.documentView()->path(), second);
        QVERIFY(!window.tabWidget()->tabBar()->isVisible()); // one document: no tab bar
        window.closeDocument();
        QVERIFY(!window.documentView());
        QVERIFY(visibleChild<WelcomeWidget>(&window));
    }

    // Closing a tab while its page renders returns at once and cancels the render (Shutdown).
    void closingATabDuringARenderDoesNotHang()
    {
        const QString heavy = m_dir.filePath(QStringLiteral("heavy-tab.pdf"));
        test::writeHeavyPdf(heavy);
        const QString light = test::writeManyPagePdf(m_dir.path(), 2);
        MainWindow window;
        window.resize(1200, 1000);
        window.show();
        window.openFile(light);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        window.openFile(heavy);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        PageView *heavyView = window.documentView()->pageView();
        QCOMPARE(window.documentView()->path(), heavy);
        heavyView->setZoom(4.0);
        QTRY_VERIFY_WITH_TIMEOUT(heavyView->liveRenderJobs() > 0, 5000);
        const CancellationToken lifetime = window.documentView()->lifetimeToken();
        QElapsedTimer clock;
        clock.start();
        window.closeDocument();
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(lifetime.isCancelled());
        QCOMPARE(lifetime.reason(), CancelReason::Shutdown);
        QCOMPARE(window.documentCount(), 1);
        // The window stays usable: the other document still renders.
        PageView *lightView = window.documentView()->pageView();
        lightView->nextPage();
        QTRY_VERIFY_WITH_TIMEOUT(lightView->isPageRendered(1), 15000);
    }

    void remembersPageAndZoomPerDocument()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 9);
        {
            MainWindow window;
            window.resize(900, 700);
            window.show();
            window.openFile(path);
            QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
            window.documentView()->pageView()->setZoom(1.5);
            window.documentView()->pageView()->goToPage(6);
            window.close(); // remembered when the window closes
        }
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        PageView *view = window.documentView()->pageView();
        QCOMPARE(view->zoomMode(), PageView::ZoomMode::Custom);
        QCOMPARE(view->zoom(), 1.5);
        QCOMPARE(view->currentPage(), 6);
        // An explicit page wins over the remembered one.
        window.closeDocument();
        window.openFiles({path}, 2);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QCOMPARE(window.documentView()->pageView()->currentPage(), 2);
        QCOMPARE(window.documentView()->pageView()->zoom(), 1.5);
    }

    void reloadsWhenTheFileChanges()
    {
        const QString path = m_dir.filePath(QStringLiteral("growing.txt"));
        auto writeLines = [&path](int lines) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            for (int i = 0; i < lines; ++i)
                file.write(QByteArray("line ") + QByteArray::number(i) + '\n');
        };
        writeLines(10);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView()->isPageCountFinal(), 15000);
        QCOMPARE(window.documentView()->pageView()->pageCount(), 1);
        const DocumentView *before = window.documentView();

        writeLines(1000); // 70 lines a page
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView() != before, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentView()->pageView()->pageCount(), 15, 15000);
        QCOMPARE(window.documentCount(), 1);
        QVERIFY2(window.lastOutcome().startsWith(QStringLiteral("Reloaded growing.txt"))
                || window.lastOutcome().contains(QStringLiteral("all pages found")),
            qPrintable(window.lastOutcome()));

        // Removed from disk: the document stays on screen and the status bar says so.
        const DocumentView *reloaded = window.documentView();
        QVERIFY(QFile::remove(path));
        QTRY_VERIFY_WITH_TIMEOUT(window.lastOutcome().contains(QStringLiteral("removed")), 15000);
        QCOMPARE(window.documentView(), reloaded);
    }

    void preferencesSetTheCacheBudget()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 2);
        MainWindow window;
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QCOMPARE(window.documentView()->pageView()->cache().budget(), qint64(Settings::DefaultCacheBudgetMiB) << 20);
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->cacheBox()->setValue(64);
            dialog->accept();
        });
        window.showPreferences();
        QCOMPARE(window.documentView()->pageView()->cache().budget(), qint64(64) << 20);
        QCOMPARE(Settings::cacheBudgetMiB(), 64);
        Settings::setCacheBudgetMiB(Settings::DefaultCacheBudgetMiB);
    }

    void sidebarPanelsDriveTheView()
    {
        const QString path = test::copyFixture(m_dir.path(), "two-pages.pdf");
        MainWindow window;
        window.resize(1000, 800);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        DocumentView *view = window.documentView();
        QVERIFY(view->sidebar()->isVisible());
        QVERIFY(view->outlinePanel());
        QTRY_COMPARE_WITH_TIMEOUT(view->outlinePanel()->state(), OutlinePanel::State::Ready, 15000);
        // "Landscape" is the outline's second entry and points at page 2.
        view->sidebar()->setCurrentWidget(view->outlinePanel());
        QTreeView *tree = view->outlinePanel()->view();
        const QModelIndex landscape = tree->model()->index(1, 0);
        QCOMPARE(landscape.data().toString(), QStringLiteral("Landscape"));
        tree->setCurrentIndex(landscape);
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(view->pageView()->currentPage(), 1);
        // The thumbnails follow the page on screen, and take the reader back.
        QCOMPARE(view->thumbnailPanel()->currentPage(), 1);
        Q_EMIT view->thumbnailPanel()->pageActivated(0);
        QCOMPARE(view->pageView()->currentPage(), 0);

        // F9 hides the sidebar of every tab.
        QTest::keyClick(&window, Qt::Key_F9);
        QVERIFY(!view->sidebar()->isVisible());
        QVERIFY(!Settings::sidebarVisible());
        QTest::keyClick(&window, Qt::Key_F9);
        QVERIFY(view->sidebar()->isVisible());
    }

    void openingAnAttachmentOpensATab()
    {
        const QString path = test::copyFixture(m_dir.path(), "with-attachment.pdf");
        MainWindow window;
        window.resize(1000, 800);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        AttachmentPanel *panel = window.documentView()->attachmentPanel();
        QVERIFY(panel);
        QTRY_COMPARE_WITH_TIMEOUT(panel->attachments().size(), qsizetype(1), 15000);
        panel->openAttachment(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        QCOMPARE(window.documentView()->fileName(), QStringLiteral("notes.txt"));
        QCOMPARE(window.documentView()->summary().formatId, QStringLiteral("text"));
    }

    void propertiesShowTheDocument()
    {
        const QString path = test::copyFixture(m_dir.path(), "two-pages.pdf");
        MainWindow window;
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        actionNamed(&window, QStringLiteral("Properties"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<PropertiesDialog>(&window), 15000);
        const QString text = visibleChild<PropertiesDialog>(&window)->text();
        QVERIFY2(text.contains(path), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("PDF document")), qPrintable(text));
    }

    // Every hit is marked on its page as the batches come, and closing the find bar clears them.
    void findMarksEveryHit()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 9);
        MainWindow window;
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        DocumentView *view = window.documentView();
        view->startFind();
        SearchOptions options;
        options.regularExpression = true;
        view->findController()->setOptions(options);
        view->findController()->setText(QStringLiteral("\\d")); // each page shows its number
        view->findController()->searchNow();
        QTRY_VERIFY_WITH_TIMEOUT(!view->findController()->isSearching(), 15000);
        const QList<SearchHit> hits = view->findController()->hits();
        QVERIFY(hits.size() >= 9);
        int marks = 0;
        for (int page = 0; page < 9; ++page)
            marks += int(view->pageView()->highlightsOn(page).size());
        int rects = 0;
        for (const SearchHit &hit : hits)
            rects += int(hit.rects.size());
        QCOMPARE(marks, rects);
        view->findBar()->dismiss();
        QVERIFY(view->pageView()->highlightsOn(hits.first().page).isEmpty());
    }

    void findGoesToTheHit()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 9);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        DocumentView *view = window.documentView();
        QVERIFY(!view->findBar()->isVisible());
        QTest::keySequence(&window, QKeySequence::Find);
        QVERIFY(view->findBar()->isVisible());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("7"));
        QTRY_COMPARE_WITH_TIMEOUT(view->findController()->hits().size(), qsizetype(1), 15000);
        QCOMPARE(view->findController()->hits().first().page, 6);
        QTRY_COMPARE(view->pageView()->currentPage(), 6);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!view->findBar()->isVisible());
    }

    void rotationAndModeAreRemembered()
    {
        const QString path = test::writeManyPagePdf(m_dir.path(), 6);
        {
            MainWindow window;
            window.resize(900, 700);
            window.show();
            window.openFile(path);
            QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
            QVERIFY(!actionNamed(&window, QStringLiteral("Copy"))->isEnabled()); // nothing selected
            actionNamed(&window, QStringLiteral("Rotate Right"))->trigger();
            QCOMPARE(window.documentView()->pageView()->rotation(), 90);
            QAction *continuous = actionNamed(&window, QStringLiteral("Continuous"));
            QVERIFY(continuous->isChecked());
            continuous->trigger();
            QVERIFY(!window.documentView()->pageView()->isContinuous());
            window.close();
        }
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QCOMPARE(window.documentView()->pageView()->rotation(), 90);
        QVERIFY(!window.documentView()->pageView()->isContinuous());
        QVERIFY(!actionNamed(&window, QStringLiteral("Continuous"))->isChecked());
    }

    void preferencesSetTheArchiveLimits()
    {
        QVERIFY(Settings::limits().maxEntrySize == Limits().maxEntrySize);
        MainWindow window;
        window.show();
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->entrySizeBox()->value(), 1024); // MiB
            dialog->entrySizeBox()->setValue(0); // no limit
            dialog->accept();
        });
        window.showPreferences();
        QCOMPARE(Settings::limits().maxEntrySize, std::numeric_limits<qint64>::max());
        QCOMPARE(Settings::limits().maxCompressionRatio, Limits().maxCompressionRatio);
        Settings::setLimits(Limits());
        QCOMPARE(Settings::limits().maxEntrySize, Limits().maxEntrySize);
    }

    // The code page of legacy entry names: detected by default, chosen in Preferences, kept, and a
    // name the system does not know falls back to detection.
    void preferencesSetTheArchiveEncoding()
    {
        QVERIFY(Settings::archiveEncoding().isEmpty());
        MainWindow window;
        window.show();
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QVERIFY(dialog->archiveEncoding().isEmpty()); // "Detect automatically"
            dialog->setArchiveEncoding("CP866");
            dialog->accept();
        });
        window.showPreferences();
        QCOMPARE(Settings::archiveEncoding(), QByteArray("CP866"));
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->archiveEncoding(), QByteArray("CP866"));
            dialog->setArchiveEncoding("NO-SUCH-CODEPAGE");
            dialog->accept();
        });
        window.showPreferences();
        QVERIFY(Settings::archiveEncoding().isEmpty());
    }

    // Tabs follow the order of the command line even when a later file opens first.
    void tabsKeepTheRequestedOrder()
    {
        const QString heavy = m_dir.filePath(QStringLiteral("slow-first.pdf"));
        test::writeHeavyPdf(heavy); // 150,000 strokes: opens after the small one
        const QString light = test::writeManyPagePdf(m_dir.path(), 2);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFiles({heavy, light});
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        QCOMPARE(window.documentAt(0)->path(), heavy);
        QCOMPARE(window.documentAt(1)->path(), light);
    }

    // View ▸ Show Comments reopens Office documents with their comments, and is remembered.
    void showCommentsReopensOfficeTabs()
    {
        const QString source = folio::test::corpusDir() + QStringLiteral("/docx/comments.docx");
        if (!QFileInfo::exists(source))
            QSKIP("no corpus docx");
        const QString path = m_dir.filePath(QStringLiteral("commented.docx"));
        QFile::remove(path);
        QVERIFY(QFile::copy(source, path));
        Settings::setViewOptions(RenderOption::None);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QCOMPARE(window.documentView()->summary().formatId, QStringLiteral("docx"));
        auto pageText = [&window] {
            SharedDocument &shared = *window.documentView()->loadedDocument().document;
            const DocumentGate::Lock lock = shared.gate().acquire(CancellationToken());
            return shared.document().text(0, {}).value();
        };
        QVERIFY(!pageText().contains(QLatin1String("tachyon")));

        QAction *comments = actionNamed(&window, QStringLiteral("Show Comments"));
        QVERIFY(comments);
        QVERIFY(!comments->isChecked());
        const DocumentView *before = window.documentView();
        comments->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView() != before, 15000);
        QVERIFY(pageText().contains(QLatin1String("A tachyon walks into a bar.")));
        QVERIFY(Settings::viewOptions().testFlag(RenderOption::RenderComments));
        comments->trigger();
        QVERIFY(!Settings::viewOptions().testFlag(RenderOption::RenderComments));
    }

    // View ▸ Show Tracked Changes reopens word processing documents with their changes as markup
    // (deleted text shown, struck through), is remembered, and its mnemonic is its own in the menu.
    void showTrackedChangesReopensWordTabs()
    {
        const QString source
            = folio::test::corpusDir() + QStringLiteral("/office-real/pandoc_test_docx_track_changes_deletion.docx");
        if (!QFileInfo::exists(source))
            QSKIP("no corpus docx with tracked changes");
        const QString path = m_dir.filePath(QStringLiteral("tracked.docx"));
        QFile::remove(path);
        QVERIFY(QFile::copy(source, path));
        Settings::setViewOptions(RenderOption::None);
        MainWindow window;
        window.resize(900, 700);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        auto pageText = [&window] {
            SharedDocument &shared = *window.documentView()->loadedDocument().document;
            const DocumentGate::Lock lock = shared.gate().acquire(CancellationToken());
            return shared.document().text(0, {}).value();
        };
        QVERIFY(!pageText().contains(QLatin1String("excessively")));

        QAction *changes = actionNamed(&window, QStringLiteral("Show Tracked Changes"));
        QVERIFY(changes);
        QVERIFY(!changes->isChecked());
        const QMenu *view = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(changes))
                view = menu->menu();
        }
        QVERIFY(view);
        const auto mnemonic = [](const QString &text) {
            const qsizetype at = text.indexOf(u'&');
            return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
        };
        QCOMPARE(mnemonic(changes->text()), QChar(u'k'));
        for (const QAction *other : view->actions()) {
            if (other != changes)
                QVERIFY2(mnemonic(other->text()) != QChar(u'k'), qPrintable(other->text()));
        }

        const DocumentView *before = window.documentView();
        changes->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView() != before, 15000);
        QVERIFY(pageText().contains(QLatin1String("excessively modified")));
        QVERIFY(Settings::viewOptions().testFlag(RenderOption::RenderTrackedChanges));
        changes->trigger();
        QVERIFY(!Settings::viewOptions().testFlag(RenderOption::RenderTrackedChanges));
    }

    // Closing the window while a job's progress dialog is up cancels the job (Shutdown) and closes:
    // the dialog does not block the window (a modal one makes its close button dead).
    void closingTheWindowDuringAJobCancelsIt()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto token = std::make_shared<CancellationToken>();
        JobOptions options;
        options.operation = QStringLiteral("Waiting");
        Job *job = window.jobRunner()->run(options, [token](const CancellationToken &t, const ProgressCallback &) {
            *token = t;
            while (!t.isCancelled())
                QThread::msleep(2);
            return Status::fromToken(t);
        });
        QSignalSpy finished(job, &Job::finished);
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QProgressDialog>(&window), 5000);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<Status>().code(), StatusCode::Canceled);
        QCOMPARE(token->reason(), CancelReason::Shutdown);
    }

    // The status bar says "Cancelled" as soon as a job is cancelled, not when its function has
    // wound down (an export finishing its page said "Exporting…" for 1.5 s after Cancel).
    void cancelledJobSaysSoAtOnce()
    {
        MainWindow window;
        window.show();
        auto release = std::make_shared<std::atomic<bool>>(false);
        JobOptions options;
        options.operation = QStringLiteral("Exporting");
        Job *job = window.jobRunner()->run(options, [release](const CancellationToken &t, const ProgressCallback &) {
            while (!t.isCancelled())
                QThread::msleep(2);
            while (!release->load()) // winding down, as a page being written finishes
                QThread::msleep(2);
            return Status::fromToken(t);
        });
        QSignalSpy finished(job, &Job::finished);
        job->cancel();
        QCOMPARE(finished.size(), 0);
        QVERIFY2(window.lastOutcome().contains(QStringLiteral("Cancelled")), qPrintable(window.lastOutcome()));
        release->store(true);
        QTRY_COMPARE(finished.size(), 1);
    }

    // F11 shows the pages alone; Esc (or F11 again) brings every bar back.
    void fullScreenHidesTheBars()
    {
        const QString pdf = test::writeManyPagePdf(m_dir.path(), 3);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFile(pdf);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        window.documentView()->setFocus();
        QVERIFY(window.menuBar()->isVisible() && window.statusBar()->isVisible());
        QVERIFY(window.documentView()->isSidebarVisible());
        auto *toolBar = window.findChild<QToolBar *>();
        QVERIFY(toolBar && toolBar->isVisible());

        QTest::keyClick(window.documentView()->pageView(), Qt::Key_F11);
        QVERIFY(window.isFullScreenMode());
        QVERIFY(window.windowState() & Qt::WindowFullScreen);
        QVERIFY(!window.menuBar()->isVisible());
        QVERIFY(!window.statusBar()->isVisible());
        QVERIFY(!toolBar->isVisible());
        QVERIFY(!window.documentView()->isSidebarVisible());
        // The shortcuts still work without the menus.
        QTest::keyClick(window.documentView()->pageView(), Qt::Key_2, Qt::ControlModifier); // Fit Page
        QCOMPARE(window.documentView()->pageView()->zoomMode(), PageView::ZoomMode::FitPage);
        QTest::keyClick(window.documentView()->pageView(), Qt::Key_1, Qt::ControlModifier); // Fit Width
        QCOMPARE(window.documentView()->pageView()->zoomMode(), PageView::ZoomMode::FitWidth);

        QTest::keyClick(window.documentView()->pageView(), Qt::Key_Escape);
        QVERIFY(!window.isFullScreenMode());
        QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
        QVERIFY(window.menuBar()->isVisible() && window.statusBar()->isVisible() && toolBar->isVisible());
        QVERIFY(window.documentView()->isSidebarVisible());
        QVERIFY(!window.tabWidget()->tabBar()->isVisible()); // one document: still no tab bar

        QTest::keyClick(window.documentView()->pageView(), Qt::Key_F11);
        QVERIFY(window.isFullScreenMode());
        QTest::keyClick(window.documentView()->pageView(), Qt::Key_F11);
        QVERIFY(!window.isFullScreenMode());
    }

    // Broken files opened together get one box that names each and why.
    void oneSummaryForSeveralFailures()
    {
        QStringList paths;
        for (const char *name : {"broken-a.pdf", "broken-b.docx", "broken-c.bin"}) {
            const QString path = m_dir.filePath(QLatin1String(name));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(2048, '\x02'));
            paths << path;
        }
        paths << test::writeManyPagePdf(m_dir.path(), 2);
        MainWindow window;
        window.show();
        window.openFiles(paths);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QMessageBox>(&window), 15000);
        QMessageBox *box = visibleChild<QMessageBox>(&window);
        QTRY_VERIFY_WITH_TIMEOUT(box->text().contains(QStringLiteral("3 documents")), 15000);
        int boxes = 0;
        for (QMessageBox *each : window.findChildren<QMessageBox *>())
            boxes += each->isVisible() ? 1 : 0;
        QCOMPARE(boxes, 1);
        for (const char *name : {"broken-a.pdf", "broken-b.docx", "broken-c.bin"})
            QVERIFY2(box->informativeText().contains(QLatin1String(name)), qPrintable(box->informativeText()));
        box->accept();
    }

    // The status bar says what happened in the tab on screen, in the locale's number format.
    void statusBarFollowsTheTab()
    {
        const QString first = test::writeManyPagePdf(m_dir.path(), 5);
        const QString second = test::writeManyPagePdf(m_dir.path(), 6);
        MainWindow window;
        window.show();
        window.openFile(first);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QTRY_VERIFY(window.lastOutcome().contains(QStringLiteral("pages-5.pdf")));
        window.openFile(second);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        QTRY_VERIFY(window.lastOutcome().contains(QStringLiteral("pages-6.pdf")));
        window.tabWidget()->setCurrentIndex(window.documentAt(0)->path() == first ? 0 : 1);
        QVERIFY2(window.lastOutcome().contains(QStringLiteral("pages-5.pdf")), qPrintable(window.lastOutcome()));
        QCOMPARE(pagesText(211278), QStringLiteral("%1 pages").arg(QLocale().toString(211278)));
    }

    // Typing a page that does not exist keeps the page and says the range (999 is not page 9).
    void pageBoxRefusesPagesOutOfRange()
    {
        const QString pdf = test::writeManyPagePdf(m_dir.path(), 12);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFile(pdf);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        auto *spin = window.findChild<QSpinBox *>();
        QVERIFY(spin);
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("999"));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(window.documentView()->pageView()->currentPage(), 0);
        QVERIFY2(window.lastOutcome().contains(QStringLiteral("There is no page 999: the document has pages 1 to 12.")),
            qPrintable(window.lastOutcome()));
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("11"));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(window.documentView()->pageView()->currentPage(), 10);
    }

    void openDialogGroupsFormats()
    {
        const QStringList filters = MainWindow::openDialogFilters();
        QVERIFY(filters.first().startsWith(QStringLiteral("All documents (")));
        QVERIFY(filters.first().contains(QStringLiteral("*.pdf")) && filters.first().contains(QStringLiteral("*.cbz")));
        QCOMPARE(filters.last(), QStringLiteral("All files (*)"));
        const auto named = [&](const QString &name) {
            for (const QString &filter : filters) {
                if (filter.startsWith(name + QStringLiteral(" (")))
                    return filter;
            }
            return QString();
        };
        QVERIFY(named(QStringLiteral("PDF documents")).startsWith(QStringLiteral("PDF documents (*.pdf")));
        const QString office = named(QStringLiteral("Office documents"));
        for (const char *glob : {"*.docx", "*.odt", "*.xlsx", "*.ods", "*.pptx", "*.odp"})
            QVERIFY2(office.contains(QLatin1String(glob)), glob);
        QVERIFY(named(QStringLiteral("Archives and comics")).contains(QStringLiteral("*.cbr")));
        QVERIFY(named(QStringLiteral("E-books")).contains(QStringLiteral("*.epub")));
        QVERIFY(!office.contains(QStringLiteral("*.pdf")));
    }

    // Every menu entry with an icon draws one (no empty placeholder where a name is missing),
    // and File has Print (Ctrl+P) and Print Preview.
    void menuIconsAndPrinting()
    {
        MainWindow window;
        const QList<QAction *> menus = window.menuBar()->actions();
        int icons = 0;
        for (QAction *menu : menus) {
            for (QAction *action : menu->menu()->actions()) {
                if (action->icon().isNull())
                    continue;
                ++icons;
                QVERIFY2(!action->icon().pixmap(16, 16).isNull(), qPrintable(action->text()));
            }
        }
        QVERIFY(icons > 10);
        QAction *print = actionNamed(&window, QStringLiteral("Print…"));
        QVERIFY(print);
        QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
        QVERIFY(actionNamed(&window, QStringLiteral("Print Preview…")));
        QVERIFY(!print->isEnabled()); // no document
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
