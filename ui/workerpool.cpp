// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerpool.h"

#include "threadpriority.h"

#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

#include <algorithm>
#include <latch>
#include <thread>

namespace folio {

namespace {

QThreadPool *makePool(const char *name, int threads)
{
    auto *pool = new QThreadPool; // leaked on purpose, see the header
    pool->setObjectName(QLatin1String(name));
    pool->setMaxThreadCount(threads);
    // Threads never expire: a text layout (QTextLayout inside QTextDocument, used by the text,
    // Markdown, EPUB and word-processing backends) keeps pointers to the font engines of the
    // thread that shaped it, and those die with that thread's font cache; a page laid out by one
    // job is drawn by later ones on other workers.
    pool->setExpiryTimeout(-1);
    if (backgroundNice() > 0) {
        // Start every thread now and give it the background priority; threads never expire, so
        // no thread created later escapes it. Each task waits for all the others, which forces
        // the pool to run them on `threads` distinct threads.
        auto started = std::make_shared<std::latch>(threads);
        for (int i = 0; i < threads; ++i) {
            pool->start([started] {
                applyBackgroundPriority();
                started->arrive_and_wait();
            });
        }
        started->wait();
    }
    return pool;
}

int cores()
{
    return int(std::max(2u, std::thread::hardware_concurrency()));
}

} // namespace

QThreadPool *jobPool()
{
    static QThreadPool *const pool = makePool("folio-jobs", std::max(4, cores()));
    return pool;
}

QThreadPool *renderPool()
{
    static QThreadPool *const pool = makePool("folio-render", std::max(8, 2 * cores()));
    return pool;
}

void runOnRenderPool(QObject *receiver, std::function<void()> work, std::function<void()> done)
{
    // The watcher dies with the receiver, and its connection with it.
    auto *watcher = new QFutureWatcher<void>(receiver);
    QObject::connect(watcher, &QFutureWatcher<void>::finished, receiver, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done();
    });
    watcher->setFuture(QtConcurrent::run(renderPool(), std::move(work)));
}

bool waitForWorkers(std::chrono::milliseconds budget)
{
    const QDeadlineTimer deadline(budget.count());
    const bool jobsDone = jobPool()->waitForDone(int(std::max<qint64>(0, deadline.remainingTime())));
    const bool rendersDone = renderPool()->waitForDone(int(std::max<qint64>(0, deadline.remainingTime())));
    return jobsDone && rendersDone;
}

} // namespace folio
