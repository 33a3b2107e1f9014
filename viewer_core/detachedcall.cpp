// SPDX-License-Identifier: GPL-3.0-or-later
#include "detachedcall.h"

#include "threadpriority.h"

#include <QThreadPool>

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
}

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
    }
    // One runner per task, so every task is taken; the runner carries no state of its own.
    pool->start(&runNext);
}

} // namespace folio::detail
