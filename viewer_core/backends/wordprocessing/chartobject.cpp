// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartobject.h"

#include "backends/office/chart.h"

namespace folio::wordprocessing {

ChartObjectHandler::ChartObjectHandler(const std::vector<std::shared_ptr<const office::Chart>> &charts, QObject *parent)
    : QObject(parent)
    , m_charts(charts)
{ }

QSizeF ChartObjectHandler::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    return QSizeF(format.doubleProperty(QTextFormat::ImageWidth), format.doubleProperty(QTextFormat::ImageHeight));
}

void ChartObjectHandler::drawObject(
    QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.intProperty(IndexProperty);
    if (index < 0 || size_t(index) >= m_charts.size() || !m_charts[size_t(index)])
        return;
    m_charts[size_t(index)]->paint(*painter, rect);
}

} // namespace folio::wordprocessing
