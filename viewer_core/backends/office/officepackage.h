// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QIODevice;

namespace folio {
struct OpenRequest;
}

namespace folio::archive {
class ArchiveReader;
}

namespace folio::office {

// One OPC relationship (OOXML `_rels/*.rels`).
struct Relationship
{
    QString id;
    QString type; // full URI; compare with typeIs(), which accepts Transitional and Strict URIs
    QString target; // as written: relative to the source part's folder unless external
    bool external = false;

    // Whether the type's last segment is `name` ("officeDocument", "image", "styles", ...).
    bool typeIs(QStringView name) const;
};

// The ZIP package of an OOXML (DOCX, XLSX, PPTX) or OpenDocument (ODT, ODS, ODP) file: parts by
// path, read through the archive backend's reader under the safety limits and the token (entry
// size, total size and compression ratio are checked from the headers and again while inflating).
//
// Part paths have no leading '/'. Not thread-safe: one thread at a time, like Document.
class Package
{
    Q_DECLARE_TR_FUNCTIONS(folio::office::Package)
public:
    // Largest XML part read into memory by default (a DOCX's document.xml of ~1000 pages is ~10 MiB).
    static constexpr qint64 MaxPartBytes = 256LL << 20;

    // `device` is taken over; a sequential one is read into memory first. `fileName` names the
    // document in messages.
    static Result<std::unique_ptr<Package>> open(std::unique_ptr<QIODevice> device, const QString &fileName,
        const Limits &limits, const CancellationToken &token);
    // What every Office backend's open() starts with: fonts to lay text out with, a random-access
    // device (a pipe is read into memory first, up to the in-memory limit), then the package. The
    // request's device is taken; `fallbackName` names a document that came without a file name.
    static Result<std::unique_ptr<Package>> open(
        OpenRequest &request, const QString &fallbackName, const CancellationToken &token);
    ~Package();
    Package(const Package &) = delete;
    Package &operator=(const Package &) = delete;

    QString fileName() const { return m_fileName; }
    const Limits &limits() const { return m_limits; }

    // Parts are looked up exactly first, then case-insensitively (some producers disagree with
    // their own relationships about case).
    bool contains(const QString &path) const;
    QStringList paths() const;
    // Declared uncompressed size, -1 when there is no such part.
    qint64 size(const QString &path) const;
    // The whole part. Corrupt "missing part" when absent; LimitExceeded over `maxBytes` or the limits.
    Result<QByteArray> read(const QString &path, const CancellationToken &token, qint64 maxBytes = MaxPartBytes) const;
    // The first `bytes` bytes of a part (an image header).
    Result<QByteArray> readHead(const QString &path, qint64 bytes, const CancellationToken &token) const;

    // OOXML: the relationships of `part` ("" for the package's own `_rels/.rels`); empty when the
    // part has none. Parsed once and cached. A malformed .rels part is an error.
    Result<QList<Relationship>> relationships(const QString &part, const CancellationToken &token) const;
    // The first relationship of `part` whose type is `typeName` (see Relationship::typeIs()).
    std::optional<Relationship> relationshipOfType(
        const QString &part, QStringView typeName, const CancellationToken &token) const;
    // The part a relationship of `part` points at ("" when external, escaping the package or absent).
    QString targetPath(const QString &part, const Relationship &relationship) const;

    // `target` resolved against the folder of `part`: "media/a.png" from "word/document.xml" is
    // "word/media/a.png"; "/ppt/x.xml" is "ppt/x.xml"; "." and ".." are collapsed; a path that
    // climbs out of the package gives "". Also used for ODF's relative xlink:href values.
    static QString resolve(const QString &part, const QString &target);

    // OOXML `docProps/core.xml` + `docProps/app.xml`, or ODF `meta.xml`, as Metadata (Title,
    // Author, Subject, Keywords, Creator (application), CreationDate, ModificationDate, ...).
    // Missing or malformed metadata gives what could be read: never an error.
    Metadata metadata(const CancellationToken &token) const;

    // ODF: the package's `mimetype` entry ("" when absent).
    QString odfMimeType(const CancellationToken &token) const;

private:
    Package(const Limits &limits, const QString &fileName);
    int indexOf(const QString &path) const;
    Status missingPart(const QString &path) const;

    Limits m_limits;
    QString m_fileName;
    std::unique_ptr<archive::ArchiveReader> m_reader;
    QHash<QString, int> m_index; // part path → reader entry
    QHash<QString, int> m_foldedIndex; // lower-case path → reader entry
    mutable QHash<QString, QList<Relationship>> m_relationships;
};

// The pictures of a package. Sizes come from the image headers (layout never decodes); pixels are
// decoded only to draw, at the size needed, under the image pixel limit, and a few recent ones are
// kept. A picture that cannot be decoded (corrupt, unsupported, over the limit) gives a grey
// placeholder of the requested size, never an error: a document with one bad picture still shows.
// Not thread-safe, like the Package.
class ImageStore
{
public:
    explicit ImageStore(const Package &package)
        : m_package(package)
    { }

    // The picture's size in pixels from its header; invalid when absent or unreadable.
    QSize pixelSize(const QString &path, const CancellationToken &token);
    // The picture scaled to `pixels` (device pixels to draw into).
    QImage image(const QString &path, QSize pixels, const CancellationToken &token);
    // Whether image() would give the picture rather than a placeholder.
    bool isUsable(const QString &path, const CancellationToken &token);

    static QImage placeholder(QSize pixels);

private:
    struct Info
    {
        QSize pixels;
        QByteArray format;
        bool usable = false;
    };
    const Info &info(const QString &path, const CancellationToken &token);

    const Package &m_package;
    QHash<QString, Info> m_info;
    Info m_unknown;
    QList<std::pair<QString, QImage>> m_recent; // small most-recently-used cache (front = newest)
};

} // namespace folio::office
