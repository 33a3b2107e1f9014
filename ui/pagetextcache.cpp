// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagetextcache.h"

namespace folio {

PageTextCache::PageTextCache(QObject *parent)
    : PageDataCache<TextBox>(
        [](Document &document, int page, const CancellationToken &token) { return document.textBoxes(page, token); },
        MaxPages, MaxJobs, parent)
{ }

} // namespace folio
