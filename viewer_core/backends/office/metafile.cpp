// SPDX-License-Identifier: GPL-3.0-or-later
#include "metafile.h"

#include <QMutex>
#include <QPainter>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdlib>
#include <emf2svg.h>

namespace folio::office::metafile {

namespace {

constexpr quint32 EmrHeader = 1;
constexpr quint32 EmfSignature = 0x464D4520; // " EMF"
constexpr int HeaderBytes = 88; // up to and including szlMillimeters
// The SVG libemf2svg writes for a metafile is about as large as the file; more means a
// metafile that repeats itself to exhaust memory.
constexpr qsizetype MaxSvgBytes = 64 * 1024 * 1024;

qint32 int32At(QByteArrayView data, qsizetype offset)
{
    return qFromLittleEndian<qint32>(data.data() + offset);
}

// Width and height of a RECTL at `offset`, when positive and sane.
QSizeF rectSize(QByteArrayView head, qsizetype offset)
{
    const qint64 width = qint64(int32At(head, offset + 8)) - int32At(head, offset);
    const qint64 height = qint64(int32At(head, offset + 12)) - int32At(head, offset + 4);
    if (width <= 0 || height <= 0 || width > 1'000'000'000 || height > 1'000'000'000)
        return {};
    return QSizeF(qreal(width), qreal(height));
}

QMutex &libraryLock()
{
    static QMutex lock;
    return lock;
}

} // namespace

bool isEmf(QByteArrayView head)
{
    return head.size() >= 44 && quint32(int32At(head, 0)) == EmrHeader && quint32(int32At(head, 40)) == EmfSignature;
}

QSize emfPixelSize(QByteArrayView head)
{
    if (!isEmf(head) || head.size() < HeaderBytes)
        return {};
    // rclFrame at 24, in hundredths of a millimetre: the picture's size as its maker meant it.
    if (const QSizeF frame = rectSize(head, 24); frame.isValid()) {
        const QSizeF pixels = frame / 100.0 / 25.4 * 96.0;
        if (pixels.width() >= 1 && pixels.height() >= 1 && pixels.width() < 100'000 && pixels.height() < 100'000)
            return pixels.toSize();
    }
    // rclBounds at 8, in device pixels.
    if (const QSizeF bounds = rectSize(head, 8);
        bounds.isValid() && bounds.width() < 100'000 && bounds.height() < 100'000)
        return bounds.toSize();
    return {};
}

QImage renderEmf(const QByteArray &data, QSize pixels)
{
    if (!isEmf(data) || data.size() > MaxEmfBytes || pixels.isEmpty())
        return {};
    QByteArray svg;
    {
        QMutexLocker locker(&libraryLock());
        // The library takes a mutable buffer; it gets its own copy.
        QByteArray input = data;
        generatorOptions options {};
        options.nameSpace = const_cast<char *>(""); // plain element names: QtSvg reads no prefixed ones
        options.svgDelimiter = true;
        options.emfplus = true;
        char *out = nullptr;
        size_t length = 0;
        const int done = emf2svg(input.data(), size_t(input.size()), &out, &length, &options);
        if (done == 1 && out && length > 0 && length <= size_t(MaxSvgBytes))
            svg = QByteArray(out, qsizetype(length));
        std::free(out);
    }
    if (svg.isEmpty())
        return {};
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    return image;
}

} // namespace folio::office::metafile
