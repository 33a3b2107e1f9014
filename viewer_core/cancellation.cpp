// SPDX-License-Identifier: GPL-3.0-or-later
#include "cancellation.h"

#include <atomic>
#include <condition_variable>
#include <list>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace folio {
namespace detail {

class CancellationState
{
public:
    bool isCancelled() const noexcept { return m_reason.load(std::memory_order_acquire) != CancelReason::None; }
    CancelReason reason() const noexcept { return m_reason.load(std::memory_order_acquire); }

    bool cancel(CancelReason reason)
    {
        if (reason == CancelReason::None)
            reason = CancelReason::User;
        CancelReason expected = CancelReason::None;
        if (!m_reason.compare_exchange_strong(expected, reason, std::memory_order_acq_rel))
            return false;
        runCallbacks();
        return true;
    }

    // Returns 0 when the callback already ran because the state was cancelled.
    unsigned long long add(std::function<void()> &callback)
    {
        std::unique_lock lock(m_mutex);
        if (!isCancelled()) {
            const unsigned long long id = ++m_nextId;
            m_callbacks.push_back({id, std::move(callback)});
            return id;
        }
        lock.unlock();
        callback();
        return 0;
    }

    void remove(unsigned long long id)
    {
        std::unique_lock lock(m_mutex);
        for (auto it = m_callbacks.begin(); it != m_callbacks.end(); ++it) {
            if (it->id == id) {
                m_callbacks.erase(it);
                return;
            }
        }
        // Not in the list: it ran or is running. Wait for a running callback unless it runs on this
        // very thread (a callback that drops its own registration).
        if (m_executingId == id && m_executingThread != std::this_thread::get_id())
            m_done.wait(lock, [&] { return m_executingId != id; });
    }

    std::atomic<long long> timeoutMs {0};
    std::atomic<unsigned long long> timerGeneration {0};

private:
    struct Node
    {
        unsigned long long id;
        std::function<void()> callback;
    };

    void runCallbacks()
    {
        std::unique_lock lock(m_mutex);
        while (!m_callbacks.empty()) {
            Node node = std::move(m_callbacks.front());
            m_callbacks.pop_front();
            m_executingId = node.id;
            m_executingThread = std::this_thread::get_id();
            lock.unlock();
            node.callback();
            node.callback = nullptr; // release captures outside the lock
            lock.lock();
            m_executingId = 0;
            m_done.notify_all();
        }
    }

    std::atomic<CancelReason> m_reason {CancelReason::None};
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::list<Node> m_callbacks;
    unsigned long long m_nextId = 0;
    unsigned long long m_executingId = 0;
    std::thread::id m_executingThread;
};

// One thread for every cancelAfter() in the process: sleeps until the earliest deadline.
class TimerService
{
public:
    static TimerService &instance()
    {
        static TimerService service;
        return service;
    }

    void schedule(std::chrono::steady_clock::time_point deadline, std::weak_ptr<CancellationState> state,
        unsigned long long generation)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_thread.joinable())
                m_thread = std::thread([this] { run(); });
            m_entries.emplace(deadline, Entry {std::move(state), generation});
        }
        m_wake.notify_one();
    }

    ~TimerService()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    struct Entry
    {
        std::weak_ptr<CancellationState> state;
        unsigned long long generation;
    };

    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            if (m_entries.empty()) {
                m_wake.wait(lock);
                continue;
            }
            const auto deadline = m_entries.begin()->first;
            if (std::chrono::steady_clock::now() < deadline) {
                m_wake.wait_until(lock, deadline);
                continue;
            }
            Entry entry = std::move(m_entries.begin()->second);
            m_entries.erase(m_entries.begin());
            lock.unlock();
            if (auto state = entry.state.lock()) {
                if (state->timerGeneration.load(std::memory_order_acquire) == entry.generation)
                    state->cancel(CancelReason::Timeout);
            }
            lock.lock();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::multimap<std::chrono::steady_clock::time_point, Entry> m_entries;
    std::thread m_thread;
    bool m_stop = false;
};

} // namespace detail

