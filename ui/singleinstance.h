// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <chrono>

class QLocalServer;
class QLocalSocket;

namespace folio {

// One Folio per user and display. The first `folio` listens on a local socket in the user's
// runtime folder (XDG_RUNTIME_DIR, private to the user; the socket itself is user-only too); a
// later `folio FILE...` hands its files to it (forward()) and exits, and they open as tabs of the
// running window. `folio --new-window` neither forwards nor listens.
//
// The message is small and checked: a magic number and version, at most MaxFiles absolute
// paths, the page; anything else closes the connection. A socket left behind by a Folio that
// crashed is found dead (nobody answers) and replaced.
//
// Threads: a SingleInstance and its server live on the GUI thread; forward() blocks its caller
// (the starting process, before it has a window) for at most its timeout.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxFiles = 10'000;
    static constexpr qint64 MaxMessageBytes = 16 * 1024 * 1024;

    // The socket's path for this user and display.
    static QString defaultName();

    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    // Sends `files` (made absolute against the current folder) and the 0-based `page` (-1 for
    // none) to the instance listening on `name`. True when it took them; false when there is
    // none (or it did not answer within `timeout`), and the caller should become it.
    static bool forward(const QString &name, const QStringList &files, int page,
        std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));

    // Starts listening on `name`, replacing a dead socket. False when another instance already
    // listens (or the socket cannot be made); the caller then runs on its own.
    bool listen(const QString &name);
    bool isListening() const;

Q_SIGNALS:
    // Another `folio` asked for these files (absolute paths; empty: just to be shown).
    void openRequested(const QStringList &files, int page);

private:
    void accept();
    void read(QLocalSocket *socket);

    QLocalServer *m_server = nullptr;
};

class MainWindow;

// Opens what other `folio` processes send in `window`'s tabs, and brings the window forward.
void serveInstance(SingleInstance &instance, MainWindow &window);

} // namespace folio
