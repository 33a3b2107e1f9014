// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace folio {

namespace detail {
// Queues `task` on the pool of detached calls.
void startDetached(std::function<void()> task);
} // namespace detail

// Waits at most `timeout` until no detached work is running (calls abandoned on cancellation
// finish in the background). True when none is left.
//
// Exit waits for them too (at most 10 s, from a static destructor of viewer_core that runs
// before the shared libraries' own): work still inside Poppler while Poppler's global state is
// destroyed crashed the process at exit. A program that knows its exit status calls
// finishDetachedWork() instead, so that a call that never returns cannot change it.
bool waitForDetachedWork(std::chrono::milliseconds timeout);
// Returns `code` once no detached work is running; after `timeout`, ends the process at once
// with `code` (std::_Exit, after flushing stdout and stderr), skipping the static destructors
// that would race with the work still running.
int finishDetachedWork(int code, std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Runs `work` on a background pool and waits for whichever comes first: its result or the
// token's cancellation. On cancellation it returns at once and the work runs to its end in the
// background, its result dropped.
//
// Why: libraries poll abort callbacks only between their own steps (Poppler checks between
// content-stream operators, so one huge image can take a second), and some never poll
// (QImageReader). Detaching keeps cancel-to-return latency in milliseconds whatever the library
// does. The price: `work` must own, through shared pointers, everything it touches, and the
// caller must not reuse an object that abandoned work may still be using.
template<typename T>
Result<T> callDetached(std::function<Result<T>()> work, const CancellationToken &token)
{
    struct Shared
    {
        std::mutex mutex;
        std::condition_variable done;
        std::optional<Result<T>> result;
    };
    auto shared = std::make_shared<Shared>();
    detail::startDetached([shared, work = std::move(work)] {
        Result<T> result = work();
        {
            std::lock_guard lock(shared->mutex);
            shared->result.emplace(std::move(result));
        }
        shared->done.notify_all();
    });
    const CancellationRegistration wake = token.onCancel([shared] {
        std::lock_guard lock(shared->mutex);
        shared->done.notify_all();
    });
    std::unique_lock lock(shared->mutex);
    shared->done.wait(lock, [&] { return shared->result.has_value() || token.isCancelled(); });
    if (shared->result)
        return std::move(*shared->result);
    return Status::fromToken(token);
}

} // namespace folio
