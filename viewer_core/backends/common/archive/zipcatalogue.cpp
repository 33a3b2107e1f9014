// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/archive/zipcatalogue.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QtEndian>

#include <sys/stat.h>

namespace folio::archive {

namespace {

constexpr qint64 EndRecordSize = 22;
constexpr qint64 MaxComment = 0xFFFF;
constexpr qint64 CentralRecordSize = 46;

template<typename T>
T le(const char *data)
{
    return qFromLittleEndian<T>(reinterpret_cast<const uchar *>(data));
}

struct Directory
{
    qint64 offset = 0;
    qint64 size = 0;
    qint64 entries = 0;
};

// The central directory's place from the end records, or nullopt when it is not where they say
// (a prefix before the archive, several disks, damage): KZip then has to scan.
std::optional<Directory> findDirectory(QIODevice &device)
{
    const qint64 size = device.size();
    const qint64 tail = std::min(size, EndRecordSize + MaxComment + 20);
    if (tail < EndRecordSize || !device.seek(size - tail))
        return std::nullopt;
    const QByteArray bytes = device.read(tail);
    if (bytes.size() != tail)
        return std::nullopt;
    const qsizetype end = bytes.lastIndexOf(QByteArrayView("PK\5\6", 4), bytes.size() - EndRecordSize);
    if (end < 0)
        return std::nullopt;
    const char *record = bytes.constData() + end;
    if (le<quint16>(record + 4) != 0 || le<quint16>(record + 6) != 0)
        return std::nullopt; // split archive
    Directory directory {le<quint32>(record + 16), le<quint32>(record + 12), le<quint16>(record + 10)};
    qint64 directoryEnd = size - tail + end;
    if (directory.entries == 0xFFFF || directory.size == 0xFFFFFFFF || directory.offset == 0xFFFFFFFF) {
        if (end < 20 || memcmp(record - 20, "PK\6\7", 4) != 0)
            return std::nullopt;
        const qint64 at = qint64(le<quint64>(record - 20 + 8));
        if (at < 0 || at > size - 56 || !device.seek(at))
            return std::nullopt;
        const QByteArray zip64 = device.read(56);
        if (zip64.size() != 56 || !zip64.startsWith("PK\6\6"))
            return std::nullopt;
        directory.entries = qint64(le<quint64>(zip64.constData() + 32));
        directory.size = qint64(le<quint64>(zip64.constData() + 40));
        directory.offset = qint64(le<quint64>(zip64.constData() + 48));
        directoryEnd = at;
    }
    // Compared by subtraction: the zip64 fields are any 64-bit values, and their sum may not fit.
    if (directory.offset < 0 || directory.size < 0 || directory.entries < 0 || directory.offset > directoryEnd
        || directory.size != directoryEnd - directory.offset)
        return std::nullopt;
    return directory;
}

QDateTime dosTime(quint16 time, quint16 date)
{
    // As KZip reads it: local time.
    return QDateTime(QDate((date >> 9) + 1980, (date >> 5) & 0x0F, date & 0x1F),
        QTime(time >> 11, (time >> 5) & 0x3F, (time & 0x1F) * 2));
}

// What the extra field adds: 64-bit sizes (only those whose 32-bit field is all ones) and the
// Unix modification time.
// Returns whether the field holds an Info-ZIP Unicode Path (0x7075), which libarchive reads.
bool readExtra(const char *data, qint64 length, quint32 size32, quint32 packed32, qint64 &size, qint64 &packed,
    QDateTime &modified)
{
    bool unicodePath = false;
    while (length >= 4) {
        const quint16 id = le<quint16>(data);
        const quint16 fieldLength = le<quint16>(data + 2);
        data += 4;
        length -= 4;
        if (fieldLength > length)
            return unicodePath;
        if (id == 0x7075)
            unicodePath = true;
        if (id == 0x0001) {
            const char *field = data;
            qint64 left = fieldLength;
            if (size32 == 0xFFFFFFFF && left >= 8) {
                size = qint64(le<quint64>(field));
                field += 8;
                left -= 8;
            }
            if (packed32 == 0xFFFFFFFF && left >= 8)
                packed = qint64(le<quint64>(field));
        } else if (id == 0x5455 && fieldLength >= 5 && (data[0] & 1)) {
            modified = QDateTime::fromSecsSinceEpoch(le<qint32>(data + 1));
        }
        data += fieldLength;
        length -= fieldLength;
    }
    return unicodePath;
}

} // namespace

bool hasZipEndRecord(QIODevice &device, ZipEndSignature signature)
{
    const qint64 tail = std::min<qint64>(device.size(), 65'535 + 22);
    if (!device.seek(device.size() - tail))
        return false;
    return device.read(tail).contains(
        signature == ZipEndSignature::Strict ? QByteArrayLiteral("PK\x05\x06") : QByteArrayLiteral("K\x05\x06"));
}

Result<std::optional<ZipCatalogue>> readZipCatalogue(
    QIODevice &device, const Limits &limits, const CancellationToken &token)
{
    const std::optional<Directory> directory = findDirectory(device);
    if (!directory)
        return std::optional<ZipCatalogue>();
    if (limits.maxEntries > 0 && directory->entries > limits.maxEntries)
        return LimitErrors::entryCount(directory->entries, limits);
    // Each record takes at least 46 bytes: a count the size cannot hold is damage.
    if (directory->entries > directory->size / CentralRecordSize || directory->size > limits.maxInMemoryBytes
        || directory->size > device.size() || !device.seek(directory->offset))
        return std::optional<ZipCatalogue>();
    const QByteArray bytes = device.read(directory->size);
    device.seek(0);
    if (bytes.size() != directory->size)
        return std::optional<ZipCatalogue>();

    ZipCatalogue catalogue;
    // Room for the folders that paths imply as well: growing a list of 100,000 entries doubles it.
    const qint64 room = directory->entries + directory->entries / 8 + 64;
    catalogue.entries.reserve(room);
    catalogue.info.reserve(room);
    QHash<QString, qsizetype> byPath; // path → index in catalogue.entries
    byPath.reserve(directory->entries);
    // Folders as findOrCreate() makes them when a file names one that no entry declared.
    const auto folder = [&](const QString &path, auto &self) -> bool {
        if (path.isEmpty())
            return true;
        if (const auto it = byPath.constFind(path); it != byPath.constEnd())
            return catalogue.entries[*it].kind == Entry::Kind::Directory;
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        if (slash >= 0 && !self(path.left(slash), self))
            return false;
        Entry entry;
        entry.kind = Entry::Kind::Directory;
        entry.path = path;
        entry.name = path.mid(slash + 1);
        entry.mode = S_IFDIR | 0777;
        byPath.insert(path, catalogue.entries.size());
        catalogue.entries.append(entry);
        catalogue.info.append(ZipEntryInfo {});
        return true;
    };

    // The records fill the directory. Their count in the end record is not trusted: writers that
    // know no ZIP64 (KZip among them) store it modulo 65,536.
    const char *data = bytes.constData();
    qint64 at = 0;
    for (qint64 i = 0; at < bytes.size(); ++i) {
        if ((i & 4095) == 0 && token.isCancelled())
            return Status::fromToken(token);
        if (limits.maxEntries > 0 && i >= limits.maxEntries)
            return LimitErrors::entryCount(std::max(i + 1, directory->entries), limits);
        if (at + CentralRecordSize > bytes.size() || memcmp(data + at, "PK\1\2", 4) != 0)
            return std::optional<ZipCatalogue>();
        const char *record = data + at;
        const int os = uchar(record[5]);
        const quint16 flags = le<quint16>(record + 8);
        const int method = le<quint16>(record + 10);
        const quint32 packed32 = le<quint32>(record + 20);
        const quint32 size32 = le<quint32>(record + 24);
        const qint64 nameLength = le<quint16>(record + 28);
        const qint64 extraLength = le<quint16>(record + 30);
        const qint64 commentLength = le<quint16>(record + 32);
        if (at + CentralRecordSize + nameLength + extraLength + commentLength > bytes.size() || nameLength == 0)
            return std::optional<ZipCatalogue>();
        Entry entry;
        qint64 size = size32;
        qint64 packed = packed32;
        entry.modified = dosTime(le<quint16>(record + 12), le<quint16>(record + 14));
        if (readExtra(
                record + CentralRecordSize + nameLength, extraLength, size32, packed32, size, packed, entry.modified))
            return std::optional<ZipCatalogue>(); // a Unicode Path field: libarchive reads it
        at += CentralRecordSize + nameLength + extraLength + commentLength;

        const QByteArray rawName(record + CentralRecordSize, nameLength);
        // Names KZip would read differently from their writer: '\' separators, and bytes that are
        // not UTF-8 (a legacy code page without the UTF-8 flag).
        if (rawName.contains('\\') || !QUtf8StringView(rawName).isValidUtf8())
            return std::optional<ZipCatalogue>();
        QString name = QString::fromUtf8(rawName);
        uint mode = os == 3 ? uint(le<quint16>(record + 40)) : 0100644;
        const bool isFolder = name.endsWith(QLatin1Char('/'));
        if (isFolder) {
            name.chop(1);
            mode = os == 3 ? (mode | S_IFDIR | 0700) : (S_IFDIR | 0755);
        } else if (S_ISLNK(mode)) {
            return std::optional<ZipCatalogue>(); // the target is in the data: KZip reads it
        }
        const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
        entry.name = name.mid(slash + 1);
        if (entry.name.isEmpty() || entry.name == QLatin1String(".") || entry.name == QLatin1String(".."))
            return std::optional<ZipCatalogue>();
        QString parent = slash < 0 ? QString() : QDir::cleanPath(name.left(slash));
        while (parent.startsWith(QLatin1Char('/')))
            parent.remove(0, 1);
        if (parent == QLatin1String("."))
            parent.clear();
        if (!folder(parent, folder))
            return std::optional<ZipCatalogue>(); // a file that is also a folder
        entry.path = parent.isEmpty() ? entry.name : parent + QLatin1Char('/') + entry.name;
        if (const auto it = byPath.constFind(entry.path); it != byPath.constEnd()) {
            // A folder declared after a file made it exists already: KArchive keeps the first.
            if (isFolder && catalogue.entries[*it].kind == Entry::Kind::Directory)
                continue;
            return std::optional<ZipCatalogue>();
        }
        ZipEntryInfo info;
        if (isFolder) {
            entry.kind = Entry::Kind::Directory;
            entry.mode = mode;
        } else {
            entry.kind = Entry::Kind::File;
            entry.size = size;
            entry.packedSize = packed;
            entry.mode = (mode & 07777) | S_IFREG;
            info.method = method;
            info.encrypted = flags & 1;
            info.crc32 = le<quint32>(record + 16);
        }
        byPath.insert(entry.path, catalogue.entries.size());
        catalogue.entries.append(std::move(entry));
        catalogue.info.append(info);
    }
    return std::optional<ZipCatalogue>(std::move(catalogue));
}

QStringList zipPackagePaths(QIODevice &device)
{
    Limits limits;
    limits.maxEntries = 10'000;
    const auto catalogue = readZipCatalogue(device, limits, CancellationToken());
    QStringList paths;
    if (!catalogue || !catalogue->has_value())
        return paths;
    for (const Entry &entry : (*catalogue)->entries)
        paths.append(entry.path.toLower());
    return paths;
}

} // namespace folio::archive
