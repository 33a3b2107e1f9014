// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadpriority.h"

#include <QtGlobal>

#include <atomic>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace folio {

namespace {
std::atomic<int> s_nice {0};
thread_local int t_applied = 0;
} // namespace

void setBackgroundNice(int nice)
{
    s_nice.store(nice, std::memory_order_relaxed);
}

int backgroundNice()
{
    return s_nice.load(std::memory_order_relaxed);
}

void applyBackgroundPriority()
{
    const int wanted = backgroundNice();
    if (wanted <= t_applied)
        return;
#ifdef Q_OS_LINUX
    // On Linux the nice value belongs to the thread: PRIO_PROCESS with a thread id sets just it.
    const auto tid = id_t(::syscall(SYS_gettid));
    const int base = ::getpriority(PRIO_PROCESS, tid);
    ::setpriority(PRIO_PROCESS, tid, base + (wanted - t_applied));
#endif
    t_applied = wanted;
}

} // namespace folio
