// SPDX-License-Identifier: GPL-3.0-or-later
// Soak: many renders and exports across the given files, each under a random timeout (so most are
// cancelled at a random moment). Every run must end in success or a clean cancellation; after
// the run no temporary file may be left in the export folder, no thread or open file may be
// left over, and memory must not grow once the first tenth of the runs (the warm-up) is done. A
// benchmark, not a test.
//
//   bench_soak [--runs N] [--max-timeout-ms M] [--seed S] FILE...
//
// Prints a Markdown summary and a table per tenth of the runs (decile); exits 1 when any of the
// conditions above fails.
//
// At the end of each decile, once the work abandoned by cancelled runs has finished in the
// background ("settled"), it records:
// - live heap: the bytes the allocator has handed out and not had back (glibc: mallinfo2()'s
//   uordblks + hblkhd, summed over every arena; AddressSanitizer: its allocator's own count). A
//   leak or an unbounded cache grows it; free memory the allocator keeps does not.
// - file-backed RSS (RssFile: libraries, fonts, mapped files) and open file descriptors, which
//   grow when mappings or files are left open.
// - malloc arenas (glibc) and threads.
// Checks, from the end of the warm-up to the end of the run: the live heap may grow by 2 MB at
// most (about 200 bytes a run over 9,000 runs), the file-backed RSS by 4 MB, threads by 2 (pooled
// workers may start late; nothing per run may stay) and open files by one more than threads did
// (each Qt thread has an eventfd for its event dispatcher).
//
// Total RSS (median and peak of the readings after every run) is reported, not checked: with
// glibc it mostly measures the allocator. Each thread that allocates gets an arena of its own
// (up to 8 per core). Once a large buffer (a page image) has been freed, glibc raises its mmap
// threshold to that size, so later page images come from the arenas, and each arena then keeps up
// to twice that size free at its top instead of giving it back (malloc_trim() leaves it too). RSS
// so steps up when the pools start another thread, and the malloc arenas column shows when. Run
// with GLIBC_TUNABLES=glibc.malloc.mmap_threshold=131072 to pin the threshold: RSS then follows
// the live heap. Under AddressSanitizer (quarantine, shadow memory) only the live heap is meaningful,
// and LeakSanitizer checks for leaks at exit.
#include "exporters/exporter.h"
#include "viewer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define FOLIO_SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FOLIO_SOAK_ASAN 1
#endif
#endif

#if defined(FOLIO_SOAK_ASAN)
// From <sanitizer/allocator_interface.h>, which GCC does not install.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33) // mallinfo2()
#include <malloc.h>
#define FOLIO_SOAK_GLIBC 1
#endif

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

