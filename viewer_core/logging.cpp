// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "folio.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPdf, "folio.pdf", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImage, "folio.image", QtInfoMsg)
Q_LOGGING_CATEGORY(lcText, "folio.text", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExport, "folio.export", QtInfoMsg)
