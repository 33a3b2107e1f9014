// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagetextcache.h"

namespace folio {

PageTextCache::PageTextCache(QObject *parent)
    : QObject(parent)
    , m_jobs(
          [this](int page, int, bool current, const TextJobs::Outcome &outcome) { finished(page, current, outcome); })
{ }

// Jobs may outlive us: they hold the document; m_jobs cancels them and drops what they return.
PageTextCache::~PageTextCache() = default;

void PageTextCache::setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent)
{
    m_jobs.setDocument(std::move(document), parent);
    m_pages.clear();
    m_wanted.clear();
}

const QList<TextBox> *PageTextCache::boxes(int page) const
{
    const auto it = m_pages.find(page);
    return it != m_pages.end() ? &it->second.boxes : nullptr;
}

void PageTextCache::want(const QList<int> &pages)
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

void PageTextCache::startMore()
{
    for (int page : std::as_const(m_wanted)) {
        if (!m_jobs.document() || m_jobs.count() >= MaxJobs)
            return;
        if (m_pages.count(page) == 0 && !m_jobs.isRunning(page))
            m_jobs.start(page, 0,
                [page](Document &document, const CancellationToken &token) { return document.textBoxes(page, token); });
    }
}

void PageTextCache::finished(int page, bool current, const TextJobs::Outcome &outcome)
{
    // A superseded job that finished anyway still has good words. Failures (Unsupported, a
    // timeout, a broken page) leave the page without words; a cancelled one is asked again.
    const bool keep = outcome.status.isOk() || (current && outcome.status.code() != StatusCode::Canceled);
    if (keep)
        m_pages[page] = {outcome.value, m_clock};
    startMore();
    if (keep)
        Q_EMIT loaded(page);
}

void PageTextCache::evict(const QList<int> &keep)
{
    while (int(m_pages.size()) > MaxPages) {
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

} // namespace folio
