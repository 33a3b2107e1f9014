// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatregistry.h"
#include "viewer.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace folio;

namespace {

// A 1×1 GIF89a with two frames: red, then blue (global palette: 0 = red, 1 = blue).
QByteArray twoFrameGif()
{
    QByteArray gif("GIF89a");
    gif += QByteArray::fromHex("0100"
                               "0100"
                               "80"
                               "00"
                               "00"
                               "ff0000"
                               "0000ff");
    for (const char *lzw : {"4401", "4c01"}) { // LZW, code size 2: clear, pixel index, end
        gif += QByteArray::fromHex("21f904"
                                   "00"
                                   "0a00"
                                   "00"
                                   "00"); // graphic control: 0.1 s
        gif += QByteArray::fromHex("2c"
                                   "0000"
                                   "0000"
                                   "0100"
                                   "0100"
                                   "00");
        gif += QByteArray::fromHex("02"
                                   "02")
            + QByteArray::fromHex(lzw) + QByteArray::fromHex("00");
    }
    return gif + ';';
}

// A little-endian TIFF with one uncompressed 8-bit grey page per size (Qt writes single pages only).
QByteArray multiPageTiff(const QList<QSize> &sizes, const QList<int> &greys)
{
    QByteArray out("II*\0\0\0\0\0", 8);
    const auto put16 = [&out](quint16 v) { out.append(reinterpret_cast<const char *>(&(v = qToLittleEndian(v))), 2); };
    const auto put32 = [&out](quint32 v) { out.append(reinterpret_cast<const char *>(&(v = qToLittleEndian(v))), 4); };
    qsizetype nextOffsetAt = 4;
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const quint32 width = sizes[i].width();
        const quint32 height = sizes[i].height();
        const quint32 dataOffset = quint32(out.size());
        out.append(QByteArray(width * height, char(greys[i])));
        if (out.size() % 2)
            out.append('\0');
        qToLittleEndian(quint32(out.size()), out.data() + nextOffsetAt);
        struct Entry
        {
            quint16 tag, type;
            quint32 value;
        };
        const Entry entries[] = {{256, 4, width}, {257, 4, height}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
            {273, 4, dataOffset}, {277, 3, 1}, {278, 4, height}, {279, 4, width * height}};
        put16(quint16(std::size(entries)));
        for (const Entry &entry : entries) {
            put16(entry.tag);
            put16(entry.type);
            put32(1);
            if (entry.type == 3) {
                put16(quint16(entry.value));
                put16(0);
            } else {
                put32(entry.value);
            }
        }
        nextOffsetAt = out.size();
        put32(0);
    }
    return out;
}

QImage filled(QSize size, const QColor &colour, QImage::Format format = QImage::Format_RGB32)
{
    QImage image(size, format);
    image.fill(colour);
    return image;
}

// Pseudo-random pixels: compress badly, so a truncated file ends inside the image data.
QImage noise(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    quint32 state = 12345;
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            line[x] = 0xff000000u | (state >> 8);
        }
    }
    return image;
}

bool isNear(QRgb actual, const QColor &expected, int tolerance)
{
    return qAbs(qRed(actual) - expected.red()) <= tolerance && qAbs(qGreen(actual) - expected.green()) <= tolerance
        && qAbs(qBlue(actual) - expected.blue()) <= tolerance && qAbs(qAlpha(actual) - expected.alpha()) <= tolerance;
}

QString describe(QRgb pixel)
{
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(qRed(pixel))
        .arg(qGreen(pixel))
        .arg(qBlue(pixel))
        .arg(qAlpha(pixel));
}

QString value(const Metadata &metadata, const QString &key)
{
    for (const auto &[name, text] : metadata) {
        if (name == key)
            return text;
    }
    return {};
}

// What a WatchedBuffer saw; owned by the test, since a failed open destroys the device.
struct ReadWatch
{
    qint64 bytesRead = 0;
    CancellationSource *source = nullptr; // cancelled once cancelAfter bytes have been read
    qint64 cancelAfter = -1;
};

class WatchedBuffer : public QBuffer
{
public:
    WatchedBuffer(const QByteArray &data, ReadWatch *watch)
        : m_watch(watch)
    {
        setData(data);
        open(QIODevice::ReadOnly);
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = QBuffer::readData(data, maxSize);
        m_watch->bytesRead += std::max<qint64>(n, 0);
        if (m_watch->source && m_watch->cancelAfter >= 0 && m_watch->bytesRead >= m_watch->cancelAfter)
            m_watch->source->cancel();
        return n;
    }

private:
    ReadWatch *m_watch;
};

