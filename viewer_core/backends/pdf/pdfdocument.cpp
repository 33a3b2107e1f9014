// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfdocument.h"

#include "pdfforms.h"
#include "pdfgeometry.h"
#include "pdfpictures.h"
#include "popplermessages.h"

#include "chunkedio.h"
#include "detachedcall.h"
#include "logging.h"

#include <poppler-annotation.h>
#include <poppler-form.h>
#include <poppler-link.h>
#include <poppler-qt6.h>

#include <QDateTime>
#include <QIODevice>
#include <QPolygonF>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace folio::pdf {

namespace {

// Poppler's abort callbacks take a QVariant closure: it carries the address of the caller's token,
// which outlives the call.
QVariant tokenClosure(const CancellationToken &token)
{
    return QVariant::fromValue(reinterpret_cast<quintptr>(&token));
}

bool shouldAbort(const QVariant &closure)
{
    return reinterpret_cast<const CancellationToken *>(closure.value<quintptr>())->isCancelled();
}

QList<OutlineItem> convertOutline(const QList<Poppler::OutlineItem> &items, const CancellationToken &token, int depth)
{
    QList<OutlineItem> result;
    if (depth > 64)
        return result; // a cyclic or absurd outline stops here
    for (const Poppler::OutlineItem &item : items) {
        if (token.isCancelled())
            return {};
        OutlineItem entry;
        entry.title = item.name();
        if (const auto destination = item.destination())
            entry.page = destination->pageNumber() - 1;
        if (item.hasChildren())
            entry.children = convertOutline(item.children(), token, depth + 1);
        result.append(std::move(entry));
    }
    return result;
}

// Poppler's words in reading order. nextWord() links the words of one line, so a word whose
// successor in the list is not its nextWord() ends its line. hasSpaceAfter() only speaks of gaps
// within a line, while TextBox::spaceAfter also stands for the line break.
QList<TextBox> convertTextBoxes(const std::vector<std::unique_ptr<Poppler::TextBox>> &words)
{
    QList<TextBox> boxes;
    boxes.reserve(qsizetype(words.size()));
    for (size_t i = 0; i < words.size(); ++i) {
        const Poppler::TextBox &word = *words[i];
        const Poppler::TextBox *next = i + 1 < words.size() ? words[i + 1].get() : nullptr;
        const bool lineEnd = !word.nextWord() || word.nextWord() != next;
        boxes.append(TextBox {word.text(), word.boundingBox(), word.hasSpaceAfter() || lineEnd, lineEnd});
    }
    return boxes;
}

Link::Action namedAction(Poppler::LinkAction::ActionType type)
{
    switch (type) {
    case Poppler::LinkAction::PageFirst:
        return Link::Action::FirstPage;
    case Poppler::LinkAction::PagePrev:
        return Link::Action::PreviousPage;
    case Poppler::LinkAction::PageNext:
        return Link::Action::NextPage;
    case Poppler::LinkAction::PageLast:
        return Link::Action::LastPage;
    case Poppler::LinkAction::HistoryBack:
        return Link::Action::Back;
    case Poppler::LinkAction::HistoryForward:
        return Link::Action::Forward;
    default:
        return Link::Action::None; // printing, quitting, full screen...: not a link's business
    }
}

// Points `link` at `destination`: its page, and its height when it names one. A named destination
// Poppler left unresolved is looked up in the document's /Dests and /Names trees.
void setLinkTarget(Link &link, const Poppler::LinkDestination &destination, Poppler::Document &document)
{
    std::unique_ptr<Poppler::LinkDestination> named;
    const Poppler::LinkDestination *target = &destination;
    if (destination.pageNumber() <= 0 && !destination.destinationName().isEmpty()) {
        named = document.linkDestination(destination.destinationName());
        if (!named)
            return;
        target = named.get();
    }
    const int page = target->pageNumber() - 1;
    if (page < 0 || page >= document.numPages())
        return;
    link.page = page;
    // Poppler gives the height as a fraction of the upright target page.
    if (target->isChangeTop() && std::isfinite(target->top())) {
        if (const auto targetPage = document.page(page))
            link.top = std::clamp(target->top(), 0.0, 1.0) * targetPage->pageSizeF().height();
    }
}

// Poppler's links of a page of `pageSize` points (upright) in points. Links Folio cannot follow
// (JavaScript, launching programs, media, form actions) are left out, as are go-to links whose
// destination does not exist.
QList<Link> convertLinks(const std::vector<std::unique_ptr<Poppler::Link>> &links, QSizeF pageSize,
    Poppler::Document &document, const CancellationToken &token)
{
    QList<Link> result;
    for (const auto &source : links) {
        if (token.isCancelled())
            return {};
        Link link;
        link.rect = pagePoints(source->linkArea(), pageSize);
        if (link.rect.isEmpty())
            continue;
        switch (source->linkType()) {
        case Poppler::Link::Goto: {
            const auto &go = static_cast<const Poppler::LinkGoto &>(*source);
            if (go.isExternal()) {
                link.kind = Link::Kind::RemoteGoTo;
                link.uri = go.fileName();
                const int page = go.destination().pageNumber();
                link.page = page > 0 ? page - 1 : -1;
            } else {
                setLinkTarget(link, go.destination(), document);
                if (link.page < 0)
                    continue;
            }
            break;
        }
        case Poppler::Link::Browse:
            link.kind = Link::Kind::Uri;
            link.uri = static_cast<const Poppler::LinkBrowse &>(*source).url().trimmed();
            if (link.uri.isEmpty())
                continue;
            break;
        case Poppler::Link::Action:
            link.kind = Link::Kind::Named;
            link.action = namedAction(static_cast<const Poppler::LinkAction &>(*source).actionType());
            if (link.action == Link::Action::None)
                continue;
            break;
        default:
            continue;
        }
        result.append(std::move(link));
    }
    return result;
}

Annotation::Type annotationType(const Poppler::Annotation &annotation)
{
    switch (annotation.subType()) {
    case Poppler::Annotation::AText:
        return static_cast<const Poppler::TextAnnotation &>(annotation).textType() == Poppler::TextAnnotation::InPlace
            ? Annotation::Type::FreeText
            : Annotation::Type::Text;
    case Poppler::Annotation::ALine: {
        const auto &line = static_cast<const Poppler::LineAnnotation &>(annotation);
        return line.lineType() == Poppler::LineAnnotation::Polyline && line.isLineClosed() ? Annotation::Type::Polygon
                                                                                           : Annotation::Type::Line;
    }
    case Poppler::Annotation::AGeom:
        return static_cast<const Poppler::GeomAnnotation &>(annotation).geomType()
                == Poppler::GeomAnnotation::InscribedCircle
            ? Annotation::Type::Circle
            : Annotation::Type::Square;
    case Poppler::Annotation::AHighlight:
        switch (static_cast<const Poppler::HighlightAnnotation &>(annotation).highlightType()) {
        case Poppler::HighlightAnnotation::Squiggly:
            return Annotation::Type::Squiggly;
        case Poppler::HighlightAnnotation::Underline:
            return Annotation::Type::Underline;
        case Poppler::HighlightAnnotation::StrikeOut:
            return Annotation::Type::StrikeOut;
        default:
            return Annotation::Type::Highlight;
        }
    case Poppler::Annotation::AStamp:
        return Annotation::Type::Stamp;
    case Poppler::Annotation::AInk:
        return Annotation::Type::Ink;
    case Poppler::Annotation::ACaret:
        return Annotation::Type::Caret;
    case Poppler::Annotation::AFileAttachment:
        return Annotation::Type::FileAttachment;
    default:
        return Annotation::Type::Other;
    }
}

// What annotations() lists: not links (links() has them), not form fields, and never popups,
// which Poppler folds into their parents.
const QSet<Poppler::Annotation::SubType> &listedAnnotationTypes()
{
    static const QSet<Poppler::Annotation::SubType> types {Poppler::Annotation::AText, Poppler::Annotation::ALine,
        Poppler::Annotation::AGeom, Poppler::Annotation::AHighlight, Poppler::Annotation::AStamp,
        Poppler::Annotation::AInk, Poppler::Annotation::ACaret, Poppler::Annotation::AFileAttachment,
        Poppler::Annotation::ASound, Poppler::Annotation::AMovie, Poppler::Annotation::AScreen,
        Poppler::Annotation::ARichMedia};
    return types;
}

// Poppler's annotations of page `index` of `pageSize` points (upright) in Folio's terms. Hidden
// ones (flag Hidden: never shown nor printed) are left out. More than `limit` are refused with
// their count, without converting them.
Result<QList<Annotation>> convertAnnotations(const std::vector<std::unique_ptr<Poppler::Annotation>> &annotations,
    int index, QSizeF pageSize, int limit, const CancellationToken &token)
{
    QList<Annotation> result;
    qsizetype listed = 0;
    for (const auto &source : annotations) {
        if (token.isCancelled())
            return Status::fromToken(token);
        if (!source || source->flags().testFlag(Poppler::Annotation::Hidden))
            continue;
        if (++listed > limit)
            continue;
        Annotation annotation;
        annotation.type = annotationType(*source);
        annotation.rect = pagePoints(source->boundary(), pageSize);
        if (!isFinite(annotation.rect))
            continue; // a broken /Rect: nowhere to show it
        if (source->subType() == Poppler::Annotation::AHighlight) {
            const auto quads = static_cast<const Poppler::HighlightAnnotation &>(*source).highlightQuads();
            for (const Poppler::HighlightAnnotation::Quad &quad : quads) {
                const QRectF bounds = pagePoints(
                    QPolygonF({quad.points[0], quad.points[1], quad.points[2], quad.points[3]}).boundingRect(),
                    pageSize);
                if (isFinite(bounds))
                    annotation.quads.append(bounds);
            }
        }
        annotation.author = source->author();
        annotation.created = source->creationDate();
        annotation.modified = source->modificationDate();
        annotation.contents = source->contents();
        annotation.subject = source->popup().summary();
        const QColor color = source->style().color();
        if (color.isValid() && color.alpha() > 0)
            annotation.color = color;
        annotation.id = source->uniqueName();
        result.append(std::move(annotation));
    }
    if (listed > limit)
        return Status(StatusCode::LimitExceeded,
            PdfDocument::tr("Page %1 has %2 annotations, over the limit of %3").arg(index + 1).arg(listed).arg(limit));
    return result;
}

} // namespace

