// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slidemodel.h"

#include "backends/common/safexml.h"

#include <QDateTime>
#include <QHash>

namespace folio::office {
class Package;
}

// DrawingML (the a: namespace of PPTX) read into the slide model: colours, themes and text in
// drawingml.cpp, shapes, groups, tables and backgrounds in drawingmlshapes.cpp. Here with the
// Office code rather than in the presentation family because SmartArt drawings (diagram.h) need it
// in word-processing documents too. The readers are streaming:
// each one is called on an element's start and returns on its end. Names are matched by local
// name, so p:xfrm and a:xfrm, p:txBody and a:txBody share their code.
namespace folio::presentation::drawingml {

// A theme's colour scheme and fonts, as seen through a master's colour map (bg1 → lt1, ...).
struct Theme
{
    QHash<QString, QColor> colors; // dk1, lt1, dk2, lt2, accent1..6, hlink, folHlink
    QHash<QString, QString> colorMap; // bg1, tx1, bg2, tx2, accentN → scheme names
    QString majorFont = QStringLiteral("Calibri Light");
    QString minorFont = QStringLiteral("Calibri");

    std::optional<QColor> scheme(const QString &name) const;
    // "+mj-lt" / "+mn-lt" → the theme's fonts; other names unchanged.
    QString font(const QString &typeface) const;
};

// What a reader needs besides the XML: the part (for relationships), the package and the theme.
struct PartContext
{
    const office::Package &package;
    QString part;
    const Theme &theme;
    const CancellationToken &token;
    qint64 shapeBudget = 200'000; // shapes a part may still add; the rest is skipped
    // The presentation's custom table styles (ppt/tableStyles.xml), not owned; null when none.
    const QByteArray *tableStyles = nullptr;
    // The package path a relationship id of this part points at ("" when dangling).
    QString target(const QString &relationshipId) const;
};

// Iterates the children of the element the reader is on (at `depth`): true on each child's start,
// false after the element's end.
bool nextChild(SafeXmlReader &xml, int depth);
// An attribute by local name, whatever its prefix; `relationship` wants the r: namespace one.
QString attribute(const SafeXmlReader &xml, QLatin1String name, bool relationship = false);

void readTheme(SafeXmlReader &xml, Theme &theme);
// The text of a date field (a:fld type "datetime1".."datetime13") at `when`, in the language of
// its run ("en-IE"; US English when empty).
QString dateFieldText(const QString &type, const QString &language, const QDateTime &when);
// On any element holding a colour (a:solidFill, a:fontRef, a:bgRef, ...): the first colour child.
std::optional<QColor> readColorHolder(SafeXmlReader &xml, const Theme &theme);
// On a:lstStyle, p:titleStyle, p:bodyStyle, ...: lvl1pPr..lvl9pPr.
void readListStyle(SafeXmlReader &xml, ListStyle &style, const Theme &theme);
// On p:txBody, a:txBody or p:txBody of a notes page.
void readTextBody(SafeXmlReader &xml, TextBody &body, const Theme &theme);
// Resolves the paragraph and run properties of `body` down to concrete values: its own list
// style, then `inherited` (a master's text style), then `defaults`; theme fonts named; numbered.
void resolveText(TextBody &body, const ListStyle *inherited, const TextProps &defaults, const Theme &theme);
// On p:spTree or p:grpSp: the shapes, group transforms applied, appended in z-order.
void readShapeTree(SafeXmlReader &xml, QList<Shape> &shapes, PartContext &context);
// The shapes of a SmartArt diagram's fallback drawing (dsp:drawing, reached through a
// diagramDrawing relationship of `context.part`) for the graphic frame whose data relationship is
// `dataId` (dgm:relIds r:dm), in points from the frame's top left. False when it has none.
bool readDiagramDrawing(const QString &dataId, QList<Shape> &shapes, PartContext &context);
// On p:bg: its colour or picture.
void readBackground(SafeXmlReader &xml, std::optional<QColor> &color, QString &image, PartContext &context);

} // namespace folio::presentation::drawingml