// A pipe-like device: no seeking, no size.
class SequentialDevice : public QIODevice
{
public:
    explicit SequentialDevice(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, qint64(m_data.size()) - m_offset);
        memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

// Status codes compared by name, so a failure prints "corrupt" rather than a number.
QString statusName(StatusCode code)
{
    return QString::fromLatin1(folio::codeName(code));
}

} // namespace

class TestImageBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void mimeTypes();
    void opensWrittenFormats_data();
    void opensWrittenFormats();
    void contentWinsOverExtension();
    void opensFromSequentialDevice();
    void metadata();
    void hasNoText();

    void multipleFrames_data();
    void multipleFrames();
    void resolution_data();
    void resolution();
    void exifOrientation();

    void renderDpi_data();
    void renderDpi();
    void renderRotation_data();
    void renderRotation();
    void alphaOnBackground_data();
    void alphaOnBackground();
    void decodedFrameIsReused();

    void overPixelLimit_data();
    void overPixelLimit();
    void truncated_data();
    void truncated();
    void cancelled_data();
    void cancelled();
    void cancelledWhileDecoding();
    void usableAfterCancelledRender();

    void svgRenders();
    void svgPageSize_data();
    void svgPageSize();
    void svgInvalid_data();
    void svgInvalid();
    void svgExternalReferencesIgnored_data();
    void svgExternalReferencesIgnored();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QString writeImage(const QString &name, const QImage &image, const QByteArray &format = "png");
    QString writeSvg(const QString &name, const QString &body, const QString &rootAttributes);

    QTemporaryDir m_dir;
    QString m_bigPng; // 2000×1000 noise
};

void TestImageBackend::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_bigPng = writeImage(QStringLiteral("big.png"), noise(QSize(2000, 1000)));
    qInfo() << "Qt reads" << QImageReader::supportedImageFormats();
    qInfo() << "Qt writes" << QImageWriter::supportedImageFormats();
}

QString TestImageBackend::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString TestImageBackend::writeImage(const QString &name, const QImage &image, const QByteArray &format)
{
    const QString path = m_dir.filePath(name);
    QImageWriter writer(path, format);
    if (!writer.write(image))
        qFatal("cannot write %s: %s", qPrintable(path), qPrintable(writer.errorString()));
    return path;
}

QString TestImageBackend::writeSvg(const QString &name, const QString &body, const QString &rootAttributes)
{
    const QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                       "xmlns:xlink=\"http://www.w3.org/1999/xlink\" %1>%2</svg>")
                            .arg(rootAttributes, body);
    return write(name, svg.toUtf8());
}

