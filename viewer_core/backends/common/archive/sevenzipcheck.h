// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

class QIODevice;

namespace folio::archive {

// What a 7z archive's header announces, read without decoding any file data.
struct SevenZipSizes
{
    qint64 packed = 0; // compressed bytes of every folder (solid block)
    qint64 unpacked = 0; // bytes K7Zip would decode: the largest output of each folder, summed
    qint64 files = 0; // entries in the file list
    bool encryptedHeader = false; // the file list itself is encrypted: nothing more is known
};

// Reads the sizes from the header of the 7z archive on `device` (random-access), decoding an
// LZMA/LZMA2-compressed header itself. Corrupt when the header is malformed, Unsupported when it is
// compressed with another method.
Result<SevenZipSizes> readSevenZipSizes(QIODevice &device, const Limits &limits, const CancellationToken &token);

// K7Zip decodes every file of an archive into memory inside open(), with no limit and no way to
// interrupt it. This refuses, from the header alone, an archive that would decode to more than the
// in-memory or total size limits, over the compression ratio limit, or with too many entries.
// An archive with an encrypted header passes (K7Zip asks for the password; with one, its sizes
// cannot be checked before decryption).
Status checkSevenZip(QIODevice &device, const Limits &limits, const CancellationToken &token);

} // namespace folio::archive
