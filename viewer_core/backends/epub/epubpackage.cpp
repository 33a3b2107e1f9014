// SPDX-License-Identifier: GPL-3.0-or-later
#include "epubpackage.h"

#include "backends/common/safexml.h"
#include "backends/office/officepackage.h"
#include "epublogging.h"
#include "epubtoc.h"

#include <QCryptographicHash>
#include <QIODevice>

namespace folio::epub {

namespace {

// Package documents, NCX and nav documents are small; a few MiB is already absurd.
constexpr qint64 MaxPartBytes = 16LL << 20;

const QString ContainerPath = QStringLiteral("META-INF/container.xml");
const QString EncryptionPath = QStringLiteral("META-INF/encryption.xml");
const QString DcNamespace = QStringLiteral("http://purl.org/dc/elements/1.1/");

// The key of IDPF font obfuscation: SHA-1 of the unique identifier without white space.
QByteArray idpfKey(const QString &identifier)
{
    QString id = identifier;
    id.remove(QChar(0x20)).remove(QChar(0x09)).remove(QChar(0x0D)).remove(QChar(0x0A));
    return QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1);
}

// The key of Adobe font obfuscation: the 16 bytes of the identifier's UUID.
QByteArray adobeKey(const QString &identifier)
{
    QString hex = identifier.trimmed();
    if (hex.startsWith(QLatin1String("urn:uuid:"), Qt::CaseInsensitive))
        hex = hex.mid(9);
    hex.remove(u'-');
    const QByteArray key = QByteArray::fromHex(hex.toLatin1());
    return key.size() == 16 ? key : QByteArray();
}

void unscramble(QByteArray &data, const QByteArray &key, qsizetype length)
{
    if (key.isEmpty())
        return;
    const qsizetype end = std::min(length, data.size());
    for (qsizetype i = 0; i < end; ++i)
        data[i] = char(data[i] ^ key[i % key.size()]);
}

} // namespace

Package::Package(const Limits &limits)
    : m_limits(limits)
{ }

Package::~Package() = default;

Result<std::unique_ptr<Package>> Package::open(
    std::unique_ptr<QIODevice> device, const Limits &limits, const CancellationToken &token)
{
    std::unique_ptr<Package> package(new Package(limits));
    // The OCF container is a ZIP like an Office package's: read through the shared archive
    // reader, under its limits, with paths matched without regard to case as a fallback.
    auto container = office::Package::open(std::move(device), QString(), limits, token);
    if (!container) {
        if (container.status().code() != StatusCode::Corrupt)
            return container.status();
        return Status(StatusCode::Corrupt, tr("Not a readable EPUB (ZIP) file: %1").arg(container.status().reason()));
    }
    package->m_container = std::move(container).value();
    if (token.isCancelled())
        return Status::fromToken(token);
    if (Status status = package->readContainer(token); !status)
        return status;
    if (Status status = package->readEncryption(token); !status)
        return status;
    if (Status status = package->readPackageDocument(token); !status)
        return status;
    return package;
}

bool Package::contains(const QString &path) const
{
    return !path.isEmpty() && m_container->contains(path);
}

QString Package::mediaType(const QString &path) const
{
    return m_mediaTypes.value(path);
}

Result<QByteArray> Package::read(
    const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly) const
{
    if (!contains(path))
        return Status(StatusCode::Corrupt, tr("The EPUB has no file “%1”").arg(path));
    if (m_encrypted.contains(path))
        return Status(StatusCode::Unsupported, tr("“%1” is encrypted (DRM), which Folio cannot read").arg(path));
    return prefixOnly ? m_container->readHead(path, maxBytes, token) : m_container->read(path, token, maxBytes);
}

Result<QByteArray> Package::readFont(const QString &path, qint64 maxBytes, const CancellationToken &token) const
{
    Result<QByteArray> data = read(path, maxBytes, token);
    if (!data)
        return data;
    switch (m_obfuscated.value(path, FontObfuscation::None)) {
    case FontObfuscation::None:
        break;
    case FontObfuscation::Idpf:
        unscramble(*data, idpfKey(m_uniqueIdentifier), 1040);
        break;
    case FontObfuscation::Adobe:
        unscramble(*data, adobeKey(m_uniqueIdentifier), 1024);
        break;
    }
    return data;
}

Result<QByteArray> Package::readPart(const QString &path, const CancellationToken &token) const
{
    return read(path, MaxPartBytes, token);
}

