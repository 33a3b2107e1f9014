// SPDX-License-Identifier: GPL-3.0-or-later
#include "xpsdocument.h"

#include "backends/common/archive/archivereader.h"
#include "chunkedio.h"
#include "detachedcall.h"
#include "storedzip.h"
#include "xpspackage.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QMimeDatabase>
#include <QTemporaryFile>
#include <QUrl>

#include <cairo.h>
#include <libgxps/gxps.h>

#include <cmath>
#include <functional>
#include <vector>

namespace folio::xps {

namespace {

constexpr double pointsPerUnit = 72.0 / 96.0; // XPS units are 1/96 inch
// A FixedPage's XML read for its text and checked before libgxps parses it.
constexpr qint64 maxPageBytes = 256LL << 20;
// A font read for the widths of text boxes.
constexpr qint64 maxFontBytes = 64LL << 20;
// Enough of a picture's header for QImageReader to tell its size (TIFF may need more).
constexpr qint64 pictureHead = 64 * 1024;

QString errorText(GError *error)
{
    const QString text = error && error->message ? QString::fromUtf8(error->message) : QString();
    if (error)
        g_error_free(error);
    return text;
}

QString withReason(const QString &sentence, const QString &reason)
{
    return reason.isEmpty() ? sentence : sentence + QStringLiteral(": ") + reason;
}

} // namespace

// libgxps's objects for one document and the file it reads. Used only by detached calls holding
// `mutex`; shared with them so the last one to end frees it.
struct Session
{
    std::mutex mutex;
    std::unique_ptr<QTemporaryFile> copy; // the package as Folio checked it (see copyParts())
    QString path;
    GXPSFile *file = nullptr;
    std::vector<GXPSDocument *> documents;

