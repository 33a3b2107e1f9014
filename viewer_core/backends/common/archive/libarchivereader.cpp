// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/archive/libarchivereader.h"

#include "backends/common/archive/archivelimits.h"

#include <archive_entry.h>
#include <uchardet/uchardet.h>

#include <QDateTime>
#include <QHash>
#include <QtEndian>

#include <cerrno>
#include <iconv.h>
#include <sys/stat.h>

namespace folio::archive {

namespace {

// What libarchive asks of the input at a time: large enough that reads cost nothing, small enough
// that a cancel is seen within a few milliseconds of decoding.
constexpr qint64 PassBlock = 64 * 1024;

int enableFormat(struct archive *a, LibarchiveFormat format)
{
    switch (format) {
    case LibarchiveFormat::Tar:
        return archive_read_support_format_tar(a);
    case LibarchiveFormat::SevenZip:
        return archive_read_support_format_7zip(a);
    case LibarchiveFormat::Rar:
        if (int status = archive_read_support_format_rar(a); status != ARCHIVE_OK)
            return status;
        return archive_read_support_format_rar5(a);
    case LibarchiveFormat::Zip:
        return archive_read_support_format_zip_seekable(a);
    case LibarchiveFormat::ZipLocalHeaders:
        return archive_read_support_format_zip_streamable(a);
    case LibarchiveFormat::Iso9660:
        return archive_read_support_format_iso9660(a);
    case LibarchiveFormat::Cpio:
        return archive_read_support_format_cpio(a);
    case LibarchiveFormat::Cab:
        return archive_read_support_format_cab(a);
    case LibarchiveFormat::Lha:
        return archive_read_support_format_lha(a);
    case LibarchiveFormat::Xar:
        return archive_read_support_format_xar(a);
    case LibarchiveFormat::Raw:
        return archive_read_support_format_raw(a);
    }
    return ARCHIVE_FATAL;
}

// The stream filters an archive may be wrapped in. Each is built into Debian's libarchive with its
// library; ARCHIVE_WARN would mean an external program, which Folio never runs.
bool enableFilters(struct archive *a)
{
    for (auto enable : {archive_read_support_filter_none, archive_read_support_filter_gzip,
             archive_read_support_filter_bzip2, archive_read_support_filter_xz, archive_read_support_filter_lzma,
             archive_read_support_filter_zstd, archive_read_support_filter_compress, archive_read_support_filter_lzip,
             archive_read_support_filter_lz4, archive_read_support_filter_rpm}) {
        if (enable(a) != ARCHIVE_OK)
            return false;
    }
    return true;
}

QString fromArchive(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace

QString normaliseEntryPath(QString path, bool backslashSeparates)
{
    if (backslashSeparates)
        path.replace(QLatin1Char('\\'), QLatin1Char('/'));
    // As KArchive does: "a/../b" is "b"; a ".." that climbs out stays, a name for extraction to
    // drop (sanitizeRelativePath()).
    QStringList kept;
    for (const QString &component : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (component == QLatin1String("."))
            continue;
        if (component == QLatin1String("..") && !kept.isEmpty() && kept.constLast() != QLatin1String(".."))
            kept.removeLast();
        else
            kept.append(component);
    }
    return kept.join(QLatin1Char('/'));
}

namespace {

// `raw` converted from `codePage` by iconv; empty when it cannot be.
QString fromCodePage(const QByteArray &raw, const QByteArray &codePage)
{
    iconv_t converter = iconv_open("UTF-8", codePage.constData());
    if (converter == iconv_t(-1))
        return {};
    QByteArray out(raw.size() * 4 + 4, Qt::Uninitialized);
    char *in = const_cast<char *>(raw.constData());
    size_t inLeft = size_t(raw.size());
    char *to = out.data();
    size_t outLeft = size_t(out.size());
    const size_t done = iconv(converter, &in, &inLeft, &to, &outLeft);
    iconv_close(converter);
    if (done == size_t(-1))
        return {};
    out.truncate(out.size() - qsizetype(outLeft));
    return QString::fromUtf8(out);
}

// libarchive reads the data of RAR 4 entries stored without compression (-m0, as comic books
// of JPEG pages often are) without checking its CRC-32. Walks the RAR 4 blocks (each one's size is
// in its header) and sets the stored entries' CRC for the reader to check, matching them by the
// header positions libarchive reports (it reports 0 for the first). Entries split over volumes
// are left alone.
void findUncheckedCrcs(QIODevice &source, std::vector<LibarchiveEntry> &entries, const CancellationToken &token)
{
    constexpr qint64 Marker = 7;
    if (!source.seek(0) || source.read(Marker) != QByteArrayLiteral("Rar!\x1a\x07\x00"))
        return;
    struct Stored
    {
        quint32 crc;
        bool checkable;
    };
    QHash<qint64, Stored> byOffset;
    qint64 firstFile = -1;
    qint64 at = Marker;
    const qint64 size = source.size();
    for (int blocks = 0; at + 7 <= size && blocks < 10'000'000; ++blocks) {
        if ((blocks & 4095) == 0 && token.isCancelled())
            return;
        if (!source.seek(at))
            return;
        const QByteArray head = source.read(32);
        if (head.size() < 7)
            return;
        const auto u16 = [&head](int offset) { return qFromLittleEndian<quint16>(head.constData() + offset); };
        const auto u32 = [&head](int offset) { return qFromLittleEndian<quint32>(head.constData() + offset); };
        const int type = uchar(head[2]);
        const quint16 flags = u16(3);
        const qint64 headSize = u16(5);
        qint64 addSize = 0;
        if (headSize < 7)
            return;
        if ((flags & 0x8000) && head.size() >= 11)
            addSize = u32(7);
        if (type == 0x74 && head.size() >= 26) {
            if (firstFile < 0)
                firstFile = at;
            const bool split = flags & 0x03; // continued from or in the next volume
            const bool stored = uchar(head[25]) == 0x30;
            const bool large = flags & 0x100; // 64-bit sizes: not worth a special case
            byOffset.insert(at, {u32(16), stored && !split && !large && !(flags & 0x04) /* encrypted */});
        }
        if (type == 0x7B) // end of archive
            break;
        at += headSize + addSize;
    }
    for (LibarchiveEntry &entry : entries) {
        const qint64 offset = entry.headerOffset == 0 ? firstFile : entry.headerOffset;
        const auto found = byOffset.constFind(offset);
        if (found != byOffset.constEnd() && found->checkable && entry.entry.kind == Entry::Kind::File
            && entry.hardLinkTarget.isEmpty())
            entry.uncheckedCrc = found->crc;
    }
}

// The code page of `names` (newline-separated), see decodeLegacyNames().
QByteArray detectCodePage(const QByteArray &names, bool dosNames)
{
    QByteArray codePage;
    if (uchardet_t detector = uchardet_new()) {
        if (uchardet_handle_data(detector, names.constData(), size_t(names.size())) == 0) {
            uchardet_data_end(detector);
            codePage = uchardet_get_charset(detector);
        }
        uchardet_delete(detector);
    }
    // Names made on DOS or Windows are in the OEM code page: CP437 in the West, IBM866 in Russia,
    // Shift_JIS in Japan, GBK in China... uchardet tells the Cyrillic and East Asian ones apart
    // well but takes a few CP437 letters for a Mac or ANSI code page, which no ZIP tool writes.
    const bool ansiGuess = codePage.startsWith("WINDOWS-") || codePage.startsWith("ISO-8859")
        || codePage.startsWith("MAC-") || codePage.startsWith("MACINTOSH");
    if (codePage.isEmpty() || codePage == "ASCII" || codePage == "UTF-8" || (dosNames && ansiGuess))
        codePage = dosNames ? QByteArrayLiteral("CP437") : QByteArrayLiteral("ISO-8859-1");
    return codePage;
}

} // namespace

QByteArray decodeLegacyNames(std::vector<LibarchiveEntry> &entries, bool dosNames, const QByteArray &chosen)
{
    QByteArray all;
    for (const LibarchiveEntry &entry : entries) {
        if (!entry.rawPath.isEmpty())
            all += entry.rawPath + '\n';
    }
    if (all.isEmpty())
        return {};
    const QByteArray codePage = chosen.isEmpty() ? detectCodePage(all, dosNames) : chosen;
    for (LibarchiveEntry &entry : entries) {
        if (entry.rawPath.isEmpty())
            continue;
        QString decoded = fromCodePage(entry.rawPath, codePage);
        if (decoded.isEmpty())
            decoded = QString::fromLatin1(entry.rawPath);
        entry.entry.path = normaliseEntryPath(decoded, dosNames);
        entry.entry.name = entry.entry.path.section(QLatin1Char('/'), -1);
    }
    qCDebug(lcArchive) << "entry names decoded from" << codePage;
    return codePage;
}

// --- LibarchivePass ----------------------------------------------------------------------------

LibarchivePass::LibarchivePass(std::shared_ptr<QIODevice> source, const CancellationToken &token)
    : m_source(std::move(source))
    , m_token(token)
    , m_buffer(PassBlock, Qt::Uninitialized)
{ }

LibarchivePass::~LibarchivePass()
{
    if (m_archive)
        archive_read_free(m_archive);
}

Result<std::shared_ptr<LibarchivePass>> LibarchivePass::start(std::shared_ptr<QIODevice> source,
    LibarchiveFormat format, const QString &password, const CancellationToken &token,
    std::shared_ptr<std::mutex> sourceLock)
{
    std::shared_ptr<LibarchivePass> pass(new LibarchivePass(std::move(source), token));
    pass->m_sourceLock = std::move(sourceLock);
    pass->m_largeBlocks = format != LibarchiveFormat::Tar && format != LibarchiveFormat::Cpio
        && format != LibarchiveFormat::Iso9660 && format != LibarchiveFormat::Raw;
    pass->m_archive = archive_read_new();
    if (!pass->m_archive)
        return Status(StatusCode::IoError, tr("Out of memory"));
    // Formats that hold no devices or FIFOs: whatever type libarchive guesses for an entry
    // without attributes (a nameless 7z entry reads as a FIFO), it is a file.
    pass->m_unixTypes = format == LibarchiveFormat::Tar || format == LibarchiveFormat::Cpio
        || format == LibarchiveFormat::Iso9660 || format == LibarchiveFormat::Xar;
    pass->m_zipNames = format == LibarchiveFormat::Zip || format == LibarchiveFormat::ZipLocalHeaders
        || format == LibarchiveFormat::Cab
        || format == LibarchiveFormat::Lha;
    struct archive *a = pass->m_archive;
    if (enableFormat(a, format) != ARCHIVE_OK || !enableFilters(a))
        return Status(StatusCode::Unsupported,
            tr("This system's libarchive cannot read this format without an external program"));
    if (!password.isEmpty())
        archive_read_add_passphrase(a, password.toUtf8().constData());
    archive_read_set_callback_data(a, pass.get());
    archive_read_set_read_callback(a, &LibarchivePass::readCallback);
    if (!pass->m_source->isSequential()) {
        archive_read_set_seek_callback(a, &LibarchivePass::seekCallback);
        archive_read_set_skip_callback(a, &LibarchivePass::skipCallback);
    }
    if (pass->m_source->isSequential() && pass->m_source->pos() != 0)
        return Status(StatusCode::IoError, tr("Read error: %1").arg(QStringLiteral("not at the start")));
    if (archive_read_open1(a) != ARCHIVE_OK) {
        if (token.isCancelled())
            return Status::fromToken(token);
        return pass->error(tr("The archive"));
    }
    return pass;
}

la_ssize_t LibarchivePass::readCallback(struct archive *a, void *self, const void **buffer)
{
    auto *pass = static_cast<LibarchivePass *>(self);
    if (pass->m_token.isCancelled()) {
        archive_set_error(a, ECANCELED, "cancelled");
        return -1;
    }
    QIODevice &source = *pass->m_source;
    qint64 got = -1;
    {
        std::lock_guard lock(*pass->m_sourceLock);
        if (source.isSequential() || source.pos() == pass->m_offset || source.seek(pass->m_offset))
            got = source.read(pass->m_buffer.data(), pass->m_buffer.size());
    }
    if (got < 0) {
        pass->m_sourceError = source.errorString();
        archive_set_error(a, EIO, "%s", qPrintable(pass->m_sourceError));
        return -1;
    }
    pass->m_offset += got;
    pass->m_consumed += got;
    *buffer = pass->m_buffer.constData();
    return got;
}

la_int64_t LibarchivePass::seekCallback(struct archive *, void *self, la_int64_t offset, int whence)
{
    auto *pass = static_cast<LibarchivePass *>(self);
    const qint64 size = pass->m_source->size();
    qint64 target = offset;
    if (whence == SEEK_CUR)
        target += pass->m_offset;
    else if (whence == SEEK_END)
        target += size;
    if (target < 0 || target > size)
        return ARCHIVE_FATAL;
    pass->m_offset = target;
    return target;
}

la_int64_t LibarchivePass::skipCallback(struct archive *, void *self, la_int64_t request)
{
    auto *pass = static_cast<LibarchivePass *>(self);
    const qint64 target = std::min<qint64>(pass->m_offset + request, pass->m_source->size());
    const qint64 skipped = target - pass->m_offset;
    if (skipped <= 0)
        return 0;
    pass->m_offset = target;
    return skipped;
}

Result<bool> LibarchivePass::next(LibarchiveEntry &out)
{
    struct archive_entry *header = nullptr;
    int status = archive_read_next_header(m_archive, &header);
    if (status == ARCHIVE_EOF)
        return false;
    if (m_token.isCancelled())
        return Status::fromToken(m_token);
    if (status == ARCHIVE_RETRY) // a damaged header libarchive skipped: try the next
        status = archive_read_next_header(m_archive, &header);
    if (status < ARCHIVE_WARN || !header)
        return error(tr("The archive"));
    if (status == ARCHIVE_WARN)
        qCDebug(lcArchive) << "libarchive:" << archive_error_string(m_archive);
    ++m_position;
    out = {};
    out.headerOffset = archive_read_header_position(m_archive);
    Entry &entry = out.entry;
    QString path = fromArchive(archive_entry_pathname_utf8(header));
    if (path.isEmpty()) {
        out.rawPath = QByteArray(archive_entry_pathname(header));
        path = QString::fromLatin1(out.rawPath);
    }
    entry.path = normaliseEntryPath(path, m_zipNames);
    entry.name = entry.path.section(QLatin1Char('/'), -1);
    if (archive_entry_mtime_is_set(header))
        entry.modified = QDateTime::fromSecsSinceEpoch(archive_entry_mtime(header), Qt::UTC);
    const uint mode = uint(archive_entry_mode(header));
    const uint type = uint(archive_entry_filetype(header));
    out.encrypted = archive_entry_is_encrypted(header);
    if (const char *target = archive_entry_hardlink_utf8(header); target && *target) {
        entry.kind = Entry::Kind::File;
        out.hardLinkTarget = normaliseEntryPath(QString::fromUtf8(target), m_zipNames);
        entry.mode = (mode & 07777) | S_IFREG;
    } else if (type == AE_IFDIR) {
        entry.kind = Entry::Kind::Directory;
        entry.mode = (mode & 07777) | S_IFDIR;
    } else if (type == AE_IFLNK) {
        entry.kind = Entry::Kind::SymLink;
        entry.linkTarget = fromArchive(archive_entry_symlink_utf8(header));
        entry.mode = (mode & 07777) | S_IFLNK;
    } else if (type == AE_IFREG || type == 0 || !m_unixTypes) {
        entry.kind = Entry::Kind::File;
        // Sparse files: the size with their holes, which reading fills with zeros.
        entry.size = archive_entry_size_is_set(header) ? std::max<qint64>(archive_entry_size(header), 0) : -1;
        entry.mode = (mode & 07777) | S_IFREG;
    } else {
        // Devices, FIFOs and sockets: nothing a viewer can show or should create.
        entry.kind = Entry::Kind::SymLink;
        entry.mode = mode;
    }
    return true;
}

qint64 LibarchivePass::read(char *data, qint64 maxSize)
{
    const la_ssize_t got = archive_read_data(m_archive, data, size_t(maxSize));
    if (got < 0 && archive_errno(m_archive) == 0 && got == ARCHIVE_WARN)
        return 0;
    return got < 0 ? -1 : qint64(got);
}

Status LibarchivePass::error(const QString &what) const
{
    if (m_token.isCancelled())
        return Status::fromToken(m_token);
    if (!m_sourceError.isEmpty())
        return {StatusCode::IoError, tr("Read error: %1").arg(m_sourceError)};
    const QString reason = fromArchive(archive_error_string(m_archive));
    const QString lower = reason.toLower();
    if (lower.contains(QLatin1String("passphrase")) || lower.contains(QLatin1String("password"))
        || lower.contains(QLatin1String("encrypt")) || lower.contains(QLatin1String("decrypt")))
        return {StatusCode::NeedsPassword,
            tr("%1 is encrypted and the password is missing or wrong (%2)").arg(what, reason)};
    if (lower.contains(QLatin1String("unsupported")) || lower.contains(QLatin1String("not supported")))
        return {StatusCode::Unsupported, tr("%1 cannot be read: %2").arg(what, reason)};
    return {StatusCode::Corrupt,
        reason.isEmpty() ? tr("%1 is damaged").arg(what) : tr("%1 cannot be read: %2").arg(what, reason)};
}

QString LibarchivePass::errorString() const
{
    if (!m_sourceError.isEmpty())
        return m_sourceError;
    return fromArchive(archive_error_string(m_archive));
}

Result<std::vector<LibarchiveEntry>> listWithLibarchive(const std::shared_ptr<QIODevice> &source,
    LibarchiveFormat format, const QString &password, const Limits &limits, const CancellationToken &token,
    const QByteArray &nameEncoding)
{
    auto pass = LibarchivePass::start(source, format, password, token);
    if (!pass)
        return pass.status();
    std::vector<LibarchiveEntry> entries;
    qint64 count = 0;
    for (;;) {
        LibarchiveEntry entry;
        Result<bool> more = (*pass)->next(entry);
        if (!more)
            return more.status();
        if (!*more)
            break;
        if (limits.maxEntries > 0 && ++count > limits.maxEntries)
            continue; // keep counting for the message, keep nothing
        entries.push_back(std::move(entry));
    }
    if (limits.maxEntries > 0 && count > limits.maxEntries)
        return LimitErrors::entryCount(count, limits);
    if (format == LibarchiveFormat::Rar)
        findUncheckedCrcs(*source, entries, token);
    decodeLegacyNames(entries,
        format == LibarchiveFormat::Zip || format == LibarchiveFormat::ZipLocalHeaders
            || format == LibarchiveFormat::Cab || format == LibarchiveFormat::Lha,
        nameEncoding);
    return entries;
}

} // namespace folio::archive
