// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QStringList>

namespace folio {

// Saves attachments into a folder: the one attachment saver of folio-cli's extract and the GUI's
// Save…, Save All… and Open. Names are made safe (sanitizeFileName()) and distinct ("name (2).ext",
// ignoring case, a file never taking a folder's name or the other way round), all or nothing: a
// cancelled or failed run leaves no new file. Archive entries (the document has
// Capability::AttachmentFolders) keep their folders, each component sanitised
// (sanitizeRelativePath()); symbolic links are never created or written through. Never writes
// outside the folder whatever an attachment claims its name or path is. Refuses to write more
// than Limits::maxTotalExtracted in all. Each file is closed once written, so an archive may hold
// more entries than a process may keep files open.
//
// Threads: runs on the caller's thread and uses `document` throughout, like any Document call.
class AttachmentExporter
{
    Q_DECLARE_TR_FUNCTIONS(folio::AttachmentExporter)
public:
    struct Options
    {
        // Archive entries keep their folders; false saves every attachment directly into the
        // folder under its file name.
        bool keepFolders = true;
        // Never replace what is in the folder already: a taken name becomes "name (2).ext" (and a
        // folder that is a file there, "docs (2)"). Otherwise files of the same names are
        // replaced, the way tar and unzip do.
        bool keepExisting = false;
        // With one attachment: the name the user chose for it (a file name, no folders), used as
        // given and replacing a file of that name. Empty: names come from the attachments.
        QString fileName;
        // When set, an entry that cannot be read (damaged, failing its checksum, encrypted without
        // its password, compressed with a method Folio lacks, over a per-entry limit) is left out,
        // nothing of it remaining, and its status (naming the entry) is appended here; the others
        // are still saved. Cancellation, write errors and the total size limit still stop the run
        // with nothing saved. When null, the first such entry stops the run.
        QList<Status> *skipped = nullptr;
    };

    // `indices` are 0-based. Progress counts bytes over all attachments (total -1 when a size is
    // unknown). Returns the written paths in the order given.
    static Result<QStringList> extract(Document &document, const QList<int> &indices, const QString &directory,
        const CancellationToken &token, const ProgressCallback &progress = {});
    static Result<QStringList> extract(Document &document, const QList<int> &indices, const QString &directory,
        const Options &options, const CancellationToken &token, const ProgressCallback &progress = {});
};

} // namespace folio
