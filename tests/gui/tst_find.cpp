// SPDX-License-Identifier: GPL-3.0-or-later
// Find: FindController's search job over a real PDF and over scripted slow documents, and the
// FindBar's keys.
#include "findbar.h"
#include "findcontroller.h"
#include "findresultspanel.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "viewer.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <atomic>

using namespace folio;
using namespace std::chrono_literals;

namespace {

// One line of words per page; "apple" occurs 6 times (once as "Apple", once inside "pineapple").
const QStringList PageWords {
    QStringLiteral("apple banana"),
    QStringLiteral("cherry apple and Apple pie"),
    QStringLiteral("nothing here"),
    QStringLiteral("apple crumble with apple"),
    QStringLiteral("pineapple"),
};

QString writeFruitPdf(const QDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("fruit.pdf"));
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A6));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(14);
    painter.setFont(font);
    for (int page = 0; page < PageWords.size(); ++page) {
        if (page > 0)
            writer.newPage();
        painter.drawText(QPointF(20, 60), PageWords[page]);
    }
    return path;
}

std::shared_ptr<SharedDocument> share(std::unique_ptr<Document> document)
{
    return std::make_shared<SharedDocument>(std::move(document));
}

// What a scripted document saw, shared with the test (jobs may outlive everything else).
struct Probe
{
    std::atomic<int> pagesSearched {0};
};

// Pages whose text takes `delay` to extract (polling the token), each holding "word other".
// `capabilities` decides whether it offers positions, only text, or nothing.
class SlowDocument final : public Document
{
public:
    SlowDocument(std::shared_ptr<Probe> probe, int pages, std::chrono::milliseconds delay, Capabilities capabilities)
        : Document(Limits())
        , m_probe(std::move(probe))
        , m_pages(pages)
        , m_delay(delay)
    {
        setFormat(QStringLiteral("slow"), QStringLiteral("Slow document"), QStringLiteral("application/x-slow"));
        setCapabilities(capabilities);
    }

protected:
    int doPageCount() const override { return m_pages; }
    QSizeF doPageSize(int) const override { return {300, 400}; }
    Result<QImage> doRender(int, const RenderRequest &, const CancellationToken &) override { return QImage(); }

    Result<QString> doText(int, const CancellationToken &token) override
    {
        if (Status waited = wait(token); !waited)
            return waited;
        return QStringLiteral("word other\n");
    }

    Result<QList<TextBox>> doTextBoxes(int, const CancellationToken &token) override
    {
        if (Status waited = wait(token); !waited)
            return waited;
        return QList<TextBox> {TextBox {QStringLiteral("word"), QRectF(10, 10, 40, 12), true, false},
            TextBox {QStringLiteral("other"), QRectF(55, 10, 50, 12), true, true}};
    }

private:
    Status wait(const CancellationToken &token)
    {
        const auto until = std::chrono::steady_clock::now() + m_delay;
        while (std::chrono::steady_clock::now() < until) {
            if (token.isCancelled())
                return Status::fromToken(token);
            QThread::msleep(1);
        }
        ++m_probe->pagesSearched;
        return {};
    }

    std::shared_ptr<Probe> m_probe;
    int m_pages;
    std::chrono::milliseconds m_delay;
};

std::shared_ptr<SharedDocument> slowDocument(const std::shared_ptr<Probe> &probe, int pages,
    std::chrono::milliseconds delay, Capabilities capabilities = Capability::Text | Capability::TextLayout)
{
    return share(std::make_unique<SlowDocument>(probe, pages, delay, capabilities));
}