struct PdfDocument::Handle
{
    std::unique_ptr<Poppler::Document> document;
    // Set while detached work uses the document; such work may outlive the call that started it.
    std::atomic<bool> busy {false};
};

namespace {

Result<std::unique_ptr<Poppler::Document>> loadPoppler(
    const QByteArray &data, const QByteArray &password, bool passwordGiven)
{
    PopplerMessages messages;
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(data, password, password);
    if (!document)
        return Status(StatusCode::Corrupt, PdfDocument::tr("Not a readable PDF file") + messages.suffix());
    if (document->isLocked()) {
        if (!passwordGiven)
            return Status(StatusCode::NeedsPassword, PdfDocument::tr("The PDF is encrypted and needs a password"));
        return Status(StatusCode::NeedsPassword, PdfDocument::tr("The password is not correct for this PDF"));
    }
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    document->setRenderHint(Poppler::Document::TextHinting);
    document->setRenderHint(Poppler::Document::TextSlightHinting);
    return document;
}

} // namespace

PdfDocument::PdfDocument(std::shared_ptr<Handle> handle, QByteArray data, QByteArray password, const Limits &limits)
    : Document(limits)
    , m_handle(std::move(handle))
    , m_data(std::move(data))
    , m_password(std::move(password))
    , m_pageCount(m_handle->document->numPages())
    , m_pictures(std::make_shared<PdfPictureFinder>(m_data, m_password))
{
    setFormat(QStringLiteral("pdf"), tr("PDF document"), QStringLiteral("application/pdf"));
    setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline | Capability::Attachments
        | Capability::Links | Capability::Annotations | Capability::Forms);
    setEncrypted(m_handle->document->isEncrypted());
    m_pageSizes.resize(size_t(m_pageCount));
    m_metadata = readMetadata(*m_handle->document);
}

