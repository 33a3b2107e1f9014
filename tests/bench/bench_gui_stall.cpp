// SPDX-License-Identifier: GPL-3.0-or-later
// Event-loop stalls: opens a document in a MainWindow (offscreen), scrolls through its pages and
// zooms in and out, while a 1 ms precise timer measures the gaps between its ticks. A gap is time
// the GUI thread spent on something else; over 16 ms it is a dropped frame at 60 Hz. A benchmark,
// not a test.
//
//   bench_gui_stall FILE... [--step-ms N] [--max-pages N] [--worker-nice N] [--verbose]
//
// --worker-nice 0 measures the GUI without lowering its workers' priority (the default is the
// application's own GuiWorkerNice).
//
// Prints one Markdown table row per file: file, pages, run time, ticks, p50, p99, max gap (ms),
// gaps over 16 ms, and how much of the time in those gaps the GUI thread itself was running
// (CLOCK_THREAD_CPUTIME_ID; the rest it waited for a CPU or on a lock); first a row for an idle event loop, which shows
// what the machine's scheduler alone costs (other processes on a busy machine stretch the gaps too). --verbose lists
// every gap over 16 ms on stderr with the step that was running.
#include "documentview.h"
#include "mainwindow.h"
#include "pageview.h"
#include "threadpriority.h"
#include "workerpool.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace folio;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

