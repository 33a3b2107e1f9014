// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentsummary.h"

namespace folio {

DocumentSummary summarize(const Document &document)
{
    DocumentSummary summary;
    summary.formatId = document.formatId();
    summary.formatName = document.formatName();
    summary.mimeType = document.mimeType();
    summary.capabilities = document.capabilities();
    summary.encrypted = document.isEncrypted();
    summary.rightToLeft = document.isRightToLeft();
    summary.formType = document.formType();
    for (const auto &[key, value] : document.metadata()) {
        if (key == QLatin1String("Title")) {
            summary.title = value.trimmed();
            break;
        }
    }
    return summary;
}

} // namespace folio
