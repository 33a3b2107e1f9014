// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/archive/archivereader.h"

#include "backends/common/archive/archivelimits.h"
#include "backends/common/mimetypes.h"
#include "backends/common/archive/decompress.h"
#include "detachedcall.h"
#include "backends/common/cancellabledevice.h"
#include "chunkedio.h"
#include "backends/common/archive/libarchivereader.h"
#include "backends/common/archive/sevenzipcheck.h"
#include "backends/common/archive/zipcatalogue.h"

#include <K7Zip>
#include <KAr>
#include <KArchiveDirectory>
#include <KArchiveFile>
#include <KZip>
#include <KZipFileEntry>

#include <zlib.h>

#include <QBuffer>
#include <QElapsedTimer>
#include <QtEndian>

#include <QSet>

#include <algorithm>
#include <numeric>
#include <sys/stat.h>

namespace folio::archive {

namespace {

constexpr qint64 CopyChunk = 1LL << 20;
constexpr qint64 CopyChunkSize = 64 * 1024;

// ZIP compression methods KZip reads (stored, deflate) and the names of those it does not.
QString zipMethodName(int method)
{
    switch (method) {
    case 9:
        return QStringLiteral("Deflate64");
    case 12:
        return QStringLiteral("bzip2");
    case 14:
        return QStringLiteral("LZMA");
    case 93:
        return QStringLiteral("Zstandard");
    case 95:
        return QStringLiteral("xz");
    case 98:
        return QStringLiteral("PPMd");
    case 99:
        return QStringLiteral("AES encryption");
    default:
        return QStringLiteral("method %1").arg(method);
    }
}

// The data of the entry a LibarchivePass stands on, as a sequential device. Its error string is
// libarchive's reason. Checks the compression ratio of the whole pass, the only figure libarchive
// gives for formats that compress entries together (solid 7z and RAR).
class PassDevice final : public QIODevice
{
public:
    // `checkRatio`: false for formats that store data as it is (tar, cpio), where only a sparse
    // file's holes expand, which the entry and total size limits bound.
    PassDevice(std::shared_ptr<LibarchivePass> pass, const Limits &limits, bool checkRatio,
        const CancellationToken &token)
        : m_pass(std::move(pass))
        , m_limits(limits)
        , m_checkRatio(checkRatio)
        , m_token(token)
        , m_consumedAtStart(m_pass->consumed())
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 got = m_pass->decodesLargeBlocks() ? readDetached(data, maxSize) : m_pass->read(data, maxSize);
        if (got < 0 && m_pass->isAbandoned()) {
            setErrorString(QStringLiteral("cancelled"));
            return -1;
        }
        if (got < 0) {
            setErrorString(m_pass->errorString());
            return -1;
        }
        m_decoded += got;
        if (m_checkRatio && overRatio(m_decoded, m_pass->consumed() - m_consumedAtStart + 1, m_limits)
            && overRatio(m_decoded, m_pass->consumed(), m_limits)) {
            setErrorString(QStringLiteral("ratio"));
            m_overRatio = true;
            return -1;
        }
        return got;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

