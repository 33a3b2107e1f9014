// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

std::unique_ptr<Backend> createImageBackend();

} // namespace folio
