// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagejobs.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace folio {

// The signal of every PageDataCache (a template cannot declare signals itself).
class PageDataCacheBase : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    // The data of `page` arrived (or it failed for good and counts as loaded, empty).
    void loaded(int page);
};

// Per-page data of a document loaded on demand for the pages in view: the words (PageTextCache,
// for text selection) or the links (PageLinkCache).
//
// Each page loads as its own small job (see PageJobs: on renderPool() under the document's gate,
// linked to the parent token); a page no longer wanted has its job cancelled with
// CancelReason::Superseded. At most `maxJobs` run at once, in the order the pages are wanted, so
// a selection over many pages never fills the pool that renders need. Loaded pages are kept, the
// least recently wanted dropped beyond `maxPages`. A page that fails to load (unsupported, an
// error, a timeout) counts as loaded and empty, so it is not asked for again; a cancelled load is
// asked again when wanted. A superseded job that finished anyway still delivers good data.
// GUI thread only.
template<typename T>
class PageDataCache : public PageDataCacheBase
{
public:
    // What a job runs for one page, on a worker, holding the document's gate.
    using Load = std::function<Result<QList<T>>(Document &document, int page, const CancellationToken &token)>;

    PageDataCache(Load load, int maxPages, int maxJobs, QObject *parent = nullptr)
        : PageDataCacheBase(parent)
        , m_load(std::move(load))
        , m_maxPages(maxPages)
        , m_maxJobs(maxJobs)
        , m_jobs([this](int page, int, bool current, const typename Jobs::Outcome &outcome) {
            finished(page, current, outcome);
        })
    { }
    // Jobs may outlive the cache: they hold the document; m_jobs cancels them and drops what
    // they return.
    ~PageDataCache() override = default;

    // Forgets every page and cancels every job. Jobs are linked to `parent`; a null document
    // loads nothing.
    void setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent = {})
    {
        m_jobs.setDocument(std::move(document), parent);
        m_pages.clear();
        m_wanted.clear();
    }
    // Zero means loads never time out.
    void setTimeout(std::chrono::milliseconds timeout) { m_jobs.setTimeout(timeout); }

    // Loads the pages of `pages` not loaded yet, first things first, and cancels the loads of any
    // other page.
    void want(const QList<int> &pages)
    {
        m_jobs.cancelIf([&](int page, int) { return !pages.contains(page); });
        ++m_clock;
        for (int page : pages) {
            if (const auto it = m_pages.find(page); it != m_pages.end())
                it->second.wanted = m_clock;
        }
        m_wanted = pages;
        evict(pages);
        startMore();
    }
    // The data of `page`, or nullptr while it is not loaded.
    const QList<T> *data(int page) const
    {
        const auto it = m_pages.find(page);
        return it != m_pages.end() ? &it->second.items : nullptr;
    }
    bool isLoaded(int page) const { return m_pages.count(page) > 0; }
    bool isLoading(int page) const { return m_jobs.isRunning(page); }
    // Jobs not cancelled.
    int jobsInFlight() const { return m_jobs.count(); }

private:
    struct Page
    {
        QList<T> items;
        quint64 wanted = 0; // when it was last wanted
    };
    // Keyed by nothing: a page has one set of data.
    using Jobs = PageJobs<int, QList<T>>;

    void startMore()
    {
        for (int page : std::as_const(m_wanted)) {
            if (!m_jobs.document() || m_jobs.count() >= m_maxJobs)
                return;
            if (m_pages.count(page) == 0 && !m_jobs.isRunning(page))
                m_jobs.start(page, 0, [page, load = m_load](Document &document, const CancellationToken &token) {
                    return load(document, page, token);
                });
        }
    }

    void finished(int page, bool current, const typename Jobs::Outcome &outcome)
    {
        const bool keep = outcome.status.isOk() || (current && outcome.status.code() != StatusCode::Canceled);
        if (keep)
            m_pages[page] = {outcome.value, m_clock};
        startMore();
        if (keep)
            Q_EMIT loaded(page);
    }

    void evict(const QList<int> &keep)
    {
        while (int(m_pages.size()) > m_maxPages) {
            auto oldest = m_pages.end();
            for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
                if (!keep.contains(it->first) && (oldest == m_pages.end() || it->second.wanted < oldest->second.wanted))
                    oldest = it;
            }
            if (oldest == m_pages.end())
                return;
            m_pages.erase(oldest);
        }
    }

    Load m_load;
    int m_maxPages;
    int m_maxJobs;
    std::map<int, Page> m_pages;
    QList<int> m_wanted; // in order
    quint64 m_clock = 0;
    // Last, so destroyed first: no page is delivered into a cache half destroyed.
    Jobs m_jobs;
};

} // namespace folio