    ~Session()
    {
        for (GXPSDocument *document : documents)
            g_object_unref(document);
        if (file)
            g_object_unref(file);
    }
};

namespace {

// What the libgxps side of open() finds.
struct Loaded
{
    QList<XpsDocument::PageRef> pages;
    QList<int> documentOffsets;
};

// Opens the file with libgxps and reads its documents, pages and page sizes.
Result<Loaded> loadWithGxps(Session &session, const Limits &limits)
{
    std::lock_guard lock(session.mutex);
    GFile *gfile = g_file_new_for_path(QFile::encodeName(session.path).constData());
    GError *error = nullptr;
    session.file = gxps_file_new(gfile, &error);
    g_object_unref(gfile);
    if (!session.file)
        return Status(
            StatusCode::Corrupt, withReason(XpsDocument::tr("libgxps cannot read the XPS file"), errorText(error)));

    Loaded loaded;
    const guint documents = gxps_file_get_n_documents(session.file);
    if (documents == 0)
        return Status(StatusCode::Corrupt, XpsDocument::tr("The XPS file has no documents"));
    qint64 total = 0;
    for (guint d = 0; d < documents; ++d) {
        GXPSDocument *document = gxps_file_get_document(session.file, d, &error);
        if (!document)
            return Status(StatusCode::Corrupt,
                withReason(XpsDocument::tr("Document %1 of the XPS file cannot be read").arg(d + 1), errorText(error)));
        session.documents.push_back(document);
        loaded.documentOffsets.append(int(total));
        const guint pages = gxps_document_get_n_pages(document);
        total += pages;
        if (total > limits.maxPageCount)
            return Status(StatusCode::LimitExceeded,
                XpsDocument::tr("The XPS file has more than %1 pages, the limit").arg(limits.maxPageCount));
        for (guint p = 0; p < pages; ++p) {
            double width = 0;
            double height = 0;
            // The FixedDocument gives each page's size, usually; otherwise the page itself does.
            // (libgxps 0.3.2 says TRUE with -1 × -1 for a size the FixedDocument does not give.)
            if (!gxps_document_get_page_size(document, p, &width, &height) || width <= 0 || height <= 0) {
                GXPSPage *page = gxps_document_get_page(document, p, &error);
                if (!page)
                    return Status(StatusCode::Corrupt,
                        withReason(XpsDocument::tr("Page %1 of the XPS file cannot be read").arg(total - pages + p + 1),
                            errorText(error)));
                gxps_page_get_size(page, &width, &height);
                g_object_unref(page);
            }
            if (!std::isfinite(width) || !std::isfinite(height) || width <= 0 || height <= 0)
                return Status(StatusCode::Corrupt,
                    XpsDocument::tr("Page %1 of the XPS file has no valid size").arg(total - pages + p + 1));
            loaded.pages.append({int(d), int(p), QSizeF(width, height)});
        }
    }
    if (total == 0)
        return Status(StatusCode::Corrupt, XpsDocument::tr("The XPS file has no pages"));
    return loaded;
}

// Every part read once through the archive reader (sizes, ratio and CRC-32 checked as it
// streams, pictures' headers checked against the pixel limit) and written, stored, to `copy`: the
// package libgxps reads holds only parts Folio has checked, in a plain ZIP libarchive's streaming
// reader reads (it fails on some ZIP64 local headers real producers write).
Status copyParts(archive::ArchiveReader &reader, StoredZipWriter &copy, const Limits &limits,
    const CancellationToken &token, const ProgressCallback &progress)
{
    const QList<archive::Entry> &entries = reader.entries();
    qint64 done = 0;
    for (int i = 0; i < entries.size(); ++i) {
        const archive::Entry &entry = entries[i];
        if (entry.kind != archive::Entry::Kind::File)
            continue;
        Result<std::unique_ptr<archive::EntryDevice>> device = reader.openEntry(i, token);
        if (!device)
            return device.status().withPart(entry.path);
        const auto writeFailed = [&copy, &entry] {
            return Status(StatusCode::IoError,
                XpsDocument::tr("Cannot write the temporary copy for libgxps: %1").arg(copy.errorString()))
                .withPart(entry.path);
        };
        if (!copy.begin(entry.path))
            return writeFailed();
        QByteArray head;
        QByteArray chunk(int(IoChunk), Qt::Uninitialized);
        for (;;) {
            const qint64 n = (*device)->read(chunk.data(), chunk.size());
            if (n < 0)
                return (*device)->status().isOk()
                    ? Status(StatusCode::Corrupt, XpsDocument::tr("The part cannot be read")).withPart(entry.path)
                    : (*device)->status().withPart(entry.path);
            if (n == 0)
                break;
            if (!copy.write(chunk.constData(), n))
                return writeFailed();
            if (head.size() < pictureHead)
                head.append(chunk.constData(), std::min<qint64>(n, pictureHead - head.size()));
        }
        if (!(*device)->status())
            return (*device)->status().withPart(entry.path);
        // libgxps decodes PNG, JPEG and TIFF pictures whole, at their full size.
        QBuffer buffer(&head);
        buffer.open(QIODevice::ReadOnly);
        QImageReader picture(&buffer);
        if (picture.canRead()) {
            const QSize size = picture.size();
            if (size.isValid() && qint64(size.width()) * size.height() > limits.maxImagePixels())
                return Status(StatusCode::LimitExceeded,
                    XpsDocument::tr("The picture claims %1×%2 pixels, over the limit of %3 megapixels")
                        .arg(size.width())
                        .arg(size.height())
                        .arg(limits.maxImageMegapixels))
                    .withPart(entry.path);
        }
        done += entry.size;
        if (progress)
            progress(done, reader.totalSize());
    }
    return Status::ok();
}

} // namespace

XpsDocument::XpsDocument(const Limits &limits)
    : Document(limits)
{ }

XpsDocument::~XpsDocument()
{
    std::lock_guard lock(m_packageMutex);
    m_package.reset();
    m_reader.reset();
}

Result<std::unique_ptr<Document>> XpsDocument::open(
    OpenRequest request, const CancellationToken &token, const ProgressCallback &progress)
{
    const Limits limits = request.limits;
    std::unique_ptr<XpsDocument> document(new XpsDocument(limits));
    {
        Result<std::unique_ptr<archive::ArchiveReader>> reader = archive::ArchiveReader::open(std::move(request.device),
            QMimeDatabase().mimeTypeForName(QStringLiteral("application/zip")), QString(), limits, token);
        if (!reader)
            return reader.status();
        if (!(*reader)->formatName().startsWith(QLatin1String("ZIP")))
            return Status(
                StatusCode::Corrupt, tr("An XPS document is a ZIP package; this is %1").arg((*reader)->formatName()));
        document->m_reader = std::move(reader).value();
    }
    // The structure first: a ZIP that is no XPS package fails before its parts are copied.
    document->m_package = std::make_unique<Package>(*document->m_reader);
    Result<PackageStructure> structure = document->m_package->readStructure(limits, token);
    if (!structure)
        return structure.status();

    auto session = std::make_shared<Session>();
    session->copy = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/folio-XXXXXX.xps"));
    if (!session->copy->open())
        return Status(
            StatusCode::IoError, tr("Cannot write a temporary copy for libgxps: %1").arg(session->copy->errorString()));
    session->path = session->copy->fileName();
    {
        StoredZipWriter copy(*session->copy);
        if (Status copied = copyParts(*document->m_reader, copy, limits, token, progress); !copied)
            return copied;
        if (!copy.finish() || !session->copy->flush())
            return Status(
                StatusCode::IoError, tr("Cannot write a temporary copy for libgxps: %1").arg(copy.errorString()));
    }

    Result<Loaded> loaded = callDetached<Loaded>([session, limits] { return loadWithGxps(*session, limits); }, token);
    if (!loaded)
        return loaded.status();
    document->m_session = session;
    document->m_pages = std::move(loaded->pages);
    document->m_documentOffsets = std::move(loaded->documentOffsets);
    Result<Metadata> metadata = document->m_package->coreProperties(limits, token);
    if (!metadata && metadata.status().isCancellation())
        return metadata.status();
    // Unreadable core properties: the document without metadata.
    if (metadata)
        document->m_metadata = std::move(metadata).value();
    // Text is read from the parts Folio found; where libgxps counts other pages, there is none.
    if (structure->pages.size() == document->m_pages.size())
        document->m_pageParts = structure->pages;
    document->m_structure = std::move(structure).value();
    document->m_contents.resize(document->m_pages.size());

    const bool openXps = document->m_structure.openXps;
    document->setFormat(QStringLiteral("xps"), openXps ? tr("OpenXPS document") : tr("XPS document"),
        openXps ? QStringLiteral("application/oxps") : QStringLiteral("application/vnd.ms-xpsdocument"));
    document->setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline | Capability::Links);
    return std::unique_ptr<Document>(std::move(document));
}

