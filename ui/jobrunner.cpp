// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobrunner.h"

#include "propertiesdialog.h"
#include "workerpool.h"

#include <QLabel>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <new>

namespace folio {

using namespace std::chrono;

namespace {

// Runs the function, turning an escaping exception into a status: exceptions never reach the
// event loop.
Status runGuarded(const JobFunction &function, const CancellationToken &token, const ProgressCallback &progress)
{
    try {
        Status status = function(token, progress);
        // A function that noticed the token may still report success; the token has the last word.
        if (status.isOk() && token.isCancelled())
            return Status::fromToken(token);
        return status;
    } catch (const std::bad_alloc &) {
        return {StatusCode::LimitExceeded, JobRunner::tr("Out of memory")};
    } catch (const std::exception &error) {
        return {StatusCode::IoError, JobRunner::tr("Internal error: %1").arg(QString::fromLocal8Bit(error.what()))};
    } catch (...) {
        return {StatusCode::IoError, JobRunner::tr("Internal error")};
    }
}

// Seconds left, rounded up, so the label counts 30 s, 29 s, ... 1 s.
QString timeLeftText(milliseconds left)
{
    if (left <= 0ms)
        return JobRunner::tr("Timing out…");
    const auto seconds = duration_cast<milliseconds>(ceil<std::chrono::seconds>(left));
    return JobRunner::tr("%1 left before the timeout").arg(formatDuration(left < 1s ? left : seconds));
}

} // namespace

Job::Job(const JobOptions &options, const CancellationToken &parent, milliseconds timeout, QWidget *dialogParent,
    QObject *owner)
    : QObject(owner)
    , m_options(options)
    , m_source(parent)
    , m_timeout(options.timeout.value_or(timeout))
    , m_dialogParent(dialogParent)
{
    m_showTimer.setSingleShot(true);
    m_showTimer.setInterval(JobRunner::DialogDelay);
    connect(&m_showTimer, &QTimer::timeout, this, &Job::showDialog);
    m_updateTimer.setInterval(100ms);
    connect(&m_updateTimer, &QTimer::timeout, this, &Job::updateDialog);
    m_watchdog.setInterval(100ms);
    connect(&m_watchdog, &QTimer::timeout, this, &Job::watchCancellation);
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, &Job::onFinished);
}

Job::~Job()
{
    if (!m_finished)
        m_source.cancel(CancelReason::Shutdown);
    closeDialog();
}

void Job::start(JobFunction function)
{
    if (m_timeout > 0ms)
        m_source.cancelAfter(m_timeout);
    m_clock.start();
    // The worker captures only shared or copied state: the job object may die before it returns.
    const CancellationToken token = m_source.token();
    ProgressCallback progress = [state = m_progress](qint64 done, qint64 total) {
        state->total.store(total, std::memory_order_relaxed);
        state->done.store(done, std::memory_order_relaxed);
    };
    m_watcher.setFuture(QtConcurrent::run(jobPool(),
        [function = std::move(function), token, progress] { return runGuarded(function, token, progress); }));
    if (m_options.progressDialog && m_dialogParent)
        m_showTimer.start();
    m_watchdog.start();
}

void Job::cancel(CancelReason reason)
{
    if (m_finished)
        return;
    m_source.cancel(reason);
    // Acknowledge at once; the outcome is reported when the function has returned (milliseconds),
    // or when the watchdog gives up on it.
    if (!m_cancelled.isValid()) {
        m_cancelled.start();
        closeDialog();
        Q_EMIT stopping(Status::fromToken(m_source.token()));
        return;
    }
    closeDialog();
}

void Job::showDialog()
{
    if (m_finished || m_source.isCancelled() || !m_dialogParent)
        return;
    auto *dialog = new QProgressDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Modeless: a window-modal dialog would make the window manager's close button dead (Qt drops
    // close events to a window a modal one blocks), and the window need not wait for any job.
    dialog->setWindowModality(Qt::NonModal);
    dialog->setWindowTitle(m_options.operation.isEmpty() ? tr("Working") : m_options.operation);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setMinimumDuration(0);
    dialog->setMinimumWidth(440);
    auto *label = new QLabel(dialog);
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    label->setWordWrap(true);
    dialog->setLabel(label); // the dialog takes it over
    // The Cancel button and Esc (QDialog::reject) both end up here.
    connect(dialog, &QProgressDialog::canceled, this, [this] { cancel(CancelReason::User); });
    connect(dialog, &QDialog::rejected, this, [this] { cancel(CancelReason::User); });
    m_dialog = dialog;
    updateDialog();
    dialog->show();
    m_updateTimer.start();
}

