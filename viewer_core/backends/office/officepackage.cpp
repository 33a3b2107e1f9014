// SPDX-License-Identifier: GPL-3.0-or-later
#include "officepackage.h"

#include "backend.h"
#include "backends/common/archive/archivereader.h"
#include "backends/common/safexml.h"
#include "backends/common/text/textpage.h"
#include "chunkedio.h"
#include "metafile.h"

#include <QBuffer>
#include <QImageReader>
#include <QMimeDatabase>
#include <QPainter>

#include <algorithm>

namespace folio::office {

namespace {

constexpr qint64 MaxRelationshipBytes = 16LL << 20;
constexpr qint64 MaxMetadataBytes = 4LL << 20;
constexpr qint64 ImageHeaderBytes = 64 * 1024;
constexpr int RecentImages = 8;

QString collapse(const QStringList &segments)
{
    QStringList out;
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == u".")
            continue;
        if (segment == u"..") {
            if (out.isEmpty())
                return {}; // climbs out of the package
            out.removeLast();
            continue;
        }
        out.append(segment);
    }
    return out.join(u'/');
}

} // namespace

bool Relationship::typeIs(QStringView name) const
{
    // Transitional: http://schemas.openxmlformats.org/officeDocument/2006/relationships/image
    // Strict:       http://purl.oclc.org/ooxml/officeDocument/relationships/image
    const qsizetype slash = type.lastIndexOf(u'/');
    return QStringView(type).mid(slash + 1).compare(name, Qt::CaseInsensitive) == 0;
}

Package::Package(const Limits &limits, const QString &fileName)
    : m_limits(limits)
    , m_fileName(fileName)
{ }

Package::~Package() = default;

Result<std::unique_ptr<Package>> Package::open(
    std::unique_ptr<QIODevice> device, const QString &fileName, const Limits &limits, const CancellationToken &token)
{
    const QMimeType zip = QMimeDatabase().mimeTypeForName(QStringLiteral("application/zip"));
    auto reader = archive::ArchiveReader::open(std::move(device), zip, {}, limits, token);
    if (!reader)
        return reader.status();
    std::unique_ptr<Package> package(new Package(limits, fileName));
    package->m_reader = std::move(*reader);
    const QList<archive::Entry> &entries = package->m_reader->entries();
    for (int i = 0; i < entries.size(); ++i) {
        if (entries[i].kind != archive::Entry::Kind::File)
            continue;
        package->m_index.insert(entries[i].path, i);
        package->m_foldedIndex.insert(entries[i].path.toLower(), i);
    }
    return package;
}

Result<std::unique_ptr<Package>> Package::open(
    OpenRequest &request, const QString &fallbackName, const CancellationToken &token)
{
    if (Status status = text::checkFontSupport(); !status)
        return status;
    if (!request.device)
        return Status(StatusCode::InvalidArgument, tr("No input device"));
    auto device = randomAccess(std::move(request.device), request.limits.maxInMemoryBytes, token);
    if (!device)
        return device.status();
    const QString name = request.fileName.isEmpty() ? fallbackName : request.fileName;
    return open(std::move(*device), name, request.limits, token);
}

int Package::indexOf(const QString &path) const
{
    QString key = path;
    if (key.startsWith(u'/'))
        key.remove(0, 1);
    if (auto it = m_index.constFind(key); it != m_index.cend())
        return *it;
    if (auto it = m_foldedIndex.constFind(key.toLower()); it != m_foldedIndex.cend())
        return *it;
    return -1;
}

bool Package::contains(const QString &path) const
{
    return indexOf(path) >= 0;
}

QStringList Package::paths() const
{
    QStringList paths = m_index.keys();
    paths.sort();
    return paths;
}

qint64 Package::size(const QString &path) const
{
    const int index = indexOf(path);
    return index < 0 ? -1 : m_reader->entries().at(index).size;
}

Status Package::missingPart(const QString &path) const
{
    return Status(StatusCode::Corrupt, tr("the part is missing from the package")).withPart(path).withFile(m_fileName);
}

Result<QByteArray> Package::read(const QString &path, const CancellationToken &token, qint64 maxBytes) const
{
    const int index = indexOf(path);
    if (index < 0)
        return missingPart(path);
    return m_reader->readEntry(index, maxBytes, token);
}

Result<QByteArray> Package::readHead(const QString &path, qint64 bytes, const CancellationToken &token) const
{
    const int index = indexOf(path);
    if (index < 0)
        return missingPart(path);
    return m_reader->readHead(index, bytes, token);
}

