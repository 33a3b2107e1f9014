// SPDX-License-Identifier: GPL-3.0-or-later
// The Mobipocket reader on books calibre's ebook-convert wrote (tests/data/README.md says how):
// a KF8 book (AZW3), an old Mobipocket book and a PalmDoc. Hostile copies (truncated, a record
// table claiming more records than the file holds, the DRM flag set) are made from them here.
#include "../common/testpaths.h"
#include "backends/mobi/mobireader.h"
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
    void hugeTextLength();
    void cancelled();
    // Through the registry and the book engine.
    void opensByContent_data();
    void opensByContent();
    void document_data();
    void document();
    void drmThroughTheViewer();
    void cancelledOpen();
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

// Record 0 claiming 4 GiB of text: refused (libmobi finds the sizes inconsistent, or the entry
// limit stops it), never allocated.
void TestMobiBackend::hugeTextLength()
{
    for (const char *name : {"book-calibre.azw3", "book-calibre.mobi"}) {
        QByteArray data = readData(name);
        const quint32 record0 = qFromBigEndian<quint32>(data.constData() + 78);
        qToBigEndian(quint32(0xffffffff), data.data() + record0 + 4);
        const Result<mobi::Book> book = mobi::Reader::read(data, Limits {}, {});
        QVERIFY(!book);
        QVERIFY2(book.status().code() == StatusCode::LimitExceeded || book.status().code() == StatusCode::Corrupt,
            qPrintable(book.status().message()));
    }
}

void TestMobiBackend::cancelled()
{
    CancellationSource source;
    source.cancel(CancelReason::User);
    const Result<mobi::Book> book = mobi::Reader::read(readData("book-calibre.azw3"), Limits {}, source.token());
    QVERIFY(!book);
    QCOMPARE(statusName(book.status().code()), statusName(StatusCode::Canceled));
}

void TestMobiBackend::opensByContent_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("mimeType");
    QTest::addRow("azw3") << QByteArray("book-calibre.azw3") << QStringLiteral("application/vnd.amazon.mobi8-ebook");
    QTest::addRow("mobi") << QByteArray("book-calibre.mobi") << QStringLiteral("application/x-mobipocket-ebook");
    QTest::addRow("palmdoc") << QByteArray("palmdoc-calibre.pdb") << QStringLiteral("application/x-mobipocket-ebook");
}

// Named download.bin (no extension says what it is), each is found by its Palm database header.
void TestMobiBackend::opensByContent()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, mimeType);
    auto device = std::make_unique<QBuffer>();
    device->setData(readData(name.constData()));
    QVERIFY(device->open(QIODevice::ReadOnly));
    Result<std::unique_ptr<Document>> document
        = Viewer::load(std::move(device), QStringLiteral("download.bin"), OpenOptions {}, {});
    QVERIFY2(document, qPrintable(document.status().message()));
    QCOMPARE(document.value()->formatId(), QStringLiteral("mobi"));
    QCOMPARE(document.value()->mimeType(), mimeType);
}

void TestMobiBackend::document_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addRow("azw3") << QByteArray("book-calibre.azw3");
    QTest::addRow("mobi") << QByteArray("book-calibre.mobi");
}

void TestMobiBackend::document()
{
    QFETCH(QByteArray, name);
    Viewer viewer;
    const Status opened = viewer.open(test::dataFile(QString::fromLatin1(name)), OpenOptions {}, {});
    QVERIFY2(opened, qPrintable(opened.message()));
    Document &document = *viewer.document();
    QVERIFY(document.ensurePages(-1, {}));
    // A chapter starts a page: chapter one, the section, two, three, calibre's TOC.
    QCOMPARE(document.pageCount(), 5);
    QCOMPARE(document.pageSize(0), QSizeF(420, 595));
    const Result<QString> first = document.text(0, {});
    QVERIFY(first);
    QVERIFY2(first->contains(QLatin1String("lighthouse")), qPrintable(first.value()));
    QVERIFY(!first->contains(QLatin1String("harbour")));
    QVERIFY(document.text(2, {})->contains(QLatin1String("harbour")));

    const Result<QList<OutlineItem>> outline = document.outline({});
    QVERIFY(outline);
    QStringList outlineTitles;
    QList<int> pages;
    const std::function<void(const QList<OutlineItem> &)> walk = [&](const QList<OutlineItem> &items) {
        for (const OutlineItem &item : items) {
            outlineTitles.append(item.title);
            pages.append(item.page);
            walk(item.children);
        }
    };
    walk(outline.value());
    QCOMPARE(outlineTitles, strings({"Chapter One", "A section", "Chapter Two", "Chapter Three"}));
    QCOMPARE(pages, (QList<int> {0, 1, 2, 3}));

    QCOMPARE(metadataValue(document.metadata(), QStringLiteral("Title")), QStringLiteral("Folio Test Book"));

    // The red square of chapter one is drawn from the book's own resource.
    RenderRequest request;
    request.dpi = 72;
    const Result<QImage> page = viewer.render(0, request, {});
    QVERIFY(page);
    bool red = false;
    for (int y = 0; y < page->height() && !red; ++y) {
        for (int x = 0; x < page->width() && !red; ++x) {
            const QColor pixel = page->pixelColor(x, y);
            red = pixel.red() > 200 && pixel.green() < 60 && pixel.blue() < 60;
        }
    }
    QVERIFY(red);
}

void TestMobiBackend::drmThroughTheViewer()
{
    QByteArray data = readData("book-calibre.azw3");
    const quint32 record0 = qFromBigEndian<quint32>(data.constData() + 78);
    qToBigEndian(quint16(2), data.data() + record0 + 12);
    auto device = std::make_unique<QBuffer>();
    device->setData(data);
    QVERIFY(device->open(QIODevice::ReadOnly));
    Result<std::unique_ptr<Document>> document
        = Viewer::load(std::move(device), QStringLiteral("protected.azw3"), OpenOptions {}, {});
    QVERIFY(!document);
    QCOMPARE(statusName(document.status().code()), statusName(StatusCode::Unsupported));
    QVERIFY(document.status().message().contains(QLatin1String("protected.azw3")));
    QVERIFY(document.status().message().contains(QLatin1String("DRM")));
}

// Cancelled as the last bytes of the book are read, before libmobi has parsed it: the open
// returns Canceled, whichever step notices first.
void TestMobiBackend::cancelledOpen()
{
    CancellationSource source;
    auto device = std::make_unique<CancellingBuffer>(source);
    device->setData(readData("book-calibre.azw3"));
    QVERIFY(device->open(QIODevice::ReadOnly));
    Result<std::unique_ptr<Document>> document
        = Viewer::load(std::move(device), QStringLiteral("book.azw3"), OpenOptions {}, source.token());
    QVERIFY(source.token().isCancelled());
    QVERIFY(!document);
    QCOMPARE(statusName(document.status().code()), statusName(StatusCode::Canceled));
}

QTEST_MAIN(TestMobiBackend)
#include "tst_mobibackend.moc"
