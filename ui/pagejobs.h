// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"
#include "workerpool.h"

#include <QObject>

#include <chrono>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace folio {

// The jobs a view runs for single pages of one document (page renders, thumbnails, the words of a
// page): at most one per page, each on renderPool() under the document's gate, with its own
// CancellationSource linked to the parent token and cancelled by the timeout. A job no longer
// wanted is cancelled with CancelReason::Superseded and forgotten at once; should it return
// anyway, its outcome is delivered as not current. Jobs of an earlier document are never
// delivered.
//
// Threads: a PageJobs, its bookkeeping and its delivery callback belong to the GUI thread. A job's
// work runs on a worker and touches only what it captured, the Document (under the gate) and its
// token; an exception it throws becomes an IoError status. Jobs may outlive their PageJobs (they
// hold the document); what they return then goes nowhere.
template<typename Key, typename Value>
class PageJobs
{
public:
    // What a job returned: `value` when `status` is Ok.
    struct Outcome
    {
        Value value;
        Status status;
    };
    // Runs on a worker, with the gate held.
    using Work = std::function<Result<Value>(Document &document, const CancellationToken &token)>;
    // On the GUI thread, once for each job that returned: its page, the key it was started with,
    // whether it was still the page's job (not superseded), and what it returned.
    using Deliver = std::function<void(int page, const Key &key, bool current, const Outcome &outcome)>;

    explicit PageJobs(Deliver deliver)
        : m_deliver(std::move(deliver))
    { }
    ~PageJobs() { cancelAll(); }
    PageJobs(const PageJobs &) = delete;
    PageJobs &operator=(const PageJobs &) = delete;

    // Cancels every job (Superseded); the jobs started from now on run on `document` (may be
    // null: then start none), linked to `parent`.
    void setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent = {})
    {
        cancelAll();
        m_firstId = m_nextId;
        m_started = 0;
        m_document = std::move(document);
        m_parent = parent;
    }
    const std::shared_ptr<SharedDocument> &document() const { return m_document; }
    // Zero means jobs never time out.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // Runs `work` for `page`, whose outcome is for `key` (what it was asked at: a resolution, a
    // width), superseding the job the page had. `timeout` overrides setTimeout()'s for this job
    // (zero: none).
    void start(int page, const Key &key, Work work, std::optional<std::chrono::milliseconds> timeout = {})
    {
        Q_ASSERT(m_document);
        cancelIf([page](int running, const Key &) { return running == page; });
        Job job;
        job.id = m_nextId++;
        job.key = key;
        job.source = std::make_unique<CancellationSource>(m_parent);
        if (const auto limit = timeout.value_or(m_timeout); limit > std::chrono::milliseconds::zero())
            job.source->cancelAfter(limit);
        // Written by the worker, read by the GUI thread once the work has returned.
        auto outcome = std::make_shared<Outcome>();
        // The job owns everything it touches: the shared document, the work, the token.
        auto run = [outcome, document = m_document, work = std::move(work), token = job.source->token()] {
            *outcome = runUnderGate(*document, work, token);
        };
        auto done = [this, outcome, page, key, id = job.id] {
            --m_live;
            finished(page, key, id, *outcome);
        };
        ++m_live;
        ++m_started;
        m_jobs[page] = std::move(job);
        runOnRenderPool(&m_receiver, std::move(run), std::move(done));
    }

    bool isRunning(int page) const { return m_jobs.count(page) > 0; }
    // Cancels (Superseded) and forgets the jobs for which `unwanted(page, key)` is true.
    template<typename Predicate>
    void cancelIf(const Predicate &unwanted)
    {
        for (auto it = m_jobs.begin(); it != m_jobs.end();) {
            if (unwanted(it->first, std::as_const(it->second.key))) {
                it->second.source->cancel(CancelReason::Superseded);
                it = m_jobs.erase(it);
            } else {
                ++it;
            }
        }
    }
    // Jobs still wanted (not cancelled).
    int count() const { return int(m_jobs.size()); }
    // Jobs started and not returned yet, cancelled ones included.
    int liveCount() const { return m_live; }
    // Jobs started since setDocument().
    int startedCount() const { return m_started; }

private:
    struct Job
    {
        quint64 id = 0;
        Key key;
        std::unique_ptr<CancellationSource> source;
    };

    void cancelAll()
    {
        cancelIf([](int, const Key &) { return true; });
    }

    // On the worker.
    static Outcome runUnderGate(SharedDocument &document, const Work &work, const CancellationToken &token)
    {
        try {
            const DocumentGate::Lock lock = document.gate().acquire(token);
            if (!lock)
                return {{}, Status::fromToken(token)};
            Result<Value> result = work(document.document(), token);
            if (!result)
                return {{}, result.status()};
            return {std::move(result).value(), {}};
        } catch (const std::exception &error) {
            return {{}, Status(StatusCode::IoError, QString::fromLocal8Bit(error.what()))};
        }
    }

    void finished(int page, const Key &key, quint64 id, const Outcome &outcome)
    {
        if (id < m_firstId)
            return; // a job of the previous document
        const auto it = m_jobs.find(page);
        const bool current = it != m_jobs.end() && it->second.id == id;
        if (current)
            m_jobs.erase(it);
        m_deliver(page, key, current, outcome);
    }

    Deliver m_deliver;
    std::shared_ptr<SharedDocument> m_document;
    CancellationToken m_parent;
    std::chrono::milliseconds m_timeout {0};
    std::map<int, Job> m_jobs; // by page
    quint64 m_nextId = 1;
    quint64 m_firstId = 1; // of the current document's jobs
    int m_live = 0;
    int m_started = 0;
    // Receives the jobs' returns; destroyed first, so none arrives after.
    QObject m_receiver;
};

} // namespace folio
