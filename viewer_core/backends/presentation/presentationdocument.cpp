// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentationdocument.h"

#include "backends/office/slidepainter.h"
#include "presentationreaders.h"

#include "backends/common/text/textpage.h"
#include "backends/office/officepackage.h"

#include <QFileInfo>
#include <QPainter>
#include <QTransform>

namespace folio::presentation {

PresentationDocument::PresentationDocument(const Limits &limits)
    : Document(limits)
{ }

PresentationDocument::~PresentationDocument() = default;

Result<std::unique_ptr<Document>> PresentationDocument::open(
    OpenRequest request, const CancellationToken &token, const ProgressCallback &progress)
{
    const QString name = request.fileName.isEmpty() ? tr("the presentation") : QFileInfo(request.fileName).fileName();
    request.fileName = name;
    auto package = office::Package::open(request, name, token);
    if (!package) {
        if (package.status().isCancellation() || package.status().code() == StatusCode::InvalidArgument)
            return package.status();
        return package.status().withFile(name);
    }
    const bool odf
        = request.mimeType.name().contains(QLatin1String("opendocument")) || !(*package)->odfMimeType(token).isEmpty();
    Result<Presentation> presentation
        = odf ? readOdp(**package, token, progress) : readPptx(**package, token, progress);
    if (!presentation) {
        return presentation.status().withFile(name);
    }

    std::unique_ptr<PresentationDocument> document(new PresentationDocument(request.limits));
    document->setFormat(odf ? QStringLiteral("odp") : QStringLiteral("pptx"),
        odf ? tr("OpenDocument presentation") : tr("PowerPoint presentation"), request.mimeType.name());
    // Speaker notes and hidden slides are shown only with RenderNotes and RenderHiddenPages.
    document->setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline | Capability::VectorPaint
        | Capability::ViewOptions | Capability::Annotations);
    document->m_presentation = std::move(*presentation);
    const bool showHidden = request.options.testFlag(RenderOption::RenderHiddenPages);
    for (qsizetype i = 0; i < document->m_presentation.slides.size(); ++i) {
        if (showHidden || !document->m_presentation.slides[i].hidden)
            document->m_pages.append(int(i));
    }
    if (document->m_pages.size() > request.limits.maxPageCount) {
        return Status(StatusCode::LimitExceeded,
            tr("%1 has %2 slides, more than the limit of %3 pages")
                .arg(name)
                .arg(document->m_pages.size())
                .arg(request.limits.maxPageCount));
    }
    document->m_package = std::move(*package);
    document->m_images = std::make_unique<office::ImageStore>(*document->m_package);
    document->m_painter = std::make_unique<SlidePainter>(document->m_images.get());
    if (request.options.testFlag(RenderOption::RenderNotes)) {
        for (int page = 0; page < document->m_pages.size(); ++page) {
            if (token.isCancelled())
                return Status::fromToken(token);
            document->m_notesHeights.append(
                document->m_painter->notesHeight(document->slideAt(page), document->m_presentation.size, token));
        }
    }
    document->m_metadata = document->m_package->metadata(token);
    if (token.isCancelled())
        return Status::fromToken(token);
    return std::unique_ptr<Document>(std::move(document));
}

QSizeF PresentationDocument::doPageSize(int index) const
{
    QSizeF size = m_presentation.size;
    if (!m_notesHeights.isEmpty())
        size.rheight() += m_notesHeights.at(index);
    return size;
}

Result<QImage> PresentationDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    Result<QImage> image = text::renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
    if (image && image->isNull())
        return Status(StatusCode::LimitExceeded, tr("Not enough memory to render slide %1").arg(index + 1));
    return image;
}

Status PresentationDocument::doPaint(
    int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    const text::PainterSave saved(painter);
    const Slide &slide = slideAt(index);
    if (Status status = m_painter->paint(painter, slide, m_presentation.size, request.dpi, token); !status)
        return status;
    if (!m_notesHeights.isEmpty())
        return m_painter->paintNotes(painter, slide, m_presentation.size, m_notesHeights.at(index), token);
    return {};
}

Result<QString> PresentationDocument::doText(int index, const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    return slideText(slideAt(index), !m_notesHeights.isEmpty());
}

Result<QList<TextBox>> PresentationDocument::doTextBoxes(int index, const CancellationToken &token)
{
    return m_painter->textBoxes(
        slideAt(index), m_presentation.size, m_notesHeights.isEmpty() ? 0 : m_notesHeights.at(index), token);
}

QList<QRectF> PresentationDocument::doPictureRects(int index, const CancellationToken &) const
{
    QList<QRectF> pictures;
    for (const Shape &shape : slideAt(index).shapes) {
        if (shape.kind != Shape::Kind::Picture || !shape.hasGeometry || shape.rect.isEmpty())
            continue;
        QTransform turn;
        turn.translate(shape.rect.center().x(), shape.rect.center().y());
        turn.rotate(shape.rotation);
        turn.translate(-shape.rect.center().x(), -shape.rect.center().y());
        pictures.append(turn.mapRect(shape.rect));
    }
    return pictures;
}

Result<QList<Annotation>> PresentationDocument::doAnnotations(int index, const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    const QString notes = notesText(slideAt(index));
    if (notes.trimmed().isEmpty())
        return QList<Annotation>();
    Annotation annotation;
    annotation.type = Annotation::Type::Text;
    annotation.contents = notes;
    annotation.subject = tr("Speaker notes");
    const QSizeF slide = m_presentation.size;
    annotation.rect = m_notesHeights.isEmpty() ? QRectF(QPointF(0, 0), slide)
                                               : QRectF(0, slide.height(), slide.width(), m_notesHeights.at(index));
    return QList<Annotation> {annotation};
}

Result<QList<OutlineItem>> PresentationDocument::doOutline(const CancellationToken &token)
{
    QList<OutlineItem> items;
    for (int page = 0; page < m_pages.size(); ++page) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const QString title = slideAt(page).title;
        items.append(OutlineItem {title.isEmpty() ? tr("Slide %1").arg(m_pages.at(page) + 1) : title, page, {}});
    }
    return items;
}

} // namespace folio::presentation
