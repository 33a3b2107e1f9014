// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>

class KArchiveFile;

namespace folio::epub {

// Reads one archive entry into memory in chunks, polling the token between chunks. Refuses, with
// LimitExceeded naming the limit, an entry larger than limits.maxEntrySize or `maxBytes`, and an
// entry over limits.compressionRatioMinSize that expands more than limits.maxCompressionRatio
// times. Sizes are checked from the header first and again while inflating, since a header may
// lie. With `prefixOnly`, reading stops quietly after `maxBytes` (image headers).
//
// Small on purpose: the archive backend's shared reader may replace it.
Result<QByteArray> readEntry(const KArchiveFile &file, qint64 maxBytes, const Limits &limits,
    const CancellationToken &token, bool prefixOnly = false);

} // namespace folio::epub