void TestImageBackend::mimeTypes()
{
    const Backend *backend = FormatRegistry::instance().backendById(QStringLiteral("image"));
    QVERIFY(backend);
    const QStringList types = backend->mimeTypes();
    for (const char *type : {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/svg+xml"})
        QVERIFY2(types.contains(QLatin1String(type)), type);
    QVERIFY(!types.contains(QLatin1String("image/svg+xml-compressed")));
}

void TestImageBackend::opensWrittenFormats_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<int>("tolerance"); // lossy formats shift colours a little

    QTest::newRow("png") << QByteArray("png") << QStringLiteral("image/png") << 0;
    QTest::newRow("jpeg") << QByteArray("jpeg") << QStringLiteral("image/jpeg") << 8;
    QTest::newRow("bmp") << QByteArray("bmp") << QStringLiteral("image/bmp") << 0;
    QTest::newRow("webp") << QByteArray("webp") << QStringLiteral("image/webp") << 8;
    QTest::newRow("tiff") << QByteArray("tiff") << QStringLiteral("image/tiff") << 0;
    QTest::newRow("ppm") << QByteArray("ppm") << QStringLiteral("image/x-portable-pixmap") << 0;
    QTest::newRow("ico") << QByteArray("ico") << QStringLiteral("image/vnd.microsoft.icon") << 0;
}

void TestImageBackend::opensWrittenFormats()
{
    QFETCH(QByteArray, format);
    QFETCH(QString, mimeType);
    QFETCH(int, tolerance);
    if (!QImageWriter::supportedImageFormats().contains(format))
        QSKIP("Qt cannot write this format here");

    const QColor colour(40, 120, 200);
    const QString path
        = writeImage(QStringLiteral("written.") + QString::fromLatin1(format), filled(QSize(64, 32), colour), format);
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    Document *document = viewer.document();
    QCOMPARE(document->formatId(), QStringLiteral("image"));
    QCOMPARE(document->mimeType(), mimeType);
    QCOMPARE(document->pageCount(), 1);
    QCOMPARE(document->pageSize(0), QSizeF(48, 24)); // 96 dpi: 0.75 pt per pixel

    const Result<QImage> image = viewer.render(0, RenderRequest {}, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    QCOMPARE(image->size(), QSize(64, 32));
    const QRgb centre = image->pixel(32, 16);
    QVERIFY2(isNear(centre, colour, tolerance), qPrintable(describe(centre)));
}

void TestImageBackend::contentWinsOverExtension()
{
    QFile::copy(m_bigPng, m_dir.filePath(QStringLiteral("not-really.txt")));
    Viewer viewer;
    const Status status = viewer.open(m_dir.filePath(QStringLiteral("not-really.txt")), OpenOptions {}, {});
    QVERIFY2(status, qPrintable(status.message()));
    QCOMPARE(viewer.document()->formatId(), QStringLiteral("image"));
    QCOMPARE(viewer.document()->mimeType(), QStringLiteral("image/png"));
    QCOMPARE(viewer.document()->pageSize(0), QSizeF(1500, 750));
}

void TestImageBackend::opensFromSequentialDevice()
{
    QFile file(m_bigPng);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Viewer viewer;
    const Status status = viewer.open(std::make_unique<SequentialDevice>(file.readAll()), QStringLiteral("pipe"),
        OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    const Result<QImage> image = viewer.render(0, RenderRequest {}, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    QCOMPARE(image->size(), QSize(2000, 1000));
}

void TestImageBackend::metadata()
{
    QImage image = filled(QSize(30, 20), Qt::gray);
    image.setText(QStringLiteral("Title"), QStringLiteral("A grey square"));
    image.setText(QStringLiteral("Author"), QStringLiteral("Folio"));
    Viewer viewer;
    QVERIFY(viewer.open(writeImage(QStringLiteral("text.png"), image), OpenOptions {}, {}));
    const Metadata metadata = viewer.document()->metadata();
    QCOMPARE(value(metadata, QStringLiteral("Width")), QStringLiteral("30"));
    QCOMPARE(value(metadata, QStringLiteral("Height")), QStringLiteral("20"));
    QCOMPARE(value(metadata, QStringLiteral("Frames")), QStringLiteral("1"));
    QCOMPARE(value(metadata, QStringLiteral("Format")), QStringLiteral("PNG"));
    QCOMPARE(value(metadata, QStringLiteral("Title")), QStringLiteral("A grey square"));
    QCOMPARE(value(metadata, QStringLiteral("Author")), QStringLiteral("Folio"));
}

void TestImageBackend::hasNoText()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_bigPng, OpenOptions {}, {}));
    QVERIFY(!viewer.document()->capabilities().testFlag(Capability::Text));
    const Result<QString> text = viewer.text(0, CancellationToken {});
    QVERIFY(text);
    QVERIFY(text->isEmpty());
}

void TestImageBackend::multipleFrames_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<QSize>>("pixels");
    QTest::addColumn<QList<QColor>>("colours");

    // Qt writes neither GIF nor multi-page TIFF: both are built by hand.
    QTest::newRow("gif") << twoFrameGif() << QStringLiteral("two.gif") << QList<QSize> {{1, 1}, {1, 1}}
                         << QList<QColor> {Qt::red, Qt::blue};
    QTest::newRow("tiff") << multiPageTiff({{4, 2}, {3, 5}, {2, 2}}, {0x20, 0x80, 0xf0}) << QStringLiteral("three.tif")
                          << QList<QSize> {{4, 2}, {3, 5}, {2, 2}}
                          << QList<QColor> {
                                 QColor(0x20, 0x20, 0x20), QColor(0x80, 0x80, 0x80), QColor(0xf0, 0xf0, 0xf0)};
}