    // Decoding a block (900 kB of bzip2, a PPMd or LZMA chunk) runs inside one libarchive call
    // without reading input, so the token is not seen for tens of milliseconds: the read runs
    // detached into a buffer it owns, and a cancel returns at once, leaving the pass abandoned
    // (ArchiveReader starts a new one). Measured cost: one hand-over per 64 KiB.
    qint64 readDetached(char *data, qint64 maxSize)
    {
        auto buffer = std::make_shared<QByteArray>(maxSize, Qt::Uninitialized);
        auto result = callDetached<qint64>(
            [pass = m_pass, buffer]() -> Result<qint64> { return pass->read(buffer->data(), buffer->size()); },
            m_token);
        if (!result) {
            m_pass->abandon();
            return -1;
        }
        if (*result > 0)
            memcpy(data, buffer->constData(), size_t(*result));
        return *result;
    }

public:
    bool overRatioLimit() const { return m_overRatio; }
    qint64 packedEstimate() const { return m_pass->consumed() - m_consumedAtStart; }

private:
    std::shared_ptr<LibarchivePass> m_pass;
    Limits m_limits;
    bool m_checkRatio;
    CancellationToken m_token;
    qint64 m_consumedAtStart;
    qint64 m_decoded = 0;
    bool m_overRatio = false;
};

// Which engine reads which format: one table. KArchive reads ZIP and AR correctly and fast (a ZIP
// is listed from its central directory alone); libarchive reads everything else, and the ZIPs
// KArchive would get wrong (see zipcatalogue.h). KArchive's tar loses the members after the first
// of a multi-stream compressed tar and writes sparse files at their stored size, and its 7z
// ignores the BCJ, Delta and ARM filters and every CRC: tests/corpus/archive-diff.sh shows each
// against bsdtar.
struct Engine
{
    enum Kind { KZip, KAr, Libarchive } kind;
    LibarchiveFormat format = LibarchiveFormat::Tar;
    const char *name = "";
    // A compressed tar: decompressed first by decompress(), which checks every member.
    bool decompressFirst = false;
};

// libarchive's words for data it cannot decode at all (strong encryption, an unknown method).
bool isUnsupportedMethod(const QString &reason)
{
    return reason.contains(QLatin1String("Unknown encryption"), Qt::CaseInsensitive)
        || reason.contains(QLatin1String("not supported"), Qt::CaseInsensitive)
        || reason.contains(QLatin1String("Unsupported"), Qt::CaseInsensitive);
}

// A failure another engine or reader may do better with (not a cancel, a limit or a password).
bool isRecoverable(const Status &status)
{
    return status.code() == StatusCode::Corrupt || status.code() == StatusCode::Unsupported;
}

bool isRecoverableOrPassword(const Status &status)
{
    return status || isRecoverable(status) || status.code() == StatusCode::NeedsPassword;
}

struct EngineRow
{
    const char *mimeType;
    Engine engine;
};

using F = LibarchiveFormat;
// Most specific first: a compressed tar inherits its compression's type.
const EngineRow engineTable[] = {
        {"application/x-compressed-tar", {Engine::Libarchive, F::Tar, "TAR", true}},
        {"application/x-bzip-compressed-tar", {Engine::Libarchive, F::Tar, "TAR", true}},
        {"application/x-xz-compressed-tar", {Engine::Libarchive, F::Tar, "TAR", true}},
        {"application/x-lzma-compressed-tar", {Engine::Libarchive, F::Tar, "TAR", true}},
        {"application/x-zstd-compressed-tar", {Engine::Libarchive, F::Tar, "TAR", true}},
        {"application/x-tarz", {Engine::Libarchive, F::Tar, "TAR (compress)"}},
        {"application/x-lz4-compressed-tar", {Engine::Libarchive, F::Tar, "TAR (lz4)"}},
        {"application/x-lzip-compressed-tar", {Engine::Libarchive, F::Tar, "TAR (lzip)"}},
        {"application/x-tar", {Engine::Libarchive, F::Tar, "TAR"}},
        {"application/x-7z-compressed", {Engine::Libarchive, F::SevenZip, "7z"}},
        {"application/vnd.rar", {Engine::Libarchive, F::Rar, "RAR"}},
        {"application/x-rar", {Engine::Libarchive, F::Rar, "RAR"}},
        {"application/vnd.comicbook-rar", {Engine::Libarchive, F::Rar, "RAR"}},
        {"application/x-cd-image", {Engine::Libarchive, F::Iso9660, "ISO 9660"}},
        {"application/x-rpm", {Engine::Libarchive, F::Cpio, "RPM"}},
        {"application/x-cpio", {Engine::Libarchive, F::Cpio, "CPIO"}},
        {"application/x-cpio-compressed", {Engine::Libarchive, F::Cpio, "CPIO (gzip)"}},
        {"application/vnd.ms-cab-compressed", {Engine::Libarchive, F::Cab, "CAB"}},
        {"application/x-lha", {Engine::Libarchive, F::Lha, "LHA"}},
        {"application/x-lzh-compressed", {Engine::Libarchive, F::Lha, "LHA"}},
        {"application/x-xar", {Engine::Libarchive, F::Xar, "XAR"}},
        {"application/zip", {Engine::KZip, F::Zip, "ZIP"}},
        {"application/x-archive", {Engine::KAr, F::Tar, "AR"}},
        {"application/vnd.debian.binary-package", {Engine::KAr, F::Tar, "AR"}},
};

std::optional<Engine> engineFor(const QMimeType &type)
{
    for (const EngineRow &row : engineTable) {
        if (isOrInherits(type, row.mimeType))
            return row.engine;
    }
    return std::nullopt;
}

} // namespace

// --- EntryDevice -------------------------------------------------------------------------------

EntryDevice::EntryDevice(std::unique_ptr<QIODevice> source, const QString &what, qint64 declared, qint64 packed,
    const Limits &limits, const CancellationToken &token, bool encrypted, bool decodedUpFront)
    : m_source(std::move(source))
    , m_what(what)
    , m_declared(declared)
    , m_packed(packed)
    , m_limits(limits)
    , m_token(token)
    , m_encrypted(encrypted)
    , m_decodedUpFront(decodedUpFront)
{
    open(QIODevice::ReadOnly);
}

EntryDevice::~EntryDevice() = default;

qint64 EntryDevice::fail(Status status)
{
    m_status = std::move(status);
    setErrorString(m_status.message());
    return -1;
}

qint64 EntryDevice::readData(char *data, qint64 maxSize)
{
    if (!m_status)
        return -1;
    if (m_token.isCancelled())
        return fail(Status::fromToken(m_token));
    const bool known = m_declared >= 0;
    const qint64 got = m_source->read(data, known ? std::min(maxSize, m_declared - m_read + 1) : maxSize);
    if (m_token.isCancelled()) // KArchive's input ends early once cancelled: not damage
        return fail(Status::fromToken(m_token));
    if (got < 0) {
        if (const auto *pass = dynamic_cast<const PassDevice *>(m_source.get()); pass && pass->overRatioLimit())
            return fail(LimitErrors::ratio(m_what, -m_read, std::max<qint64>(pass->packedEstimate(), 1), m_limits));
        const QString reason = m_source->errorString();
        if (isUnsupportedMethod(reason))
            return fail({StatusCode::Unsupported, tr("%1 cannot be read: %2").arg(m_what, reason)});
        if (m_encrypted)
            return fail({StatusCode::NeedsPassword,
                tr("%1 cannot be decrypted: the password is wrong or missing (%2)").arg(m_what, reason)});
        return fail({StatusCode::Corrupt, tr("%1 cannot be read: %2").arg(m_what, m_source->errorString())});
    }
    m_read += got;
    if (known && m_read > m_declared)
        return fail({StatusCode::Corrupt,
            tr("%1 holds more data than the %2 its header declares").arg(m_what, bytesText(m_declared))});
    if (m_read > m_limits.maxEntrySize)
        return fail(LimitErrors::entrySize(m_what, -1, m_limits));
    if (m_packed >= 0 && overRatio(m_read, m_packed, m_limits))
        return fail(LimitErrors::ratio(m_what, -m_read, m_packed, m_limits));
    if (m_expectedCrc && got > 0)
        m_crc = quint32(crc32(m_crc, reinterpret_cast<const Bytef *>(data), uInt(got)));
    if (got == 0 && known && m_read < m_declared) {
        if (m_encrypted)
            return fail({StatusCode::NeedsPassword,
                tr("%1 cannot be decrypted: the password is wrong or the archive is damaged").arg(m_what)});
        // K7Zip decodes everything while opening and leaves entries empty when it cannot.
        if (m_decodedUpFront && m_read == 0)
            return fail({StatusCode::Corrupt,
                tr("%1 cannot be read: KArchive could not decode this 7z archive's data (a compression method it "
                   "does not support, or damage)")
                    .arg(m_what)});
        // KCompressionDevice ends damaged data like short data; the next read tells them apart.
        if (m_source->read(data, maxSize) < 0)
            return fail({StatusCode::Corrupt, tr("%1 is damaged: its compressed data cannot be decoded").arg(m_what)});
        return fail({StatusCode::Corrupt,
            tr("%1 is truncated: it ends after %2 of its %3").arg(m_what, bytesText(m_read), bytesText(m_declared))});
    }
    if (got == 0 && m_expectedCrc && m_crc != *m_expectedCrc)
        return fail({StatusCode::Corrupt,
            tr("%1 is damaged: its data does not match its CRC-32 (%2 stored, %3 computed)")
                .arg(m_what, QStringLiteral("%1").arg(*m_expectedCrc, 8, 16, QLatin1Char('0')),
                    QStringLiteral("%1").arg(m_crc, 8, 16, QLatin1Char('0')))});
    return got;
}

qint64 EntryDevice::writeData(const char *, qint64)
{
    return -1;
}

// --- ArchiveReader -----------------------------------------------------------------------------

ArchiveReader::ArchiveReader(const Limits &limits)
    : m_limits(limits)
{ }

ArchiveReader::~ArchiveReader() = default;

bool ArchiveReader::canRead(const QMimeType &type)
{
    return engineFor(type).has_value();
}

QStringList ArchiveReader::mimeTypes()
{
    QStringList types;
    for (const EngineRow &row : engineTable)
        types.append(QLatin1String(row.mimeType));
    return types;
}

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::open(std::unique_ptr<QIODevice> device, const QMimeType &type,
    const QString &password, const Limits &limits, const CancellationToken &token, const ProgressCallback &progress,
    const QByteArray &nameEncoding)
{
    if (!device || !device->isReadable())
        return Status(StatusCode::InvalidArgument, tr("No readable input"));
    const std::optional<Engine> engine = engineFor(type);
    if (!engine)
        return Status(StatusCode::Unsupported, tr("%1 is not an archive format Folio reads").arg(type.name()));

    std::shared_ptr<QIODevice> source = std::move(device);
    if (source->isSequential()) {
        // Both engines seek: keep a random-access copy.
        auto buffer = std::make_shared<QBuffer>();
        Result<QByteArray> data = readAll(*source, limits.maxInMemoryBytes, token);
        if (!data)
            return data.status();
        buffer->setData(std::move(data).value());
        buffer->open(QIODevice::ReadOnly);
        source = std::move(buffer);
    }
    std::unique_ptr<ArchiveReader> reader(new ArchiveReader(limits));
    reader->m_archiveSize = source->size();
    reader->m_formatName = QLatin1String(engine->name);
    reader->m_password = password;
    reader->m_nameEncoding = nameEncoding;
    reader->m_libFormat = engine->format;
    // A compressed tar is one compressed stream (of one or more members): decompress it first,
    // under the archive-wide limit, checking each member's CRC or check value.
    if (engine->decompressFirst) {
        if (const std::optional<Compression> compression = compressionFor(type)) {
            auto plain = decompress(*source, *compression, StreamBound::Total, tr("The archive"), limits, token, progress);
            if (!plain)
                return plain.status();
            source = std::shared_ptr<QIODevice>(std::move(plain).value());
            reader->m_formatName = QStringLiteral("TAR (%1)").arg(compressionName(*compression));
        }
    }
    const Format format = engine->kind == Engine::KZip ? Format::Zip
        : engine->kind == Engine::KAr                  ? Format::Ar
                                                       : Format::Libarchive;
    if (Status status = reader->load(std::move(source), format, password, token); !status)
        return status;
    if (progress)
        progress(reader->m_archiveSize, reader->m_archiveSize);
    return reader;
}

Status ArchiveReader::load(
    std::shared_ptr<QIODevice> source, Format format, const QString &password, const CancellationToken &token)
{
    m_format = format;
    m_source = std::move(source);
    std::optional<ZipCatalogue> catalogue;
    Status libarchiveFailure;
    if (format == Format::Zip) {
        auto read = readZipCatalogue(*m_source, m_limits, token);
        if (!read)
            return read.status();
        catalogue = std::move(read).value();
        // What KZip cannot read, or would read wrong, goes to libarchive (see zipcatalogue.h).
        bool kzipReads = catalogue.has_value();
        for (qsizetype i = 0; kzipReads && i < catalogue->info.size(); ++i) {
            const ZipEntryInfo &info = catalogue->info[i];
            const bool empty = catalogue->entries[i].packedSize == 0;
            if (info.encrypted || (info.method != 0 && info.method != 8 && !empty))
                kzipReads = false;
        }
        if (!kzipReads) {
            m_format = Format::Libarchive;
            m_libFormat = LibarchiveFormat::Zip;
            Status status = loadWithLibarchive(token);
            if (!status && isRecoverable(status) && hasZipEndRecord(*m_source, ZipEndSignature::Lenient)) {
                // A central directory libarchive cannot find (a damaged end record, stray bytes):
                // read the local headers, as bsdtar does. Without its end the ZIP was cut short,
                // and a listing of what is left would be silently incomplete.
                m_libFormat = LibarchiveFormat::ZipLocalHeaders;
                resetListing();
                status = loadWithLibarchive(token);
            }
            libarchiveFailure = status;
            if (status || catalogue || !isRecoverable(status))
                return status;
            // A ZIP libarchive cannot list either (damage in the central directory): KZip's
            // judgement, from its local headers.
            qCDebug(lcArchive) << "libarchive cannot list the ZIP:" << status.message() << "- trying KZip";
            m_format = Format::Zip;
            resetListing();
        }
    }
    if (m_format == Format::Libarchive) {
        const Status status = loadWithLibarchive(token);
        // libarchive lists an encrypted 7z but cannot decrypt it: K7Zip can.
        if (m_libFormat != LibarchiveFormat::SevenZip || !m_encrypted || !isRecoverableOrPassword(status))
            return status;
        qCDebug(lcArchive) << "encrypted 7z: reading it with K7Zip";
        m_format = Format::SevenZip;
        resetListing();
        // K7Zip decodes every entry into memory while opening: check the sizes it would decode first.
        if (Status check = checkSevenZip(*m_source, m_limits, token); !check)
            return check;
    }
    m_input = std::make_shared<CancellableDevice>(m_source, CancellableDevice::OnCancel::End, 64 * 1024);
    m_input->setToken(token);
    if (m_format == Format::Zip) {
        m_archive = std::make_shared<KZip>(m_input.get());
    } else if (m_format == Format::SevenZip) {
        auto sevenZip = std::make_shared<K7Zip>(m_input.get());
        if (!password.isEmpty())
            sevenZip->setPassword(password);
        m_archive = std::move(sevenZip);
    } else {
        m_archive = std::make_shared<KAr>(m_input.get());
    }
    QElapsedTimer timer;
    timer.start();
    if (catalogue) {
        std::vector<Found> found;
        found.reserve(size_t(catalogue->entries.size()));
        for (qsizetype i = 0; i < catalogue->entries.size(); ++i)
            found.push_back({std::move(catalogue->entries[i]), nullptr, catalogue->info[i].method,
                catalogue->info[i].encrypted, catalogue->info[i].crc32, -1});
        catalogue.reset(); // before adopt() allocates the sorted list: 100,000 entries are 15 MB
        adopt(std::move(found));
        qCDebug(lcArchive) << "ZIP catalogue:" << m_entries.size() << "entries in" << timer.elapsed() << "ms";
        return {};
    }
    if (Status status = openArchive(password, token); !status)
        return libarchiveFailure ? status : libarchiveFailure;
    const qint64 opened = timer.elapsed();
    if (Status status = collectEntries(token); !status)
        return status;
    qCDebug(lcArchive) << m_formatName << "archive:" << m_entries.size() << "entries;" << opened << "ms in KArchive,"
                       << timer.elapsed() - opened << "ms listing";
    return checkPassword(token);
}

void ArchiveReader::resetListing()
{
    m_pass.reset();
    m_entries.clear();
    m_nodes.clear();
    m_zipMethods.clear();
    m_crcs.clear();
    m_ordinals.clear();
    m_totalSize = 0;
    m_encrypted = false;
}

Status ArchiveReader::loadWithLibarchive(const CancellationToken &token)
{
    QElapsedTimer timer;
    timer.start();
    auto listed = listWithLibarchive(m_source, m_libFormat, m_password, m_limits, token, m_nameEncoding);
    if (!listed)
        return listed.status();
    std::vector<LibarchiveEntry> &entries = *listed;
    std::vector<Found> found;
    found.reserve(entries.size());
    // The data of a hard link is that of the last file of its target's path before it.
    QHash<QString, int> lastFile;
    QSet<QString> folders;
    for (size_t i = 0; i < entries.size(); ++i) {
        LibarchiveEntry &listedEntry = entries[i];
        Entry &entry = listedEntry.entry;
        const uint type = entry.mode & S_IFMT;
        if (entry.path.isEmpty() || (type != S_IFREG && type != S_IFDIR && type != S_IFLNK)) {
            // The archive's root folder ("./"), devices, FIFOs, sockets: nothing to show or save.
            if (!entry.path.isEmpty() || entry.kind != Entry::Kind::Directory)
                qCDebug(lcArchive) << "skipping entry" << i << entry.path << "of type" << Qt::oct << type;
            // A file without a name gets one, as K7Zip does (bsdtar skips it).
            if (entry.path.isEmpty() && entry.kind == Entry::Kind::File && type == S_IFREG)
                entry.path = entry.name = QStringLiteral("unnamed-%1").arg(i + 1);
            else
                continue;
        }
        int ordinal = int(i);
        if (!listedEntry.hardLinkTarget.isEmpty()) {
            ordinal = lastFile.value(listedEntry.hardLinkTarget, -2);
            entry.size = ordinal >= 0 ? entries[size_t(ordinal)].entry.size : 0;
        } else if (entry.kind == Entry::Kind::File) {
            lastFile.insert(entry.path, int(i));
        }
        if (entry.kind == Entry::Kind::Directory)
            folders.insert(entry.path);
        if (listedEntry.encrypted)
            m_encrypted = true;
        Found f {std::move(entry), nullptr, -1, listedEntry.encrypted, std::nullopt, -1};
        f.ordinal = ordinal;
        f.crc = ordinal >= 0 ? entries[size_t(ordinal)].uncheckedCrc : std::nullopt;
        found.push_back(std::move(f));
    }
    // Folders every path implies, as KArchive lists them.
    const size_t listedCount = found.size();
    for (size_t i = 0; i < listedCount; ++i) {
        QString path = found[i].entry.path;
        for (qsizetype slash = path.lastIndexOf(QLatin1Char('/')); slash > 0; slash = path.lastIndexOf(QLatin1Char('/'))) {
            path.truncate(slash);
            if (folders.contains(path))
                break;
            folders.insert(path);
            Entry folder;
            folder.kind = Entry::Kind::Directory;
            folder.path = path;
            folder.name = path.section(QLatin1Char('/'), -1);
            folder.mode = S_IFDIR | 0755;
            found.push_back({std::move(folder), nullptr, -1, false, std::nullopt, -1});
        }
    }
    adopt(std::move(found));
    qCDebug(lcArchive) << m_formatName << "archive through libarchive:" << m_entries.size() << "entries in"
                       << timer.elapsed() << "ms";
    return checkPassword(token);
}

Status ArchiveReader::openArchive(const QString &password, const CancellationToken &token)
{
    bool opened = false;
    if (m_format == Format::SevenZip) {
        // K7Zip decompresses the whole archive inside open() without reading its input again, so
        // nothing can interrupt it: it runs detached, owning what it touches, and a cancel returns
        // at once (see detachedcall.h).
        auto result = callDetached<bool>(
            // Captured in the order that destroys the archive first: it closes its input.
            [source = m_source, input = m_input, archive = m_archive]() -> Result<bool> {
                try {
                    return archive->open(QIODevice::ReadOnly);
                } catch (const std::bad_alloc &) {
                    // A damaged header can announce sizes no allocation satisfies.
                    return false;
                }
            },
            token);
        if (!result)
            return result.status();
        opened = *result;
    } else {
        opened = m_archive->open(QIODevice::ReadOnly);
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!m_input->sourceError().isEmpty())
        return {StatusCode::IoError, tr("Read error: %1").arg(m_input->sourceError())};
    if (m_format == Format::SevenZip) {
        const auto *sevenZip = static_cast<const K7Zip *>(m_archive.get());
        m_encrypted = sevenZip->passwordNeeded();
        if (!opened && m_encrypted)
            return {StatusCode::NeedsPassword,
                password.isEmpty()
                    ? tr("The 7z archive is encrypted and needs a password")
                    : tr("The password is wrong, or the 7z archive is damaged: %1").arg(m_archive->errorString())};
    }
    if (!opened) {
        const QString reason = m_archive->errorString();
        return {StatusCode::Corrupt,
            reason.isEmpty() ? tr("Not a readable %1 archive").arg(m_formatName)
                             : tr("Not a readable %1 archive: %2").arg(m_formatName, reason)};
    }
    m_archiveOpen = true;
    return {};
}

Status ArchiveReader::ensureOpen(const CancellationToken &token)
{
    if (m_archiveOpen)
        return {};
    m_input->setToken(token);
    if (Status status = openArchive(QString(), token); !status)
        return status;
    // Find each file of the catalogue in KArchive's tree: the paths were made the same way.
    const KArchiveDirectory *root = m_archive->directory();
    for (int i = 0; i < m_entries.size(); ++i) {
        if ((i & 4095) == 0 && token.isCancelled())
            return Status::fromToken(token);
        if (m_entries[i].kind != Entry::Kind::File)
            continue;
        const KArchiveEntry *node = root->entry(m_entries[i].path);
        m_nodes[size_t(i)] = node && node->isFile() ? node : nullptr;
    }
    return {};
}

Status ArchiveReader::collectEntries(const CancellationToken &token)
{
    std::vector<Found> found;
    qint64 count = 0;
    std::vector<std::pair<const KArchiveDirectory *, QString>> pending {{m_archive->directory(), QString()}};
    while (!pending.empty()) {
        const auto [directory, prefix] = pending.back();
        pending.pop_back();
        if (!directory)
            continue;
        const QStringList names = directory->entries();
        for (const QString &name : names) {
            if ((++count & 4095) == 0 && token.isCancelled())
                return Status::fromToken(token);
            const KArchiveEntry *node = directory->entry(name);
            if (!node)
                continue;
            if (m_limits.maxEntries > 0 && count > m_limits.maxEntries)
                continue; // keep counting for the message, keep nothing
            Entry entry;
            entry.path = prefix.isEmpty() ? name : prefix + QLatin1Char('/') + name;
            entry.name = name;
            entry.modified = node->date();
            entry.mode = uint(node->permissions());
            if (node->isDirectory()) {
                entry.kind = Entry::Kind::Directory;
                entry.mode = (entry.mode & 07777) | S_IFDIR;
                pending.emplace_back(static_cast<const KArchiveDirectory *>(node), entry.path);
            } else if (!node->symLinkTarget().isEmpty() || S_ISLNK(entry.mode)) {
                entry.kind = Entry::Kind::SymLink;
                entry.linkTarget = node->symLinkTarget();
                entry.mode = (entry.mode & 07777) | S_IFLNK;
            } else {
                const auto *file = static_cast<const KArchiveFile *>(node);
                entry.size = std::max<qint64>(file->size(), 0);
                if (m_format == Format::Zip)
                    entry.packedSize = static_cast<const KZipFileEntry *>(file)->compressedSize();
                // Formats without Unix modes (DOS-made ZIPs, 7z without the extension) say nothing.
                entry.mode = (entry.mode & 07777) | S_IFREG;
            }
            int method = -1;
            std::optional<quint32> crc;
            if (m_format == Format::Zip && entry.kind == Entry::Kind::File) {
                method = static_cast<const KZipFileEntry *>(node)->encoding();
                crc = static_cast<const KZipFileEntry *>(node)->crc32();
            }
            found.push_back({std::move(entry), node, method, false, crc, -1});
        }
    }
    if (m_limits.maxEntries > 0 && count > m_limits.maxEntries)
        return LimitErrors::entryCount(count, m_limits);
    adopt(std::move(found));
    return {};
}

void ArchiveReader::adopt(std::vector<Found> found)
{
    // Sorting indices moves ints, not entries.
    std::vector<int> order(found.size());
    std::iota(order.begin(), order.end(), 0);
    // A path held more than once keeps the archive's order.
    std::stable_sort(
        order.begin(), order.end(), [&found](int a, int b) { return found[a].entry.path < found[b].entry.path; });
    m_entries.reserve(qsizetype(found.size()));
    m_nodes.reserve(found.size());
    m_zipMethods.reserve(found.size());
    m_crcs.reserve(found.size());
    m_ordinals.reserve(found.size());
    for (int index : order) {
        Found &f = found[size_t(index)];
        if (f.entry.kind == Entry::Kind::File)
            m_totalSize += std::max<qint64>(f.entry.size, 0);
        m_entries.append(std::move(f.entry));
        m_nodes.push_back(f.node);
        m_zipMethods.emplace_back(f.method, f.encrypted);
        m_crcs.push_back(f.crc);
        m_ordinals.push_back(f.ordinal);
    }
}

Status ArchiveReader::checkPassword(const CancellationToken &token)
{
    if (!m_encrypted)
        return {};
    // Whether the password (or its absence) opens the data: try the first file.
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].kind == Entry::Kind::File && m_entries[i].size > 0) {
            // Only a missing or wrong password refuses the archive: an entry Folio cannot decrypt
            // at all is refused when it is read, and the others stay readable.
            const Result<QByteArray> head = readHead(i, 1, token);
            return head || head.status().code() != StatusCode::NeedsPassword ? Status() : head.status();
        }
    }
    return {};
}

