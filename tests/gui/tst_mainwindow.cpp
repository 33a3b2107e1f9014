// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "pageview.h"
#include "preferencesdialog.h"
#include "settings.h"
#include "welcomewidget.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace folio;

namespace {

template<typename T>
T *visibleChild(QWidget *window)
{
    for (T *child : window->findChildren<T *>()) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

QAction *actionNamed(QWidget *window, const QString &text)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

} // namespace

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

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
