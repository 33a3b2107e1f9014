// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/archive/archivereader.h"

#include <archive.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace folio::archive {

// The formats libarchive reads for Folio, chosen in ArchiveReader::open() (see engineFor()).
enum class LibarchiveFormat {
    Tar, // plain tar, or compressed with a filter libarchive reads (.Z, lz4, lzip)
    SevenZip,
    Rar, // RAR 4 and RAR 5
    Zip, // the ZIPs KArchive cannot read correctly (zipcatalogue.h says which), from the central directory
    ZipLocalHeaders, // a ZIP whose central directory libarchive cannot use, from its local headers
    Iso9660,
    Cpio, // also an RPM's payload
    Cab,
    Lha,
    Xar,
    Raw, // one compressed stream (compress, lz4, lzip): the data of its one entry
};

// What listing an archive through libarchive found, in the archive's own order.
struct LibarchiveEntry
{
    Entry entry;
    bool encrypted = false;
    QString hardLinkTarget; // a hard link: its data is that of the last earlier file of this path
    // The stored name when it is not in the archive's declared character set (legacy code pages):
    // listWithLibarchive() decodes these together (see decodeLegacyNames()).
    QByteArray rawPath;
    // Where the header is in the archive (archive_read_header_position()).
    qint64 headerOffset = -1;
    // The CRC-32 of data libarchive reads without checking (RAR 4 stored entries): see
    // findUncheckedCrcs().
    std::optional<quint32> uncheckedCrc;
};

// One pass over an archive with libarchive: headers in order, and the data of the current one.
// Reads its input through the token: a cancel makes the next read fail, so libarchive returns at
// once, also in the middle of decoding an entry. Only the formats and filters Folio names are
// enabled (never mtree, which reads files named in the archive from the disk, nor a filter that
// runs an external program).
//
// Not thread-safe: one thread at a time. Shared between the reader and its open entry device.
class LibarchivePass
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::LibarchivePass)
public:
    // Starts a pass at the beginning of `source` (random-access). Passes over one source share
    // `sourceLock` (one is made when none is given): each keeps its own position and reads under
    // the lock, so a pass abandoned on cancellation, still finishing a read on another thread,
    // never moves a newer pass's position.
    static Result<std::shared_ptr<LibarchivePass>> start(std::shared_ptr<QIODevice> source, LibarchiveFormat format,
        const QString &password, const CancellationToken &token,
        std::shared_ptr<std::mutex> sourceLock = std::make_shared<std::mutex>());
    ~LibarchivePass();
    LibarchivePass(const LibarchivePass &) = delete;
    LibarchivePass &operator=(const LibarchivePass &) = delete;

    void setToken(const CancellationToken &token) { m_token = token; }
    // Moves to the next header: true with `out` filled, false at the end, or an error (Corrupt
    // with libarchive's words, NeedsPassword, cancellation).
    Result<bool> next(LibarchiveEntry &out);
    // The header the pass stands on (0-based, -1 before the first).
    int position() const { return m_position; }
    // Reads data of the current entry; 0 at its end, -1 on failure (then error()).
    qint64 read(char *data, qint64 maxSize);
    Status error(const QString &what) const;
    // libarchive's own words for the last failure.
    QString errorString() const;
    // Bytes read from the archive so far, for the compression ratio of what was decoded.
    qint64 consumed() const { return m_consumed; }
    // Whether decoding one entry can take long between two reads of the input (7z, RAR, CAB,
    // ZIP methods such as bzip2 decode blocks of up to megabytes at once): its reads are then
    // detached (see PassDevice), so that a cancel returns at once.
    bool decodesLargeBlocks() const { return m_largeBlocks; }
    // Set when a read was abandoned on cancellation and may still be running: the pass must not
    // be used again.
    void abandon() { m_abandoned = true; }
    bool isAbandoned() const { return m_abandoned; }

private:
    LibarchivePass(std::shared_ptr<QIODevice> source, const CancellationToken &token);
    static la_ssize_t readCallback(struct archive *, void *self, const void **buffer);
    static la_int64_t seekCallback(struct archive *, void *self, la_int64_t offset, int whence);
    static la_int64_t skipCallback(struct archive *, void *self, la_int64_t request);

    std::shared_ptr<QIODevice> m_source;
    std::shared_ptr<std::mutex> m_sourceLock;
    qint64 m_offset = 0; // this pass's position in m_source
    CancellationToken m_token;
    struct archive *m_archive = nullptr;
    QByteArray m_buffer;
    QString m_sourceError;
    qint64 m_consumed = 0;
    int m_position = -1;
    bool m_unixTypes = true; // the format stores devices, FIFOs and sockets
    bool m_largeBlocks = false;
    std::atomic<bool> m_abandoned {false};
    bool m_zipNames = false; // '\' separates folders (ZIP, CAB, LHA: names made on DOS)
};

// Lists `source` completely (a pass over every header; data is skipped, seeking where the format
// allows). Fails on the first header libarchive cannot read, with its words.
// `nameEncoding` overrides the detected code page of names stored without one.
Result<std::vector<LibarchiveEntry>> listWithLibarchive(const std::shared_ptr<QIODevice> &source,
    LibarchiveFormat format, const QString &password, const Limits &limits, const CancellationToken &token,
    const QByteArray &nameEncoding = {});

// Decodes names stored in an undeclared legacy code page: the code page is detected from all of
// them together (uchardet); names made on DOS (`dosNames`: ZIP, CAB, LHA) keep a detected OEM or
// East Asian code page and are otherwise CP437, the default the ZIP specification names; other
// names fall back to Latin-1. Returns the code page used.
QByteArray decodeLegacyNames(std::vector<LibarchiveEntry> &entries, bool dosNames, const QByteArray &chosen = {});

// The entry `path` of a libarchive listing: relative, '/'-separated, without "." components or a
// leading '/', "a/../b" resolved to "b" (a ".." that climbs out is kept as a name: extraction
// sanitises it, see sanitizeRelativePath()).
QString normaliseEntryPath(QString path, bool backslashSeparates);

} // namespace folio::archive
