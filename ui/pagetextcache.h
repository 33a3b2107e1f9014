// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedatacache.h"

namespace folio {

// The words of a document's pages (Document::textBoxes()), loaded on demand for text selection
// (see PageDataCache: a job per page, at most MaxJobs at once, MaxPages kept).
class PageTextCache : public PageDataCache<TextBox>
{
public:
    static constexpr int MaxPages = 64;
    static constexpr int MaxJobs = 2;

    explicit PageTextCache(QObject *parent = nullptr);

    // The words of `page`, or nullptr while it is not loaded.
    const QList<TextBox> *boxes(int page) const { return data(page); }
};

} // namespace folio