QString Package::resolve(const QString &part, const QString &target)
{
    QString clean = target;
    // Fragments and queries never name a part.
    if (const qsizetype hash = clean.indexOf(u'#'); hash >= 0)
        clean.truncate(hash);
    clean = QUrl::fromPercentEncoding(clean.toUtf8());
    clean.replace(u'\\', u'/');
    if (clean.isEmpty())
        return {};
    if (clean.startsWith(u'/'))
        return collapse(clean.split(u'/'));
    QStringList segments = part.split(u'/');
    segments.removeLast(); // the part's own name
    segments.append(clean.split(u'/'));
    return collapse(segments);
}

Result<QList<Relationship>> Package::relationships(const QString &part, const CancellationToken &token) const
{
    if (auto it = m_relationships.constFind(part); it != m_relationships.cend())
        return *it;
    QString relsPath;
    if (part.isEmpty()) {
        relsPath = QStringLiteral("_rels/.rels");
    } else {
        const qsizetype slash = part.lastIndexOf(u'/');
        relsPath = part.left(slash + 1) + QStringLiteral("_rels/") + part.mid(slash + 1) + QStringLiteral(".rels");
    }
    QList<Relationship> found;
    if (contains(relsPath)) {
        const Result<QByteArray> data = read(relsPath, token, MaxRelationshipBytes);
        if (!data)
            return data.status();
        SafeXmlReader xml(*data, relsPath, m_limits, token);
        while (xml.readNextStartElement()) {
            if (xml.xml().name() != u"Relationship")
                continue;
            Relationship relationship;
            relationship.id = xml.attribute("Id");
            relationship.type = xml.attribute("Type");
            relationship.target = xml.attribute("Target");
            relationship.external = xml.attribute("TargetMode").compare(u"External", Qt::CaseInsensitive) == 0;
            found.append(relationship);
        }
        if (Status status = xml.status(); !status)
            return status;
    }
    m_relationships.insert(part, found);
    return found;
}

std::optional<Relationship> Package::relationshipOfType(
    const QString &part, QStringView typeName, const CancellationToken &token) const
{
    const Result<QList<Relationship>> all = relationships(part, token);
    if (!all)
        return std::nullopt;
    for (const Relationship &relationship : *all) {
        if (relationship.typeIs(typeName))
            return relationship;
    }
    return std::nullopt;
}

QString Package::targetPath(const QString &part, const Relationship &relationship) const
{
    if (relationship.external)
        return {};
    const QString path = resolve(part, relationship.target);
    return contains(path) ? path : QString();
}

QString Package::odfMimeType(const CancellationToken &token) const
{
    if (!contains(QStringLiteral("mimetype")))
        return {};
    const Result<QByteArray> data = read(QStringLiteral("mimetype"), token, 256);
    return data ? QString::fromLatin1(data->trimmed()) : QString();
}

Metadata Package::metadata(const CancellationToken &token) const
{
    Metadata metadata;
    auto add = [&metadata](const QString &key, const QString &value) {
        const QString simplified = value.simplified();
        if (simplified.isEmpty())
            return;
        for (const auto &[existing, old] : std::as_const(metadata)) {
            if (existing == key)
                return;
        }
        metadata.append({key, simplified});
    };
    auto readPart = [&](const QString &path, auto &&onElement) {
        if (!contains(path))
            return;
        const Result<QByteArray> data = read(path, token, MaxMetadataBytes);
        if (!data)
            return;
        SafeXmlReader xml(*data, path, m_limits, token);
        while (xml.readNextStartElement())
            onElement(xml);
    };

    // OOXML core properties (Dublin Core) and extended (application) properties.
    readPart(QStringLiteral("docProps/core.xml"), [&](SafeXmlReader &xml) {
        const QStringView name = xml.xml().name();
        if (name == u"title")
            add(QStringLiteral("Title"), xml.readText());
        else if (name == u"creator")
            add(QStringLiteral("Author"), xml.readText());
        else if (name == u"subject")
            add(QStringLiteral("Subject"), xml.readText());
        else if (name == u"keywords")
            add(QStringLiteral("Keywords"), xml.readText());
        else if (name == u"description")
            add(QStringLiteral("Description"), xml.readText());
        else if (name == u"lastModifiedBy")
            add(QStringLiteral("LastModifiedBy"), xml.readText());
        else if (name == u"created")
            add(QStringLiteral("CreationDate"), xml.readText());
        else if (name == u"modified")
            add(QStringLiteral("ModificationDate"), xml.readText());
    });
    readPart(QStringLiteral("docProps/app.xml"), [&](SafeXmlReader &xml) {
        const QStringView name = xml.xml().name();
        if (name == u"Application")
            add(QStringLiteral("Creator"), xml.readText());
        else if (name == u"Company")
            add(QStringLiteral("Company"), xml.readText());
    });
    // OpenDocument meta.xml.
    readPart(QStringLiteral("meta.xml"), [&](SafeXmlReader &xml) {
        const QStringView name = xml.xml().name();
        if (name == u"title")
            add(QStringLiteral("Title"), xml.readText());
        else if (name == u"initial-creator" || name == u"creator")
            add(QStringLiteral("Author"), xml.readText());
        else if (name == u"subject")
            add(QStringLiteral("Subject"), xml.readText());
        else if (name == u"keyword")
            add(QStringLiteral("Keywords"), xml.readText());
        else if (name == u"description")
            add(QStringLiteral("Description"), xml.readText());
        else if (name == u"generator")
            add(QStringLiteral("Creator"), xml.readText());
        else if (name == u"creation-date")
            add(QStringLiteral("CreationDate"), xml.readText());
        else if (name == u"date")
            add(QStringLiteral("ModificationDate"), xml.readText());
    });
    return metadata;
}

