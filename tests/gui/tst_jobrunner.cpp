// SPDX-License-Identifier: GPL-3.0-or-later
#include "guitestsupport.h"
#include "jobrunner.h"
#include "mainwindow.h"

#include <QProgressDialog>
#include <QPushButton>
#include <QTest>

#include <atomic>

using namespace folio;
using namespace std::chrono_literals;

namespace {

// What the worker saw, shared with the test (the job may outlive everything else).
struct Probe
{
    std::atomic<bool> started {false};
    std::atomic<bool> returned {false};
    std::atomic<CancelReason> reason {CancelReason::None};
};

// A deterministic slow job: reports progress and loops until its token is cancelled.
JobFunction loopUntilCancelled(const std::shared_ptr<Probe> &probe)
{
    return [probe](const CancellationToken &token, const ProgressCallback &progress) {
        probe->started = true;
        qint64 step = 0;
        while (!token.isCancelled()) {
            progress(step % 40, 40);
            ++step;
            QThread::msleep(2);
        }
        probe->reason = token.reason();
        probe->returned = true;
        return Status::fromToken(token);
    };
}

JobOptions jobOptions(const char *operation, const char *fileName = "", ProgressUnit unit = ProgressUnit::Percent)
{
    JobOptions options;
    options.operation = QLatin1String(operation);
    options.fileName = QLatin1String(fileName);
    options.unit = unit;
    return options;
}

QProgressDialog *visibleProgressDialog(QWidget *window)
{
    for (QProgressDialog *dialog : window->findChildren<QProgressDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

QString statusText(MainWindow &window)
{
    return window.lastOutcome();
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void resultComesBackByValue()
    {
        MainWindow window;
        std::optional<Result<QString>> received;
        std::function<Result<QString>(const CancellationToken &, const ProgressCallback &)> work
            = [](const CancellationToken &, const ProgressCallback &progress) -> Result<QString> {
            progress(1, 1);
            return QStringLiteral("forty-two");
        };
        window.jobRunner()->run<QString>(jobOptions("Computing"), work, &window,
            [&](Result<QString> result) { received.emplace(std::move(result)); });
        QTRY_VERIFY(received.has_value());
        QVERIFY(received->isOk());
        QCOMPARE(received->value(), QStringLiteral("forty-two"));
        QVERIFY(!visibleProgressDialog(&window));
        QCOMPARE(statusText(window), QStringLiteral("Computing: done"));
    }

    void quickJobShowsNoDialog()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool finished = false;
        Job *job = window.jobRunner()->run(
            jobOptions("Quick"), [](const CancellationToken &, const ProgressCallback &) { return Status(); });
        connect(job, &Job::finished, this, [&] { finished = true; });
        QTRY_VERIFY(finished);
        QTest::qWait(int(JobRunner::DialogDelay.count()) + 200);
        QVERIFY(!visibleProgressDialog(&window));
    }

    // (b) The dialog appears after ~400 ms; its Cancel button stops the worker.
    void cancelButtonStopsJob()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto probe = std::make_shared<Probe>();
        const JobOptions options = jobOptions("Crunching", "big.pdf", ProgressUnit::Pages);
        window.jobRunner()->run(options, loopUntilCancelled(probe));
        QTRY_VERIFY_WITH_TIMEOUT(visibleProgressDialog(&window), 10000);
        QProgressDialog *dialog = visibleProgressDialog(&window);
        // Modeless, so the window keeps its close button (a modal dialog blocks the close event).
        QCOMPARE(dialog->windowModality(), Qt::NonModal);
        QVERIFY(dialog->labelText().contains(QStringLiteral("big.pdf")));
        QTRY_VERIFY(dialog->labelText().contains(QStringLiteral(" of 40")));
        QVERIFY(dialog->labelText().contains(QStringLiteral("left before the timeout")));
        QVERIFY(!probe->returned);

        auto *cancel = dialog->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(probe->returned);
        QCOMPARE(probe->reason.load(), CancelReason::User);
        QTRY_COMPARE(statusText(window), QStringLiteral("Cancelled"));
        QTRY_VERIFY(!visibleProgressDialog(&window));
    }

    // (c) A short timeout ends the job and says how long it waited.
    void timeoutIsReported()
    {
        MainWindow window;
        window.jobRunner()->setTimeout(300ms);
        auto probe = std::make_shared<Probe>();
        window.jobRunner()->run(jobOptions("Crunching"), loopUntilCancelled(probe));
        QTRY_VERIFY_WITH_TIMEOUT(probe->returned, 10000);
        QCOMPARE(probe->reason.load(), CancelReason::Timeout);
        QTRY_COMPARE(statusText(window), QStringLiteral("Timed out after 300 ms"));
    }

    void perJobTimeoutOverridesDefault()
    {
        MainWindow window;
        window.jobRunner()->setTimeout(0ms);
        auto probe = std::make_shared<Probe>();
        JobOptions options = jobOptions("Crunching");
        options.timeout = 1500ms;
        window.jobRunner()->run(options, loopUntilCancelled(probe));
        QTRY_VERIFY_WITH_TIMEOUT(probe->returned, 10000);
        QTRY_COMPARE(statusText(window), QStringLiteral("Timed out after 1.5 s"));
    }

    // (d) Esc on the progress dialog cancels too.
    void escapeCancels()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto probe = std::make_shared<Probe>();
        window.jobRunner()->run(jobOptions("Crunching", "big.pdf"), loopUntilCancelled(probe));
        QTRY_VERIFY_WITH_TIMEOUT(visibleProgressDialog(&window), 10000);
        QTest::keyClick(visibleProgressDialog(&window), Qt::Key_Escape);
        QTRY_VERIFY(probe->returned);
        QCOMPARE(probe->reason.load(), CancelReason::User);
        QTRY_COMPARE(statusText(window), QStringLiteral("Cancelled"));
    }