QProgressDialog *visibleProgressDialog(QWidget *window)
{
    for (QProgressDialog *dialog : window->findChildren<QProgressDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

QList<int> pagesOf(const QList<SearchHit> &hits)
{
    QList<int> pages;
    for (const SearchHit &hit : hits)
        pages.append(hit.page);
    return pages;
}

} // namespace

class TestFind : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_pdf = writeFruitPdf(QDir(m_dir.path()));
    }

    void init()
    {
        m_window = std::make_unique<QWidget>();
        m_window->resize(600, 400);
        m_runner = new JobRunner(m_window.get());
    }
    void cleanup()
    {
        m_runner->shutdown();
        m_window.reset();
    }

    void findsHitsOnTheirPages_data()
    {
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("wholeWords");
        QTest::addColumn<QList<int>>("pages");
        QTest::newRow("default") << false << false << QList {0, 1, 1, 3, 3, 4};
        QTest::newRow("match case") << true << false << QList {0, 1, 3, 3, 4};
        QTest::newRow("whole words") << false << true << QList {0, 1, 1, 3, 3};
        QTest::newRow("both") << true << true << QList {0, 1, 3, 3};
    }
    void findsHitsOnTheirPages()
    {
        QFETCH(bool, caseSensitive);
        QFETCH(bool, wholeWords);
        QFETCH(QList<int>, pages);
        const auto owned = pdfController();
        FindController &controller = *owned;
        QSignalSpy current(&controller, &FindController::currentHitChanged);
        controller.setOptions({caseSensitive, wholeWords});
        controller.setText(QStringLiteral("apple"));
        controller.searchNow();
        QVERIFY(controller.isSearching());
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(pagesOf(controller.hits()), pages);
        QCOMPARE(controller.statusText(), QStringLiteral("1 of %1").arg(pages.size()));
        QCOMPARE(controller.currentIndex(), 0);
        QVERIFY(!current.isEmpty());
        QCOMPARE(current.last().at(0).toInt(), 0);
        // Highlights sit on the first line of the page, where the words were drawn.
        for (const SearchHit &hit : controller.hits()) {
            QCOMPARE(hit.rects.size(), 1);
            QVERIFY(hit.rects[0].top() > 40 && hit.rects[0].bottom() < 70);
            QVERIFY(hit.rects[0].left() >= 19 && hit.rects[0].width() > 20 && hit.rects[0].width() < 60);
        }
    }

    // The search starts at the page in view, so the first hit selected is the nearest one on or
    // after it; the list stays in document order once the search has wrapped around.
    void startsAtCurrentPage()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        controller.setCurrentPage(2);
        controller.setText(QStringLiteral("apple"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(pagesOf(controller.hits()), QList({0, 1, 1, 3, 3, 4}));
        QCOMPARE(controller.currentIndex(), 3);
        QCOMPARE(controller.statusText(), QStringLiteral("4 of 6"));
    }

    void nextAndPreviousWrap()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        QSignalSpy current(&controller, &FindController::currentHitChanged);
        controller.setText(QStringLiteral("apple"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        const QList<int> pages {0, 1, 1, 3, 3, 4};
        for (int i = 1; i < 6; ++i) {
            controller.next();
            QCOMPARE(controller.currentIndex(), i);
            QCOMPARE(current.last().at(0).toInt(), i);
            QCOMPARE(current.last().at(1).value<SearchHit>().page, pages[i]);
        }
        QCOMPARE(controller.statusText(), QStringLiteral("6 of 6"));
        controller.next();
        QCOMPARE(controller.currentIndex(), 0);
        QCOMPARE(controller.statusText(), QStringLiteral("1 of 6"));
        controller.previous();
        QCOMPARE(controller.currentIndex(), 5);
        QCOMPARE(current.last().at(1).value<SearchHit>().page, 4);
        controller.previous();
        QCOMPARE(controller.currentIndex(), 4);
    }

    void noMatches()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        QSignalSpy current(&controller, &FindController::currentHitChanged);
        controller.setText(QStringLiteral("durian"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QVERIFY(controller.hits().isEmpty());
        QCOMPARE(controller.statusText(), QStringLiteral("No matches"));
        controller.next();
        QCOMPARE(controller.currentIndex(), -1);
        QVERIFY(current.isEmpty());
    }

    // Typing restarts the search only after a pause: three keys, one job.
    void typingIsDebounced()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        QSignalSpy started(m_runner, &JobRunner::jobStarted);
        controller.setText(QStringLiteral("a"));
        controller.setText(QStringLiteral("ap"));
        controller.setText(QStringLiteral("app"));
        QCOMPARE(started.size(), 0);
        QVERIFY(!controller.isSearching());
        QTRY_COMPARE(started.size(), 1);
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(controller.hits().size(), 6);
        QCOMPARE(started.size(), 1);
        controller.setText(QStringLiteral(" app  ")); // the same search
        QVERIFY(!controller.isSearching());
        QCOMPARE(controller.hits().size(), 6);
    }

    // Hits show while the search is still running.
    void hitsArriveBeforeTheEnd()
    {
        auto probe = std::make_shared<Probe>();
        FindController controller(
            slowDocument(probe, 100, 30ms), 100, Capability::Text | Capability::TextLayout, m_runner);
        QSignalSpy hits(&controller, &FindController::hitsChanged);
        controller.setText(QStringLiteral("word"));
        controller.searchNow();
        QTRY_VERIFY(!controller.hits().isEmpty());
        QVERIFY(controller.isSearching());
        QVERIFY(probe->pagesSearched < 100);
        QCOMPARE(controller.currentIndex(), 0);
        QVERIFY(controller.statusText().contains(QStringLiteral("searching… page")));
        controller.cancel();
        QTRY_VERIFY(!controller.isSearching());
        QVERIFY2(controller.statusText().contains(QStringLiteral("(search stopped at page "))
                && controller.statusText().endsWith(QStringLiteral(" of 100: Cancelled)")),
            qPrintable(controller.statusText()));
        QVERIFY(hits.size() >= 1);
    }

    // A new text cancels the running search as superseded; only the new text's hits remain.
    void newTextSupersedes()
    {
        auto probe = std::make_shared<Probe>();
        FindController controller(
            slowDocument(probe, 100, 20ms), 100, Capability::Text | Capability::TextLayout, m_runner);
        QSignalSpy started(m_runner, &JobRunner::jobStarted);
        controller.setText(QStringLiteral("word"));
        controller.searchNow();
        QCOMPARE(started.size(), 1);
        auto *first = started.first().at(0).value<Job *>();
        QVERIFY(first);
        QSignalSpy firstFinished(first, &Job::finished);
        QTRY_VERIFY(!controller.hits().isEmpty());

        controller.setText(QStringLiteral("other thing"));
        QVERIFY(controller.hits().isEmpty()); // the old text's hits go at once
        QTRY_COMPARE(firstFinished.size(), 1);
        QCOMPARE(firstFinished.first().at(0).value<Status>().message(), QStringLiteral("Cancelled by a newer request"));

        controller.setText(QStringLiteral("OTHER"));
        controller.searchNow();
        QCOMPARE(started.size(), 2);
        QTRY_VERIFY(controller.hits().size() >= 3);
        QCOMPARE(controller.hits().first().rects, QList {QRectF(55, 10, 50, 12)});
        controller.setOptions({true, false}); // match case: "OTHER" is not there
        QCOMPARE(started.size(), 3);
        QVERIFY(controller.hits().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isSearching(), 10000);
        QCOMPARE(controller.statusText(), QStringLiteral("No matches"));
    }

    // Between two pages the search lets other jobs (page renders) take the document.
    void releasesTheGateBetweenPages()
    {
        auto probe = std::make_shared<Probe>();
        auto document = slowDocument(probe, 100, 20ms);
        FindController controller(document, 100, Capability::Text | Capability::TextLayout, m_runner);
        controller.setText(QStringLiteral("word"));
        controller.searchNow();
        QTRY_VERIFY(probe->pagesSearched >= 2);
        for (int i = 0; i < 3; ++i) {
            CancellationSource source;
            source.cancelAfter(2s);
            DocumentGate::Lock lock = document->gate().acquire(source.token());
            QVERIFY(lock);
        }
        QVERIFY(controller.isSearching());
        controller.cancel();
        QTRY_VERIFY(!controller.isSearching());
    }

    // A long search is not modal: no progress dialog ever shows, the bar has the progress and
    // Stop; stopped, it keeps its hits, and Continue goes on from where it stopped to the end.
    void stopAndContinueFromTheFindBar()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto probe = std::make_shared<Probe>();
        FindController controller(
            slowDocument(probe, 60, 20ms), 60, Capability::Text | Capability::TextLayout, m_runner);
        controller.setFileName(QStringLiteral("heavy.pdf"));
        FindBar bar(m_window.get());
        bar.setController(&controller);
        bar.show();
        controller.setText(QStringLiteral("word"));
        controller.searchNow();
        auto *stop = bar.findChild<QToolButton *>(QStringLiteral("findStop"));
        auto *progress = bar.findChild<QProgressBar *>(QStringLiteral("findProgress"));
        auto *resume = bar.findChild<QToolButton *>(QStringLiteral("findContinue"));
        QVERIFY(stop && progress && resume);
        QTRY_VERIFY(stop->isVisible() && progress->isVisible());
        QTRY_VERIFY(progress->value() >= 3);
        QTest::qWait(int(JobRunner::DialogDelay.count()) + 200);
        QVERIFY(!visibleProgressDialog(m_window.get()));
        QVERIFY(controller.isSearching());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_VERIFY(!controller.isSearching());
        QVERIFY(!stop->isVisible());
        QVERIFY(probe->pagesSearched < 60);
        QVERIFY2(controller.statusText().contains(QStringLiteral("search stopped at page")),
            qPrintable(controller.statusText()));
        QVERIFY(controller.canContinue());
        QVERIFY(resume->isVisible());
        const qsizetype found = controller.hits().size();
        QVERIFY(found > 0);
        QTest::qWait(100);
        QCOMPARE(controller.hits().size(), found);

        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isSearching(), 10000);
        QCOMPARE(controller.statusText(), QStringLiteral("1 of 60"));
        QCOMPARE(controller.hits().size(), 60); // every page once: nothing lost, nothing twice
        for (int i = 0; i < 60; ++i)
            QCOMPARE(controller.hits().at(i).page, i);
        QVERIFY(!controller.canContinue());
        QVERIFY(!resume->isVisible());
    }

    // A search that times out says where; Enter (next()) goes on with a fresh timeout.
    void continueAfterTheTimeout()
    {
        m_runner->setTimeout(300ms);
        auto probe = std::make_shared<Probe>();
        FindController controller(slowDocument(probe, 40, 25ms), 40, Capability::Text, m_runner);
        controller.setText(QStringLiteral("absent"));
        controller.searchNow();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isSearching(), 5000);
        QVERIFY2(controller.statusText().startsWith(QStringLiteral("Search stopped at page "))
                && controller.statusText().contains(QStringLiteral("Timed out")),
            qPrintable(controller.statusText()));
        QVERIFY(controller.canContinue());
        const int before = probe->pagesSearched;
        int rounds = 0;
        while (controller.canContinue() && rounds++ < 20) {
            controller.next(); // Enter, F3
            QVERIFY(controller.isSearching());
            QTRY_VERIFY_WITH_TIMEOUT(!controller.isSearching(), 5000);
        }
        QCOMPARE(controller.statusText(), QStringLiteral("No matches"));
        QVERIFY(probe->pagesSearched >= 40);
        QVERIFY(probe->pagesSearched > before);
    }

    // A search of a document still being counted says it covered only the pages known.
    void searchWhileCountingSaysSo()
    {
        auto probe = std::make_shared<Probe>();
        FindController controller(slowDocument(probe, 10, 1ms), 10, Capability::Text, m_runner);
        controller.setPageCountFinal(false);
        controller.setText(QStringLiteral("absent"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(controller.statusText(),
            QStringLiteral("No matches in the first 10 pages (Enter searches again once more are counted)"));
        controller.setPageCount(12); // counted on
        QSignalSpy started(m_runner, &JobRunner::jobStarted);
        controller.next(); // Enter
        QCOMPARE(started.size(), 1);
        controller.setPageCountFinal(true);
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(controller.statusText(), QStringLiteral("No matches"));
    }

    // A second search (the next word typed) reads the pages' words from memory.
    void secondSearchReadsFromMemory()
    {
        auto probe = std::make_shared<Probe>();
        FindController controller(
            slowDocument(probe, 30, 5ms), 30, Capability::Text | Capability::TextLayout, m_runner);
        controller.setText(QStringLiteral("word"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(probe->pagesSearched.load(), 30);
        controller.setText(QStringLiteral("other"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(controller.hits().size(), 30);
        QCOMPARE(probe->pagesSearched.load(), 30); // no page extracted again
    }

    // Opening the find bar reads the pages' words in the background; the search typed next
    // finds them in memory, and a search supersedes the warm-up.
    void openingTheBarWarmsUp()
    {
        auto probe = std::make_shared<Probe>();
        FindController controller(
            slowDocument(probe, 20, 5ms), 20, Capability::Text | Capability::TextLayout, m_runner);
        FindBar bar(m_window.get());
        bar.setController(&controller);
        bar.activate();
        QVERIFY(controller.isWarmingUp());
        QTRY_VERIFY(!controller.isWarmingUp());
        QCOMPARE(probe->pagesSearched.load(), 20);
        QVERIFY(!controller.isSearching());
        controller.setText(QStringLiteral("word"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(controller.hits().size(), 20);
        QCOMPARE(probe->pagesSearched.load(), 20); // nothing read twice

        auto slow = std::make_shared<Probe>();
        FindController other(slowDocument(slow, 200, 20ms), 200, Capability::Text | Capability::TextLayout, m_runner);
        other.warmUp();
        QVERIFY(other.isWarmingUp());
        other.setText(QStringLiteral("word"));
        other.searchNow();
        QVERIFY(!other.isWarmingUp());
        other.cancel();
        QTRY_VERIFY(!other.isSearching());
    }

    // Reopening the bar with its old text does not search until Enter.
    void reopeningDoesNotSearchAtOnce()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        FindBar bar(m_window.get());
        bar.setController(&controller);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        bar.activate();
        auto *edit = bar.findChild<QLineEdit *>(QStringLiteral("findText"));
        QTest::keyClicks(edit, QStringLiteral("apple"));
        QTRY_COMPARE(controller.hits().size(), 6);
        bar.dismiss();
        QVERIFY(controller.hits().isEmpty());

        QSignalSpy started(m_runner, &JobRunner::jobStarted);
        bar.activate();
        QCOMPARE(edit->selectedText(), QStringLiteral("apple"));
        QTest::qWait(FindController::DebounceMs * 2);
        QCOMPARE(started.size(), 0);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(started.size(), 1);
        QTRY_COMPARE(controller.hits().size(), 6);
    }

    // Regular expressions, and an invalid one said in the bar without a search.
    void regularExpressions()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        SearchOptions options;
        options.regularExpression = true;
        controller.setOptions(options);
        controller.setText(QStringLiteral("\\bapple\\b|cherr?y"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(controller.hits().size(), 6); // five whole "apple"s (any case) and "cherry"
        QCOMPARE(controller.hits().at(1).context.mid(controller.hits().at(1).contextFrom, 6), QStringLiteral("cherry"));

        QSignalSpy started(m_runner, &JobRunner::jobStarted);
        controller.setText(QStringLiteral("(unclosed"));
        controller.searchNow();
        QCOMPARE(started.size(), 0);
        QVERIFY2(controller.statusText().startsWith(QStringLiteral("Invalid regular expression")),
            qPrintable(controller.statusText()));
    }

    // The results list grows with the hits, shows their context, and a click selects the hit.
    void resultsList()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        FindResultsPanel panel;
        panel.setController(&controller);
        controller.setText(QStringLiteral("apple"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(panel.model()->rowCount(), 6);
        const QModelIndex third = panel.model()->index(2);
        QCOMPARE(third.data(FindResultsModel::PageRole).toInt(), 1);
        QCOMPARE(third.data(FindResultsModel::ContextRole).toString(), QStringLiteral("cherry apple and Apple pie"));
        QCOMPARE(third.data(FindResultsModel::ContextFromRole).toInt(), 17);
        QSignalSpy current(&controller, &FindController::currentHitChanged);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView *list = panel.listView();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(third).center());
        QCOMPARE(controller.currentIndex(), 2);
        QCOMPARE(current.size(), 1);
        controller.clear();
        QCOMPARE(panel.model()->rowCount(), 0);
    }

    void unsupportedFormat()
    {
        auto probe = std::make_shared<Probe>();
        FindController controller(slowDocument(probe, 3, 1ms, Capability::None), 3, Capability::None, m_runner);
        QSignalSpy started(m_runner, &JobRunner::jobStarted);
        QVERIFY(!controller.isSupported());
        FindBar bar;
        bar.setController(&controller);
        QCOMPARE(bar.findChild<QLabel *>(QStringLiteral("findStatus"))->text(),
            QStringLiteral("This document's format does not support search"));
        controller.setText(QStringLiteral("word"));
        controller.searchNow();
        QCOMPARE(started.size(), 0);
        QCOMPARE(controller.statusText(), QStringLiteral("This document's format does not support search"));
    }

    // Text without positions: the page is known, the place on it is not.
    void textOnlyFormatGivesPageHits()
    {
        auto probe = std::make_shared<Probe>();
        FindController controller(slowDocument(probe, 3, 1ms, Capability::Text), 3, Capability::Text, m_runner);
        controller.setText(QStringLiteral("other"));
        controller.searchNow();
        QTRY_VERIFY(!controller.isSearching());
        QCOMPARE(pagesOf(controller.hits()), QList({0, 1, 2}));
        for (const SearchHit &hit : controller.hits())
            QVERIFY(hit.rects.isEmpty());
        QCOMPARE(controller.statusText(), QStringLiteral("1 of 3"));
    }

    // The bar: typing searches, Enter and Shift+Enter move, the status shows, Esc closes.
    void findBarKeys()
    {
        const auto owned = pdfController();
        FindController &controller = *owned;
        FindBar bar(m_window.get());
        bar.setController(&controller);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        bar.activate();
        auto *edit = bar.findChild<QLineEdit *>(QStringLiteral("findText"));
        auto *status = bar.findChild<QLabel *>(QStringLiteral("findStatus"));
        QVERIFY(edit && status);
        QVERIFY(!edit->placeholderText().isEmpty());
        QTest::keyClicks(edit, QStringLiteral("apple"));
        QTRY_COMPARE(status->text(), QStringLiteral("1 of 6"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(status->text(), QStringLiteral("2 of 6"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(status->text(), QStringLiteral("6 of 6"));
        QTest::mouseClick(bar.findChild<QToolButton *>(QStringLiteral("findNext")), Qt::LeftButton);
        QCOMPARE(status->text(), QStringLiteral("1 of 6"));

        bar.findChild<QCheckBox *>(QStringLiteral("wholeWords"))->click();
        QTRY_COMPARE(status->text(), QStringLiteral("1 of 5"));
        QCOMPARE(controller.options().wholeWords, true);

        QSignalSpy closed(&bar, &FindBar::closed);
        QSignalSpy hits(&controller, &FindController::hitsChanged);
        QTest::keyClick(edit, Qt::Key_Escape);
        QCOMPARE(closed.size(), 1);
        QVERIFY(!bar.isVisible());
        QVERIFY(controller.hits().isEmpty());
        QCOMPARE(hits.size(), 1);
        QCOMPARE(controller.statusText(), QString());
    }

private:
    std::unique_ptr<FindController> pdfController()
    {
        auto loaded = Viewer::load(m_pdf, OpenOptions(), CancellationToken());
        if (!loaded)
            qFatal("cannot open %s", qPrintable(m_pdf));
        const int pages = loaded.value()->pageCount();
        const Capabilities capabilities = loaded.value()->capabilities();
        return std::make_unique<FindController>(share(std::move(loaded).value()), pages, capabilities, m_runner);
    }

    QTemporaryDir m_dir;
    QString m_pdf;
    std::unique_ptr<QWidget> m_window;
    JobRunner *m_runner = nullptr;
};

QTEST_MAIN(TestFind)
#include "tst_find.moc"
