// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include "mainwindow.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace folio {

namespace {

constexpr quint32 Magic = 0x464f4c49; // "FOLI"
constexpr quint32 Version = 1;
constexpr char Accepted = 'A';

} // namespace

QString SingleInstance::defaultName()
{
    // One instance per display: X11 and Wayland displays of one user are separate desktops.
    const QByteArray display
        = QGuiApplication::platformName().toUtf8() + '|' + qgetenv("WAYLAND_DISPLAY") + '|' + qgetenv("DISPLAY");
    const QByteArray hash = QCryptographicHash::hash(display, QCryptographicHash::Sha256).toHex().left(12);
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    return QDir(folder).filePath(QStringLiteral("folio-%1.socket").arg(QString::fromLatin1(hash)));
}

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
{ }

SingleInstance::~SingleInstance() = default;

bool SingleInstance::forward(const QString &name, const QStringList &files, int page, std::chrono::milliseconds timeout)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    const int ms = int(timeout.count());
    if (!socket.waitForConnected(ms))
        return false;
    QStringList absolute;
    for (const QString &file : files)
        absolute.append(QFileInfo(file).absoluteFilePath());
    QByteArray message;
    QDataStream out(&message, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << Magic << Version << quint32(absolute.size());
    for (const QString &file : std::as_const(absolute))
        out << file;
    out << qint32(page);
    socket.write(message);
    if (!socket.waitForBytesWritten(ms))
        return false;
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(ms))
            return false;
    }
    char answer = 0;
    return socket.getChar(&answer) && answer == Accepted;
}

bool SingleInstance::listen(const QString &name)
{
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // Someone answers: another instance is running. Nobody: no socket, or a crashed one's. (With
    // socket options, QLocalServer replaces a socket in use without a word, so ask first.)
    QLocalSocket probe;
    probe.connectToServer(name);
    if (probe.waitForConnected(500))
        return false;
    QLocalServer::removeServer(name);
    if (!m_server->listen(name))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
    return true;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { read(socket); });
        read(socket);
    }
}

void SingleInstance::read(QLocalSocket *socket)
{
    if (socket->bytesAvailable() > MaxMessageBytes) {
        socket->abort();
        return;
    }
    QDataStream in(socket);
    in.setVersion(QDataStream::Qt_6_0);
    in.startTransaction();
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (in.status() == QDataStream::Ok && (magic != Magic || version != Version)) {
        socket->abort();
        return;
    }
    // The paths one by one: a count read into QStringList's own operator would be trusted to
    // reserve memory.
    quint32 count = 0;
    in >> count;
    if (in.status() == QDataStream::Ok && count > quint32(MaxFiles)) {
        socket->abort();
        return;
    }
    QStringList files;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString file;
        in >> file;
        files.append(file);
    }
    qint32 page = -1;
    in >> page;
    if (!in.commitTransaction()) {
        // Incomplete: the rest comes with the next readyRead; garbage ends the connection.
        if (in.status() == QDataStream::ReadCorruptData)
            socket->abort();
        return;
    }
    QStringList absolute;
    for (const QString &file : std::as_const(files)) {
        if (QFileInfo(file).isAbsolute())
            absolute.append(file);
    }
    socket->putChar(Accepted);
    socket->flush();
    Q_EMIT openRequested(absolute, page < 0 ? -1 : page);
}

void serveInstance(SingleInstance &instance, MainWindow &window)
{
    QObject::connect(&instance, &SingleInstance::openRequested, &window, [&window](const QStringList &files, int page) {
        if (window.isMinimized())
            window.showNormal();
        window.raise();
        window.activateWindow();
        window.openFiles(files, page);
    });
}

} // namespace folio
