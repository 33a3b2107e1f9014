// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// PostScript and EPS (also DOS EPS with its binary header) through libspectre and Ghostscript.
std::unique_ptr<Backend> createPostScriptBackend();

} // namespace folio
