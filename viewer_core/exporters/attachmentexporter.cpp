// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentexporter.h"

#include "stagedoutput.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace folio {

namespace {

// "name (2).ext" for the first of "name.ext", "name (2).ext", ... for which `taken(prefix + it)`
// is false.
template<typename Taken>
QString uniqueName(const QString &name, const Taken &taken, const QString &prefix = QString())
{
    QString candidate = name;
    const QFileInfo info(name);
    const QString suffix = info.completeSuffix().isEmpty() ? QString() : QLatin1Char('.') + info.completeSuffix();
    const QString stem = suffix.isEmpty() ? name : name.left(name.size() - suffix.size());
    for (int n = 2; taken((prefix + candidate).toCaseFolded()); ++n)
        candidate = QStringLiteral("%1 (%2)%3").arg(stem).arg(n).arg(suffix);
    return candidate;
}

// Where each attachment goes: flat names, or relative paths for archives. Names differ from every
// name given before, ignoring case (the destination may be a case-insensitive file system), and a
// file never takes the name of a folder or the other way round.
class Placement
{
public:
    QString flat(const QString &name)
    {
        const QString placed = uniqueName(sanitizeFileName(name), [this](const QString &key) { return isFile(key); });
        m_files.insert(placed.toCaseFolded());
        return placed;
    }

    QString tree(const QString &path)
    {
        QStringList components = sanitizeRelativePath(path).split(QLatin1Char('/'));
        const QString name = components.takeLast();
        const auto used = [this](const QString &key) { return isFile(key) || m_folders.contains(key); };
        QString prefix;
        for (QString component : std::as_const(components)) {
            if (isFile((prefix + component).toCaseFolded()))
                component = uniqueName(component, used, prefix);
            prefix += component;
            m_folders.insert(prefix.toCaseFolded());
            prefix += QLatin1Char('/');
        }
        const QString placed = prefix + uniqueName(name, used, prefix);
        m_files.insert(placed.toCaseFolded());
        return placed;
    }

private:
    bool isFile(const QString &key) const { return m_files.contains(key); }

    QSet<QString> m_files;
    QSet<QString> m_folders;
};

} // namespace

Result<QStringList> AttachmentExporter::extract(Document &document, const QList<int> &indices, const QString &directory,
    const CancellationToken &token, const ProgressCallback &progress)
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
    // Archive entries cannot exceed their declared sizes (reading more fails), so this is checked
    // before anything is written; the running total below covers sizes nobody declared.
    if (declared > limits.maxTotalExtracted)
        return LimitErrors::totalSize(declared, limits);
    const bool folders = document.capabilities().testFlag(Capability::AttachmentFolders);
    StagedOutput output;
    if (Status s = output.prepare(directory); !s)
        return s;
    Placement placement;
    QStringList names;
    qint64 before = 0;
    for (int index : indices) {
        const AttachmentInfo &attachment = attachments[index];
        const QString name = folders ? placement.tree(attachment.path.isEmpty() ? attachment.name : attachment.path)
                                     : placement.flat(attachment.name);
        auto file = output.stage(name);
        if (!file)
            return file.status();
        const ProgressCallback perFile = progress
            ? ProgressCallback([&](qint64 done, qint64) { progress(before + done, total); })
            : ProgressCallback();
        if (Status s = document.saveAttachment(index, *file.value(), token, perFile); !s)
            return s.withEntry(name);
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
