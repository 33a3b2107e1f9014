// SPDX-License-Identifier: GPL-3.0-or-later
// The CHM reader on a help file compiled by Microsoft HTML Help Workshop (tests/data/README.md
// says where it comes from): its files, #SYSTEM title, contents file and topics. Hostile copies
// (truncated, a directory claiming huge sizes) are made from it here.
#include "../common/testpaths.h"
#include "backends/chm/chmarchive.h"
#include "viewer.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
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

Result<std::unique_ptr<chm::Archive>> openChm(
    const QString &path, const Limits &limits = {}, const CancellationToken &token = {})
{
    return chm::Archive::open(path, nullptr, limits, token);
}

// A buffer that cancels `source` once its last byte has been read.
class CancellingBuffer : public QBuffer
{
public:
    explicit CancellingBuffer(CancellationSource &source)
        : m_source(source)
    { }

protected:
    qint64 readData(char *data, qint64 size) override
    {
        const qint64 read = QBuffer::readData(data, size);
        if (pos() + read >= this->size())
            m_source.cancel(CancelReason::User);
        return read;
    }

private:
    CancellationSource &m_source;
};

} // namespace

class TestChmBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void archive();
    void contents();
    void readLimits();
    void codePage();
    void sitemap();
    void deepSitemap();
    void truncated_data();
    void truncated();
    void hugeHeaderFields_data();
    void hugeHeaderFields();
    void tooManyFiles();
    void cancelled();
    // Through the registry and the book engine.
    void document();
    void opensByContentFromMemory();
    void cancelledOpen();

private:
    QString write(const QString &name, const QByteArray &data);

    QTemporaryDir m_dir;
    QByteArray m_original;
};

void TestChmBackend::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_original = readData("example-hhw.chm");
    QVERIFY(m_original.startsWith("ITSF"));
}

QString TestChmBackend::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestChmBackend::archive()
{
    auto archive = openChm(test::dataFile(QStringLiteral("example-hhw.chm")));
    QVERIFY2(archive, qPrintable(archive.status().message()));
    const chm::Archive &chm = *archive.value();
    QCOMPARE(chm.files(), strings({"Documents/Table of Contents.hhc", "page 1.html", "page 2.html"}));
    QCOMPARE(chm.title(), QStringLiteral("test1"));
    QCOMPARE(chm.contentsFile(), QStringLiteral("Documents/Table of Contents.hhc"));
    QCOMPARE(chm.defaultTopic(), QStringLiteral("page 1.html"));
    // Names are found whatever their case, as HTML Help finds them.
    QVERIFY(chm.contains(QStringLiteral("PAGE 2.HTML")));
    QCOMPARE(chm.canonicalPath(QStringLiteral("/Page 2.html")), QStringLiteral("page 2.html"));
    const Result<QByteArray> page = chm.read(QStringLiteral("Page 1.html"), 1 << 20, {});
    QVERIFY2(page, qPrintable(page.status().message()));
    QVERIFY(page->contains("<h1>Page 1</h1>"));
    QVERIFY(!chm.contains(QStringLiteral("../outside.html")));
    QVERIFY(!chm.read(QStringLiteral("missing.html"), 1 << 20, {}));
}

void TestChmBackend::contents()
{
    auto archive = openChm(test::dataFile(QStringLiteral("example-hhw.chm")));
    QVERIFY(archive);
    const Result<chm::Contents> contents = archive.value()->contents({});
    QVERIFY2(contents, qPrintable(contents.status().message()));
    // The .hhc names "../page%201.html" from its folder: resolved and decoded.
    QCOMPARE(contents->topics, strings({"page 1.html", "page 2.html"}));
    QCOMPARE(contents->toc.size(), 2);
    QCOMPARE(contents->toc[0].title, QStringLiteral("page 1"));
    QCOMPARE(contents->toc[0].path, QStringLiteral("page 1.html"));
    QCOMPARE(contents->toc[1].title, QStringLiteral("page 2"));
    QCOMPARE(contents->toc[1].path, QStringLiteral("page 2.html"));
}