PdfDocument::~PdfDocument() = default;

Result<std::unique_ptr<Document>> PdfDocument::open(
    OpenRequest request, const CancellationToken &token, const ProgressCallback &progress)
{
    auto data = readAll(*request.device, request.limits.maxInMemoryBytes, token, progress);
    if (!data)
        return data.status();
    const QByteArray password = request.password.toUtf8();
    const bool passwordGiven = !request.password.isEmpty();
    const QByteArray bytes = data.value();
    auto loaded = callDetached<std::unique_ptr<Poppler::Document>>(
        [bytes, password, passwordGiven] { return loadPoppler(bytes, password, passwordGiven); }, token);
    if (!loaded)
        return loaded.status();
    auto handle = std::make_shared<Handle>();
    handle->document = std::move(loaded).value();
    const int pages = handle->document->numPages();
    if (pages <= 0)
        return Status(StatusCode::Corrupt, tr("The PDF has no pages (its page tree is broken)"));
    if (pages > request.limits.maxPageCount)
        return Status(StatusCode::LimitExceeded,
            tr("The PDF has %1 pages, over the limit of %2").arg(pages).arg(request.limits.maxPageCount));
    std::unique_ptr<PdfDocument> pdf(new PdfDocument(std::move(handle), bytes, password, request.limits));
    if (Status s = pdf->scanAttachments(token); !s)
        return s;
    if (Status s = pdf->readPageLabels(token); !s)
        return s;
    if (Status s = pdf->readFormType(token); !s)
        return s;
    qCDebug(lcPdf) << "opened" << request.fileName << pages << "pages," << pdf->m_attachments.size() << "attachments";
    return std::unique_ptr<Document>(std::move(pdf));
}

