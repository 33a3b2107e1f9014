// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "status.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace folio::text {

// How much of a text file is read at a time: large enough for fast scans, small enough that the
// token is polled every few milliseconds.
constexpr qint64 ReadChunk = 1024LL * 1024;

// Returns `device` when it is random-access. A sequential one (a pipe, a socket) is read into a
// QBuffer first, up to `maxBytes` (LimitExceeded beyond).
Result<std::unique_ptr<QIODevice>> randomAccess(
    std::unique_ptr<QIODevice> device, qint64 maxBytes, const CancellationToken &token);

// Reads all of a random-access device from the start in chunks, polling `token` and reporting
// bytes. LimitExceeded past `maxBytes`, IoError when the device fails.
Result<QByteArray> readWhole(
    QIODevice &device, qint64 maxBytes, const CancellationToken &token, const ProgressCallback &progress);

// Reads [begin, begin + size) of a random-access device. A file that shrank yields fewer bytes.
Result<QByteArray> readAt(QIODevice &device, qint64 begin, qint64 size);

} // namespace folio::text
