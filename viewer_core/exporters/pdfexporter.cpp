// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfexporter.h"

#include "exporter.h"
#include "fonts.h"
#include "logging.h"
#include "rasterexporter.h"
#include "stagedoutput.h"
#include "viewer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace folio {

namespace {

constexpr qint64 CopyChunk = 1 << 20;

int normalizedRotation(int rotation)
{
    return ((rotation % 360) + 360) % 360;
}

// A failure's message names the page it happened on.
Status onPage(const Status &status, int page)
{
    return status.withPage(page);
}

// The file an unchanged PDF export can copy: the open PDF itself when every page is asked for in
// order with nothing to draw over or turn. Empty otherwise.
QString copyableSource(const Viewer &viewer, const QList<int> &pages, const ExportOptions &options)
{
    const Document &document = *viewer.document();
    if (document.formatId() != QLatin1String("pdf") || document.isEncrypted() || !document.isPageCountFinal()
        || normalizedRotation(options.rotation) != 0 || !options.watermark.isEmpty()
        || options.renderOptions != RenderOption::None || pages.size() != document.pageCount())
        return {};
    for (int i = 0; i < pages.size(); ++i) {
        if (pages[i] != i)
            return {};
    }
    // Only the very file that was opened: one changed since would be another document.
    if (!viewer.checkFileUnchanged())
        return {};
    // A compressed PDF (paper.pdf.xz) is a "pdf" document too, but its file is not one.
    QFile file(viewer.path());
    if (!QFileInfo(file).isFile() || !file.open(QIODevice::ReadOnly))
        return {};
    if (!file.read(1024).contains("%PDF-"))
        return {};
    return file.fileName();
}

Status copyFile(const QString &source, QFile &out, const CancellationToken &token)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return {StatusCode::IoError, PdfExporter::tr("Cannot read %1: %2").arg(source, in.errorString())};
    QByteArray chunk;
    while (!in.atEnd()) {
        if (token.isCancelled())
            return Status::fromToken(token);
        chunk = in.read(CopyChunk);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return {StatusCode::IoError, PdfExporter::tr("Cannot read %1: %2").arg(source, in.errorString())};
        if (out.write(chunk) != chunk.size())
            return {StatusCode::IoError, PdfExporter::tr("Cannot write the PDF file: %1").arg(out.errorString())};
    }
    return {};
}

QString titleOf(const Viewer &viewer)
{
    for (const auto &[key, value] : viewer.document()->metadata()) {
        if (key == QLatin1String("Title") && !value.trimmed().isEmpty())
            return value.trimmed();
    }
    return QFileInfo(viewer.fileName()).completeBaseName();
}

QPageLayout layoutFor(QSizeF points)
{
    // ExactMatch: a custom size stays itself instead of snapping to a nearby standard paper.
    return QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch), QPageLayout::Portrait,
        QMarginsF(), QPageLayout::Point);
}

// Maps an upright page of `size` points onto the output page, turned `rotation` degrees clockwise.
QTransform pageTransform(QSizeF size, int rotation)
{
    QTransform transform;
    switch (normalizedRotation(rotation)) {
    case 90:
        transform.translate(size.height(), 0);
        break;
    case 180:
        transform.translate(size.width(), size.height());
        break;
    case 270:
        transform.translate(0, size.width());
        break;
    default:
        return transform;
    }
    transform.rotate(normalizedRotation(rotation));
    return transform;
}

// Words drawn fully transparent over their place on a page picture: invisible, yet text that PDF
// readers find, select and copy. Each word is stretched to fill its box, so a selection matches
// the picture whatever font the page really used.
void paintTextLayer(QPainter &painter, const QList<TextBox> &boxes)
{
    QFont font(fonts::family(fonts::Role::Sans));
    // A large pixel size (in points here) keeps the advances precise; the scale brings it down.
    font.setPixelSize(100);
    const QFontMetricsF metrics(font);
    painter.save();
    painter.setFont(font);
    painter.setPen(QColor(0, 0, 0, 0));
    for (const TextBox &box : boxes) {
        const QString text = box.text.trimmed();
        const qreal advance = metrics.horizontalAdvance(text);
        if (text.isEmpty() || box.rect.isEmpty() || advance <= 0)
            continue;
        painter.save();
        painter.translate(box.rect.topLeft());
        painter.scale(box.rect.width() / advance, box.rect.height() / metrics.height());
        painter.drawText(QPointF(0, metrics.ascent()), text);
        painter.restore();
    }
    painter.restore();
}

// Draws pages of one document on the PDF painter, one call per page.
class PageDrawer
{
public:
    PageDrawer(Document &document, const ExportOptions &options, const CancellationToken &token)
        : m_document(document)
        , m_options(options)
        , m_token(token)
        // Night modes and paper colours are made on the rendered page: such pages go as pictures
        // (with their text layer).
        , m_vector(document.capabilities().testFlag(Capability::VectorPaint) && options.colors.isNormal())
        , m_textLayer(document.capabilities().testFlag(Capability::TextLayout))
    { }

    // The output page's size in points: the document page's, turned with the rotation.
    QSizeF outputSize(int page) const
    {
        QSizeF size = m_document.pageSize(page);
        if (normalizedRotation(m_options.rotation) % 180 != 0)
            size.transpose();
        return size;
    }