QSizeF XpsDocument::doPageSize(int index) const
{
    return m_pages[index].units * pointsPerUnit;
}

// Reads the page's part once: its XML is checked (depth, entities) before libgxps parses it, and
// its text kept.
Status XpsDocument::checkPage(int index, const CancellationToken &token)
{
    std::lock_guard lock(m_packageMutex);
    if (m_contents[index])
        return Status::ok();
    const int part = m_pageParts.value(index, -1);
    if (part < 0) {
        m_contents[index] = PageContent();
        return Status::ok();
    }
    Result<QByteArray> xml = m_package->read(part, maxPageBytes, token);
    if (!xml)
        return xml.status().withPage(index);
    const QString pageName = m_package->partName(part);
    const FontLoader font = [&](const QString &uri) {
        const int index = m_package->find(uri, pageName);
        if (index < 0)
            return QByteArray();
        Result<QByteArray> data = m_package->read(index, maxFontBytes, token);
        if (!data)
            return QByteArray();
        const QString name = m_package->partName(index);
        return name.endsWith(QLatin1String(".odttf"), Qt::CaseInsensitive)
            ? deobfuscatedFont(std::move(data).value(), name)
            : std::move(data).value();
    };
    Result<PageContent> content = readPage(*xml, pageName, limits(), token, font);
    if (!content)
        return content.status().withPart(m_package->partName(part)).withPage(index);
    m_contents[index] = std::move(content).value();
    return Status::ok();
}

Result<QImage> XpsDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    if (Status checked = checkPage(index, token); !checked)
        return checked;
    const QSize size = renderSize(index, request);
    const PageRef ref = m_pages[index];
    const QColor background = request.background;
    std::shared_ptr<Session> session = m_session;
    return callDetached<QImage>(
        [session, ref, size, background, index]() -> Result<QImage> {
            QImage image(size, QImage::Format_ARGB32_Premultiplied);
            if (image.isNull())
                return image; // out of memory: the base class says so
            image.fill(background);
            std::lock_guard lock(session->mutex);
            GError *error = nullptr;
            GXPSPage *page = gxps_document_get_page(session->documents[size_t(ref.document)], guint(ref.page), &error);
            if (!page)
                return Status(StatusCode::Corrupt,
                    withReason(tr("Page %1 of the XPS file cannot be read").arg(index + 1), errorText(error)));
            // cairo's ARGB32 is QImage's premultiplied ARGB32: both native-endian 32-bit words.
            cairo_surface_t *surface = cairo_image_surface_create_for_data(
                image.bits(), CAIRO_FORMAT_ARGB32, image.width(), image.height(), int(image.bytesPerLine()));
            cairo_t *cr = cairo_create(surface);
            cairo_scale(cr, image.width() / ref.units.width(), image.height() / ref.units.height());
            const gboolean drawn = gxps_page_render(page, cr, &error);
            cairo_destroy(cr);
            cairo_surface_finish(surface);
            cairo_surface_destroy(surface);
            g_object_unref(page);
            if (!drawn)
                return Status(StatusCode::Corrupt,
                    withReason(tr("Page %1 of the XPS file cannot be drawn").arg(index + 1), errorText(error)));
            return image;
        },
        token);
}

