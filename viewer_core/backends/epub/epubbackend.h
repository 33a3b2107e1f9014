// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// EPUB 2 and 3 books (application/epub+zip). Must come before any backend that handles
// application/zip, which EPUB inherits.
std::unique_ptr<Backend> createEpubBackend();

} // namespace folio