void TestImageBackend::multipleFrames()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, name);
    QFETCH(QList<QSize>, pixels);
    QFETCH(QList<QColor>, colours);

    Viewer viewer;
    const Status status = viewer.open(write(name, data), OpenOptions {}, {});
    QVERIFY2(status, qPrintable(status.message()));
    Document *document = viewer.document();
    QCOMPARE(document->pageCount(), int(pixels.size()));
    QCOMPARE(value(document->metadata(), QStringLiteral("Frames")), QString::number(pixels.size()));
    // Backwards too: animations are decoded in order, so going back restarts the decoder.
    QList<int> order;
    for (int i = 0; i < pixels.size(); ++i)
        order << i;
    for (int i = int(pixels.size()) - 1; i >= 0; --i)
        order << i;
    for (int page : order) {
        QCOMPARE(document->pageSize(page), QSizeF(pixels[page]) * 0.75);
        const Result<QImage> image = viewer.render(page, RenderRequest {}, CancellationToken {});
        QVERIFY2(image, qPrintable(image.status().message()));
        QCOMPARE(image->size(), pixels[page]);
        QVERIFY2(isNear(image->pixel(0, 0), colours[page], 0),
            qPrintable(QStringLiteral("page %1: %2").arg(page).arg(describe(image->pixel(0, 0)))));
    }
}

void TestImageBackend::resolution_data()
{
    QTest::addColumn<int>("dotsPerMeterX");
    QTest::addColumn<int>("dotsPerMeterY");
    QTest::addColumn<QSizeF>("points"); // of a 300×150 pixel image

    QTest::newRow("300 dpi") << 11811 << 11811 << QSizeF(72, 36);
    QTest::newRow("72 dpi") << 2835 << 2835 << QSizeF(300, 150);
    QTest::newRow("96 dpi") << 3780 << 3780 << QSizeF(225, 112.5);
    QTest::newRow("fax 204×98 dpi") << 8031 << 3858 << QSizeF(300 * 72 / 204.0, 150 * 72 / 98.0);
    QTest::newRow("1 dpi: implausible, 96") << 39 << 39 << QSizeF(225, 112.5);
    QTest::newRow("10:1 aspect: implausible, 96") << 11811 << 1181 << QSizeF(225, 112.5);
}

void TestImageBackend::resolution()
{
    QFETCH(int, dotsPerMeterX);
    QFETCH(int, dotsPerMeterY);
    QFETCH(QSizeF, points);

    QImage image = filled(QSize(300, 150), Qt::darkGreen);
    image.setDotsPerMeterX(dotsPerMeterX);
    image.setDotsPerMeterY(dotsPerMeterY);
    Viewer viewer;
    QVERIFY(viewer.open(writeImage(QStringLiteral("dpi.png"), image), OpenOptions {}, {}));
    const QSizeF size = viewer.document()->pageSize(0);
    QVERIFY2(qAbs(size.width() - points.width()) < 1e-9 && qAbs(size.height() - points.height()) < 1e-9,
        qPrintable(QStringLiteral("%1×%2").arg(size.width()).arg(size.height())));
}

void TestImageBackend::exifOrientation()
{
    // TIFF carries an orientation tag that Qt writes; its JPEG writer rotates the pixels instead.
    QImage image = filled(QSize(40, 20), Qt::white);
    QPainter(&image).fillRect(0, 0, 10, 10, Qt::red); // top left as stored
    QImageWriter writer(m_dir.filePath(QStringLiteral("rotated.tif")), "tiff");
    if (!writer.supportsOption(QImageIOHandler::ImageTransformation))
        QSKIP("Qt's TIFF writer cannot store an orientation here");
    writer.setTransformation(QImageIOHandler::TransformationRotate90);
    QVERIFY(writer.write(image));

    Viewer viewer;
    QVERIFY(viewer.open(writer.fileName(), OpenOptions {}, {}));
    QCOMPARE(viewer.document()->pageSize(0), QSizeF(15, 30));
    const Result<QImage> page = viewer.render(0, RenderRequest {}, CancellationToken {});
    QVERIFY(page);
    QCOMPARE(page->size(), QSize(20, 40));
    // Turned a quarter clockwise, the stored top-left corner is the top-right one.
    QCOMPARE(page->pixel(17, 2), qRgb(255, 0, 0));
    QCOMPARE(page->pixel(2, 2), qRgb(255, 255, 255));
}

void TestImageBackend::renderDpi_data()
{
    QTest::addColumn<double>("dpi");
    QTest::addColumn<QSize>("size"); // of a 64×32 pixel image

    QTest::newRow("96") << 96.0 << QSize(64, 32);
    QTest::newRow("192") << 192.0 << QSize(128, 64);
    QTest::newRow("48") << 48.0 << QSize(32, 16);
    QTest::newRow("72") << 72.0 << QSize(48, 24);
}

