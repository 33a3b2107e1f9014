// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagejobs.h"

#include <QObject>

#include <chrono>
#include <map>
#include <memory>

namespace folio {

// The links of a document's visible pages (Document::links()), loaded on demand for the pointer
// and clicks. Like PageTextCache: each page loads as its own small job (PageJobs: on renderPool()
// under the document's gate, linked to the parent token), a page no longer wanted has its job
// cancelled with CancelReason::Superseded, at most MaxJobs run at once, the least recently wanted
// pages are dropped beyond MaxPages, and a page that fails to load counts as having no links.
// GUI thread only.
class PageLinkCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPages = 64;
    static constexpr int MaxJobs = 1;

    explicit PageLinkCache(QObject *parent = nullptr);
    ~PageLinkCache() override;

    // Forgets every page and cancels every job; null for a document without Capability::Links.
    void setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent = {});
    // Zero means loads never time out.
    void setTimeout(std::chrono::milliseconds timeout) { m_jobs.setTimeout(timeout); }

    // Loads the pages of `pages` not loaded yet, in that order, and cancels the loads of others.
    void want(const QList<int> &pages);
    // The links of `page`, or nullptr while it is not loaded.
    const QList<Link> *links(int page) const;
    bool isLoaded(int page) const { return m_pages.count(page) > 0; }

Q_SIGNALS:
    void loaded(int page);

private:
    struct Page
    {
        QList<Link> links;
        quint64 wanted = 0;
    };
    using LinkJobs = PageJobs<int, QList<Link>>;
    void startMore();
    void finished(int page, bool current, const LinkJobs::Outcome &outcome);

    std::map<int, Page> m_pages;
    QList<int> m_wanted;
    quint64 m_clock = 0;
    // Last, so destroyed first: no page is delivered into a cache half destroyed.
    LinkJobs m_jobs;
};

// What a link leads to, for its tool tip: "Go to page 4", the address, ...
QString linkTarget(const Link &link);

} // namespace folio