// --- CancellationToken -------------------------------------------------------------------------

CancellationToken::CancellationToken(std::shared_ptr<detail::CancellationState> state)
    : m_state(std::move(state))
{ }

bool CancellationToken::isCancelled() const noexcept
{
    return m_state && m_state->isCancelled();
}

CancelReason CancellationToken::reason() const noexcept
{
    return m_state ? m_state->reason() : CancelReason::None;
}

std::chrono::milliseconds CancellationToken::timeout() const noexcept
{
    return std::chrono::milliseconds(m_state ? m_state->timeoutMs.load(std::memory_order_relaxed) : 0);
}

CancellationRegistration CancellationToken::onCancel(std::function<void()> callback) const
{
    if (!m_state || !callback)
        return {};
    const unsigned long long id = m_state->add(callback);
    if (id == 0)
        return {};
    return CancellationRegistration(m_state, id);
}

// --- CancellationSource ------------------------------------------------------------------------

CancellationSource::CancellationSource()
    : m_state(std::make_shared<detail::CancellationState>())
{ }

CancellationSource::CancellationSource(const CancellationToken &parent)
    : CancellationSource()
{
    if (!parent.canBeCancelled())
        return;
    std::weak_ptr<detail::CancellationState> child = m_state;
    std::weak_ptr<detail::CancellationState> parentState = parent.m_state;
    m_parentLink = std::make_unique<CancellationRegistration>(parent.onCancel([child, parentState] {
        auto self = child.lock();
        auto from = parentState.lock();
        if (self && from) {
            self->timeoutMs.store(from->timeoutMs.load(std::memory_order_relaxed), std::memory_order_relaxed);
            self->cancel(from->reason());
        }
    }));
}

CancellationSource::~CancellationSource() = default;

CancellationToken CancellationSource::token() const
{
    return CancellationToken(m_state);
}

bool CancellationSource::cancel(CancelReason reason)
{
    return m_state->cancel(reason);
}

void CancellationSource::cancelAfter(std::chrono::milliseconds duration)
{
    const unsigned long long generation = m_state->timerGeneration.fetch_add(1, std::memory_order_acq_rel) + 1;
    if (duration.count() <= 0)
        return;
    m_state->timeoutMs.store(duration.count(), std::memory_order_relaxed);
    detail::TimerService::instance().schedule(std::chrono::steady_clock::now() + duration, m_state, generation);
}

bool CancellationSource::isCancelled() const noexcept
{
    return m_state->isCancelled();
}

CancelReason CancellationSource::reason() const noexcept
{
    return m_state->reason();
}

// --- CancellationRegistration ------------------------------------------------------------------

CancellationRegistration::CancellationRegistration(
    std::shared_ptr<detail::CancellationState> state, unsigned long long id)
    : m_state(std::move(state))
    , m_id(id)
{ }

CancellationRegistration::~CancellationRegistration()
{
    reset();
}

CancellationRegistration::CancellationRegistration(CancellationRegistration &&other) noexcept
    : m_state(std::move(other.m_state))
    , m_id(std::exchange(other.m_id, 0))
{ }

CancellationRegistration &CancellationRegistration::operator=(CancellationRegistration &&other) noexcept
{
    if (this != &other) {
        reset();
        m_state = std::move(other.m_state);
        m_id = std::exchange(other.m_id, 0);
    }
    return *this;
}

void CancellationRegistration::reset()
{
    if (m_state && m_id != 0)
        m_state->remove(m_id);
    m_state.reset();
    m_id = 0;
}

const char *reasonName(CancelReason reason) noexcept
{
    switch (reason) {
    case CancelReason::None:
        return "none";
    case CancelReason::User:
        return "user";
    case CancelReason::Timeout:
        return "timeout";
    case CancelReason::Superseded:
        return "superseded";
    case CancelReason::Shutdown:
        return "shutdown";
    }
    return "unknown";
}

} // namespace folio
