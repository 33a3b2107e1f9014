// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerpool.h"

#include <QDeadlineTimer>
#include <QThreadPool>

#include <algorithm>
#include <thread>

namespace folio {

namespace {

QThreadPool *makePool(const char *name, int threads)
{
    auto *pool = new QThreadPool; // leaked on purpose, see the header
    pool->setObjectName(QLatin1String(name));
    pool->setMaxThreadCount(threads);
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

bool waitForWorkers(std::chrono::milliseconds budget)
{
    const QDeadlineTimer deadline(budget.count());
    const bool jobsDone = jobPool()->waitForDone(int(std::max<qint64>(0, deadline.remainingTime())));
    const bool rendersDone = renderPool()->waitForDone(int(std::max<qint64>(0, deadline.remainingTime())));
    return jobsDone && rendersDone;
}

} // namespace folio