QString Job::dialogText() const
{
    const qint64 done = m_progress->done.load(std::memory_order_relaxed);
    const qint64 total = m_progress->total.load(std::memory_order_relaxed);
    QStringList lines;
    if (m_options.fileName.isEmpty())
        lines << tr("%1…").arg(m_options.operation);
    else
        lines << tr("%1 “%2”…").arg(m_options.operation, m_options.fileName);

    const QLocale locale;
    switch (m_options.unit) {
    case ProgressUnit::Pages:
        if (total > 0)
            lines << tr("Page %1 of %2").arg(locale.toString(done), locale.toString(total));
        else if (done > 0)
            lines << tr("Page %1").arg(locale.toString(done));
        break;
    case ProgressUnit::Bytes:
        if (total > 0)
            lines << tr("%1 of %2")
                         .arg(PropertiesDialog::formatShortSize(done), PropertiesDialog::formatShortSize(total));
        else if (done > 0)
            lines << PropertiesDialog::formatShortSize(done);
        break;
    case ProgressUnit::Percent:
        if (total > 0)
            lines << tr("%1 %").arg(int(100 * done / total));
        break;
    }
    if (m_timeout > 0ms)
        lines << timeLeftText(m_timeout - milliseconds(m_clock.elapsed()));
    else
        lines << tr("No time limit");
    return lines.join(QLatin1Char('\n'));
}

void Job::updateDialog()
{
    if (!m_dialog)
        return;
    const qint64 done = m_progress->done.load(std::memory_order_relaxed);
    const qint64 total = m_progress->total.load(std::memory_order_relaxed);
    m_dialog->setLabelText(dialogText());
    if (total > 0) {
        // Scaled to per mille: byte counts overflow the dialog's int range.
        m_dialog->setRange(0, 1000);
        m_dialog->setValue(int(std::clamp<qint64>(1000 * done / total, 0, 1000)));
    } else {
        m_dialog->setRange(0, 0); // busy indicator
        m_dialog->setValue(0);
    }
}

void Job::closeDialog()
{
    m_showTimer.stop();
    m_updateTimer.stop();
    if (QProgressDialog *dialog = m_dialog) {
        m_dialog = nullptr;
        dialog->disconnect(this); // closing must not read as a Cancel click
        dialog->close();
    }
}

void Job::watchCancellation()
{
    if (m_finished || !m_source.isCancelled())
        return;
    if (!m_cancelled.isValid()) {
        // A timeout or shutdown: the dialog goes at once, like after a Cancel click.
        m_cancelled.start();
        closeDialog();
        Q_EMIT stopping(Status::fromToken(m_source.token()));
        return;
    }
    if (m_cancelled.elapsed() >= AbandonAfter.count()) {
        // The function is stuck where it cannot poll the token (a blocking system call, a
        // library without abort hooks). It owns its data, so it may finish whenever it likes.
        m_abandoned = true;
        finish(Status::fromToken(m_source.token()));
    }
}

void Job::onFinished()
{
    if (m_finished)
        return; // abandoned earlier
    finish(m_watcher.future().resultCount() > 0 ? m_watcher.result() : Status::fromToken(m_source.token()));
}

void Job::finish(const Status &status)
{
    m_finished = true;
    m_watchdog.stop();
    closeDialog();
    Q_EMIT finished(status);
    if (auto *runner = qobject_cast<JobRunner *>(parent()))
        Q_EMIT runner->jobFinished(this, status);
    deleteLater();
}

QString Job::outcomeText(const Status &status) const
{
    const QString subject
        = m_options.fileName.isEmpty() ? m_options.operation : tr("%1 %2").arg(m_options.operation, m_options.fileName);
    if (status.isOk())
        return tr("%1: done").arg(subject);
    // Exactly what stopped it ("Cancelled", "Timed out after 30 s"), without the context a
    // backend may have prefixed: the file is named in the dialog that just closed.
    if (status.isCancellation())
        return m_source.isCancelled() ? Status::fromToken(m_source.token()).message() : status.message();
    return status.withFile(m_options.fileName).message();
}

JobRunner::JobRunner(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

JobRunner::~JobRunner()
{
    // Jobs still running learn why they stop; nobody waits for them.
    m_shutdown.cancel(CancelReason::Shutdown);
}

void JobRunner::setTimeout(milliseconds timeout)
{
    m_timeout = std::max(0ms, timeout);
}

void JobRunner::shutdown()
{
    m_shutdown.cancel(CancelReason::Shutdown);
    for (Job *job : runningJobs())
        job->closeDialog();
}

Job *JobRunner::run(const JobOptions &options, JobFunction function)
{
    auto *job = new Job(options, m_shutdown.token(), m_timeout, m_window, this);
    job->start(std::move(function));
    Q_EMIT jobStarted(job);
    return job;
}

QList<Job *> JobRunner::runningJobs() const
{
    QList<Job *> jobs;
    for (Job *job : findChildren<Job *>(Qt::FindDirectChildrenOnly)) {
        if (!job->isFinished())
            jobs.append(job);
    }
    return jobs;
}

} // namespace folio
