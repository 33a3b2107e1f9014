// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// folio.book (the book engine: EPUB, HTML, FB2 chapters); folio-cli --verbose turns on every
// folio.* category.
Q_DECLARE_LOGGING_CATEGORY(lcBook)
