// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QSettings>

namespace folio::Settings {

namespace {
const QString TimeoutKey = QStringLiteral("timeout");
const QString RecentFilesKey = QStringLiteral("recentFiles");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
} // namespace

std::chrono::milliseconds timeout()
{
    bool ok = false;
    const qlonglong ms = QSettings().value(TimeoutKey, qlonglong(DefaultTimeout.count())).toLongLong(&ok);
    return ok && ms >= 0 ? std::chrono::milliseconds(ms) : DefaultTimeout;
}

void setTimeout(std::chrono::milliseconds timeout)
{
    QSettings().setValue(TimeoutKey, qlonglong(timeout.count()));
}

QStringList recentFiles()
{
    QStringList files = QSettings().value(RecentFilesKey).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    return files.mid(0, MaxRecentFiles);
}

void addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    QSettings().setValue(RecentFilesKey, files.mid(0, MaxRecentFiles));
}

void removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(RecentFilesKey, files);
}

void clearRecentFiles()
{
    QSettings().remove(RecentFilesKey);
}

QByteArray windowGeometry()
{
    return QSettings().value(GeometryKey).toByteArray();
}

QByteArray windowState()
{
    return QSettings().value(StateKey).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    QSettings settings;
    settings.setValue(GeometryKey, geometry);
    settings.setValue(StateKey, state);
}

} // namespace folio::Settings