// Records the time between consecutive ticks of a 1 ms timer on the GUI thread.
class GapProbe
{
public:
    GapProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            const double gap = double(now - m_last) / 1e6;
            m_gaps.push_back(gap);
            if (gap > 16.0) {
                const double busy = double(cpu - m_lastCpu) / 1e6;
                m_stallBusyMs += busy;
                m_stallMs += gap;
                if (m_verbose)
                    std::fprintf(stderr, "  %8.3f s: %6.1f ms gap (GUI thread on CPU %5.1f ms), during %s\n",
                        double(now) / 1e9, gap, busy, m_phase);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_gaps.reserve(1 << 20);
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void setVerbose(bool verbose) { m_verbose = verbose; }
    // What runs now, for --verbose (a string literal).
    void setPhase(const char *phase) { m_phase = phase; }
    const std::vector<double> &gaps() const { return m_gaps; }
    double elapsedSeconds() const { return double(m_clock.nsecsElapsed()) / 1e9; }
    // Of the time in gaps over 16 ms, the share the GUI thread spent running (the rest it waited:
    // for a CPU, or blocked).
    double stallBusyShare() const { return m_stallMs > 0 ? m_stallBusyMs / m_stallMs : 0.0; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    static qint64 threadCpuNs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
    }

    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    double m_stallMs = 0;
    double m_stallBusyMs = 0;
    std::vector<double> m_gaps;
    bool m_verbose = false;
    const char *m_phase = "start";
};

struct Step
{
    const char *name;
    std::function<void(PageView &)> action;
};

// What a reader does: wait for the first page, scroll through the document a screen at a
// time, zoom in and scroll some more, zoom out, fit the width, jump to the end and back.
std::vector<Step> scenario(int pages, int maxPages)
{
    const auto repeat = [](std::vector<Step> &steps, int times, Step step) { steps.insert(steps.end(), times, step); };
    std::vector<Step> steps;
    repeat(steps, std::min(pages, maxPages) * 2, {"scroll", [](PageView &view) { view.scrollByScreen(1); }});
    steps.push_back({"first page", [](PageView &view) { view.firstPage(); }});
    repeat(steps, 4, {"zoom in", [](PageView &view) { view.zoomIn(); }});
    repeat(steps, 6, {"scroll zoomed", [](PageView &view) { view.scrollByScreen(1); }});
    repeat(steps, 6, {"zoom out", [](PageView &view) { view.zoomOut(); }});
    steps.push_back({"fit width", [](PageView &view) { view.fitWidth(); }});
    steps.push_back({"last page", [](PageView &view) { view.lastPage(); }});
    steps.push_back({"fit page", [](PageView &view) { view.fitPage(); }});
    steps.push_back({"first page", [](PageView &view) { view.firstPage(); }});
    steps.push_back({"actual size", [](PageView &view) { view.actualSize(); }});
    return steps;
}

void printRow(const QString &name, const QString &pages, const GapProbe &probe)
{
    const std::vector<double> &gaps = probe.gaps();
    const auto over = std::count_if(gaps.begin(), gaps.end(), [](double gap) { return gap > 16.0; });
    std::printf("| %s | %s | %.1f s | %zu | %.2f | %.2f | %.1f | %td | %.0f%% |\n", qPrintable(name), qPrintable(pages),
        probe.elapsedSeconds(), gaps.size(), percentile(gaps, 0.5), percentile(gaps, 0.99),
        gaps.empty() ? 0.0 : *std::max_element(gaps.begin(), gaps.end()), over, probe.stallBusyShare() * 100);
    std::fflush(stdout);
}

void runIdle(bool verbose)
{
    GapProbe probe;
    probe.setVerbose(verbose);
    probe.setPhase("idle");
    probe.start();
    QEventLoop loop;
    QTimer::singleShot(2000, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();
    printRow(QStringLiteral("(idle event loop)"), QStringLiteral("–"), probe);
}

int run(const QString &file, int stepMs, int maxPages, bool verbose)
{
    if (verbose)
        std::fprintf(stderr, "%s\n", qPrintable(file));
    MainWindow window;
    window.resize(1200, 900);
    window.show();

    GapProbe probe;
    probe.setVerbose(verbose);
    probe.setPhase("opening");
    probe.start();
    window.openFile(file);

    QEventLoop loop;
    QTimer driver;
    driver.setInterval(stepMs);
    std::vector<Step> steps;
    size_t next = 0;
    int pages = 0;
    QElapsedTimer waiting;
    waiting.start();
    QObject::connect(&driver, &QTimer::timeout, [&] {
        DocumentView *view = window.documentView();
        if (!view) {
            if (waiting.elapsed() > 60'000)
                loop.exit(1);
            return;
        }
        PageView &pageView = *view->pageView();
        if (steps.empty()) {
            // Start once the first page is on screen: opening is part of the measurement.
            if (!pageView.isPageRendered(0) && waiting.elapsed() < 60'000)
                return;
            pages = pageView.pageCount();
            steps = scenario(pages, maxPages);
        }
        if (next < steps.size()) {
            probe.setPhase(steps[next].name);
            steps[next++].action(pageView);
            return;
        }
        probe.setPhase("last renders");
        // Let the last renders land before stopping.
        if (pageView.renderJobsInFlight() == 0 || waiting.elapsed() > 120'000)
            loop.exit(0);
    });
    driver.start();
    const int code = loop.exec();
    probe.stop();
    if (code != 0) {
        std::fprintf(
            stderr, "bench_gui_stall: %s did not open: %s\n", qPrintable(file), qPrintable(window.lastOutcome()));
        return 1;
    }
    printRow(QFileInfo(file).fileName(), QString::number(pages), probe);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Keep the user's recent files and settings out of it.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FolioBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui_stall"));
    QStringList files;
    int stepMs = 50;
    int maxPages = 40;
    bool verbose = false;
    int nice = GuiWorkerNice; // as the application runs
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--step-ms") && i + 1 < args.size())
            stepMs = args[++i].toInt();
        else if (args[i] == QLatin1String("--max-pages") && i + 1 < args.size())
            maxPages = args[++i].toInt();
        else if (args[i] == QLatin1String("--worker-nice") && i + 1 < args.size())
            nice = args[++i].toInt();
        else if (args[i] == QLatin1String("--verbose"))
            verbose = true;
        else
            files << args[i];
    }
    if (files.isEmpty()) {
        std::fprintf(
            stderr, "usage: bench_gui_stall FILE... [--step-ms N] [--max-pages N] [--worker-nice N] [--verbose]\n");
        return 2;
    }
    setBackgroundNice(nice);
    runIdle(verbose);
    int status = 0;
    for (const QString &file : std::as_const(files))
        status |= run(file, stepMs, maxPages, verbose);
    // Cancelled renders may still finish in the background: leave without waiting for them.
    std::fflush(stdout);
    std::_Exit(status);
}
