// SPDX-License-Identifier: GPL-3.0-or-later
// Event-loop stalls: opens a document in a MainWindow (offscreen), scrolls through its pages and
// zooms in and out, while a 1 ms precise timer measures the gaps between its ticks. A gap is time
// the GUI thread spent on something else; over 16 ms it is a dropped frame at 60 Hz. A benchmark,
// not a test.
//
//   bench_gui_stall [FILE...] [--generated] [--step-ms N] [--max-pages N] [--worker-nice N] [--verbose]
//
// --generated adds three big documents made in a temporary folder: a ZIP of
// FOLIO_BENCH_STALL_ZIP_ENTRIES (100,000) entries in 100 folders and an XLSX sheet of
// FOLIO_BENCH_STALL_SHEET_ROWS (20,000) rows (both written by Python's zipfile), and a log of
// FOLIO_BENCH_STALL_LOG_MB (1024) MiB. After the scenario the run goes on until a streaming
// document's pages are all counted (at most FOLIO_BENCH_STALL_COUNT_S, 300 s): the counting runs in
// the background, and the GUI must not stutter meanwhile. Documents with attachments also show
// their Attachments tab and scroll its list to the end.
//
// --worker-nice 0 measures the GUI without lowering its workers' priority (the default is the
// application's own GuiWorkerNice).
//
// Prints one Markdown table row per file: file, pages, time to page 1 on screen, run time, ticks,
// p50, p99, max gap (ms),
// gaps over 16 ms, and how much of the time in those gaps the GUI thread itself was running
// (CLOCK_THREAD_CPUTIME_ID; the rest it waited for a CPU or on a lock); first a row for an idle event loop, which shows
// what the machine's scheduler alone costs (other processes on a busy machine stretch the gaps too). --verbose lists
// every gap over 16 ms on stderr with the step that was running.
#include "attachmentpanel.h"
#include "documentview.h"
#include "mainwindow.h"
#include "pageview.h"
#include "threadpriority.h"
#include "workerpool.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
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
    std::function<void(DocumentView &)> action;
};

// What a reader does: wait for the first page, scroll through the document a screen at a
// time, zoom in and scroll some more, zoom out, fit the width, jump to the end and back; with
// attachments, look at their list and scroll it to its end.
std::vector<Step> scenario(int pages, int maxPages, bool attachments)
{
    const auto repeat = [](std::vector<Step> &steps, int times, Step step) { steps.insert(steps.end(), times, step); };
    const auto onPages
        = [](void (*action)(PageView &)) { return [action](DocumentView &view) { action(*view.pageView()); }; };
    std::vector<Step> steps;
    repeat(steps, std::min(pages, maxPages) * 2, {"scroll", onPages([](PageView &view) { view.scrollByScreen(1); })});
    steps.push_back({"first page", onPages([](PageView &view) { view.firstPage(); })});
    repeat(steps, 4, {"zoom in", onPages([](PageView &view) { view.zoomIn(); })});
    repeat(steps, 6, {"scroll zoomed", onPages([](PageView &view) { view.scrollByScreen(1); })});
    repeat(steps, 6, {"zoom out", onPages([](PageView &view) { view.zoomOut(); })});
    steps.push_back({"fit width", onPages([](PageView &view) { view.fitWidth(); })});
    steps.push_back({"last page", onPages([](PageView &view) { view.lastPage(); })});
    steps.push_back({"fit page", onPages([](PageView &view) { view.fitPage(); })});
    steps.push_back({"first page", onPages([](PageView &view) { view.firstPage(); })});
    steps.push_back({"actual size", onPages([](PageView &view) { view.actualSize(); })});
    if (attachments) {
        steps.push_back(
            {"attachments tab", [](DocumentView &view) { view.sidebar()->setCurrentWidget(view.attachmentPanel()); }});
        // Each step scrolls to the end of what the list shows so far, as a user dragging the
        // scroll bar down would.
        repeat(steps, 10, {"attachments end", [](DocumentView &view) {
                               const auto *list = view.attachmentPanel()->findChild<QAbstractItemView *>();
                               if (list)
                                   list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
                           }});
        steps.push_back({"pages tab", [](DocumentView &view) { view.sidebar()->setCurrentIndex(0); }});
    }
    return steps;
}