QString ArchiveReader::describe(int index) const
{
    return tr("The entry “%1”").arg(m_entries[index].path);
}

Status ArchiveReader::checkZipEntry(int index)
{
    const auto [method, encrypted] = m_zipMethods[size_t(index)];
    if (method > 0 && method != 8 && m_entries[index].packedSize != 0)
        return {StatusCode::Unsupported,
            tr("%1 is compressed with %2, which Folio cannot read").arg(describe(index), zipMethodName(method))};
    if (encrypted)
        return {StatusCode::Unsupported,
            tr("%1 is encrypted; Folio cannot read encrypted ZIP entries").arg(describe(index))};
    const KArchiveEntry *node = m_nodes[size_t(index)];
    if (!node)
        return {};
    // Listed by KZip: the encryption flag is only in the local header (bit 0 of its flags).
    const auto *file = static_cast<const KZipFileEntry *>(node);
    QByteArray header(30, Qt::Uninitialized);
    if (m_input->seek(file->headerStart()) && m_input->read(header.data(), header.size()) == header.size()
        && header.startsWith("PK\3\4") && (uchar(header[6]) & 1))
        return {StatusCode::Unsupported,
            tr("%1 is encrypted; Folio cannot read encrypted ZIP entries").arg(describe(index))};
    return {};
}

