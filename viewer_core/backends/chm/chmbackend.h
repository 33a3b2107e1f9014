// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// Microsoft Compiled HTML Help (.chm) through CHMlib: the topics in the order of the table of
// contents, typeset by the book engine (backends/common/book), the outline from the .hhc.
std::unique_ptr<Backend> createChmBackend();

} // namespace folio
