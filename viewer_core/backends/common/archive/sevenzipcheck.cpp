// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/archive/sevenzipcheck.h"

#include "backends/common/archive/archivelimits.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QtEndian>

#include <lzma.h>

#include <cstdlib>
#include <cstring>
#include <limits>

// The 7z format as 7-Zip's DOC/7zFormat.txt describes it. Only what leads to the sizes is parsed:
// the signature header, the (possibly LZMA-encoded) header's streams info, and the file count.

namespace folio::archive {

namespace {

struct SevenZipMessages
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::SevenZipCheck)
};

enum Property : quint8 {
    kEnd = 0x00,
    kHeader = 0x01,
    kArchiveProperties = 0x02,
    kAdditionalStreamsInfo = 0x03,
    kMainStreamsInfo = 0x04,
    kFilesInfo = 0x05,
    kPackInfo = 0x06,
    kUnpackInfo = 0x07,
    kSubStreamsInfo = 0x08,
    kSize = 0x09,
    kCRC = 0x0A,
    kFolder = 0x0B,
    kCodersUnpackSize = 0x0C,
    kEncodedHeader = 0x17,
};

constexpr quint64 MethodLzma = 0x030101;
constexpr quint64 MethodLzma2 = 0x21;
constexpr quint64 MethodAes = 0x06F10701;

Status malformed(const QString &what)
{
    return {StatusCode::Corrupt, SevenZipMessages::tr("Not a readable 7z archive: %1").arg(what)};
}

// Bounds-checked reading of header bytes; any overrun turns ok() false and yields zeros.
class Cursor
{
public:
    explicit Cursor(const QByteArray &data)
        : m_data(data)
    { }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos >= m_data.size(); }

    quint8 byte()
    {
        if (m_pos >= m_data.size()) {
            m_ok = false;
            return 0;
        }
        return quint8(m_data[m_pos++]);
    }

    // 7z's variable-length NUMBER: the leading one bits of the first byte count the bytes that follow.
    quint64 number()
    {
        const quint8 first = byte();
        quint8 mask = 0x80;
        quint64 value = 0;
        for (int i = 0; i < 8; ++i) {
            if ((first & mask) == 0) {
                const quint64 high = first & (mask - 1);
                return value + (high << (8 * i));
            }
            value |= quint64(byte()) << (8 * i);
            mask >>= 1;
        }
        return value;
    }

    // A NUMBER that counts something held in the remaining bytes: at most `limit`.
    qint64 count(qint64 limit)
    {
        const quint64 value = number();
        if (value > quint64(limit)) {
            m_ok = false;
            return 0;
        }
        return qint64(value);
    }

    void skip(quint64 bytes)
    {
        if (bytes > quint64(m_data.size() - m_pos)) {
            m_ok = false;
            m_pos = m_data.size();
            return;
        }
        m_pos += qsizetype(bytes);
    }

    QByteArray bytes(quint64 size)
    {
        const qsizetype start = m_pos;
        skip(size);
        return m_ok ? m_data.mid(start, qsizetype(size)) : QByteArray();
    }

    qint64 remaining() const { return m_data.size() - m_pos; }

private:
    const QByteArray &m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

struct Coder
{
    quint64 method = 0;
    QByteArray properties;
};

struct Folder
{
    QList<Coder> coders;
    QList<quint64> unpackSizes; // one per output stream of all its coders
    qint64 outputs = 0;
    quint64 largestOutput() const
    {
        quint64 largest = 0;
        for (quint64 size : unpackSizes)
            largest = std::max(largest, size);
        return largest;
    }
};

struct StreamsInfo
{
    quint64 packPos = 0;
    QList<quint64> packSizes;
    QList<Folder> folders;
};

void skipDigests(Cursor &cursor, qint64 count)
{
    const quint8 allDefined = cursor.byte();
    qint64 defined = count;
    if (!allDefined) {
        defined = 0;
        const QByteArray bits = cursor.bytes(quint64((count + 7) / 8));
        for (qint64 i = 0; i < count && cursor.ok(); ++i)
            defined += (quint8(bits[i / 8]) >> (7 - i % 8)) & 1;
    }
    cursor.skip(quint64(defined) * 4);
}

