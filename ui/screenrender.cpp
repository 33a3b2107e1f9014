// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenrender.h"

namespace folio {

Result<QImage> renderForScreen(
    Document &document, int page, const RenderRequest &request, qreal devicePixelRatio, const CancellationToken &token)
{
    Result<QImage> image = document.render(page, request, token);
    if (image)
        image->setDevicePixelRatio(devicePixelRatio);
    return image;
}

} // namespace folio
