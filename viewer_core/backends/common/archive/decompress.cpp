// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/archive/decompress.h"

#include "backends/common/archive/archivelimits.h"
#include "backends/common/mimetypes.h"

#include <KCompressionDevice>

#include <QBuffer>
#include <QCoreApplication>
#include <QTemporaryFile>

namespace folio::archive {

namespace {

struct DecompressMessages
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::Decompress)
};

// Results up to this size stay in memory; larger ones go to a temporary file.
constexpr qint64 InMemoryMax = 32LL << 20;
// Small enough that the token is polled every few milliseconds even for bzip2.
constexpr qint64 DecompressChunk = 256LL << 10;

KCompressionDevice::CompressionType deviceType(Compression compression)
{
    switch (compression) {
    case Compression::GZip:
        return KCompressionDevice::GZip;
    case Compression::BZip2:
        return KCompressionDevice::BZip2;
    case Compression::Xz:
        return KCompressionDevice::Xz;
    case Compression::Zstd:
        return KCompressionDevice::Zstd;
    }
    return KCompressionDevice::None;
}

// Collects the output: in memory first, moved to a temporary file once it grows past InMemoryMax.
class Sink
{
public:
    Status append(const char *data, qint64 size)
    {
        if (!m_file && m_memory.size() + size <= InMemoryMax) {
            m_memory.append(data, size);
            return {};
        }
        if (!m_file) {
            m_file = std::make_unique<QTemporaryFile>();
            if (!m_file->open())
                return failed();
            if (m_file->write(m_memory) != m_memory.size())
                return failed();
            m_memory = QByteArray();
        }
        return m_file->write(data, size) == size ? Status() : failed();
    }

    Result<std::unique_ptr<QIODevice>> finish()
    {
        if (m_file) {
            if (!m_file->flush() || !m_file->seek(0))
                return failed();
            return std::unique_ptr<QIODevice>(std::move(m_file));
        }
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(m_memory);
        buffer->open(QIODevice::ReadOnly);
        return std::unique_ptr<QIODevice>(std::move(buffer));
    }

private:
    Status failed() const
    {
        return {StatusCode::IoError,
            DecompressMessages::tr("Cannot write the decompressed data to a temporary file: %1")
                .arg(m_file ? m_file->errorString() : QString())};
    }

    QByteArray m_memory;
    std::unique_ptr<QTemporaryFile> m_file;
};

} // namespace

std::optional<Compression> compressionFor(const QMimeType &type)
{
    if (!type.isValid())
        return std::nullopt;
    if (isOrInherits(type, "application/gzip"))
        return Compression::GZip;
    if (isOrInherits(type, "application/x-bzip") || isOrInherits(type, "application/x-bzip2"))
        return Compression::BZip2;
    if (isOrInherits(type, "application/x-xz") || isOrInherits(type, "application/x-lzma"))
        return Compression::Xz;
    if (isOrInherits(type, "application/zstd"))
        return Compression::Zstd;
    return std::nullopt;
}

QString compressionName(Compression compression)
{
    switch (compression) {
    case Compression::GZip:
        return QStringLiteral("gzip");
    case Compression::BZip2:
        return QStringLiteral("bzip2");
    case Compression::Xz:
        return QStringLiteral("xz");
    case Compression::Zstd:
        return QStringLiteral("zstd");
    }
    return {};
}

Result<std::unique_ptr<QIODevice>> decompress(QIODevice &input, Compression compression, StreamBound bound,
    const QString &what, const Limits &limits, const CancellationToken &token, const ProgressCallback &progress)
{
    const qint64 packed = input.size();
    const qint64 maxBytes = bound == StreamBound::Entry ? limits.maxEntrySize : limits.maxTotalExtracted;
    input.seek(0);
    KCompressionDevice device(&input, false, deviceType(compression));
    if (!device.open(QIODevice::ReadOnly))
        return Status(StatusCode::Corrupt,
            DecompressMessages::tr("%1 cannot be decompressed (%2): %3")
                .arg(what, compressionName(compression), device.errorString()));
    Sink sink;
    QByteArray chunk(DecompressChunk, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 got = device.read(chunk.data(), chunk.size());
        if (got < 0)
            return Status(StatusCode::Corrupt,
                DecompressMessages::tr("%1 is damaged: its %2 data cannot be decompressed%3")
                    .arg(what, compressionName(compression),
                        device.errorString().isEmpty() ? QString() : QStringLiteral(": ") + device.errorString()));
        if (got == 0) {
            // KCompressionDevice ends a truncated stream like a complete one, except for atEnd().
            if (!device.atEnd())
                return Status(StatusCode::Corrupt,
                    DecompressMessages::tr("%1 is truncated: its %2 data ends early")
                        .arg(what, compressionName(compression)));
            break;
        }
        total += got;
        if (total > maxBytes)
            return bound == StreamBound::Entry ? LimitErrors::entrySize(what, -1, limits)
                                               : LimitErrors::totalSize(-1, limits);
        if (overRatio(total, packed, limits))
            return LimitErrors::ratio(what, -total, packed, limits);
        if (Status status = sink.append(chunk.constData(), got); !status)
            return status;
        if (progress)
            progress(input.pos(), packed);
    }
    return sink.finish();
}

} // namespace folio::archive
