// SPDX-License-Identifier: GPL-3.0-or-later
// The Mobipocket reader on books calibre's ebook-convert wrote (tests/data/README.md says how):
// a KF8 book (AZW3), an old Mobipocket book and a PalmDoc. Hostile copies (truncated, a record
// table claiming more records than the file holds, the DRM flag set) are made from them here.
#include "../common/testpaths.h"
#include "backends/mobi/mobireader.h"

#include <QFile>
#include <QTest>
#include <QtEndian>

using namespace folio;

namespace {

QByteArray readData(const char *name)
{
    QFile file(test::dataFile(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    return file.readAll();
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

QString statusName(StatusCode code)
{
    return QString::fromLatin1(folio::codeName(code));
}

QStringList titles(const QList<mobi::TocItem> &items)
{
    QStringList result;
    for (const mobi::TocItem &item : items)
        result.append(item.title);
    return result;
}

QString metadataValue(const Metadata &metadata, const QString &key)
{
    for (const auto &[name, value] : metadata) {
        if (name == key)
            return value;
    }
    return {};
}

} // namespace

class TestMobiBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognition();
    void kf8Book();
    void oldMobipocketBook();
    void palmDoc();
    void drmIsRefused();
    void truncated_data();
    void truncated();
    void recordCountLargerThanTheFile();
    void textOverTheEntryLimit();
    void cancelled();
};

void TestMobiBackend::recognition()
{
    const QByteArray azw3 = readData("book-calibre.azw3");
    const QByteArray mobi = readData("book-calibre.mobi");
    const QByteArray palm = readData("palmdoc-calibre.pdb");
    QVERIFY(mobi::Reader::isMobipocket(azw3));
    QVERIFY(mobi::Reader::isKf8Only(azw3.left(4096)));
    QVERIFY(mobi::Reader::isMobipocket(mobi));
    QVERIFY(!mobi::Reader::isKf8Only(mobi.left(4096)));
    QVERIFY(mobi::Reader::isPalmDoc(palm));
    QVERIFY(!mobi::Reader::isMobipocket(palm));
    QVERIFY(!mobi::Reader::isMobipocket(QByteArray(100, 'x')));
}

void TestMobiBackend::kf8Book()
{
    const Result<mobi::Book> book = mobi::Reader::read(readData("book-calibre.azw3"), Limits {}, {});
    QVERIFY2(book, qPrintable(book.status().message()));
    QVERIFY(book->kf8);
    // Three chapters, the section calibre split off chapter one, and calibre's inline TOC.
    QCOMPARE(book->chapters.size(), 5);
    QCOMPARE(book->chapters[0].path, QStringLiteral("part00000.html"));
    QVERIFY(!book->chapters[0].html);
    QVERIFY(book->chapters[0].content.contains("lighthouse"));
    QVERIFY(book->chapters[2].content.contains("harbour"));
    // The picture's kindle:embed link is rewritten to the resource's name.
    QVERIFY(book->chapters[0].content.contains("src=\"resource00000.png\""));
    QVERIFY(book->resources.value(QStringLiteral("resource00000.png")).startsWith("\x89PNG"));
    // Style sheets are resources too, by the names the parts link them with.
    QVERIFY(book->chapters[0].content.contains("href=\"flow00002.css\""));
    QVERIFY(book->resources.value(QStringLiteral("flow00002.css")).contains(".calibre"));

    QCOMPARE(titles(book->toc), strings({"Chapter One", "Chapter Two", "Chapter Three"}));
    QCOMPARE(book->toc[0].path, QStringLiteral("part00000.html"));
    QCOMPARE(titles(book->toc[0].children), strings({"A section"}));
    QCOMPARE(book->toc[0].children[0].path, QStringLiteral("part00001.html"));
    QCOMPARE(book->toc[2].path, QStringLiteral("part00003.html"));

    QCOMPARE(metadataValue(book->metadata, QStringLiteral("Title")), QStringLiteral("Folio Test Book"));
    QCOMPARE(metadataValue(book->metadata, QStringLiteral("Author")), QStringLiteral("Ada Example"));
    QCOMPARE(metadataValue(book->metadata, QStringLiteral("Publisher")), QStringLiteral("Folio Press"));
    QCOMPARE(metadataValue(book->metadata, QStringLiteral("Language")), QStringLiteral("en"));
}

void TestMobiBackend::oldMobipocketBook()
{
    const Result<mobi::Book> book = mobi::Reader::read(readData("book-calibre.mobi"), Limits {}, {});
    QVERIFY2(book, qPrintable(book.status().message()));
    QVERIFY(!book->kf8);
    // One flow cut at its four page breaks: chapter one, the section, two, three, the TOC.
    QCOMPARE(book->chapters.size(), 5);
    QCOMPARE(book->chapters[0].path, QStringLiteral("part00000.html"));
    QCOMPARE(book->chapters[1].path, QStringLiteral("part00000-1.html"));
    QVERIFY(book->chapters[0].html);
    QVERIFY(book->chapters[0].content.contains("lighthouse"));
    QVERIFY(!book->chapters[0].content.contains("harbour"));
    QVERIFY(book->chapters[2].content.contains("harbour"));
    QVERIFY(book->chapters[3].content.contains("last chapter"));
    // recindex pictures become resources; calibre stores them as JPEG in old books.
    QVERIFY(book->chapters[0].content.contains("src=\"resource00000.jpg\""));
    QVERIFY(book->resources.value(QStringLiteral("resource00000.jpg")).startsWith("\xff\xd8"));
    // The section's link to chapter two now names the chapter it landed in.
    QVERIFY2(book->chapters[1].content.contains("href=\"part00000-2.html#"), book->chapters[1].content.constData());

    QCOMPARE(titles(book->toc), strings({"Chapter One", "A section", "Chapter Two", "Chapter Three"}));
    QCOMPARE(book->toc[0].path, QStringLiteral("part00000.html"));
    QCOMPARE(book->toc[1].path, QStringLiteral("part00000-1.html"));
    QCOMPARE(book->toc[2].path, QStringLiteral("part00000-2.html"));
    QCOMPARE(book->toc[3].path, QStringLiteral("part00000-3.html"));
    QVERIFY(book->chapters[2].content.contains("id=\"" + book->toc[2].fragment.toUtf8() + '"'));
    QCOMPARE(metadataValue(book->metadata, QStringLiteral("Title")), QStringLiteral("Folio Test Book"));
}

void TestMobiBackend::palmDoc()
{
    const Result<mobi::Book> book = mobi::Reader::read(readData("palmdoc-calibre.pdb"), Limits {}, {});
    QVERIFY2(book, qPrintable(book.status().message()));
    QCOMPARE(book->chapters.size(), 1);
    QVERIFY2(book->chapters[0].content.contains("<p>The second line mentions a windmill.</p>"),
        book->chapters[0].content.constData());
    QCOMPARE(metadataValue(book->metadata, QStringLiteral("Title")), QStringLiteral("Folio PalmDoc"));
}

void TestMobiBackend::drmIsRefused()
{
    for (const char *name : {"book-calibre.azw3", "book-calibre.mobi"}) {
        QByteArray data = readData(name);
        // Record 0 starts with the PalmDoc header; its encryption type is at 12 (2: Mobipocket DRM).
        const quint32 record0 = qFromBigEndian<quint32>(data.constData() + 78);
        qToBigEndian(quint16(2), data.data() + record0 + 12);
        const Result<mobi::Book> book = mobi::Reader::read(data, Limits {}, {});
        QVERIFY(!book);
        QCOMPARE(statusName(book.status().code()), statusName(StatusCode::Unsupported));
        QVERIFY2(book.status().reason().contains(QLatin1String("DRM")), qPrintable(book.status().reason()));
    }
}

void TestMobiBackend::truncated_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<double>("fraction");
    for (const char *name : {"book-calibre.azw3", "book-calibre.mobi"}) {
        for (double fraction : {0.001, 0.01, 0.05, 0.2, 0.5, 0.8, 0.95})
            QTest::addRow("%s %g", name, fraction) << QByteArray(name) << fraction;
    }
}

// Cut anywhere, a book is refused as corrupt or read as far as it goes; never a crash (the ASan
// build runs this too).
void TestMobiBackend::truncated()
{
    QFETCH(QByteArray, name);
    QFETCH(double, fraction);
    const QByteArray data = readData(name.constData());
    const QByteArray cut = data.left(qsizetype(data.size() * fraction));
    const Result<mobi::Book> book = mobi::Reader::read(cut, Limits {}, {});
    if (!book)
        QCOMPARE(statusName(book.status().code()), statusName(StatusCode::Corrupt));
    if (fraction < 0.05)
        QVERIFY(!book);
}

void TestMobiBackend::recordCountLargerThanTheFile()
{
    QByteArray data = readData("book-calibre.azw3");
    qToBigEndian(quint16(0xffff), data.data() + 76);
    const Result<mobi::Book> book = mobi::Reader::read(data, Limits {}, {});
    QVERIFY(!book);
    QCOMPARE(statusName(book.status().code()), statusName(StatusCode::Corrupt));
    QVERIFY2(book.status().reason().contains(QLatin1String("65535 records")), qPrintable(book.status().reason()));
}

void TestMobiBackend::textOverTheEntryLimit()
{
    Limits limits;
    limits.maxEntrySize = 100;
    const Result<mobi::Book> book = mobi::Reader::read(readData("book-calibre.azw3"), limits, {});
    QVERIFY(!book);
    QCOMPARE(statusName(book.status().code()), statusName(StatusCode::LimitExceeded));
}

void TestMobiBackend::cancelled()
{
    CancellationSource source;
    source.cancel(CancelReason::User);
    const Result<mobi::Book> book = mobi::Reader::read(readData("book-calibre.azw3"), Limits {}, source.token());
    QVERIFY(!book);
    QCOMPARE(statusName(book.status().code()), statusName(StatusCode::Canceled));
}

QTEST_GUILESS_MAIN(TestMobiBackend)
#include "tst_mobibackend.moc"
