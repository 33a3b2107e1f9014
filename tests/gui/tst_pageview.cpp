// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "pagecache.h"
#include "pagelayout.h"
#include "pageview.h"
#include "viewer.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace folio;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<SharedDocument> loadShared(const QString &path, QList<QSizeF> &sizes)
{
    auto loaded = Viewer::load(path, {}, {});
    if (!loaded)
        return {};
    std::unique_ptr<Document> document = std::move(loaded).value();
    sizes = readPageSizes(*document, 0, {}).value();
    return std::make_shared<SharedDocument>(std::move(document));
}

} // namespace

class TestPageView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
    }

    void layoutStacksAndCentresPages()
    {
        PageLayout layout;
        layout.setPageSizes({QSizeF(72, 72), QSizeF(144, 72), QSizeF(72, 144)});
        layout.setZoom(0.75); // 72 pt -> 72 px
        layout.setViewportWidth(1000);
        QCOMPARE(layout.pageRect(0), QRect((1000 - 72) / 2, PageLayout::Margin, 72, 72));
        QCOMPARE(layout.pageRect(1).top(), PageLayout::Margin + 72 + PageLayout::Gap);
        QCOMPARE(layout.pageRect(1).width(), 144);
        QCOMPARE(layout.contentSize(),
            QSize(144 + 2 * PageLayout::Margin, 2 * PageLayout::Margin + 72 + 72 + 144 + 2 * PageLayout::Gap));
        QCOMPARE(layout.pagesBetween(0, 10), std::make_pair(-1, -1));
        QCOMPARE(layout.pagesBetween(0, PageLayout::Margin + 1), std::make_pair(0, 0));
        // Only the gap between pages 0 and 1: no page.
        QCOMPARE(layout.pagesBetween(PageLayout::Margin + 74, PageLayout::Margin + 72 + PageLayout::Gap - 1),
            std::make_pair(-1, -1));
        QCOMPARE(layout.pagesBetween(0, 100000), std::make_pair(0, 2));
        QCOMPARE(layout.pageAt(0), 0);
        QCOMPARE(layout.pageAt(layout.pageRect(2).top() + 5), 2);
        QCOMPARE(layout.pageAt(1000000), 2);
    }

    void cacheKeepsWithinBudget()
    {
        QImage page(100, 100, QImage::Format_RGB32); // 40 000 bytes
        PageCache cache(100'000);
        cache.insert(0, 96, page);
        cache.insert(1, 96, page);
        QVERIFY(!cache.find(0, 96).isNull()); // 0 becomes the most recent
        cache.insert(2, 96, page); // evicts 1, the least recently used
        QVERIFY(cache.contains(0, 96));
        QVERIFY(!cache.contains(1, 96));
        QVERIFY(cache.contains(2, 96));
        QVERIFY(cache.bytes() <= cache.budget());
        cache.insert(2, 192, QImage(50, 50, QImage::Format_RGB32));
        QCOMPARE(cache.closest(2, 144).width(), 50); // the next sharper one
        QCOMPARE(cache.closest(2, 9600).width(), 50); // else the sharpest below
        QVERIFY(cache.closest(7, 96).isNull());
    }

    // (a) A real PDF: the view knows its pages and the first one renders.
    void rendersFirstPage()
    {
        QList<QSizeF> sizes;
        auto document = loadShared(test::copyFixture(m_dir.path(), "two-pages.pdf"), sizes);
        QVERIFY(document);
        PageView view;
        view.resize(800, 600);
        QSignalSpy rendered(&view, &PageView::pageRendered);
        view.setDocument(document, sizes);
        view.show();
        QCOMPARE(view.pageCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, 15000);
        QCOMPARE(rendered.first().first().toInt(), 0);
        QVERIFY(view.isPageRendered(0));
        QTRY_COMPARE(view.liveRenderJobs(), 0);
    }

    void zoomSupersedesRenders()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        script->blockRenders = true;
        const LoadedDocument loaded = test::loadedFake(script, 3, 3);
        PageView view;
        view.resize(600, 400);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        QTRY_VERIFY(script->rendersStarted >= 1);
        view.zoomIn();
        QTRY_VERIFY(script->supersededRenders >= 1);
        script->blockRenders = false;
        QTRY_VERIFY(view.isPageRendered(view.currentPage()));
        // The gate serialises: never two renders of one document at once.
        QCOMPARE(script->maxConcurrentRenders.load(), 1);
    }

    void renderTimeoutShowsOnPage()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        script->blockRenders = true;
        const LoadedDocument loaded = test::loadedFake(script, 2, 2);
        PageView view;
        view.resize(600, 400);
        view.setRenderTimeout(200ms);
        QSignalSpy failed(&view, &PageView::renderFailed);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, 10000);
        const auto status = failed.first().at(1).value<Status>();
        QCOMPARE(status.code(), StatusCode::TimedOut);
        QCOMPARE(status.message(), QStringLiteral("Timed out after 200 ms"));
        QVERIFY(!view.isPageRendered(0));
        // Then the prefetched page times out too, and neither is retried at the same zoom.
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
        QTest::qWait(400);
        QCOMPARE(script->rendersStarted.load(), 2);
        script->blockRenders = false;
    }

    // (f) Scrolling fast through 200 pages leaves at most visible + prefetch renders in flight.
    void fastScrollingBoundsRenderJobs()
    {
        QList<QSizeF> sizes;
        auto document = loadShared(test::writeManyPagePdf(m_dir.path(), 200), sizes);
        QVERIFY(document);
        QCOMPARE(sizes.size(), 200);
        PageView view;
        view.resize(700, 500);
        view.setDocument(document, sizes);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *bar = view.verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        int maxWanted = 0;
        for (int value = 0; value <= bar->maximum(); value += bar->pageStep() / 3) {
            bar->setValue(value);
            QCoreApplication::processEvents();
            const int bound = int(view.visiblePages().size()) + PageView::Prefetch;
            QVERIFY2(view.renderJobsInFlight() <= bound,
                qPrintable(QStringLiteral("%1 jobs for %2 pages").arg(view.renderJobsInFlight()).arg(bound)));
            maxWanted = std::max(maxWanted, view.renderJobsInFlight());
        }
        bar->setValue(bar->maximum());
        const int bound = int(view.visiblePages().size()) + PageView::Prefetch;
        // Cancelled jobs return promptly, so the live count falls back under the bound too.
        QTRY_VERIFY_WITH_TIMEOUT(view.liveRenderJobs() <= bound, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(view.isPageRendered(199), 15000);
        QCOMPARE(view.currentPage(), 199);
        QVERIFY(maxWanted >= 1);
        QTRY_COMPARE(view.liveRenderJobs(), 0);
    }

    void navigationAndZoom()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 50, 50);
        PageView view;
        view.resize(600, 400);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        QSignalSpy current(&view, &PageView::currentPageChanged);
        view.goToPage(10);
        QCOMPARE(view.currentPage(), 10);
        view.nextPage();
        QCOMPARE(view.currentPage(), 11);
        view.lastPage();
        QCOMPARE(view.currentPage(), 49);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.currentPage(), 0);
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.currentPage(), 49);
        QVERIFY(current.count() >= 4);

        view.actualSize();
        QCOMPARE(view.zoom(), 1.0);
        QCOMPARE(view.zoomMode(), PageView::ZoomMode::Custom);
        view.zoomIn();
        QVERIFY(view.zoom() > 1.0);
        // Ctrl+wheel zooms around the pointer.
        const double before = view.zoom();
        const QPointF at(100, 100);
        QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
            Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(view.zoom() > before);
        view.fitWidth();
        QCOMPARE(view.zoomMode(), PageView::ZoomMode::FitWidth);
        // 300 pt wide pages fill the viewport width minus the margins.
        QCOMPARE(qRound(300 * view.zoom() * PageLayout::PixelsPerPointAt100),
            view.viewport()->width() - 2 * PageLayout::Margin);
        view.fitPage();
        QVERIFY(qRound(400 * view.zoom() * PageLayout::PixelsPerPointAt100) <= view.viewport()->height());
    }

    // Streaming documents: known pages show at once, the rest are counted in the background.
    void streamingDocumentGrows()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        LoadedDocument loaded = test::loadedFake(script, 5, 1000);
        QVERIFY(!loaded.pageCountFinal);
        QWidget window;
        JobRunner jobs(&window);
        DocumentView view(loaded, &jobs);
        view.resize(600, 400);
        view.show();
        QCOMPARE(view.pageView()->pageCount(), 5);
        QSignalSpy finished(&view, &DocumentView::countingFinished);
        view.countPages();
        QVERIFY(view.isCountingPages());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY(finished.first().first().value<Status>().isOk());
        QCOMPARE(view.pageView()->pageCount(), 1000);
        QVERIFY(view.isPageCountFinal());
        QVERIFY(script->ensureCalls >= 1000 / DocumentView::CountChunk);
    }

    void streamingCountCanBeCancelled()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        script->blockRenders = true; // keeps the gate busy so the count waits
        LoadedDocument loaded = test::loadedFake(script, 5, 1'000'000);
        QWidget window;
        JobRunner jobs(&window);
        DocumentView view(loaded, &jobs);
        view.resize(600, 400);
        view.show();
        QTRY_VERIFY(script->rendersStarted >= 1);
        QSignalSpy finished(&view, &DocumentView::countingFinished);
        view.countPages();
        view.cancelPageCount();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<Status>().code(), StatusCode::Canceled);
        QVERIFY(!view.isPageCountFinal());
        script->blockRenders = false;
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPageView)
#include "tst_pageview.moc"
