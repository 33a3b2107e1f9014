// SPDX-License-Identifier: GPL-3.0-or-later
#include "bookresources.h"

#include "backends/common/cancellabledevice.h"
#include "book.h"
#include "booklogging.h"
#include "bookstyle.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QImageReader>
#include <QPainter>

namespace folio::book {

namespace {

constexpr qint64 ImageHeaderBytes = 256 * 1024; // enough for the size in nearly every file
constexpr qreal ImageCssPixelsPerPoint = 96.0 / 72.0;

} // namespace

ImageStore::ImageStore(const Book &book, QSizeF box, qreal pixelsPerPoint)
    : m_book(book)
    , m_box(box)
    , m_pixelsPerPoint(pixelsPerPoint)
{ }

QImage ImageStore::placeholder()
{
    QImage image(96, 64, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xEE, 0xEE, 0xEE));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0xB0, 0xB0, 0xB0), 2));
    painter.drawRect(QRectF(1, 1, 94, 62));
    painter.drawLine(QPointF(2, 2), QPointF(94, 62));
    painter.drawLine(QPointF(2, 62), QPointF(94, 2));
    return image;
}

const ImageStore::Info &ImageStore::info(const QString &path, const CancellationToken &token)
{
    const auto found = m_info.constFind(path);
    if (found != m_info.cend())
        return *found;
    Info info;
    const qint64 limit = std::min(m_book.limits().maxEntrySize, m_book.limits().maxInMemoryBytes);
    Result<QByteArray> head = m_book.read(path, ImageHeaderBytes, token, true);
    for (int attempt = 0; head && attempt < 2; ++attempt) {
        QBuffer buffer(&*head);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        info.format = reader.format();
        info.pixels = reader.size();
        if (info.pixels.isValid() || head->size() < ImageHeaderBytes)
            break;
        // The size comes after more than ImageHeaderBytes (big EXIF blocks): read it all once.
        head = m_book.read(path, limit, token);
    }
    if (!head && head.status().isCancellation()) {
        m_uncached = info; // not cached: the next call tries again
        return m_uncached;
    }
    // SVG may refer to files outside the book, and QtSvg would load them.
    const bool vector = info.format.startsWith("svg");
    const qint64 pixels = qint64(info.pixels.width()) * info.pixels.height();
    info.usable = head && info.pixels.isValid() && !vector && pixels <= m_book.limits().maxImagePixels();
    if (head && !info.usable)
        qCInfo(lcBook) << "image" << path << "not shown:" << info.format << info.pixels;
    if (!info.pixels.isValid())
        info.pixels = placeholder().size();
    if (!head)
        qCInfo(lcBook) << "image" << path << "unreadable:" << head.status().message();
    return m_info[path] = info;
}

QSizeF ImageStore::fitted(QSizeF points) const
{
    if (points.isEmpty())
        return points;
    if (points.width() > m_box.width() || points.height() > m_box.height())
        points = points.scaled(m_box, Qt::KeepAspectRatio);
    return points;
}

QSize ImageStore::layoutSize(const QString &path, QSize requested, const CancellationToken &token)
{
    if (!m_book.contains(path))
        return {};
    const Info &image = info(path, token);
    QSizeF css = image.pixels;
    // One given dimension scales the other with the picture's proportions.
    if (requested.width() > 0 && requested.height() > 0)
        css = requested;
    else if (requested.width() > 0 && !css.isEmpty())
        css = QSizeF(requested.width(), css.height() * requested.width() / css.width());
    else if (requested.height() > 0 && !css.isEmpty())
        css = QSizeF(css.width() * requested.height() / css.height(), requested.height());
    const QSizeF points = fitted(css / ImageCssPixelsPerPoint);
    return QSize(std::max(1, qRound(points.width() * m_pixelsPerPoint)),
        std::max(1, qRound(points.height() * m_pixelsPerPoint)));
}

QImage ImageStore::image(const QString &path, double dpi, const CancellationToken &token)
{
    const Info &image = info(path, token);
    if (!image.usable || token.isCancelled())
        return placeholder();
    const qint64 limit = std::min(m_book.limits().maxEntrySize, m_book.limits().maxInMemoryBytes);
    Result<QByteArray> bytes = m_book.read(path, limit, token);
    if (!bytes)
        return placeholder();
    QBuffer buffer(&*bytes);
    buffer.open(QIODevice::ReadOnly);
    // Decoders cannot be interrupted, but they read in small chunks: failing reads stops them.
    CancellableDevice device(&buffer);
    device.setToken(token);
    QImageReader reader(&device, image.format);
    reader.setAutoTransform(true);
    // Never more pixels than the largest size the page can show the picture at.
    const QSize needed = (fitted(QSizeF(image.pixels) / ImageCssPixelsPerPoint) * dpi / 72.0).toSize();
    if (needed.isValid() && needed.width() < image.pixels.width() && needed.height() < image.pixels.height())
        reader.setScaledSize(image.pixels.scaled(needed, Qt::KeepAspectRatio));
    QImage decoded = reader.read();
    if (decoded.isNull()) {
        qCInfo(lcBook) << "image" << path << "could not be decoded:" << reader.errorString();
        return placeholder();
    }
    return decoded;
}

EmbeddedFonts::~EmbeddedFonts()
{
    for (int id : std::as_const(m_ids))
        QFontDatabase::removeApplicationFont(id);
}

void EmbeddedFonts::add(const Book &book, const FontFace &face, const CancellationToken &token)
{
    // Every face is registered: QFont picks bold and italic files of a family by their styles.
    const QString key = face.family.toLower();
    auto known = m_byPath.constFind(face.path);
    if (known == m_byPath.cend()) {
        if (m_ids.size() >= MaxFonts)
            return;
        QString family;
        const Result<QByteArray> data = book.readFont(face.path, MaxFontBytes, token);
        if (data) {
            const int id = QFontDatabase::addApplicationFontFromData(*data);
            const QStringList families = id >= 0 ? QFontDatabase::applicationFontFamilies(id) : QStringList();
            if (id >= 0)
                m_ids.append(id);
            if (!families.isEmpty())
                family = families.first();
            else
                qCInfo(lcBook) << "embedded font" << face.path << "is not a usable font";
        } else {
            qCInfo(lcBook) << "embedded font" << face.path << "unreadable:" << data.status().message();
        }
        if (token.isCancelled())
            return;
        known = m_byPath.insert(face.path, family);
    }
    if (!known->isEmpty() && !m_families.contains(key))
        m_families.insert(key, *known);
}

} // namespace folio::book
