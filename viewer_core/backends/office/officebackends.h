// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <memory>

namespace folio {

// Office documents, one backend per family (each in its own folder, sharing backends/office).
std::unique_ptr<Backend> createWordProcessingBackend(); // DOCX, DOTX, DOCM, ODT, OTT
std::unique_ptr<Backend> createSpreadsheetBackend(); // XLSX, XLTX, XLSM, ODS, OTS
std::unique_ptr<Backend> createPresentationBackend(); // PPTX, POTX, PPSX, PPTM, ODP, OTP

} // namespace folio
