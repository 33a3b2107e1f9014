// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentgate.h"

#include <algorithm>

namespace folio {

void DocumentGate::Lock::release()
{
    if (m_gate)
        std::exchange(m_gate, nullptr)->unlock();
}

DocumentGate::Lock DocumentGate::acquire(const CancellationToken &token)
{
    // The callback runs on the cancelling thread; it takes the mutex so that the wake-up cannot
    // slip between the waiter's check of the token and its wait.
    const CancellationRegistration wake = token.onCancel([this] {
        std::lock_guard lock(m_mutex);
        m_idle.notify_all();
    });
    std::unique_lock lock(m_mutex);
    if (token.isCancelled())
        return {};
    if (!m_busy && m_waiting.empty()) {
        m_busy = true;
        return Lock(this);
    }
    // Take a ticket: whoever releases the gate and comes straight back queues behind us.
    const quint64 ticket = m_nextTicket++;
    m_waiting.push_back(ticket);
    m_idle.wait(lock, [&] { return token.isCancelled() || (!m_busy && m_waiting.front() == ticket); });
    m_waiting.erase(std::find(m_waiting.begin(), m_waiting.end(), ticket));
    if (token.isCancelled()) {
        m_idle.notify_all(); // the next in line may be first now
        return {};
    }
    m_busy = true;
    return Lock(this);
}

void DocumentGate::unlock()
{
    {
        std::lock_guard lock(m_mutex);
        m_busy = false;
    }
    m_idle.notify_all();
}

} // namespace folio
