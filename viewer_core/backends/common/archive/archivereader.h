// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QMimeType>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class KArchive;
class KArchiveEntry;

namespace folio {
class CancellableDevice;
}

namespace folio::archive {

class LibarchivePass;
enum class LibarchiveFormat;

// One entry of an archive as KArchive sees it.
struct Entry
{
    enum class Kind { File, Directory, SymLink };
    Kind kind = Kind::File;
    // Relative, '/'-separated (a ZIP's '\\' too): a leading '/' is gone, "a/./b" is "a/b"; ".."
    // components are kept as names (so extraction must sanitise, see StagedOutput). An archive
    // may hold a path more than once: each is an entry.
    QString path;
    QString name; // the last component of path
    qint64 size = 0; // uncompressed bytes as the archive declares them (a sparse file's with its holes); 0 for folders and links
    qint64 packedSize = -1; // stored bytes; -1 where the format keeps no per-entry figure (tar, 7z, ar)
    QDateTime modified;
    uint mode = 0; // st_mode bits: file type and permissions
    QString linkTarget; // symbolic links only
    // A hard link is a File whose data is the target's; listed under its own path.
};

// The content of one file entry as a sequential device, checked while it streams: reads fail as
// soon as the data passes its declared size (Corrupt), the entry size limit or the compression
// ratio limit (LimitExceeded), or the token is cancelled, and status() says why. Memory stays at
// one chunk whatever the entry expands to. Ending short of the declared size fails too (Corrupt).
//
// Reads through its ArchiveReader, which must outlive it; one entry device at a time per reader.
class EntryDevice final : public QIODevice
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::EntryDevice)
public:
    ~EntryDevice() override;

    bool isSequential() const override { return true; }
    // Ok unless a read failed; then the reason.
    const Status &status() const { return m_status; }
    qint64 declaredSize() const { return m_declared; } // -1 where the format does not say

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    friend class ArchiveReader;
    EntryDevice(std::unique_ptr<QIODevice> source, const QString &what, qint64 declared, qint64 packed,
        const Limits &limits, const CancellationToken &token, bool encrypted, bool decodedUpFront = false);
    // Checks the data against a CRC-32 when it ends (ZIP entries KArchive reads, which it does not
    // check itself).
    void expectCrc32(quint32 crc) { m_expectedCrc = crc; }
    qint64 fail(Status status);

    std::unique_ptr<QIODevice> m_source;
    QString m_what;
    qint64 m_declared;
    qint64 m_packed;
    Limits m_limits;
    CancellationToken m_token;
    bool m_encrypted;
    bool m_decodedUpFront; // K7Zip decoded the data while opening
    qint64 m_read = 0;
    std::optional<quint32> m_expectedCrc;
    quint32 m_crc = 0;
    Status m_status;
};

// Reads archives under the token and the safety limits: the shared layer of the archive, comic
// book and e-book backends. Two engines, chosen per format in one table (engineFor() in the .cpp,
// each choice backed by the bsdtar differential test): KArchive for ZIP (stored and deflated
// entries, names in UTF-8; CRC-32 checked here while streaming) and AR; libarchive for TAR (plain,
// or gzip/bzip2/xz/zstd-compressed, decompressed first by decompress() with every member's check;
// .Z, lz4, lzip through libarchive's filters), 7z, RAR 4/5, ISO 9660, CPIO and RPM, CAB, LHA, XAR,
// and the ZIPs KArchive cannot read right (other methods, encryption, legacy or 0x7075 names,
// repeated paths, a file that is also a folder, '\\' separators). Encrypted 7z archives, which
// libarchive cannot decrypt, go to KArchive's K7Zip (checked from their header first, since K7Zip
// decodes everything in memory while opening). Opening reads the catalogue only;
// entries are read on demand, libarchive's in one forward pass while the requests go forward.
//
// Not thread-safe: one thread at a time, like Document.
class ArchiveReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::ArchiveReader)
public:
    // Whether `type` is, or inherits, a format this reader opens.
    static bool canRead(const QMimeType &type);
    // The MIME types of the formats it opens (some inherit others).
    static QStringList mimeTypes();

    // Opens `device` (readable; a sequential one is first read into memory), keeping it for later
    // reads. `password` opens encrypted 7z archives. Failures: Unsupported for a type canRead()
    // refuses, NeedsPassword, Corrupt with KArchive's own message, LimitExceeded.
    // `nameEncoding`: the code page of names stored without one; empty to detect it.
    static Result<std::unique_ptr<ArchiveReader>> open(std::unique_ptr<QIODevice> device, const QMimeType &type,
        const QString &password, const Limits &limits, const CancellationToken &token,
        const ProgressCallback &progress = {}, const QByteArray &nameEncoding = {});
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader &) = delete;
    ArchiveReader &operator=(const ArchiveReader &) = delete;

    QString formatName() const { return m_formatName; } // "ZIP", "TAR (gzip)", "7z", "AR"
    bool isEncrypted() const { return m_encrypted; }
    // Every entry (files, folders, links), sorted by path.
    const QList<Entry> &entries() const { return m_entries; }
    // The archive's own size in bytes, and the declared size of all file entries together.
    qint64 archiveSize() const { return m_archiveSize; }
    qint64 totalSize() const { return m_totalSize; }

    // Opens file entry `index` for reading. Refused before anything is read when the declared size
    // or ratio is over a limit, when the compression method or encryption is not supported.
    Result<std::unique_ptr<EntryDevice>> openEntry(int index, const CancellationToken &token);
    // The whole entry in memory; LimitExceeded when it is larger than `maxBytes`.
    Result<QByteArray> readEntry(int index, qint64 maxBytes, const CancellationToken &token);
    // The first `bytes` of the entry (fewer when it is shorter): enough for a file header.
    Result<QByteArray> readHead(int index, qint64 bytes, const CancellationToken &token);
    // Streams the entry to `out` in chunks, reporting bytes written of the declared size.
    Status copyEntry(int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress = {});

