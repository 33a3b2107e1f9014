// SPDX-License-Identifier: GPL-3.0-or-later
#include "detachedcall.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace folio;
using namespace std::chrono_literals;

class TestDetachedCall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void returnsTheResult()
    {
        const auto result = callDetached<int>([] { return Result<int>(42); }, {});
        QVERIFY(result.isOk());
        QCOMPARE(result.value(), 42);
    }

    void returnsTheError()
    {
        const auto result
            = callDetached<int>([] { return Result<int>(Status(StatusCode::Corrupt, QStringLiteral("bad"))); }, {});
        QCOMPARE(result.status().code(), StatusCode::Corrupt);
        QCOMPARE(result.status().message(), QStringLiteral("bad"));
    }

    void cancelledBeforeStartReturnsCancelled()
    {
        CancellationSource source;
        source.cancel(CancelReason::Superseded);
        const auto result = callDetached<int>([] { return Result<int>(1); }, source.token());
        // Either outcome is a valid race, but a cancelled token must never hang the caller.
        QVERIFY(result.isOk() || result.status().code() == StatusCode::Canceled);
    }

    // Work that ignores its token entirely: the caller still gets control back on cancel, and
    // the abandoned work finishes on its own with its shared state intact.
    void abandonsWorkThatIgnoresTheToken()
    {
        auto release = std::make_shared<std::atomic<bool>>(false);
        auto finished = std::make_shared<std::atomic<bool>>(false);
        CancellationSource source;
        std::thread canceller([&] {
            std::this_thread::sleep_for(20ms);
            source.cancel(CancelReason::User);
        });
        const auto result = callDetached<int>(
            [release, finished] {
                while (!release->load())
                    std::this_thread::sleep_for(1ms);
                finished->store(true);
                return Result<int>(7);
            },
            source.token());
        canceller.join();
        QCOMPARE(result.status().code(), StatusCode::Canceled);
        QVERIFY(!finished->load());
        release->store(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished->load(), 10000);
    }

    void timeoutReportsTimedOut()
    {
        auto release = std::make_shared<std::atomic<bool>>(false);
        CancellationSource source;
        source.cancelAfter(10ms);
        const auto result = callDetached<int>(
            [release] {
                while (!release->load())
                    std::this_thread::sleep_for(1ms);
                return Result<int>(1);
            },
            source.token());
        release->store(true);
        QCOMPARE(result.status().code(), StatusCode::TimedOut);
    }

    void manyCallersAtOnce()
    {
        std::vector<std::thread> callers;
        std::atomic<int> sum = 0;
        for (int i = 0; i < 16; ++i) {
            callers.emplace_back([i, &sum] {
                const auto result = callDetached<int>([i] { return Result<int>(i); }, {});
                sum += result.value();
            });
        }
        for (auto &caller : callers)
            caller.join();
        QCOMPARE(sum.load(), 120);
    }
};

QTEST_GUILESS_MAIN(TestDetachedCall)
#include "tst_detachedcall.moc"