void TestImageBackend::renderDpi()
{
    QFETCH(double, dpi);
    QFETCH(QSize, size);

    Viewer viewer;
    QVERIFY(viewer.open(writeImage(QStringLiteral("dpi.png"), filled(QSize(64, 32), Qt::blue)), OpenOptions {}, {}));
    RenderRequest request;
    request.dpi = dpi;
    const Result<QImage> image = viewer.render(0, request, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    QCOMPARE(image->size(), size);
    QCOMPARE(image->pixel(size.width() / 2, size.height() / 2), qRgb(0, 0, 255));
}

void TestImageBackend::renderRotation_data()
{
    QTest::addColumn<int>("rotation");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QPoint>("red"); // where the image's top-left corner lands

    QTest::newRow("0") << 0 << QSize(40, 20) << QPoint(2, 2);
    QTest::newRow("90") << 90 << QSize(20, 40) << QPoint(17, 2);
    QTest::newRow("180") << 180 << QSize(40, 20) << QPoint(37, 17);
    QTest::newRow("270") << 270 << QSize(20, 40) << QPoint(2, 37);
}

void TestImageBackend::renderRotation()
{
    QFETCH(int, rotation);
    QFETCH(QSize, size);
    QFETCH(QPoint, red);

    QImage image = filled(QSize(40, 20), Qt::white);
    QPainter(&image).fillRect(0, 0, 10, 10, Qt::red);
    Viewer viewer;
    QVERIFY(viewer.open(writeImage(QStringLiteral("corner.png"), image), OpenOptions {}, {}));
    RenderRequest request;
    request.rotation = rotation;
    const Result<QImage> page = viewer.render(0, request, CancellationToken {});
    QVERIFY(page);
    QCOMPARE(page->size(), size);
    QCOMPARE(page->pixel(red), qRgb(255, 0, 0));
    QCOMPARE(page->pixel(size.width() / 2, size.height() / 2), qRgb(255, 255, 255));
}

void TestImageBackend::alphaOnBackground_data()
{
    QTest::addColumn<QColor>("background");
    QTest::addColumn<QColor>("transparent"); // what a fully transparent pixel becomes
    QTest::addColumn<QColor>("halfBlack"); // and a 50 % black one

    QTest::newRow("white") << QColor(Qt::white) << QColor(Qt::white) << QColor(127, 127, 127);
    QTest::newRow("red") << QColor(Qt::red) << QColor(Qt::red) << QColor(127, 0, 0);
    QTest::newRow("transparent") << QColor(Qt::transparent) << QColor(0, 0, 0, 0) << QColor(0, 0, 0, 128);
}

void TestImageBackend::alphaOnBackground()
{
    QFETCH(QColor, background);
    QFETCH(QColor, transparent);
    QFETCH(QColor, halfBlack);

    QImage image = filled(QSize(30, 10), Qt::transparent, QImage::Format_ARGB32);
    QPainter painter(&image);
    painter.fillRect(0, 0, 10, 10, Qt::blue);
    painter.fillRect(20, 0, 10, 10, QColor(0, 0, 0, 128));
    painter.end();
    Viewer viewer;
    QVERIFY(viewer.open(writeImage(QStringLiteral("alpha.png"), image), OpenOptions {}, {}));
    RenderRequest request;
    request.background = background;
    const Result<QImage> page = viewer.render(0, request, CancellationToken {});
    QVERIFY(page);
    const QImage argb = page->convertToFormat(QImage::Format_ARGB32);
    QVERIFY2(isNear(argb.pixel(5, 5), Qt::blue, 0), qPrintable(describe(argb.pixel(5, 5))));
    QVERIFY2(isNear(argb.pixel(15, 5), transparent, 0), qPrintable(describe(argb.pixel(15, 5))));
    QVERIFY2(isNear(argb.pixel(25, 5), halfBlack, 1), qPrintable(describe(argb.pixel(25, 5))));
}

void TestImageBackend::decodedFrameIsReused()
{
    QFile file(m_bigPng);
    QVERIFY(file.open(QIODevice::ReadOnly));
    ReadWatch watch;
    Viewer viewer;
    QVERIFY(viewer.open(
        std::make_unique<WatchedBuffer>(file.readAll(), &watch), QStringLiteral("big.png"), OpenOptions {}, {}));
    watch.bytesRead = 0;
    for (double dpi : {96.0, 192.0, 30.0}) {
        RenderRequest request;
        request.dpi = dpi;
        QVERIFY(viewer.render(0, request, CancellationToken {}));
    }
    QCOMPARE(watch.bytesRead, qint64(0)); // the frame decoded while opening served every render
}

void TestImageBackend::overPixelLimit_data()
{
    QTest::addColumn<int>("megapixels");
    QTest::addColumn<bool>("opens");

    QTest::newRow("1 MP") << 1 << false;
    QTest::newRow("2 MP: exactly") << 2 << true;
}

void TestImageBackend::overPixelLimit()
{
    QFETCH(int, megapixels);
    QFETCH(bool, opens);

    OpenOptions options;
    options.limits.maxImageMegapixels = megapixels;
    Viewer viewer;
    const Status status = viewer.open(m_bigPng, options, CancellationToken {});
    if (opens) {
        QVERIFY2(status, qPrintable(status.message()));
        return;
    }
    QCOMPARE(statusName(status.code()), statusName(StatusCode::LimitExceeded));
    QCOMPARE(
        status.message(), m_bigPng + QStringLiteral(": The image is 2000×1000 pixels, over the limit of 1 megapixels"));
}

void TestImageBackend::truncated_data()
{
    QTest::addColumn<int>("length");

    QTest::newRow("half") << -2;
    QTest::newRow("inside the first data chunk") << 100;
    QTest::newRow("inside the header chunk") << 20;
    QTest::newRow("after the header chunk") << 33;
}

void TestImageBackend::truncated()
{
    QFETCH(int, length);

    QFile file(m_bigPng);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray png = file.readAll();
    const QString path = write(QStringLiteral("truncated.png"), png.left(length < 0 ? png.size() / -length : length));
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QCOMPARE(statusName(status.code()), statusName(StatusCode::Corrupt));
    // Qt's own reason follows ours.
    QCOMPARE(status.message(), path + QStringLiteral(": The image is damaged or truncated: Unable to read image data"));
    QVERIFY(!viewer.isOpen());
}

void TestImageBackend::cancelled_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<CancelReason>("reason");
    QTest::addColumn<StatusCode>("code");

    QTest::newRow("png, user") << QStringLiteral("png") << CancelReason::User << StatusCode::Canceled;
    QTest::newRow("png, superseded") << QStringLiteral("png") << CancelReason::Superseded << StatusCode::Canceled;
    QTest::newRow("svg, user") << QStringLiteral("svg") << CancelReason::User << StatusCode::Canceled;
}