Result<std::unique_ptr<EntryDevice>> ArchiveReader::openEntry(int index, const CancellationToken &token)
{
    if (index < 0 || index >= m_entries.size() || m_entries[index].kind != Entry::Kind::File)
        return Status(StatusCode::InvalidArgument, tr("Entry %1 is not a file in the archive").arg(index + 1));
    if (token.isCancelled())
        return Status::fromToken(token);
    const Entry &entry = m_entries[index];
    const QString what = describe(index);
    if (entry.size > m_limits.maxEntrySize)
        return LimitErrors::entrySize(what, entry.size, m_limits);
    if (entry.packedSize >= 0 && overRatio(entry.size, entry.packedSize, m_limits))
        return LimitErrors::ratio(what, entry.size, entry.packedSize, m_limits);
    if (m_format == Format::Libarchive)
        return openLibarchiveEntry(index, token);
    m_input->setToken(token);
    if (m_format == Format::Zip) {
        if (Status status = checkZipEntry(index); !status)
            return status;
    }
    if (Status status = ensureOpen(token); !status)
        return status;
    if (m_format == Format::Zip && m_zipMethods[size_t(index)].first < 0) {
        if (Status status = checkZipEntry(index); !status)
            return status;
    }
    const auto *file = static_cast<const KArchiveFile *>(m_nodes[size_t(index)]);
    if (!file)
        return Status(StatusCode::Corrupt, tr("%1 is not where the archive's directory says").arg(what));
    std::unique_ptr<QIODevice> device(file->createDevice());
    if (!device)
        return Status(StatusCode::Corrupt, tr("%1 cannot be read").arg(what));
    std::unique_ptr<EntryDevice> entryDevice(
        new EntryDevice(std::move(device), what, entry.size, entry.packedSize, m_limits, token, m_encrypted,
            m_format == Format::SevenZip));
    // KZip checks no CRC; the central directory's is checked here (a ZIP KZip listed itself,
    // without one, is rare: a damaged or self-extracting archive).
    if (m_format == Format::Zip && m_crcs[size_t(index)] && m_zipMethods[size_t(index)].first >= 0)
        entryDevice->expectCrc32(*m_crcs[size_t(index)]);
    return entryDevice;
}

