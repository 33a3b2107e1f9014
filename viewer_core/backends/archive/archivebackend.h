// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// Comic books: CBZ, CBT, CB7 (CBR is RAR, which KArchive cannot read).
std::unique_ptr<Backend> createComicBackend();
// ZIP, TAR (plain, gzip, bzip2, xz, lzma, zstd), 7z and AR archives as listings with attachments.
std::unique_ptr<Backend> createArchiveBackend();
// Single compressed files (.gz, .bz2, .xz, .lzma, .zst): opened as their content.
std::unique_ptr<Backend> createCompressedBackend();

} // namespace folio