Result<std::shared_ptr<PdfDocument::Handle>> PdfDocument::idleHandle(const CancellationToken &token) const
{
    if (!m_handle->busy.load(std::memory_order_acquire))
        return m_handle;
    qCDebug(lcPdf) << "previous Poppler document still busy with abandoned work; loading a fresh one";
    const QByteArray bytes = m_data;
    const QByteArray password = m_password;
    auto loaded = callDetached<std::unique_ptr<Poppler::Document>>(
        [bytes, password] { return loadPoppler(bytes, password, !password.isEmpty()); }, token);
    if (!loaded)
        return loaded.status();
    auto handle = std::make_shared<Handle>();
    handle->document = std::move(loaded).value();
    m_handle = handle;
    return handle;
}

Status PdfDocument::scanAttachments(const CancellationToken &token)
{
    PopplerMessages messages;
    Poppler::Document &document = *m_handle->document;
    const QList<Poppler::EmbeddedFile *> embedded = document.embeddedFiles();
    for (int i = 0; i < embedded.size(); ++i) {
        AttachmentSource source;
        source.info.name = embedded[i]->name();
        source.info.path = source.info.name;
        source.info.size = embedded[i]->size();
        source.info.description = embedded[i]->description();
        source.embeddedIndex = i;
        m_attachments.push_back(std::move(source));
    }
    // Files attached to annotations are attachments too (Okular lists them on the page).
    for (int page = 0; page < m_pageCount; ++page) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const auto pdfPage = document.page(page);
        if (!pdfPage)
            continue;
        const auto annotations = pdfPage->annotations({Poppler::Annotation::AFileAttachment});
        int ordinal = 0;
        for (const auto &annotation : annotations) {
            const auto *attachment = static_cast<const Poppler::FileAttachmentAnnotation *>(annotation.get());
            const Poppler::EmbeddedFile *file = attachment->embeddedFile();
            if (file && file->isValid()) {
                AttachmentSource source;
                source.info.name = file->name();
                source.info.path = tr("page %1/%2").arg(page + 1).arg(file->name());
                source.info.size = file->size();
                source.info.description = file->description();
                source.page = page;
                source.annotationOrdinal = ordinal;
                m_attachments.push_back(std::move(source));
            }
            ++ordinal;
        }
    }
    return {};
}

