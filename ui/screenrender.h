// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

namespace folio {

// Renders page `page` of `document` for the screen: the image carries `devicePixelRatio`, so it
// is drawn 1:1 on HiDPI screens. The work of the views' render jobs (see PageJobs): runs on a
// worker, under the document's gate.
Result<QImage> renderForScreen(
    Document &document, int page, const RenderRequest &request, qreal devicePixelRatio, const CancellationToken &token);

} // namespace folio
