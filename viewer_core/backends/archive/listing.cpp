// SPDX-License-Identifier: GPL-3.0-or-later
#include "listing.h"

#include "backends/common/archive/archivelimits.h"
#include "nestedopener.h"

#include <QMimeDatabase>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace folio::archive {

namespace {

struct ListingMessages
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::Listing)
};

// Compact sizes for a column, as bytesText() writes them from 1 KiB on: "512 B", "1.5 KiB",
// "64 MiB". Written into `buffer` (32 bytes) without allocating; returns the length.
int columnSize(qint64 bytes, char *buffer)
{
    if (bytes < 0) {
        buffer[0] = '-';
        return 1;
    }
    if (bytes < 1024)
        return std::snprintf(buffer, 32, "%lld B", static_cast<long long>(bytes));
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = double(bytes) / 1024;
    int unit = 0;
    while (value >= 1024 && unit < 5) {
        value /= 1024;
        ++unit;
    }
    // to_chars: the C locale's decimal point whatever LC_NUMERIC says, as QString::arg().
    const auto [end, error] = std::to_chars(buffer, buffer + 24, value, std::chars_format::fixed, value < 9.95 ? 1 : 0);
    Q_UNUSED(error)
    *end = ' ';
    std::memcpy(end + 1, units[unit], 3);
    return int(end + 4 - buffer);
}

// The bytes QString::toUtf8() gives for `text`.
qsizetype utf8Size(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return text.toUtf8().size();
    }
    return text.size();
}

// A column of the listing: a space, then `value` right-aligned in 9 characters.
void appendColumn(QByteArray &text, const char *value, int size)
{
    text.append(' ');
    if (size < 9)
        text.append(9 - size, ' ');
    text.append(value, size);
}

constexpr int DateColumnSize = 20; // "  2026-12-07 10:59  " or "  -" and spaces

// One entry's line: permissions, size, packed size, modification time, path.
void appendEntryLine(QByteArray &text, const Entry &entry)
{
    char column[32];
    text.append(permissionsText(entry.mode).toLatin1());
    const bool file = entry.kind == Entry::Kind::File;
    appendColumn(text, column, columnSize(file ? entry.size : -1, column));
    appendColumn(text, column, columnSize(file ? entry.packedSize : -1, column));
    if (entry.modified.isValid()) {
        const QDateTime local = entry.modified.toLocalTime();
        const QDate d = local.date();
        const QTime t = local.time();
        char date[32];
        std::snprintf(date, sizeof date, "  %04d-%02d-%02d %02d:%02d  ", d.year() % 10000, d.month(), d.day(), t.hour(),
            t.minute());
        text.append(date, DateColumnSize);
    } else {
        text.append("  -                 ", DateColumnSize);
    }
    text.append(entry.path.toUtf8());
    if (entry.kind == Entry::Kind::Directory)
        text.append('/');
    else if (entry.kind == Entry::Kind::SymLink)
        text.append(" -> ").append(entry.linkTarget.toUtf8());
    text.append('\n');
}

// The size of appendEntryLine()'s line, without writing the date or the path.
qint64 entryLineSize(const Entry &entry)
{
    char column[32];
    const bool file = entry.kind == Entry::Kind::File;
    qint64 size = 10 + DateColumnSize + 1;
    for (const qint64 bytes : {entry.size, entry.packedSize})
        size += 1 + std::max(9, columnSize(file ? bytes : -1, column));
    size += utf8Size(entry.path);
    if (entry.kind == Entry::Kind::Directory)
        size += 1;
    else if (entry.kind == Entry::Kind::SymLink)
        size += 4 + utf8Size(entry.linkTarget);
    return size;
}

