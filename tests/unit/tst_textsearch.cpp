// SPDX-License-Identifier: GPL-3.0-or-later
// Finding text among a page's word boxes: matching rules and the rectangles of the hits.
#include "textsearch.h"
#include "viewer.h"

#include <QFile>
#include <QTemporaryDir>

#include <QTest>

using namespace folio;

namespace {

// Boxes on a grid where every UTF-16 unit is 10 points wide and 10 high and line n is at y = 20n,
// so the hit of columns [from, to) on line n is span(n, from, to).
//
// `spec`: lines separated by '\n', words by ' '; '+' glues two boxes without a space ("hel+lo");
// a line ending in '~' ends in the middle of a word that goes on on the next line.
QList<TextBox> boxesOf(const QString &spec)
{
    QList<TextBox> boxes;
    const QStringList lines = spec.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines[n];
        const bool wraps = line.endsWith(u'~');
        if (wraps)
            line.chop(1);
        int column = 0;
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        for (int w = 0; w < words.size(); ++w) {
            const QStringList parts = words[w].split(u'+');
            for (int p = 0; p < parts.size(); ++p) {
                TextBox box;
                box.text = parts[p];
                box.rect = QRectF(10 * column, 20 * n, 10 * parts[p].size(), 10);
                box.spaceAfter = p + 1 == parts.size();
                box.lineEnd = w + 1 == words.size() && p + 1 == parts.size();
                if (box.lineEnd && wraps)
                    box.spaceAfter = false;
                column += int(parts[p].size());
                boxes.append(box);
            }
            ++column; // the space
        }
    }
    return boxes;
}

QRectF span(int line, int from, int to)
{
    return QRectF(10 * from, 20 * line, 10 * (to - from), 10);
}

} // namespace

class TestTextSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findInBoxes_data()
    {
        QTest::addColumn<QString>("boxes");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<bool>("wholeWords");
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<QRectF>>("firstRects");

        const QString fox = QStringLiteral("the quick brown fox");
        QTest::newRow("single word") << fox << "quick" << false << false << 1 << QList {span(0, 4, 9)};
        QTest::newRow("part of a word") << fox << "row" << false << false << 1 << QList {span(0, 11, 14)};
        QTest::newRow("absent") << fox << "wolf" << false << false << 0 << QList<QRectF>();
        QTest::newRow("phrase over two boxes") << fox << "quick brown" << false << false << 1 << QList {span(0, 4, 15)};
        QTest::newRow("spaces in the needle collapse")
            << fox << "  quick \t  brown " << false << false << 1 << QList {span(0, 4, 15)};
        QTest::newRow("phrase needs the space") << fox << "quickbrown" << false << false << 0 << QList<QRectF>();
        QTest::newRow("phrase across a line end") << QStringLiteral("lazy dog\nsat down") << "dog sat" << false << false
                                                  << 1 << QList {span(0, 5, 8), span(1, 0, 3)};
        QTest::newRow("word wrapped over two lines") << QStringLiteral("an exam~\nple here") << "example" << false
                                                     << false << 1 << QList {span(0, 3, 7), span(1, 0, 3)};
        QTest::newRow("one word in two boxes")
            << QStringLiteral("hel+lo world") << "hello" << false << false << 1 << QList {span(0, 0, 5)};

        const QString hellos = QStringLiteral("Hello HELLO hello");
        QTest::newRow("case-insensitive") << hellos << "hello" << false << false << 3 << QList {span(0, 0, 5)};
        QTest::newRow("case-sensitive") << hellos << "hello" << true << false << 1 << QList {span(0, 12, 17)};
        QTest::newRow("case-sensitive upper") << hellos << "HELLO" << true << false << 1 << QList {span(0, 6, 11)};

        const QString cats = QStringLiteral("cat concatenate cat's cats");
        QTest::newRow("substrings") << cats << "cat" << false << false << 4 << QList {span(0, 0, 3)};
        QTest::newRow("whole words") << cats << "cat" << false << true << 2 << QList {span(0, 0, 3)};
        QTest::newRow("whole words: digits are word characters")
            << QStringLiteral("x1 _x_ 1x") << "x" << false << true << 1 << QList {span(0, 4, 5)};
        QTest::newRow("whole words: phrase")
            << QStringLiteral("newyork new york") << "new york" << false << true << 1 << QList {span(0, 8, 16)};
        QTest::newRow("whole words: retried after a failed candidate")
            << QStringLiteral("aaa aa") << "aa" << false << true << 1 << QList {span(0, 4, 6)};

        QTest::newRow("occurrences do not overlap")
            << QStringLiteral("aaaaa") << "aa" << false << false << 2 << QList {span(0, 0, 2)};
        QTest::newRow("overlapping candidate skipped")
            << QStringLiteral("banana") << "ana" << false << false << 1 << QList {span(0, 1, 4)};

        QTest::newRow("empty needle") << fox << "" << false << false << 0 << QList<QRectF>();
        QTest::newRow("blank needle") << fox << "   " << false << false << 0 << QList<QRectF>();
        QTest::newRow("no boxes") << QString() << "fox" << false << false << 0 << QList<QRectF>();

        const QString unicode = QStringLiteral("Straße ÉCOLE ΣΊΣΥΦΟΣ");
        QTest::newRow("accented capitals") << unicode << "école" << false << false << 1 << QList {span(0, 7, 12)};
        QTest::newRow("accents are not ignored") << unicode << "ecole" << false << false << 0 << QList<QRectF>();
        QTest::newRow("final sigma") << unicode << "σίσυφος" << false << false << 1 << QList {span(0, 13, 20)};
        QTest::newRow("simple case folding keeps ß") << unicode << "strasse" << false << false << 0 << QList<QRectF>();
        QTest::newRow("ß") << unicode << "STRAßE" << false << false << 1 << QList {span(0, 0, 6)};
        QTest::newRow("ligature matches its letters")
            << QStringLiteral("to ﬁnd it") << "find" << false << false << 1 << QList {span(0, 3, 6)};
        QTest::newRow("part of a ligature")
            << QStringLiteral("to ﬁnd it") << "fi" << true << false << 1 << QList {span(0, 3, 4)};
        QTest::newRow("outside the BMP") << QStringLiteral("𝐀𝐁𝐂 x") << "𝐁" << false << false << 1
                                         << QList {span(0, 2, 4)};
        QTest::newRow("case-sensitive umlaut")
            << QStringLiteral("Über über") << "über" << true << false << 1 << QList {span(0, 5, 9)};
        QTest::newRow("whole words: letters of any script")
            << QStringLiteral("добрый день") << "добр" << false << true << 0 << QList<QRectF>();
    }

    void findInBoxes()
    {
        QFETCH(QString, boxes);
        QFETCH(QString, needle);
        QFETCH(bool, caseSensitive);
        QFETCH(bool, wholeWords);
        QFETCH(int, count);
        QFETCH(QList<QRectF>, firstRects);

        SearchOptions options;
        options.caseSensitive = caseSensitive;
        options.wholeWords = wholeWords;
        const QList<SearchHit> hits = folio::findInBoxes(boxesOf(boxes), 7, needle, options);
        QCOMPARE(hits.size(), count);
        for (const SearchHit &hit : hits)
            QCOMPARE(hit.page, 7);
        if (count > 0)
            QCOMPARE(hits.first().rects, firstRects);
    }

    // Hits come in reading order, each in its own place.
    void hitsInOrder()
    {
        const QList<SearchHit> hits
            = folio::findInBoxes(boxesOf(QStringLiteral("one two\nthree two\ntwo")), 0, QStringLiteral("two"));
        QCOMPARE(hits.size(), 3);
        QCOMPARE(hits[0].rects, QList {span(0, 4, 7)});
        QCOMPARE(hits[1].rects, QList {span(1, 6, 9)});
        QCOMPARE(hits[2].rects, QList {span(2, 0, 3)});
    }

    // Vertical text (a box taller than wide): a partial hit takes the whole box.
    void verticalBoxesAreHighlightedWhole()
    {
        const QList<TextBox> boxes {TextBox {QStringLiteral("upward"), QRectF(100, 50, 12, 60), true, true}};
        const QList<SearchHit> hits = folio::findInBoxes(boxes, 0, QStringLiteral("war"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].rects, QList {QRectF(100, 50, 12, 60)});
    }

    void findInText()
    {
        const QString text = QStringLiteral("alpha beta\ngamma\t\talpha\n");
        const QList<SearchHit> phrase = folio::findInText(text, 3, QStringLiteral("Beta Gamma"));
        QCOMPARE(phrase.size(), 1);
        QCOMPARE(phrase[0].page, 3);
        QVERIFY(phrase[0].rects.isEmpty());
        QCOMPARE(folio::findInText(text, 3, QStringLiteral("alpha")).size(), 2);
        QCOMPARE(folio::findInText(text, 3, QStringLiteral("alph"), {false, true}).size(), 0);
    }

    void findInPage();

    void regularExpressions()
    {
        SearchOptions options;
        options.regularExpression = true;
        const QList<TextBox> boxes = boxesOf(QStringLiteral("Error 42 here\nwarning 7 there"));
        const TextMatcher matcher(QStringLiteral("(error|warning) \\d+"), options);
        QVERIFY(matcher.isValid());
        QVERIFY(matcher.requiredWord().isEmpty()); // nothing to filter bytes by
        const QList<SearchHit> hits = matcher.findInBoxes(boxes, 0);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].rects, QList {span(0, 0, 8)});
        QCOMPARE(hits[1].rects, QList {span(1, 0, 9)});
        options.caseSensitive = true;
        QCOMPARE(TextMatcher(QStringLiteral("(error|warning) \\d+"), options).findInBoxes(boxes, 0).size(), 1);
        // Whole words apply to expressions too; empty matches are no hits.
        options = {false, true, true};
        QCOMPARE(TextMatcher(QStringLiteral("\\d"), options).findInBoxes(boxes, 0).size(), 1);
        QCOMPARE(TextMatcher(QStringLiteral("x*"), options).findInBoxes(boxes, 0).size(), 0);

        const TextMatcher invalid(QStringLiteral("(unclosed"), options);
        QVERIFY(!invalid.isValid());
        QVERIFY(invalid.isEmpty());
        QVERIFY(invalid.errorString().startsWith(QStringLiteral("Invalid regular expression: ")));
    }

    // A hit's context is its own line, cut at words, with the hit marked.
    void context()
    {
        const QString line = QStringLiteral("the quick brown fox jumps over the lazy dog and runs far far away into "
                                            "the woods where nobody will ever see it again");
        const QList<SearchHit> hits = folio::findInText(
            QStringLiteral("first line\n") + line + QStringLiteral("\nlast line"), 0, QStringLiteral("nobody"));
        QCOMPARE(hits.size(), 1);
        const SearchHit &hit = hits[0];
        QCOMPARE(hit.context.mid(hit.contextFrom, hit.contextLength), QStringLiteral("nobody"));
        QVERIFY2(hit.context.startsWith(QStringLiteral("…")), qPrintable(hit.context));
        QVERIFY(!hit.context.contains(QStringLiteral("line")));
        QVERIFY(hit.context.endsWith(QStringLiteral("again")));
        const QList<SearchHit> first
            = folio::findInText(QStringLiteral("first line\nsecond"), 0, QStringLiteral("line"));
        QCOMPARE(first.at(0).context, QStringLiteral("first line"));
        QCOMPARE(first.at(0).contextFrom, 6);
    }

    // The byte filter may answer early, never late: characters that search as ASCII stop it.
    void byteFilter_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("expected");
        QTest::newRow("absent") << "zebra" << false << QByteArray("no such animal here, ünïcödé ok") << -1;
        QTest::newRow("at") << "zebra" << false << QByteArray("one ZeBrA") << 4;
        QTest::newRow("case") << "zebra" << true << QByteArray("one ZeBrA") << -1;
        QTest::newRow("kelvin") << "kilo" << false << QByteArray("x \xe2\x84\xaailo") << 2;
        QTest::newRow("ligature") << "find" << true << QByteArray("a \xef\xac\x81nd") << 2;
        QTest::newRow("long s") << "sun" << false << QByteArray("\xc5\xbfun") << 0;
        QTest::newRow("phrase") << "big zebra" << false << QByteArray("a big  zebra") << 7;
        QTest::newRow("non-ascii needle") << "über" << false << QByteArray("anything") << 0;
    }

    void byteFilter()
    {
        QFETCH(QString, needle);
        QFETCH(bool, caseSensitive);
        QFETCH(QByteArray, data);
        QFETCH(int, expected);
        SearchOptions options;
        options.caseSensitive = caseSensitive;
        const TextMatcher matcher(needle, options);
        QCOMPARE(int(firstPossibleHitUtf8(data, matcher)), expected);
        // Whatever it rules out holds no hit.
        if (expected < 0)
            QVERIFY(matcher.findInText(QString::fromUtf8(data), 0).isEmpty());
    }

    // A plain text file searched with its byte filter finds exactly what page-by-page search finds.
    void plainTextFilterMissesNothing();
};

