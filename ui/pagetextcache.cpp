// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagetextcache.h"

#include "workerpool.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace folio {

using namespace std::chrono_literals;

PageTextCache::PageTextCache(QObject *parent)
    : QObject(parent)
{ }

PageTextCache::~PageTextCache()
{
    // Jobs may outlive us: they hold the document, the watchers die with us.
    for (auto &[page, job] : m_jobs)
        job.source->cancel(CancelReason::Superseded);
}

void PageTextCache::setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent)
{
    for (auto &[page, job] : m_jobs)
        job.source->cancel(CancelReason::Superseded);
    m_jobs.clear();
    m_pages.clear();
    m_wanted.clear();
    m_firstId = m_nextId;
    m_document = std::move(document);
    m_parent = parent;
}

const QList<TextBox> *PageTextCache::boxes(int page) const
{
    const auto it = m_pages.find(page);
    return it != m_pages.end() ? &it->second.boxes : nullptr;
}

void PageTextCache::want(const QList<int> &pages)
{
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (!pages.contains(it->first)) {
            it->second.source->cancel(CancelReason::Superseded);
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
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
        if (!m_document || int(m_jobs.size()) >= MaxJobs)
            return;
        if (m_pages.count(page) == 0 && m_jobs.count(page) == 0)
            start(page);
    }
}

void PageTextCache::start(int page)
{
    Job job;
    job.id = m_nextId++;
    job.source = std::make_unique<CancellationSource>(m_parent);
    if (m_timeout > 0ms)
        job.source->cancelAfter(m_timeout);
    // The job owns everything it touches: the shared document and the token.
    auto work = [document = m_document, page, token = job.source->token()]() -> Outcome {
        try {
            const DocumentGate::Lock lock = document->gate().acquire(token);
            if (!lock)
                return {{}, Status::fromToken(token)};
            Result<QList<TextBox>> boxes = document->document().textBoxes(page, token);
            if (!boxes)
                return {{}, boxes.status()};
            return {std::move(boxes).value(), {}};
        } catch (const std::exception &error) {
            return {{}, Status(StatusCode::IoError, QString::fromLocal8Bit(error.what()))};
        }
    };
    auto *watcher = new QFutureWatcher<Outcome>(this);
    const quint64 id = job.id;
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, page, id] {
        watcher->deleteLater();
        finished(page, id, watcher->result());
    });
    m_jobs[page] = std::move(job);
    watcher->setFuture(QtConcurrent::run(renderPool(), std::move(work)));
}

void PageTextCache::finished(int page, quint64 id, const Outcome &outcome)
{
    if (id < m_firstId)
        return; // from the previous document
    const auto it = m_jobs.find(page);
    const bool current = it != m_jobs.end() && it->second.id == id;
    if (current)
        m_jobs.erase(it);
    // A superseded job that finished anyway still has good words. Failures (Unsupported, a
    // timeout, a broken page) leave the page without words; a cancelled one is asked again.
    const bool keep = outcome.status.isOk() || (current && outcome.status.code() != StatusCode::Canceled);
    if (keep)
        m_pages[page] = {outcome.boxes, m_clock};
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