    // (e) Closing the window during an endless job cancels it with Shutdown and does not wait.
    void closingWindowCancelsWithShutdown()
    {
        auto window = std::make_unique<MainWindow>();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto probe = std::make_shared<Probe>();
        window->jobRunner()->run(jobOptions("Crunching"), loopUntilCancelled(probe));
        QTRY_VERIFY(probe->started);
        QVERIFY(window->close());
        window.reset();
        QTRY_VERIFY(probe->returned);
        QCOMPARE(probe->reason.load(), CancelReason::Shutdown);
    }

    // A job that ignores its token for a while outlives the window safely: it owns its data.
    void jobOutlivesWindow()
    {
        auto probe = std::make_shared<Probe>();
        auto release = std::make_shared<std::atomic<bool>>(false);
        {
            MainWindow window;
            window.jobRunner()->run(jobOptions("Stubborn"),
                [probe, release](const CancellationToken &token, const ProgressCallback &progress) {
                    probe->started = true;
                    while (!release->load())
                        QThread::msleep(2);
                    progress(1, 1);
                    probe->reason = token.reason();
                    probe->returned = true;
                    return Status::fromToken(token);
                });
            QTRY_VERIFY(probe->started);
            window.close();
        } // destroyed while the job still runs: nothing waits for it
        QVERIFY(!probe->returned);
        *release = true;
        QTRY_VERIFY(probe->returned);
        QCOMPARE(probe->reason.load(), CancelReason::Shutdown);
    }

    // A function stuck where it cannot poll (a blocking read) is abandoned after a grace period:
    // the window reports the cancellation, and the late result is dropped.
    void stuckJobIsAbandoned()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto probe = std::make_shared<Probe>();
        auto release = std::make_shared<std::atomic<bool>>(false);
        int deliveries = 0;
        std::optional<Result<int>> received;
        std::function<Result<int>(const CancellationToken &, const ProgressCallback &)> work
            = [probe, release](const CancellationToken &token, const ProgressCallback &) -> Result<int> {
            probe->started = true;
            while (!release->load())
                QThread::msleep(2);
            probe->returned = true;
            return 42;
        };
        window.jobRunner()->run<int>(jobOptions("Reading", "fifo.pdf"), work, &window, [&](Result<int> result) {
            ++deliveries;
            received.emplace(std::move(result));
        });
        QTRY_VERIFY_WITH_TIMEOUT(visibleProgressDialog(&window), 10000);
        QTest::mouseClick(visibleProgressDialog(&window)->findChild<QPushButton *>(), Qt::LeftButton);
        QVERIFY(!visibleProgressDialog(&window)); // acknowledged at once
        QTRY_VERIFY_WITH_TIMEOUT(received.has_value(), 10000);
        QVERIFY(!probe->returned);
        QCOMPARE(received->status().code(), StatusCode::Canceled);
        QCOMPARE(statusText(window), QStringLiteral("Cancelled"));
        *release = true;
        QTRY_VERIFY(probe->returned);
        QTest::qWait(200);
        QCOMPARE(deliveries, 1);
    }

    void exceptionsBecomeStatuses()
    {
        MainWindow window;
        Status seen;
        bool finished = false;
        Job *job = window.jobRunner()->run(jobOptions("Throwing"),
            [](const CancellationToken &, const ProgressCallback &) -> Status { throw std::runtime_error("boom"); });
        connect(job, &Job::finished, this, [&](const Status &status) {
            seen = status;
            finished = true;
        });
        QTRY_VERIFY(finished);
        QCOMPARE(seen.code(), StatusCode::IoError);
        QVERIFY(seen.message().contains(QStringLiteral("boom")));
    }

    void errorsNameTheFile()
    {
        MainWindow window;
        window.jobRunner()->run(
            jobOptions("Reading", "notes.txt"), [](const CancellationToken &, const ProgressCallback &) {
                return Status(StatusCode::Corrupt, QStringLiteral("bad header"));
            });
        QTRY_COMPARE(statusText(window), QStringLiteral("notes.txt: bad header"));
    }
};

QTEST_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
