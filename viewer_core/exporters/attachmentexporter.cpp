// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentexporter.h"

#include "stagedoutput.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace folio {

namespace {

// The first of "name.ext", "name (2).ext", "name (3).ext", ... that is not `taken`.
template<typename Taken>
QString uniqueName(const QString &name, const Taken &taken)
{
    QString candidate = name;
    const QFileInfo info(name);
    const QString suffix = info.completeSuffix().isEmpty() ? QString() : QLatin1Char('.') + info.completeSuffix();
    const QString stem = suffix.isEmpty() ? name : name.left(name.size() - suffix.size());
    for (int n = 2; taken(candidate); ++n)
        candidate = QStringLiteral("%1 (%2)%3").arg(stem).arg(n).arg(suffix);
    return candidate;
}

// Where each attachment goes: flat names, or relative paths for archives. Names differ from every
// name given before, ignoring case (the destination may be a case-insensitive file system), and a
// file never takes the name of a folder or the other way round; two entries of one folder stay
// together. With `keepExisting`, names also avoid what the destination holds already: a file takes
// no name that is there, a folder no name that is there and is not a real folder.
class Placement
{
public:
    Placement(const QString &directory, bool keepExisting)
        : m_directory(directory)
        , m_keepExisting(keepExisting)
    { }

    QString flat(const QString &name)
    {
        const QString placed
            = uniqueName(sanitizeFileName(name), [this](const QString &candidate) { return isFileTaken(candidate); });
        m_files.insert(placed.toCaseFolded());
        return placed;
    }

    QString tree(const QString &path)
    {
        QStringList components = sanitizeRelativePath(path).split(QLatin1Char('/'));
        const QString name = components.takeLast();
        QString prefix;
        for (const QString &component : std::as_const(components)) {
            const QString folder
                = uniqueName(component, [&](const QString &candidate) { return isFolderTaken(prefix + candidate); });
            prefix += folder;
            m_folders.insert(prefix.toCaseFolded());
            prefix += QLatin1Char('/');
        }
        const QString placed
            = prefix + uniqueName(name, [&](const QString &candidate) { return isFileTaken(prefix + candidate); });
        m_files.insert(placed.toCaseFolded());
        return placed;
    }

private:
    bool isFileTaken(const QString &path) const
    {
        const QString key = path.toCaseFolded();
        if (m_files.contains(key) || m_folders.contains(key))
            return true;
        if (!m_keepExisting)
            return false;
        // A dangling link counts too: the final rename would replace it.
        const QFileInfo there(m_directory + QLatin1Char('/') + path);
        return there.exists() || there.isSymLink();
    }

    bool isFolderTaken(const QString &path) const
    {
        const QString key = path.toCaseFolded();
        if (m_files.contains(key))
            return true;
        if (m_folders.contains(key) || !m_keepExisting)
            return false;
        // An existing folder is shared; a file or a link there (StagedOutput never writes
        // through one) is avoided.
        const QFileInfo there(m_directory + QLatin1Char('/') + path);
        return there.isSymLink() || (there.exists() && !there.isDir());
    }

    QString m_directory;
    bool m_keepExisting = false;
    QSet<QString> m_files; // case-folded relative paths
    QSet<QString> m_folders;
};

// A failure of one entry's data, not of the run: the others can still be saved.
bool isEntryFailure(const Status &status)
{
    switch (status.code()) {
    case StatusCode::Corrupt:
    case StatusCode::Unsupported:
    case StatusCode::NeedsPassword:
    case StatusCode::LimitExceeded:
        return true;
    default:
        return false;
    }
}

} // namespace

Result<QStringList> AttachmentExporter::extract(Document &document, const QList<int> &indices, const QString &directory,
    const CancellationToken &token, const ProgressCallback &progress)
{
    return extract(document, indices, directory, Options(), token, progress);
}

Result<QStringList> AttachmentExporter::extract(Document &document, const QList<int> &indices, const QString &directory,
    const Options &options, const CancellationToken &token, const ProgressCallback &progress)
{
    const QList<AttachmentInfo> attachments = document.attachments();
    const Limits &limits = document.limits();
    qint64 total = 0;
    qint64 declared = 0;
    for (int index : indices) {
        if (index < 0 || index >= attachments.size())
            return Status(StatusCode::InvalidArgument,
                tr("Attachment %1 does not exist (the document has %2)")
                    .arg(index + 1)
                    .arg(attachmentsText(attachments.size())));
        total = (total < 0 || attachments[index].size < 0) ? -1 : total + attachments[index].size;
        declared += std::max<qint64>(attachments[index].size, 0);
    }
    if (!options.fileName.isEmpty() && indices.size() != 1)
        return Status(StatusCode::InvalidArgument, tr("A chosen file name needs exactly one attachment"));
    // Archive entries cannot exceed their declared sizes (reading more fails), so this is checked
    // before anything is written; the running total below covers sizes nobody declared.
    if (declared > limits.maxTotalExtracted)
        return LimitErrors::totalSize(declared, limits);
    const bool folders = options.keepFolders && document.capabilities().testFlag(Capability::AttachmentFolders);
    StagedOutput output;
    if (Status s = output.prepare(directory); !s)
        return s;
    Placement placement(output.directory(), options.keepExisting);
    QStringList names;
    qint64 before = 0;
    for (int index : indices) {
        const AttachmentInfo &attachment = attachments[index];
        QString name = options.fileName;
        if (name.isEmpty())
            name = folders ? placement.tree(attachment.path.isEmpty() ? attachment.name : attachment.path)
                           : placement.flat(attachment.name);
        auto file = output.stage(name);
        if (!file)
            return file.status();
        const ProgressCallback perFile = progress
            ? ProgressCallback([&](qint64 done, qint64) { progress(before + done, total); })
            : ProgressCallback();
        if (Status s = document.saveAttachment(index, *file.value(), token, perFile); !s) {
            if (!options.skipped || !isEntryFailure(s) || token.isCancelled())
                return s.withEntry(name);
            output.drop(file.value());
            options.skipped->append(s.withEntry(attachment.path.isEmpty() ? attachment.name : attachment.path));
            continue;
        }
        before += file.value()->size();
        // Closed now (commit() reports its errors): an archive may hold more files than a
        // process may keep open.
        file.value()->close();
        if (before > limits.maxTotalExtracted)
            return LimitErrors::totalSize(-1, limits);
        names.append(QFileInfo(output.directory() + QLatin1Char('/') + name).filePath());
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    auto written = output.commit();
    if (!written)
        return written.status();
    return names;
}

} // namespace folio
