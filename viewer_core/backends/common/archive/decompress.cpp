// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/archive/decompress.h"

#include "backends/common/archive/archivelimits.h"
#include "backends/common/mimetypes.h"

#include "backends/common/archive/libarchivereader.h"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QScopeGuard>
#include <QTemporaryFile>

#include <functional>

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
// The most memory an xz or lzma stream may ask for (xz -9 needs 65 MiB to decode).
constexpr uint64_t XzMemoryLimit = 512ULL << 20;

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

// Feeds the input to a decoder chunk by chunk and hands its output on. Each decoder below says
// where its stream ends; input after a complete stream is the next member when it starts with the
// format's signature and ignored otherwise (as gzip -d ignores trailing zeros).
class Pump
{
public:
    Pump(QIODevice &input, const QString &what, Compression compression, const CancellationToken &token)
        : m_input(input)
        , m_what(what)
        , m_compression(compression)
        , m_token(token)
        , m_in(DecompressChunk, Qt::Uninitialized)
        , m_out(DecompressChunk, Qt::Uninitialized)
    { }

    // Reads more input when the last chunk is used up; false at the end of the input.
    Result<bool> refill(const char *&next, qint64 &available)
    {
        if (available > 0)
            return true;
        if (m_token.isCancelled())
            return Status::fromToken(m_token);
        const qint64 got = m_input.read(m_in.data(), m_in.size());
        if (got < 0)
            return Status(StatusCode::IoError, DecompressMessages::tr("Read error: %1").arg(m_input.errorString()));
        next = m_in.constData();
        available = got;
        return got > 0;
    }
    // Whether more input follows that begins with `signature`. Zeros padding a tape block after
    // a gzip member are skipped.
    bool nextMemberFollows(const char *&next, qint64 &available, QByteArrayView signature)
    {
        for (;;) {
            while (available > 0 && *next == '\0' && m_compression == Compression::GZip) {
                ++next;
                --available;
            }
            if (available > 0)
                break;
            Result<bool> more = refill(next, available);
            if (!more || !*more)
                return false;
        }
        if (available < signature.size()) {
            // Move what is left to the chunk's start and add the next input after it.
            QByteArray head(next, available);
            head += m_input.read(signature.size() - available);
            memcpy(m_in.data(), head.constData(), size_t(head.size()));
            next = m_in.constData();
            available = head.size();
            return head.startsWith(signature);
        }
        return QByteArrayView(next, signature.size()) == signature;
    }
    char *out() { return m_out.data(); }
    qint64 outSize() const { return m_out.size(); }
    Status damaged(const QString &reason) const
    {
        return {StatusCode::Corrupt,
            DecompressMessages::tr("%1 is damaged: its %2 data cannot be decompressed%3")
                .arg(m_what, compressionName(m_compression),
                    reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason))};
    }
    Status truncated() const
    {
        return {StatusCode::Corrupt,
            DecompressMessages::tr("%1 is truncated: its %2 data ends early").arg(m_what, compressionName(m_compression))};
    }

private:
    QIODevice &m_input;
    QString m_what;
    Compression m_compression;
    CancellationToken m_token;
    QByteArray m_in;
    QByteArray m_out;
};

using Output = std::function<Status(const char *data, qint64 size)>;

Status gunzip(Pump &pump, const Output &output)
{
    z_stream z {};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return pump.damaged(QString());
    const auto end = qScopeGuard([&z] { inflateEnd(&z); });
    const char *next = nullptr;
    qint64 available = 0;
    for (;;) {
        Result<bool> more = pump.refill(next, available);
        if (!more)
            return more.status();
        if (!*more)
            return pump.truncated(); // inside a member
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(next));
        z.avail_in = uInt(available);
        int result = Z_OK;
        while (result != Z_STREAM_END) {
            z.next_out = reinterpret_cast<Bytef *>(pump.out());
            z.avail_out = uInt(pump.outSize());
            result = inflate(&z, Z_NO_FLUSH);
            if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR)
                return pump.damaged(QString::fromLatin1(z.msg ? z.msg : ""));
            if (Status status = output(pump.out(), pump.outSize() - qint64(z.avail_out)); !status)
                return status;
            if (z.avail_out != 0 && result != Z_STREAM_END)
                break; // all input used
        }
        next = reinterpret_cast<const char *>(z.next_in);
        available = z.avail_in;
        if (result == Z_STREAM_END) {
            // inflate checked the member's CRC-32 and length against its trailer.
            if (!pump.nextMemberFollows(next, available, "\x1f\x8b"))
                return {};
            inflateReset(&z);
        }
    }
}