void TestImageBackend::cancelled()
{
    QFETCH(QString, file);
    QFETCH(CancelReason, reason);
    QFETCH(StatusCode, code);

    const QString path = file == QLatin1String("svg")
        ? writeSvg(QStringLiteral("cancel.svg"), QString(), QStringLiteral("width=\"10\" height=\"10\""))
        : m_bigPng;
    CancellationSource source;
    source.cancel(reason);
    Viewer viewer;
    QCOMPARE(statusName(viewer.open(path, OpenOptions {}, source.token()).code()), statusName(code));

    QVERIFY(viewer.open(path, OpenOptions {}, CancellationToken {}));
    QCOMPARE(statusName(viewer.render(0, RenderRequest {}, source.token()).status().code()), statusName(code));
}

void TestImageBackend::cancelledWhileDecoding()
{
    // The token is cancelled by the device itself halfway through the data, i.e. while the
    // decoder is running: the decode must stop there instead of reading on.
    QFile file(m_bigPng);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray png = file.readAll();
    CancellationSource source;
    ReadWatch watch {0, &source, png.size() / 2};
    Viewer viewer;
    const Status status = viewer.open(
        std::make_unique<WatchedBuffer>(png, &watch), QStringLiteral("big.png"), OpenOptions {}, source.token());
    QCOMPARE(statusName(status.code()), statusName(StatusCode::Canceled));
    QVERIFY(source.isCancelled());
    QVERIFY2(watch.bytesRead < png.size(), qPrintable(QString::number(watch.bytesRead)));
}