void TestChmBackend::readLimits()
{
    auto archive = openChm(test::dataFile(QStringLiteral("example-hhw.chm")));
    QVERIFY(archive);
    const Result<QByteArray> refused = archive.value()->read(QStringLiteral("page 1.html"), 10, {});
    QVERIFY(!refused);
    QCOMPARE(statusName(refused.status().code()), statusName(StatusCode::LimitExceeded));
    const Result<QByteArray> prefix = archive.value()->read(QStringLiteral("page 1.html"), 10, {}, true);
    QVERIFY(prefix);
    QCOMPARE(prefix->size(), 10);

    Limits limits;
    limits.maxEntrySize = 50;
    auto limited = openChm(test::dataFile(QStringLiteral("example-hhw.chm")), limits);
    QVERIFY(limited);
    const Result<QByteArray> over = limited.value()->read(QStringLiteral("page 1.html"), 1 << 20, {});
    QVERIFY(!over);
    QCOMPARE(statusName(over.status().code()), statusName(StatusCode::LimitExceeded));
}

// Topics that are not UTF-8 and declare no charset are in the code page of the file's language
// (#SYSTEM: English, so Windows-1252); a declared charset is left to the HTML reader.
void TestChmBackend::codePage()
{
    auto archive = openChm(test::dataFile(QStringLiteral("example-hhw.chm")));
    QVERIFY(archive);
    const chm::Archive &chm = *archive.value();
    QCOMPARE(chm.codePage(), QByteArray("windows-1252"));
    QCOMPARE(chm.toUtf8("<p>caf\xe9 \x80</p>"), QByteArray("<p>caf\xc3\xa9 \xe2\x82\xac</p>"));
    QCOMPARE(chm.toUtf8("<p>caf\xc3\xa9</p>"), QByteArray("<p>caf\xc3\xa9</p>"));
    const QByteArray declared("<meta charset=\"koi8-r\"><p>\xe9</p>");
    QCOMPARE(chm.toUtf8(declared), declared);
}

// The shapes HTML Help Workshop and other writers give sitemaps: a nested <ul> inside the <li> or
// after it, upper-case tags, backslashes, headings without a page; links out of the file dropped.
void TestChmBackend::sitemap()
{
    const QByteArray hhc = "<HTML><BODY><UL>"
                           "<LI><OBJECT type=\"text/sitemap\"><param name=\"Name\" value=\"Intro\">"
                           "<param name=\"Local\" value=\"html\\intro.htm#top\"></OBJECT>"
                           "<UL><LI><OBJECT type=\"text/sitemap\"><param name=\"Name\" value=\"Inside\">"
                           "<param name=\"Local\" value=\"html/inside.htm\"></OBJECT></UL>"
                           "<LI><OBJECT type=\"text/sitemap\"><param name=\"Name\" value=\"Heading\"></OBJECT>"
                           "</LI><UL><LI><object type=\"text/sitemap\"><param name=\"name\" value=\"After\">"
                           "<param name=\"local\" value=\"after.htm\"></object></UL>"
                           "<LI><OBJECT type=\"text/sitemap\"><param name=\"Name\" value=\"Web\">"
                           "<param name=\"Local\" value=\"http://example.invalid/\"></OBJECT>"
                           "<LI><OBJECT type=\"text/sitemap\"><param name=\"Name\" value=\"Out\">"
                           "<param name=\"Local\" value=\"../../etc/passwd\"></OBJECT>"
                           "</UL></BODY></HTML>";
    const Result<QList<chm::TocItem>> toc = chm::Archive::parseSitemap(hhc, QStringLiteral("toc.hhc"), Limits {}, {});
    QVERIFY2(toc, qPrintable(toc.status().message()));
    QCOMPARE(toc->size(), 4);
    QCOMPARE(toc->at(0).title, QStringLiteral("Intro"));
    QCOMPARE(toc->at(0).path, QStringLiteral("html/intro.htm"));
    QCOMPARE(toc->at(0).fragment, QStringLiteral("top"));
    QCOMPARE(toc->at(0).children.size(), 1);
    QCOMPARE(toc->at(0).children[0].path, QStringLiteral("html/inside.htm"));
    QCOMPARE(toc->at(1).title, QStringLiteral("Heading"));
    QVERIFY(toc->at(1).path.isEmpty());
    QCOMPARE(toc->at(1).children.size(), 1);
    QCOMPARE(toc->at(1).children[0].path, QStringLiteral("after.htm"));
    QCOMPARE(toc->at(2).title, QStringLiteral("Web"));
    QVERIFY(toc->at(2).path.isEmpty());
    QCOMPARE(toc->at(3).title, QStringLiteral("Out"));
    QVERIFY(toc->at(3).path.isEmpty());
}

