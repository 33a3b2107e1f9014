// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>

class QIODevice;

namespace folio {

// Reads the rest of `device` in chunks, polling the token between chunks and reporting bytes.
// More than `maxBytes` → LimitExceeded naming the limit. A read error → IoError.
Result<QByteArray> readDevice(
    QIODevice &device, qint64 maxBytes, const CancellationToken &token, const ProgressCallback &progress = {});

// Copies `data` to `out` in chunks under the token, reporting bytes written.
Status writeChunked(
    const QByteArray &data, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress = {});

} // namespace folio