Status Package::readContainer(const CancellationToken &token)
{
    if (!contains(ContainerPath))
        return {StatusCode::Corrupt, tr("Not an EPUB: META-INF/container.xml is missing")};
    const Result<QByteArray> bytes = readPart(ContainerPath, token);
    if (!bytes)
        return bytes.status();
    SafeXmlReader xml(*bytes, ContainerPath, m_limits, token);
    while (xml.readNextStartElement()) {
        if (xml.xml().name() == QLatin1String("rootfile")) {
            const QString mediaType = xml.attribute("media-type");
            // The first rootfile is the default rendition; media-type is sometimes missing.
            if (mediaType.isEmpty() || mediaType == QLatin1String("application/oebps-package+xml")) {
                m_opfPath = book::resolvePath(QString(), xml.attribute("full-path"));
                break;
            }
        }
    }
    if (Status status = xml.status(); !status)
        return status;
    if (m_opfPath.isEmpty())
        return {StatusCode::Corrupt, tr("Not an EPUB: META-INF/container.xml names no package document")};
    if (!contains(m_opfPath))
        return {StatusCode::Corrupt,
            tr("The EPUB's package document “%1” (named by META-INF/container.xml) is missing").arg(m_opfPath)};
    return {};
}

Status Package::readEncryption(const CancellationToken &token)
{
    if (!contains(EncryptionPath))
        return {};
    const Result<QByteArray> bytes = readPart(EncryptionPath, token);
    if (!bytes)
        return bytes.status();
    SafeXmlReader xml(*bytes, EncryptionPath, m_limits, token);
    QString algorithm;
    while (xml.readNextStartElement()) {
        const auto name = xml.xml().name();
        if (name == QLatin1String("EncryptedData")) {
            algorithm.clear();
        } else if (name == QLatin1String("EncryptionMethod")) {
            algorithm = xml.attribute("Algorithm");
        } else if (name == QLatin1String("CipherReference")) {
            // URIs here are relative to the container's root, not to this file.
            const QString path = book::resolvePath(QString(), xml.attribute("URI"));
            if (path.isEmpty())
                continue;
            if (algorithm == QLatin1String("http://www.idpf.org/2008/embedding"))
                m_obfuscated.insert(path, FontObfuscation::Idpf);
            else if (algorithm == QLatin1String("http://ns.adobe.com/pdf/enc#RC"))
                m_obfuscated.insert(path, FontObfuscation::Adobe);
            else
                m_encrypted.append(path);
        }
    }
    return xml.status();
}