void printRow(const QString &name, const QString &pages, double firstPageMs, const GapProbe &probe)
{
    const std::vector<double> &gaps = probe.gaps();
    const auto over = std::count_if(gaps.begin(), gaps.end(), [](double gap) { return gap > 16.0; });
    const QString firstPage
        = firstPageMs < 0 ? QStringLiteral("–") : QString::number(firstPageMs / 1000, 'f', 2) + QStringLiteral(" s");
    std::printf("| %s | %s | %s | %.1f s | %zu | %.2f | %.2f | %.1f | %td | %.0f%% |\n", qPrintable(name),
        qPrintable(pages), qPrintable(firstPage), probe.elapsedSeconds(), gaps.size(), percentile(gaps, 0.5),
        percentile(gaps, 0.99), gaps.empty() ? 0.0 : *std::max_element(gaps.begin(), gaps.end()), over,
        probe.stallBusyShare() * 100);
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
    printRow(QStringLiteral("(idle event loop)"), QStringLiteral("–"), -1, probe);
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

int run(const QString &file, int stepMs, int maxPages, bool verbose)
{
    if (verbose)
        std::fprintf(stderr, "%s\n", qPrintable(file));
    MainWindow window;
    window.resize(1200, 900);
    window.show();
    // The window's first layout and paint are the application starting, not the document.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 200)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    GapProbe probe;
    probe.setVerbose(verbose);
    probe.setPhase("opening");
    probe.start();
    window.openFile(file);

    // When page 1 is first on screen, to the millisecond (the driver below steps every stepMs).
    double firstPageMs = -1;
    QElapsedTimer opened;
    opened.start();
    QTimer firstPageWatch;
    firstPageWatch.setTimerType(Qt::PreciseTimer);
    firstPageWatch.setInterval(1);
    QObject::connect(&firstPageWatch, &QTimer::timeout, [&] {
        const DocumentView *view = window.documentView();
        if (view && view->pageView()->isPageRendered(0)) {
            firstPageMs = double(opened.nsecsElapsed()) / 1e6;
            firstPageWatch.stop();
        }
    });
    firstPageWatch.start();

    const qint64 countLimitMs = qint64(envInt("FOLIO_BENCH_STALL_COUNT_S", 300)) * 1000;
    QEventLoop loop;
    QTimer driver;
    driver.setInterval(stepMs);
    std::vector<Step> steps;
    size_t next = 0;
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
            steps = scenario(pageView.pageCount(), maxPages, view->attachmentPanel() != nullptr);
        }
        if (next < steps.size()) {
            probe.setPhase(steps[next].name);
            steps[next++].action(*view);
            return;
        }
        // A streaming document is counted in the background: the GUI must stay smooth meanwhile.
        if (!view->isPageCountFinal() && view->isCountingPages() && waiting.elapsed() < countLimitMs) {
            probe.setPhase("counting pages");
            return;
        }
        probe.setPhase("last renders");
        // Let the last renders land before stopping.
        if (pageView.renderJobsInFlight() == 0 || waiting.elapsed() > countLimitMs + 60'000)
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
    const DocumentView *view = window.documentView();
    QString pages = QLocale::c().toString(view->pageView()->pageCount());
    if (!view->isPageCountFinal())
        pages += QStringLiteral(" (counting)");
    printRow(QFileInfo(file).fileName(), pages, firstPageMs, probe);
    return 0;
}

// Writes the ZIP and the XLSX with Python's zipfile, which writes ZIP64 end records for more than
// 65,535 entries as any archiver does, in seconds.
const char *const GeneratorScript = R"PY(
import os, sys, zipfile
folder, entries, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with zipfile.ZipFile(os.path.join(folder, "entries-%d.zip" % entries), "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    for i in range(entries):
        z.writestr("folder-%03d/file-%06d.txt" % (i * 100 // entries, i), "entry %d\n" % i)
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
sheet = ['<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>' % ns]
for r in range(1, rows + 1):
    sheet.append('<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c><c r="C%d"><v>%d.%02d</v></c>'
                 '<c r="D%d" t="s"><v>%d</v></c><c r="E%d"><v>%d</v></c></row>'
                 % (r, r, r, r, r % 10, r, r * 3, r % 100, r, (r * 7) % 10, r, r * r % 100000))
sheet.append("</sheetData></worksheet>")
with zipfile.ZipFile(os.path.join(folder, "rows-%d.xlsx" % rows), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % rel)
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook %s><sheets>'
        '<sheet name="Rows" sheetId="1" r:id="rId1"/></sheets></workbook>' % ns)
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="%sworksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="%ssharedStrings" Target="sharedStrings.xml"/></Relationships>' % (rel, rel))
    z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d">%s</sst>'
        % (ns, len(words), "".join("<si><t>%s</t></si>" % w for w in words)))
    z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))
)PY";