// Bytes handed out by the allocator and not freed yet (-1 when unknown).
long long liveHeapBytes()
{
#if defined(FOLIO_SOAK_ASAN)
    return (long long)__sanitizer_get_current_allocated_bytes();
#elif defined(FOLIO_SOAK_GLIBC)
    const struct mallinfo2 info = mallinfo2();
    return (long long)(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

// glibc's malloc arenas (-1 when unknown).
int mallocArenas()
{
#if defined(FOLIO_SOAK_GLIBC)
    char *buffer = nullptr;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (!stream)
        return -1;
    malloc_info(0, stream);
    std::fclose(stream);
    const int arenas = int(QByteArray(buffer, qsizetype(size)).count("<heap nr="));
    std::free(buffer);
    return arenas;
#else
    return -1;
#endif
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

int openFiles()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
}

// Waits (2 s at most) until the work abandoned by cancelled runs has finished: the live heap and
// the thread count hold still over 100 ms.
void settle()
{
    long long heap = liveHeapBytes();
    long threads = procStatus("Threads");
    for (int i = 0; i < 20; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const long long heapNow = liveHeapBytes();
        const long threadsNow = procStatus("Threads");
        if (i >= 1 && std::llabs(heapNow - heap) < 64 * 1024 && threadsNow == threads)
            return;
        heap = heapNow;
        threads = threadsNow;
    }
}

struct Decile
{
    int runs = 0;
    int ok = 0;
    int cancelled = 0;
    std::vector<long> rss; // kB, after every run
    long long liveHeap = -1; // bytes
    long fileRss = 0; // kB
    int openFiles = 0;
    int arenas = -1;
    long threads = 0;
};

double mb(long kb)
{
    return kb / 1024.0;
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
    if (files.isEmpty() || runs < 10) {
        std::fprintf(stderr, "usage: bench_soak [--runs N (10 or more)] [--max-timeout-ms M] [--seed S] FILE...\n");
        return 2;
    }

    std::mt19937 random(seed);
    QTemporaryDir out;
    std::map<QString, int> outcomes; // "ok", "cancelled", or the failure
    std::vector<Decile> deciles(10);
    for (Decile &decile : deciles)
        decile.rss.reserve(size_t(runs / 10 + 1)); // no growth of the soak's own bookkeeping
    int failures = 0;
    const auto start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration settling{};
    for (int run = 0; run < runs; ++run) {
        const QString file = files[int(random() % unsigned(files.size()))];
        CancellationSource source;
        source.cancelAfter(std::chrono::milliseconds(random() % unsigned(maxTimeout + 1)));
        const CancellationToken token = source.token();
        Status status;
        {
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
        }
        Decile &decile = deciles[size_t(run * 10 / runs)];
        ++decile.runs;
        if (status.isOk()) {
            ++outcomes[QStringLiteral("ok")];
            ++decile.ok;
        } else if (status.isCancellation()) {
            ++outcomes[QStringLiteral("cancelled")];
            ++decile.cancelled;
        } else {
            ++outcomes[QFileInfo(file).fileName() + QStringLiteral(": ") + status.message()];
            ++failures;
        }
        decile.rss.push_back(procStatus("VmRSS"));
        if ((run + 1) * 10 / runs != run * 10 / runs) { // the decile's last run
            const auto settleStart = std::chrono::steady_clock::now();
            settle();
            settling += std::chrono::steady_clock::now() - settleStart;
            decile.liveHeap = liveHeapBytes();
            decile.fileRss = procStatus("RssFile");
            decile.openFiles = openFiles();
            decile.arenas = mallocArenas();
            decile.threads = procStatus("Threads");
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start - settling).count();

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
    // Threads are counted once the pools are warm (end of the first decile), then at the end, once
    // detached library calls have finished in the background.
    const long threadsWarm = deciles.front().threads;
    for (int i = 0; i < 50 && procStatus("Threads") > threadsWarm + 1; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const long threadsAfter = procStatus("Threads");
    const int openFilesAfter = openFiles();

    const Decile &warm = deciles.front();
    const Decile &last = deciles.back();
    for (Decile &decile : deciles)
        std::sort(decile.rss.begin(), decile.rss.end());
    const auto heapMb = [](long long bytes) { return bytes < 0 ? QStringLiteral("-") : QString::number(bytes / 1048576.0, 'f', 1); };

    const int ok = outcomes[QStringLiteral("ok")];
    const int cancelled = outcomes[QStringLiteral("cancelled")];
    std::printf("| runs | seconds | ok | cancelled | failed | leftover files | threads warm/after | open files warm/after | "
                "live heap warm/end MB | peak RSS warm-up/last decile MB |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    std::printf("| %d | %.1f | %d | %d | %d | %d | %ld / %ld | %d / %d | %s / %s | %.0f / %.0f |\n", runs, seconds, ok,
        cancelled, failures, leftovers, threadsWarm, threadsAfter, warm.openFiles, openFilesAfter,
        qPrintable(heapMb(warm.liveHeap)), qPrintable(heapMb(last.liveHeap)), mb(warm.rss.back()), mb(last.rss.back()));
    std::printf("\n");
    std::printf("| decile | ok | cancelled | RSS median / peak MB | live heap MB | file-backed RSS MB | open files | malloc arenas | threads |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < deciles.size(); ++i) {
        const Decile &decile = deciles[i];
        std::printf("| %zu%s | %d | %d | %.0f / %.0f | %s | %.1f | %d | %s | %ld |\n", i + 1, i == 0 ? " (warm-up)" : "",
            decile.ok, decile.cancelled, mb(decile.rss[decile.rss.size() / 2]), mb(decile.rss.back()),
            qPrintable(heapMb(decile.liveHeap)), mb(decile.fileRss), decile.openFiles,
            decile.arenas < 0 ? "-" : qPrintable(QString::number(decile.arenas)), decile.threads);
    }
    std::fflush(stdout); // LeakSanitizer ends the process at exit without flushing it
    for (const auto &[outcome, count] : outcomes) {
        if (outcome != QLatin1String("ok") && outcome != QLatin1String("cancelled"))
            std::fprintf(stderr, "failed %d×: %s\n", count, qPrintable(outcome));
    }

    // Growth after the warm-up: see the top of the file.
    const bool heapGrew = warm.liveHeap >= 0 && last.liveHeap - warm.liveHeap > 2 * 1048576;
    if (heapGrew)
        std::fprintf(stderr, "bench_soak: the live heap grew from %s MB to %s MB after the warm-up\n",
            qPrintable(heapMb(warm.liveHeap)), qPrintable(heapMb(last.liveHeap)));
    const bool filesGrew = last.fileRss - warm.fileRss > 4 * 1024;
    if (filesGrew)
        std::fprintf(stderr, "bench_soak: the file-backed RSS grew from %.1f MB to %.1f MB after the warm-up\n",
            mb(warm.fileRss), mb(last.fileRss));
    const bool filesLeft = openFilesAfter > warm.openFiles + std::max(0L, threadsAfter - threadsWarm) + 1;
    if (filesLeft)
        std::fprintf(stderr, "bench_soak: %d files open after the run, %d after the warm-up\n", openFilesAfter, warm.openFiles);
    // The process-wide timer thread and pooled workers may stay; nothing per run may.
    const bool threadsLeft = threadsAfter > threadsWarm + 2;
    if (threadsLeft)
        std::fprintf(stderr, "bench_soak: %ld threads after the run, %ld after the warm-up\n", threadsAfter, threadsWarm);
    return failures == 0 && leftovers == 0 && !heapGrew && !filesGrew && !filesLeft && !threadsLeft ? 0 : 1;
}
