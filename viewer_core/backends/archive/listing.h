// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/archive/archivereader.h"

#include <optional>

namespace folio::archive {

// The listing of an archive as UTF-8 text, one entry per line in columns like `ls -l`:
// permissions, size, packed size, modification time, path (folders end in '/', links show their
// target). A few summary lines come first.
// Polls `token` (nullopt when cancelled).
std::optional<QByteArray> listingText(
    const ArchiveReader &reader, const QString &title, const CancellationToken &token);

// "drwxr-xr-x", "-rw-r--r--", "lrwxrwxrwx"
QString permissionsText(uint mode);

// The listing laid out on pages by the text backend (the same A4 monospace pages as any text
// file), so an archive renders, searches and copies like one. Needs a QGuiApplication.
Result<std::unique_ptr<Document>> openListing(
    const ArchiveReader &reader, const QString &title, const NestedOpener &nested, const CancellationToken &token);

} // namespace folio::archive