// A log of `mib` MiB: timestamped lines of about 100 bytes, like the 1 GiB log of ./dev bench.
bool writeLog(const QString &path, qint64 mib)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const qint64 total = mib * 1024 * 1024;
    QByteArray buffer;
    buffer.reserve(1 << 20);
    char line[160];
    for (qint64 written = 0, i = 0; written < total; ++i) {
        const int length = std::snprintf(line, sizeof line,
            "2026-11-25T12:%02d:%02d.%06d INFO worker-%d request %lld served in %d ms from cache shard %d\n",
            int(i / 60 % 60), int(i % 60), int(i % 1000000), int(i % 16), static_cast<long long>(i), int(i % 997),
            int(i % 64));
        buffer.append(line, std::min<qint64>(length, total - written));
        written += std::min<qint64>(length, total - written);
        if (buffer.size() >= (1 << 20) - 256 || written == total) {
            if (file.write(buffer) != buffer.size())
                return false;
            buffer.clear();
        }
    }
    return true;
}

// The three big documents of --generated, in `folder`; empty when they could not be made.
QStringList generateDocuments(const QString &folder)
{
    const int entries = envInt("FOLIO_BENCH_STALL_ZIP_ENTRIES", 100'000);
    const int rows = envInt("FOLIO_BENCH_STALL_SHEET_ROWS", 20'000);
    const int logMib = envInt("FOLIO_BENCH_STALL_LOG_MB", 1024);
    std::fprintf(stderr, "bench_gui_stall: generating a %d-entry ZIP, a %d-row XLSX and a %d MiB log in %s\n", entries,
        rows, logMib, qPrintable(folder));
    QProcess python;
    python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    python.start(QStringLiteral("python3"),
        {QStringLiteral("-c"), QString::fromUtf8(GeneratorScript), folder, QString::number(entries),
            QString::number(rows)});
    if (!python.waitForFinished(600'000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        std::fprintf(stderr, "bench_gui_stall: python3 could not write the ZIP and the XLSX\n");
        return {};
    }
    const QString log = QDir(folder).filePath(QStringLiteral("big-%1MiB.log").arg(logMib));
    if (!writeLog(log, logMib)) {
        std::fprintf(stderr, "bench_gui_stall: could not write %s\n", qPrintable(log));
        return {};
    }
    const QDir dir(folder);
    return {dir.filePath(QStringLiteral("entries-%1.zip").arg(entries)),
        dir.filePath(QStringLiteral("rows-%1.xlsx").arg(rows)), log};
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // As the application does: without TZ, glibc stats /etc/localtime on every local time
    // conversion (one per archive entry listed).
    if (qEnvironmentVariableIsEmpty("TZ"))
        qputenv("TZ", ":/etc/localtime");
    QApplication app(argc, argv);
    // Keep the user's recent files and settings out of it.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FolioBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui_stall"));
    QStringList files;
    int stepMs = 50;
    int maxPages = 40;
    bool verbose = false;
    bool generated = false;
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
        else if (args[i] == QLatin1String("--generated"))
            generated = true;
        else
            files << args[i];
    }
    QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/bench_gui_stall-XXXXXX"));
    if (generated) {
        const QStringList made = folder.isValid() ? generateDocuments(folder.path()) : QStringList();
        if (made.isEmpty())
            return 1;
        files << made;
    }
    if (files.isEmpty()) {
        std::fprintf(stderr,
            "usage: bench_gui_stall [FILE...] [--generated] [--step-ms N] [--max-pages N] [--worker-nice N] "
            "[--verbose]\n");
        return 2;
    }
    setBackgroundNice(nice);
    runIdle(verbose);
    int status = 0;
    for (const QString &file : std::as_const(files))
        status |= run(file, stepMs, maxPages, verbose);
    // Cancelled renders may still finish in the background: leave without waiting for them.
    std::fflush(stdout);
    folder.remove();
    std::_Exit(status);
}
