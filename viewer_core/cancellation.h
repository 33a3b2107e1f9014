// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace folio {

namespace detail {
class CancellationState;
}

// Why an operation was cancelled. None means "not cancelled".
enum class CancelReason : unsigned char { None, User, Timeout, Superseded, Shutdown };

class CancellationRegistration;

// A cheap, copyable, thread-safe handle that an operation polls to learn whether it should stop.
// A default-constructed token never cancels. Polling is a single atomic load.
class CancellationToken
{
public:
    CancellationToken() = default;

    bool isCancelled() const noexcept;
    CancelReason reason() const noexcept;
    // False for the default token: nothing can ever cancel it.
    bool canBeCancelled() const noexcept { return m_state != nullptr; }
    // The duration given to the last cancelAfter() of the source, for "timed out after N s".
    std::chrono::milliseconds timeout() const noexcept;

    // Runs `callback` once when the token is cancelled, on the cancelling thread; if the token is
    // already cancelled, runs it now on this thread. The callback must be quick and must not throw.
    // Destroying the returned registration unregisters it and waits for a running callback to end
    // (unless it is running on the destroying thread).
    [[nodiscard]] CancellationRegistration onCancel(std::function<void()> callback) const;

private:
    friend class CancellationSource;
    explicit CancellationToken(std::shared_ptr<detail::CancellationState> state);
    std::shared_ptr<detail::CancellationState> m_state;
};

// Owns the right to cancel. Sources are not copyable; tokens are handed out with token().
// A source constructed with a parent token is linked: it is cancelled (with the parent's reason)
// as soon as the parent is. Destroying a source does not cancel its tokens.
class CancellationSource
{
public:
    CancellationSource();
    explicit CancellationSource(const CancellationToken &parent);
    ~CancellationSource();
    CancellationSource(const CancellationSource &) = delete;
    CancellationSource &operator=(const CancellationSource &) = delete;

    CancellationToken token() const;
    // Returns true when this call cancelled the source, false when it was already cancelled.
    bool cancel(CancelReason reason = CancelReason::User);
    // Cancels with reason Timeout after `duration`, on a shared timer thread: no event loop needed.
    // A later call replaces the earlier deadline; zero or negative durations disarm the timer.
    void cancelAfter(std::chrono::milliseconds duration);
    bool isCancelled() const noexcept;
    CancelReason reason() const noexcept;

private:
    std::shared_ptr<detail::CancellationState> m_state;
    std::unique_ptr<CancellationRegistration> m_parentLink;
};

// RAII handle for a callback registered with CancellationToken::onCancel(). Move-only.
class CancellationRegistration
{
public:
    CancellationRegistration() = default;
    ~CancellationRegistration();
    CancellationRegistration(CancellationRegistration &&other) noexcept;
    CancellationRegistration &operator=(CancellationRegistration &&other) noexcept;
    CancellationRegistration(const CancellationRegistration &) = delete;
    CancellationRegistration &operator=(const CancellationRegistration &) = delete;

    // Unregisters now (same guarantees as the destructor).
    void reset();

private:
    friend class CancellationToken;
    CancellationRegistration(std::shared_ptr<detail::CancellationState> state, unsigned long long id);
    std::shared_ptr<detail::CancellationState> m_state;
    unsigned long long m_id = 0;
};

// A stable English identifier ("user", "timeout", ...) for logs and JSON.
const char *reasonName(CancelReason reason) noexcept;

} // namespace folio