Status Package::readPackageDocument(const CancellationToken &token)
{
    const Result<QByteArray> bytes = readPart(m_opfPath, token);
    if (!bytes)
        return bytes.status();
    SafeXmlReader xml(*bytes, m_opfPath, m_limits, token);
    QList<std::pair<QString, bool>> itemRefs;
    QString ncxId;
    QString uniqueId;
    QStringList titles, creators, subjects;
    QList<std::pair<QString, QString>> otherMetadata;
    QString modified;
    bool inMetadata = false;
    int metadataDepth = 0;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && inMetadata && xml.depth() < metadataDepth) {
            inMetadata = false;
            continue;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.xml().name().toString();
        if (name == QLatin1String("package")) {
            m_version = xml.attribute("version");
            uniqueId = xml.attribute("unique-identifier");
        } else if (name == QLatin1String("metadata")) {
            inMetadata = true;
            metadataDepth = xml.depth();
        } else if (inMetadata && xml.xml().namespaceUri() == DcNamespace) {
            const QString id = xml.attribute("id");
            const QString value = xml.readText().simplified();
            if (value.isEmpty())
                continue;
            if (name == QLatin1String("title"))
                titles.append(value);
            else if (name == QLatin1String("creator"))
                creators.append(value);
            else if (name == QLatin1String("subject"))
                subjects.append(value);
            else if (name == QLatin1String("identifier") && (m_uniqueIdentifier.isEmpty() || id == uniqueId))
                m_uniqueIdentifier = value;
            else if (name == QLatin1String("language"))
                otherMetadata.append({QStringLiteral("Language"), value});
            else if (name == QLatin1String("publisher"))
                otherMetadata.append({QStringLiteral("Publisher"), value});
            else if (name == QLatin1String("date"))
                otherMetadata.append({QStringLiteral("CreationDate"), value});
            else if (name == QLatin1String("description"))
                otherMetadata.append({QStringLiteral("Description"), value});
            else if (name == QLatin1String("rights"))
                otherMetadata.append({QStringLiteral("Rights"), value});
        } else if (inMetadata && name == QLatin1String("meta")) {
            if (xml.attribute("property") == QLatin1String("dcterms:modified"))
                modified = xml.readText().simplified();
        } else if (name == QLatin1String("item")) {
            ManifestItem item;
            item.id = xml.attribute("id");
            item.path = book::resolvePath(m_opfPath, xml.attribute("href"));
            item.mediaType = xml.attribute("media-type").trimmed().toLower();
            item.properties = xml.attribute("properties").split(u' ', Qt::SkipEmptyParts);
            if (item.id.isEmpty() || item.path.isEmpty())
                continue;
            m_mediaTypes.insert(item.path, item.mediaType);
            m_manifest.insert(item.id, item);
        } else if (name == QLatin1String("spine")) {
            ncxId = xml.attribute("toc");
            m_rightToLeft = xml.attribute("page-progression-direction").trimmed() == QLatin1String("rtl");
        } else if (name == QLatin1String("itemref")) {
            itemRefs.append({xml.attribute("idref"), xml.attribute("linear") != QLatin1String("no")});
        }
    }
    if (Status status = xml.status(); !status)
        return status;

    if (!titles.isEmpty())
        m_metadata.append({QStringLiteral("Title"), titles.first()});
    if (!creators.isEmpty())
        m_metadata.append({QStringLiteral("Author"), creators.join(QLatin1String("; "))});
    if (!subjects.isEmpty())
        m_metadata.append({QStringLiteral("Keywords"), subjects.join(QLatin1String(", "))});
    m_metadata.append(otherMetadata);
    if (!modified.isEmpty())
        m_metadata.append({QStringLiteral("ModificationDate"), modified});
    if (!m_uniqueIdentifier.isEmpty())
        m_metadata.append({QStringLiteral("Identifier"), m_uniqueIdentifier});
    if (!m_version.isEmpty())
        m_metadata.append({QStringLiteral("EPUB version"), m_version});

    buildSpine(itemRefs);
    if (m_spine.isEmpty())
        return {StatusCode::Corrupt, tr("The EPUB's spine lists no readable document (%1)").arg(m_opfPath)};
    for (const SpineItem &item : std::as_const(m_spine)) {
        if (item.linear && m_encrypted.contains(item.path))
            return {StatusCode::Unsupported, tr("The EPUB is protected by DRM (“%1” is encrypted)").arg(item.path)};
    }

    QString navPath, ncxPath;
    for (const ManifestItem &item : std::as_const(m_manifest)) {
        if (item.properties.contains(QLatin1String("nav")))
            navPath = item.path;
    }
    if (m_manifest.contains(ncxId))
        ncxPath = m_manifest.value(ncxId).path;
    else {
        for (const ManifestItem &item : std::as_const(m_manifest)) {
            if (item.mediaType == QLatin1String("application/x-dtbncx+xml"))
                ncxPath = item.path;
        }
    }
    readToc(navPath, ncxPath, token);
    if (token.isCancelled())
        return Status::fromToken(token);
    return {};
}

void Package::buildSpine(const QList<std::pair<QString, bool>> &itemRefs)
{
    // Linear items in spine order, then the non-linear ones (notes, answers, pop-ups): readers
    // skip them while paging, but a viewer without links must still show them somewhere.
    QList<SpineItem> nonLinear;
    for (const auto &[idref, linear] : itemRefs) {
        const auto found = m_manifest.constFind(idref);
        if (found == m_manifest.cend()) {
            qCWarning(lcEpub) << "EPUB spine refers to a missing manifest item" << idref;
            continue;
        }
        if (!contains(found->path)) {
            qCWarning(lcEpub) << "EPUB manifest item" << idref << "names a missing file" << found->path;
            continue;
        }
        const SpineItem item {found->path, found->mediaType, linear};
        (linear ? m_spine : nonLinear).append(item);
    }
    m_spine.append(nonLinear);
}

void Package::readToc(const QString &navPath, const QString &ncxPath, const CancellationToken &token)
{
    // A broken table of contents costs the outline, never the book.
    if (contains(navPath)) {
        const Result<QByteArray> bytes = readPart(navPath, token);
        Result<QList<TocEntry>> toc = bytes ? parseNavDocument(*bytes, navPath, m_limits, token) : bytes.status();
        if (toc && !toc->isEmpty()) {
            m_toc = std::move(toc).value();
            return;
        }
        if (!toc)
            qCWarning(lcEpub) << "EPUB navigation document unreadable:" << toc.status().message();
    }
    if (contains(ncxPath)) {
        const Result<QByteArray> bytes = readPart(ncxPath, token);
        Result<QList<TocEntry>> toc = bytes ? parseNcx(*bytes, ncxPath, m_limits, token) : bytes.status();
        if (toc)
            m_toc = std::move(toc).value();
        else
            qCWarning(lcEpub) << "EPUB NCX unreadable:" << toc.status().message();
    }
}

} // namespace folio::epub
