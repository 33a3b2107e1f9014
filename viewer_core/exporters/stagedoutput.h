// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

class QFile;

namespace folio {

// All-or-nothing output into one folder. Files are written under hidden temporary names in the
// destination folder (so the final rename stays on one file system) and renamed to their real
// names only by commit(). Whatever was not committed is removed on destruction, including the
// folder itself when this object created it and it is still empty: a cancelled or failed run
// leaves nothing new behind.
//
// Threads: stage() may be called from several threads at once; commit() from one.
class StagedOutput
{
    Q_DECLARE_TR_FUNCTIONS(folio::StagedOutput)
public:
    StagedOutput() = default;
    ~StagedOutput();
    StagedOutput(const StagedOutput &) = delete;
    StagedOutput &operator=(const StagedOutput &) = delete;

    // Creates the folder when missing.
    Status prepare(const QString &directory);
    QString directory() const { return m_directory; }

    // Opens a new temporary file that commit() will rename to `path`: a bare name, or a relative
    // path (see sanitizeRelativePath()); empty, "." and ".." components are refused.
    // Missing folders on the way are created now and removed again while empty if the run is not
    // committed; an existing one that is a symbolic link is refused, so nothing is ever written
    // outside the destination. The returned file is open for writing and owned by this object;
    // close it (or let commit() do so) once written.
    Result<QFile *> stage(const QString &path);
    // Renames every staged file to its final name, replacing existing files. Returns the paths.
    Result<QStringList> commit();
    // Removes every staged file now.
    void discard();
    // Removes one staged file now (an entry that failed in a run that goes on without it).
    void drop(QFile *file);

private:
    struct Entry
    {
        std::unique_ptr<QFile> file;
        QString finalName;
    };
    // Creates the folders of `relativeFolder` inside the destination; the caller holds m_mutex.
    Status makeFolders(const QStringList &components);

    std::mutex m_mutex;
    QString m_directory;
    bool m_createdDirectory = false;
    std::vector<QString> m_createdFolders; // inside m_directory, in creation order
    std::vector<Entry> m_entries;
};

// A safe file name for untrusted names (attachments, archive entries): the last path component,
// no control characters or :, never "." or ".." or empty ("attachment" then); a leading dot is
// kept (".rels" is a name).
QString sanitizeFileName(const QString &name);
// A safe relative path for an untrusted path (an archive entry's): '\\' counts as '/', empty,
// "." and ".." components and a leading '/' are dropped, every component is sanitizeFileName()d.
// "../../etc/passwd" becomes "etc/passwd", "/abs/x" becomes "abs/x". Never empty.
QString sanitizeRelativePath(const QString &path);

} // namespace folio
