// SPDX-License-Identifier: GPL-3.0-or-later
#include "listing.h"

#include "backends/common/archive/archivelimits.h"
#include "nestedopener.h"

#include <QBuffer>
#include <QMimeDatabase>

#include <cstdio>
#include <sys/stat.h>

namespace folio::archive {

namespace {

struct ListingMessages
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::Listing)
};

// Compact sizes for a column: "512 B", "1.5 KiB".
QString columnSize(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("-");
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    return bytesText(bytes);
}

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
    qint64 files = 0;
    qint64 folders = 0;
    qint64 links = 0;
    for (const Entry &entry : entries) {
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

    // Written as UTF-8 directly and without QString::arg(): a listing of a million entries must
    // not take seconds.
    QByteArray text = head.toUtf8();
    text.reserve(text.size() + entries.size() * 72);
    const auto column = [&text](const QByteArray &value) {
        text.append(' ');
        text.append(QByteArray(std::max<qsizetype>(0, 9 - value.size()), ' '));
        text.append(value);
    };
    char date[32];
    qsizetype count = 0;
    for (const Entry &entry : entries) {
        if ((++count & 4095) == 0 && token.isCancelled())
            return std::nullopt;
        text.append(permissionsText(entry.mode).toLatin1());
        const bool file = entry.kind == Entry::Kind::File;
        column(file ? columnSize(entry.size).toLatin1() : QByteArray("-"));
        column(file ? columnSize(entry.packedSize).toLatin1() : QByteArray("-"));
        if (entry.modified.isValid()) {
            const QDateTime local = entry.modified.toLocalTime();
            const QDate d = local.date();
            const QTime t = local.time();
            std::snprintf(date, sizeof date, "  %04d-%02d-%02d %02d:%02d  ", d.year() % 10000, d.month(), d.day(),
                t.hour(), t.minute());
            text.append(date);
        } else {
            text.append("  -                 ");
        }
        text.append(entry.path.toUtf8());
        if (entry.kind == Entry::Kind::Directory)
            text.append('/');
        else if (entry.kind == Entry::Kind::SymLink)
            text.append(" -> ").append(entry.linkTarget.toUtf8());
        text.append('\n');
    }
    return text;
}

Result<std::unique_ptr<Document>> openListing(
    const ArchiveReader &reader, const QString &title, const NestedOpener &nested, const CancellationToken &token)
{
    std::optional<QByteArray> listing = listingText(reader, title, token);
    if (!listing)
        return Status::fromToken(token);
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(std::move(*listing));
    buffer->open(QIODevice::ReadOnly);
    return nested.openAs(QStringLiteral("text/plain"), std::move(buffer), title, token);
}

} // namespace folio::archive
