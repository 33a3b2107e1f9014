// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportoptions.h"
#include "fonts.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace folio {

QString ExportOptions::extension(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Jpeg:
        return QStringLiteral("jpg");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString ExportOptions::extension() const
{
    return extension(format);
}

bool ExportOptions::formatFromName(const QString &name, Format &format)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("png"))
        format = Format::Png;
    else if (lower == QLatin1String("jpg") || lower == QLatin1String("jpeg"))
        format = Format::Jpeg;
    else if (lower == QLatin1String("html") || lower == QLatin1String("htm"))
        format = Format::Html;
    else if (lower == QLatin1String("pdf"))
        format = Format::Pdf;
    else
        return false;
    return true;
}

QFont watermarkFont(const Watermark &watermark, QSizeF pageSize)
{
    const QString text = watermark.text.simplified();
    QFont font(fonts::family(fonts::Role::Sans));
    font.setBold(true);
    // A pixel size is in the painter's own unit (points here) whatever the device's resolution.
    int size = int(std::clamp<qreal>(watermark.size, 4, 1000));
    font.setPixelSize(size);
    if (pageSize.isEmpty())
        return font;
    // Shrink until the rotated text fits inside the page with a margin.
    const qreal radians = qDegreesToRadians(watermark.angle);
    const qreal cosA = std::abs(std::cos(radians));
    const qreal sinA = std::abs(std::sin(radians));
    for (int i = 0; i < 40; ++i) {
        const QFontMetricsF metrics(font);
        const qreal w = metrics.horizontalAdvance(text);
        const qreal h = metrics.height();
        const qreal boundW = w * cosA + h * sinA;
        const qreal boundH = w * sinA + h * cosA;
        if ((boundW <= pageSize.width() * 0.9 && boundH <= pageSize.height() * 0.9) || size <= 4)
            break;
        const qreal scale = std::min(pageSize.width() * 0.9 / boundW, pageSize.height() * 0.9 / boundH);
        size = std::max(4, int(size * std::min<qreal>(scale, 0.95)));
        font.setPixelSize(size);
    }
    return font;
}

void paintWatermark(QPainter &painter, QSizeF pageSize, const Watermark &watermark)
{
    if (watermark.isEmpty() || pageSize.isEmpty())
        return;
    const QString text = watermark.text.simplified();
    const QFont font = watermarkFont(watermark, pageSize);
    painter.save();
    painter.translate(pageSize.width() / 2, pageSize.height() / 2);
    painter.rotate(watermark.angle);
    painter.setFont(font);
    painter.setPen(watermark.color);
    const QFontMetricsF metrics(font);
    const qreal w = metrics.horizontalAdvance(text);
    // drawText keeps it text (selectable and searchable in a PDF).
    painter.drawText(QPointF(-w / 2, (metrics.ascent() - metrics.descent()) / 2), text);
    painter.restore();
}

} // namespace folio