Status PdfDocument::readPageLabels(const CancellationToken &token)
{
    // Without /PageLabels Poppler labels each page with its number: such labels are no labels.
    PopplerMessages messages;
    Poppler::Document &document = *m_handle->document;
    QStringList labels;
    labels.reserve(m_pageCount);
    bool named = false;
    for (int index = 0; index < m_pageCount; ++index) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const auto page = document.page(index);
        QString label = page ? page->label() : QString();
        named = named || (!label.isEmpty() && label != QString::number(index + 1));
        labels.append(std::move(label));
    }
    if (named)
        m_pageLabels = std::move(labels);
    return {};
}

Status PdfDocument::readFormType(const CancellationToken &token)
{
    PopplerMessages messages;
    Poppler::Document &document = *m_handle->document;
    switch (document.formType()) {
    case Poppler::Document::AcroForm:
        setFormType(FormType::AcroForm);
        return {};
    case Poppler::Document::XfaForm:
        break;
    default:
        return {};
    }
    // Poppler names any form with an XFA packet XFA; one whose pages have fields too can still
    // be filled in as an AcroForm.
    for (int index = 0; index < m_pageCount; ++index) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const auto page = document.page(index);
        if (page && !page->formFields().empty()) {
            setFormType(FormType::AcroForm);
            return {};
        }
    }
    setFormType(FormType::Xfa);
    return {};
}

QString PdfDocument::doPageLabel(int index) const
{
    return m_pageLabels.value(index);
}

QList<QRectF> PdfDocument::doPictureRects(int index, const CancellationToken &token) const
{
    // The handle only keeps Poppler's global state alive while the core library reads the page;
    // the finder has core documents of its own, so this needs no idle handle.
    auto finder = m_pictures;
    // A page seen before (every re-render at another zoom) needs no detached call.
    if (std::optional<QList<QRectF>> known = finder->cached(index))
        return *known;
    auto keepAlive = m_handle;
    auto pictures = callDetached<QList<QRectF>>(
        [finder, keepAlive, index, token] { return finder->pictures(index, token); }, token);
    if (!pictures) {
        if (!token.isCancelled())
            qCDebug(lcPdf) << "pictures of page" << index + 1 << "not found:" << pictures.status().message();
        return {};
    }
    return std::move(pictures).value();
}

int PdfDocument::doPageCount() const
{
    return m_pageCount;
}

QSizeF PdfDocument::doPageSize(int index) const
{
    QSizeF &size = m_pageSizes[size_t(index)];
    if (size.isEmpty()) {
        PopplerMessages messages;
        const auto handle = idleHandle(CancellationToken());
        const auto page = handle ? handle.value()->document->page(index) : nullptr;
        size = page ? page->pageSizeF() : QSizeF();
        if (size.isEmpty())
            size = QSizeF(612, 792); // a page Poppler cannot size still gets a placeholder
    }
    return size;
}

