// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace folio {

// The priority of background work. A GUI process sets a positive nice value once at start-up so
// that its worker threads (renders, searches, detached library calls) yield the CPU to the event
// loop: on a two-core machine busy with renders, the GUI thread otherwise waits its turn and the
// window stutters. A CLI leaves it at 0 (workers run at the process's own priority).
//
// Linux only (the nice value of a thread, setpriority() on its thread id); elsewhere a no-op.
// Thread-safe.
void setBackgroundNice(int nice);
int backgroundNice();

// Gives the calling thread backgroundNice(). Cheap after the first call on a thread; a thread
// keeps the value it got (raising priority back needs a privilege).
void applyBackgroundPriority();

} // namespace folio