Result<QString> XpsDocument::doText(int index, const CancellationToken &token)
{
    if (Status checked = checkPage(index, token); !checked)
        return checked;
    std::lock_guard lock(m_packageMutex);
    return m_contents[index] ? m_contents[index]->text : QString();
}

Result<QList<TextBox>> XpsDocument::doTextBoxes(int index, const CancellationToken &token)
{
    if (Status checked = checkPage(index, token); !checked)
        return checked;
    std::lock_guard lock(m_packageMutex);
    return m_contents[index] ? m_contents[index]->boxes : QList<TextBox>();
}

Result<QList<Link>> XpsDocument::doLinks(int index, const CancellationToken &token)
{
    if (Status checked = checkPage(index, token); !checked)
        return checked;
    QStringList written;
    {
        std::lock_guard lock(m_packageMutex);
        if (m_contents[index])
            written = m_contents[index]->pathLinks;
    }
    const PageRef ref = m_pages[index];
    const QList<int> offsets = m_documentOffsets;
    const int pageCount = int(m_pages.size());
    std::shared_ptr<Session> session = m_session;
    return callDetached<QList<Link>>(
        [session, ref, offsets, pageCount, written]() -> Result<QList<Link>> {
            std::lock_guard lock(session->mutex);
            GError *error = nullptr;
            GXPSPage *page = gxps_document_get_page(session->documents[size_t(ref.document)], guint(ref.page), &error);
            if (!page)
                return Status(StatusCode::Corrupt, withReason(tr("The page cannot be read"), errorText(error)));
            // libgxps lists them last first.
            GList *found = g_list_reverse(gxps_page_get_links(page, &error));
            errorText(error); // a page whose links cannot be read has none
            // The addresses as the page writes them, where Folio's reading finds the same links.
            const bool sameLinks = qsizetype(g_list_length(found)) == written.size();
            QList<Link> links;
            int position = -1;
            for (GList *item = found; item; item = item->next) {
                ++position;
                auto *gxpsLink = static_cast<GXPSLink *>(item->data);
                cairo_rectangle_t area {};
                gxps_link_get_area(gxpsLink, &area);
                GXPSLinkTarget *target = gxps_link_get_target(gxpsLink);
                if (!target)
                    continue;
                Link link;
                link.rect = QRectF(area.x, area.y, area.width, area.height);
                link.rect = QRectF(link.rect.topLeft() * pointsPerUnit, link.rect.size() * pointsPerUnit);
                const QUrl address(sameLinks ? written[position] : QString());
                if (sameLinks && !address.isRelative()) {
                    link.kind = Link::Kind::Uri;
                    link.uri = written[position];
                } else if (gxps_link_target_is_internal(target)) {
                    link.kind = Link::Kind::GoTo;
                    const gint document = gxps_file_get_document_for_link_target(session->file, target);
                    const gchar *anchor = gxps_link_target_get_anchor(target);
                    if (document >= 0 && document < offsets.size() && anchor) {
                        const gint page
                            = gxps_document_get_page_for_anchor(session->documents[size_t(document)], anchor);
                        if (page >= 0 && offsets[document] + page < pageCount)
                            link.page = offsets[document] + page;
                    }
                } else {
                    link.kind = Link::Kind::Uri;
                    const gchar *uri = gxps_link_target_get_uri(target);
                    link.uri = uri ? QString::fromUtf8(uri) : QString();
                }
                links.append(link);
            }
            g_list_free_full(found, reinterpret_cast<GDestroyNotify>(gxps_link_free));
            g_object_unref(page);
            return links;
        },
        token);
}

Result<QList<OutlineItem>> XpsDocument::doOutline(const CancellationToken &token)
{
    // Read by Folio, not libgxps, whose outline parser trusts the levels (a first entry at level 2
    // makes it dereference a null parent).
    std::lock_guard lock(m_packageMutex);
    Result<QList<OutlineItem>> outline = m_package->outline(m_structure, limits(), token);
    if (!outline)
        return outline.status();
    // The targets are pages of Folio's own reading of the structure: kept only where it agrees
    // with libgxps's.
    if (m_structure.pages.size() != m_pages.size()) {
        const std::function<void(QList<OutlineItem> &)> clear = [&clear](QList<OutlineItem> &items) {
            for (OutlineItem &item : items) {
                item.page = -1;
                clear(item.children);
            }
        };
        clear(*outline);
    }
    return outline;
}

} // namespace folio::xps