bool readFolder(Cursor &cursor, Folder &folder)
{
    const qint64 coders = cursor.count(64);
    qint64 inputs = 0;
    for (qint64 i = 0; i < coders && cursor.ok(); ++i) {
        const quint8 flags = cursor.byte();
        if (flags & 0x80)
            return false; // alternative methods: never written by 7-Zip
        Coder coder;
        const QByteArray id = cursor.bytes(flags & 0x0F);
        for (char c : id)
            coder.method = (coder.method << 8) | quint8(c);
        qint64 in = 1;
        qint64 out = 1;
        if (flags & 0x10) {
            in = cursor.count(64);
            out = cursor.count(64);
        }
        if (flags & 0x20)
            coder.properties = cursor.bytes(cursor.number());
        inputs += in;
        folder.outputs += out;
        folder.coders.append(coder);
    }
    if (!cursor.ok() || folder.outputs < 1)
        return false;
    const qint64 bindPairs = folder.outputs - 1;
    for (qint64 i = 0; i < bindPairs; ++i) {
        cursor.number();
        cursor.number();
    }
    const qint64 packed = inputs - bindPairs;
    if (packed < 1)
        return false;
    if (packed > 1) {
        for (qint64 i = 0; i < packed; ++i)
            cursor.number();
    }
    return cursor.ok();
}

// Reads pack and coder information up to the sub-streams block (which only splits folders into
// files) or the end; `last` is the property id it stopped at.
bool readStreamsInfo(Cursor &cursor, StreamsInfo &info, quint8 &last)
{
    quint8 id = cursor.byte();
    if (id == kPackInfo) {
        info.packPos = cursor.number();
        const qint64 streams = cursor.count(cursor.remaining());
        id = cursor.byte();
        if (id == kSize) {
            for (qint64 i = 0; i < streams; ++i)
                info.packSizes.append(cursor.number());
            id = cursor.byte();
        }
        if (id == kCRC) {
            skipDigests(cursor, streams);
            id = cursor.byte();
        }
        if (id != kEnd || !cursor.ok())
            return false;
        id = cursor.byte();
    }
    if (id == kUnpackInfo) {
        if (cursor.byte() != kFolder)
            return false;
        const qint64 folders = cursor.count(cursor.remaining());
        if (cursor.byte() != 0)
            return false; // "external" folders: never written by 7-Zip
        for (qint64 i = 0; i < folders; ++i) {
            Folder folder;
            if (!readFolder(cursor, folder))
                return false;
            info.folders.append(folder);
        }
        if (cursor.byte() != kCodersUnpackSize)
            return false;
        for (Folder &folder : info.folders) {
            for (qint64 i = 0; i < folder.outputs; ++i)
                folder.unpackSizes.append(cursor.number());
        }
        id = cursor.byte();
        if (id == kCRC) {
            skipDigests(cursor, folders);
            id = cursor.byte();
        }
        if (id != kEnd || !cursor.ok())
            return false;
        id = cursor.byte();
    }
    last = id;
    return cursor.ok() && (id == kSubStreamsInfo || id == kEnd);
}

