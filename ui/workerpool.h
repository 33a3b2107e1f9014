// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>

class QObject;
class QThreadPool;

namespace folio {

// The thread pools of the GUI. Both are deliberately leaked: QThreadPool's destructor (and
// QCoreApplication's, for the global pool) waits for every running task, and a document that
// ignores its token must never keep the application from exiting. Jobs therefore own, through
// shared pointers, everything they touch.

// The nice value the GUI gives its worker threads (see threadpriority.h): set before the first
// call to jobPool() or renderPool(), which create their threads with it.
constexpr int GuiWorkerNice = 5;

// Long operations started by JobRunner (open, export, ...).
QThreadPool *jobPool();
// Page renders and other per-document work started by views. Tasks may wait for their document
// (see DocumentGate), so this pool has more threads than cores.
QThreadPool *renderPool();

// Runs `work` on renderPool(), then `done` on the thread of `receiver` (the GUI thread) once
// `work` has returned; `done` is dropped when `receiver` is destroyed first. What `work` wrote is
// visible to `done`.
void runOnRenderPool(QObject *receiver, std::function<void()> work, std::function<void()> done);

// Gives running jobs up to `budget` to unwind after a shutdown cancellation, so that documents
// close normally; returns false when some job is still running (it is then abandoned).
bool waitForWorkers(std::chrono::milliseconds budget);

} // namespace folio
