// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <cmath>

// Poppler gives the geometry of annotations and form fields in fractions of the upright page
// (0..1, origin top left); Folio in points on the upright page.
namespace folio::pdf {

inline QRectF pagePoints(const QRectF &fractions, QSizeF pageSize)
{
    const QRectF area = fractions.normalized();
    return QRectF(area.left() * pageSize.width(), area.top() * pageSize.height(), area.width() * pageSize.width(),
        area.height() * pageSize.height());
}

inline QRectF pageFractions(const QRectF &points, QSizeF pageSize)
{
    const QRectF area = points.normalized();
    return QRectF(area.left() / pageSize.width(), area.top() / pageSize.height(), area.width() / pageSize.width(),
        area.height() / pageSize.height());
}

inline QPointF pageFraction(const QPointF &point, QSizeF pageSize)
{
    return QPointF(point.x() / pageSize.width(), point.y() / pageSize.height());
}

inline bool isFinite(const QRectF &rect)
{
    return std::isfinite(rect.x()) && std::isfinite(rect.y()) && std::isfinite(rect.width())
        && std::isfinite(rect.height());
}

} // namespace folio::pdf
