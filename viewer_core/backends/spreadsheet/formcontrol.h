// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheetmodel.h"

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QTextLayout>

#include <memory>

class QPainter;
class QPaintDevice;

// Form controls drawn as LibreOffice prints them: a button's face and caption, a check box's or
// option button's mark and caption, a group box's frame with its caption in the top line, a
// label's text, empty boxes for lists, drop-downs and edit fields, spinners and scroll bars with
// their arrows. Drawing and text boxes use the same caption layout, so both agree.
namespace folio::spreadsheet {

struct CaptionLayout
{
    std::unique_ptr<QTextLayout> layout; // null without a caption
    QPointF origin;
    QRectF clip; // what of it shows
};

// The caption of `control` laid out in `rect` (points) with `font`.
CaptionLayout layOutCaption(
    const QRectF &rect, const FormControl &control, const QFont &font, const QPaintDevice *device);

// Draws `control` in `rect` with its caption in `font`, `ink` for lines and text, `background` to
// clear a group box's line behind its caption.
void paintFormControl(QPainter &painter, const QRectF &rect, const FormControl &control, const QFont &font,
    const QColor &ink, const QColor &background, const QPaintDevice *device);

} // namespace folio::spreadsheet
