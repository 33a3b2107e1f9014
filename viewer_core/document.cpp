// SPDX-License-Identifier: GPL-3.0-or-later
#include "document.h"

#include <QIODevice>
#include <QTransform>

#include <cmath>
#include <functional>

namespace folio {

double RenderRequest::dpiForWidth(QSizeF pageSize, int pixels)
{
    return pageSize.width() > 0 ? pixels * 72.0 / pageSize.width() : 72.0;
}

double RenderRequest::dpiForHeight(QSizeF pageSize, int pixels)
{
    return pageSize.height() > 0 ? pixels * 72.0 / pageSize.height() : 72.0;
}

QString Annotation::typeName(Type type)
{
    switch (type) {
    case Type::Text:
        return QStringLiteral("note");
    case Type::FreeText:
        return QStringLiteral("free-text");
    case Type::Highlight:
        return QStringLiteral("highlight");
    case Type::Underline:
        return QStringLiteral("underline");
    case Type::StrikeOut:
        return QStringLiteral("strike-out");
    case Type::Squiggly:
        return QStringLiteral("squiggly");
    case Type::Ink:
        return QStringLiteral("ink");
    case Type::Stamp:
        return QStringLiteral("stamp");
    case Type::Line:
        return QStringLiteral("line");
    case Type::Square:
        return QStringLiteral("square");
    case Type::Circle:
        return QStringLiteral("circle");
    case Type::Polygon:
        return QStringLiteral("polygon");
    case Type::FileAttachment:
        return QStringLiteral("file-attachment");
    case Type::Caret:
        return QStringLiteral("caret");
    case Type::Other:
        break;
    }
    return QStringLiteral("other");
}

QString Annotation::typeTitle(Type type)
{
    switch (type) {
    case Type::Text:
        return tr("Note");
    case Type::FreeText:
        return tr("Text box");
    case Type::Highlight:
        return tr("Highlight");
    case Type::Underline:
        return tr("Underline");
    case Type::StrikeOut:
        return tr("Strike-out");
    case Type::Squiggly:
        return tr("Squiggly underline");
    case Type::Ink:
        return tr("Drawing");
    case Type::Stamp:
        return tr("Stamp");
    case Type::Line:
        return tr("Line");
    case Type::Square:
        return tr("Rectangle");
    case Type::Circle:
        return tr("Ellipse");
    case Type::Polygon:
        return tr("Polygon");
    case Type::FileAttachment:
        return tr("Attached file");
    case Type::Caret:
        return tr("Insertion mark");
    case Type::Other:
        break;
    }
    return tr("Other annotation");
}

Document::Document(const Limits &limits)
    : m_limits(limits)
{ }

Document::~Document() = default;

void Document::setFormat(const QString &id, const QString &name, const QString &mimeType)
{
    m_formatId = id;
    m_formatName = name;
    m_mimeType = mimeType;
}

int Document::pageCount() const
{
    return doPageCount();
}

bool Document::isPageCountFinal() const
{
    return doIsPageCountFinal();
}

Status Document::ensurePages(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    if (isPageCountFinal() || (count >= 0 && count <= pageCount()))
        return {};
    if (token.isCancelled())
        return Status::fromToken(token);
    return doEnsurePages(count, token, progress);
}

QSizeF Document::pageSize(int index) const
{
    if (index < 0 || index >= pageCount())
        return {};
    return doPageSize(index);
}

QSize Document::renderSize(int index, const RenderRequest &request) const
{
    const QSizeF points = pageSize(index);
    if (points.isEmpty())
        return {};
    const double scale = request.dpi / 72.0;
    // Round the same way every backend does: a page never gets a zero-pixel side.
    QSize size(
        std::max(1, int(std::lround(points.width() * scale))), std::max(1, int(std::lround(points.height() * scale))));
    if (request.rotation % 180 != 0)
        size.transpose();
    return size;
}

Status Document::checkPage(int index) const
{
    if (index < 0 || index >= pageCount())
        return {StatusCode::InvalidArgument,
            tr("Page %1 does not exist (the document has %2)").arg(index + 1).arg(pagesText(pageCount()))};
    return {};
}

Result<QImage> Document::render(int index, const RenderRequest &request, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (request.dpi <= 0 || !std::isfinite(request.dpi) || request.rotation % 90 != 0)
        return Status(StatusCode::InvalidArgument, tr("Invalid render request"));
    const QSize size = renderSize(index, request);
    if (qint64(size.width()) * size.height() > m_limits.maxImagePixels())
        return Status(StatusCode::LimitExceeded,
            tr("Page %1 at %2 dpi would be %3×%4 pixels, over the limit of %5 megapixels")
                .arg(index + 1)
                .arg(request.dpi)
                .arg(size.width())
                .arg(size.height())
                .arg(m_limits.maxImageMegapixels));
    if (token.isCancelled())
        return Status::fromToken(token);
    // Backends draw upright pages; rotation is applied here, once, for all of them.
    RenderRequest upright = request;
    upright.rotation = 0;
    Result<QImage> image = doRender(index, upright, token);
    // A cancelled render may have returned a partial picture: never hand it out.
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!image)
        return image;
    if (image->isNull())
        return Status(StatusCode::IoError, tr("Page %1 could not be rendered (out of memory?)").arg(index + 1));
    if (!request.colors.isNormal()) {
        // On the upright page, before it turns: pictures are known in upright points.
        QList<QRect> pictures;
        if (request.colors.keepPictures) {
            const QSizeF points = pageSize(index);
            const double sx = points.width() > 0 ? image->width() / points.width() : 0;
            const double sy = points.height() > 0 ? image->height() / points.height() : 0;
            for (const QRectF &rect : doPictureRects(index, token))
                pictures.append(
                    QRectF(rect.x() * sx, rect.y() * sy, rect.width() * sx, rect.height() * sy).toAlignedRect());
        }
        if (!applyPageColors(*image, request.colors, pictures, token))
            return Status::fromToken(token);
    }
    const int rotation = ((request.rotation % 360) + 360) % 360;
    if (rotation != 0)
        return image->transformed(QTransform().rotate(rotation));
    return image;
}