void TestImageBackend::usableAfterCancelledRender()
{
    Viewer viewer;
    QVERIFY(viewer.open(write(QStringLiteral("again.gif"), twoFrameGif()), OpenOptions {}, {}));
    CancellationSource source;
    source.cancel();
    QCOMPARE(statusName(viewer.render(1, RenderRequest {}, source.token()).status().code()),
        statusName(StatusCode::Canceled));
    const Result<QImage> image = viewer.render(1, RenderRequest {}, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    QCOMPARE(image->pixel(0, 0), qRgb(0, 0, 255));
}

void TestImageBackend::svgRenders()
{
    const QString path = writeSvg(QStringLiteral("drawing.svg"),
        QStringLiteral("<title> A  green\nbox </title>"
                       "<rect x=\"50\" y=\"25\" width=\"100\" height=\"50\" fill=\"#00ff00\"/>"),
        QStringLiteral("width=\"200\" height=\"100\""));
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    Document *document = viewer.document();
    QCOMPARE(document->formatId(), QStringLiteral("svg"));
    QCOMPARE(document->mimeType(), QStringLiteral("image/svg+xml"));
    QCOMPARE(document->pageSize(0), QSizeF(150, 75));
    QCOMPARE(value(document->metadata(), QStringLiteral("Title")), QStringLiteral("A green box"));

    for (double dpi : {96.0, 48.0, 300.0}) {
        RenderRequest request;
        request.dpi = dpi;
        const Result<QImage> image = viewer.render(0, request, CancellationToken {});
        QVERIFY2(image, qPrintable(image.status().message()));
        QCOMPARE(image->size(), document->renderSize(0, request));
        QCOMPARE(image->pixel(image->width() / 2, image->height() / 2), qRgb(0, 255, 0));
        QCOMPARE(image->pixel(1, 1), qRgb(255, 255, 255));
    }
    RenderRequest request;
    request.dpi = 192;
    QCOMPARE(viewer.render(0, request, CancellationToken {})->size(), QSize(400, 200));
}

void TestImageBackend::svgPageSize_data()
{
    QTest::addColumn<QString>("attributes");
    QTest::addColumn<QSizeF>("points");

    QTest::newRow("user units") << QStringLiteral("width=\"200\" height=\"100\"") << QSizeF(150, 75);
    QTest::newRow("px") << QStringLiteral("width=\"200px\" height=\"100px\"") << QSizeF(150, 75);
    QTest::newRow("pt") << QStringLiteral("width=\"72pt\" height=\"36pt\"") << QSizeF(72, 36);
    QTest::newRow("in") << QStringLiteral("width=\"2in\" height=\"1in\"") << QSizeF(144, 72);
    QTest::newRow("mm: A4") << QStringLiteral("width=\"210mm\" height=\"297mm\"")
                            << QSizeF(210 * 72 / 25.4, 297 * 72 / 25.4);
    QTest::newRow("cm, pc") << QStringLiteral("width=\"2.54cm\" height=\"3pc\"") << QSizeF(72, 36);
    QTest::newRow("viewBox only") << QStringLiteral("viewBox=\"0 0 400 200\"") << QSizeF(300, 150);
    QTest::newRow("percent: viewBox") << QStringLiteral("width=\"100%\" height=\"100%\" viewBox=\"0,0,40,20\"")
                                      << QSizeF(30, 15);
    QTest::newRow("width and viewBox aspect")
        << QStringLiteral("width=\"300\" viewBox=\"0 0 40 20\"") << QSizeF(225, 112.5);
    QTest::newRow("height and viewBox aspect")
        << QStringLiteral("height=\"1in\" viewBox=\"0 0 40 20\"") << QSizeF(144, 72);
}

void TestImageBackend::svgPageSize()
{
    QFETCH(QString, attributes);
    QFETCH(QSizeF, points);

    Viewer viewer;
    const Status status = viewer.open(
        writeSvg(QStringLiteral("size.svg"), QStringLiteral("<rect width=\"5\" height=\"5\"/>"), attributes),
        OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    const QSizeF size = viewer.document()->pageSize(0);
    QVERIFY2(qAbs(size.width() - points.width()) < 1e-9 && qAbs(size.height() - points.height()) < 1e-9,
        qPrintable(QStringLiteral("%1×%2").arg(size.width()).arg(size.height())));
}

void TestImageBackend::svgInvalid_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<StatusCode>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("not well-formed") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>")
                                     << StatusCode::Corrupt
                                     << QStringLiteral(
                                            "Invalid SVG at line 1, column 52: Opening and ending tag mismatch.");
    QTest::newRow("truncated") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><g>")
                               << StatusCode::Corrupt << QStringLiteral("Invalid SVG at line 1, ");
    QTest::newRow("other XML named .svg")
        << QByteArray("<?xml version=\"1.0\"?><note><to>x</to></note>") << StatusCode::Corrupt
        << QStringLiteral("Not an SVG document: the root element is <note>");
    QByteArray deep("<svg xmlns=\"http://www.w3.org/2000/svg\">");
    deep += QByteArray("<g>").repeated(300) + QByteArray("</g>").repeated(300) + "</svg>";
    QTest::newRow("nested too deep") << deep << StatusCode::LimitExceeded
                                     << QStringLiteral("The SVG nests elements deeper than the limit of 256 levels");
}

void TestImageBackend::svgInvalid()
{
    QFETCH(QByteArray, data);
    QFETCH(StatusCode, code);
    QFETCH(QString, message);

    const QString path = write(QStringLiteral("invalid.svg"), data);
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QCOMPARE(statusName(status.code()), statusName(code));
    QVERIFY2(status.message().startsWith(path + QStringLiteral(": ") + message), qPrintable(status.message()));
}

void TestImageBackend::svgExternalReferencesIgnored_data()
{
    QTest::addColumn<QString>("document"); // {png}, {css}: absolute paths of a red PNG and a red CSS
    QTest::addColumn<QColor>("centre"); // what shows without the referenced file

    const QString image = QStringLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" "
        "height=\"50\"><image xlink:href=\"%1\" width=\"100\" height=\"50\"/></svg>");
    QTest::newRow("image, absolute path") << image.arg(QStringLiteral("{png}")) << QColor(Qt::white);
    QTest::newRow("image, relative path") << image.arg(QStringLiteral("red.png")) << QColor(Qt::white);
    QTest::newRow("image, file URL") << image.arg(QStringLiteral("file://{png}")) << QColor(Qt::white);
    // The rectangle is black unless the red style sheet is applied.
    QTest::newRow("xml-stylesheet") << QStringLiteral(
        "<?xml version=\"1.0\"?><?xml-stylesheet type=\"text/css\" href=\"{css}\"?>"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">"
        "<rect width=\"100\" height=\"50\"/></svg>")
                                    << QColor(Qt::black);
    QTest::newRow("css @import") << QStringLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\"><style>@import url(\"{css}\");</style>"
        "<rect width=\"100\" height=\"50\"/></svg>")
                                 << QColor(Qt::black);
}