private:
    enum class Format { Zip, Ar, SevenZip, Libarchive };

    struct Found
    {
        Entry entry;
        const KArchiveEntry *node; // nullptr until KArchive has opened the archive
        int method; // ZIP compression method, -1 when unknown
        bool encrypted;
        std::optional<quint32> crc; // the CRC-32 the data must have where no engine checks it
        int ordinal = -1; // libarchive: where the data is (see m_ordinals)
    };

    ArchiveReader(const Limits &limits);
    Status load(
        std::shared_ptr<QIODevice> source, Format format, const QString &password, const CancellationToken &token);
    Status openArchive(const QString &password, const CancellationToken &token);
    Status ensureOpen(const CancellationToken &token);
    Status collectEntries(const CancellationToken &token);
    void adopt(std::vector<Found> found);
    Status checkPassword(const CancellationToken &token);
    Status checkZipEntry(int index);
    QString describe(int index) const;
    Status loadWithLibarchive(const CancellationToken &token);
    void resetListing();
    Result<std::unique_ptr<EntryDevice>> openLibarchiveEntry(int index, const CancellationToken &token);

    Limits m_limits;
    Format m_format = Format::Zip;
    QString m_formatName;
    bool m_encrypted = false;
    qint64 m_archiveSize = 0;
    qint64 m_totalSize = 0;
    // Destroyed in reverse order: the archive reads through m_input, which reads m_source.
    std::shared_ptr<QIODevice> m_source;
    std::shared_ptr<CancellableDevice> m_input;
    std::shared_ptr<KArchive> m_archive;
    // A ZIP is listed from its central directory (see zipcatalogue.h); KZip opens it only when an
    // entry is read.
    bool m_archiveOpen = false;
    QList<Entry> m_entries;
    // Parallel to m_entries: the KArchive entry (owned by m_archive), and what a ZIP's central
    // directory says of the file.
    std::vector<const KArchiveEntry *> m_nodes;
    std::vector<std::pair<int, bool>> m_zipMethods; // method (-1: unknown), encrypted
    // Parallel to m_entries: the CRC-32 checked here where the engine checks none (ZIPs KZip
    // reads; RAR 4 stored entries, which libarchive does not check).
    std::vector<std::optional<quint32>> m_crcs;

    // libarchive: the format, the password, each entry's place in the archive (its data's: a hard
    // link's target; -1 for folders added for paths), and the pass that reads forward.
    LibarchiveFormat m_libFormat {};
    QString m_password;
    QByteArray m_nameEncoding;
    std::vector<int> m_ordinals;
    std::shared_ptr<LibarchivePass> m_pass;
    // Serialises reads of m_source by the passes, an abandoned one included.
    std::shared_ptr<std::mutex> m_sourceLock = std::make_shared<std::mutex>();
};

} // namespace folio::archive
