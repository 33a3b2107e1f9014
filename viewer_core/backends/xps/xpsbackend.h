// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// XPS and OpenXPS (OXPS) documents through libgxps.
std::unique_ptr<Backend> createXpsBackend();

} // namespace folio