QByteArray listingHead(const ArchiveReader &reader, const QString &title)
{
    qint64 files = 0;
    qint64 folders = 0;
    qint64 links = 0;
    for (const Entry &entry : reader.entries()) {
        files += entry.kind == Entry::Kind::File;
        folders += entry.kind == Entry::Kind::Directory;
        links += entry.kind == Entry::Kind::SymLink;
    }
    QString head = title + QLatin1Char('\n');
    head += files == 1 ? ListingMessages::tr("%1 archive: 1 file").arg(reader.formatName())
                       : ListingMessages::tr("%1 archive: %2 files").arg(reader.formatName(), QString::number(files));
    if (folders > 0)
        head += folders == 1 ? ListingMessages::tr(", 1 folder") : ListingMessages::tr(", %1 folders").arg(folders);
    if (links > 0)
        head += links == 1 ? ListingMessages::tr(", 1 link") : ListingMessages::tr(", %1 links").arg(links);
    head += QLatin1Char('\n');
    head += ListingMessages::tr("%1 in files, %2 packed%3\n")
                .arg(bytesText(reader.totalSize()), bytesText(reader.archiveSize()),
                    reader.isEncrypted() ? ListingMessages::tr(", encrypted") : QString());
    head += QLatin1Char('\n');
    head += ListingMessages::tr("Permissions      Size    Packed  Modified          Path") + QLatin1Char('\n');
    return head.toUtf8();
}

// The listing, written as it is read: page 1 of 100,000 entries needs the lines of its first
// 70, not all of them. Its size is known from the start (entryLineSize()); the lines are made in
// blocks as reading reaches them and kept, so reading back any page is a copy.
class ListingDevice final : public QIODevice
{
public:
    ListingDevice(const ArchiveReader &reader, const QString &title)
        : m_entries(reader.entries())
        , m_made(listingHead(reader, title))
    {
        m_size = m_made.size();
        for (const Entry &entry : m_entries)
            m_size += entryLineSize(entry);
    }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 at = pos();
        const qint64 end = std::min(m_size, at + maxSize);
        constexpr qsizetype Block = 2048;
        while (m_made.size() < end && m_next < m_entries.size()) {
            const qsizetype last = std::min(m_entries.size(), m_next + Block);
            for (; m_next < last; ++m_next)
                appendEntryLine(m_made, m_entries[m_next]);
        }
        // The sizes were worked out line by line: they must match what was written.
        Q_ASSERT(m_next < m_entries.size() || m_made.size() == m_size);
        const qint64 got = std::max<qint64>(0, std::min<qint64>(end, m_made.size()) - at);
        std::memcpy(data, m_made.constData() + at, size_t(got));
        return got;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const QList<Entry> &m_entries;
    QByteArray m_made;
    qsizetype m_next = 0; // the first entry whose line is not made yet
    qint64 m_size = 0;
};

} // namespace

QString permissionsText(uint mode)
{
    QString text(10, QLatin1Char('-'));
    if (S_ISDIR(mode))
        text[0] = QLatin1Char('d');
    else if (S_ISLNK(mode))
        text[0] = QLatin1Char('l');
    static const char letters[] = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) {
        if (mode & (0400u >> i))
            text[i + 1] = QLatin1Char(letters[i]);
    }
    if (mode & S_ISUID)
        text[3] = (mode & S_IXUSR) ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & S_ISGID)
        text[6] = (mode & S_IXGRP) ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & S_ISVTX)
        text[9] = (mode & S_IXOTH) ? QLatin1Char('t') : QLatin1Char('T');
    return text;
}

std::optional<QByteArray> listingText(const ArchiveReader &reader, const QString &title, const CancellationToken &token)
{
    const QList<Entry> &entries = reader.entries();
    // Written as UTF-8 directly and without QString::arg(): a listing of a million entries must
    // not take seconds.
    QByteArray text = listingHead(reader, title);
    text.reserve(text.size() + entries.size() * 72);
    qsizetype count = 0;
    for (const Entry &entry : entries) {
        if ((++count & 4095) == 0 && token.isCancelled())
            return std::nullopt;
        appendEntryLine(text, entry);
    }
    return text;
}

std::unique_ptr<QIODevice> listingDevice(const ArchiveReader &reader, const QString &title)
{
    auto device = std::make_unique<ListingDevice>(reader, title);
    device->open(QIODevice::ReadOnly);
    return device;
}

Result<std::unique_ptr<Document>> openListing(
    const ArchiveReader &reader, const QString &title, const NestedOpener &nested, const CancellationToken &token)
{
    return nested.openAs(QStringLiteral("text/plain"), listingDevice(reader, title), title, token);
}

} // namespace folio::archive
