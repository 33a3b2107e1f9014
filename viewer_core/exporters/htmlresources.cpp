// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlresources.h"

#include "stagedoutput.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImageWriter>

namespace folio {

namespace {

// Below this a PNG is small enough whatever it shows: no JPEG attempt.
constexpr qsizetype JpegThreshold = 256 * 1024;

struct Encoded
{
    QByteArray bytes;
    QLatin1String mimeType;
    QLatin1String extension;
};

bool isOpaque(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return true;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) != 255)
                return false;
        }
    }
    return true;
}

QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return bytes;
}

// PNG keeps text and drawings sharp; a photograph (a picture whose PNG is big and at least twice
// the size of a good JPEG) is better off as JPEG.
Encoded encodePicture(const QImage &picture)
{
    const bool opaque = isOpaque(picture);
    const QImage image = opaque ? picture.convertToFormat(QImage::Format_RGB888) : picture;
    // For PNG, Qt's "quality" picks the zlib level: 80 is much faster than the default for about
    // the same size (see RasterExporter).
    Encoded png {encode(image, "png", 80), QLatin1String("image/png"), QLatin1String("png")};
    if (!opaque || png.bytes.size() < JpegThreshold)
        return png;
    Encoded jpeg {encode(image, "jpeg", 85), QLatin1String("image/jpeg"), QLatin1String("jpg")};
    if (!jpeg.bytes.isEmpty() && jpeg.bytes.size() * 2 < png.bytes.size())
        return jpeg;
    return png;
}

} // namespace

HtmlResources::HtmlResources(ExportOptions::Resources mode, StagedOutput &output)
    : m_mode(mode)
    , m_output(output)
{ }

Result<QString> HtmlResources::add(const QImage &picture)
{
    const Encoded encoded = encodePicture(picture);
    if (encoded.bytes.isEmpty())
        return Status(
            StatusCode::IoError, tr("Cannot encode a %1×%2 picture").arg(picture.width()).arg(picture.height()));
    if (m_mode == ExportOptions::Resources::Embedded)
        return QStringLiteral("data:") + encoded.mimeType + QLatin1String(";base64,")
            + QString::fromLatin1(encoded.bytes.toBase64());
    // Named by content: the same picture on several pages is one file, written once.
    const QByteArray hash = QCryptographicHash::hash(encoded.bytes, QCryptographicHash::Sha256).toHex().left(24);
    const QString path = QStringLiteral("resources/") + QString::fromLatin1(hash) + u'.' + encoded.extension;
    if (m_written.contains(path))
        return path;
    auto file = m_output.stage(path);
    if (!file)
        return file.status();
    if (file.value()->write(encoded.bytes) != encoded.bytes.size())
        return Status(StatusCode::IoError, tr("Cannot write %1: %2").arg(path, file.value()->errorString()));
    file.value()->close();
    m_written.insert(path);
    return path;
}

} // namespace folio
