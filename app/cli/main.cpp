// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"

#include <QGuiApplication>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace {

// SIGINT and SIGTERM are blocked in every thread and taken by one thread with sigwait(), which
// may then lock and run callbacks: a signal handler could do neither safely.
void startSignalThread(folio::CancellationSource &source)
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals, &source] {
        for (;;) {
            int received = 0;
            if (sigwait(&signals, &received) != 0)
                continue;
            source.cancel(received == SIGTERM ? folio::CancelReason::Shutdown : folio::CancelReason::User);
        }
    }).detach();
}

} // namespace

int main(int argc, char *argv[])
{
    // Rendering text needs a QGuiApplication; the offscreen platform needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt wants a private runtime folder and warns on every run without one (cron, CI, ssh).
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtime = QByteArray("/tmp/runtime-") + QByteArray::number(getuid());
        if (::mkdir(runtime.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", runtime);
    }
    // Without TZ, glibc stats /etc/localtime on every local time conversion; KArchive converts the
    // time of every archive entry, which made listing 100,000 entries twice as slow.
    if (qEnvironmentVariableIsEmpty("TZ"))
        qputenv("TZ", ":/etc/localtime");
    // Lives until exit: the signal thread may still touch it while static objects are destroyed.
    auto *interrupt = new folio::CancellationSource;
    startSignalThread(*interrupt); // before any other thread exists, so all inherit the mask
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("folio-cli"));
    QGuiApplication::setApplicationVersion(QStringLiteral(FOLIO_VERSION));
    CliApp cli(*interrupt);
    // argv as bytes too (QGuiApplication has taken its own options out of it by now).
    QList<QByteArray> native;
    for (int i = 1; i < argc; ++i)
        native.append(QByteArray(argv[i]));
    const int code = cli.run(QGuiApplication::arguments().mid(1), native);
    // Every output is committed or removed by now. A cancelled library call may still be running
    // detached (see detachedcall.h); destroying statics under it could crash the exit, so leave
    // without running destructors.
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(code);
}
