// SPDX-License-Identifier: GPL-3.0-or-later
// Cancel latency: runs an operation on a worker thread, cancels it at a random moment, and
// measures the time from cancel() to the operation's return. A benchmark, not a test.
//
//   bench_cancel render FILE [--runs N] [--dpi D] [--page P]   render a page
//   bench_cancel scan FILE [--runs N]                          index every page (streaming formats)
//
// Prints one Markdown table row: operation, runs, cancelled, p50, p99, max (ms).
#include "viewer.h"

#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

using namespace folio;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_cancel render|scan FILE [--runs N] [--dpi D] [--page P]\n");
        return 2;
    }
    const QString mode = args[1];
    const QString file = args[2];
    int runs = 200;
    double dpi = 150;
    int page = 0;
    for (int i = 3; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dpi"))
            dpi = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--page"))
            page = args[i + 1].toInt() - 1;
    }

    Viewer viewer;
    if (Status s = viewer.open(file, {}, {}); !s) {
        std::fprintf(stderr, "bench_cancel: %s\n", qPrintable(s.message()));
        return 1;
    }
    RenderRequest request;
    request.dpi = dpi;
    const auto operation = [&](const CancellationToken &token) -> Status {
        if (mode == QLatin1String("scan")) {
            // A fresh instance each time: the scan must start from the beginning.
            auto document = Viewer::load(file, {}, token);
            if (!document)
                return document.status();
            return document.value()->ensurePages(-1, token);
        }
        const auto image = viewer.render(page, request, token);
        return image ? Status() : image.status();
    };

    // Uncancelled duration first: cancellation moments are drawn from within it.
    const auto start = Clock::now();
    if (Status s = operation({}); !s) {
        std::fprintf(stderr, "bench_cancel: %s\n", qPrintable(s.message()));
        return 1;
    }
    const double fullMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();

    std::mt19937 random(20261125);
    std::uniform_real_distribution<double> moment(0.0, fullMs * 0.9);
    std::vector<double> latencies;
    int completedFirst = 0;
    for (int run = 0; run < runs; ++run) {
        CancellationSource source;
        Clock::time_point returned;
        Status result;
        std::thread worker([&] {
            result = operation(source.token());
            returned = Clock::now();
        });
        std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(moment(random)));
        const auto cancelled = Clock::now();
        source.cancel(CancelReason::User);
        worker.join();
        if (result.code() != StatusCode::Canceled) {
            ++completedFirst; // finished before the cancel landed
            continue;
        }
        latencies.push_back(std::max(0.0, std::chrono::duration<double, std::milli>(returned - cancelled).count()));
    }
    std::printf("| %s %s | %.0f ms | %zu of %d | %.2f | %.2f | %.2f |\n", qPrintable(mode),
        qPrintable(QFileInfo(file).fileName()), fullMs, latencies.size(), runs, percentile(latencies, 0.5),
        percentile(latencies, 0.99), latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()));
    // Abandoned detached work may still run: leave without waiting for it.
    std::fflush(stdout);
    std::_Exit(0);
}
