// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// Web pages: HTML and XHTML files, and MHTML web archives (a page with its pictures in one MIME
// file), laid out by the book engine as one flow of A5 pages, the outline from h1–h3. Must come
// before the text backend (text/html is text/plain to QMimeDatabase).
std::unique_ptr<Backend> createHtmlBackend();

} // namespace folio