Result<std::unique_ptr<EntryDevice>> ArchiveReader::openLibarchiveEntry(int index, const CancellationToken &token)
{
    const Entry &entry = m_entries[index];
    const QString what = describe(index);
    const int ordinal = m_ordinals[size_t(index)];
    if (ordinal < 0)
        return Status(StatusCode::Corrupt, tr("%1 is a hard link to a file the archive does not hold").arg(what));
    // libarchive reads forward: go on from where the pass stands, or start a new one.
    if (!m_pass || m_pass->isAbandoned() || m_pass->position() >= ordinal) {
        m_pass.reset();
        auto pass = LibarchivePass::start(m_source, m_libFormat, m_password, token, m_sourceLock);
        if (!pass)
            return pass.status();
        m_pass = std::move(pass).value();
    }
    m_pass->setToken(token);
    LibarchiveEntry header;
    while (m_pass->position() < ordinal) {
        Result<bool> more = m_pass->next(header);
        if (!more || !*more) {
            m_pass.reset();
            if (!more)
                return more.status();
            return Status(StatusCode::Corrupt, tr("%1 is not where the archive's listing said").arg(what));
        }
    }
    const bool encrypted = m_zipMethods[size_t(index)].second;
    std::unique_ptr<EntryDevice> device(new EntryDevice(
        std::make_unique<PassDevice>(m_pass, m_limits,
            m_libFormat != LibarchiveFormat::Tar && m_libFormat != LibarchiveFormat::Cpio, token),
        what, entry.size, -1, m_limits, token, encrypted));
    if (const std::optional<quint32> crc = m_crcs[size_t(index)])
        device->expectCrc32(*crc);
    return device;
}

