// SPDX-License-Identifier: GPL-3.0-or-later
// Cancel latency: runs an operation on a worker thread, cancels it at a random moment, and
// measures the time from cancel() to the operation's return. A benchmark, not a test.
//
//   bench_cancel render FILE [--runs N] [--dpi D] [--page P]   render a page
//   bench_cancel scan FILE [--runs N]                          index every page (streaming formats)
//   bench_cancel extract FILE [--runs N] [--index I] [--label L]
//                                                              save archive entry I (1-based; default:
//                                                              the largest) into a sink that discards
//
// Prints one Markdown table row: operation, runs, cancelled, p50, p99, max (ms). An extract row is
// named after the archive's format and the engine that read it ("extract (ZIP, KArchive)"), told
// by the archive layer's debug messages, unless --label names it.
#include "viewer.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QIODevice>
#include <QLoggingCategory>

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

// Takes every byte and keeps none: the entry's reading is measured, not a disk's writing.
class NullSink final : public QIODevice
{
protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override { return size; }
};

// Which engine read the archive, from the archive layer's debug messages (folio.archive): a ZIP
// listed from its central directory or an archive listed by KArchive goes through KArchive, one
// listed "through libarchive" through libarchive.
QString g_engine;
QtMessageHandler g_previousHandler = nullptr;

void engineSpy(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "folio.archive") == 0) {
        if (message.contains(QLatin1String("through libarchive")))
            g_engine = QStringLiteral("libarchive");
        else if (message.contains(QLatin1String("ZIP catalogue")) || message.contains(QLatin1String("in KArchive"))
            || message.contains(QLatin1String("with K7Zip")))
            g_engine = QStringLiteral("KArchive");
        return; // the bench prints its row only
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr,
            "usage: bench_cancel render|scan|extract FILE [--runs N] [--dpi D] [--page P] [--index I] [--label L]\n");
        return 2;
    }
    const QString mode = args[1];
    const QString file = args[2];
    const bool extract = mode == QLatin1String("extract");
    int runs = 200;
    double dpi = 150;
    int page = 0;
    int attachment = -1;
    QString label;
    for (int i = 3; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dpi"))
            dpi = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--page"))
            page = args[i + 1].toInt() - 1;
        else if (args[i] == QLatin1String("--index"))
            attachment = args[i + 1].toInt() - 1;
        else if (args[i] == QLatin1String("--label"))
            label = args[i + 1];
    }

    if (extract) {
        QLoggingCategory::setFilterRules(QStringLiteral("folio.archive.debug=true"));
        g_previousHandler = qInstallMessageHandler(engineSpy);
    }
    Viewer viewer;
    if (Status s = viewer.open(file, {}, {}); !s) {
        std::fprintf(stderr, "bench_cancel: %s\n", qPrintable(s.message()));
        return 1;
    }
    QString operationName = mode + QLatin1Char(' ') + QFileInfo(file).fileName();
    qint64 entrySize = -1;
    if (extract) {
        const QList<AttachmentInfo> attachments = viewer.attachments();
        if (attachments.isEmpty()) {
            std::fprintf(stderr, "bench_cancel: %s holds no attachments\n", qPrintable(file));
            return 1;
        }
        if (attachment < 0) {
            attachment = 0;
            for (int i = 1; i < attachments.size(); ++i) {
                if (attachments[i].size > attachments[attachment].size)
                    attachment = i;
            }
        }
        if (attachment >= attachments.size()) {
            std::fprintf(stderr, "bench_cancel: no attachment %d\n", attachment + 1);
            return 1;
        }
        entrySize = attachments[attachment].size;
        if (label.isEmpty()) {
            QString format;
            for (const auto &[key, value] : viewer.document()->metadata()) {
                if (key == QLatin1String("Format"))
                    format = value;
            }
            if (format.isEmpty())
                format = viewer.document()->formatName();
            label = g_engine.isEmpty() ? format : format + QStringLiteral(", ") + g_engine;
        }
    }
    if (!label.isEmpty())
        operationName = mode + QStringLiteral(" (") + label + QLatin1Char(')');
    RenderRequest request;
    request.dpi = dpi;
    // Extract: the longest wait for a chunk to write (an engine may still poll the token while it
    // waits, through its input: libarchive's read callback does).
    Clock::time_point lastChunk;
    double longestGapMs = 0;
    const auto operation = [&](const CancellationToken &token) -> Status {
        if (extract) {
            NullSink sink;
            sink.open(QIODevice::WriteOnly);
            lastChunk = Clock::now();
            longestGapMs = 0;
            return viewer.saveAttachment(attachment, sink, token, [&](qint64, qint64) {
                const auto now = Clock::now();
                longestGapMs
                    = std::max(longestGapMs, std::chrono::duration<double, std::milli>(now - lastChunk).count());
                lastChunk = now;
            });
        }
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

    // Uncancelled duration first: cancellation moments are drawn from within it. An entry is read
    // twice, the second time from the page cache as the cancelled runs will read it.
    double fullMs = 0;
    for (int pass = 0; pass < (extract ? 2 : 1); ++pass) {
        const auto start = Clock::now();
        if (Status s = operation({}); !s) {
            std::fprintf(stderr, "bench_cancel: %s\n", qPrintable(s.message()));
            return 1;
        }
        fullMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    }
    const double uncancelledGapMs = longestGapMs;

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
    if (extract) {
        // What the uncancelled run read, for the row's reader: the entry and its speed.
        std::fprintf(stderr,
            "bench_cancel: entry %d, %.0f MiB in %.0f ms (%.0f MiB/s); longest wait for a chunk %.2f ms\n",
            attachment + 1, double(entrySize) / 1048576.0, fullMs, double(entrySize) / 1048576.0 / (fullMs / 1000.0),
            uncancelledGapMs);
    }
    std::printf("| %s | %.0f ms | %zu of %d | %.2f | %.2f | %.2f |\n", qPrintable(operationName), fullMs,
        latencies.size(), runs, percentile(latencies, 0.5), percentile(latencies, 0.99),
        latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()));
    // Abandoned detached work may still run: leave without waiting for it.
    std::fflush(stdout);
    std::_Exit(0);
}
