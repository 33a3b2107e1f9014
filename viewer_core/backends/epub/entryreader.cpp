// SPDX-License-Identifier: GPL-3.0-or-later
#include "entryreader.h"

#include <KArchiveFile>
#include <KZipFileEntry>

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <memory>

namespace folio::epub {

namespace {

constexpr qint64 EntryChunk = 256 * 1024;

struct EntryMessages
{
    Q_DECLARE_TR_FUNCTIONS(folio::epub::EntryReader)
};

// The full path where the archive knows it (KArchiveEntry::name() is the last part only).
QString pathOf(const KArchiveFile &file)
{
    if (const auto *zipEntry = dynamic_cast<const KZipFileEntry *>(&file))
        return zipEntry->path();
    return file.name();
}

// The size of the entry as stored (compressed), or -1 when the archive does not say.
qint64 packedSize(const KArchiveFile &file)
{
    if (const auto *zipEntry = dynamic_cast<const KZipFileEntry *>(&file))
        return zipEntry->compressedSize();
    return -1;
}

Status tooLarge(const QString &name, qint64 limit)
{
    return {StatusCode::LimitExceeded,
        EntryMessages::tr("The entry “%1” is larger than the limit of %2 per archive entry")
            .arg(name, bytesText(limit))};
}

Status tooCompressed(const QString &name, qint64 packed, int ratio)
{
    return {StatusCode::LimitExceeded,
        EntryMessages::tr("The entry “%1” expands more than %2 times from its %3 bytes (the limit of the compression "
                          "ratio; a zip bomb?)")
            .arg(name)
            .arg(ratio)
            .arg(packed)};
}

} // namespace

Result<QByteArray> readEntry(
    const KArchiveFile &file, qint64 maxBytes, const Limits &limits, const CancellationToken &token, bool prefixOnly)
{
    const QString name = pathOf(file);
    const qint64 limit = std::min(maxBytes, limits.maxEntrySize);
    const qint64 packed = packedSize(file);
    // A ratio check needs a packed size; a zero-byte packed entry expands to nothing.
    const auto overRatio = [&](qint64 size) {
        // A ratio of 0 means no limit; doubles keep huge ratios from overflowing.
        return limits.maxCompressionRatio > 0 && packed > 0 && size > limits.compressionRatioMinSize
            && double(size) > double(packed) * double(limits.maxCompressionRatio);
    };
    if (!prefixOnly && file.size() > limit)
        return tooLarge(name, limit);
    if (overRatio(file.size()))
        return tooCompressed(name, packed, limits.maxCompressionRatio);
    if (token.isCancelled())
        return Status::fromToken(token);

    const std::unique_ptr<QIODevice> device(file.createDevice());
    if (!device || !device->isOpen())
        return Status(StatusCode::Corrupt,
            EntryMessages::tr("The entry “%1” cannot be read (unsupported compression method?)").arg(name));
    QByteArray data;
    // The declared size comes from the (untrusted) header: reserve at most a few chunks from it.
    data.reserve(std::clamp<qint64>(std::min(file.size(), limit), 0, 16 * EntryChunk));
    for (;;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        // One byte past the limit tells "exactly at the limit" from "over it".
        // (No "limit + 1": the limit may be the largest qint64, meaning none.)
        const qint64 room = limit - data.size();
        const qint64 want = room < EntryChunk ? room + 1 : qint64(EntryChunk);
        const qsizetype before = data.size();
        data.resize(before + want);
        const qint64 got = device->read(data.data() + before, want);
        if (got < 0)
            return Status(StatusCode::Corrupt,
                EntryMessages::tr("The entry “%1” cannot be read: %2").arg(name, device->errorString()));
        data.resize(before + got);
        if (data.size() > limit) {
            if (prefixOnly) {
                data.truncate(limit);
                break;
            }
            return tooLarge(name, limit);
        }
        if (overRatio(data.size()))
            return tooCompressed(name, packed, limits.maxCompressionRatio);
        if (got == 0)
            break;
    }
    return data;
}

} // namespace folio::epub
