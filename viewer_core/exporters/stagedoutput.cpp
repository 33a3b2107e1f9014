// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagedoutput.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>

namespace folio {

StagedOutput::~StagedOutput()
{
    discard();
}

Status StagedOutput::prepare(const QString &directory)
{
    QDir dir(directory);
    m_directory = dir.absolutePath();
    if (dir.exists())
        return {};
    if (QFileInfo(m_directory).exists())
        return {StatusCode::IoError, tr("%1 exists and is not a folder").arg(directory)};
    if (!QDir().mkpath(m_directory))
        return {StatusCode::IoError, tr("Cannot create the folder %1").arg(directory)};
    m_createdDirectory = true;
    return {};
}

Status StagedOutput::makeFolders(const QStringList &components)
{
    QString folder = m_directory;
    for (const QString &component : components) {
        folder += QLatin1Char('/') + component;
        const QFileInfo info(folder);
        // A link could point anywhere: never write through one, even one the user made.
        if (info.isSymLink())
            return {StatusCode::IoError, tr("%1 is a symbolic link; Folio does not write through links").arg(folder)};
        if (info.exists()) {
            if (!info.isDir())
                return {StatusCode::IoError, tr("%1 exists and is not a folder").arg(folder)};
            continue;
        }
        if (!QDir().mkdir(folder))
            return {StatusCode::IoError, tr("Cannot create the folder %1").arg(folder)};
        m_createdFolders.push_back(folder);
    }
    return {};
}

Result<QFile *> StagedOutput::stage(const QString &path)
{
    std::lock_guard lock(m_mutex);
    QStringList components = path.split(QLatin1Char('/'));
    for (const QString &component : std::as_const(components)) {
        if (component.isEmpty() || component == QLatin1String(".") || component == QLatin1String("..")
            || component.contains(QLatin1Char('\\')))
            return Status(StatusCode::InvalidArgument, tr("Not a safe relative path: %1").arg(path));
    }
    const QString fileName = components.takeLast();
    if (Status status = makeFolders(components); !status)
        return status;
    const QDir folder(
        components.isEmpty() ? m_directory : m_directory + QLatin1Char('/') + components.join(QLatin1Char('/')));
    // Hidden, unpredictable, created exclusively: never clobbers or follows anything there.
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QString name
            = QStringLiteral(".folio-%1.part").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        auto file = std::make_unique<QFile>(folder.filePath(name));
        if (file->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            QFile *raw = file.get();
            m_entries.push_back({std::move(file), path});
            return raw;
        }
        if (!QFile::exists(file->fileName())) // a real failure, not a name collision
            return Status(StatusCode::IoError, tr("Cannot write in %1: %2").arg(folder.path(), file->errorString()));
    }
    return Status(StatusCode::IoError, tr("Cannot create a temporary file in %1").arg(folder.path()));
}

Result<QStringList> StagedOutput::commit()
{
    std::lock_guard lock(m_mutex);
    QStringList paths;
    for (Entry &entry : m_entries) {
        entry.file->close();
        if (entry.file->error() != QFileDevice::NoError)
            return Status(
                StatusCode::IoError, tr("Writing %1 failed: %2").arg(entry.finalName, entry.file->errorString()));
    }
    for (Entry &entry : m_entries) {
        const QString target = QDir(m_directory).filePath(entry.finalName);
        // rename(2) replaces an existing file atomically, which QFile::rename() refuses to do.
        if (std::rename(QFile::encodeName(entry.file->fileName()).constData(), QFile::encodeName(target).constData())
            != 0)
            return Status(StatusCode::IoError, tr("Cannot rename to %1: %2").arg(target, qt_error_string(errno)));
        entry.file->setFileName(QString()); // committed: nothing left to remove
        paths.append(target);
    }
    m_entries.clear();
    m_createdFolders.clear();
    m_createdDirectory = false;
    return paths;
}

void StagedOutput::drop(QFile *file)
{
    std::lock_guard lock(m_mutex);
    const auto found = std::find_if(
        m_entries.begin(), m_entries.end(), [file](const Entry &entry) { return entry.file.get() == file; });
    if (found == m_entries.end())
        return;
    found->file->close();
    found->file->remove();
    m_entries.erase(found);
    // Folders made for it alone go too (rmdir() removes only what is empty); one needed again
    // later is made again.
    for (auto folder = m_createdFolders.rbegin(); folder != m_createdFolders.rend();) {
        if (QDir().rmdir(*folder))
            folder = decltype(folder)(m_createdFolders.erase(std::next(folder).base()));
        else
            ++folder;
    }
}

void StagedOutput::discard()
{
    std::lock_guard lock(m_mutex);
    for (Entry &entry : m_entries) {
        entry.file->close();
        if (!entry.file->fileName().isEmpty())
            entry.file->remove();
    }
    m_entries.clear();
    // Deepest first; rmdir() only removes what is still empty.
    for (auto folder = m_createdFolders.rbegin(); folder != m_createdFolders.rend(); ++folder)
        QDir().rmdir(*folder);
    m_createdFolders.clear();
    if (m_createdDirectory) {
        QDir().rmdir(m_directory); // only succeeds when empty
        m_createdDirectory = false;
    }
}

QString sanitizeFileName(const QString &name)
{
    QString base = name;
    base.replace(QLatin1Char('\\'), QLatin1Char('/'));
    base = base.section(QLatin1Char('/'), -1);
    QString clean;
    clean.reserve(base.size());
    for (const QChar c : std::as_const(base)) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char(':'))
            clean += QLatin1Char('_');
        else
            clean += c;
    }
    clean = clean.trimmed();
    // "." and ".." are never names; a leading dot is (".rels", "._file", ".hidden").
    if (clean == QLatin1String(".") || clean == QLatin1String(".."))
        clean.clear();
    if (clean.size() > 200)
        clean = clean.right(200);
    return clean.isEmpty() ? QStringLiteral("attachment") : clean;
}

QString sanitizeRelativePath(const QString &path)
{
    QString normalised = path;
    normalised.replace(QLatin1Char('\\'), QLatin1Char('/'));
    QStringList components;
    for (const QString &component : normalised.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (component == QLatin1String(".") || component == QLatin1String(".."))
            continue;
        components.append(sanitizeFileName(component));
    }
    return components.isEmpty() ? sanitizeFileName(QString()) : components.join(QLatin1Char('/'));
}

} // namespace folio