Status Document::paint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (!m_capabilities.testFlag(Capability::VectorPaint))
        return {StatusCode::Unsupported, tr("%1 pages cannot be drawn as vectors").arg(m_formatName)};
    if (request.dpi <= 0 || !std::isfinite(request.dpi) || request.rotation != 0)
        return {StatusCode::InvalidArgument, tr("Invalid render request")};
    if (token.isCancelled())
        return Status::fromToken(token);
    Status status = doPaint(index, painter, request, token);
    if (status.isOk() && token.isCancelled())
        return Status::fromToken(token);
    return status;
}

Status Document::visitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (!m_capabilities.testFlag(Capability::FlowContent))
        return {StatusCode::Unsupported, tr("%1 pages have no flowing text").arg(m_formatName)};
    if (imageDpi <= 0 || !std::isfinite(imageDpi) || !visitor)
        return {StatusCode::InvalidArgument, tr("Invalid flow request")};
    if (token.isCancelled())
        return Status::fromToken(token);
    Status status = doVisitFlow(index, imageDpi, visitor, token);
    if (status.isOk() && token.isCancelled())
        return Status::fromToken(token);
    return status;
}

Result<QString> Document::text(int index, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (token.isCancelled())
        return Status::fromToken(token);
    Result<QString> result = doText(index, token);
    if (token.isCancelled())
        return Status::fromToken(token);
    return result;
}

Result<QList<TextBox>> Document::textBoxes(int index, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (token.isCancelled())
        return Status::fromToken(token);
    Result<QList<TextBox>> result = doTextBoxes(index, token);
    if (token.isCancelled())
        return Status::fromToken(token);
    return result;
}

Result<QList<Link>> Document::links(int index, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!m_capabilities.testFlag(Capability::Links))
        return QList<Link>();
    Result<QList<Link>> result = doLinks(index, token);
    if (token.isCancelled())
        return Status::fromToken(token);
    return result;
}