Status bunzip2(Pump &pump, const Output &output)
{
    bz_stream b {};
    if (BZ2_bzDecompressInit(&b, 0, 0) != BZ_OK)
        return pump.damaged(QString());
    bool initialised = true;
    const auto end = qScopeGuard([&] {
        if (initialised)
            BZ2_bzDecompressEnd(&b);
    });
    const char *next = nullptr;
    qint64 available = 0;
    for (;;) {
        Result<bool> more = pump.refill(next, available);
        if (!more)
            return more.status();
        if (!*more)
            return pump.truncated();
        b.next_in = const_cast<char *>(next);
        b.avail_in = uint(available);
        int result = BZ_OK;
        while (result != BZ_STREAM_END) {
            b.next_out = pump.out();
            b.avail_out = uint(pump.outSize());
            result = BZ2_bzDecompress(&b);
            if (result != BZ_OK && result != BZ_STREAM_END)
                return pump.damaged(result == BZ_DATA_ERROR ? QStringLiteral("CRC error") : QString());
            if (Status status = output(pump.out(), pump.outSize() - qint64(b.avail_out)); !status)
                return status;
            if (b.avail_out != 0 && result != BZ_STREAM_END)
                break; // all input used
        }
        next = b.next_in;
        available = b.avail_in;
        if (result == BZ_STREAM_END) {
            // Each block's CRC and the stream's combined CRC were checked.
            BZ2_bzDecompressEnd(&b);
            initialised = false;
            if (!pump.nextMemberFollows(next, available, "BZh"))
                return {};
            if (BZ2_bzDecompressInit(&b, 0, 0) != BZ_OK)
                return pump.damaged(QString());
            initialised = true;
        }
    }
}

Status unxz(Pump &pump, const Output &output)
{
    lzma_stream x = LZMA_STREAM_INIT;
    // Concatenated .xz streams in one pass, each one's check verified; a legacy .lzma stream too.
    if (lzma_auto_decoder(&x, XzMemoryLimit, LZMA_CONCATENATED) != LZMA_OK)
        return pump.damaged(QString());
    const auto end = qScopeGuard([&x] { lzma_end(&x); });
    const char *next = nullptr;
    qint64 available = 0;
    for (;;) {
        Result<bool> more = pump.refill(next, available);
        if (!more)
            return more.status();
        const lzma_action action = *more ? LZMA_RUN : LZMA_FINISH;
        x.next_in = reinterpret_cast<const uint8_t *>(next);
        x.avail_in = size_t(available);
        lzma_ret result = LZMA_OK;
        do {
            x.next_out = reinterpret_cast<uint8_t *>(pump.out());
            x.avail_out = size_t(pump.outSize());
            result = lzma_code(&x, action);
            if (Status status = output(pump.out(), pump.outSize() - qint64(x.avail_out)); !status)
                return status;
        } while (result == LZMA_OK && x.avail_out == 0);
        available = 0;
        switch (result) {
        case LZMA_STREAM_END:
            return {};
        case LZMA_OK:
            if (action == LZMA_FINISH)
                return pump.truncated();
            break;
        case LZMA_BUF_ERROR:
            return pump.truncated();
        case LZMA_MEMLIMIT_ERROR:
            return pump.damaged(
                DecompressMessages::tr("it asks for more than %1 of memory").arg(bytesText(qint64(XzMemoryLimit))));
        case LZMA_DATA_ERROR:
            return pump.damaged(DecompressMessages::tr("its check failed"));
        default:
            return pump.damaged(QString());
        }
    }
}