Result<QImage> PdfDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    auto handle = idleHandle(token);
    if (!handle)
        return handle.status();
    const QSize size = renderSize(index, RenderRequest {request.dpi, 0, request.background, request.options, request.colors});
    std::shared_ptr<Handle> shared = handle.value();
    shared->busy.store(true, std::memory_order_release);
    return callDetached<QImage>(
        [shared, index, size, request, token]() -> Result<QImage> {
            PopplerMessages messages;
            const auto page = shared->document->page(index);
            Result<QImage> result = Status(StatusCode::Corrupt, tr("Page %1 cannot be read").arg(index + 1));
            if (page) {
                shared->document->setPaperColor(request.background);
                // Asking for the exact rectangle keeps the output size identical to renderSize()
                // whatever rounding Poppler applies to the page box.
                QImage image = page->renderToImage(request.dpi, request.dpi, 0, 0, size.width(), size.height(),
                    Poppler::Page::Rotate0, nullptr, nullptr, shouldAbort, tokenClosure(token));
                if (token.isCancelled())
                    result = Status::fromToken(token);
                else if (image.isNull())
                    result = Status(
                        StatusCode::Corrupt, tr("Page %1 could not be rendered").arg(index + 1) + messages.suffix());
                else
                    result = std::move(image);
            }
            shared->busy.store(false, std::memory_order_release);
            return result;
        },
        token);
}

Result<QString> PdfDocument::doText(int index, const CancellationToken &token)
{
    Result<QList<TextBox>> boxes = doTextBoxes(index, token);
    if (!boxes)
        return boxes.status();
    QString text;
    for (const TextBox &box : std::as_const(*boxes)) {
        text += box.text;
        if (box.lineEnd)
            text += QLatin1Char('\n');
        else if (box.spaceAfter)
            text += QLatin1Char(' ');
    }
    return text;
}

Result<QList<TextBox>> PdfDocument::doTextBoxes(int index, const CancellationToken &token)
{
    auto handle = idleHandle(token);
    if (!handle)
        return handle.status();
    std::shared_ptr<Handle> shared = handle.value();
    shared->busy.store(true, std::memory_order_release);
    return callDetached<QList<TextBox>>(
        [shared, index, token]() -> Result<QList<TextBox>> {
            PopplerMessages messages;
            Result<QList<TextBox>> result = Status(StatusCode::Corrupt, tr("Page %1 cannot be read").arg(index + 1));
            if (const auto page = shared->document->page(index)) {
                // Rotate0 still applies the page's own /Rotate: the boxes are on the upright page,
                // as renderToImage() draws it.
                result = convertTextBoxes(page->textList(Poppler::Page::Rotate0, shouldAbort, tokenClosure(token)));
            }
            shared->busy.store(false, std::memory_order_release);
            return result;
        },
        token);
}

Result<QList<Link>> PdfDocument::doLinks(int index, const CancellationToken &token)
{
    auto handle = idleHandle(token);
    if (!handle)
        return handle.status();
    std::shared_ptr<Handle> shared = handle.value();
    shared->busy.store(true, std::memory_order_release);
    return callDetached<QList<Link>>(
        [shared, index, token]() -> Result<QList<Link>> {
            PopplerMessages messages;
            Result<QList<Link>> result = Status(StatusCode::Corrupt, tr("Page %1 cannot be read").arg(index + 1));
            if (const auto page = shared->document->page(index))
                result = convertLinks(page->links(), page->pageSizeF(), *shared->document, token);
            shared->busy.store(false, std::memory_order_release);
            return result;
        },
        token);
}

Result<QList<Annotation>> PdfDocument::doAnnotations(int index, const CancellationToken &token)
{
    auto handle = idleHandle(token);
    if (!handle)
        return handle.status();
    std::shared_ptr<Handle> shared = handle.value();
    shared->busy.store(true, std::memory_order_release);
    const int limit = limits().maxAnnotationsPerPage;
    return callDetached<QList<Annotation>>(
        [shared, index, limit, token]() -> Result<QList<Annotation>> {
            PopplerMessages messages;
            Result<QList<Annotation>> result = Status(StatusCode::Corrupt, tr("Page %1 cannot be read").arg(index + 1));
            if (const auto page = shared->document->page(index))
                result = convertAnnotations(
                    page->annotations(listedAnnotationTypes()), index, page->pageSizeF(), limit, token);
            shared->busy.store(false, std::memory_order_release);
            return result;
        },
        token);
}

