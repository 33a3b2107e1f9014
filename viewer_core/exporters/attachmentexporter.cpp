// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentexporter.h"

#include "stagedoutput.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace folio {

namespace {

QString uniqueName(const QString &name, QSet<QString> &taken)
{
    QString candidate = name;
    const QFileInfo info(name);
    const QString suffix = info.completeSuffix().isEmpty() ? QString() : QLatin1Char('.') + info.completeSuffix();
    const QString stem = suffix.isEmpty() ? name : name.left(name.size() - suffix.size());
    for (int n = 2; taken.contains(candidate.toCaseFolded()); ++n)
        candidate = QStringLiteral("%1 (%2)%3").arg(stem).arg(n).arg(suffix);
    taken.insert(candidate.toCaseFolded());
    return candidate;
}

} // namespace

Result<QStringList> AttachmentExporter::extract(Document &document, const QList<int> &indices, const QString &directory,
    const CancellationToken &token, const ProgressCallback &progress)
{
    const QList<AttachmentInfo> attachments = document.attachments();
    qint64 total = 0;
    for (int index : indices) {
        if (index < 0 || index >= attachments.size())
            return Status(StatusCode::InvalidArgument,
                tr("Attachment %1 does not exist (the document has %2)")
                    .arg(index + 1)
                    .arg(attachmentsText(attachments.size())));
        total = (total < 0 || attachments[index].size < 0) ? -1 : total + attachments[index].size;
    }
    StagedOutput output;
    if (Status s = output.prepare(directory); !s)
        return s;
    QSet<QString> taken;
    QStringList names;
    qint64 before = 0;
    for (int index : indices) {
        const QString name = uniqueName(sanitizeFileName(attachments[index].name), taken);
        auto file = output.stage(name);
        if (!file)
            return file.status();
        const ProgressCallback perFile = progress
            ? ProgressCallback([&](qint64 done, qint64) { progress(before + done, total); })
            : ProgressCallback();
        if (Status s = document.saveAttachment(index, *file.value(), token, perFile); !s)
            return s.withContext(name);
        before += file.value()->size();
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
