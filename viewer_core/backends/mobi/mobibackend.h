// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// Mobipocket (.mobi, .prc, .azw), Kindle KF8 (.azw3) and PalmDoc books through libmobi, typeset
// by the book engine (backends/common/book). DRM-protected books are refused.
std::unique_ptr<Backend> createMobiBackend();

} // namespace folio