Result<QList<FormField>> PdfDocument::doFormFields(int index, const CancellationToken &token)
{
    if (formType() != FormType::AcroForm)
        return QList<FormField>();
    auto handle = idleHandle(token);
    if (!handle)
        return handle.status();
    std::shared_ptr<Handle> shared = handle.value();
    shared->busy.store(true, std::memory_order_release);
    return callDetached<QList<FormField>>(
        [shared, index, token]() -> Result<QList<FormField>> {
            PopplerMessages messages;
            Result<QList<FormField>> result = Status(StatusCode::Corrupt, tr("Page %1 cannot be read").arg(index + 1));
            if (const auto page = shared->document->page(index))
                result = convertFormFields(page->formFields(), page->pageSizeF(), token);
            shared->busy.store(false, std::memory_order_release);
            return result;
        },
        token);
}

Result<QList<OutlineItem>> PdfDocument::doOutline(const CancellationToken &token)
{
    auto handle = idleHandle(token);
    if (!handle)
        return handle.status();
    PopplerMessages messages;
    QList<OutlineItem> outline = convertOutline(handle.value()->document->outline(), token, 0);
    if (token.isCancelled())
        return Status::fromToken(token);
    return outline;
}

Metadata PdfDocument::readMetadata(const Poppler::Document &document)
{
    Metadata metadata;
    static const char *const textKeys[] = {"Title", "Author", "Subject", "Keywords", "Creator", "Producer"};
    for (const char *key : textKeys) {
        const QString value = document.info(QLatin1String(key)).trimmed();
        if (!value.isEmpty())
            metadata.append({QLatin1String(key), value});
    }
    static const char *const dateKeys[][2] = {{"CreationDate", "CreationDate"}, {"ModDate", "ModificationDate"}};
    for (const auto &key : dateKeys) {
        const QDateTime date = document.date(QLatin1String(key[0]));
        if (date.isValid())
            metadata.append({QLatin1String(key[1]), date.toString(Qt::ISODate)});
    }
    const auto version = document.getPdfVersion();
    metadata.append({QStringLiteral("PDFVersion"), QStringLiteral("%1.%2").arg(version.major).arg(version.minor)});
    if (document.isLinearized())
        metadata.append({QStringLiteral("Linearized"), QStringLiteral("yes")});
    return metadata;
}

Metadata PdfDocument::doMetadata() const
{
    return m_metadata;
}

QList<AttachmentInfo> PdfDocument::doAttachments() const
{
    QList<AttachmentInfo> list;
    list.reserve(qsizetype(m_attachments.size()));
    for (const AttachmentSource &source : m_attachments)
        list.append(source.info);
    return list;
}

Result<QByteArray> PdfDocument::attachmentData(const AttachmentSource &source) const
{
    auto handle = idleHandle(CancellationToken());
    if (!handle)
        return handle.status();
    Poppler::Document &document = *handle.value()->document;
    PopplerMessages messages;
    if (source.embeddedIndex >= 0) {
        const QList<Poppler::EmbeddedFile *> embedded = document.embeddedFiles();
        if (source.embeddedIndex < embedded.size() && embedded[source.embeddedIndex]->isValid())
            return embedded[source.embeddedIndex]->data();
    } else if (const auto page = document.page(source.page)) {
        const auto annotations = page->annotations({Poppler::Annotation::AFileAttachment});
        if (source.annotationOrdinal < int(annotations.size())) {
            const auto *attachment = static_cast<const Poppler::FileAttachmentAnnotation *>(
                annotations[size_t(source.annotationOrdinal)].get());
            if (Poppler::EmbeddedFile *file = attachment->embeddedFile(); file && file->isValid())
                return file->data();
        }
    }
    return Status(
        StatusCode::Corrupt, tr("The attachment \"%1\" cannot be read").arg(source.info.name) + messages.suffix());
}

Status PdfDocument::doSaveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    // Poppler hands out embedded files only as one QByteArray; the copy out is chunked.
    const auto data = attachmentData(m_attachments[size_t(index)]);
    if (!data)
        return data.status();
    if (token.isCancelled())
        return Status::fromToken(token);
    return writeChunked(data.value(), out, token, progress);
}

} // namespace folio::pdf
