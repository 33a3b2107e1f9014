// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagedatacache.h"

namespace folio {

// The annotations of a document's pages (Document::annotations()), loaded on demand for the
// pages in view like the links (see PageDataCache: one job at a time, after the pictures and
// words; MaxPages kept): the page's tool tips and pop-up notes come from it.
class PageAnnotationCache : public PageDataCache<Annotation>
{
public:
    static constexpr int MaxPages = 64;
    static constexpr int MaxJobs = 1;

    explicit PageAnnotationCache(QObject *parent = nullptr)
        : PageDataCache<Annotation>([](Document &document, int page,
                                        const CancellationToken &token) { return document.annotations(page, token); },
            MaxPages, MaxJobs, parent)
    { }

    // The annotations of `page`, or nullptr while it is not loaded.
    const QList<Annotation> *annotations(int page) const { return data(page); }
};

// What the panel and the page say about `annotation`: its type, author and date in one line
// ("Highlight · Ada · 07/12/2026 14:03").
QString annotationHeading(const Annotation &annotation);
// A rich-text tool tip: the heading in bold, the subject, then the contents.
QString annotationToolTip(const Annotation &annotation);

} // namespace folio
