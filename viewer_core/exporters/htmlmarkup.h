// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QStringView>

// Small pieces of the HTML exporter's output: escaping and CSS values.
namespace folio {

// Appends `text` with & < > " escaped and the characters XML 1.0 forbids (controls other than
// tab and line feeds, lone surrogates, U+FFFE/U+FFFF, QTextDocument's U+FDD0.. frame markers)
// dropped, so the result is both HTML and well-formed XML.
void appendHtmlEscaped(QString &out, QStringView text);
QString htmlEscaped(QStringView text);

// A CSS number with at most two decimals and no trailing zeros ("12.5", "0", "-3").
QString cssNumber(qreal value);
// "#rrggbb", or "rgba(r,g,b,a)" when not opaque.
QString cssColor(const QColor &color);

// The target of a document's link as an exported page may use it: web and mail addresses and
// in-page anchors ("#name"). Empty for anything else (javascript:, data:, file:, paths relative to
// the source document), which from the export would lead nowhere or somewhere harmful.
QString htmlLinkTarget(const QString &href);

} // namespace folio