Result<QByteArray> decodeLzma(const QByteArray &packed, const Coder &coder, quint64 size)
{
    lzma_filter filters[2];
    filters[0].id = coder.method == MethodLzma ? LZMA_FILTER_LZMA1 : LZMA_FILTER_LZMA2;
    filters[0].options = nullptr;
    filters[1].id = LZMA_VLI_UNKNOWN;
    filters[1].options = nullptr;
    if (lzma_properties_decode(&filters[0], nullptr, reinterpret_cast<const uint8_t *>(coder.properties.constData()),
            size_t(coder.properties.size()))
        != LZMA_OK)
        return malformed(SevenZipMessages::tr("bad LZMA properties in the header"));
    // A dictionary larger than the output is never needed: do not let the header make it one.
    auto *options = static_cast<lzma_options_lzma *>(filters[0].options);
    options->dict_size = uint32_t(std::clamp<quint64>(size, LZMA_DICT_SIZE_MIN, options->dict_size));
    lzma_stream stream = LZMA_STREAM_INIT;
    const lzma_ret init = lzma_raw_decoder(&stream, filters);
    std::free(filters[0].options);
    if (init != LZMA_OK)
        return malformed(SevenZipMessages::tr("the header cannot be decoded"));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<const uint8_t *>(packed.constData());
    stream.avail_in = size_t(packed.size());
    stream.next_out = reinterpret_cast<uint8_t *>(out.data());
    stream.avail_out = size_t(out.size());
    // Raw LZMA has no end marker: decoding stops when the announced size is there.
    lzma_ret ret = LZMA_OK;
    while (ret == LZMA_OK && stream.avail_out > 0) {
        const size_t before = stream.avail_in + stream.avail_out;
        ret = lzma_code(&stream, LZMA_RUN);
        if (stream.avail_in + stream.avail_out == before)
            break; // no progress: the input is exhausted
    }
    const bool complete = stream.avail_out == 0 && (ret == LZMA_OK || ret == LZMA_STREAM_END);
    lzma_end(&stream);
    if (!complete)
        return malformed(SevenZipMessages::tr("the compressed header is damaged"));
    return out;
}

void addSizes(const StreamsInfo &info, SevenZipSizes &sizes)
{
    for (quint64 size : info.packSizes)
        sizes.packed = qint64(std::min<quint64>(quint64(sizes.packed) + size, std::numeric_limits<qint64>::max() / 2));
    for (const Folder &folder : info.folders)
        sizes.unpacked = qint64(std::min<quint64>(
            quint64(sizes.unpacked) + folder.largestOutput(), std::numeric_limits<qint64>::max() / 2));
}

// The plain header: main streams info, then the file list, whose count is read when no
// sub-streams block (whose length depends on CRC flags) stands before it.
Result<SevenZipSizes> readHeader(Cursor &cursor)
{
    SevenZipSizes sizes;
    quint8 id = cursor.byte();
    if (id == kArchiveProperties || id == kAdditionalStreamsInfo)
        return Status(
            StatusCode::Unsupported, SevenZipMessages::tr("7z archives with archive properties are not supported"));
    if (id == kMainStreamsInfo) {
        StreamsInfo info;
        quint8 last = kEnd;
        if (!readStreamsInfo(cursor, info, last))
            return malformed(SevenZipMessages::tr("bad streams information"));
        addSizes(info, sizes);
        if (last != kEnd)
            return sizes;
        id = cursor.byte();
    }
    if (id == kFilesInfo)
        sizes.files = cursor.count(std::numeric_limits<qint64>::max());
    return sizes;
}

} // namespace

