// SPDX-License-Identifier: GPL-3.0-or-later
// viewer_core's precompiled headers plus the Qt Widgets ones most of viewer_ui includes (see
// viewer_core/precompiled.h).
#pragma once

#include "precompiled.h"

#include <QDir>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>
