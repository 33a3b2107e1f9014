// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedatacache.h"

namespace folio {

// The links of a document's pages (Document::links()), loaded on demand for the pages in view
// (see PageDataCache: one job at a time, after the pictures and words; MaxPages kept).
class PageLinkCache : public PageDataCache<Link>
{
public:
    static constexpr int MaxPages = 64;
    static constexpr int MaxJobs = 1;

    explicit PageLinkCache(QObject *parent = nullptr);

    // The links of `page`, or nullptr while it is not loaded.
    const QList<Link> *links(int page) const { return data(page); }
};

// What `link` leads to, for its tool tip: "Go to page 4", the address, "other.pdf, page 2".
QString linkTarget(const Link &link);

} // namespace folio
