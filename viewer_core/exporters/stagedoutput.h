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

    // Opens a new temporary file that commit() will rename to `fileName` (a bare name, no
    // folder part). The returned file is open for writing and owned by this object; close it
    // (or let commit() do so) once written.
    Result<QFile *> stage(const QString &fileName);
    // Renames every staged file to its final name, replacing existing files. Returns the paths.
    Result<QStringList> commit();
    // Removes every staged file now.
    void discard();

private:
    struct Entry
    {
        std::unique_ptr<QFile> file;
        QString finalName;
    };
    std::mutex m_mutex;
    QString m_directory;
    bool m_createdDirectory = false;
    std::vector<Entry> m_entries;
};

// A safe file name for untrusted names (attachments, archive entries): the last path component,
// no control characters, no leading dots, never empty ("attachment" then).
QString sanitizeFileName(const QString &name);

} // namespace folio
