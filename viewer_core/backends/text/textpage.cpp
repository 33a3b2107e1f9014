// SPDX-License-Identifier: GPL-3.0-or-later
#include "textpage.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>

#include <cmath>

namespace folio::text {

namespace {

class TextPage
{
    Q_DECLARE_TR_FUNCTIONS(folio::text::TextPage)
};

// QImage stores resolution in dots per metre.
int dotsPerMeter(double dpi)
{
    return int(std::lround(dpi / 0.0254));
}

} // namespace

Status checkFontSupport()
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    return {StatusCode::Unsupported,
        TextPage::tr("Text documents need fonts, which are only available in a graphical application "
                     "(QGuiApplication)")};
}

QImage makePointDevice()
{
    QImage device(1, 1, QImage::Format_RGB32);
    device.setDotsPerMeterX(dotsPerMeter(72));
    device.setDotsPerMeterY(dotsPerMeter(72));
    return device;
}

QImage beginPage(const Document &document, int index, const RenderRequest &request)
{
    RenderRequest unrotated = request;
    unrotated.rotation = 0;
    QImage image(document.renderSize(index, unrotated), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(request.background);
    image.setDotsPerMeterX(dotsPerMeter(72));
    image.setDotsPerMeterY(dotsPerMeter(72));
    return image;
}

void finishPage(QImage &image, double dpi)
{
    image.setDotsPerMeterX(dotsPerMeter(dpi));
    image.setDotsPerMeterY(dotsPerMeter(dpi));
}

void scaleToPoints(QPainter &painter, double dpi)
{
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter.scale(dpi / 72.0, dpi / 72.0);
}

QColor inkFor(const QColor &background)
{
    // A transparent background ends up on whatever the viewer puts behind it: assume white paper.
    if (background.alpha() < 128 || background.lightness() >= 128)
        return Qt::black;
    return QColor(0xF0, 0xF0, 0xF0);
}

} // namespace folio::text
