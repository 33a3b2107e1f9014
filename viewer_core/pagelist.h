// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "status.h"

#include <QList>
#include <QString>

#include <chrono>

namespace folio {

class Viewer;

// A page selection as users write it: "1,3-5,8-" (1-based; "8-" runs to the last page; "5-3"
// counts down). Parsed before the page count is known, resolved against it afterwards.
class PageList
{
    Q_DECLARE_TR_FUNCTIONS(folio::PageList)
public:
    static Result<PageList> parse(const QString &spec);
    static PageList all();
    // parse(), or every page when `spec` is empty (a command line or a request without pages).
    static Result<PageList> parseOrAll(const QString &spec);

    // The number of pages a document must have for this list to resolve, or -1 when the list
    // runs to the last page (so every page must be known).
    int pagesNeeded() const;
    // 0-based page indices in the order given. InvalidArgument when a page is beyond `pageCount`.
    Result<QList<int>> resolve(int pageCount) const;
    // resolve() against the viewer's open document after reading it as far as this list needs
    // (progress counts the pages found). A page beyond the end is an error about the viewer's file.
    Result<QList<int>> select(
        const Viewer &viewer, const CancellationToken &token, const ProgressCallback &progress = {}) const;

private:
    struct Range
    {
        int first = 1; // 1-based
        int last = -1; // 1-based, -1 = last page
    };
    QList<Range> m_ranges;
};

// "500ms", "2s", "1.5s", "1m", "90" (seconds), "0" (none). Negative or malformed → InvalidArgument.
Result<std::chrono::milliseconds> parseDuration(const QString &text);

} // namespace folio
