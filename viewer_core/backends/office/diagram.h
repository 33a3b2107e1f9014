// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slidemodel.h"

#include "cancellation.h"

#include <optional>

class QPainter;

namespace folio::office {
class ImageStore;
class Package;
} // namespace folio::office

namespace folio::presentation {

// A SmartArt diagram outside a presentation (in a DOCX): the drawing Word saves of every diagram
// as a fallback (dsp:drawing, DrawingML shapes), read like a slide's shapes and drawn by
// SlidePainter. The layout rules of the diagram itself are never run: what Word drew is what shows.
class Diagram
{
public:
    // The diagram a graphic frame of `part` shows through its data relationship `dataId`
    // (dgm:relIds r:dm), `extent` points large, in the theme of `part`; nullopt when the file has
    // no fallback drawing for it (or the token was cancelled).
    static std::optional<Diagram> fromFrame(const office::Package &package, const QString &part, const QString &dataId,
        QSizeF extent, const CancellationToken &token);

    // Its words, shape by shape in reading order.
    QString text() const;
    // Draws it scaled into `rect` (the painter's units, taken as points); pictures from `images`
    // when given (not owned).
    void paint(QPainter &painter, const QRectF &rect, office::ImageStore *images = nullptr) const;

    const QList<Shape> &shapes() const { return m_shapes; }

private:
    QList<Shape> m_shapes; // points, from the frame's top left
    QSizeF m_extent;
};

} // namespace folio::presentation
