// SPDX-License-Identifier: GPL-3.0-or-later
// One Folio per display, and sessions, offscreen: files handed over a local socket (by the class,
// and by a real second `folio FILE` process), --new-window, a crashed instance's socket replaced,
// garbage refused; File ▸ Reopen Last Session with its current tab and missing files.
#include "documentview.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "pageview.h"
#include "settings.h"
#include "singleinstance.h"

#include <QDataStream>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace folio;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        Settings::clearRecentFiles();
        QVERIFY(m_dir.isValid());
        // The runtime folder the instance's socket lives in, shared with the `folio` started below.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("runtime")));
        QFile::setPermissions(
            m_dir.filePath(QStringLiteral("runtime")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", m_dir.filePath(QStringLiteral("runtime")).toLocal8Bit());
        m_first = test::writeManyPagePdf(m_dir.path(), 3);
        m_second = test::writeManyPagePdf(m_dir.path(), 4);
    }

    void forwardsFilesAndPage()
    {
        const QString name = m_dir.filePath(QStringLiteral("forward.socket"));
        SingleInstance server;
        QVERIFY(server.listen(name));
        QSignalSpy requests(&server, &SingleInstance::openRequested);
        // forward() blocks: it runs where the starting `folio` would, outside this event loop.
        QFuture<bool> sent = QtConcurrent::run([name] {
            return SingleInstance::forward(name, {QStringLiteral("relative.pdf"), QStringLiteral("/abs/b.pdf")}, 6);
        });
        QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 1, 10000);
        sent.waitForFinished();
        QVERIFY(sent.result());
        const QStringList files = requests.first().at(0).toStringList();
        QCOMPARE(files,
            QStringList(
                {QDir::current().absoluteFilePath(QStringLiteral("relative.pdf")), QStringLiteral("/abs/b.pdf")}));
        QCOMPARE(requests.first().at(1).toInt(), 6);
    }

    void nobodyListening()
    {
        QVERIFY(!SingleInstance::forward(m_dir.filePath(QStringLiteral("nobody.socket")), {}, -1));
    }

    void secondListenerIsRefused()
    {
        const QString name = m_dir.filePath(QStringLiteral("twice.socket"));
        SingleInstance first;
        QVERIFY(first.listen(name));
        // listen() probes the socket with a blocking connect: the first must accept meanwhile.
        QFuture<bool> second = QtConcurrent::run([name] {
            SingleInstance other;
            return other.listen(name);
        });
        QTRY_VERIFY_WITH_TIMEOUT(second.isFinished(), 10000);
        QVERIFY(!second.result());
        QVERIFY(first.isListening());
    }

    void deadSocketIsReplaced()
    {
        // What a crashed Folio leaves: the socket's file with nobody behind it.
        const QString name = m_dir.filePath(QStringLiteral("dead.socket"));
        {
            QFile stale(name);
            QVERIFY(stale.open(QIODevice::WriteOnly));
        }
        SingleInstance server;
        QVERIFY(server.listen(name));
        QVERIFY(server.isListening());
    }

    void garbageIsRefused()
    {
        const QString name = m_dir.filePath(QStringLiteral("garbage.socket"));
        SingleInstance server;
        QVERIFY(server.listen(name));
        QSignalSpy requests(&server, &SingleInstance::openRequested);
        const auto send = [&](const QByteArray &bytes) {
            QLocalSocket socket;
            socket.connectToServer(name);
            QVERIFY(socket.waitForConnected(5000));
            socket.write(bytes);
            socket.flush();
            QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QLocalSocket::UnconnectedState, 10000);
        };
        send(QByteArrayLiteral("GET / HTTP/1.1\r\n\r\n"));
        // The right header, then a count of files no message may hold.
        QByteArray huge;
        {
            QDataStream out(&huge, QIODevice::WriteOnly);
            out << quint32(0x464f4c49) << quint32(1) << quint32(0xfffffff0);
        }
        send(huge);
        QCOMPARE(requests.size(), 0);
    }

    // A real second `folio FILE` lands in the first window's tabs; `folio --new-window FILE` does not.
    void secondFolioOpensATabInTheFirst()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        SingleInstance instance;
        QVERIFY(instance.listen(SingleInstance::defaultName()));
        serveInstance(instance, window);
        window.openFile(m_first);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 1, 15000);

        QProcess second;
        second.setProcessEnvironment(childEnvironment());
        second.start(QStringLiteral(FOLIO_GUI_BINARY), {QStringLiteral("--page"), QStringLiteral("2"), m_second});
        QVERIFY(second.waitForStarted(10000));
        // This event loop must run for the first instance to answer.
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 20000);
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        QCOMPARE(window.documentView()->path(), m_second);
        QCOMPARE(window.documentView()->pageView()->currentPage(), 1);

        QProcess own;
        own.setProcessEnvironment(childEnvironment());
        own.start(QStringLiteral(FOLIO_GUI_BINARY), {QStringLiteral("--new-window"), m_first});
        QVERIFY(own.waitForStarted(10000));
        // A window of its own: it keeps running, and this window gets nothing.
        QTest::qWait(1500);
        QCOMPARE(own.state(), QProcess::Running);
        QCOMPARE(window.documentCount(), 2);
        own.terminate();
        if (!own.waitForFinished(10000))
            own.kill();
    }

    void reopensTheLastSession()
    {
        const QString gone = m_dir.filePath(QStringLiteral("gone.pdf"));
        QVERIFY(QFile::copy(m_first, gone));
        {
            MainWindow window;
            window.resize(900, 700);
            window.show();
            window.openFiles({m_first, gone, m_second});
            QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 3, 15000);
            window.tabWidget()->setCurrentIndex(2);
            window.documentView()->pageView()->goToPage(3);
            window.close();
        }
        QCOMPARE(Settings::lastSession().files, QStringList({m_first, gone, m_second}));
        QCOMPARE(Settings::lastSession().current, 2);
        QVERIFY(QFile::remove(gone));

        MainWindow window;
        window.resize(900, 700);
        window.show();
        auto *action = test::actionNamed(&window, QStringLiteral("Reopen Last Session"));
        QVERIFY(action);
        action->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.documentCount(), 2, 15000);
        QCOMPARE(window.documentAt(0)->path(), m_first);
        QCOMPARE(window.documentAt(1)->path(), m_second);
        // The current tab of the session is in front, at its page.
        QCOMPARE(window.documentView()->path(), m_second);
        QCOMPARE(window.documentView()->pageView()->currentPage(), 3);
    }

private:
    QProcessEnvironment childEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime")));
        // The child's settings stay out of the user's and this test's.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("child-config")));
        return env;
    }

    QTemporaryDir m_dir;
    QString m_first;
    QString m_second;
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
