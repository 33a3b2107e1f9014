// SPDX-License-Identifier: GPL-3.0-or-later
// Links, the per-tab history and page labels, offscreen: clicks on a PDF's links, Back and
// Forward (actions and mouse buttons), the link opener's refusals, labels in the page box and the
// thumbnails.
#include "../common/linkedpdf.h"
#include "documentview.h"
#include "guitestsupport.h"
#include "linkopener.h"
#include "mainwindow.h"
#include "navigationhistory.h"
#include "pagespinbox.h"
#include "pageview.h"
#include "settings.h"
#include "thumbnailpanel.h"

#include <QAction>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;
using folio::test::actionNamed;
namespace linked = folio::test::linked;

namespace {

// What the link opener was asked to do, in order.
struct OpenerLog
{
    QList<QUrl> asked;
    QList<QUrl> opened;
    QStringList told;
    bool answer = true;

    void attach(LinkOpener *opener)
    {
        opener->setAsk([this](const QUrl &url) {
            asked.append(url);
            return answer;
        });
        opener->setOpen([this](const QUrl &url) {
            opened.append(url);
            return true;
        });
        opener->setTell([this](const QString &message) { told.append(message); });
    }
};

} // namespace

class TestLinks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        Settings::clearRecentFiles();
        QVERIFY(m_dir.isValid());
        m_path = test::writeFile(m_dir, QStringLiteral("links.pdf"), linked::linkedPdf());
        QVERIFY(!m_path.isEmpty());
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(900, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openFile(m_path);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->documentView(), 15000);
        m_view = m_window->documentView()->pageView();
        m_view->goToPage(0);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->isPageRendered(0), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->linkCache().isLoaded(0), 15000);
    }

    void cleanup()
    {
        m_window.reset();
        m_view = nullptr;
    }

    void hoverShowsTarget()
    {
        QVERIFY(m_view->hasLinks());
        QWidget *viewport = m_view->viewport();
        QTest::mouseMove(viewport, linkPoint(linked::GoToRow));
        QTRY_COMPARE(viewport->cursor().shape(), Qt::PointingHandCursor);
        QCOMPARE(viewport->toolTip(), QStringLiteral("Go to page 3"));
        QTest::mouseMove(viewport, linkPoint(linked::UriRow));
        QTRY_COMPARE(viewport->toolTip(), QStringLiteral("https://example.com/folio"));
        // Beside the links: no hand, no tip.
        QTest::mouseMove(viewport, m_view->pageToViewport(0, QPointF(450, 75)).toPoint());
        QTRY_VERIFY(viewport->toolTip().isEmpty());
        QVERIFY(viewport->cursor().shape() != Qt::PointingHandCursor);
    }

    void internalLinkBackAndForward()
    {
        DocumentView *document = m_window->documentView();
        QAction *back = actionNamed(m_window.get(), QStringLiteral("Back"));
        QAction *forward = actionNamed(m_window.get(), QStringLiteral("Forward"));
        QVERIFY(back && forward);
        QVERIFY(!back->isEnabled());
        QVERIFY(!forward->isEnabled());

        click(linked::GoToRow);
        QCOMPARE(m_view->currentPage(), 2);
        // The destination's height is at the top of the view.
        QVERIFY2(std::abs(m_view->position().top - linked::GoToTop) < 3,
            qPrintable(QString::number(m_view->position().top)));
        QVERIFY(document->canGoBack());
        QVERIFY(back->isEnabled());
        QVERIFY(!forward->isEnabled());

        back->trigger();
        QCOMPARE(m_view->currentPage(), 0);
        QVERIFY(forward->isEnabled());
        QVERIFY(!back->isEnabled());

        forward->trigger();
        QCOMPARE(m_view->currentPage(), 2);
        QVERIFY(!forward->isEnabled());

        // The mouse's back and forward buttons do the same.
        QTest::mouseClick(m_view->viewport(), Qt::BackButton, {}, QPoint(20, 20));
        QCOMPARE(m_view->currentPage(), 0);
        QTest::mouseClick(m_view->viewport(), Qt::ForwardButton, {}, QPoint(20, 20));
        QCOMPARE(m_view->currentPage(), 2);

        // Alt+Left is Back.
        m_view->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(m_view->currentPage(), 0);
    }

    void namedDestinationAndAction()
    {
        click(linked::NamedDestinationRow);
        QCOMPARE(m_view->currentPage(), 3);
        m_window->documentView()->back();
        QCOMPARE(m_view->currentPage(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->linkCache().isLoaded(0), 15000);
        click(linked::LastPageRow);
        QCOMPARE(m_view->currentPage(), linked::PageCount - 1);
    }

    void otherJumpsFeedHistory()
    {
        DocumentView *document = m_window->documentView();
        // Go to Page through the page box.
        auto *spin = m_window->findChild<PageSpinBox *>();
        QVERIFY(spin);
        spin->setValue(2);
        QCOMPARE(m_view->currentPage(), 1);
        // A thumbnail click.
        Q_EMIT document->thumbnailPanel()->pageActivated(3);
        QCOMPARE(m_view->currentPage(), 3);
        QCOMPARE(document->history().backEntries().size(), 2);
        document->back();
        QCOMPARE(m_view->currentPage(), 1);
        document->back();
        QCOMPARE(m_view->currentPage(), 0);
        QVERIFY(!document->canGoBack());
        // Scrolling is not a jump.
        m_view->goToPage(2);
        QVERIFY(!document->canGoBack());
    }

    void externalLinksAskAndRefuse()
    {
        OpenerLog log;
        log.attach(m_window->documentView()->linkOpener());

        click(linked::UriRow);
        QCOMPARE(log.asked, QList<QUrl> {QUrl(QStringLiteral("https://example.com/folio"))});
        QCOMPARE(log.opened, log.asked);
        QVERIFY(log.told.isEmpty());

        log.answer = false; // the reader says no
        click(linked::UriRow);
        QCOMPARE(log.asked.size(), 2);
        QCOMPARE(log.opened.size(), 1);

        // javascript: is refused without a question, and said so.
        click(linked::JavaScriptRow);
        QCOMPARE(log.asked.size(), 2);
        QCOMPARE(log.opened.size(), 1);
        QCOMPARE(log.told.size(), 1);
        QVERIFY2(log.told.first().contains(QStringLiteral("javascript")), qPrintable(log.told.first()));

        // So is a link to another file.
        click(linked::RemoteRow);
        QCOMPARE(log.opened.size(), 1);
        QCOMPARE(log.told.size(), 2);
        QVERIFY(log.told.last().contains(QStringLiteral("other.pdf")));
        QCOMPARE(m_view->currentPage(), 0);
    }

    void openerRefusesSchemes_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("openable");
        QTest::newRow("https") << "https://example.com/a?b=c" << true;
        QTest::newRow("http") << "http://example.com" << true;
        QTest::newRow("mailto") << "mailto:someone@example.com" << true;
        QTest::newRow("file") << "file:///etc/passwd" << false;
        QTest::newRow("javascript") << "javascript:alert(1)" << false;
        QTest::newRow("JavaScript capitals") << "JaVaScRiPt:alert(1)" << false;
        QTest::newRow("data") << "data:text/html,<script>alert(1)</script>" << false;
        QTest::newRow("smb") << "smb://server/share" << false;
        QTest::newRow("no scheme") << "example.com" << false;
        QTest::newRow("http without host") << "http:///etc/passwd" << false;
    }

    void openerRefusesSchemes()
    {
        QFETCH(QString, url);
        QFETCH(bool, openable);
        QCOMPARE(LinkOpener::isOpenable(QUrl(url)), openable);
        QWidget parent;
        LinkOpener opener(&parent);
        OpenerLog log;
        log.attach(&opener);
        const LinkOpener::Outcome outcome = opener.open(QUrl(url));
        QCOMPARE(outcome, openable ? LinkOpener::Outcome::Opened : LinkOpener::Outcome::Refused);
        QCOMPARE(log.opened.size(), openable ? 1 : 0);
        QCOMPARE(log.asked.size(), openable ? 1 : 0);
        QCOMPARE(log.told.size(), openable ? 0 : 1);
    }

    void pageLabels()
    {
        DocumentView *document = m_window->documentView();
        const QStringList expected {
            QStringLiteral("i"), QStringLiteral("ii"), QStringLiteral("1"), QStringLiteral("2")};
        QTRY_COMPARE_WITH_TIMEOUT(document->pageLabels(), expected, 15000);
        auto *spin = m_window->findChild<PageSpinBox *>();
        QVERIFY(spin);
        QTRY_COMPARE(spin->text(), QStringLiteral("i (1) / 4"));
        QCOMPARE(document->thumbnailPanel()->caption(0), QStringLiteral("i (1)"));
        QCOMPARE(document->thumbnailPanel()->caption(2), QStringLiteral("1 (3)"));

        // Typed: numbers first, then unique labels, and the text as shown.
        QCOMPARE(spin->pageFromText(QStringLiteral("ii")), 2);
        QCOMPARE(spin->pageFromText(QStringLiteral("1")), 1);
        QCOMPARE(spin->pageFromText(QStringLiteral("ii (2) / 4")), 2);
        QCOMPARE(spin->pageFromText(QStringLiteral("iii")), 0);
        QCOMPARE(spin->pageFromText(QStringLiteral("9")), 0);
        auto *edit = spin->findChild<QLineEdit *>();
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("ii"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(m_view->currentPage(), 1);
        QCOMPARE(spin->text(), QStringLiteral("ii (2) / 4"));
    }

    void historyStacks()
    {
        NavigationHistory history;
        QVERIFY(!history.back({0, -1}).isValid());
        history.record({0, -1});
        history.record({0, -1}); // the same place once
        history.record({3, 100});
        QCOMPARE(history.backEntries().size(), 2);
        QCOMPARE(history.back({5, -1}), (ViewPosition {3, 100}));
        QCOMPARE(history.back({3, 100}), (ViewPosition {0, -1}));
        QVERIFY(!history.canGoBack());
        QCOMPARE(history.forward({0, -1}), (ViewPosition {3, 100}));
        QCOMPARE(history.forward({3, 100}), (ViewPosition {5, -1}));
        QVERIFY(!history.canGoForward());
        // A new jump forgets the way forward.
        history.back({5, -1});
        history.record({3, 100});
        QVERIFY(!history.canGoForward());
        for (int i = 0; i < NavigationHistory::MaxEntries + 10; ++i)
            history.record({i, -1});
        QCOMPARE(history.backEntries().size(), NavigationHistory::MaxEntries);
    }

private:
    QPoint linkPoint(int row) const { return m_view->pageToViewport(0, linked::linkRect(row).center()).toPoint(); }

    // Clicks the link of page 1 in `row` (page 1 must be on screen).
    void click(int row)
    {
        QVERIFY(m_view->visiblePages().contains(0));
        const QPoint point = linkPoint(row);
        QVERIFY(m_view->linkAt(point));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, point);
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    PageView *m_view = nullptr;
};

QTEST_MAIN(TestLinks)
#include "tst_links.moc"
