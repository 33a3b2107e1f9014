// SPDX-License-Identifier: GPL-3.0-or-later
// Soak: many renders and exports across the given files, each under a random timeout (so most are
// cancelled at a random moment). Every run must end in success or a clean cancellation; after
// the run no temporary file may be left in the export folder, no thread may be left running,
// and memory must not grow between the first and the last quarter. A benchmark, not a test.
//
//   bench_soak [--runs N] [--max-timeout-ms M] [--seed S] FILE...
//
// Prints a Markdown summary; exits 1 when any of the conditions above fails.
#include "exporters/exporter.h"
#include "viewer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

using namespace folio;

namespace {

// A field of /proc/self/status ("VmRSS", "Threads"), in its own unit (kB for sizes).
long procStatus(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLong();
    }
    return -1;
}

int entriesIn(const QString &dir)
{
    int count = 0;
    QDir folder(dir);
    for (const QString &name : folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QFileInfo info(folder.filePath(name));
        count += info.isDir() ? 1 + entriesIn(info.filePath()) : 1;
    }
    return count;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 10000;
    int maxTimeout = 40;
    unsigned seed = 1;
    QStringList files;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--max-timeout-ms") && i + 1 < args.size())
            maxTimeout = args[++i].toInt();
        else if (args[i] == QLatin1String("--seed") && i + 1 < args.size())
            seed = args[++i].toUInt();
        else
            files.append(args[i]);
    }
    if (files.isEmpty() || runs <= 0) {
        std::fprintf(stderr, "usage: bench_soak [--runs N] [--max-timeout-ms M] [--seed S] FILE...\n");
        return 2;
    }

    std::mt19937 random(seed);
    QTemporaryDir out;
    // Threads are counted once the pools are warm (a tenth of the runs in), then at the end.
    long threadsBefore = procStatus("Threads");
    std::map<QString, int> outcomes; // "ok", "cancelled", or the failure
    long rssFirstQuarter = 0;
    long rssLastQuarter = 0;
    int failures = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int run = 0; run < runs; ++run) {
        const QString file = files[int(random() % unsigned(files.size()))];
        CancellationSource source;
        source.cancelAfter(std::chrono::milliseconds(random() % unsigned(maxTimeout + 1)));
        const CancellationToken token = source.token();
        Status status;
        Viewer viewer;
        status = viewer.open(file, {}, token);
        if (status)
            status = viewer.document()->ensurePages(1, token);
        if (status && viewer.document()->pageCount() > 0) {
            // Mostly renders; every tenth run an export of page 1 in a rotating format.
            if (run % 10 == 9) {
                ExportOptions options;
                options.format = ExportOptions::Format(run / 10 % 4);
                options.dpi = 48;
                options.rotation = 90; // never the byte-for-byte PDF copy
                options.baseName = QStringLiteral("soak");
                const auto written = Exporter::exportPages(
                    viewer, {0}, out.filePath(QStringLiteral("run-%1").arg(run)), options, token);
                status = written ? Status() : written.status();
            } else {
                RenderRequest request;
                request.dpi = 48 + double(random() % 100);
                const auto image = viewer.document()->render(0, request, token);
                status = image ? Status() : image.status();
            }
        }
        QString outcome;
        if (status.isOk())
            outcome = QStringLiteral("ok");
        else if (status.isCancellation())
            outcome = QStringLiteral("cancelled");
        else {
            outcome = QFileInfo(file).fileName() + QStringLiteral(": ") + status.message();
            ++failures;
        }
        ++outcomes[outcome];
        if (run == runs / 10)
            threadsBefore = procStatus("Threads");
        const long rss = procStatus("VmRSS");
        if (run < runs / 4)
            rssFirstQuarter = std::max(rssFirstQuarter, rss);
        else if (run >= runs - runs / 4)
            rssLastQuarter = std::max(rssLastQuarter, rss);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    // Cancelled exports must have left nothing; successful ones their one file (PDF, PNG, JPEG) or
    // page (HTML) each.
    int leftovers = 0;
    for (const QString &name : QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QString dir = out.filePath(name);
        for (const QString &entry : QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
            if (entry.startsWith(u'.'))
                ++leftovers; // a staged temporary file
        }
        if (entriesIn(dir) == 0)
            ++leftovers; // an empty folder left by a cancelled run
    }
    // Detached library calls finish in the background: give them a moment before counting threads.
    for (int i = 0; i < 50 && procStatus("Threads") > threadsBefore + 1; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const long threadsAfter = procStatus("Threads");

    std::printf("| runs | seconds | ok | cancelled | failed | leftover files | threads warm/after | RSS first/last quarter MB |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    const int ok = outcomes[QStringLiteral("ok")];
    const int cancelled = outcomes[QStringLiteral("cancelled")];
    std::printf("| %d | %.1f | %d | %d | %d | %d | %ld / %ld | %.0f / %.0f |\n", runs, seconds, ok, cancelled, failures,
        leftovers, threadsBefore, threadsAfter, rssFirstQuarter / 1024.0, rssLastQuarter / 1024.0);
    for (const auto &[outcome, count] : outcomes) {
        if (outcome != QLatin1String("ok") && outcome != QLatin1String("cancelled"))
            std::fprintf(stderr, "failed %d×: %s\n", count, qPrintable(outcome));
    }
    // Growth: more than 25% and 32 MB between the quarters counts as a leak.
    const bool grew = rssLastQuarter > rssFirstQuarter * 5 / 4 && rssLastQuarter - rssFirstQuarter > 32 * 1024;
    // The process-wide timer thread and pooled workers may stay; nothing per run may.
    const bool threadsLeft = threadsAfter > threadsBefore + 2;
    return failures == 0 && leftovers == 0 && !grew && !threadsLeft ? 0 : 1;
}
