// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/text/textpage.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QTextLayout>

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

Result<QImage> renderPainted(const Document &document, int index, const RenderRequest &request,
    const CancellationToken &token, const std::function<Status(QPainter &)> &paint)
{
    QImage image = beginPage(document, index, request);
    if (image.isNull())
        return image;
    {
        QPainter painter(&image);
        scaleToPoints(painter, request.dpi);
        if (Status status = paint(painter); !status)
            return status;
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    finishPage(image, request.dpi);
    return image;
}

PainterSave::PainterSave(QPainter &painter)
    : m_painter(painter)
{
    m_painter.save();
}

PainterSave::~PainterSave()
{
    m_painter.restore();
}

void appendLineWords(
    QList<TextBox> &boxes, const QTextLine &line, const QString &text, qreal left, qreal top, qreal height)
{
    const auto separates
        = [&text](int i) { return text.at(i).isSpace() || text.at(i) == QChar::ObjectReplacementCharacter; };
    const qsizetype first = boxes.size();
    const int end = std::min<int>(line.textStart() + line.textLength(), int(text.size()));
    for (int i = line.textStart(); i < end;) {
        if (separates(i)) {
            ++i;
            continue;
        }
        const int start = i;
        while (i < end && !separates(i))
            ++i;
        // Right-to-left runs come out mirrored: the word spans between its two cursor positions.
        const qreal a = line.cursorToX(start);
        const qreal b = line.cursorToX(i);
        const QRectF rect(left + std::min(a, b), top, std::abs(b - a), height);
        boxes.append(TextBox {text.mid(start, i - start), rect, true, false});
    }
    if (boxes.size() > first)
        boxes.last().lineEnd = true;
}

void appendWords(QList<TextBox> &boxes, const QString &line, const QFont &font, const QPaintDevice *device,
    QPointF topLeft, qreal height)
{
    QTextLayout layout(line, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    option.setTextDirection(Qt::LeftToRight); // QPainter's default layout direction
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    if (!textLine.isValid())
        return;
    textLine.setNumColumns(int(line.size()));
    layout.endLayout();
    appendLineWords(boxes, textLine, line, topLeft.x(), topLeft.y(), height);
}

QColor inkFor(const QColor &background)
{
    // A transparent background ends up on whatever the viewer puts behind it: assume white paper.
    if (background.alpha() < 128 || background.lightness() >= 128)
        return Qt::black;
    return QColor(0xF0, 0xF0, 0xF0);
}

} // namespace folio::text