Result<SevenZipSizes> readSevenZipSizes(QIODevice &device, const Limits &limits, const CancellationToken &token)
{
    const qint64 fileSize = device.size();
    if (!device.seek(0))
        return malformed(SevenZipMessages::tr("cannot read the signature"));
    const QByteArray signature = device.read(32);
    if (signature.size() < 32 || !signature.startsWith(QByteArray("7z\xBC\xAF\x27\x1C", 6)))
        return malformed(SevenZipMessages::tr("no 7z signature"));
    const auto *raw = reinterpret_cast<const uchar *>(signature.constData());
    if (lzma_crc32(raw + 12, 20, 0) != qFromLittleEndian<quint32>(raw + 8))
        return malformed(SevenZipMessages::tr("bad CRC of the start header"));
    const quint64 nextOffset = qFromLittleEndian<quint64>(raw + 12);
    const quint64 nextSize = qFromLittleEndian<quint64>(raw + 20);
    if (nextSize == 0)
        return SevenZipSizes {}; // an empty archive
    if (nextOffset > quint64(fileSize) || nextSize > quint64(fileSize) - nextOffset
        || 32 + nextOffset + nextSize > quint64(fileSize))
        return malformed(SevenZipMessages::tr("the header lies outside the file"));
    if (!device.seek(qint64(32 + nextOffset)))
        return malformed(SevenZipMessages::tr("cannot read the header"));
    const QByteArray header = device.read(qint64(nextSize));
    device.seek(0);
    if (header.size() != qsizetype(nextSize))
        return malformed(SevenZipMessages::tr("cannot read the header"));
    if (lzma_crc32(reinterpret_cast<const uint8_t *>(header.constData()), size_t(header.size()), 0)
        != qFromLittleEndian<quint32>(raw + 28))
        return malformed(SevenZipMessages::tr("bad CRC of the header"));

    Cursor cursor(header);
    const quint8 type = cursor.byte();
    if (type == kHeader)
        return readHeader(cursor);
    if (type != kEncodedHeader)
        return malformed(SevenZipMessages::tr("unknown header type %1").arg(type));

    // The header is itself packed, as one folder, usually with LZMA.
    StreamsInfo info;
    quint8 last = kEnd;
    if (!readStreamsInfo(cursor, info, last) || info.folders.size() != 1 || info.packSizes.size() != 1)
        return malformed(SevenZipMessages::tr("bad encoded header"));
    const Folder &folder = info.folders.first();
    SevenZipSizes sizes;
    for (const Coder &coder : folder.coders) {
        if (coder.method == MethodAes) {
            sizes.encryptedHeader = true;
            return sizes;
        }
    }
    if (folder.coders.size() != 1
        || (folder.coders.first().method != MethodLzma && folder.coders.first().method != MethodLzma2))
        return Status(StatusCode::Unsupported,
            SevenZipMessages::tr("The 7z archive's header is compressed with a method Folio cannot check"));
    const quint64 packedSize = info.packSizes.first();
    const quint64 headerSize = folder.largestOutput();
    if (32 + info.packPos > quint64(fileSize) || packedSize > quint64(fileSize) - 32 - info.packPos)
        return malformed(SevenZipMessages::tr("the header lies outside the file"));
    // The decoded header lists names, sizes and times: generous, but not unbounded.
    const qint64 maxHeader = std::min(limits.maxInMemoryBytes, std::max(64LL << 20, limits.maxEntries * 256));
    if (headerSize > quint64(maxHeader))
        return LimitErrors::entrySize(
            SevenZipMessages::tr("The 7z archive's header"), qint64(headerSize), Limits {.maxEntrySize = maxHeader});
    if (token.isCancelled())
        return Status::fromToken(token);
    device.seek(qint64(32 + info.packPos));
    const QByteArray packed = device.read(qint64(packedSize));
    device.seek(0);
    if (packed.size() != qsizetype(packedSize))
        return malformed(SevenZipMessages::tr("cannot read the header"));
    const Result<QByteArray> decoded = decodeLzma(packed, folder.coders.first(), headerSize);
    if (!decoded)
        return decoded.status();
    Cursor inner(*decoded);
    if (inner.byte() != kHeader)
        return malformed(SevenZipMessages::tr("bad decoded header"));
    return readHeader(inner);
}

Status checkSevenZip(QIODevice &device, const Limits &limits, const CancellationToken &token)
{
    const Result<SevenZipSizes> sizes = readSevenZipSizes(device, limits, token);
    if (!sizes)
        return sizes.status();
    if (sizes->encryptedHeader)
        return {};
    const QString what = SevenZipMessages::tr("The 7z archive");
    if (limits.maxEntries > 0 && sizes->files > limits.maxEntries)
        return LimitErrors::entryCount(sizes->files, limits);
    if (sizes->unpacked > limits.maxTotalExtracted)
        return LimitErrors::totalSize(sizes->unpacked, limits);
    if (sizes->unpacked > limits.maxInMemoryBytes)
        return {StatusCode::LimitExceeded,
            SevenZipMessages::tr("The 7z archive expands to %1 and KArchive decodes 7z archives in memory, over the "
                                 "in-memory limit of %2")
                .arg(bytesText(sizes->unpacked), bytesText(limits.maxInMemoryBytes))};
    if (overRatio(sizes->unpacked, sizes->packed, limits))
        return LimitErrors::ratio(what, sizes->unpacked, sizes->packed, limits);
    return {};
}

} // namespace folio::archive
