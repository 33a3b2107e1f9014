// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QMimeType>

#include <memory>
#include <optional>

namespace folio::archive {

// Compressed streams. gzip, bzip2, xz (and lzma) and zstd are decoded by their own libraries, every
// member of a multi-member stream to the end, each checked as its format says (gzip's CRC-32 and
// length, bzip2's block and stream CRCs, xz's check, zstd's content checksum where the frame has
// one); compress (.Z), lz4 and lzip through libarchive's filters.
enum class Compression { GZip, BZip2, Xz, Zstd, Compress, Lz4, Lzip };

// The compression of `type` when it is a compressed stream or a type that inherits one
// (application/x-compressed-tar inherits gzip); nullopt otherwise.
std::optional<Compression> compressionFor(const QMimeType &type);
// "gzip", "bzip2", "xz", "zstd", "compress", "lz4", "lzip"
QString compressionName(Compression compression);

// Which size limit bounds a decompressed stream: one compressed file is one entry
// (Limits::maxEntrySize); a compressed tar is a whole archive (Limits::maxTotalExtracted).
enum class StreamBound { Entry, Total };

// Decompresses all of `input` (random-access, read from position 0) in chunks under the token:
// into memory while the result is small, into a temporary file (removed with the returned device)
// beyond. Returns the result open for reading at position 0. Output over the size limit `bound`
// names or over the compression ratio limit is refused as soon as it is reached, so a bomb costs
// little time and memory and leaves nothing behind. `what` names the data in messages ("notes.gz").
// Progress counts input bytes.
Result<std::unique_ptr<QIODevice>> decompress(QIODevice &input, Compression compression, StreamBound bound,
    const QString &what, const Limits &limits, const CancellationToken &token, const ProgressCallback &progress = {});

} // namespace folio::archive