void TestImageBackend::svgExternalReferencesIgnored()
{
    QFETCH(QString, document);
    QFETCH(QColor, centre);

    const QString png = writeImage(QStringLiteral("red.png"), filled(QSize(4, 4), Qt::red));
    const QString css = write(QStringLiteral("red.css"), "rect { fill: red; }");
    // Next to a reference, a data: image that must still show: the cleaned document stays intact.
    QBuffer greenPng;
    greenPng.open(QIODevice::WriteOnly);
    filled(QSize(4, 4), Qt::green).save(&greenPng, "png");
    const QString inlineImage = QStringLiteral("<image x=\"0\" y=\"0\" width=\"10\" height=\"10\" "
                                               "xlink:href=\"data:image/png;base64,%1\"/>")
                                    .arg(QString::fromLatin1(greenPng.data().toBase64()));
    QString svg = document;
    svg.replace(QStringLiteral("{png}"), png).replace(QStringLiteral("{css}"), css);
    svg.replace(QStringLiteral("</svg>"), inlineImage + QStringLiteral("</svg>"));
    if (!svg.contains(QLatin1String("xmlns:xlink")))
        svg.replace(QStringLiteral("<svg "), QStringLiteral("<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" "));

    const QString previous = QDir::currentPath();
    QDir::setCurrent(m_dir.path()); // where QtSvg would look for relative names
    Viewer viewer;
    const Status status = viewer.open(write(QStringLiteral("external.svg"), svg.toUtf8()), OpenOptions {}, {});
    const Result<QImage> image
        = status ? viewer.render(0, RenderRequest {}, CancellationToken {}) : Result<QImage>(status);
    QDir::setCurrent(previous);
    QVERIFY2(image, qPrintable(image.status().message()));
    QCOMPARE(image->pixel(50, 25), centre.rgb());
    QCOMPARE(image->pixel(5, 5), qRgb(0, 255, 0));
}

QTEST_MAIN(TestImageBackend)
#include "tst_imagebackend.moc"
