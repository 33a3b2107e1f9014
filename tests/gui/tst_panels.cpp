// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/officepackages.h"
#include "../common/testfiles.h"
#include "attachmentpanel.h"
#include "documentview.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "outlinepanel.h"
#include "pageview.h"
#include "propertiesdialog.h"
#include "thumbnailpanel.h"
#include "viewer.h"

#include <KZip>
#include <QBuffer>
#include <QLocale>
#include <QMap>
#include <QScrollBar>

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <sys/resource.h>

using namespace folio;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<SharedDocument> loadShared(const QString &path, QList<QSizeF> *sizes = nullptr)
{
    auto loaded = Viewer::load(path, {}, {});
    if (!loaded)
        return {};
    std::unique_ptr<Document> document = std::move(loaded).value();
    if (sizes)
        *sizes = readPageSizes(*document, 0, {}).value();
    return std::make_shared<SharedDocument>(std::move(document));
}

// A one-page Document with a scripted outline and attachments: reading the outline or saving
// an attachment can block until the token is cancelled.
class PanelFake final : public Document
{
public:
    struct Script
    {
        std::atomic<bool> blockOutline {false};
        std::atomic<bool> blockSaves {false};
        std::atomic<int> outlinesStarted {0};
        std::atomic<int> savesStarted {0};
        QList<OutlineItem> outline;
        QList<AttachmentInfo> attachments;
        QList<QByteArray> data; // one per attachment
        bool folders = false; // the attachments are archive entries (Capability::AttachmentFolders)
        Limits limits;
        int damaged = -1; // this attachment's data fails its check half-way
    };

    explicit PanelFake(std::shared_ptr<Script> script)
        : Document(script->limits)
        , m_script(std::move(script))
    {
        setFormat(QStringLiteral("fake"), QStringLiteral("Fake document"), QStringLiteral("application/x-fake"));
        setCapabilities(Capability::Outline | Capability::Attachments
            | (m_script->folders ? Capability::AttachmentFolders : Capability::None));
    }

protected:
    int doPageCount() const override { return 1; }
    QSizeF doPageSize(int) const override { return {300, 400}; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &) override
    {
        QImage image(renderSize(index, request), QImage::Format_RGB32);
        image.fill(Qt::white);
        return image;
    }
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override
    {
        ++m_script->outlinesStarted;
        while (m_script->blockOutline && !token.isCancelled())
            QThread::msleep(2);
        if (token.isCancelled())
            return Status::fromToken(token);
        return m_script->outline;
    }
    QList<AttachmentInfo> doAttachments() const override { return m_script->attachments; }
    Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress) override
    {
        ++m_script->savesStarted;
        const QByteArray bytes = m_script->data.value(index);
        // Half the bytes first: a cancelled save has written something that must not survive.
        const qint64 half = bytes.size() / 2;
        out.write(bytes.constData(), half);
        if (progress)
            progress(half, bytes.size());
        while (m_script->blockSaves && !token.isCancelled())
            QThread::msleep(2);
        if (token.isCancelled())
            return Status::fromToken(token);
        if (index == m_script->damaged)
            return {StatusCode::Corrupt, QStringLiteral("its data does not match its CRC-32")};
        out.write(bytes.constData() + half, bytes.size() - half);
        if (progress)
            progress(bytes.size(), bytes.size());
        return {};
    }

private:
    std::shared_ptr<Script> m_script;
};

std::shared_ptr<SharedDocument> sharedFake(const std::shared_ptr<PanelFake::Script> &script)
{
    return std::make_shared<SharedDocument>(std::make_unique<PanelFake>(script));
}

AttachmentInfo attachment(const QString &path, qint64 size, const QString &description = {})
{
    return {path.section(QLatin1Char('/'), -1), path, size, description};
}

// Every entry of `dir`, hidden ones (staged .part files) included.
QStringList allEntries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Lowers how many files the process may keep open for its lifetime, restoring the limit after.
class OpenFileLimit
{
public:
    explicit OpenFileLimit(rlim_t files)
    {
        m_ok = getrlimit(RLIMIT_NOFILE, &m_saved) == 0;
        rlimit lowered = m_saved;
        lowered.rlim_cur = std::min<rlim_t>(files, m_saved.rlim_cur);
        m_ok = m_ok && setrlimit(RLIMIT_NOFILE, &lowered) == 0;
    }
    ~OpenFileLimit()
    {
        if (m_ok)
            setrlimit(RLIMIT_NOFILE, &m_saved);
    }
    OpenFileLimit(const OpenFileLimit &) = delete;
    OpenFileLimit &operator=(const OpenFileLimit &) = delete;
    bool isSet() const { return m_ok; }

private:
    rlimit m_saved {};
    bool m_ok = false;
};

// A window owning a JobRunner, and an attachment panel whose dialogs are scripted.
struct AttachmentRig
{
    AttachmentRig()
        : runner(new JobRunner(&window))
        , panel(runner, &window)
    {
        panel.setShowError([this](QWidget *, const QString &, const QString &text) { errors.append(text); });
        panel.setAskSavePath([](QWidget *, const QString &) -> QString {
            qFatal("unexpected save dialog");
            return {};
        });
        panel.setAskFolder([](QWidget *, const QString &) -> QString {
            qFatal("unexpected folder dialog");
            return {};
        });
    }
    // Shows the attachments of `document` once the panel has read them; false when it did not
    // in time.
    bool read(std::shared_ptr<SharedDocument> document, const QString &name)
    {
        QSignalSpy loaded(&panel, &AttachmentPanel::loaded);
        panel.setDocument(std::move(document), name);
        return loaded.wait(15000);
    }

