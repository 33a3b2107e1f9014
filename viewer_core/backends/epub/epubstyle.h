// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// EPUB's CSS subset is the book engine's.
#include "backends/common/book/bookstyle.h"

namespace folio::epub {

using book::BodyClass;
using book::FontFace;
using book::StyleContext;
using book::StyleSheetFilter;

} // namespace folio::epub
