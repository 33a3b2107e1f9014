// SPDX-License-Identifier: GPL-3.0-or-later
#include "rasterdocument.h"

#include "backends/common/cancellabledevice.h"
#include "detachedcall.h"
#include "logging.h"

#include <QImageReader>
#include <QMutex>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace folio::image {

namespace {

// QImageReader's allocation limit is process-wide in Qt 6 and read without a lock by decoders on
// other threads, so it is only ever raised: it follows the largest limit any document asked for.
// The limit of each document is enforced by RasterDocument::checkPixels() before every decode.
void raiseAllocationLimit(const Limits &limits)
{
    static QBasicMutex mutex;
    static int applied = 0;
    // QImageReader counts MiB of decoded data; frames are decoded to 32 bits per pixel.
    const qint64 mebibytes = (limits.maxImagePixels() * 4 + (1 << 20) - 1) >> 20;
    const int wanted = int(std::clamp<qint64>(mebibytes, 1, std::numeric_limits<int>::max()));
    const QMutexLocker lock(&mutex);
    if (wanted <= applied)
        return;
    QImageReader::setAllocationLimit(wanted);
    applied = wanted;
}

// The size of the reader's current frame once its EXIF orientation is applied.
QSize orientedSize(const QImageReader &reader)
{
    QSize size = reader.size();
    if (reader.autoTransform() && reader.transformation().testFlag(QImageIOHandler::TransformationRotate90))
        size.transpose();
    return size;
}

// The resolution the file states, or 96 dpi when it states none (Qt then reports 96 itself) or an
// implausible one (0, 1 dpi, a 100:1 aspect).
QSizeF resolutionOf(const QImage &image)
{
    const double x = std::round(image.dotsPerMeterX() * 0.0254);
    const double y = std::round(image.dotsPerMeterY() * 0.0254);
    const auto plausible = [](double dpi) { return dpi >= 24 && dpi <= 10000; };
    if (plausible(x) && plausible(y) && x / y <= 4 && y / x <= 4)
        return {x, y};
    return {96, 96};
}

// Scales the frame to the page's pixel size and flattens transparency onto the background.
QImage compose(const QImage &frame, QSize size, const QColor &background)
{
    QImage scaled = frame.size() == size ? frame : frame.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (!frame.hasAlphaChannel())
        return scaled.convertToFormat(QImage::Format_RGB32);
    QImage out(size, background.alpha() == 255 ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    if (out.isNull() || scaled.isNull())
        return {};
    out.fill(background);
    QPainter painter(&out);
    painter.drawImage(0, 0, scaled);
    return out;
}

} // namespace

RasterDocument::RasterDocument(std::unique_ptr<QIODevice> device, const Limits &limits)
    : Document(limits)
    , m_device(std::move(device))
{ }

RasterDocument::~RasterDocument()
{
    // The reader reads through m_input: destroy it first.
    m_reader.reset();
}

Result<std::unique_ptr<Document>> RasterDocument::open(std::unique_ptr<QIODevice> device, const QMimeType &mimeType,
    const Limits &limits, const CancellationToken &token, const ProgressCallback &progress)
{
    std::unique_ptr<RasterDocument> document(new RasterDocument(std::move(device), limits));
    if (Status status = document->load(mimeType, token, progress); !status)
        return status;
    return std::unique_ptr<Document>(std::move(document));
}

int RasterDocument::doPageCount() const
{
    return int(m_pixelSizes.size());
}

QSizeF RasterDocument::doPageSize(int index) const
{
    const QSize pixels = m_pixelSizes.at(index);
    return {pixels.width() * 72.0 / m_dpi.width(), pixels.height() * 72.0 / m_dpi.height()};
}

Status RasterDocument::load(const QMimeType &mimeType, const CancellationToken &token, const ProgressCallback &progress)
{
    raiseAllocationLimit(limits());
    if (Status status = detectFormat(mimeType, token); !status)
        return status;
    const QString formatName = QString::fromLatin1(m_format).toUpper();
    setFormat(QStringLiteral("image"), mimeType.isValid() ? mimeType.comment() : tr("%1 image").arg(formatName),
        mimeType.name());

    // Counting first: Qt 6.4's TIFF decoder counts directories from wherever the device stands,
    // which is only the start before anything else was read.
    const Result<int> count = countFrames(token);
    if (!count)
        return count.status();
    // Refuse an oversized first frame from its header, before anything is allocated for it.
    startReader(token);
    if (Status status = checkPixels(m_reader->size(), 0); !status)
        return status;
    if (Status status = scanFrameSizes(*count, token, progress); !status)
        return status;

    startReader(token);
    const Result<QImage> first = decodeFrame(0, token);
    if (!first)
        return first.status();
    m_dpi = resolutionOf(*first);
    for (QSize &size : m_pixelSizes) {
        if (!size.isValid())
            size = first->size(); // the format cannot tell a frame's size without decoding it
    }
    m_pixelSizes[0] = first->size();
    collectMetadata(*first);
    qCDebug(lcImage) << "opened" << m_format << "frames:" << *count << "size:" << first->size() << "dpi:" << m_dpi
                     << (m_randomAccess ? "random access" : "sequential");
    return {};
}

Status RasterDocument::detectFormat(const QMimeType &mimeType, const CancellationToken &token)
{
    // Content decides which decoder reads the file. The detected type only helps formats without
    // magic bytes (TGA), whose decoders do not recognise them from content alone.
    startReader(token);
    if (!m_reader->canRead()) {
        const QString error = m_reader->errorString();
        const QList<QByteArray> hints = QImageReader::imageFormatsForMimeType(mimeType.name().toLatin1());
        for (const QByteArray &hint : hints) {
            m_format = hint;
            startReader(token);
            if (m_reader->canRead())
                break;
        }
        if (token.isCancelled())
            return Status::fromToken(token);
        if (!m_reader->canRead())
            return {StatusCode::Corrupt, tr("The data is not an image Qt can read: %1").arg(error)};
    }
    m_format = m_reader->format();
    return {};
}

Result<int> RasterDocument::countFrames(const CancellationToken &token)
{
    int count = m_reader->imageCount();
    if (count <= 0 && m_reader->supportsAnimation()) {
        // Some animation decoders only learn their length by walking through the frames.
        count = 1;
        while (count <= limits().maxPageCount && m_reader->jumpToNextImage()) {
            if (token.isCancelled())
                return Status::fromToken(token);
            ++count;
        }
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    count = std::max(count, 1);
    if (count > limits().maxPageCount)
        return Status(StatusCode::LimitExceeded,
            tr("The image has more than %1 frames, the limit of pages per document").arg(limits().maxPageCount));
    return count;
}

Status RasterDocument::scanFrameSizes(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    startReader(token);
    m_reader->imageCount(); // before size(): see load()
    m_pixelSizes = QList<QSize>(count, orientedSize(*m_reader));
    // Decoders that can jump (TIFF) know each frame's size from its header; the others (GIF, WebP)
    // draw every frame on one canvas, whose size the first header gives.
    m_randomAccess = count > 1 && m_reader->jumpToImage(1);
    if (!m_randomAccess)
        return {};
    for (int i = 1; i < count; ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        if (i > 1 && !m_reader->jumpToImage(i))
            return readerError(i, token);
        m_pixelSizes[i] = orientedSize(*m_reader);
        if (progress)
            progress(i + 1, count);
    }
    return {};
}

void RasterDocument::collectMetadata(const QImage &first)
{
    m_metadata = {
        {QStringLiteral("Width"), QString::number(first.width())},
        {QStringLiteral("Height"), QString::number(first.height())},
        {QStringLiteral("Frames"), QString::number(m_pixelSizes.size())},
        {QStringLiteral("Format"), QString::fromLatin1(m_format).toUpper()},
    };
    // Text the file carries (PNG tEXt chunks, JPEG comments, TIFF tags, ...), after our own keys.
    const QStringList keys = first.textKeys();
    for (const QString &key : keys) {
        const bool taken = std::any_of(
            m_metadata.cbegin(), m_metadata.cend(), [&key](const auto &entry) { return entry.first == key; });
        if (!taken && !key.isEmpty())
            m_metadata.append({key, first.text(key)});
    }
}

void RasterDocument::startReader(const CancellationToken &token)
{
    m_reader.reset();
    m_input = std::make_unique<CancellableDevice>(m_device.get());
    m_input->setToken(token);
    m_reader = std::make_unique<QImageReader>(m_input.get(), m_format);
    m_reader->setAutoTransform(true);
    m_nextFrame = 0;
}

Status RasterDocument::seekFrame(int index, const CancellationToken &token)
{
    if (m_randomAccess) {
        if (!m_reader)
            startReader(token);
        m_input->setToken(token);
        return m_reader->jumpToImage(index) ? Status() : readerError(index, token);
    }
    // Frames of animations build on the previous ones: walk on from where the reader stands, or
    // from the start when the wanted frame lies behind it.
    if (!m_reader || m_nextFrame > index)
        startReader(token);
    m_input->setToken(token);
    while (m_nextFrame < index) {
        if (token.isCancelled())
            return Status::fromToken(token);
        if (!m_reader->jumpToNextImage()) {
            QImage skipped;
            if (!m_reader->read(&skipped))
                return readerError(m_nextFrame, token);
        }
        ++m_nextFrame;
    }
    return {};
}

Result<QImage> RasterDocument::decodeFrame(int index, const CancellationToken &token)
{
    if (index == m_cachedFrame)
        return m_cachedImage;
    // Free the previous frame before allocating the next one.
    m_cachedFrame = -1;
    m_cachedImage = QImage();

    if (Status status = seekFrame(index, token); !status) {
        m_reader.reset();
        return status;
    }
    if (Status status = checkPixels(m_reader->size(), index); !status)
        return status;
    QImage image;
    if (!m_reader->read(&image) || image.isNull()) {
        Status status = readerError(index, token);
        m_reader.reset(); // a failed decoder is in no state to read on
        return status;
    }
    ++m_nextFrame;
    // Formats that cannot tell their size up front are checked once decoded; Qt's allocation
    // limit bounded the decode itself.
    if (Status status = checkPixels(image.size(), index); !status)
        return status;
    if (token.isCancelled())
        return Status::fromToken(token);
    image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    if (image.isNull())
        return Status(StatusCode::IoError, tr("Not enough memory to decode the image"));
    m_cachedFrame = index;
    m_cachedImage = image;
    return image;
}

Result<QImage> RasterDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    const Result<QImage> frame = decodeFrame(index, token);
    if (!frame)
        return frame;
    if (token.isCancelled())
        return Status::fromToken(token);
    RenderRequest upright = request;
    upright.rotation = 0; // the base class rotates
    // Smooth scaling cannot poll a token (a quarter of a second for 256 megapixels): it runs
    // detached, on its own copy of the frame, so a cancel returns at once.
    const QImage source = frame.value();
    const QSize size = renderSize(index, upright);
    const QColor background = request.background;
    return callDetached<QImage>(
        [source, size, background] { return Result<QImage>(compose(source, size, background)); }, token);
}

Status RasterDocument::checkPixels(QSize size, int index) const
{
    if (!size.isValid() || qint64(size.width()) * size.height() <= limits().maxImagePixels())
        return {};
    const QString message = pageCount() > 1
        ? tr("Frame %1 of the image is %2×%3 pixels, over the limit of %4 megapixels").arg(index + 1)
        : tr("The image is %1×%2 pixels, over the limit of %3 megapixels");
    return {StatusCode::LimitExceeded, message.arg(size.width()).arg(size.height()).arg(limits().maxImageMegapixels)};
}

Status RasterDocument::readerError(int index, const CancellationToken &token)
{
    // A cancelled read fails like a truncated file: report the cancellation, not damage.
    if (token.isCancelled())
        return Status::fromToken(token);
    const QString reason = m_reader ? m_reader->errorString() : QString();
    if (pageCount() > 1)
        return {
            StatusCode::Corrupt, tr("Frame %1 of the image is damaged or truncated: %2").arg(index + 1).arg(reason)};
    return {StatusCode::Corrupt, tr("The image is damaged or truncated: %1").arg(reason)};
}

} // namespace folio::image