const ImageStore::Info &ImageStore::info(const QString &path, const CancellationToken &token)
{
    if (auto it = m_info.constFind(path); it != m_info.cend())
        return *it;
    if (!m_package.contains(path))
        return m_unknown;
    Info info;
    const Result<QByteArray> head = m_package.readHead(path, ImageHeaderBytes, token);
    if (token.isCancelled())
        return m_unknown; // not cached: a later call may succeed
    if (head && metafile::isEmf(*head)) {
        info.format = QByteArrayLiteral("emf");
        info.pixels = metafile::emfPixelSize(*head);
        info.usable = info.pixels.isValid();
    } else if (head) {
        QBuffer buffer;
        buffer.setData(*head);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        info.format = reader.format();
        info.pixels = reader.size();
        info.usable = !info.format.isEmpty() && info.pixels.isValid()
            && qint64(info.pixels.width()) * info.pixels.height() <= m_package.limits().maxImagePixels();
    }
    return *m_info.insert(path, info);
}

QSize ImageStore::pixelSize(const QString &path, const CancellationToken &token)
{
    return info(path, token).pixels;
}

bool ImageStore::isUsable(const QString &path, const CancellationToken &token)
{
    return info(path, token).usable;
}

QImage ImageStore::placeholder(QSize pixels)
{
    QImage image(pixels.expandedTo(QSize(1, 1)), QImage::Format_RGB32);
    image.fill(QColor(0xe0, 0xe0, 0xe0));
    QPainter painter(&image);
    painter.setPen(QColor(0xa0, 0xa0, 0xa0));
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1));
    painter.drawLine(image.rect().topLeft(), image.rect().bottomRight());
    painter.drawLine(image.rect().topRight(), image.rect().bottomLeft());
    return image;
}

QImage ImageStore::image(const QString &path, QSize pixels, const CancellationToken &token)
{
    pixels = pixels.expandedTo(QSize(1, 1));
    // Never decode more than the page can show: a target over the pixel limit is refused too.
    if (qint64(pixels.width()) * pixels.height() > m_package.limits().maxImagePixels())
        return placeholder(QSize(64, 64)).scaled(pixels);
    for (qsizetype i = 0; i < m_recent.size(); ++i) {
        if (m_recent[i].first == path && m_recent[i].second.size() == pixels) {
            m_recent.move(i, 0);
            return m_recent.front().second;
        }
    }
    const Info &found = info(path, token);
    if (!found.usable)
        return placeholder(pixels);
    const Result<QByteArray> data = m_package.read(path, token, m_package.limits().maxInMemoryBytes);
    if (!data)
        return placeholder(pixels);
    QImage image;
    if (found.format == "emf") {
        image = metafile::renderEmf(*data, pixels); // drawn at the size asked
    } else {
        QBuffer buffer;
        buffer.setData(*data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, found.format);
        reader.setAllocationLimit(
            int(std::min<qint64>(m_package.limits().maxImagePixels() * 4 / (1 << 20) + 1, INT_MAX)));
        // Decoders that can scale while decoding (JPEG) do so; the rest are scaled after.
        if (reader.supportsOption(QImageIOHandler::ScaledSize) && pixels.width() < found.pixels.width())
            reader.setScaledSize(pixels);
        image = reader.read();
    }
    if (image.isNull())
        return placeholder(pixels);
    if (image.size() != pixels)
        image = image.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    m_recent.prepend({path, image});
    if (m_recent.size() > RecentImages)
        m_recent.removeLast();
    return image;
}

} // namespace folio::office
