// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/book/book.h"
#include "document.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

class QIODevice;

namespace folio::office {
class Package;
}

namespace folio::epub {

// The namespace of EPUB's own attributes (epub:type, epub:switch).
inline const QString OpsNamespace = QStringLiteral("http://www.idpf.org/2007/ops");

struct ManifestItem
{
    QString id;
    QString path; // inside the package, resolved against the OPF
    QString mediaType;
    QStringList properties;
};

struct SpineItem
{
    QString path;
    QString mediaType;
    bool linear = true;
};

// An entry of the table of contents: where it points is `path` (a spine item) and `fragment`
// (an element id inside it, may be empty).
using TocEntry = book::TocEntry;

// How an embedded font is scrambled (META-INF/encryption.xml). Not DRM: the key is public.
enum class FontObfuscation { None, Idpf, Adobe };

// An EPUB's container: the ZIP, its META-INF/container.xml, the package document (OPF) with
// metadata, manifest and spine, the table of contents (EPUB 3 nav document or EPUB 2 NCX) and the
// font obfuscation table. Every part is read through the shared archive reader, under its limits,
// and parsed with SafeXmlReader.
//
// The book engine reads it as a Book: the spine's items are the chapters.
//
// Not thread-safe: reading moves the shared device. Owns the device it was opened on.
class Package final : public book::Book
{
    Q_DECLARE_TR_FUNCTIONS(folio::epub::Package)
public:
    // `device` must be random-access and open for reading.
    static Result<std::unique_ptr<Package>> open(
        std::unique_ptr<QIODevice> device, const Limits &limits, const CancellationToken &token);
    ~Package() override;
    Package(const Package &) = delete;
    Package &operator=(const Package &) = delete;

    bool contains(const QString &path) const override;
    // Reads a part; refuses more than `maxBytes`. With `prefixOnly`, returns at most its first
    // `maxBytes` instead (image headers).
    Result<QByteArray> read(
        const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly = false) const override;
    // read() plus de-obfuscation for fonts listed in META-INF/encryption.xml.
    Result<QByteArray> readFont(const QString &path, qint64 maxBytes, const CancellationToken &token) const override;

    const Limits &limits() const override { return m_limits; }
    QString version() const { return m_version; }
    const QList<SpineItem> &spine() const { return m_spine; }
    // The spine's page-progression-direction is "rtl" (Japanese, Arabic, Hebrew books).
    bool isRightToLeft() const override { return m_rightToLeft; }
    QList<TocEntry> toc() const override { return m_toc; }
    Metadata metadata() const override { return m_metadata; }

    // Book: the spine.
    int chapterCount() const override { return int(m_spine.size()); }
    QString chapterPath(int index) const override { return m_spine.value(index).path; }
    QString chapterMediaType(int index) const override { return m_spine.value(index).mediaType; }
    // The manifest's media type for `path`, empty when it is not in the manifest.
    QString mediaType(const QString &path) const;

private:
    explicit Package(const Limits &limits);

    Status readContainer(const CancellationToken &token);
    Status readPackageDocument(const CancellationToken &token);
    Status readEncryption(const CancellationToken &token);
    Result<QByteArray> readPart(const QString &path, const CancellationToken &token) const;
    void buildSpine(const QList<std::pair<QString, bool>> &itemRefs);
    void readToc(const QString &navPath, const QString &ncxPath, const CancellationToken &token);

    Limits m_limits;
    std::unique_ptr<office::Package> m_container;
    QString m_opfPath;
    QString m_version;
    QString m_uniqueIdentifier;
    QHash<QString, ManifestItem> m_manifest; // by id
    QHash<QString, QString> m_mediaTypes; // by path
    QList<SpineItem> m_spine;
    bool m_rightToLeft = false;
    QList<TocEntry> m_toc;
    Metadata m_metadata;
    QHash<QString, FontObfuscation> m_obfuscated; // by path
    QStringList m_encrypted; // parts under real encryption (DRM)
};

} // namespace folio::epub
