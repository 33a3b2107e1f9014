// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "pagecache.h"
#include "pagefailurebar.h"
#include "pagelayout.h"
#include "pagetextcache.h"
#include "pageview.h"
#include "textselection.h"
#include "viewer.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace folio;
using namespace std::chrono_literals;

namespace {

TextBox word(const char *text, QRectF rect, bool lineEnd = false)
{
    return {QString::fromLatin1(text), rect, true, lineEnd};
}

// Two lines of words, in points: "Hello brave new" / "world again".
QList<TextBox> twoLines()
{
    return {word("Hello", {10, 10, 40, 10}), word("brave", {55, 10, 40, 10}), word("new", {100, 10, 30, 10}, true),
        word("world", {10, 30, 40, 10}), word("again", {55, 30, 40, 10}, true)};
}

// A document with text positions (Capability::TextLayout): every page 300 × 400 pt shows
// twoLines() at its top, the last word of each page tagged with the page number.
class TextLayoutDocument final : public Document
{
public:
    explicit TextLayoutDocument(int pages)
        : Document(Limits())
        , m_pages(pages)
    {
        setFormat(
            QStringLiteral("fake-text"), QStringLiteral("Fake text document"), QStringLiteral("application/x-fake"));
        setCapabilities(Capability::Text | Capability::TextLayout);
    }
    std::atomic<int> textBoxCalls {0};
    std::atomic<bool> blockText {false}; // textBoxes() waits for cancellation
    std::atomic<int> supersededText {0};

protected:
    int doPageCount() const override { return m_pages; }
    QSizeF doPageSize(int) const override { return {300, 400}; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &) override
    {
        QImage image(renderSize(index, request), QImage::Format_RGB32);
        image.fill(Qt::white);
        return image;
    }
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override
    {
        ++textBoxCalls;
        while (blockText && !token.isCancelled())
            QThread::msleep(2);
        if (token.isCancelled()) {
            if (token.reason() == CancelReason::Superseded)
                ++supersededText;
            return Status::fromToken(token);
        }
        QList<TextBox> boxes = twoLines();
        boxes.last().text += QString::number(index + 1);
        return boxes;
    }

private:
    int m_pages;
};

// Sends a left-button drag from `from` to `to` (viewport coordinates) in a few steps.
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
        // Rotations never stand in for each other, not even as a preview.
        cache.insert(3, RenderKey {90, 96}, QImage(20, 10, QImage::Format_RGB32));
        QVERIFY(cache.contains(3, RenderKey {90, 96}));
        QVERIFY(!cache.contains(3, 96));
        QVERIFY(cache.closest(3, RenderKey {0, 96}).isNull());
        QCOMPARE(cache.closest(3, RenderKey {90, 200}).width(), 20);
    }

    void layoutRotatesAndMapsPoints()
    {
        PageLayout layout;
        layout.setPageSizes({QSizeF(72, 144), QSizeF(72, 144)});
        layout.setZoom(0.75); // 1 pt -> 1 px
        layout.setViewportWidth(1000);
        QCOMPARE(layout.pageRect(0).size(), QSize(72, 144));
        layout.setRotation(90);
        QCOMPARE(layout.rotation(), 90);
        QCOMPARE(layout.pageRect(0).size(), QSize(144, 72));
        QCOMPARE(layout.pageRect(1).top(), layout.pageRect(0).bottom() + 1 + PageLayout::Gap);
        QCOMPARE(layout.contentSize(),
            QSize(144 + 2 * PageLayout::Margin, 2 * PageLayout::Margin + 2 * 72 + PageLayout::Gap));
        // Turned clockwise: the upright top-left corner is now top right, the bottom-left top left.
        const QRect rect = layout.pageRect(0);
        QCOMPARE(layout.pageTransform(0).map(QPointF(0, 0)), QPointF(rect.left() + 144, rect.top()));
        QCOMPARE(layout.pageTransform(0).map(QPointF(0, 144)), QPointF(rect.topLeft()));
        layout.setRotation(-90);
        QCOMPARE(layout.rotation(), 270);
        QCOMPARE(layout.pageTransform(0).map(QPointF(0, 0)), QPointF(rect.left(), rect.top() + 72));
        layout.setRotation(180);
        QCOMPARE(layout.pageTransform(0).map(QPointF(72, 144)), QPointF(layout.pageRect(0).topLeft()));

        // One page at a time: only its row is laid out; facing pairs pages side by side.
        layout.setRotation(0);
        layout.setContinuous(false);
        layout.setShownPage(1);
        QVERIFY(layout.pageRect(0).isEmpty());
        QCOMPARE(layout.pageRect(1).size(), QSize(72, 144));
        QCOMPARE(layout.pagesBetween(0, 100000), std::make_pair(1, 1));
        layout.setContinuous(true);
        layout.setFacing(true);
        QCOMPARE(layout.rowOf(1), std::make_pair(0, 2));
        QCOMPARE(layout.pageRect(0).top(), layout.pageRect(1).top());
        QCOMPARE(layout.pageRect(1).left(), layout.pageRect(0).right() + 1 + PageLayout::Gap);
        QCOMPARE(layout.contentSize().width(), 2 * 72 + PageLayout::Gap + 2 * PageLayout::Margin);
    }

    void textSelection_data()
    {
        QTest::addColumn<QPointF>("from");
        QTest::addColumn<QPointF>("to");
        QTest::addColumn<int>("begin");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("text");
        QTest::newRow("within one word") << QPointF(15, 15) << QPointF(30, 18) << 0 << 1 << "Hello";
        QTest::newRow("two words") << QPointF(15, 15) << QPointF(60, 15) << 0 << 2 << "Hello brave";
        QTest::newRow("two lines") << QPointF(60, 15) << QPointF(20, 35) << 1 << 4 << "brave new\nworld";
        QTest::newRow("backwards") << QPointF(20, 35) << QPointF(60, 15) << 1 << 4 << "brave new\nworld";
        QTest::newRow("from the left margin")
            << QPointF(0, 15) << QPointF(70, 35) << 0 << 5 << "Hello brave new\nworld again";
        QTest::newRow("from between the lines") << QPointF(5, 24) << QPointF(200, 35) << 3 << 5 << "world again";
        QTest::newRow("between two words") << QPointF(52, 15) << QPointF(98, 15) << 1 << 2 << "brave";
        QTest::newRow("whole page") << QPointF(-5, -5) << QPointF(300, 400) << 0 << 5 << "Hello brave new\nworld again";
        QTest::newRow("empty space right of a line") << QPointF(200, 15) << QPointF(220, 12) << 3 << 3 << "";
        QTest::newRow("empty space below the text") << QPointF(10, 100) << QPointF(200, 300) << 5 << 5 << "";
        QTest::newRow("a click") << QPointF(60, 15) << QPointF(60, 15) << 1 << 2 << "brave";
    }

    void textSelection()
    {
        QFETCH(QPointF, from);
        QFETCH(QPointF, to);
        QFETCH(int, begin);
        QFETCH(int, end);
        QFETCH(QString, text);
        const TextSelection selection = selectText(twoLines(), from, to);
        QCOMPARE(selection.text, text);
        QCOMPARE(selection.begin, begin);
        QCOMPARE(selection.end, end);
        QCOMPARE(selection.isEmpty(), text.isEmpty());
    }

    void textSelectionWithoutLineEnds()
    {
        // A backend that never sets lineEnd still gets lines from the geometry.
        QList<TextBox> boxes = twoLines();
        for (TextBox &box : boxes)
            box.lineEnd = false;
        QCOMPARE(selectText(boxes, QPointF(5, 35), QPointF(45, 35)).text, QStringLiteral("world"));
        QCOMPARE(joinedText(boxes, 1, 4), QStringLiteral("brave new world"));
        QCOMPARE(textPosition({}, QPointF(1, 1)).before, 0);
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

    // A book: the cover alone, then pairs; read right to left, the first page of a pair is on
    // the right and Left turns forward.
    void ctrlDragZoomsToTheArea()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 3, 3);
        PageView view;
        view.resize(800, 600);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom(1.0);
        const QRect page = view.pageRect(0);
        // An area of 200 × 150 viewport pixels around a point of page 1.
        const QPoint centre = page.topLeft() + QPoint(page.width() / 3, page.height() / 3);
        const QPointF points = view.viewportToPage(0, centre);
        const QRect area(centre - QPoint(100, 75), QSize(200, 150));
        const auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
            QMouseEvent event(type, QPointF(at), view.viewport()->mapToGlobal(QPointF(at)), Qt::LeftButton, buttons,
                Qt::ControlModifier);
            QCoreApplication::sendEvent(view.viewport(), &event);
        };
        // A click without a drag changes nothing.
        send(QEvent::MouseButtonPress, area.topLeft(), Qt::LeftButton);
        send(QEvent::MouseButtonRelease, area.topLeft() + QPoint(2, 2), Qt::NoButton);
        QCOMPARE(view.zoom(), 1.0);
        send(QEvent::MouseButtonPress, area.topLeft(), Qt::LeftButton);
        send(QEvent::MouseMove, area.center(), Qt::LeftButton);
        send(QEvent::MouseMove, area.bottomRight(), Qt::LeftButton);
        send(QEvent::MouseButtonRelease, area.bottomRight(), Qt::NoButton);
        // The area fills the viewport: 4× (the viewport's width and height over the area's, the smaller).
        const double expected = std::min(view.viewport()->width() / 200.0, view.viewport()->height() / 150.0);
        QVERIFY2(std::abs(view.zoom() - expected) < 0.03, qPrintable(QString::number(view.zoom())));
        QCOMPARE(view.zoomMode(), PageView::ZoomMode::Custom);
        // Its centre is the viewport's (within the rounding of pages laid out in whole pixels).
        const QPointF now = view.pageToViewport(0, points);
        QVERIFY2((now - QPointF(view.viewport()->rect().center())).manhattanLength() < 12,
            qPrintable(QStringLiteral("%1,%2").arg(now.x()).arg(now.y())));
        // And a selection does not start: it is a zoom, not a drag over text.
        QVERIFY(!view.hasSelection());
    }

    void bookAndMangaLayouts()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 7, 7);
        PageView view;
        view.resize(900, 500);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFacing(true);
        view.setZoomMode(PageView::ZoomMode::FitPage);
        QSignalSpy changed(&view, &PageView::bookLayoutChanged);
        view.setCoverAlone(true);
        QCOMPARE(changed.count(), 1);
        // The cover alone in its row; 2–3 side by side below it.
        QVERIFY(view.pageRect(0).bottom() < view.pageRect(1).top());
        QCOMPARE(view.pageRect(1).top(), view.pageRect(2).top());
        QVERIFY(view.pageRect(1).right() < view.pageRect(2).left());
        view.setRightToLeft(true);
        QCOMPARE(changed.count(), 2);
        QVERIFY(view.pageRect(2).right() < view.pageRect(1).left());

        // Keys turn pairs: forward is Left now.
        view.goToPage(0);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.currentPage(), 1);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.currentPage(), 3);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentPage(), 1);
        view.setRightToLeft(false);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentPage(), 3);
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

    // A page that timed out at a high zoom says so where the reader looks (a bar over the visible
    // part of the page, its centre being off screen), and Retry renders it again.
    void renderTimeoutBarRetries()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        script->blockRenders = true;
        const LoadedDocument loaded = test::loadedFake(script, 2, 2);
        PageView view;
        view.resize(600, 400);
        view.setRenderTimeout(200ms);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.setZoom(4.0);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        PageFailureBar *bar = view.failureBar();
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
        QVERIFY(!view.viewport()->rect().contains(view.pageRect(bar->page()).center()));
        QVERIFY(view.viewport()->rect().contains(bar->geometry()));
        QVERIFY2(bar->text().contains(QStringLiteral("Timed out after 200 ms")), qPrintable(bar->text()));
        auto *retry = bar->findChild<QPushButton *>(QStringLiteral("pageFailureRetry"));
        auto *unlimited = bar->findChild<QPushButton *>(QStringLiteral("pageFailureRetryUnlimited"));
        QVERIFY(retry && unlimited && unlimited->isVisible());
        QCOMPARE(retry->text(), QStringLiteral("Retry with 0.4 s"));
        const int page = bar->page();
        const int started = script->rendersStarted.load();
        script->blockRenders = false;
        QTest::mouseClick(unlimited, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view.isPageRendered(page), 10000);
        QVERIFY(script->rendersStarted.load() > started);
        QTRY_VERIFY(!bar->isVisible() || bar->page() != page);
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

    void rotationTurnsLayoutAndRenders()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 20, 20); // 300 x 400 pt pages
        PageView view;
        view.resize(700, 500);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        view.actualSize();
        view.goToPage(5);
        QTRY_VERIFY(view.isPageRendered(5));
        QCOMPARE(view.pageRect(5).size(), QSize(400, 533));
        const int uprightRenders = script->rendersStarted;
        QSignalSpy rotated(&view, &PageView::rotationChanged);

        view.rotateRight();
        QCOMPARE(view.rotation(), 90);
        QCOMPARE(rotated.count(), 1);
        QCOMPARE(rotated.first().first().toInt(), 90);
        // The layout turns: pages are wider than high, and the current page stays current.
        QCOMPARE(view.pageRect(5).size(), QSize(533, 400));
        QCOMPARE(view.currentPage(), 5);
        QVERIFY(view.visiblePages().contains(5));
        // The render is a new, rotated one at the size drawn on screen.
        QVERIFY(!view.isPageRendered(5));
        QTRY_VERIFY(view.isPageRendered(5));
        const QImage image = view.pageImage(5);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > image.height());
        QVERIFY(PageView::isOneToOne(image, view.pageRect(5).size()));
        QVERIFY(script->rendersStarted > uprightRenders);

        // Back upright: the cached upright image is used again, nothing renders.
        const int rotatedRenders = script->rendersStarted;
        view.rotateLeft();
        QCOMPARE(view.rotation(), 0);
        QVERIFY(view.isPageRendered(5));
        QVERIFY(PageView::isOneToOne(view.pageImage(5), QSize(400, 533)));
        view.rotateLeft();
        QCOMPARE(view.rotation(), 270);
        QCOMPARE(rotated.count(), 3);
        view.setRotation(270); // no change, no signal
        QCOMPARE(rotated.count(), 3);
        QTRY_VERIFY(view.isPageRendered(5));
        QVERIFY(script->rendersStarted > rotatedRenders);
        QTRY_COMPARE(view.liveRenderJobs(), 0);
    }

    void rendersAtDevicePixelRatio()
    {
        // Crisp on HiDPI: run with QT_SCALE_FACTOR=2 to check a ratio other than 1.
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 3, 3);
        PageView view;
        view.resize(600, 400);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(view.isPageRendered(0));
        const qreal ratio = view.viewport()->devicePixelRatioF();
        const QImage image = view.pageImage(0);
        QCOMPARE(image.devicePixelRatio(), ratio);
        const QSize logical = view.pageRect(0).size();
        QVERIFY2(std::abs(image.width() - logical.width() * ratio) <= 1
                && std::abs(image.height() - logical.height() * ratio) <= 1,
            qPrintable(QStringLiteral("%1x%2 pixels for %3x%4 at %5")
                           .arg(image.width())
                           .arg(image.height())
                           .arg(logical.width())
                           .arg(logical.height())
                           .arg(ratio)));
    }

    void singlePageModeTurnsPages()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 10, 10);
        PageView view;
        view.resize(600, 400);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        view.actualSize(); // 400 x 533 px: taller than the viewport
        QSignalSpy continuous(&view, &PageView::continuousChanged);
        view.setContinuous(false);
        QVERIFY(!view.isContinuous());
        QCOMPARE(continuous.count(), 1);
        QCOMPARE(view.visiblePages(), QList<int> {0});
        QVERIFY(view.pageRect(1).isEmpty());
        // Centred horizontally.
        QCOMPARE(view.pageRect(0).center().x(), view.viewport()->rect().center().x());
        QScrollBar *bar = view.verticalScrollBar();
        QCOMPARE(bar->maximum(), 533 + 2 * PageLayout::Margin - view.viewport()->height());

        // PgDn scrolls to the bottom of the page, then turns to the next page's top.
        view.verticalScrollBar()->setValue(0);
        QTest::keyClick(&view, Qt::Key_PageDown);
        QCOMPARE(view.currentPage(), 0);
        QCOMPARE(bar->value(), bar->maximum());
        QTest::keyClick(&view, Qt::Key_PageDown);
        QCOMPARE(view.currentPage(), 1);
        QCOMPARE(bar->value(), 0);
        QCOMPARE(view.visiblePages(), QList<int> {1});
        QTRY_VERIFY(view.isPageRendered(1));
        QTest::keyClick(&view, Qt::Key_Space);
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(view.currentPage(), 2);
        // PgUp at the top goes back to the previous page's bottom.
        QTest::keyClick(&view, Qt::Key_PageUp);
        QCOMPARE(view.currentPage(), 1);
        QCOMPARE(bar->value(), bar->maximum());

        // The wheel at the end of the page turns it, a notch at a time.
        const auto wheel = [&](int delta) {
            const QPointF at(100, 100);
            QWheelEvent event(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(view.viewport(), &event);
        };
        wheel(-60);
        QCOMPARE(view.currentPage(), 1);
        wheel(-60);
        QCOMPARE(view.currentPage(), 2);
        QCOMPARE(bar->value(), 0);
        wheel(120);
        QCOMPARE(view.currentPage(), 1);

        view.nextPage();
        QCOMPARE(view.currentPage(), 2);
        view.lastPage();
        QCOMPARE(view.visiblePages(), QList<int> {9});
        QTest::keyClick(&view, Qt::Key_PageDown);
        QTest::keyClick(&view, Qt::Key_PageDown);
        QCOMPARE(view.currentPage(), 9); // nothing after the last page

        // Facing: two pages side by side, turned together.
        view.setFacing(true);
        QVERIFY(view.isFacing());
        QCOMPARE(view.visiblePages(), (QList<int> {8, 9}));
        view.firstPage();
        view.nextPage();
        QCOMPARE(view.currentPage(), 2);
        QCOMPARE(view.visiblePages(), (QList<int> {2, 3}));

        // Back to continuous: the current page stays.
        view.setFacing(false);
        view.setContinuous(true);
        QCOMPARE(view.currentPage(), 2);
        QVERIFY(view.visiblePages().contains(2));
        QVERIFY(!view.pageRect(0).isEmpty());
    }

    void highlightsScrollToCurrentHit()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 50, 50);
        PageView view;
        view.resize(600, 400);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        view.actualSize();
        const QRectF hit(200, 300, 40, 12);
        view.setHighlights({{3, QRectF(10, 10, 40, 12)}, {30, hit}, {30, QRectF(20, 20, 10, 10)}});
        QCOMPARE(view.currentPage(), 0);

        view.setCurrentHighlight(30, {hit});
        QCOMPARE(view.currentPage(), 30);
        const QPointF centre = view.pageToViewport(30, hit.center());
        QVERIFY2(view.viewport()->rect().contains(centre.toPoint()),
            qPrintable(QStringLiteral("hit at %1,%2").arg(centre.x()).arg(centre.y())));
        // Off screen before, so centred now.
        QVERIFY(std::abs(centre.y() - view.viewport()->height() / 2.0) <= 8);

        // A hit already on screen does not move the view.
        const int scroll = view.verticalScrollBar()->value();
        view.setCurrentHighlight(30, {QRectF(20, 20, 10, 10).translated(180, 270)});
        QCOMPARE(view.verticalScrollBar()->value(), scroll);

        // Rotated and one page at a time: the hit still ends up on screen.
        view.setRotation(90);
        view.setContinuous(false);
        view.setCurrentHighlight(7, {hit});
        QCOMPARE(view.currentPage(), 7);
        QVERIFY(view.viewport()->rect().contains(view.pageToViewport(7, hit.center()).toPoint()));
        // A hit without a position shows its page.
        view.setCurrentHighlight(12, {});
        QCOMPARE(view.currentPage(), 12);
        view.clearHighlights();
        QCOMPARE(view.currentPage(), 12);
    }

    void selectionCopiesText()
    {
        QList<QSizeF> sizes(3, QSizeF(300, 400));
        auto owned = std::make_unique<TextLayoutDocument>(3);
        TextLayoutDocument *fake = owned.get();
        auto document = std::make_shared<SharedDocument>(std::move(owned));
        PageView view;
        view.resize(700, 900);
        view.setDocument(document, sizes, {}, Capability::TextLayout);
        QVERIFY(view.hasTextLayout());
        view.show();
        view.setZoom(0.75); // 1 pt = 1 px: pages 0 and 1 both visible
        QTRY_VERIFY(view.textCache().isLoaded(0) && view.textCache().isLoaded(1));
        QSignalSpy changed(&view, &PageView::selectionChanged);
        QVERIFY(!view.hasSelection());

        // The pointer shows an I-beam over a word only.
        const auto hover = [&](QPointF at) {
            QMouseEvent event(
                QEvent::MouseMove, at, view.viewport()->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QCoreApplication::sendEvent(view.viewport(), &event);
            return view.viewport()->cursor().shape();
        };
        QCOMPARE(hover(view.pageToViewport(0, QPointF(60, 15))), Qt::IBeamCursor);
        QCOMPARE(hover(view.pageToViewport(0, QPointF(200, 200))), Qt::ArrowCursor);

        test::drag(view.viewport(), view.pageToViewport(0, QPointF(60, 15)), view.pageToViewport(0, QPointF(20, 35)));
        QVERIFY(view.hasSelection());
        QCOMPARE(view.selectedText(), QStringLiteral("brave new\nworld"));
        QCOMPARE(view.pageSelection(0).begin, 1);
        QCOMPARE(view.pageSelection(0).end, 4);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(changed.last().first().toBool(), true);

        QGuiApplication::clipboard()->clear();
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("brave new\nworld"));

        // Across pages: the rest of page 1, then the start of page 2.
        test::drag(view.viewport(), view.pageToViewport(0, QPointF(60, 35)), view.pageToViewport(1, QPointF(60, 15)));
        QCOMPARE(view.selectedText(), QStringLiteral("again1\nHello brave"));
        view.copySelection();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("again1\nHello brave"));

        // A click clears it; dragging through empty space selects nothing.
        test::drag(
            view.viewport(), view.pageToViewport(0, QPointF(200, 200)), view.pageToViewport(0, QPointF(250, 300)));
        QVERIFY(!view.hasSelection());
        QCOMPARE(changed.last().first().toBool(), false);
        QVERIFY(fake->textBoxCalls >= 2);
    }

    void textLoadsAreBoundedAndSuperseded()
    {
        auto owned = std::make_unique<TextLayoutDocument>(20);
        TextLayoutDocument *fake = owned.get();
        fake->blockText = true;
        auto document = std::make_shared<SharedDocument>(std::move(owned));
        PageTextCache cache;
        cache.setDocument(document);
        cache.want({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        QCOMPARE(cache.jobsInFlight(), PageTextCache::MaxJobs);
        QTRY_COMPARE(fake->textBoxCalls.load(), 1); // the gate lets one in
        // Page 0 is no longer wanted: its load is cancelled as superseded.
        cache.want({7});
        QCOMPARE(cache.jobsInFlight(), 1);
        QTRY_COMPARE(fake->supersededText.load(), 1);
        fake->blockText = false;
        QTRY_VERIFY(cache.isLoaded(7));
        QVERIFY(!cache.isLoaded(0));
        QCOMPARE(cache.boxes(7)->last().text, QStringLiteral("again8"));
        QCOMPARE(cache.jobsInFlight(), 0);
    }

    void dragPansWithoutTextLayout()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 10, 10);
        PageView view;
        view.resize(600, 400);
        view.setDocument(loaded.document, loaded.pageSizes);
        view.show();
        view.setZoom(2.0);
        QVERIFY(!view.hasTextLayout());
        QCOMPARE(view.viewport()->cursor().shape(), Qt::OpenHandCursor);
        view.verticalScrollBar()->setValue(500);
        view.horizontalScrollBar()->setValue(100);
        test::drag(view.viewport(), QPointF(300, 300), QPointF(260, 180));
        QCOMPARE(view.verticalScrollBar()->value(), 620);
        QCOMPARE(view.horizontalScrollBar()->value(), 140);
        QVERIFY(!view.hasSelection());
        QCOMPARE(view.textCache().jobsInFlight(), 0);
        // The middle button pans everywhere.
        test::drag(view.viewport(), QPointF(300, 300), QPointF(300, 350), Qt::MiddleButton);
        QCOMPARE(view.verticalScrollBar()->value(), 570);
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
