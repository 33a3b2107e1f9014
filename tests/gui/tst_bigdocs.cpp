// SPDX-License-Identifier: GPL-3.0-or-later
// Big documents on the GUI thread: what it does for a list of 100,000 attachments or a page count
// that grows chunk by chunk must not be proportional to the whole (bench_gui_stall measures the
// time; these tests count the work), and sizes read as sentences ("1 byte", not "1 bytes").
#include "attachmentpanel.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "pagelayout.h"
#include "pageview.h"
#include "propertiesdialog.h"
#include "thumbnailpanel.h"
#include "translations.h"

#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <climits>
#include <cmath>

using namespace folio;

namespace {

// A one-page document with the attachments the test gives it, as an archive lists them.
class ManyAttachments final : public Document
{
public:
    explicit ManyAttachments(QList<AttachmentInfo> attachments)
        : Document(Limits())
        , m_attachments(std::move(attachments))
    {
        setFormat(QStringLiteral("fake"), QStringLiteral("Fake archive"), QStringLiteral("application/x-fake"));
        setCapabilities(Capability::Attachments | Capability::AttachmentFolders);
    }

protected:
    int doPageCount() const override { return 1; }
    QSizeF doPageSize(int) const override { return {300, 400}; }
    Result<QImage> doRender(int, const RenderRequest &, const CancellationToken &) override { return QImage(); }
    QList<AttachmentInfo> doAttachments() const override { return m_attachments; }

private:
    QList<AttachmentInfo> m_attachments;
};

// `count` files: in `folders` folders of equal size, or at the top level when `folders` is 0.
QList<AttachmentInfo> entries(int count, int folders)
{
    QList<AttachmentInfo> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        AttachmentInfo info;
        info.name = QStringLiteral("file-%1.txt").arg(i, 6, 10, QLatin1Char('0'));
        info.path = folders > 0
            ? QStringLiteral("folder-%1/").arg(qint64(i) * folders / count, 3, 10, QLatin1Char('0')) + info.name
            : info.name;
        info.size = i;
        list.append(info);
    }
    return list;
}

QList<QSizeF> pageSizes(int count, QSizeF size = QSizeF(595, 842))
{
    return QList<QSizeF>(count, size);
}

// Every page's rect, to compare two layouts.
QList<QRect> rects(const PageLayout &layout)
{
    QList<QRect> all;
    for (int page = 0; page < layout.count(); ++page)
        all.append(layout.pageRect(page));
    return all;
}

// The layout worked out page by page, the plain way: every row stacked below the one before and
// centred. The reference the run-based PageLayout must agree with.
struct ReferenceLayout
{
    QList<QRect> rects;
    QList<std::pair<int, int>> rows; // first page, size
    QSize content;
};

ReferenceLayout referenceLayout(const QList<QSizeF> &sizes, double zoom, int rotation, bool facing, int viewportWidth,
    bool coverAlone = false, bool rightToLeft = false)
{
    const auto pixels = [&](QSizeF points) {
        if (rotation % 180)
            points.transpose();
        return QSize(std::max(1, int(std::lround(points.width() * zoom * PageLayout::PixelsPerPointAt100))),
            std::max(1, int(std::lround(points.height() * zoom * PageLayout::PixelsPerPointAt100))));
    };
    ReferenceLayout layout;
    int widest = 0;
    for (int first = 0; first < sizes.size();) {
        const int size = facing && !(coverAlone && first == 0) ? std::min<int>(2, sizes.size() - first) : 1;
        int width = -PageLayout::Gap;
        for (int i = first; i < first + size; ++i)
            width += pixels(sizes[i]).width() + PageLayout::Gap;
        widest = std::max(widest, width);
        layout.rows.append({first, size});
        first += size;
    }
    layout.content.setWidth(widest + 2 * PageLayout::Margin);
    const int centre = std::max(layout.content.width(), viewportWidth);
    int y = PageLayout::Margin;
    for (const auto &[first, size] : std::as_const(layout.rows)) {
        int width = -PageLayout::Gap;
        int height = 0;
        for (int i = first; i < first + size; ++i) {
            width += pixels(sizes[i]).width() + PageLayout::Gap;
            height = std::max(height, pixels(sizes[i]).height());
        }
        int x = (centre - width) / 2;
        QList<QRect> row;
        for (int step = 0; step < size; ++step) {
            const int i = rightToLeft ? first + size - 1 - step : first + step;
            const QSize page = pixels(sizes[i]);
            row.append(QRect(QPoint(x, y + (height - page.height()) / 2), page));
            x += page.width() + PageLayout::Gap;
        }
        if (rightToLeft)
            std::reverse(row.begin(), row.end());
        layout.rects += row;
        y += height + PageLayout::Gap;
    }
    layout.content.setHeight(y - PageLayout::Gap + PageLayout::Margin);
    return layout;
}

} // namespace