Result<QByteArray> ArchiveReader::readEntry(int index, qint64 maxBytes, const CancellationToken &token)
{
    auto device = openEntry(index, token);
    if (!device)
        return device.status();
    const qint64 size = (*device)->declaredSize();
    if (size > maxBytes)
        return Status(StatusCode::LimitExceeded,
            tr("%1 is %2, more than the %3 Folio reads into memory")
                .arg(describe(index), bytesText(size), bytesText(maxBytes)));
    if (size < 0) { // a format that does not say
        Result<QByteArray> all = folio::readAll(**device, maxBytes, token);
        if (!all && (*device)->status().code() != StatusCode::Ok)
            return (*device)->status();
        return all;
    }
    QByteArray data(size, Qt::Uninitialized);
    qint64 done = 0;
    while (done < size) {
        const qint64 got = (*device)->read(data.data() + done, std::min(CopyChunk, size - done));
        if (got <= 0)
            return (*device)->status() ? Status(StatusCode::Corrupt, tr("%1 is truncated").arg(describe(index)))
                                       : (*device)->status();
        done += got;
    }
    // The entry must end where it says it does.
    char extra;
    if ((*device)->read(&extra, 1) != 0)
        return (*device)->status() ? Status(StatusCode::Corrupt, tr("%1 is damaged").arg(describe(index)))
                                   : (*device)->status();
    return data;
}

