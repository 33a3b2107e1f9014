// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt and standard headers most of viewer_core includes, compiled once per build instead of once
// per source file (target_precompile_headers): the first build on a new machine takes less than
// half the time. Every source still includes what it uses.
#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QIODevice>
#include <QImage>
#include <QList>
#include <QLoggingCategory>
#include <QMimeType>
#include <QPainter>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QXmlStreamReader>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
