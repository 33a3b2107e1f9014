// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <utility>

namespace folio {

// Serialises the jobs that use one Document (a Document is not thread-safe). Waiting is
// cancellable: a job whose token is cancelled stops waiting at once, so a page that scrolled away
// never holds up the pages that replaced it. Waiters are served in arrival order, so a long job
// that releases and re-takes the gate between steps (a search, page by page) lets the renders
// queued meanwhile go first instead of starving them. Thread-safe.
class DocumentGate
{
public:
    class Lock
    {
    public:
        Lock() = default;
        ~Lock() { release(); }
        Lock(Lock &&other) noexcept
            : m_gate(std::exchange(other.m_gate, nullptr))
        { }
        Lock &operator=(Lock &&other) noexcept
        {
            if (this != &other) {
                release();
                m_gate = std::exchange(other.m_gate, nullptr);
            }
            return *this;
        }
        Lock(const Lock &) = delete;
        Lock &operator=(const Lock &) = delete;

        explicit operator bool() const noexcept { return m_gate != nullptr; }
        void release();

    private:
        friend class DocumentGate;
        explicit Lock(DocumentGate *gate)
            : m_gate(gate)
        { }
        DocumentGate *m_gate = nullptr;
    };

    // Waits until no other job holds the gate or `token` is cancelled. The returned lock is
    // empty (false) when the wait was cancelled.
    [[nodiscard]] Lock acquire(const CancellationToken &token);

private:
    void unlock();

    std::mutex m_mutex;
    std::condition_variable m_idle;
    bool m_busy = false;
    std::deque<quint64> m_waiting; // tickets of the waiters, in arrival order
    quint64 m_nextTicket = 0;
};

} // namespace folio