Result<QByteArray> ArchiveReader::readHead(int index, qint64 bytes, const CancellationToken &token)
{
    auto device = openEntry(index, token);
    if (!device)
        return device.status();
    const qint64 declared = (*device)->declaredSize();
    QByteArray data(declared < 0 ? bytes : std::min(bytes, declared), Qt::Uninitialized);
    qint64 done = 0;
    while (done < data.size()) {
        const qint64 got = (*device)->read(data.data() + done, data.size() - done);
        if (got < 0)
            return (*device)->status();
        if (got == 0)
            break;
        done += got;
    }
    data.resize(done);
    return data;
}

Status ArchiveReader::copyEntry(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    auto device = openEntry(index, token);
    if (!device)
        return device.status();
    const qint64 size = (*device)->declaredSize();
    // One byte more than declared shows an entry that holds more than it says. Copies go in
    // 64 KiB pieces: measured against 1 MiB, large writes cost the kernel several times more
    // (1 GiB extracted: 1.8 s of write() against 0.2 s), and they stay in the CPU cache.
    QByteArray chunk(size < 0 ? CopyChunkSize : std::min(CopyChunkSize, size + 1), Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        const qint64 got = (*device)->read(chunk.data(), chunk.size());
        if (got < 0)
            return (*device)->status();
        if (got == 0)
            break;
        if (out.write(chunk.constData(), got) != got)
            return {StatusCode::IoError, tr("Write error: %1").arg(out.errorString())};
        done += got;
        if (progress)
            progress(done, size);
    }
    return {};
}

} // namespace folio::archive
