// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "status.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QSizeF>

#include <functional>

class QPainter;
class QPaintDevice;
class QTextLine;

namespace folio::text {

// Text flavours are laid out on A4 paper, in points.
inline constexpr QSizeF A4Portrait(595, 842);
inline constexpr QSizeF A4Landscape(842, 595);
inline constexpr qreal PageMargin = 50;

// Fonts and QPainter text need a QGuiApplication (folio and folio-cli both create one). Without
// it, opening fails cleanly instead of aborting inside QFontDatabase.
Status checkFontSupport();

// An image whose logical DPI is 72, so a font sized in points measures and draws in points: the
// paint device for font metrics and QTextDocument layout. One per user, as QPaintDevice* APIs
// are not const.
QImage makePointDevice();

// The image doRender() draws page `index` of `document` on: unrotated (Document::render() rotates
// it afterwards), filled with the background. It claims 72 DPI while a painter draws on it in
// points (scaled by dpi / 72); finishPage() then records the real resolution.
QImage beginPage(const Document &document, int index, const RenderRequest &request);
void finishPage(QImage &image, double dpi);
// The painter transform for drawing a page in points at `dpi`.
void scaleToPoints(QPainter &painter, double dpi);
// doRender() of a backend that draws its pages with doPaint(): the page image (beginPage()), a
// painter scaled to points handed to `paint`, then finishPage(). Pictures and vector output (PDF
// export) thus come from one drawing path. A null image (no memory) is returned as is.
Result<QImage> renderPainted(const Document &document, int index, const RenderRequest &request,
    const CancellationToken &token, const std::function<Status(QPainter &)> &paint);

// Saves a painter's state and restores it when going out of scope: doPaint() leaves the caller's
// painter as it found it, whichever way it returns.
class PainterSave
{
public:
    explicit PainterSave(QPainter &painter);
    ~PainterSave();
    PainterSave(const PainterSave &) = delete;
    PainterSave &operator=(const PainterSave &) = delete;

private:
    QPainter &m_painter;
};

// Appends the words (runs of characters that are neither white space nor object placeholders) of
// `line` as TextBoxes in points: `text` is the text of the line's QTextLayout, `left` is where
// the layout's x = 0 falls on the page, each box spans the line's band from `top` down by `height`.
// Every word gets spaceAfter, the last one also lineEnd.
void appendLineWords(
    QList<TextBox> &boxes, const QTextLine &line, const QString &text, qreal left, qreal top, qreal height);
// The same for a single line of text drawn with `font` on `device` by QPainter::drawText() starting
// at x = topLeft.x(), its band starting at topLeft.y(). Positions come from QTextLayout, which
// places glyphs as drawText() does, so highlights cover the painted words even where fallback
// fonts break a monospace grid.
void appendWords(QList<TextBox> &boxes, const QString &line, const QFont &font, const QPaintDevice *device,
    QPointF topLeft, qreal height);

// Text colour readable on `background`: black on light pages, near-white on dark ones.
QColor inkFor(const QColor &background);

} // namespace folio::text