    QWidget window;
    JobRunner *runner; // owned by the window
    AttachmentPanel panel;
    QStringList errors;
};

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
    }

    // --- thumbnails ------------------------------------------------------------------------

    // A manga's first open: two pages side by side, from the right, as its ComicInfo.xml says;
    // the reader's own choice afterwards wins.
    void mangaOpensRightToLeft()
    {
        const auto page = [](const QColor &colour) {
            QImage image(300, 450, QImage::Format_RGB32);
            image.fill(colour);
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            return bytes;
        };
        const QString path = test::writeFile(m_dir, QStringLiteral("manga.cbz"),
            test::zipParts({{QStringLiteral("ComicInfo.xml"),
                                QByteArray("<ComicInfo><Manga>YesAndRightToLeft</Manga></ComicInfo>")},
                {QStringLiteral("01.png"), page(Qt::red)}, {QStringLiteral("02.png"), page(Qt::blue)},
                {QStringLiteral("03.png"), page(Qt::green)}}));
        {
            MainWindow window;
            window.resize(1000, 700);
            window.show();
            window.openFile(path);
            QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
            PageView *view = window.documentView()->pageView();
            QVERIFY(view->isFacing());
            QVERIFY(view->isRightToLeft());
            // Page 1 to the right of page 2.
            QVERIFY(view->pageRect(0).left() > view->pageRect(1).right());
            view->setRightToLeft(false);
            window.closeDocument();
        }
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 15000);
        QVERIFY(!window.documentView()->pageView()->isRightToLeft());
    }

    void thumbnailsRenderOnlyVisibleRows()
    {
        QList<QSizeF> sizes;
        auto document = loadShared(test::writeManyPagePdf(m_dir.path(), 500), &sizes);
        QVERIFY(document);
        QCOMPARE(sizes.size(), 500);
        ThumbnailPanel panel;
        panel.resize(220, 500);
        panel.setDocument(document, sizes);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.pageCount(), 500);

        const QList<int> first = panel.visiblePages();
        QVERIFY(!first.isEmpty());
        QVERIFY2(first.size() < 6, qPrintable(QString::number(first.size())));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(first.begin(), first.end(), [&](int page) { return panel.isThumbnailRendered(page); }), 15000);
        QTRY_COMPARE(panel.renderJobsInFlight(), 0);
        QCOMPARE(panel.renderJobsStarted(), first.size());

        // Jump to the middle: only the pages shown there render.
        panel.setCurrentPage(250);
        const QList<int> middle = panel.visiblePages();
        QVERIFY(middle.contains(250));
        QTRY_VERIFY_WITH_TIMEOUT(panel.isThumbnailRendered(250), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(middle.begin(), middle.end(), [&](int page) { return panel.isThumbnailRendered(page); }),
            15000);
        QTRY_COMPARE(panel.renderJobsInFlight(), 0);
        QCOMPARE(panel.renderJobsStarted(), first.size() + middle.size());
        int rendered = 0;
        for (int page = 0; page < panel.pageCount(); ++page)
            rendered += panel.isThumbnailRendered(page) ? 1 : 0;
        QCOMPARE(rendered, first.size() + middle.size());
        QVERIFY(!panel.isThumbnailRendered(100));
    }

    void scrolledAwayThumbnailsAreSuperseded()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        script->blockRenders = true;
        const LoadedDocument loaded = test::loadedFake(script, 200, 200);
        ThumbnailPanel panel;
        panel.resize(220, 400);
        panel.setDocument(loaded.document, loaded.pageSizes);
        panel.show();
        QTRY_VERIFY(script->rendersStarted >= 1);
        panel.verticalScrollBar()->setValue(panel.verticalScrollBar()->maximum());
        QTRY_VERIFY(script->supersededRenders >= 1);
        QVERIFY(panel.visiblePages().contains(199));
        QTRY_VERIFY(panel.renderJobsInFlight() >= 1);
        QVERIFY(panel.renderJobsInFlight() <= panel.visiblePages().size());
        script->blockRenders = false;
        QTRY_VERIFY_WITH_TIMEOUT(panel.isThumbnailRendered(199), 10000);
        QVERIFY(!panel.isThumbnailRendered(0));
    }

    void tenThousandPagesCostNoWidgets()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 10'000, 10'000);
        ThumbnailPanel panel;
        panel.resize(220, 600);
        panel.setDocument(loaded.document, loaded.pageSizes);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCurrentPage(9'999);
        QVERIFY(panel.visiblePages().contains(9'999));
        QTRY_VERIFY(panel.isThumbnailRendered(9'999));
        QTRY_COMPARE(panel.renderJobsInFlight(), 0);
        QVERIFY(panel.renderJobsStarted() <= 2 * panel.visiblePages().size());
        QVERIFY(panel.findChildren<QWidget *>().size() < 10);
    }

    void clickingThumbnailActivatesItsPage()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 40, 40);
        ThumbnailPanel panel;
        panel.resize(220, 700);
        panel.setDocument(loaded.document, loaded.pageSizes);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy activated(&panel, &ThumbnailPanel::pageActivated);
        panel.setCurrentPage(20);
        QCOMPARE(activated.count(), 0); // following the view is no activation
        QCOMPARE(panel.currentPage(), 20);
        QVERIFY(panel.visiblePages().contains(21));
        QTest::mouseClick(panel.viewport(), Qt::LeftButton, {}, panel.thumbnailRect(21).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toInt(), 21);
        QCOMPARE(panel.currentPage(), 21);
        QTest::keyClick(&panel, Qt::Key_Down);
        QCOMPARE(activated.last().first().toInt(), 22);
        QTest::keyClick(&panel, Qt::Key_End);
        QCOMPARE(activated.last().first().toInt(), 39);
        QVERIFY(panel.visiblePages().contains(39));
    }

    void thumbnailsGrowWithStreamingDocuments()
    {
        auto script = std::make_shared<test::FakeDocument::Script>();
        const LoadedDocument loaded = test::loadedFake(script, 2, 5);
        ThumbnailPanel panel;
        panel.resize(220, 300);
        panel.setDocument(loaded.document, loaded.pageSizes);
        QCOMPARE(panel.pageCount(), 2);
        panel.appendPages({QSizeF(300, 400), QSizeF(800, 400), QSizeF(100, 4000)});
        QCOMPARE(panel.pageCount(), 5);
        panel.setCurrentPage(4);
        QCOMPARE(panel.currentPage(), 4);
        // A landscape page is as wide as a portrait one; a very tall one is narrower.
        QCOMPARE(panel.thumbnailRect(3).width(), panel.thumbnailRect(2).width());
        QVERIFY(panel.thumbnailRect(4).width() < panel.thumbnailRect(2).width());
        QVERIFY(panel.thumbnailRect(4).height() <= 2 * panel.thumbnailRect(2).width());
        // Never shown (the side bar shows another tab): nothing renders.
        QTest::qWait(100);
        QCOMPARE(panel.renderJobsStarted(), 0);
    }

    // --- outline ---------------------------------------------------------------------------

    void outlineOfPdfActivatesPages()
    {
        auto document = loadShared(test::copyFixture(m_dir.path(), "two-pages.pdf"));
        QVERIFY(document);
        OutlinePanel panel;
        panel.resize(300, 400);
        QSignalSpy loaded(&panel, &OutlinePanel::loaded);
        panel.setDocument(document);
        QCOMPARE(panel.state(), OutlinePanel::State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QVERIFY(loaded.first().first().value<Status>().isOk());
        QCOMPARE(panel.state(), OutlinePanel::State::Ready);
        QCOMPARE(panel.entryCount(), 2);
        QAbstractItemModel *model = panel.model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Introduction"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Landscape"));
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("1"));
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("2"));

        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy activated(&panel, &OutlinePanel::pageActivated);
        QTreeView *view = panel.view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(1, 0)).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toInt(), 1);
        view->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.last().first().toInt(), 0);
    }

    void outlinePlaceholderWithoutOutline()
    {
        auto document = loadShared(test::writeManyPagePdf(m_dir.path(), 1));
        QVERIFY(document);
        OutlinePanel panel;
        QSignalSpy loaded(&panel, &OutlinePanel::loaded);
        panel.setDocument(document);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QCOMPARE(panel.state(), OutlinePanel::State::NoOutline);
        QCOMPARE(panel.placeholderText(), QStringLiteral("This document has no outline"));
        QCOMPARE(panel.model()->rowCount(), 0);
    }

    // Where the document names its pages, the outline shows the names.
    void outlineShowsPageLabels()
    {
        OutlinePanel panel;
        OutlineItem preface {QStringLiteral("Preface"), 1, {}};
        preface.children = {{QStringLiteral("Thanks"), 1, {}}};
        panel.setOutline({preface, {QStringLiteral("Chapter 1"), 2, {}}});
        QAbstractItemModel *model = panel.model();
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("3"));
        panel.setPageLabels({QStringLiteral("i"), QStringLiteral("ii"), QStringLiteral("1")});
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("ii"));
        QCOMPARE(model->index(0, 1, model->index(0, 0)).data().toString(), QStringLiteral("ii"));
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("1"));
        panel.setOutline({{QStringLiteral("Again"), 0, {}}});
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("i"));
    }

    void outlineFilterKeepsAncestors()
    {
        OutlinePanel panel;
        OutlineItem chapter {QStringLiteral("Chapter\n One"), 0, {}};
        chapter.children = {{QStringLiteral("Setup"), 1, {}}, {QStringLiteral("Usage"), 2, {}}};
        panel.setOutline({chapter, {QStringLiteral("Appendix"), 7, {}}, {QStringLiteral("No target"), -1, {}}});
        QCOMPARE(panel.state(), OutlinePanel::State::Ready);
        QCOMPARE(panel.entryCount(), 5);
        QAbstractItemModel *model = panel.model();
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Chapter One"));
        QCOMPARE(model->rowCount(model->index(0, 0)), 2);
        QCOMPARE(model->index(2, 1).data().toString(), QString());

        panel.setFilterText(QStringLiteral("usa"));
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex parent = model->index(0, 0);
        QCOMPARE(parent.data().toString(), QStringLiteral("Chapter One"));
        QCOMPARE(model->rowCount(parent), 1);
        QCOMPARE(model->index(0, 0, parent).data(OutlinePanel::PageRole).toInt(), 2);
        QVERIFY(panel.view()->isExpanded(parent));
        panel.setFilterText({});
        QCOMPARE(model->rowCount(), 3);
    }

    void outlineJobFollowsParentToken()
    {
        auto script = std::make_shared<PanelFake::Script>();
        script->blockOutline = true;
        script->outline = {{QStringLiteral("Never shown"), 0, {}}};
        CancellationSource shutdown;
        OutlinePanel panel;
        QSignalSpy loaded(&panel, &OutlinePanel::loaded);
        panel.setDocument(sharedFake(script), shutdown.token());
        QTRY_COMPARE(script->outlinesStarted.load(), 1);
        shutdown.cancel(CancelReason::Shutdown);
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loaded.first().first().value<Status>().code(), StatusCode::Canceled);
        QCOMPARE(panel.state(), OutlinePanel::State::Failed);
        QCOMPARE(panel.model()->rowCount(), 0);

        // A new document supersedes a load in progress: the old result never shows.
        auto second = std::make_shared<PanelFake::Script>();
        second->outline = {{QStringLiteral("Second"), 0, {}}};
        script->outlinesStarted = 0;
        panel.setDocument(sharedFake(script));
        QTRY_COMPARE(script->outlinesStarted.load(), 1);
        panel.setDocument(sharedFake(second));
        QTRY_COMPARE(loaded.count(), 2);
        QVERIFY(loaded.last().first().value<Status>().isOk());
        QCOMPARE(panel.model()->index(0, 0).data().toString(), QStringLiteral("Second"));
    }

    // --- attachments -----------------------------------------------------------------------

    void attachmentListShowsNameAndSize()
    {
        auto document = loadShared(test::copyFixture(m_dir.path(), "with-attachment.pdf"));
        QVERIFY(document);
        AttachmentRig rig;
        QSignalSpy loaded(&rig.panel, &AttachmentPanel::loaded);
        rig.panel.setDocument(document, QStringLiteral("with-attachment.pdf"));
        QCOMPARE(rig.panel.state(), AttachmentPanel::State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QCOMPARE(rig.panel.state(), AttachmentPanel::State::Ready);
        const QAbstractItemModel *model = rig.panel.view()->model();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex item = model->index(0, 0);
        QCOMPARE(item.data().toString(), QStringLiteral("notes.txt"));
        QCOMPARE(item.siblingAtColumn(1).data().toString(), PropertiesDialog::formatShortSize(15));
        QCOMPARE(item.data(AttachmentPanel::IndexRole).toInt(), 0);
        QCOMPARE(rig.panel.currentAttachment(), 0);
        QVERIFY(rig.panel.saveAction()->isEnabled());
        // The bundled fallbacks of the icons the desktop theme may lack.
        QVERIFY(QFile::exists(QStringLiteral(":/icons/document-save-as.svg")));
        QVERIFY(QFile::exists(QStringLiteral(":/icons/document-save-all.svg")));
        QVERIFY(!rig.panel.saveAllAction()->icon().isNull());
    }

    void attachmentFoldersAndPlaceholder()
    {
        auto script = std::make_shared<PanelFake::Script>();
        AttachmentRig rig;
        rig.panel.setDocument(sharedFake(script),
            {attachment(QStringLiteral("docs/a.txt"), 2048, QStringLiteral("first\nfile")),
                attachment(QStringLiteral("docs/sub/b.txt"), 3), attachment(QStringLiteral("c.txt"), -1),
                attachment(QStringLiteral("../../evil.txt"), 1)});
        QTreeView *tree = rig.panel.view();
        const QAbstractItemModel *model = tree->model();
        QCOMPARE(model->rowCount(), 3); // docs, c.txt, evil.txt
        const QModelIndex docs = model->index(0, 0);
        QCOMPARE(docs.data().toString(), QStringLiteral("docs"));
        QCOMPARE(docs.data(AttachmentPanel::IndexRole).toInt(), -1);
        QCOMPARE(model->rowCount(docs), 2);
        QVERIFY(tree->isExpanded(docs));
        QCOMPARE(model->index(0, 0, docs).data().toString(), QStringLiteral("a.txt"));
        QCOMPARE(model->index(0, 1, docs).data().toString(), QLocale().formattedDataSize(2048));
        QCOMPARE(model->index(0, 2, docs).data().toString(), QStringLiteral("first file"));
        const QModelIndex sub = model->index(1, 0, docs);
        QCOMPARE(sub.data().toString(), QStringLiteral("sub"));
        QCOMPARE(model->index(0, 0, sub).data(AttachmentPanel::IndexRole).toInt(), 1);
        QCOMPARE(model->index(1, 1).data().toString(), QString()); // unknown size
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("evil.txt"));
        // A folder is no file: Save and Open need an attachment.
        tree->setCurrentIndex(docs);
        QCOMPARE(rig.panel.currentAttachment(), -1);
        QVERIFY(!rig.panel.saveAction()->isEnabled());
        QVERIFY(rig.panel.saveAllAction()->isEnabled());
        rig.panel.setCurrentAttachment(3);
        QCOMPARE(rig.panel.currentAttachment(), 3);
        QVERIFY(rig.panel.openAction()->isEnabled());

        rig.panel.setDocument(sharedFake(script), QList<AttachmentInfo>());
        QCOMPARE(rig.panel.state(), AttachmentPanel::State::NoAttachments);
        QCOMPARE(rig.panel.placeholderText(), QStringLiteral("This document has no attachments"));
        QVERIFY(!rig.panel.saveAllAction()->isEnabled());
    }

    void saveWritesIdenticalBytes()
    {
        auto document = loadShared(test::copyFixture(m_dir.path(), "with-attachment.pdf"));
        QVERIFY(document);
        AttachmentRig rig;
        QSignalSpy loaded(&rig.panel, &AttachmentPanel::loaded);
        rig.panel.setDocument(document, QStringLiteral("with-attachment.pdf"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QTemporaryDir out;
        QString suggested;
        const QString target = out.filePath(QStringLiteral("copy of notes.txt"));
        rig.panel.setAskSavePath([&](QWidget *, const QString &path) {
            suggested = path;
            return target;
        });
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        rig.panel.save();
        QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("notes.txt"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY2(finished.first().first().value<Status>().isOk(),
            qPrintable(finished.first().first().value<Status>().message()));
        QCOMPARE(finished.first().at(1).toStringList(), QStringList {target});
        QCOMPARE(readAll(target), QByteArray("attached notes\n"));
        QCOMPARE(allEntries(out.path()), QStringList {QStringLiteral("copy of notes.txt")});
        QVERIFY(rig.errors.isEmpty());

        // The next save, in another panel too, starts in the folder of the last one.
        AttachmentRig other;
        QSignalSpy otherLoaded(&other.panel, &AttachmentPanel::loaded);
        other.panel.setDocument(document, QStringLiteral("with-attachment.pdf"));
        QTRY_COMPARE_WITH_TIMEOUT(otherLoaded.count(), 1, 15000);
        QString folder;
        other.panel.setAskFolder([&](QWidget *, const QString &start) {
            folder = start;
            return QString();
        });
        other.panel.saveAll();
        QCOMPARE(QFileInfo(folder).absoluteFilePath(), QFileInfo(out.path()).absoluteFilePath());
    }

    // In a narrow sidebar every button stays on screen (no overflow menu hides Save All).
    void narrowPanelKeepsEveryButton()
    {
        AttachmentRig rig;
        rig.window.resize(700, 400);
        rig.panel.resize(150, 300);
        rig.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&rig.window));
        auto *saveAll = rig.panel.findChild<QToolButton *>(QStringLiteral("saveAllButton"));
        QVERIFY(saveAll && saveAll->isVisible());
        QVERIFY(rig.panel.rect().contains(saveAll->geometry()));
        QCOMPARE(saveAll->toolButtonStyle(), Qt::ToolButtonIconOnly);
        rig.panel.resize(600, 300);
        QTRY_COMPARE(saveAll->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    }

    // Archive entries keep their folders on Save All, each component sanitized, never escaping.
    void saveAllKeepsArchiveFolders()
    {
        const QString zipPath = m_dir.filePath(QStringLiteral("folders.zip"));
        {
            KZip zip(zipPath);
            QVERIFY(zip.open(QIODevice::WriteOnly));
            QVERIFY(zip.writeFile(QStringLiteral("docs/a.txt"), QByteArray("a")));
            QVERIFY(zip.writeFile(QStringLiteral("docs/sub/b.txt"), QByteArray("b")));
            QVERIFY(zip.writeFile(QStringLiteral("../evil.txt"), QByteArray("evil")));
            QVERIFY(zip.close());
        }
        auto document = loadShared(zipPath);
        QVERIFY(document);
        AttachmentRig rig;
        QSignalSpy loaded(&rig.panel, &AttachmentPanel::loaded);
        rig.panel.setDocument(document, QStringLiteral("folders.zip"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QCOMPARE(rig.panel.attachments().size(), 3);

        QTemporaryDir base;
        const QString folder = base.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(folder));
        rig.panel.setAskFolder([&](QWidget *, const QString &) { return folder; });
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        rig.panel.saveAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY2(finished.first().first().value<Status>().isOk(),
            qPrintable(finished.first().first().value<Status>().message()));
        QCOMPARE(readAll(QDir(folder).filePath(QStringLiteral("docs/a.txt"))), QByteArray("a"));
        QCOMPARE(readAll(QDir(folder).filePath(QStringLiteral("docs/sub/b.txt"))), QByteArray("b"));
        QCOMPARE(readAll(QDir(folder).filePath(QStringLiteral("evil.txt"))), QByteArray("evil"));
        QCOMPARE(allEntries(base.path()), QStringList {QStringLiteral("out")});
    }

    void saveAllOfHostileNamesStaysInFolder()
    {
        auto document = loadShared(test::copyFixture(m_dir.path(), "hostile-attachment-names.pdf"));
        QVERIFY(document);
        AttachmentRig rig;
        QSignalSpy loaded(&rig.panel, &AttachmentPanel::loaded);
        rig.panel.setDocument(document, QStringLiteral("hostile-attachment-names.pdf"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QCOMPARE(rig.panel.attachments().size(), 2);

        QTemporaryDir base;
        const QString folder = base.filePath(QStringLiteral("a/b/out"));
        QVERIFY(QDir().mkpath(folder));
        // A file already there is never replaced.
        {
            QFile mine(QDir(folder).filePath(QStringLiteral("notes.txt")));
            QVERIFY(mine.open(QIODevice::WriteOnly));
            mine.write("mine");
        }
        rig.panel.setAskFolder([&](QWidget *, const QString &) { return folder; });
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        rig.panel.saveAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY2(finished.first().first().value<Status>().isOk(),
            qPrintable(finished.first().first().value<Status>().message()));
        const QStringList written = finished.first().at(1).toStringList();
        QCOMPARE(written.size(), 2);
        for (const QString &path : written)
            QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(folder).absoluteFilePath());
        QCOMPARE(allEntries(folder),
            (QStringList {QStringLiteral("evil.txt"), QStringLiteral("notes (2).txt"), QStringLiteral("notes.txt")}));
        QCOMPARE(readAll(QDir(folder).filePath(QStringLiteral("notes.txt"))), QByteArray("mine"));
        QCOMPARE(readAll(QDir(folder).filePath(QStringLiteral("notes (2).txt"))), QByteArray("attached notes\n"));
        // Nothing above the folder.
        QCOMPARE(allEntries(base.filePath(QStringLiteral("a/b"))), QStringList {QStringLiteral("out")});
        QCOMPARE(allEntries(base.filePath(QStringLiteral("a"))), QStringList {QStringLiteral("b")});
        QCOMPARE(allEntries(base.path()), QStringList {QStringLiteral("a")});
        QVERIFY(rig.errors.isEmpty());
    }

    // Save All goes through the core's saver: the limit on the total size holds in the GUI too,
    // whether the sizes are declared (refused before a byte is written) or found while writing.
    void saveAllObeysTotalSizeLimit()
    {
        const QString zipPath = test::writeFile(m_dir, QStringLiteral("total.zip"),
            test::zipParts(
                {{QStringLiteral("a.bin"), QByteArray(2048, 'a')}, {QStringLiteral("b.bin"), QByteArray(2048, 'b')}}));
        QVERIFY(!zipPath.isEmpty());
        OpenOptions open;
        open.limits.maxTotalExtracted = 3 * 1024;
        auto loaded = Viewer::load(zipPath, open, {});
        QVERIFY2(loaded, qPrintable(loaded.status().message()));
        AttachmentRig rig;
        QVERIFY(rig.read(std::make_shared<SharedDocument>(std::move(loaded).value()), QStringLiteral("total.zip")));

        QTemporaryDir base;
        const QString folder = base.filePath(QStringLiteral("out"));
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        QVERIFY(rig.panel.saveAllTo(folder));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(finished.first().first().value<Status>().code(), StatusCode::LimitExceeded);
        QCOMPARE(rig.errors.size(), 1);
        QCOMPARE(rig.errors.first(),
            QStringLiteral("The attachments could not be saved into %1. No file was written.\n\nExtracting would "
                           "write 4.0 KiB, over the limit of 3.0 KiB in total (raise it with --max-total-size or "
                           "in Preferences)")
                .arg(folder));
        QCOMPARE(allEntries(base.path()), QStringList()); // not even the folder it made

        // Sizes nobody declared: stopped once the bytes written pass the limit.
        auto script = std::make_shared<PanelFake::Script>();
        script->limits.maxTotalExtracted = 3 * 1024;
        script->data = {QByteArray(2048, 'x'), QByteArray(2048, 'y')};
        script->attachments = {attachment(QStringLiteral("x.bin"), -1), attachment(QStringLiteral("y.bin"), -1)};
        rig.panel.setDocument(sharedFake(script), script->attachments, QStringLiteral("fake"));
        const QString existing = base.filePath(QStringLiteral("existing"));
        QVERIFY(QDir().mkpath(existing));
        QVERIFY(rig.panel.saveAllTo(existing));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
        const Status status = finished.last().first().value<Status>();
        QCOMPARE(status.code(), StatusCode::LimitExceeded);
        QVERIFY2(status.message().contains(QLatin1String("more than 3.0 KiB, the limit in total")),
            qPrintable(status.message()));
        QCOMPARE(script->savesStarted.load(), 2);
        QCOMPARE(allEntries(existing), QStringList());
        QCOMPARE(rig.errors.size(), 2);
    }

    // An entry that cannot be read does not cost the others: Save All writes them, leaves nothing
    // of the bad one and names it in one message.
    void saveAllSkipsAnEntryThatCannotBeRead()
    {
        auto script = std::make_shared<PanelFake::Script>();
        script->folders = true;
        script->data = {QByteArray("first\n"), QByteArray("damaged data\n"), QByteArray("third\n")};
        script->attachments = {attachment(QStringLiteral("docs/first.txt"), 6),
            attachment(QStringLiteral("docs/bad.txt"), 13), attachment(QStringLiteral("third.txt"), 6)};
        script->damaged = 1;
        AttachmentRig rig;
        rig.panel.setDocument(sharedFake(script), script->attachments, QStringLiteral("fake.zip"));
        QTemporaryDir out;
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        QVERIFY(rig.panel.saveAllTo(out.path()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY(finished.first().first().value<Status>().isOk());
        QCOMPARE(allEntries(out.path()), QStringList({QStringLiteral("docs"), QStringLiteral("third.txt")}));
        QCOMPARE(
            allEntries(QDir(out.path()).filePath(QStringLiteral("docs"))), QStringList {QStringLiteral("first.txt")});
        QCOMPARE(rig.errors.size(), 1);
        QVERIFY2(
            rig.errors.first().startsWith(
                QStringLiteral("1 of 3 attachments could not be saved into %1; the other 2 were.").arg(out.path())),
            qPrintable(rig.errors.first()));
        QVERIFY2(rig.errors.first().contains(QLatin1String("docs/bad.txt")), qPrintable(rig.errors.first()));
        QVERIFY2(rig.errors.first().contains(QLatin1String("CRC-32")), qPrintable(rig.errors.first()));
    }

    // Each file is closed once written: an archive may hold more entries than the process may
    // keep files open.
    void saveAllOfMoreEntriesThanOpenFiles()
    {
        constexpr int Entries = 1100;
        test::Parts entries;
        for (int i = 0; i < Entries; ++i)
            entries.append({QStringLiteral("f%1.txt").arg(i, 4, 10, QLatin1Char('0')), QByteArray::number(i)});
        const QString zipPath = test::writeFile(m_dir, QStringLiteral("many.zip"), test::zipParts(entries));
        QVERIFY(!zipPath.isEmpty());
        auto document = loadShared(zipPath);
        QVERIFY(document);
        AttachmentRig rig;
        QVERIFY(rig.read(document, QStringLiteral("many.zip")));
        QCOMPARE(rig.panel.attachments().size(), Entries);

        QTemporaryDir base;
        const QString folder = base.filePath(QStringLiteral("out"));
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        {
            const OpenFileLimit limit(256);
            QVERIFY(limit.isSet());
            QVERIFY(rig.panel.saveAllTo(folder));
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        }
        QVERIFY2(finished.first().first().value<Status>().isOk(),
            qPrintable(finished.first().first().value<Status>().message()));
        QCOMPARE(finished.first().at(1).toStringList().size(), Entries);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), Entries);
        QCOMPARE(readAll(QDir(folder).filePath(QStringLiteral("f0000.txt"))), QByteArray("0"));
        QCOMPARE(readAll(QDir(folder).filePath(QStringLiteral("f1099.txt"))), QByteArray("1099"));
        QVERIFY(rig.errors.isEmpty());
    }

    // Names that would collide get distinct ones: a file and a folder of one name, names that
    // differ only in case, a name a file in the folder has already.
    void saveAllGivesCollidingNamesDistinctNames()
    {
        auto script = std::make_shared<PanelFake::Script>();
        script->folders = true;
        script->attachments = {attachment(QStringLiteral("docs"), 1), attachment(QStringLiteral("docs/a.txt"), 1),
            attachment(QStringLiteral("docs/b.txt"), 1), attachment(QStringLiteral("Notes.txt"), 1),
            attachment(QStringLiteral("notes.txt"), 1), attachment(QStringLiteral("sub/c.txt"), 1)};
        script->data = {"d", "a", "b", "N", "n", "c"};
        AttachmentRig rig;
        rig.panel.setDocument(sharedFake(script), script->attachments, QStringLiteral("fake"));
        QTemporaryDir out;
        {
            QFile mine(out.filePath(QStringLiteral("sub"))); // a file where a folder would go
            QVERIFY(mine.open(QIODevice::WriteOnly));
            mine.write("mine");
        }
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        QVERIFY(rig.panel.saveAllTo(out.path()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY2(finished.first().first().value<Status>().isOk(),
            qPrintable(finished.first().first().value<Status>().message()));
        const QStringList names {QStringLiteral("docs"), QStringLiteral("docs (2)/a.txt"),
            QStringLiteral("docs (2)/b.txt"), QStringLiteral("Notes.txt"), QStringLiteral("notes (2).txt"),
            QStringLiteral("sub (2)/c.txt")};
        QStringList expected;
        for (const QString &name : names)
            expected.append(QDir(out.path()).filePath(name));
        QCOMPARE(finished.first().at(1).toStringList(), expected);
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(readAll(expected[i]), script->data[i]);
        QCOMPARE(readAll(out.filePath(QStringLiteral("sub"))), QByteArray("mine"));
        QCOMPARE(allEntries(out.path()),
            (QStringList {QStringLiteral("Notes.txt"), QStringLiteral("docs"), QStringLiteral("docs (2)"),
                QStringLiteral("notes (2).txt"), QStringLiteral("sub"), QStringLiteral("sub (2)")}));
        QVERIFY(rig.errors.isEmpty());
    }

    void cancelledSaveLeavesNoFile()
    {
        auto script = std::make_shared<PanelFake::Script>();
        script->blockSaves = true;
        script->data = {QByteArray(64 * 1024, 'x')};
        script->attachments = {attachment(QStringLiteral("big.bin"), 64 * 1024)};
        AttachmentRig rig;
        rig.panel.setDocument(sharedFake(script), script->attachments);
        QTemporaryDir out;
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        Job *job = rig.panel.saveAttachmentTo(0, out.filePath(QStringLiteral("big.bin")));
        QVERIFY(job);
        QCOMPARE(job->options().unit, ProgressUnit::Bytes);
        QTRY_COMPARE(script->savesStarted.load(), 1);
        QCOMPARE(allEntries(out.path()).size(), 1); // the staged part file, half written
        job->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<Status>().code(), StatusCode::Canceled);
        QCOMPARE(allEntries(out.path()), QStringList());
        QVERIFY(rig.errors.isEmpty()); // the user's own cancel needs no message box

        // Save All, cancelled through the runner's token (the window closing).
        script->savesStarted = 0;
        const QString folder = out.filePath(QStringLiteral("new"));
        QVERIFY(rig.panel.saveAllTo(folder));
        QTRY_COMPARE(script->savesStarted.load(), 1);
        rig.runner->shutdown();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finished.last().first().value<Status>().code(), StatusCode::Canceled);
        QVERIFY(!QFileInfo::exists(folder)); // the folder the job created is gone again
        QCOMPARE(allEntries(out.path()), QStringList());
    }

    void timedOutSaveIsReported()
    {
        auto script = std::make_shared<PanelFake::Script>();
        script->blockSaves = true;
        script->data = {QByteArray("0123456789")};
        script->attachments = {attachment(QStringLiteral("slow.txt"), 10)};
        AttachmentRig rig;
        rig.runner->setTimeout(200ms);
        rig.panel.setDocument(sharedFake(script), script->attachments);
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("slow.txt"));
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        QVERIFY(rig.panel.saveAttachmentTo(0, target));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().first().value<Status>().code(), StatusCode::TimedOut);
        QCOMPARE(allEntries(out.path()), QStringList());
        QCOMPARE(rig.errors.size(), 1);
        QCOMPARE(rig.errors.first(),
            QStringLiteral("“slow.txt” could not be saved to %1.\n\nTimed out after 200 ms").arg(target));
    }

    void failedSaveNamesFileAndReason()
    {
        auto script = std::make_shared<PanelFake::Script>();
        script->data = {QByteArray("data")};
        script->attachments = {attachment(QStringLiteral("notes.txt"), 4)};
        AttachmentRig rig;
        rig.panel.setDocument(sharedFake(script), script->attachments);
        QTemporaryDir out;
        const QString blocker = out.filePath(QStringLiteral("file"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const QString target = blocker + QStringLiteral("/sub/notes.txt"); // a folder inside a file
        QSignalSpy finished(&rig.panel, &AttachmentPanel::saveFinished);
        QVERIFY(rig.panel.saveAttachmentTo(0, target));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().first().value<Status>().code(), StatusCode::IoError);
        QCOMPARE(rig.errors.size(), 1);
        QVERIFY2(rig.errors.first().startsWith(QStringLiteral("“notes.txt” could not be saved to %1.").arg(target)),
            qPrintable(rig.errors.first()));
        QVERIFY2(
            rig.errors.first().contains(QStringLiteral("Cannot create the folder")), qPrintable(rig.errors.first()));
        QCOMPARE(allEntries(out.path()), QStringList {QStringLiteral("file")});
    }

    void openEmitsExistingFile()
    {
        auto document = loadShared(test::copyFixture(m_dir.path(), "hostile-attachment-names.pdf"));
        QVERIFY(document);
        AttachmentRig rig;
        QSignalSpy loaded(&rig.panel, &AttachmentPanel::loaded);
        rig.panel.setDocument(document, QStringLiteral("hostile-attachment-names.pdf"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 15000);
        QSignalSpy open(&rig.panel, &AttachmentPanel::openRequested);
        QMap<QString, QString> opened; // file name -> path
        for (int i = 0; i < 2; ++i) {
            rig.panel.setCurrentAttachment(i);
            QVERIFY(rig.panel.openAction()->isEnabled());
            rig.panel.openAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(open.count(), i + 1, 15000);
            const QString path = open.last().first().toString();
            QVERIFY(QFileInfo(path).isFile());
            QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(rig.panel.temporaryFolder()).absoluteFilePath());
            opened.insert(QFileInfo(path).fileName(), path);
        }
        QCOMPARE(opened.keys(), (QStringList {QStringLiteral("evil.txt"), QStringLiteral("notes.txt")}));
        const QString notes = opened.value(QStringLiteral("notes.txt"));
        QCOMPARE(readAll(notes), QByteArray("attached notes\n"));
        // Opening again writes a second copy rather than replacing the first (it may be in use).
        const int notesIndex = rig.panel.attachments().at(0).name == QLatin1String("notes.txt") ? 0 : 1;
        QVERIFY(rig.panel.openAttachment(notesIndex));
        QTRY_COMPARE_WITH_TIMEOUT(open.count(), 3, 15000);
        QCOMPARE(QFileInfo(open.at(2).first().toString()).fileName(), QStringLiteral("notes (2).txt"));
        QVERIFY(QFileInfo(notes).isFile());
        QVERIFY(rig.errors.isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
