// SPDX-License-Identifier: GPL-3.0-or-later
#include "comicdocument.h"

#include "backends/common/archive/archivelimits.h"
#include "nestedopener.h"

#include <QBuffer>
#include <QCollator>
#include <QImageReader>
#include <QMimeDatabase>
#include <QXmlStreamReader>

#include <algorithm>

namespace folio::archive {

namespace {

// Enough for the header of nearly every image; a JPEG whose EXIF block comes first may need more.
constexpr qint64 HeaderBytes = 64 * 1024;
constexpr qint64 LargeHeaderBytes = 1024 * 1024;
constexpr qint64 ComicInfoMaxBytes = 1024 * 1024;
// A page whose header cannot be read: A4 at 96 dpi. Rendering it then reports why.
constexpr QSize FallbackPixels(794, 1123);

bool isPageImage(const Entry &entry)
{
    if (entry.kind != Entry::Kind::File || entry.size == 0)
        return false;
    // macOS resource forks ("__MACOSX/", "._page1.jpg") carry image names but no images.
    if (entry.path.startsWith(QLatin1String("__MACOSX/")) || entry.name.startsWith(QLatin1String("._")))
        return false;
    return NestedOpener::familyForName(entry.name) == QLatin1String("image");
}

QSize headerSize(const QByteArray &head)
{
    QBuffer buffer;
    buffer.setData(head);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    QSize size = reader.size();
    if (size.isValid() && reader.transformation().testFlag(QImageIOHandler::TransformationRotate90))
        size.transpose();
    return size;
}

} // namespace

ComicDocument::ComicDocument(std::unique_ptr<ArchiveReader> reader, const NestedOpener &nested)
    : Document(nested.limits())
    , m_reader(std::move(reader))
    , m_nested(nested)
{ }

ComicDocument::~ComicDocument() = default;

QList<int> ComicDocument::pageEntries(const ArchiveReader &reader)
{
    const QList<Entry> &entries = reader.entries();
    QList<int> pages;
    for (int i = 0; i < entries.size(); ++i) {
        if (isPageImage(entries[i]))
            pages.append(i);
    }
    // Natural order, as a reader expects: "page2" before "page10". A fixed locale keeps the order
    // the same everywhere (the C locale would ignore numeric mode).
    QCollator collator {QLocale(QLocale::English, QLocale::UnitedStates)};
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(pages.begin(), pages.end(),
        [&](int a, int b) { return collator.compare(entries[a].path, entries[b].path) < 0; });
    return pages;
}

Result<std::unique_ptr<Document>> ComicDocument::open(std::unique_ptr<ArchiveReader> reader, const QMimeType &mimeType,
    const NestedOpener &nested, const CancellationToken &token)
{
    const Limits &limits = nested.limits();
    std::unique_ptr<ComicDocument> document(new ComicDocument(std::move(reader), nested));
    document->m_pages = pageEntries(*document->m_reader);
    if (document->m_pages.isEmpty())
        return Status(StatusCode::Corrupt, tr("The comic book holds no images"));
    if (document->m_pages.size() > limits.maxPageCount)
        return Status(StatusCode::LimitExceeded,
            tr("The comic book has %1 pages, over the limit of %2")
                .arg(document->m_pages.size())
                .arg(limits.maxPageCount));
    document->m_sizes = QList<QSize>(document->m_pages.size());
    document->m_attachments = EntryAttachments::of(*document->m_reader);
    document->m_metadata = archiveMetadata(*document->m_reader);
    document->m_metadata.prepend({QStringLiteral("Pages"), QString::number(document->m_pages.size())});
    document->readComicInfo(token);
    if (token.isCancelled())
        return Status::fromToken(token);
    document->setFormat(
        QStringLiteral("comic"), mimeType.isValid() ? mimeType.comment() : tr("Comic book"), mimeType.name());
    document->setEncrypted(document->m_reader->isEncrypted());
    document->setCapabilities(Capability::Attachments | Capability::AttachmentFolders);
    return std::unique_ptr<Document>(std::move(document));
}

void ComicDocument::readComicInfo(const CancellationToken &token)
{
    // ComicInfo.xml (the ComicRack schema), when the book has one at its root.
    const QList<Entry> &entries = m_reader->entries();
    const auto found = std::find_if(entries.cbegin(), entries.cend(), [](const Entry &entry) {
        return entry.kind == Entry::Kind::File
            && entry.path.compare(QLatin1String("ComicInfo.xml"), Qt::CaseInsensitive) == 0;
    });
    if (found == entries.cend())
        return;
    const Result<QByteArray> xml = m_reader->readEntry(int(found - entries.cbegin()), ComicInfoMaxBytes, token);
    if (!xml)
        return;
    static const QList<QPair<QString, QString>> keys = {
        {QStringLiteral("Title"), QStringLiteral("Title")},
        {QStringLiteral("Series"), QStringLiteral("Series")},
        {QStringLiteral("Number"), QStringLiteral("Number")},
        {QStringLiteral("Writer"), QStringLiteral("Author")},
        {QStringLiteral("Publisher"), QStringLiteral("Publisher")},
        {QStringLiteral("Year"), QStringLiteral("Year")},
        {QStringLiteral("Summary"), QStringLiteral("Subject")},
        {QStringLiteral("LanguageISO"), QStringLiteral("Language")},
    };
    QXmlStreamReader reader(*xml);
    Metadata info;
    int depth = 0;
    while (!reader.atEnd() && !reader.hasError()) {
        const QXmlStreamReader::TokenType type = reader.readNext();
        if (type == QXmlStreamReader::EndElement)
            --depth;
        if (type != QXmlStreamReader::StartElement)
            continue;
        if (++depth != 2) // children of <ComicInfo> only
            continue;
        if (reader.name() == QLatin1String("Manga")) {
            // "YesAndRightToLeft": a manga read from the right; "Yes" says only that it is one.
            const QString value = reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            --depth;
            if (value.compare(QLatin1String("YesAndRightToLeft"), Qt::CaseInsensitive) == 0) {
                setRightToLeft(true);
                info.append({QStringLiteral("Reading direction"), QStringLiteral("right to left")});
            }
            continue;
        }
        for (const auto &[element, key] : keys) {
            if (reader.name() == element) {
                const QString value = reader.readElementText(QXmlStreamReader::SkipChildElements).simplified();
                --depth; // readElementText() consumed the end element
                if (!value.isEmpty())
                    info.append({key, value.left(1000)});
                break;
            }
        }
    }
    m_metadata = info + m_metadata;
}

QSize ComicDocument::pixelSize(int index) const
{
    QSize &size = m_sizes[index];
    if (size.isValid())
        return size;
    // Bounded work without a token: a header, never a whole image.
    for (qint64 bytes : {HeaderBytes, LargeHeaderBytes}) {
        const Result<QByteArray> head = m_reader->readHead(m_pages[index], bytes, CancellationToken());
        if (!head)
            break;
        size = headerSize(*head);
        if (size.isValid() || head->size() < bytes)
            break;
    }
    if (!size.isValid() || size.isEmpty()) {
        // The first page's size, when known, is a better guess than paper.
        size = index > 0 && m_sizes[0].isValid() ? m_sizes[0] : FallbackPixels;
    }
    return size;
}

QSizeF ComicDocument::doPageSize(int index) const
{
    return QSizeF(pixelSize(index)) * 0.75;
}

Result<Document *> ComicDocument::pageImage(int index, const CancellationToken &token)
{
    if (index == m_cachedPage)
        return m_cachedImage.get();
    m_cachedPage = -1;
    m_cachedImage.reset(); // free the previous page before decoding the next
    const Entry &entry = m_reader->entries()[m_pages[index]];
    Result<QByteArray> data
        = m_reader->readEntry(m_pages[index], std::min(limits().maxInMemoryBytes, limits().maxEntrySize), token);
    if (!data)
        return data.status();
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(std::move(data).value());
    buffer->open(QIODevice::ReadOnly);
    auto image = m_nested.open(std::move(buffer), entry.path, token, {}, QStringLiteral("image"));
    if (!image) {
        // Named like a picture, holding something else: a broken page of this book.
        const Status &status = image.status();
        if (status.code() == StatusCode::Unsupported)
            return Status(StatusCode::Corrupt, tr("not an image: %1").arg(status.reason())).withEntry(entry.path);
        return status;
    }
    m_cachedImage = std::move(image).value();
    m_cachedPage = index;
    return m_cachedImage.get();
}

Result<QImage> ComicDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    const Result<Document *> page = pageImage(index, token);
    if (!page)
        return page.status();
    Document &image = **page;
    // The page's size was fixed from the header; the decoded image's own DPI does not change it.
    const QSize target = renderSize(index, request);
    RenderRequest inner = request;
    inner.dpi = RenderRequest::dpiForWidth(image.pageSize(0), target.width());
    Result<QImage> rendered = image.render(0, inner, token);
    if (!rendered || rendered->size() == target)
        return rendered;
    return rendered->scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

Status ComicDocument::doSaveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    return m_reader->copyEntry(m_attachments.entries[index], out, token, progress);
}

} // namespace folio::archive
