// SPDX-License-Identifier: GPL-3.0-or-later
#include "formcontrol.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextOption>

#include <algorithm>

namespace folio::spreadsheet {

namespace {

const QColor ButtonFace(0xEC, 0xE9, 0xD8);
const QColor FrameColor(0xA0, 0xA0, 0xA0);
constexpr qreal MarkSize = 9; // a check box's box, an option button's circle
constexpr int MaxCaptionLines = 100;

bool hasCaption(ControlKind kind)
{
    switch (kind) {
    case ControlKind::Button:
    case ControlKind::CheckBox:
    case ControlKind::Radio:
    case ControlKind::Label:
    case ControlKind::GroupBox:
    case ControlKind::Edit: // the text typed in (ActiveX text boxes)
    case ControlKind::DropDown: // the item chosen (ActiveX combo boxes)
        return true;
    default:
        return false;
    }
}

qreal markSize(const QRectF &rect)
{
    return std::clamp(rect.height() - 2, 2.0, MarkSize);
}

// Where the caption goes inside the control.
QRectF captionArea(const QRectF &rect, const FormControl &control)
{
    switch (control.kind) {
    case ControlKind::Button:
        return rect.adjusted(2, 2, -2, -2);
    case ControlKind::CheckBox:
    case ControlKind::Radio:
        return rect.adjusted(markSize(rect) + 6, 0, 0, 0);
    case ControlKind::GroupBox:
        return rect.adjusted(6, 0, -6, 0);
    default:
        return rect.adjusted(2, 1, -2, -1);
    }
}

// A small triangle pointing up (or down) centred in `box`.
void drawArrow(QPainter &painter, const QRectF &box, bool up, const QColor &ink)
{
    const qreal half = std::min(box.width(), box.height()) * 0.25;
    const QPointF c = box.center();
    QPainterPath path;
    if (up) {
        path.moveTo(c.x() - half, c.y() + half / 2);
        path.lineTo(c.x() + half, c.y() + half / 2);
        path.lineTo(c.x(), c.y() - half / 2);
    } else {
        path.moveTo(c.x() - half, c.y() - half / 2);
        path.lineTo(c.x() + half, c.y() - half / 2);
        path.lineTo(c.x(), c.y() + half / 2);
    }
    path.closeSubpath();
    painter.fillPath(path, ink);
}

void drawButtonBox(QPainter &painter, const QRectF &box, const QColor &ink, bool up)
{
    painter.fillRect(box, ButtonFace);
    painter.setPen(QPen(FrameColor, 0.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);
    drawArrow(painter, box, up, ink);
}

} // namespace

CaptionLayout layOutCaption(
    const QRectF &rect, const FormControl &control, const QFont &font, const QPaintDevice *device)
{
    CaptionLayout result;
    if (control.caption.isEmpty() || !hasCaption(control.kind))
        return result;
    const QRectF area = captionArea(rect, control);
    result.clip = control.kind == ControlKind::GroupBox ? area : rect;
    QString text = control.caption;
    text.replace(u'\n', QChar::LineSeparator);
    result.layout = std::make_unique<QTextLayout>(text, font, const_cast<QPaintDevice *>(device));
    QTextLayout &layout = *result.layout;
    QTextOption option;
    const bool wrap = control.kind != ControlKind::GroupBox;
    option.setWrapMode(wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    layout.setTextOption(option);
    HAlign align = control.align;
    if (align == HAlign::General)
        align = control.kind == ControlKind::Button ? HAlign::Center : HAlign::Left;
    const qreal width = std::max<qreal>(1, area.width());
    qreal y = 0;
    layout.beginLayout();
    for (int lines = 0; lines < MaxCaptionLines; ++lines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(wrap ? width : 1e6);
        const qreal natural = line.naturalTextWidth();
        qreal x = 0;
        if (align == HAlign::Center)
            x = (width - natural) / 2;
        else if (align == HAlign::Right)
            x = width - natural;
        line.setPosition(QPointF(x, y));
        y += line.height();
    }
    layout.endLayout();
    qreal top = area.top();
    if (control.kind == ControlKind::Button || control.verticalCenter || control.kind == ControlKind::CheckBox
        || control.kind == ControlKind::Radio)
        top = area.top() + (area.height() - y) / 2;
    result.origin = QPointF(area.left(), top);
    return result;
}

void paintFormControl(QPainter &painter, const QRectF &rect, const FormControl &control, const QFont &font,
    const QColor &ink, const QColor &background, const QPaintDevice *device)
{
    painter.save();
    painter.setClipRect(rect.adjusted(-1, -1, 1, 1), Qt::IntersectClip);
    const CaptionLayout caption = layOutCaption(rect, control, font, device);
    const QPen frame(FrameColor, 0.75);
    switch (control.kind) {
    case ControlKind::Button:
        painter.fillRect(rect, ButtonFace);
        painter.setPen(frame);
        painter.drawRect(rect);
        break;
    case ControlKind::CheckBox:
    case ControlKind::Radio: {
        const qreal size = markSize(rect);
        const QRectF mark(rect.left() + 2, rect.center().y() - size / 2, size, size);
        painter.setPen(QPen(ink, 0.6));
        painter.setBrush(Qt::NoBrush);
        if (control.kind == ControlKind::CheckBox) {
            painter.drawRect(mark);
            if (control.checked) {
                QPainterPath tick;
                tick.moveTo(mark.left() + size * 0.2, mark.top() + size * 0.55);
                tick.lineTo(mark.left() + size * 0.42, mark.top() + size * 0.78);
                tick.lineTo(mark.left() + size * 0.82, mark.top() + size * 0.22);
                painter.setPen(QPen(ink, std::max(0.8, size * 0.12)));
                painter.drawPath(tick);
            }
        } else {
            painter.drawEllipse(mark);
            if (control.checked) {
                painter.setBrush(ink);
                painter.drawEllipse(mark.center(), size * 0.25, size * 0.25);
            }
        }
        break;
    }
    case ControlKind::GroupBox: {
        // The frame's top line runs through the caption's middle, broken where the caption is.
        const qreal middle = rect.top() + QFontMetricsF(font, device).ascent() / 2;
        painter.setPen(frame);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(QPointF(rect.left(), middle), rect.bottomRight()));
        if (caption.layout && caption.layout->lineCount() > 0) {
            const QTextLine line = caption.layout->lineAt(0);
            const QRectF gap(caption.origin.x() + line.x() - 2, rect.top(), line.naturalTextWidth() + 4, line.height());
            painter.fillRect(gap.intersected(caption.clip.adjusted(-2, 0, 2, 0)), background);
        }
        break;
    }
    case ControlKind::DropDown:
    case ControlKind::ListBox:
    case ControlKind::Edit:
        painter.fillRect(rect, background);
        painter.setPen(frame);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect);
        break;
    case ControlKind::Spinner: {
        const QRectF upper(rect.topLeft(), QSizeF(rect.width(), rect.height() / 2));
        drawButtonBox(painter, upper, ink, true);
        drawButtonBox(painter, upper.translated(0, rect.height() / 2), ink, false);
        break;
    }
    case ControlKind::ScrollBar: {
        painter.fillRect(rect, background);
        painter.setPen(frame);
        painter.drawRect(rect);
        // Arrows at both ends, along its long side.
        const bool vertical = rect.height() >= rect.width();
        const qreal side = vertical ? rect.width() : rect.height();
        const QRectF first(rect.topLeft(), QSizeF(side, side));
        const QRectF last(rect.bottomRight() - QPointF(side, side), QSizeF(side, side));
        painter.save();
        if (vertical) {
            drawButtonBox(painter, first, ink, true);
            drawButtonBox(painter, last, ink, false);
        } else {
            // Left and right: the up and down arrows turned a quarter.
            for (const auto &[box, up] : {std::pair {first, true}, std::pair {last, false}}) {
                painter.save();
                painter.translate(box.center());
                painter.rotate(-90);
                painter.translate(-box.center());
                drawButtonBox(painter, box, ink, up);
                painter.restore();
            }
        }
        painter.restore();
        break;
    }
    case ControlKind::Label:
    case ControlKind::None:
        break;
    }
    if (caption.layout) {
        painter.setClipRect(caption.clip, Qt::IntersectClip);
        painter.setPen(ink);
        caption.layout->draw(&painter, caption.origin);
    }
    painter.restore();
}

} // namespace folio::spreadsheet
