// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram.h"

#include "drawingml.h"
#include "slidepainter.h"

#include "backends/office/officepackage.h"

#include <QPainter>

namespace folio::presentation {

using namespace drawingml;

namespace {

// The theme of a word-processing part: its colours seen through Word's fixed colour map.
Theme partTheme(const office::Package &package, const QString &part, const CancellationToken &token)
{
    Theme theme;
    theme.colorMap = {{QStringLiteral("bg1"), QStringLiteral("lt1")}, {QStringLiteral("tx1"), QStringLiteral("dk1")},
        {QStringLiteral("bg2"), QStringLiteral("lt2")}, {QStringLiteral("tx2"), QStringLiteral("dk2")}};
    const auto relationship = package.relationshipOfType(part, u"theme", token);
    if (!relationship)
        return theme;
    const QString path = package.targetPath(part, *relationship);
    if (const Result<QByteArray> data = package.read(path, token)) {
        SafeXmlReader xml(*data, path, package.limits(), token);
        readTheme(xml, theme);
    }
    return theme;
}

} // namespace

std::optional<Diagram> Diagram::fromFrame(const office::Package &package, const QString &part, const QString &dataId,
    QSizeF extent, const CancellationToken &token)
{
    const Theme theme = partTheme(package, part, token);
    PartContext context {package, part, theme, token};
    context.shapeBudget = 10'000;
    Diagram diagram;
    if (!readDiagramDrawing(dataId, diagram.m_shapes, context) || token.isCancelled())
        return std::nullopt;
    TextProps defaults;
    defaults.size = 18;
    defaults.color = theme.scheme(QStringLiteral("tx1"));
    defaults.family = theme.minorFont;
    for (Shape &shape : diagram.m_shapes) {
        TextProps shapeDefaults = defaults;
        if (shape.fontColor)
            shapeDefaults.color = shape.fontColor;
        resolveText(shape.text, nullptr, shapeDefaults, theme);
    }
    diagram.m_extent = extent;
    return diagram;
}

QString Diagram::text() const
{
    Slide slide;
    slide.shapes = m_shapes;
    return slideText(slide, false);
}

void Diagram::paint(QPainter &painter, const QRectF &rect, office::ImageStore *images) const
{
    if (m_extent.isEmpty() || rect.isEmpty())
        return;
    painter.save();
    painter.translate(rect.topLeft());
    painter.scale(rect.width() / m_extent.width(), rect.height() / m_extent.height());
    SlidePainter slidePainter(images);
    // Not clipped to the frame: outlines and text may reach a little past it, as in Word.
    slidePainter.paintShapes(painter, m_shapes, m_extent, 150, CancellationToken());
    painter.restore();
}

} // namespace folio::presentation
