// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagelist.h"
#include "status.h"

#include <QTest>

using namespace folio;
using namespace std::chrono_literals;

class TestStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultHoldsValueOrStatus()
    {
        Result<int> good(42);
        QVERIFY(good.isOk());
        QCOMPARE(good.value(), 42);
        Result<int> bad(Status(StatusCode::Corrupt, QStringLiteral("broken xref")));
        QVERIFY(!bad.isOk());
        QCOMPARE(bad.status().code(), StatusCode::Corrupt);
        QCOMPARE(bad.status().withFile(QStringLiteral("a.pdf")).message(), QStringLiteral("a.pdf: broken xref"));
        QCOMPARE(bad.status().withFile(QStringLiteral("a.pdf")).reason(), QStringLiteral("broken xref"));
    }

    // Where a failure happened travels as fields and becomes a sentence only when shown: each
    // place is named once, outermost first, and a fuller name of the file wins.
    void contextIsFields()
    {
        const Status part = Status(StatusCode::Corrupt, QStringLiteral("is damaged"))
                                .withPart(QStringLiteral("xl/workbook.xml"))
                                .withFile(QStringLiteral("a.xlsx"));
        QCOMPARE(part.message(), QStringLiteral("a.xlsx: xl/workbook.xml: is damaged"));
        QCOMPARE(part.file(), QStringLiteral("a.xlsx"));
        QCOMPARE(part.part(), QStringLiteral("xl/workbook.xml"));
        QCOMPARE(part.withFile(QStringLiteral("a.xlsx")).message(), part.message());
        QCOMPARE(part.withFile(QStringLiteral("/tmp/x/a.xlsx")).message(),
            QStringLiteral("/tmp/x/a.xlsx: xl/workbook.xml: is damaged"));
        QCOMPARE(part.withFile(QStringLiteral("/tmp/x/a.xlsx")).withFile(QStringLiteral("/tmp/x/a.xlsx")).message(),
            QStringLiteral("/tmp/x/a.xlsx: xl/workbook.xml: is damaged"));
        // The bare name of a file named in full already adds nothing.
        QCOMPARE(part.withFile(QStringLiteral("/tmp/x/a.xlsx")).withFile(QStringLiteral("a.xlsx")).file(),
            QStringLiteral("/tmp/x/a.xlsx"));
        // Another file: the one that failed was inside it.
        const Status nested = part.withEntry(QStringLiteral("docs/a.xlsx")).withoutFile().withFile(QStringLiteral("b.zip"));
        QCOMPARE(nested.message(), QStringLiteral("b.zip: docs/a.xlsx: xl/workbook.xml: is damaged"));
        QCOMPARE(part.withFile(QStringLiteral("b.zip")).entries(), QStringList {QStringLiteral("a.xlsx")});
        QCOMPARE(part.withoutFile().message(), QStringLiteral("xl/workbook.xml: is damaged"));
        // The innermost part and page are the precise ones.
        QCOMPARE(part.withPart(QStringLiteral("other.xml")).part(), QStringLiteral("xl/workbook.xml"));
        const Status page = Status(StatusCode::IoError, QStringLiteral("disk full")).withPage(2).withPage(7);
        QCOMPARE(page.message(), QStringLiteral("Page 3: disk full"));
        // Cancellations are about the run, not the file, and keep their exact message.
        const Status timedOut(StatusCode::TimedOut, QStringLiteral("Timed out after 2 s"));
        QCOMPARE(timedOut.withFile(QStringLiteral("a.pdf")).withPage(1).message(), QStringLiteral("Timed out after 2 s"));
        QVERIFY(Status().withFile(QStringLiteral("a.pdf")).message().isEmpty());
    }

    void pageList_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("pageCount");
        QTest::addColumn<QList<int>>("expected"); // 0-based; empty = error
        QTest::addColumn<int>("needed");
        QTest::newRow("single") << "3" << 5 << QList<int> {2} << 3;
        QTest::newRow("list and range") << "1,3-5" << 5 << QList<int> {0, 2, 3, 4} << 5;
        QTest::newRow("open range") << "4-" << 6 << QList<int> {3, 4, 5} << -1;
        QTest::newRow("leading range") << "-2" << 6 << QList<int> {0, 1} << 2;
        QTest::newRow("descending") << "3-1" << 6 << QList<int> {2, 1, 0} << 3;
        QTest::newRow("spaces") << " 2 , 1 " << 2 << QList<int> {1, 0} << 2;
        QTest::newRow("beyond end") << "7" << 6 << QList<int> {} << 7;
        QTest::newRow("range beyond end") << "5-9" << 6 << QList<int> {} << 9;
    }
    void pageList()
    {
        QFETCH(QString, spec);
        QFETCH(int, pageCount);
        QFETCH(QList<int>, expected);
        QFETCH(int, needed);
        const auto list = PageList::parse(spec);
        QVERIFY(list.isOk());
        QCOMPARE(list->pagesNeeded(), needed);
        const auto pages = list->resolve(pageCount);
        if (expected.isEmpty()) {
            QVERIFY(!pages.isOk());
            QCOMPARE(pages.status().code(), StatusCode::InvalidArgument);
            QVERIFY(pages.status().message().contains(QStringLiteral("does not exist")));
        } else {
            QVERIFY(pages.isOk());
            QCOMPARE(pages.value(), expected);
        }
    }

    void badPageLists_data()
    {
        QTest::addColumn<QString>("spec");
        for (const char *s : {"", "0", "a", "1-2-3", "1,,2", "-", "1 2", "-0", "99999999999"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void badPageLists()
    {
        QFETCH(QString, spec);
        const auto list = PageList::parse(spec);
        QVERIFY(!list.isOk());
        QCOMPARE(list.status().code(), StatusCode::InvalidArgument);
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1 = error
        QTest::newRow("ms") << "500ms" << qint64(500);
        QTest::newRow("s") << "2s" << qint64(2000);
        QTest::newRow("fraction") << "1.5s" << qint64(1500);
        QTest::newRow("minutes") << "1m" << qint64(60000);
        QTest::newRow("bare seconds") << "30" << qint64(30000);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("negative") << "-1s" << qint64(-1);
        QTest::newRow("garbage") << "soon" << qint64(-1);
        QTest::newRow("unit only") << "ms" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto duration = parseDuration(text);
        if (ms < 0) {
            QVERIFY(!duration.isOk());
            QCOMPARE(duration.status().code(), StatusCode::InvalidArgument);
        } else {
            QVERIFY(duration.isOk());
            QCOMPARE(qint64(duration->count()), ms);
        }
    }
};

QTEST_GUILESS_MAIN(TestStatus)
#include "tst_status.moc"
