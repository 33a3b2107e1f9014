// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/archive/archivereader.h"

#include <QIODevice>

#include <memory>
#include <optional>

namespace folio {
class NestedOpener;
}

namespace folio::archive {

// The listing of an archive as UTF-8 text, one entry per line in columns like `ls -l`:
// permissions, size, packed size, modification time, path (folders end in '/', links show their
// target). A few summary lines come first.
// Polls `token` (nullopt when cancelled).
std::optional<QByteArray> listingText(
    const ArchiveReader &reader, const QString &title, const CancellationToken &token);

// The same listing as a random-access device that writes its lines as reading reaches them: its
// size is known at once, and reading page 1 makes page 1's lines only. `reader` must outlive it.
std::unique_ptr<QIODevice> listingDevice(const ArchiveReader &reader, const QString &title);

// "drwxr-xr-x", "-rw-r--r--", "lrwxrwxrwx"
QString permissionsText(uint mode);

// The listing laid out on pages by the text backend (the same A4 monospace pages as any text
// file), so an archive renders, searches and copies like one: read from listingDevice(), so the
// pages are found as its lines are made. `reader` must outlive it. Needs a QGuiApplication.
Result<std::unique_ptr<Document>> openListing(
    const ArchiveReader &reader, const QString &title, const NestedOpener &nested, const CancellationToken &token);

} // namespace folio::archive
