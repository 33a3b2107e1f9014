// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

namespace folio::office {

// OOXML packages are told apart from other ZIPs by their main part (ECMA-376 fixes the paths in
// practice; every producer uses them): Certain, as `mimeType`, when the ZIP's central directory
// lists `mainPart` ("word/document.xml"); No otherwise, so that the backend falls back to its
// default. A DOCX saved as download.zip, or named .xlsx, is thus opened as what it is. The
// directory is read once per detection for all three Office backends (RecognitionInput::memo).
Recognition recognizeOoxml(const RecognitionInput &input, const QString &mainPart, const QString &mimeType);

} // namespace folio::office
