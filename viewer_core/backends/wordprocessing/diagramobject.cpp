// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagramobject.h"

#include "backends/office/diagram.h"

namespace folio::wordprocessing {

DiagramObjectHandler::DiagramObjectHandler(const std::vector<std::shared_ptr<const presentation::Diagram>> &diagrams,
    office::ImageStore *images, QObject *parent)
    : QObject(parent)
    , m_diagrams(diagrams)
    , m_images(images)
{ }

QSizeF DiagramObjectHandler::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    return QSizeF(format.doubleProperty(QTextFormat::ImageWidth), format.doubleProperty(QTextFormat::ImageHeight));
}

void DiagramObjectHandler::drawObject(
    QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.intProperty(IndexProperty);
    if (index < 0 || size_t(index) >= m_diagrams.size() || !m_diagrams[size_t(index)])
        return;
    m_diagrams[size_t(index)]->paint(*painter, rect, m_images);
}

} // namespace folio::wordprocessing