namespace {

// A page of fixed boxes, or none at all when the format has no text positions.
class BoxDocument final : public Document
{
public:
    explicit BoxDocument(bool layout)
        : Document(Limits())
    {
        setCapabilities(layout ? Capability::Text | Capability::TextLayout : Capabilities(Capability::Text));
    }
    int textBoxCalls = 0;

protected:
    int doPageCount() const override { return 2; }
    QSizeF doPageSize(int) const override { return {200, 200}; }
    Result<QImage> doRender(int, const RenderRequest &, const CancellationToken &) override { return QImage(); }
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &) override
    {
        ++textBoxCalls;
        return boxesOf(index == 1 ? QStringLiteral("find me\nfind") : QStringLiteral("nothing"));
    }
};

} // namespace

void TestTextSearch::findInPage()
{
    BoxDocument document(true);
    const auto hits = folio::findInPage(document, 1, QStringLiteral("find"), {}, {});
    QVERIFY(hits.isOk());
    QCOMPARE(hits->size(), 2);
    QCOMPARE(hits->at(1).page, 1);
    QCOMPARE(hits->at(1).rects, QList {span(1, 0, 4)});
    QVERIFY(folio::findInPage(document, 0, QStringLiteral("find"), {}, {})->isEmpty());

    const int calls = document.textBoxCalls;
    CancellationSource source;
    source.cancel(CancelReason::Superseded);
    const auto cancelled = folio::findInPage(document, 1, QStringLiteral("find"), {}, source.token());
    QCOMPARE(cancelled.status().code(), StatusCode::Canceled);
    QCOMPARE(document.textBoxCalls, calls);

    QCOMPARE(
        folio::findInPage(document, 5, QStringLiteral("find"), {}, {}).status().code(), StatusCode::InvalidArgument);

    BoxDocument plain(false);
    const auto unsupported = folio::findInPage(plain, 1, QStringLiteral("find"), {}, {});
    QCOMPARE(unsupported.status().code(), StatusCode::Unsupported);
    QCOMPARE(unsupported.status().message(), QStringLiteral("This document's format does not support search"));
    QCOMPARE(plain.textBoxCalls, 0);
}

