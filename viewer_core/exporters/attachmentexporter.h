// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QStringList>

namespace folio {

// Saves attachments into a folder under safe names (sanitizeFileName(), "name (2).ext" for
// duplicates), all or nothing: a cancelled or failed run leaves no new file. Archive entries (the
// document has Capability::AttachmentFolders) keep their folders, each component sanitised
// (sanitizeRelativePath()); symbolic links are never created. Never writes outside the folder
// whatever an attachment claims its name or path is. Refuses to write more than
// Limits::maxTotalExtracted in all.
class AttachmentExporter
{
    Q_DECLARE_TR_FUNCTIONS(folio::AttachmentExporter)
public:
    // `indices` are 0-based. Progress counts bytes over all attachments (total -1 when a size is
    // unknown). Returns the written paths in the order given.
    static Result<QStringList> extract(Document &document, const QList<int> &indices, const QString &directory,
        const CancellationToken &token, const ProgressCallback &progress = {});
};

} // namespace folio
