// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>

#include <chrono>

namespace folio {

// The GUI's persistent settings (QSettings, organisation "Folio", application "folio").
// Keys:
//   timeout          int, milliseconds; default 30000; 0 = no time limit
//   recentFiles      QStringList of absolute paths, newest first, at most MaxRecentFiles
//   window/geometry  QByteArray from QWidget::saveGeometry()
//   window/state     QByteArray from QMainWindow::saveState()
namespace Settings {

constexpr std::chrono::milliseconds DefaultTimeout {30'000};
constexpr int MaxRecentFiles = 10;

std::chrono::milliseconds timeout();
void setTimeout(std::chrono::milliseconds timeout);

QStringList recentFiles();
// Moves `path` to the front of the list.
void addRecentFile(const QString &path);
void removeRecentFile(const QString &path);
void clearRecentFiles();

QByteArray windowGeometry();
QByteArray windowState();
void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);

} // namespace Settings
} // namespace folio
