// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheetmodel.h"

#include "document.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// The legacy drawing of a worksheet (xl/drawings/vmlDrawingN.vml): Excel keeps its form controls
// (buttons, check boxes, option buttons, lists, labels, group boxes, spinners, scroll bars) there,
// each a v:shape with an x:ClientData saying which control it is, where it is anchored and whether
// it prints, and its caption in a v:textbox. The same part holds the comments' shapes (ObjectType
// Note), which are not printed, and a placeholder shape for each ActiveX control (ObjectType Pict
// with x:MapOCX), whose caption lives in the control's own binary part.
namespace folio::spreadsheet {

inline constexpr int MaxVmlShapes = 1000;

struct VmlShape
{
    Drawing drawing; // its anchor and control (kind None for an ActiveX placeholder)
    int shapeId = -1; // the number of "_x0000_s1025": what a sheet's <control shapeId> names
    bool activeX = false;
};

// The printed controls and the ActiveX placeholders of a VML part, in the file's order. VML is
// written as loose XML (Excel leaves <br> unclosed in captions, HTML entities in text): those are
// mended first, and a shape that still does not parse is left out on its own, never the shapes
// after it. At most MaxVmlShapes.
QList<VmlShape> readVmlShapes(
    const QByteArray &data, const QString &partName, const Limits &limits, const CancellationToken &token);

// An ActiveX control persisted as MS-OFORMS (the control's .bin part: its class id, then its
// properties): command buttons, toggle buttons and labels with their caption, check boxes and
// option buttons with their caption and state, text boxes and combo boxes with the text they
// show, list boxes; other classes give nothing.
std::optional<FormControl> readActiveXControl(const QByteArray &persisted);

} // namespace folio::spreadsheet