void TestTextSearch::plainTextFilterMissesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mixed.log"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray text;
    for (int i = 0; i < 6000; ++i) {
        text += "line " + QByteArray::number(i) + " INFO served";
        if (i % 997 == 0)
            text += " needle-here";
        if (i % 1500 == 7)
            text += " \xe2\x84\xaa\xef\xac\x81 N\xc3\xa4"
                    "del ne\xef\xac\x81"
                    "dle"; // Kelvin, ﬁ, ä
        if (i % 2100 == 3)
            text += " NEEDLE"; // other case
        text += '\n';
    }
    QVERIFY(file.write(text) == text.size());
    file.close();

    auto opened = Viewer::load(path, OpenOptions(), CancellationToken());
    QVERIFY2(opened.isOk(), qPrintable(opened.status().message()));
    Document &document = *opened.value();
    QVERIFY(dynamic_cast<PageFilter *>(&document));
    QVERIFY(document.ensurePages(-1, {}).isOk());
    QVERIFY(document.pageCount() > 20);

    for (const QString &needle : {QStringLiteral("needle"), QStringLiteral("needle-here"), QStringLiteral("absent"),
             QStringLiteral("fi"), QStringLiteral("K"), QStringLiteral("served needle")}) {
        for (const bool caseSensitive : {false, true}) {
            SearchOptions options;
            options.caseSensitive = caseSensitive;
            const TextMatcher matcher(needle, options);
            QList<int> expected;
            for (int page = 0; page < document.pageCount(); ++page) {
                if (!folio::findInPage(document, page, matcher, {})->isEmpty())
                    expected.append(page);
            }
            QList<int> found;
            int pagesRead = 0;
            for (int page = 0;;) {
                const auto step = searchNextPage(document, matcher, page, -1, {});
                QVERIFY(step.isOk());
                if (step->page < 0)
                    break;
                ++pagesRead;
                if (!step->hits.isEmpty())
                    found.append(step->page);
                page = step->page + 1;
            }
            QCOMPARE(found, expected);
            // Ruled out by bytes: only the 4 pages with a Kelvin sign or a ligature are read.
            if (needle == QStringLiteral("absent"))
                QVERIFY2(pagesRead <= 4, qPrintable(QString::number(pagesRead)));
        }
    }
}

QTEST_MAIN(TestTextSearch)
#include "tst_textsearch.moc"
