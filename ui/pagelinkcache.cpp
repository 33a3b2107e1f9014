// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagelinkcache.h"

#include <QCoreApplication>

namespace folio {

PageLinkCache::PageLinkCache(QObject *parent)
    : QObject(parent)
    , m_jobs(
          [this](int page, int, bool current, const LinkJobs::Outcome &outcome) { finished(page, current, outcome); })
{ }

// Jobs may outlive us: they hold the document; m_jobs cancels them and drops what they return.
PageLinkCache::~PageLinkCache() = default;

void PageLinkCache::setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent)
{
    m_jobs.setDocument(std::move(document), parent);
    m_pages.clear();
    m_wanted.clear();
}

const QList<Link> *PageLinkCache::links(int page) const
{
    const auto it = m_pages.find(page);
    return it != m_pages.end() ? &it->second.links : nullptr;
}

void PageLinkCache::want(const QList<int> &pages)
{
    if (!m_jobs.document())
        return;
    m_jobs.cancelIf([&](int page, int) { return !pages.contains(page); });
    ++m_clock;
    for (int page : pages) {
        if (const auto it = m_pages.find(page); it != m_pages.end())
            it->second.wanted = m_clock;
    }
    m_wanted = pages;
    while (int(m_pages.size()) > MaxPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->second.wanted < oldest->second.wanted)
                oldest = it;
        }
        if (oldest->second.wanted == m_clock)
            break; // every page kept is wanted now
        m_pages.erase(oldest);
    }
    startMore();
}

void PageLinkCache::startMore()
{
    for (int page : std::as_const(m_wanted)) {
        if (!m_jobs.document() || m_jobs.count() >= MaxJobs)
            return;
        if (m_pages.count(page) == 0 && !m_jobs.isRunning(page))
            m_jobs.start(page, 0,
                [page](Document &document, const CancellationToken &token) { return document.links(page, token); });
    }
}

void PageLinkCache::finished(int page, bool current, const LinkJobs::Outcome &outcome)
{
    // As for words: a superseded job's links are still good; a failure leaves the page without
    // links rather than asking again, a cancelled load is asked again when wanted.
    const bool keep = outcome.status.isOk() || (current && outcome.status.code() != StatusCode::Canceled);
    if (keep)
        m_pages[page] = {outcome.value, m_clock};
    startMore();
    if (keep)
        Q_EMIT loaded(page);
}

QString linkTarget(const Link &link)
{
    QString target;
    switch (link.kind) {
    case Link::Kind::GoTo:
        target = PageLinkCache::tr("Go to page %1").arg(link.page + 1);
        break;
    case Link::Kind::Uri:
        target = link.uri.size() > 200 ? link.uri.left(200) + QChar(0x2026) : link.uri;
        break;
    case Link::Kind::RemoteGoTo:
        target = link.page >= 0 ? PageLinkCache::tr("%1, page %2").arg(link.uri).arg(link.page + 1) : link.uri;
        break;
    case Link::Kind::Named:
        switch (link.action) {
        case Link::Action::FirstPage:
            target = PageLinkCache::tr("Go to the first page");
            break;
        case Link::Action::PreviousPage:
            target = PageLinkCache::tr("Go to the previous page");
            break;
        case Link::Action::NextPage:
            target = PageLinkCache::tr("Go to the next page");
            break;
        case Link::Action::LastPage:
            target = PageLinkCache::tr("Go to the last page");
            break;
        case Link::Action::Back:
            target = PageLinkCache::tr("Go back");
            break;
        case Link::Action::Forward:
            target = PageLinkCache::tr("Go forward");
            break;
        case Link::Action::None:
            break;
        }
        break;
    }
    if (!link.tooltip.isEmpty() && link.tooltip != target)
        return link.tooltip + QLatin1Char('\n') + target;
    return target;
}

} // namespace folio
