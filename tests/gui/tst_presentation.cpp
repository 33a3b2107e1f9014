// SPDX-License-Identifier: GPL-3.0-or-later
// Presentation mode, offscreen: started from the window on the tab's page, pages turned by keys,
// mouse and wheel with the next page rendered before it is asked for, blank screens, the clock,
// the tab's colours, and the end (Esc, or the tab closing) handing the page back to the tab.
#include "documentview.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "pageview.h"
#include "presentationview.h"
#include "settings.h"

#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace folio;
using folio::test::actionNamed;

class TestPresentation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        Settings::clearRecentFiles();
        QVERIFY(m_dir.isValid());
        m_path = test::writeManyPagePdf(m_dir.path(), 5);
    }

    void keysTurnPagesAlreadyRendered()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        openAndWait(window);
        window.documentView()->pageView()->goToPage(1);
        PresentationView *show = start(window);
        QVERIFY(show);
        QVERIFY(show->isFullScreen());
        QTest::keyClick(show, Qt::Key_T); // no clock: the shots below compare the pages alone
        QCOMPARE(show->currentPage(), 1);
        // The page shown, then its neighbours, are made before they are asked for.
        QTRY_VERIFY_WITH_TIMEOUT(show->isPageReady(1) && show->isPageReady(2) && show->isPageReady(0), 15000);
        QCOMPARE(show->pageImage(1).size(), show->targetSize(1));
        // Fitted: as high as the screen (A5 is taller than wide), centred.
        QCOMPARE(show->pageRect().height(), show->height());
        QCOMPARE(show->pageRect().center().x(), show->rect().center().x());
        const QImage one = shot(show);
        QCOMPARE(paperAt(show, one), QColor(Qt::white));
        QCOMPARE(one.pixelColor(2, 2), QColor(Qt::black)); // the margin beside the page

        // Turned at once: the next page's image was already there.
        QTest::keyClick(show, Qt::Key_Right);
        QCOMPARE(show->currentPage(), 2);
        QVERIFY(show->isPageReady(2));
        QVERIFY(shot(show) != one);
        QTest::keyClick(show, Qt::Key_Space);
        QCOMPARE(show->currentPage(), 3);
        QTest::keyClick(show, Qt::Key_PageUp);
        QCOMPARE(show->currentPage(), 2);
        QTest::keyClick(show, Qt::Key_PageDown);
        QTest::keyClick(show, Qt::Key_Down);
        QCOMPARE(show->currentPage(), 4);
        QTest::keyClick(show, Qt::Key_Right); // the last page stays
        QCOMPARE(show->currentPage(), 4);
        QTest::keyClick(show, Qt::Key_Home);
        QCOMPARE(show->currentPage(), 0);
        QTest::keyClick(show, Qt::Key_Left); // so does the first
        QCOMPARE(show->currentPage(), 0);
        QTest::keyClick(show, Qt::Key_End);
        QCOMPARE(show->currentPage(), 4);
        QTest::keyClick(show, Qt::Key_Backspace);
        QCOMPARE(show->currentPage(), 3);
        // A page number typed, then Enter.
        QTest::keyClick(show, Qt::Key_2);
        QCOMPARE(show->currentPage(), 3);
        QTest::keyClick(show, Qt::Key_Return);
        QCOMPARE(show->currentPage(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(show->isPageReady(1), 15000);
        QCOMPARE(shot(show), one);

        // Esc hands the page reached back to the tab.
        QTest::keyClick(show, Qt::Key_End);
        QTest::keyClick(show, Qt::Key_Escape);
        QTRY_VERIFY(!window.presentation());
        QCOMPARE(window.documentView()->pageView()->currentPage(), 4);
    }

    void blankScreensAndClock()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        openAndWait(window);
        PresentationView *show = start(window);
        QTRY_VERIFY_WITH_TIMEOUT(show->isPageReady(0), 15000);
        QVERIFY(show->isClockVisible());
        QTest::keyClick(show, Qt::Key_B);
        QCOMPARE(show->blank(), PresentationView::Blank::Black);
        QVERIFY(isUniform(shot(show), Qt::black));
        QTest::keyClick(show, Qt::Key_B);
        QCOMPARE(show->blank(), PresentationView::Blank::None);
        QTest::keyClick(show, Qt::Key_W);
        QCOMPARE(show->blank(), PresentationView::Blank::White);
        QVERIFY(isUniform(shot(show), Qt::white));
        // The next key brings the page back without turning it.
        QTest::keyClick(show, Qt::Key_Right);
        QCOMPARE(show->blank(), PresentationView::Blank::None);
        QCOMPARE(show->currentPage(), 0);
        QTest::keyClick(show, Qt::Key_Period);
        QCOMPARE(show->blank(), PresentationView::Blank::Black);
        show->goToPage(2);
        QCOMPARE(show->blank(), PresentationView::Blank::None);

        // The clock runs, and T hides it: the corner it sits in goes back to black.
        QTRY_VERIFY_WITH_TIMEOUT(show->elapsed() >= std::chrono::milliseconds(50), 5000);
        const QImage withClock = shot(show);
        QTest::keyClick(show, Qt::Key_T);
        QVERIFY(!show->isClockVisible());
        const QImage without = shot(show);
        const QRect corner(show->width() - 60, show->height() - 30, 50, 20);
        QVERIFY(!isUniform(withClock.copy(corner), Qt::black));
        QVERIFY(isUniform(without.copy(corner), Qt::black));
        show->close();
        QTRY_VERIFY(!window.presentation());
    }

    void mouseAndWheelTurnPages()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        openAndWait(window);
        PresentationView *show = start(window);
        QTest::mouseClick(show, Qt::LeftButton, {}, show->rect().center());
        QCOMPARE(show->currentPage(), 1);
        QTest::mouseClick(show, Qt::LeftButton, {}, show->rect().center());
        QCOMPARE(show->currentPage(), 2);
        QTest::mouseClick(show, Qt::RightButton, {}, show->rect().center());
        QCOMPARE(show->currentPage(), 1);
        wheel(show, -120);
        QCOMPARE(show->currentPage(), 2);
        wheel(show, -60); // half a notch does nothing yet
        QCOMPARE(show->currentPage(), 2);
        wheel(show, -60);
        QCOMPARE(show->currentPage(), 3);
        wheel(show, 240);
        QCOMPARE(show->currentPage(), 1);
        show->close();
    }

    void farPagesAreDropped()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        openAndWait(window);
        PresentationView *show = start(window);
        QTRY_VERIFY_WITH_TIMEOUT(show->isPageReady(0) && show->isPageReady(1), 15000);
        show->last();
        // Only the page shown and its neighbour are kept or wanted.
        QVERIFY(!show->isPageReady(0));
        QVERIFY(!show->isPageReady(1));
        QVERIFY(show->renderJobsInFlight() <= 2);
        QTRY_VERIFY_WITH_TIMEOUT(show->isPageReady(4) && show->isPageReady(3), 15000);
        QCOMPARE(show->renderJobsInFlight(), 0);
        show->close();
    }

    void followsTheTabsColours()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        openAndWait(window);
        PageColors colors;
        colors.mode = PageColors::Mode::Invert;
        window.documentView()->setPageColors(colors);
        PresentationView *show = start(window);
        QTRY_VERIFY_WITH_TIMEOUT(show->isPageReady(0), 15000);
        QCOMPARE(paperAt(show, shot(show)), QColor(Qt::black));
        show->close();
    }

    void closingTheTabEndsThePresentation()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        openAndWait(window);
        start(window);
        window.closeDocument();
        QTRY_VERIFY(!window.presentation());
        QCOMPARE(window.documentCount(), 0);
    }

private:
    void openAndWait(MainWindow &window)
    {
        window.openFile(m_path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentView()->pageView()->pageCount(), 5, 15000);
    }

    static PresentationView *start(MainWindow &window)
    {
        QAction *action = actionNamed(&window, QStringLiteral("Presentation"));
        if (!action || !action->isEnabled())
            return nullptr;
        action->trigger();
        return window.presentation();
    }

    static QImage shot(QWidget *widget) { return widget->grab().toImage().convertToFormat(QImage::Format_RGB32); }

    // A spot low on the page, where the generated pages have no ink.
    static QColor paperAt(PresentationView *show, const QImage &image)
    {
        const QRect page = show->pageRect();
        const QPoint spot(page.center().x(), page.bottom() - page.height() / 10);
        return image.pixelColor(spot * image.devicePixelRatio());
    }

    static bool isUniform(const QImage &image, const QColor &color)
    {
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) {
                if (image.pixelColor(x, y) != color)
                    return false;
            }
        }
        return true;
    }

    static void wheel(QWidget *widget, int delta)
    {
        const QPointF at = widget->rect().center();
        QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(widget, &event);
    }

    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
