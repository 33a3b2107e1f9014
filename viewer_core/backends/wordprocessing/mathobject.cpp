// SPDX-License-Identifier: GPL-3.0-or-later
#include "mathobject.h"

#include "backends/office/math/formula.h"

#include <QPainter>
#include <QPalette>

namespace folio::wordprocessing {

MathObjectHandler::MathObjectHandler(
    const std::vector<std::shared_ptr<const office::math::Formula>> &formulas, QObject *parent)
    : QObject(parent)
    , m_formulas(formulas)
{ }

QSizeF MathObjectHandler::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    return QSizeF(format.doubleProperty(QTextFormat::ImageWidth), format.doubleProperty(QTextFormat::ImageHeight));
}

void MathObjectHandler::drawObject(
    QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.intProperty(IndexProperty);
    if (index < 0 || size_t(index) >= m_formulas.size() || !m_formulas[size_t(index)])
        return;
    // The text's colour: the pen QTextDocumentLayout set for the run.
    const QColor ink = painter->pen().color();
    m_formulas[size_t(index)]->paint(*painter,
        QPointF(rect.left(), rect.top() + format.doubleProperty(BaselineProperty)), format.doubleProperty(SizeProperty),
        ink);
}

} // namespace folio::wordprocessing
