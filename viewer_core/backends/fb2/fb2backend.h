// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// FictionBook 2 e-books (.fb2, and .fb2.zip through the archive reader), laid out by the book
// engine on A5 pages. Must come before the text backend (FB2 is XML) and the archive backends.
std::unique_ptr<Backend> createFb2Backend();

} // namespace folio
