// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// DjVu (single-page and bundled multi-page files) through djvulibre's ddjvuapi.
std::unique_ptr<Backend> createDjvuBackend();

} // namespace folio
