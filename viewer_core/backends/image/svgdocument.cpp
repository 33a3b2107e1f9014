// SPDX-License-Identifier: GPL-3.0-or-later
#include "svgdocument.h"

#include "backends/common/cancellabledevice.h"
#include "chunkedio.h"
#include "logging.h"
#include "svgscanner.h"

#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>

#include <cmath>
#include <optional>

namespace folio::image {

namespace {

constexpr double pointsPerPixel = 0.75; // CSS: 96 px per inch, 72 pt per inch

// A length in points, or nothing for relative units (%, em, ex) and nonsense.
std::optional<double> lengthInPoints(QStringView text)
{
    struct Unit
    {
        QLatin1String suffix;
        double points;
    };
    static constexpr Unit units[] = {
        {QLatin1String("px"), pointsPerPixel},
        {QLatin1String("pt"), 1.0},
        {QLatin1String("pc"), 12.0},
        {QLatin1String("in"), 72.0},
        {QLatin1String("cm"), 72.0 / 2.54},
        {QLatin1String("mm"), 72.0 / 25.4},
    };
    text = text.trimmed();
    double factor = pointsPerPixel; // a bare number is in user units
    for (const Unit &unit : units) {
        if (text.endsWith(unit.suffix, Qt::CaseInsensitive)) {
            text.chop(unit.suffix.size());
            factor = unit.points;
            break;
        }
    }
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value * factor;
}

// The viewBox's width and height in user units, or an empty size.
QSizeF viewBoxSize(const QString &viewBox)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    const QStringList parts = viewBox.trimmed().split(separators, Qt::SkipEmptyParts);
    if (parts.size() != 4)
        return {};
    bool okWidth = false;
    bool okHeight = false;
    const QSizeF size(parts[2].toDouble(&okWidth), parts[3].toDouble(&okHeight));
    if (!okWidth || !okHeight || !std::isfinite(size.width()) || !std::isfinite(size.height()) || size.isEmpty())
        return {};
    return size;
}

QSizeF pageSizeOf(const SvgRoot &root, QSizeF qtDefault)
{
    const std::optional<double> width = lengthInPoints(root.width);
    const std::optional<double> height = lengthInPoints(root.height);
    QSizeF aspect = viewBoxSize(root.viewBox);
    if (aspect.isEmpty())
        aspect = qtDefault;
    QSizeF size;
    if (width && height)
        size = {*width, *height};
    else if (width && !aspect.isEmpty())
        size = {*width, *width * aspect.height() / aspect.width()};
    else if (height && !aspect.isEmpty())
        size = {*height * aspect.width() / aspect.height(), *height};
    else if (!aspect.isEmpty())
        size = aspect * pointsPerPixel;
    else
        size = QSizeF(300, 150) * pointsPerPixel; // what browsers give an SVG that states no size
    // Keep pixel arithmetic in range for absurd sizes; the pixel limit still applies to renders.
    constexpr double largest = 1e6;
    const double excess = std::max(size.width(), size.height()) / largest;
    return excess > 1 ? size / excess : size;
}

} // namespace

SvgDocument::SvgDocument(const Limits &limits)
    : Document(limits)
{ }

SvgDocument::~SvgDocument() = default;

Result<std::unique_ptr<Document>> SvgDocument::open(
    QIODevice &device, const QMimeType &mimeType, const Limits &limits, const CancellationToken &token)
{
    Result<QByteArray> data = readAll(device, limits.maxInMemoryBytes, token);
    if (!data)
        return data.status();
    std::unique_ptr<SvgDocument> document(new SvgDocument(limits));
    document->setFormat(QStringLiteral("svg"), mimeType.isValid() ? mimeType.comment() : tr("SVG image"),
        QStringLiteral("image/svg+xml"));
    // QtSvg draws with QPainter: a PDF export keeps the drawing's vectors.
    document->setCapabilities(Capability::VectorPaint);
    if (Status status = document->load(*data, token); !status)
        return status;
    return std::unique_ptr<Document>(std::move(document));
}

Status SvgDocument::load(const QByteArray &data, const CancellationToken &token)
{
    // QtSvg would inflate gzip data itself, without any limit on the inflated size.
    if (data.startsWith("\x1f\x8b"))
        return {StatusCode::Unsupported, tr("Compressed SVG (svgz) is not supported")};
    const Result<SvgRoot> root = SvgScanner::scan(data, limits(), token);
    if (!root)
        return root.status();

    QByteArray safe = data;
    if (root->externalReferences > 0) {
        qCInfo(lcImage) << "ignoring" << root->externalReferences << "references to external files in an SVG";
        Result<QByteArray> stripped = SvgScanner::withoutExternalReferences(data, token);
        if (!stripped)
            return stripped.status();
        safe = std::move(stripped).value();
    }
    if (token.isCancelled())
        return Status::fromToken(token);

    m_renderer = std::make_unique<QSvgRenderer>();
    // No animation timer: the renderer may be used from any thread, and pages are still pictures.
    m_renderer->setFramesPerSecond(0);
    if (!m_renderer->load(safe))
        return {StatusCode::Corrupt, tr("QtSvg cannot read this SVG document")};
    if (token.isCancelled())
        return Status::fromToken(token);

    m_pageSize = pageSizeOf(*root, QSizeF(m_renderer->defaultSize()));
    const QSize pixels = (m_pageSize / pointsPerPixel).toSize();
    m_metadata = {
        {QStringLiteral("Width"), QString::number(pixels.width())},
        {QStringLiteral("Height"), QString::number(pixels.height())},
        {QStringLiteral("Format"), QStringLiteral("SVG")},
    };
    if (!root->title.isEmpty())
        m_metadata.append({QStringLiteral("Title"), root->title});
    qCDebug(lcImage) << "opened SVG" << root->width << root->height << root->viewBox << "->" << m_pageSize << "pt";
    return {};
}

Result<QImage> SvgDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    RenderRequest upright = request;
    upright.rotation = 0; // the base class rotates
    const QSize size = renderSize(index, upright);
    QImage image(size, request.background.alpha() == 255 ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image; // out of memory: the base class says so
    image.fill(request.background);
    if (token.isCancelled())
        return Status::fromToken(token);
    // QtSvg draws in one uninterruptible call; the base class discards the picture if the token
    // was cancelled meanwhile.
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform | QPainter::TextAntialiasing);
    // Points onto the whole canvas, whose sides were rounded to whole pixels.
    painter.scale(size.width() / m_pageSize.width(), size.height() / m_pageSize.height());
    if (Status status = doPaint(index, painter, request, token); !status)
        return status;
    painter.end();
    return image;
}

Status SvgDocument::doPaint(int, QPainter &painter, const RenderRequest &, const CancellationToken &)
{
    m_renderer->render(&painter, QRectF(QPointF(0, 0), m_pageSize));
    return {};
}

} // namespace folio::image
