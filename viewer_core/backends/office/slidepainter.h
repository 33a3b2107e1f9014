// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slidemodel.h"

#include "document.h"

#include <QFont>
#include <QImage>
#include <QTextLayout>

#include <memory>
#include <vector>

class QPainter;

namespace folio::office {
class ImageStore;
}

namespace folio::presentation {

// A text body laid out in its frame, in slide points: what is painted and where its words are.
struct LaidParagraph
{
    std::unique_ptr<QTextLayout> layout;
    QPointF origin; // where the layout's (0, 0) falls in the frame's coordinates
    QString bullet;
    QFont bulletFont;
    QColor bulletColor;
    QPointF bulletPosition; // baseline-left of the bullet, frame coordinates
};

struct LaidText
{
    std::vector<LaidParagraph> paragraphs;
    qreal height = 0; // of the text, insets excluded
};

// Lays out `body` in `frame` (slide points): wraps at the frame's width minus insets and margins,
// shrinks the text when it overflows and anchors it vertically. Polls the token per paragraph.
LaidText layoutBody(const TextBody &body, const QRectF &frame, const QPaintDevice *device,
    const CancellationToken &token, bool shrinkToFit = true);

// Draws slides. Owns nothing but a paint device for text metrics; pictures come from `images`.
class SlidePainter
{
public:
    explicit SlidePainter(office::ImageStore *images);

    // Draws `slide` of `size` points with `painter` already scaled to points; `dpi` sizes pictures.
    Status paint(QPainter &painter, const Slide &slide, QSizeF size, double dpi, const CancellationToken &token);
    // Draws `shapes` (slide points, in a space of `size`) with nothing under them: a diagram's
    // drawing inside another document.
    Status paintShapes(
        QPainter &painter, const QList<Shape> &shapes, QSizeF size, double dpi, const CancellationToken &token);
    // Draws the speaker-notes panel of `height` points below a slide of `size`.
    Status paintNotes(QPainter &painter, const Slide &slide, QSizeF size, qreal height, const CancellationToken &token);

    // Height of the notes panel for `slide` at the slide's width.
    qreal notesHeight(const Slide &slide, QSizeF size, const CancellationToken &token);

    // The words of the slide (and of its notes when `notesHeight` > 0), in reading order.
    Result<QList<TextBox>> textBoxes(
        const Slide &slide, QSizeF size, qreal notesHeight, const CancellationToken &token);

    const QPaintDevice *device() const { return &m_device; }

private:
    void paintShape(QPainter &painter, const Shape &shape, QSizeF size, double dpi, const CancellationToken &token);
    void paintTable(QPainter &painter, const Shape &shape, const CancellationToken &token);

    office::ImageStore *m_images;
    QImage m_device;
};

// The slide's shapes in reading order: titles first, then top to bottom, left to right.
QList<const Shape *> readingOrder(const Slide &slide);
// The plain text of a slide in reading order, with its notes after a blank line when `withNotes`.
QString slideText(const Slide &slide, bool withNotes);
// The plain text of the slide's speaker notes; empty when it has none.
QString notesText(const Slide &slide);

// Notes paragraphs laid out in the notes panel (frame for layoutBody()).
QRectF notesFrame(QSizeF size, qreal height);

} // namespace folio::presentation