// 100,000 nested lists: refused by the HTML reader's depth bound, not walked.
void TestChmBackend::deepSitemap()
{
    QByteArray hhc = "<html><body>";
    for (int i = 0; i < 100'000; ++i)
        hhc += "<ul><li><object type=\"text/sitemap\"><param name=\"Name\" value=\"x\"></object>";
    const Result<QList<chm::TocItem>> toc = chm::Archive::parseSitemap(hhc, QStringLiteral("deep.hhc"), Limits {}, {});
    QVERIFY(!toc);
    QCOMPARE(statusName(toc.status().code()), statusName(StatusCode::LimitExceeded));
}

void TestChmBackend::truncated_data()
{
    QTest::addColumn<int>("size");
    for (int size : {0, 3, 40, 96, 120, 500, 1000, 2000, 4000, 4500, 6000, 8000, 10000})
        QTest::addRow("%d bytes", size) << size;
}

// Cut anywhere, the file is refused or its topics fail to read as corrupt; never a crash (the
// ASan build runs this too).
void TestChmBackend::truncated()
{
    QFETCH(int, size);
    const QString path = write(QStringLiteral("cut-%1.chm").arg(size), m_original.left(size));
    auto archive = openChm(path);
    if (!archive) {
        QCOMPARE(statusName(archive.status().code()), statusName(StatusCode::Corrupt));
        return;
    }
    const Result<chm::Contents> contents = archive.value()->contents({});
    if (!contents) {
        QCOMPARE(statusName(contents.status().code()), statusName(StatusCode::Corrupt));
        return;
    }
    for (const QString &topic : contents->topics) {
        const Result<QByteArray> data = archive.value()->read(topic, 1 << 20, {});
        if (!data)
            QCOMPARE(statusName(data.status().code()), statusName(StatusCode::Corrupt));
    }
}

void TestChmBackend::hugeHeaderFields_data()
{
    // ITSF header: the header section table (offsets and lengths, 64-bit) and the content offset.
    QTest::addColumn<int>("offset");
    QTest::addRow("section 0 offset") << 0x38;
    QTest::addRow("section 0 length") << 0x40;
    QTest::addRow("directory offset") << 0x48;
    QTest::addRow("directory length") << 0x50;
    QTest::addRow("content offset") << 0x58;
}

void TestChmBackend::hugeHeaderFields()
{
    QFETCH(int, offset);
    for (quint64 value : {Q_UINT64_C(0x7fffffffffffffff), Q_UINT64_C(0xffffffffffffffff), Q_UINT64_C(0x10000000)}) {
        QByteArray data = m_original;
        qToLittleEndian(value, data.data() + offset);
        const QString path = write(QStringLiteral("huge-%1.chm").arg(offset), data);
        auto archive = openChm(path);
        if (!archive) {
            QCOMPARE(statusName(archive.status().code()), statusName(StatusCode::Corrupt));
            continue;
        }
        const Result<chm::Contents> contents = archive.value()->contents({});
        if (contents) {
            for (const QString &topic : contents->topics)
                (void)archive.value()->read(topic, 1 << 20, {});
        }
    }
}

void TestChmBackend::tooManyFiles()
{
    Limits limits;
    limits.maxEntries = 2;
    auto archive = openChm(test::dataFile(QStringLiteral("example-hhw.chm")), limits);
    QVERIFY(!archive);
    QCOMPARE(statusName(archive.status().code()), statusName(StatusCode::LimitExceeded));
}

void TestChmBackend::cancelled()
{
    CancellationSource source;
    source.cancel(CancelReason::User);
    auto archive = openChm(test::dataFile(QStringLiteral("example-hhw.chm")), {}, source.token());
    QVERIFY(!archive);
    QCOMPARE(statusName(archive.status().code()), statusName(StatusCode::Canceled));

    auto open = openChm(test::dataFile(QStringLiteral("example-hhw.chm")));
    QVERIFY(open);
    const Result<QByteArray> read = open.value()->read(QStringLiteral("page 1.html"), 1 << 20, source.token());
    QVERIFY(!read);
    QCOMPARE(statusName(read.status().code()), statusName(StatusCode::Canceled));
    const Result<chm::Contents> contents = open.value()->contents(source.token());
    QVERIFY(!contents);
    QCOMPARE(statusName(contents.status().code()), statusName(StatusCode::Canceled));
}

void TestChmBackend::document()
{
    Viewer viewer;
    const Status opened = viewer.open(test::dataFile(QStringLiteral("example-hhw.chm")), OpenOptions {}, {});
    QVERIFY2(opened, qPrintable(opened.message()));
    Document &document = *viewer.document();
    QCOMPARE(document.formatId(), QStringLiteral("chm"));
    QCOMPARE(document.mimeType(), QStringLiteral("application/vnd.ms-htmlhelp"));
    QVERIFY(document.ensurePages(-1, {}));
    // A topic starts a page.
    QCOMPARE(document.pageCount(), 2);
    QCOMPARE(document.text(0, {})->trimmed(), QStringLiteral("Page 1"));
    QCOMPARE(document.text(1, {})->trimmed(), QStringLiteral("Page 2"));
    const Result<QList<OutlineItem>> outline = document.outline({});
    QVERIFY(outline);
    QCOMPARE(outline->size(), 2);
    QCOMPARE(outline->at(0).title, QStringLiteral("page 1"));
    QCOMPARE(outline->at(0).page, 0);
    QCOMPARE(outline->at(1).title, QStringLiteral("page 2"));
    QCOMPARE(outline->at(1).page, 1);
    QCOMPARE(document.metadata().value(0), (QPair<QString, QString>(QStringLiteral("Title"), QStringLiteral("test1"))));
}

// From memory under a name that says nothing (an archive's entry): recognised by ITSF, copied to
// a temporary file for CHMlib.
void TestChmBackend::opensByContentFromMemory()
{
    auto device = std::make_unique<QBuffer>();
    device->setData(m_original);
    QVERIFY(device->open(QIODevice::ReadOnly));
    Result<std::unique_ptr<Document>> document
        = Viewer::load(std::move(device), QStringLiteral("download.bin"), OpenOptions {}, {});
    QVERIFY2(document, qPrintable(document.status().message()));
    QCOMPARE(document.value()->formatId(), QStringLiteral("chm"));
    QVERIFY(document.value()->ensurePages(-1, {}));
    QCOMPARE(document.value()->pageCount(), 2);
}

void TestChmBackend::cancelledOpen()
{
    CancellationSource source;
    auto device = std::make_unique<CancellingBuffer>(source);
    device->setData(m_original);
    QVERIFY(device->open(QIODevice::ReadOnly));
    Result<std::unique_ptr<Document>> document
        = Viewer::load(std::move(device), QStringLiteral("help.chm"), OpenOptions {}, source.token());
    QVERIFY(source.token().isCancelled());
    QVERIFY(!document);
    QCOMPARE(statusName(document.status().code()), statusName(StatusCode::Canceled));
}

QTEST_MAIN(TestChmBackend)
#include "tst_chmbackend.moc"