class TestBigDocs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // The English catalogue gives "%Ln byte(s)" its plural forms, as the application does.
        installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // --- the attachment list ---------------------------------------------------------------

    // The list is read and its tree built by the panel's job; the model hands the view one batch of
    // rows at a time: the GUI thread never holds 100,000 rows.
    void hundredThousandAttachmentsAreFetchedInBatches()
    {
        constexpr int Count = 100'000;
        QWidget window;
        auto *runner = new JobRunner(&window);
        AttachmentPanel panel(runner, &window);
        auto document = std::make_shared<SharedDocument>(std::make_unique<ManyAttachments>(entries(Count, 0)));
        QSignalSpy loaded(&panel, &AttachmentPanel::loaded);
        panel.setDocument(document, QStringLiteral("big.zip"));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(panel.state(), AttachmentPanel::State::Ready);
        QCOMPARE(panel.attachments().size(), Count);

        // A batch, and perhaps one more that the view asked for to fill itself.
        AttachmentModel *model = panel.model();
        const int shown = model->rowCount();
        QVERIFY2(shown >= AttachmentModel::FetchBatch && shown <= 2 * AttachmentModel::FetchBatch,
            qPrintable(QString::number(shown)));
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QCOMPARE(model->rowCount(), shown + AttachmentModel::FetchBatch);
        QCOMPARE(model->index(shown, 0).data(AttachmentPanel::IndexRole).toInt(), shown);
        QCOMPARE(model->index(shown, 0).data().toString(),
            QStringLiteral("file-%1.txt").arg(shown, 6, 10, QLatin1Char('0')));

        // The last one is reachable (its rows are fetched for it), and selectable.
        panel.setCurrentAttachment(Count - 1);
        QCOMPARE(panel.currentAttachment(), Count - 1);
        QCOMPARE(model->rowCount(), Count);
        QVERIFY(!model->canFetchMore({}));
        QVERIFY(panel.saveAction()->isEnabled());
    }

    // Folders still make a tree; a long list starts with its folders collapsed, each holding a
    // batch of rows until the view scrolls further.
    void hundredThousandAttachmentsInFolders()
    {
        constexpr int Count = 100'000;
        QWidget window;
        auto *runner = new JobRunner(&window);
        AttachmentPanel panel(runner, &window);
        auto document = std::make_shared<SharedDocument>(std::make_unique<ManyAttachments>(entries(Count, 100)));
        QSignalSpy loaded(&panel, &AttachmentPanel::loaded);
        panel.setDocument(document, QStringLiteral("folders.zip"));
        QVERIFY(loaded.wait(30000));

        AttachmentModel *model = panel.model();
        QCOMPARE(model->rowCount(), 100);
        const QModelIndex first = model->index(0, 0);
        QCOMPARE(first.data().toString(), QStringLiteral("folder-000"));
        QCOMPARE(first.data(AttachmentPanel::IndexRole).toInt(), -1);
        QVERIFY(model->hasChildren(first));
        QCOMPARE(model->rowCount(first), AttachmentModel::FetchBatch);
        QVERIFY(!panel.view()->isExpanded(first));
        QCOMPARE(model->index(0, 0, first).data().toString(), QStringLiteral("file-000000.txt"));

        const QModelIndex last = panel.indexOfAttachment(Count - 1);
        QVERIFY(last.isValid());
        QCOMPARE(last.data().toString(), QStringLiteral("file-099999.txt"));
        QCOMPARE(last.parent().data().toString(), QStringLiteral("folder-099"));
        QCOMPARE(last.data(Qt::ToolTipRole).toString(), QStringLiteral("folder-099/file-099999.txt"));
    }

    void treeOfHostilePaths()
    {
        const QList<AttachmentInfo> list = {
            {QStringLiteral("a.txt"), QStringLiteral("docs\\a.txt"), 1, {}},
            {QStringLiteral("b.txt"), QStringLiteral("./docs/../b.txt"), 2, {}},
            {QStringLiteral("c.txt"), QStringLiteral("/docs//c.txt"), 3, {}},
        };
        const AttachmentTree tree = AttachmentTree::build(list);
        QCOMPARE(tree.folderCount, 1);
        QCOMPARE(tree.top.size(), size_t(1));
        const AttachmentTree::Node &docs = tree.nodes[size_t(tree.top.front())];
        QCOMPARE(docs.name, QStringLiteral("docs"));
        QCOMPARE(docs.children.size(), size_t(3)); // "." and ".." are no folders
        for (int i = 0; i < 3; ++i)
            QCOMPARE(tree.nodes[size_t(tree.nodeOfAttachment[size_t(i)])].parent, tree.top.front());
    }

    // --- sizes -------------------------------------------------------------------------------

    void sizesAreSentences()
    {
        QCOMPARE(PropertiesDialog::formatShortSize(0), QStringLiteral("0 bytes"));
        QCOMPARE(PropertiesDialog::formatShortSize(1), QStringLiteral("1 byte"));
        QCOMPARE(PropertiesDialog::formatShortSize(1000), QStringLiteral("1,000 bytes"));
        QCOMPARE(PropertiesDialog::formatShortSize(1536), QStringLiteral("1.50 KiB"));
        QCOMPARE(PropertiesDialog::formatFileSize(1234), QStringLiteral("1.21 KiB (1,234 bytes)"));

        QWidget window;
        AttachmentPanel panel(new JobRunner(&window), &window);
        auto document = std::make_shared<SharedDocument>(std::make_unique<ManyAttachments>(QList<AttachmentInfo>()));
        panel.setDocument(document,
            {{QStringLiteral("one.txt"), {}, 1, {}}, {QStringLiteral("many.txt"), {}, 1000, {}},
                {QStringLiteral("big.bin"), {}, 1536, {}}});
        const QAbstractItemModel *model = panel.view()->model();
        QCOMPARE(model->index(0, AttachmentModel::SizeColumn).data().toString(), QStringLiteral("1 byte"));
        QCOMPARE(model->index(1, AttachmentModel::SizeColumn).data().toString(), QStringLiteral("1,000 bytes"));
        QCOMPARE(model->index(2, AttachmentModel::SizeColumn).data().toString(), QStringLiteral("1.50 KiB"));

        // German: its own plural and digit grouping.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        installTranslators(*qApp, QLocale(QLocale::German, QLocale::Germany));
        const QString german = PropertiesDialog::formatShortSize(1000);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(german, QStringLiteral("1.000 Byte"));
    }

    // --- a growing page count ----------------------------------------------------------------

    void appendingPagesLaysOutOnlyTheNewOnes_data()
    {
        QTest::addColumn<bool>("continuous");
        QTest::addColumn<bool>("facing");
        QTest::addColumn<int>("known");
        QTest::newRow("continuous") << true << false << 1000;
        QTest::newRow("facing, even") << true << true << 1000;
        QTest::newRow("facing, odd") << true << true << 999;
        QTest::newRow("single page") << false << false << 1000;
        QTest::newRow("single row, odd") << false << true << 999;
        QTest::newRow("facing, cover alone, even") << true << true << -1000;
        QTest::newRow("facing, cover alone, odd") << true << true << -999;
        QTest::newRow("facing, cover alone, three pages") << true << true << -3;
    }

    void appendingPagesLaysOutOnlyTheNewOnes()
    {
        QFETCH(bool, continuous);
        QFETCH(bool, facing);
        QFETCH(int, known);
        const bool cover = known < 0; // a book's cover alone in its row
        known = std::abs(known);
        PageLayout layout;
        layout.setViewportSize({900, 700});
        layout.setZoom(0.8);
        layout.setContinuous(continuous);
        layout.setFacing(facing);
        layout.setCoverAlone(cover);
        layout.setShownPage(known - 1);
        layout.setPageSizes(pageSizes(known));
        const QList<QRect> before = rects(layout);
        // A last row of one page that can take a partner is laid out again; the rest stays.
        const bool partnerless = facing && layout.rowOf(known - 1).second == 1 && !(cover && known == 1);
        const int stable = partnerless ? known - 1 : known;
        const int fullLayouts = layout.fullLayouts();
        const qint64 laidOut = layout.pagesLaidOut();

        // A streaming document's chunks: 256 pages each, like DocumentView::CountChunk.
        for (int chunk = 0; chunk < 20; ++chunk)
            layout.appendPageSizes(pageSizes(256));
        QCOMPARE(layout.count(), known + 20 * 256);
        QCOMPARE(rects(layout).mid(0, stable), before.mid(0, stable));
        // Not one full layout; each chunk laid out its own pages (and the facing row it completed).
        QCOMPARE(layout.fullLayouts(), fullLayouts);
        QVERIFY2(layout.pagesLaidOut() - laidOut <= 20 * (256 + (facing ? 1 : 0)),
            qPrintable(QString::number(layout.pagesLaidOut() - laidOut)));

        // The same as laying out every page at once.
        PageLayout all;
        all.setViewportSize({900, 700});
        all.setZoom(0.8);
        all.setContinuous(continuous);
        all.setFacing(facing);
        all.setCoverAlone(cover);
        all.setShownPage(known - 1);
        all.setPageSizes(pageSizes(known + 20 * 256));
        QCOMPARE(rects(layout), rects(all));
        QCOMPARE(layout.contentSize(), all.contentSize());
        QCOMPARE(layout.largestPageSize(), all.largestPageSize());
    }

    // Runs of equal rows give every page the rect the plain page-by-page layout gives it, and
    // every question about positions the same answer, whatever the mix of sizes.
    void runLayoutMatchesPageByPage_data()
    {
        QTest::addColumn<bool>("facing");
        QTest::addColumn<int>("rotation");
        QTest::addColumn<bool>("coverAlone");
        QTest::addColumn<bool>("rightToLeft");
        QTest::newRow("single") << false << 0 << false << false;
        QTest::newRow("facing") << true << 0 << false << false;
        QTest::newRow("single, turned") << false << 90 << false << false;
        QTest::newRow("facing, turned") << true << 270 << false << false;
        QTest::newRow("book: cover alone") << true << 0 << true << false;
        QTest::newRow("manga: cover alone, right to left") << true << 0 << true << true;
        QTest::newRow("right to left, turned") << true << 90 << false << true;
    }

    void runLayoutMatchesPageByPage()
    {
        QFETCH(bool, facing);
        QFETCH(int, rotation);
        QFETCH(bool, coverAlone);
        QFETCH(bool, rightToLeft);
        // Runs of A4, letter and landscape pages of lengths 1 to 7, one odd page out at the end.
        const QList<QSizeF> kinds {{595, 842}, {612, 792}, {842, 595}, {300, 1200}};
        QList<QSizeF> sizes;
        for (int run = 0; sizes.size() < 400; ++run)
            sizes += QList<QSizeF>(1 + run * 5 % 7, kinds[run * 3 % kinds.size()]);
        sizes.append(QSizeF(100, 100));
        for (const double zoom : {0.37, 1.0, 2.5}) {
            PageLayout layout;
            layout.setViewportSize({1500, 800});
            layout.setRotation(rotation);
            layout.setFacing(facing);
            layout.setCoverAlone(coverAlone);
            layout.setRightToLeft(rightToLeft);
            layout.setZoom(zoom);
            layout.setPageSizes(sizes);
            const ReferenceLayout reference
                = referenceLayout(sizes, zoom, rotation, facing, 1500, coverAlone, rightToLeft);
            QCOMPARE(rects(layout), reference.rects);
            QCOMPARE(layout.contentSize(), reference.content);
            QVERIFY(layout.rowRuns() < sizes.size() / 2);
            for (const auto &[first, size] : reference.rows)
                QCOMPARE(layout.rowOf(first), std::make_pair(first, size));
            // Every band of the content: the pages it shows, and the page a point is in or near.
            const int height = reference.content.height();
            for (int top = -50; top < height + 50; top += 97) {
                for (const int span : {1, 40, 1000}) {
                    int first = -1;
                    int last = -1;
                    for (int page = 0; page < sizes.size(); ++page) {
                        const auto [rowFirst, rowSize] = layout.rowOf(page);
                        int rowTop = INT_MAX;
                        int rowBottom = INT_MIN;
                        for (int i = rowFirst; i < rowFirst + rowSize; ++i) {
                            rowTop = std::min(rowTop, reference.rects[i].top());
                            rowBottom = std::max(rowBottom, reference.rects[i].bottom() + 1);
                        }
                        if (rowTop < top + span && rowBottom > top) {
                            if (first < 0)
                                first = page;
                            last = page;
                        }
                    }
                    QCOMPARE(layout.pagesBetween(top, top + span), std::make_pair(first, last));
                }
                const QPoint point(700, top);
                int nearest = -1;
                double best = 1e18;
                for (int page = 0; page < sizes.size(); ++page) {
                    const QRect &r = reference.rects[page];
                    const double dx = std::max({r.left() - point.x(), 0, point.x() - r.right()});
                    const double dy = std::max({r.top() - point.y(), 0, point.y() - r.bottom()});
                    if (std::hypot(dx, dy) < best) {
                        best = std::hypot(dx, dy);
                        nearest = page;
                    }
                }
                const QRect found = layout.pageRect(layout.pageNearest(point));
                const QRect &expected = reference.rects[nearest];
                const auto gap = [&](const QRect &r) {
                    return std::hypot(double(std::max({r.left() - point.x(), 0, point.x() - r.right()})),
                        double(std::max({r.top() - point.y(), 0, point.y() - r.bottom()})));
                };
                QCOMPARE(gap(found), gap(expected));
            }
        }
    }

    // A long document of one page size is one run: zooming it costs the same as zooming one page.
    void zoomingALongDocumentCostsItsRuns()
    {
        PageLayout layout;
        layout.setViewportSize({1200, 800});
        layout.setPageSizes(pageSizes(300'000));
        QCOMPARE(layout.rowRuns(), 1);
        const qint64 laidOut = layout.pagesLaidOut();
        for (const double zoom : {0.5, 1.5, 3.0})
            layout.setZoom(zoom);
        layout.setFacing(true);
        QCOMPARE(layout.rowRuns(), 1);
        QVERIFY2(layout.pagesLaidOut() - laidOut <= 5, qPrintable(QString::number(layout.pagesLaidOut() - laidOut)));
        const int stride = layout.pageRect(2).top() - layout.pageRect(0).top();
        QCOMPARE(layout.pageRect(299'999).top(), layout.pageRect(0).top() + 149'999 * stride);
        QCOMPARE(layout.pageAt(layout.pageRect(200'001).top()), 200'000);
    }

    // A page wider than every other centres every row anew: then, and only then, all is laid out.
    void widerPageLaysOutEverything()
    {
        PageLayout layout;
        layout.setViewportSize({300, 700});
        layout.setPageSizes(pageSizes(100));
        const int fullLayouts = layout.fullLayouts();
        layout.appendPageSizes({QSizeF(1190, 842)});
        QCOMPARE(layout.fullLayouts(), fullLayouts + 1);
        PageLayout all;
        all.setViewportSize({300, 700});
        all.setPageSizes(pageSizes(100) + QList<QSizeF> {QSizeF(1190, 842)});
        QCOMPARE(rects(layout), rects(all));
    }

    // The view keeps what is on screen where it is, and the thumbnails their cells.
    void appendingPagesKeepsTheViewAndThumbnails()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 300, 100'000);
        PageView view;
        view.resize(800, 600);
        view.show();
        view.setDocument(loaded);
        view.goToPage(5);
        const int scroll = view.verticalScrollBar()->value();
        const QRect page5 = view.pageRect(5);
        ThumbnailPanel thumbnails;
        thumbnails.resize(200, 600);
        thumbnails.setDocument(loaded.document, loaded.pageSizes);
        const QRect thumbnail0 = thumbnails.thumbnailRect(0);
        const QRect thumbnail299 = thumbnails.thumbnailRect(299);
        for (int chunk = 0; chunk < 10; ++chunk) {
            view.appendPages(pageSizes(256, QSizeF(300, 400)));
            thumbnails.appendPages(pageSizes(256, QSizeF(300, 400)));
        }
        QCOMPARE(view.pageCount(), 300 + 2560);
        QCOMPARE(view.verticalScrollBar()->value(), scroll);
        QCOMPARE(view.pageRect(5), page5);
        QCOMPARE(view.currentPage(), 5);
        QCOMPARE(thumbnails.pageCount(), 300 + 2560);
        QCOMPARE(thumbnails.thumbnailRect(0), thumbnail0);
        QCOMPARE(thumbnails.thumbnailRect(299), thumbnail299);
        // The new cells follow the old ones as a full layout would place them.
        ThumbnailPanel all;
        all.resize(200, 600);
        all.setDocument(loaded.document, loaded.pageSizes + pageSizes(2560, QSizeF(300, 400)));
        QCOMPARE(thumbnails.thumbnailRect(2859), all.thumbnailRect(2859));
        QCOMPARE(thumbnails.verticalScrollBar()->maximum(), all.verticalScrollBar()->maximum());
    }
};

QTEST_MAIN(TestBigDocs)
#include "tst_bigdocs.moc"
