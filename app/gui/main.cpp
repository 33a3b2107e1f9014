// SPDX-License-Identifier: GPL-3.0-or-later
// folio: the GUI. Parses the command line, wires the objects, runs the event loop.
#include "detachedcall.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "pagelist.h"
#include "settings.h"
#include "singleinstance.h"
#include "theme.h"
#include "threadpriority.h"
#include "translations.h"
#include "workerpool.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <cstdlib>

using namespace std::chrono_literals;

namespace {

int usageError(const QString &message)
{
    std::fprintf(stderr, "folio: error: %s\nTry 'folio --help' for more information.\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // Without TZ, glibc stats /etc/localtime on every local time conversion (KArchive converts the
    // time of every archive entry).
    if (qEnvironmentVariableIsEmpty("TZ"))
        qputenv("TZ", ":/etc/localtime");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Folio"));
    QApplication::setApplicationName(QStringLiteral("folio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Folio"));
    QApplication::setApplicationVersion(QStringLiteral(FOLIO_VERSION));
    // The desktop entry's id (packaging/desktop): Wayland matches the window to its entry and icon by it.
    QApplication::setDesktopFileName(QStringLiteral("org.folio_viewer.Folio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/folio.svg")));
    folio::installTranslators(app);
    // Before any pool exists: renders and jobs yield the CPU to the event loop.
    folio::setBackgroundNice(folio::GuiWorkerNice);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A document viewer that no document can hold hostage."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"), QApplication::translate("main", "Documents to open."), QStringLiteral("[FILE...]"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        QApplication::translate("main", "Show page N (from 1) of the first document."), QStringLiteral("N"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        QApplication::translate("main",
            "Stop operations after DURATION (500ms, 2s, 1m; 0 = no limit). "
            "Overrides the saved setting."),
        QStringLiteral("DURATION"));
    const QCommandLineOption newWindowOption(QStringLiteral("new-window"),
        QApplication::translate("main",
            "Open a window of its own, even when Folio is already running (the files otherwise open "
            "as tabs of the running window). --timeout implies it."));
    parser.addOption(pageOption);
    parser.addOption(timeoutOption);
    parser.addOption(newWindowOption);
    parser.process(app);

    int page = -1;
    if (parser.isSet(pageOption)) {
        bool ok = false;
        page = parser.value(pageOption).toInt(&ok);
        if (!ok || page < 1)
            return usageError(QApplication::translate("main", "--page needs a page number from 1, not '%1'")
                                  .arg(parser.value(pageOption)));
        page -= 1;
    }

    // One instance per user and display: a running Folio takes the files and this one is done.
    const bool newWindow = parser.isSet(newWindowOption) || parser.isSet(timeoutOption);
    const QString instanceName = folio::SingleInstance::defaultName();
    if (!newWindow && folio::SingleInstance::forward(instanceName, parser.positionalArguments(), page))
        return 0;

    folio::applyWindowTheme(folio::Settings::windowTheme());
    folio::MainWindow window;
    folio::SingleInstance instance;
    if (!newWindow && instance.listen(instanceName))
        folio::serveInstance(instance, window);
    if (parser.isSet(timeoutOption)) {
        const auto timeout = folio::parseDuration(parser.value(timeoutOption));
        if (!timeout)
            return usageError(timeout.status().message());
        window.jobRunner()->setTimeout(timeout.value());
    }
    window.show();
    if (parser.positionalArguments().isEmpty() && folio::Settings::restoreSession())
        window.reopenLastSession();
    else
        window.openFiles(parser.positionalArguments(), page);

    const int status = app.exec();
    // Settings are written by a thread of their own: wait for it first.
    folio::Settings::flush();
    // The window cancelled its jobs when it closed; give them a moment to unwind so documents
    // close cleanly, but never hang on one that does not. Settings are on disk by now, so a stuck
    // worker is left behind without running the static destructors it might still be using.
    if (!folio::waitForWorkers(1s)) {
        std::fflush(nullptr);
        std::_Exit(status);
    }
    // Library calls abandoned on cancellation may still run detached (see detachedcall.h).
    return folio::finishDetachedWork(status, 2s);
}
