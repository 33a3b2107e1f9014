// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>

#include <memory>

class QIODevice;

// Reading and writing devices in chunks under a token: every loop polls it between chunks, so a
// read of a large file or a stalled pipe stops within one chunk (1 MiB) or one wait (50 ms).
// The one reader for every backend: a sequential device (a pipe, a socket) is always waited for
// the same way, in 50 ms slices, and ends when a slice passes with nothing new.
namespace folio {

// How much is read or written at a time.
constexpr qint64 IoChunk = 1024LL * 1024;

// Reads the rest of `device` (from its position), reporting bytes. LimitExceeded past
// `maxBytes` (the in-memory limit, named in the message), IoError when the device fails. A file
// that shrinks while it is read gives what was there.
Result<QByteArray> readAll(
    QIODevice &device, qint64 maxBytes, const CancellationToken &token, const ProgressCallback &progress = {});

// Reads [begin, begin + size) of a random-access device. A file that shrank yields fewer bytes.
Result<QByteArray> readAt(QIODevice &device, qint64 begin, qint64 size);

// Returns `device` when it is random-access. A sequential one is read into a QBuffer first, up
// to `maxBytes` (LimitExceeded beyond).
Result<std::unique_ptr<QIODevice>> randomAccess(
    std::unique_ptr<QIODevice> device, qint64 maxBytes, const CancellationToken &token);

// Copies `data` to `out`, reporting bytes written.
Status writeChunked(
    const QByteArray &data, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress = {});

} // namespace folio
