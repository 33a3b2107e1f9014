// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QString>

namespace folio {

// What the GUI thread may know about a document without touching it while jobs run: read on the
// worker at open time, immutable afterwards.
struct DocumentSummary
{
    QString formatId;
    QString formatName;
    QString mimeType;
    QString title; // metadata Title, may be empty
    // What the window asks of the tab: TextLayout for selection, ViewOptions to reopen it when
    // View ▸ Show Comments (Notes, Hidden Sheets and Slides) changes, ...
    Capabilities capabilities;
    bool encrypted = false;
    FormType formType = FormType::None; // Document::formType()
    bool rightToLeft = false; // Document::isRightToLeft(): opens read right to left
};

// Reads the summary of `document`. Call where the document may be used (under its gate).
DocumentSummary summarize(const Document &document);

} // namespace folio