Status unzstd(Pump &pump, const Output &output)
{
    ZSTD_DCtx *context = ZSTD_createDCtx();
    if (!context)
        return pump.damaged(QString());
    const auto end = qScopeGuard([context] { ZSTD_freeDCtx(context); });
    const char *next = nullptr;
    qint64 available = 0;
    size_t pending = 1; // 0 once a frame is complete
    for (;;) {
        Result<bool> more = pump.refill(next, available);
        if (!more)
            return more.status();
        if (!*more)
            return pending == 0 ? Status() : pump.truncated();
        ZSTD_inBuffer in {next, size_t(available), 0};
        bool full = true;
        while (in.pos < in.size || full) {
            ZSTD_outBuffer out {pump.out(), size_t(pump.outSize()), 0};
            // Frames follow each other; each one's checksum is verified when it has one.
            pending = ZSTD_decompressStream(context, &out, &in);
            if (ZSTD_isError(pending))
                return pump.damaged(QString::fromLatin1(ZSTD_getErrorName(pending)));
            if (Status status = output(pump.out(), qint64(out.pos)); !status)
                return status;
            full = out.pos == out.size;
        }
        available = 0;
    }
}

// compress (.Z), lz4 and lzip: libarchive's filters over its raw format.
Status throughLibarchive(QIODevice &input, const QString &what, Compression compression,
    const CancellationToken &token, const Output &output)
{
    std::shared_ptr<QIODevice> view(&input, [](QIODevice *) { });
    auto pass = LibarchivePass::start(view, LibarchiveFormat::Raw, QString(), token);
    if (!pass)
        return pass.status();
    LibarchiveEntry entry;
    Result<bool> found = (*pass)->next(entry);
    if (!found)
        return found.status();
    QByteArray chunk(DecompressChunk, Qt::Uninitialized);
    for (;;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 got = (*pass)->read(chunk.data(), chunk.size());
        if (got < 0) {
            const Status error = (*pass)->error(what);
            if (error.code() == StatusCode::Canceled || error.code() == StatusCode::TimedOut)
                return error;
            return {StatusCode::Corrupt,
                DecompressMessages::tr("%1 is damaged: its %2 data cannot be decompressed (%3)")
                    .arg(what, compressionName(compression), error.reason())};
        }
        if (got == 0)
            return {};
        if (Status status = output(chunk.constData(), got); !status)
            return status;
    }
}

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
    if (isOrInherits(type, "application/x-compress"))
        return Compression::Compress;
    if (isOrInherits(type, "application/x-lz4"))
        return Compression::Lz4;
    if (isOrInherits(type, "application/x-lzip"))
        return Compression::Lzip;
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
    case Compression::Compress:
        return QStringLiteral("compress");
    case Compression::Lz4:
        return QStringLiteral("lz4");
    case Compression::Lzip:
        return QStringLiteral("lzip");
    }
    return {};
}

Result<std::unique_ptr<QIODevice>> decompress(QIODevice &input, Compression compression, StreamBound bound,
    const QString &what, const Limits &limits, const CancellationToken &token, const ProgressCallback &progress)
{
    const qint64 packed = input.size();
    const qint64 maxBytes = bound == StreamBound::Entry ? limits.maxEntrySize : limits.maxTotalExtracted;
    if (!input.seek(0))
        return Status(StatusCode::IoError, DecompressMessages::tr("Read error: %1").arg(input.errorString()));
    Sink sink;
    qint64 total = 0;
    const Output output = [&](const char *data, qint64 size) -> Status {
        if (size <= 0)
            return {};
        if (token.isCancelled())
            return Status::fromToken(token);
        total += size;
        if (total > maxBytes)
            return bound == StreamBound::Entry ? LimitErrors::entrySize(what, -1, limits)
                                               : LimitErrors::totalSize(-1, limits);
        if (overRatio(total, packed, limits))
            return LimitErrors::ratio(what, -total, packed, limits);
        if (Status status = sink.append(data, size); !status)
            return status;
        if (progress)
            progress(input.pos(), packed);
        return {};
    };
    Pump pump(input, what, compression, token);
    Status status;
    switch (compression) {
    case Compression::GZip:
        status = gunzip(pump, output);
        break;
    case Compression::BZip2:
        status = bunzip2(pump, output);
        break;
    case Compression::Xz:
        status = unxz(pump, output);
        break;
    case Compression::Zstd:
        status = unzstd(pump, output);
        break;
    case Compression::Compress:
    case Compression::Lz4:
    case Compression::Lzip:
        status = throughLibarchive(input, what, compression, token, output);
        break;
    }
    if (!status)
        return status;
    return sink.finish();
}

} // namespace folio::archive
