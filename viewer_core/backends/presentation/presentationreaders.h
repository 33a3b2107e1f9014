// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/office/slidemodel.h"

#include "document.h"

namespace folio::office {
class Package;
}

namespace folio::presentation {

// Every slide of the package in presentation order, hidden ones included (marked), with text
// properties resolved through layouts, masters and themes. A missing or unreadable slide part
// gives an empty slide rather than an error; an unreadable presentation part, a refused XML part
// (entities, depth), a limit or the token give the error.
Result<Presentation> readPptx(
    const office::Package &package, const CancellationToken &token, const ProgressCallback &progress);
Result<Presentation> readOdp(
    const office::Package &package, const CancellationToken &token, const ProgressCallback &progress);

} // namespace folio::presentation