namespace {

// The end of annotations() and formFields(): the token, the per-page limit, the items' page.
template<typename T>
Result<QList<T>> finishPageItems(Result<QList<T>> result, int index, qsizetype limit, const CancellationToken &token,
    const std::function<QString(qsizetype)> &overLimit)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!result)
        return result;
    if (result->size() > limit)
        return Status(StatusCode::LimitExceeded, overLimit(result->size()));
    for (T &item : *result)
        item.page = index;
    return result;
}

} // namespace

Result<QList<Annotation>> Document::annotations(int index, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!m_capabilities.testFlag(Capability::Annotations))
        return QList<Annotation>();
    const int limit = m_limits.maxAnnotationsPerPage;
    return finishPageItems(doAnnotations(index, token), index, limit, token, [&](qsizetype count) {
        return tr("Page %1 has %2 annotations, over the limit of %3").arg(index + 1).arg(count).arg(limit);
    });
}

Result<QList<FormField>> Document::formFields(int index, const CancellationToken &token)
{
    if (Status s = checkPage(index); !s)
        return s;
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!m_capabilities.testFlag(Capability::Forms))
        return QList<FormField>();
    // Widgets are annotations: the same limit holds.
    const int limit = m_limits.maxAnnotationsPerPage;
    return finishPageItems(doFormFields(index, token), index, limit, token, [&](qsizetype count) {
        return tr("Page %1 has %2 form fields, over the limit of %3").arg(index + 1).arg(count).arg(limit);
    });
}

QString Document::pageLabel(int index) const
{
    if (index < 0 || index >= pageCount())
        return {};
    return doPageLabel(index);
}

Result<QList<OutlineItem>> Document::outline(const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    return doOutline(token);
}

Metadata Document::metadata() const
{
    return doMetadata();
}

QList<AttachmentInfo> Document::attachments() const
{
    return doAttachments();
}

Status Document::saveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    const qsizetype count = attachments().size();
    if (index < 0 || index >= count)
        return {StatusCode::InvalidArgument,
            tr("Attachment %1 does not exist (the document has %2)").arg(index + 1).arg(attachmentsText(count))};
    if (!out.isWritable())
        return {StatusCode::InvalidArgument, tr("The output device is not open for writing")};
    if (token.isCancelled())
        return Status::fromToken(token);
    Status status = doSaveAttachment(index, out, token, progress);
    if (status.isOk() && token.isCancelled())
        return Status::fromToken(token);
    return status;
}

Status Document::doEnsurePages(int, const CancellationToken &, const ProgressCallback &)
{
    return {};
}

Status Document::doPaint(int, QPainter &, const RenderRequest &, const CancellationToken &)
{
    return {StatusCode::Unsupported, tr("This document cannot be drawn as vectors")};
}

Status Document::doVisitFlow(int, double, const FlowVisitor &, const CancellationToken &)
{
    return {StatusCode::Unsupported, tr("This document has no flowing text")};
}

Result<QString> Document::doText(int, const CancellationToken &)
{
    return QString();
}

Result<QList<TextBox>> Document::doTextBoxes(int, const CancellationToken &)
{
    return Status(StatusCode::Unsupported, tr("This document has no text positions"));
}

Result<QList<Link>> Document::doLinks(int, const CancellationToken &)
{
    return QList<Link>();
}

Result<QList<Annotation>> Document::doAnnotations(int, const CancellationToken &)
{
    return QList<Annotation>();
}

Result<QList<FormField>> Document::doFormFields(int, const CancellationToken &)
{
    return QList<FormField>();
}

Result<QList<OutlineItem>> Document::doOutline(const CancellationToken &)
{
    return QList<OutlineItem>();
}

Status Document::doSaveAttachment(int, QIODevice &, const CancellationToken &, const ProgressCallback &)
{
    return {StatusCode::Unsupported, tr("This document has no attachments")};
}

} // namespace folio
