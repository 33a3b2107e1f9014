// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QProgressDialog;
class QWidget;

namespace folio {

// A long operation: it polls the token and reports progress through the callback. Runs on a
// worker thread, so it must own (or share) everything it uses and never touch widgets.
using JobFunction = std::function<Status(const CancellationToken &token, const ProgressCallback &progress)>;

// What the units passed to the ProgressCallback mean, for the progress dialog.
enum class ProgressUnit { Percent, Pages, Bytes };

struct JobOptions
{
    QString operation; // translated, names what runs: tr("Opening")
    QString fileName; // the file it works on, for the dialog and error messages; may be empty
    ProgressUnit unit = ProgressUnit::Percent;
    bool progressDialog = true; // a modeless QProgressDialog when the job outlives ~400 ms
    // The window puts Job::outcomeText() in its status bar; false for owners that report themselves.
    bool reportOutcome = true;
    // Overrides JobRunner::timeout() for this job; zero means none.
    std::optional<std::chrono::milliseconds> timeout;
};

// One running job, owned by its JobRunner. Deleted (later) after finished().
class Job : public QObject
{
    Q_OBJECT
public:
    const JobOptions &options() const { return m_options; }
    CancellationToken token() const { return m_source.token(); }
    bool isFinished() const { return m_finished; }
    // True when the job was cancelled but its function did not return within AbandonAfter:
    // finished() reported the cancellation, and whatever the function returns is dropped.
    bool isAbandoned() const { return m_abandoned; }
    // Asks the job to stop; finished() follows once its function has returned, or after
    // AbandonAfter if it does not (a library stuck in a blocking call).
    void cancel(CancelReason reason = CancelReason::User);

    static constexpr std::chrono::milliseconds AbandonAfter {1000};

    // A one-line account of a finished job for the status bar: "Cancelled", "Timed out after
    // 30 s", "file.pdf: the file is empty", "Opening file.pdf: done".
    QString outcomeText(const Status &status) const;

Q_SIGNALS:
    // On the GUI thread, exactly once: after the function returned, or when it was abandoned.
    void finished(const folio::Status &status);
    // On the GUI thread, at most once, as soon as the job is cancelled (Cancel, timeout,
    // shutdown), before its function has returned: `reason` is what finished() will report, so
    // the window can say "Cancelled" at once rather than when the function gets there.
    void stopping(const folio::Status &reason);

private:
    friend class JobRunner;
    // Progress written by the worker, read by the GUI thread's timer.
    struct Progress
    {
        std::atomic<qint64> done {0};
        std::atomic<qint64> total {-1};
    };

    Job(const JobOptions &options, const CancellationToken &parent, std::chrono::milliseconds timeout,
        QWidget *dialogParent, QObject *owner);
    ~Job() override;
    void start(JobFunction function);
    void showDialog();
    void updateDialog();
    QString dialogText() const;
    void closeDialog();
    void onFinished();
    void watchCancellation();
    void finish(const Status &status);

    JobOptions m_options;
    CancellationSource m_source;
    std::chrono::milliseconds m_timeout;
    std::shared_ptr<Progress> m_progress = std::make_shared<Progress>();
    QFutureWatcher<Status> m_watcher;
    QElapsedTimer m_clock;
    QTimer m_showTimer;
    QTimer m_updateTimer;
    QTimer m_watchdog; // notices cancellation from any source (a timeout fires off-thread)
    QElapsedTimer m_cancelled; // since the watchdog noticed the cancellation
    QPointer<QWidget> m_dialogParent;
    QPointer<QProgressDialog> m_dialog;
    bool m_finished = false;
    bool m_abandoned = false;
};

// Runs long operations off the GUI thread, each with its own CancellationSource linked to the
// runner's shutdown source, a timeout, marshalled progress and a delayed progress dialog.
// Never blocks the GUI thread: results come back through queued signals.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    // `window` parents the progress dialogs (modeless, so it can always be closed); it also owns
    // the runner.
    explicit JobRunner(QWidget *window);
    ~JobRunner() override;

    // Default timeout of jobs; zero means none.
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout);
    // How long a job runs before its progress dialog appears.
    static constexpr std::chrono::milliseconds DialogDelay {400};

    // Cancelled with CancelReason::Shutdown by shutdown(); views link their own sources to it.
    CancellationToken shutdownToken() const { return m_shutdown.token(); }
    // Cancels every job (Shutdown) without waiting for any: they finish in the background.
    void shutdown();
    bool isShuttingDown() const { return m_shutdown.isCancelled(); }

    Job *run(const JobOptions &options, JobFunction function);

    // Runs `work` and hands its result, by value, to `done` on the GUI thread (unless `context`
    // was destroyed first). A cancelled job yields the cancellation status.
    template<typename T>
    Job *run(const JobOptions &options,
        std::function<Result<T>(const CancellationToken &, const ProgressCallback &)> work, QObject *context,
        std::function<void(Result<T>)> done)
    {
        auto slot = std::make_shared<std::optional<Result<T>>>();
        Job *job = run(
            options, [slot, work = std::move(work)](const CancellationToken &token, const ProgressCallback &progress) {
                Result<T> result = work(token, progress);
                Status status = result ? Status() : result.status();
                slot->emplace(std::move(result));
                return status;
            });
        connect(job, &Job::finished, context, [slot, job, done = std::move(done)](const Status &status) {
            // An abandoned job's function may still write the slot: only a returned one is read.
            if (!job->isAbandoned() && *slot)
                done(std::move(**slot));
            else // abandoned, or the function threw
                done(Result<T>(status));
        });
        return job;
    }

    QList<Job *> runningJobs() const;

Q_SIGNALS:
    void jobStarted(folio::Job *job);
    // Emitted for every job, after the job's own finished().
    void jobFinished(folio::Job *job, const folio::Status &status);

private:
    QPointer<QWidget> m_window;
    CancellationSource m_shutdown;
    std::chrono::milliseconds m_timeout {30'000};
};

} // namespace folio
