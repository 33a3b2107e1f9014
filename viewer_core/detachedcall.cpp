// SPDX-License-Identifier: GPL-3.0-or-later
#include "detachedcall.h"

#include <QThreadPool>

#include <thread>

namespace folio::detail {

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
    pool->start(std::move(task));
}

} // namespace folio::detail
