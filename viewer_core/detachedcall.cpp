// SPDX-License-Identifier: GPL-3.0-or-later
#include "detachedcall.h"

#include "threadpriority.h"

#include <QThreadPool>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>

namespace folio::detail {

namespace {

// Tasks wait here, handed over under a std::mutex: QThreadPool's own hand-over happens inside Qt,
// which ThreadSanitizer does not see, so a task passed through it looks like a data race.
struct Queue
{
    std::mutex mutex;
    std::deque<std::function<void()>> tasks;
    int unfinished = 0; // queued or running
    std::condition_variable idle;
};

Queue &queue()
{
    static Queue *const instance = new Queue; // leaked: abandoned work may outlive static destructors
    return *instance;
}

void runNext()
{
    std::function<void()> task;
    {
        std::lock_guard lock(queue().mutex);
        task = std::move(queue().tasks.front());
        queue().tasks.pop_front();
    }
    applyBackgroundPriority();
    task();
    task = nullptr; // what it owns (a Poppler document) is released before it counts as done
    {
        std::lock_guard lock(queue().mutex);
        --queue().unfinished;
    }
    queue().idle.notify_all();
}

// Waits for the abandoned work before the static destructors of the libraries run.
struct DrainAtExit
{
    ~DrainAtExit()
    {
        if (!waitForDetachedWork(std::chrono::seconds(10))) {
            std::fflush(stdout);
            std::fflush(stderr);
            std::_Exit(EXIT_FAILURE);
        }
    }
};
const DrainAtExit drainAtExit;

} // namespace

void startDetached(std::function<void()> task)
{
    // Deliberately leaked: a pool destroyed at exit would wait for abandoned work.
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool;
        p->setObjectName(QStringLiteral("folio-detached"));
        // Room for abandoned calls still finishing plus the live ones of every worker.
        p->setMaxThreadCount(int(std::max(4u, 4 * std::thread::hardware_concurrency())));
        return p;
    }();
    {
        std::lock_guard lock(queue().mutex);
        queue().tasks.push_back(std::move(task));
        ++queue().unfinished;
    }
    // One runner per task, so every task is taken; the runner carries no state of its own.
    pool->start(&runNext);
}

} // namespace folio::detail

namespace folio {

bool waitForDetachedWork(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(detail::queue().mutex);
    return detail::queue().idle.wait_for(lock, timeout, [] { return detail::queue().unfinished == 0; });
}

int finishDetachedWork(int code, std::chrono::milliseconds timeout)
{
    if (!waitForDetachedWork(timeout)) {
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    return code;
}

} // namespace folio
