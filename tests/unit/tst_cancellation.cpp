// SPDX-License-Identifier: GPL-3.0-or-later
#include "cancellation.h"
#include "status.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace folio;
using namespace std::chrono_literals;

// Waits (without an event loop) until `predicate` holds or `limit` passes. Generous limits: these
// tests check behaviour, never speed.
template<typename Predicate>
static bool waitUntil(Predicate predicate, std::chrono::milliseconds limit = 10s)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!predicate()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

class TestCancellation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultTokenNeverCancels()
    {
        CancellationToken token;
        QVERIFY(!token.canBeCancelled());
        QVERIFY(!token.isCancelled());
        QCOMPARE(token.reason(), CancelReason::None);
        bool ran = false;
        auto registration = token.onCancel([&] { ran = true; });
        QVERIFY(!ran);
        QVERIFY(Status::fromToken(token).isOk());
    }

    void cancelSetsReason_data()
    {
        QTest::addColumn<CancelReason>("reason");
        QTest::addColumn<int>("code");
        QTest::newRow("user") << CancelReason::User << int(StatusCode::Canceled);
        QTest::newRow("superseded") << CancelReason::Superseded << int(StatusCode::Canceled);
        QTest::newRow("shutdown") << CancelReason::Shutdown << int(StatusCode::Canceled);
        QTest::newRow("timeout") << CancelReason::Timeout << int(StatusCode::TimedOut);
    }
    void cancelSetsReason()
    {
        QFETCH(CancelReason, reason);
        QFETCH(int, code);
        CancellationSource source;
        const CancellationToken token = source.token();
        QVERIFY(token.canBeCancelled());
        QVERIFY(!token.isCancelled());
        QVERIFY(source.cancel(reason));
        QVERIFY(token.isCancelled());
        QCOMPARE(token.reason(), reason);
        QCOMPARE(int(Status::fromToken(token).code()), code);
    }

    void firstReasonWins()
    {
        CancellationSource source;
        QVERIFY(source.cancel(CancelReason::Superseded));
        QVERIFY(!source.cancel(CancelReason::User));
        QCOMPARE(source.token().reason(), CancelReason::Superseded);
    }

    void cancelFromAnotherThread()
    {
        CancellationSource source;
        const CancellationToken token = source.token();
        std::atomic<bool> started = false;
        std::atomic<long long> spins = 0;
        std::thread worker([&] {
            started = true;
            while (!token.isCancelled())
                ++spins;
        });
        QVERIFY(waitUntil([&] { return started.load(); }));
        std::thread canceller([&] { source.cancel(CancelReason::User); });
        canceller.join();
        worker.join(); // would hang forever if the worker never saw the cancellation
        QCOMPARE(token.reason(), CancelReason::User);
    }

    void timeoutFiresWithoutEventLoop()
    {
        CancellationSource source;
        source.cancelAfter(20ms);
        const CancellationToken token = source.token();
        QVERIFY(!token.isCancelled());
        // Plain sleeping loop, no QEventLoop anywhere.
        QVERIFY(waitUntil([&] { return token.isCancelled(); }));
        QCOMPARE(token.reason(), CancelReason::Timeout);
        QCOMPARE(token.timeout(), 20ms);
        const Status status = Status::fromToken(token);
        QCOMPARE(status.code(), StatusCode::TimedOut);
        QCOMPARE(status.message(), QStringLiteral("Timed out after 20 ms"));
    }

    void cancelAfterReplacesDeadline()
    {
        CancellationSource source;
        source.cancelAfter(30ms);
        source.cancelAfter(std::chrono::milliseconds(0)); // disarm
        std::this_thread::sleep_for(120ms);
        QVERIFY(!source.isCancelled());
        source.cancelAfter(10ms);
        QVERIFY(waitUntil([&] { return source.isCancelled(); }));
    }

    void timerOutlivesSource()
    {
        CancellationToken token;
        {
            CancellationSource source;
            token = source.token();
            source.cancelAfter(10ms);
        }
        // The job keeps its token after the owner is gone; its timeout still applies.
        QVERIFY(waitUntil([&] { return token.isCancelled(); }));
        QCOMPARE(token.reason(), CancelReason::Timeout);
    }

    void manyTimersFireInDeadlineOrder()
    {
        std::vector<std::unique_ptr<CancellationSource>> sources;
        for (int i = 0; i < 50; ++i) {
            sources.push_back(std::make_unique<CancellationSource>());
            sources.back()->cancelAfter(std::chrono::milliseconds(5 + (i % 7)));
        }
        QVERIFY(waitUntil([&] {
            return std::all_of(sources.begin(), sources.end(), [](const auto &s) { return s->isCancelled(); });
        }));
    }

    void linkedSourceFollowsParent()
    {
        CancellationSource parent;
        CancellationSource child(parent.token());
        QVERIFY(!child.isCancelled());
        parent.cancel(CancelReason::Shutdown);
        QVERIFY(child.isCancelled());
        QCOMPARE(child.reason(), CancelReason::Shutdown);
    }

    void linkedChildDoesNotCancelParent()
    {
        CancellationSource parent;
        CancellationSource child(parent.token());
        child.cancel(CancelReason::Superseded);
        QVERIFY(child.isCancelled());
        QVERIFY(!parent.isCancelled());
    }

    void linkedToCancelledParentStartsCancelled()
    {
        CancellationSource parent;
        parent.cancel(CancelReason::User);
        CancellationSource child(parent.token());
        QVERIFY(child.isCancelled());
        QCOMPARE(child.reason(), CancelReason::User);
    }

    void linkedTimeoutCarriesDuration()
    {
        CancellationSource parent;
        CancellationSource child(parent.token());
        parent.cancelAfter(15ms);
        QVERIFY(waitUntil([&] { return child.isCancelled(); }));
        QCOMPARE(child.reason(), CancelReason::Timeout);
        QCOMPARE(child.token().timeout(), 15ms);
    }

    void destroyedChildUnlinks()
    {
        CancellationSource parent;
        {
            CancellationSource child(parent.token());
        }
        QVERIFY(parent.cancel()); // must not touch the destroyed child
    }

    void callbackRunsOnceOnCancel()
    {
        CancellationSource source;
        int calls = 0;
        auto registration = source.token().onCancel([&] { ++calls; });
        QCOMPARE(calls, 0);
        source.cancel();
        source.cancel();
        source.cancel(CancelReason::Timeout);
        QCOMPARE(calls, 1);
    }

    void callbackRegisteredAfterCancelRunsImmediatelyOnce()
    {
        CancellationSource source;
        source.cancel();
        int calls = 0;
        {
            auto registration = source.token().onCancel([&] { ++calls; });
            QCOMPARE(calls, 1);
        }
        source.cancel();
        QCOMPARE(calls, 1);
    }

    void destroyedRegistrationDoesNotRun()
    {
        CancellationSource source;
        int calls = 0;
        {
            auto registration = source.token().onCancel([&] { ++calls; });
        }
        auto reset = source.token().onCancel([&] { calls += 10; });
        reset.reset();
        source.cancel();
        QCOMPARE(calls, 0);
    }

    void movedRegistrationStaysRegistered()
    {
        CancellationSource source;
        int calls = 0;
        CancellationRegistration outer;
        {
            auto inner = source.token().onCancel([&] { ++calls; });
            outer = std::move(inner);
        }
        source.cancel();
        QCOMPARE(calls, 1);
    }

    void callbackMayDropItsOwnRegistration()
    {
        CancellationSource source;
        int calls = 0;
        auto registration = std::make_unique<CancellationRegistration>();
        *registration = source.token().onCancel([&] {
            ++calls;
            registration.reset(); // same thread: must not deadlock
        });
        source.cancel();
        QCOMPARE(calls, 1);
        QVERIFY(!registration);
    }

    void unregisterWaitsForRunningCallback()
    {
        CancellationSource source;
        std::atomic<bool> inCallback = false;
        std::atomic<bool> finished = false;
        auto registration = source.token().onCancel([&] {
            inCallback = true;
            std::this_thread::sleep_for(50ms);
            finished = true;
        });
        std::thread canceller([&] { source.cancel(); });
        QVERIFY(waitUntil([&] { return inCallback.load(); }));
        registration.reset(); // must block until the callback has returned
        QVERIFY(finished.load());
        canceller.join();
    }

    void concurrentCancelAndRegisterRunEachCallbackOnce()
    {
        for (int round = 0; round < 200; ++round) {
            CancellationSource source;
            const CancellationToken token = source.token();
            std::atomic<int> calls = 0;
            std::vector<CancellationRegistration> registrations(8);
            std::thread registrar([&] {
                for (auto &r : registrations)
                    r = token.onCancel([&] { ++calls; });
            });
            std::thread canceller([&] { source.cancel(); });
            std::thread canceller2([&] { source.cancel(CancelReason::Timeout); });
            registrar.join();
            canceller.join();
            canceller2.join();
            QCOMPARE(calls.load(), 8);
        }
    }

    void statusMessages()
    {
        QCOMPARE(formatDuration(500ms), QStringLiteral("500 ms"));
        QCOMPARE(formatDuration(30s), QStringLiteral("30 s"));
        QCOMPARE(formatDuration(1500ms), QStringLiteral("1.5 s"));
        QCOMPARE(formatDuration(90s), QStringLiteral("1 min 30 s"));
        QCOMPARE(formatDuration(120s), QStringLiteral("2 min"));
        CancellationSource source;
        source.cancel(CancelReason::User);
        QCOMPARE(Status::fromToken(source.token()).message(), QStringLiteral("Cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestCancellation)
#include "tst_cancellation.moc"