    // Draws page `page` on `painter`, whose origin is the output page's top left, in points.
    Status draw(QPainter &painter, int page)
    {
        const QSizeF upright = m_document.pageSize(page);
        painter.save();
        painter.setTransform(pageTransform(upright, m_options.rotation), true);
        const Status status = m_vector ? drawVector(painter, page, upright) : drawPicture(painter, page, upright);
        painter.restore();
        if (!status)
            return onPage(status, page);
        // Over the content, on the page as it is seen (turned), as the raster export does.
        paintWatermark(painter, outputSize(page), m_options.watermark);
        return {};
    }

private:
    Status drawVector(QPainter &painter, int page, QSizeF upright)
    {
        RenderRequest request = RasterExporter::requestFor(m_document, page, m_options);
        request.rotation = 0;
        // Paper is white already; another colour (or a dark page's) is filled as the raster export
        // would, and request.background picks the ink that reads on it.
        if (request.background.alpha() > 0 && request.background != QColor(Qt::white))
            painter.fillRect(QRectF(QPointF(0, 0), upright), request.background);
        return m_document.paint(page, painter, request, m_token);
    }

    Status drawPicture(QPainter &painter, int page, QSizeF upright)
    {
        RenderRequest request = RasterExporter::requestFor(m_document, page, m_options);
        request.rotation = 0; // the painter turns the page, text layer included
        Result<QImage> image = m_document.render(page, request, m_token);
        if (!image)
            return image.status();
        // An opaque picture needs no soft mask in the PDF.
        if (m_options.background.alpha() == 255 && image->hasAlphaChannel())
            image = image->convertToFormat(QImage::Format_RGB32);
        // Qt stores pictures as JPEG unless told otherwise: fine for photographs and comics, but
        // text pages (PDF input) keep their sharp edges only when stored losslessly.
        painter.setRenderHint(QPainter::LosslessImageRendering, m_textLayer);
        painter.drawImage(QRectF(QPointF(0, 0), upright), *image);
        if (!m_textLayer)
            return {};
        Result<QList<TextBox>> boxes = m_document.textBoxes(page, m_token);
        if (!boxes) {
            // The picture is the page; a missing text layer is not worth failing the export.
            if (boxes.status().isCancellation())
                return boxes.status();
            qCDebug(lcExport) << "no text layer for page" << page + 1 << boxes.status().message();
            return {};
        }
        paintTextLayer(painter, *boxes);
        return {};
    }

    Document &m_document;
    const ExportOptions &m_options;
    const CancellationToken &m_token;
    const bool m_vector;
    const bool m_textLayer;
};

// Writes `pages` into `out` as a PDF.
Status writePdf(Viewer &viewer, const QList<int> &pages, QFile &out, const ExportOptions &options,
    const CancellationToken &token, const ProgressCallback &progress)
{
    Document &document = *viewer.document();
    PageDrawer drawer(document, options, token);
    QPdfWriter writer(&out);
    // One device unit per point: the painter works in points, as Document::paint() wants, and
    // fonts sized in points come out at their size.
    writer.setResolution(72);
    writer.setTitle(titleOf(viewer));
    writer.setCreator(QStringLiteral("Folio"));
    if (!writer.setPageLayout(layoutFor(drawer.outputSize(pages.first()))))
        return {StatusCode::InvalidArgument, PdfExporter::tr("Page %1 has an invalid size").arg(pages.first() + 1)};
    QPainter painter;
    if (!painter.begin(&writer))
        return {StatusCode::IoError, PdfExporter::tr("Cannot write the PDF file: %1").arg(out.errorString())};
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    for (int i = 0; i < pages.size(); ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const int page = pages[i];
        if (i > 0) {
            // A new size applies from the next page on.
            if (!writer.setPageLayout(layoutFor(drawer.outputSize(page))))
                return {StatusCode::InvalidArgument, PdfExporter::tr("Page %1 has an invalid size").arg(page + 1)};
            if (!writer.newPage())
                return {StatusCode::IoError, PdfExporter::tr("Cannot write the PDF file: %1").arg(out.errorString())};
        }
        if (Status status = drawer.draw(painter, page); !status)
            return status;
        if (progress)
            progress(i + 1, pages.size());
    }
    if (!painter.end() || out.error() != QFileDevice::NoError)
        return {StatusCode::IoError, PdfExporter::tr("Cannot write the PDF file: %1").arg(out.errorString())};
    return {};
}

} // namespace

QString PdfExporter::fileName(const ExportOptions &options)
{
    const QString base = options.baseName.trimmed();
    return (base.isEmpty() ? QStringLiteral("document") : sanitizeFileName(base)) + QStringLiteral(".pdf");
}

Result<QStringList> PdfExporter::exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
    const ExportOptions &options, const CancellationToken &token, const ProgressCallback &progress)
{
    const auto checked = Exporter::checkRequest(viewer, pages);
    if (!checked)
        return checked.status();
    Document *document = checked.value();
    if (options.rotation % 90 != 0)
        return Status(StatusCode::InvalidArgument, tr("Pages can only be turned by multiples of 90 degrees"));
    if (token.isCancelled())
        return Status::fromToken(token);

    StagedOutput output;
    if (Status status = output.prepare(directory); !status)
        return status;
    const QString name = fileName(options);
    auto file = output.stage(name);
    if (!file)
        return file.status();

    const QString source = copyableSource(viewer, pages, options);
    Status status;
    if (!source.isEmpty()) {
        qCDebug(lcExport) << "copying the unchanged PDF" << source;
        status = copyFile(source, *file.value(), token);
        if (status) // a change while copying would give a mix of two files
            status = viewer.checkFileUnchanged();
        if (status && progress)
            progress(pages.size(), pages.size());
    } else {
        qCDebug(lcExport) << "writing" << pages.size() << "pages into a PDF"
                          << (document->capabilities().testFlag(Capability::VectorPaint) ? "(vector)" : "(pictures)");
        status = writePdf(viewer, pages, *file.value(), options, token, progress);
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!status)
        return status;
    auto written = output.commit();
    if (!written)
        return written.status();
    return QStringList {QDir(output.directory()).filePath(name)};
}

} // namespace folio
