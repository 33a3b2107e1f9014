// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivebackend.h"

#include "archivedocument.h"
#include "backends/common/archive/archivelimits.h"
#include "backends/common/archive/archivereader.h"
#include "comicdocument.h"
#include "compresseddocument.h"
#include "backends/common/archive/decompress.h"
#include "backends/common/archive/zipcatalogue.h"
#include "backends/common/mimetypes.h"
#include "chunkedio.h"

#include <QBuffer>
#include <QMimeDatabase>
#include <QFileInfo>

namespace folio {

namespace {

using namespace folio::archive;

// Comic books are archives with another name: a ZIP named .cbz is a comic, and so is a ZIP named
// .cbr, a common mislabelling that CBR readers accept.
bool hasComicName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == QLatin1String("cbz") || suffix == QLatin1String("cbr") || suffix == QLatin1String("cbt")
        || suffix == QLatin1String("cb7");
}

bool isArchive(const QMimeType &type)
{
    return ArchiveReader::canRead(type);
}

// An ISO 9660 image: "CD001" in the primary volume descriptor at 32 KiB, past the 4 KiB the
// content type is found from.
bool isIso9660(const RecognitionInput &input)
{
    return input
        .memo(QStringLiteral("iso9660-descriptor"),
            [&input] {
                QIODevice &device = input.device();
                constexpr qint64 Descriptor = 16 * 2048;
                if (device.isSequential() || device.size() < Descriptor + 6 || !device.seek(Descriptor + 1))
                    return QVariant(false);
                return QVariant(device.read(5) == QByteArrayLiteral("CD001"));
            })
        .toBool();
}

// A ZIP's end-of-central-directory record, looked for once per detection.
bool hasZipEndRecord(const RecognitionInput &input)
{
    return input
        .memo(QStringLiteral("zip-end-record"),
            [&input] { return QVariant(archive::hasZipEndRecord(input.device())); })
        .toBool();
}

class ComicBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::ComicBackend)
public:
    QString id() const override { return QStringLiteral("comic"); }
    QString name() const override { return tr("Comic books"); }
    QStringList mimeTypes() const override
    {
        return {QStringLiteral("application/vnd.comicbook+zip"), QStringLiteral("application/vnd.comicbook-rar"),
            QStringLiteral("application/x-cbt"), QStringLiteral("application/x-cb7")};
    }

    // A comic's name on an archive Folio reads (a ZIP named .cbr) ties with the archive backend,
    // which comes after this one in the registry.
    Recognition recognize(const RecognitionInput &input) const override
    {
        if (hasComicName(input.fileName()) && isArchive(input.contentType()))
            return {Recognition::Content, input.contentType()};
        return Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        auto reader = ArchiveReader::open(
            std::move(request.device), request.mimeType, request.password, request.limits, token, progress,
            request.nested.nameEncoding());
        if (!reader)
            return reader.status();
        // A "comic" without a single image is still an archive worth looking into.
        if (ComicDocument::pageEntries(**reader).isEmpty())
            return ArchiveDocument::open(
                std::move(reader).value(), request.fileName, request.mimeType, request.nested, token);
        return ComicDocument::open(std::move(reader).value(), request.mimeType, request.nested, token);
    }
};

class ArchiveBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::ArchiveBackend)
public:
    QString id() const override { return QStringLiteral("archive"); }
    QString name() const override { return tr("Archives"); }
    QStringList mimeTypes() const override { return ArchiveReader::mimeTypes(); }

    // A ZIP's directory is at its end: "PK" at the start with no end-of-directory record is a weak
    // sign (stray bytes in front of a PDF), not an archive to be sure of.
    Recognition recognize(const RecognitionInput &input) const override
    {
        Recognition recognition = Backend::recognize(input);
        if (recognition.confidence < Recognition::Content && isIso9660(input))
            return {Recognition::Content, QMimeDatabase().mimeTypeForName(QStringLiteral("application/x-cd-image"))};
        if (recognition.confidence > Recognition::No && isOrInherits(input.contentType(), "application/zip")
            && !input.device().isSequential() && !hasZipEndRecord(input))
            recognition.confidence = Recognition::Weak;
        return recognition;
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        auto reader = ArchiveReader::open(
            std::move(request.device), request.mimeType, request.password, request.limits, token, progress,
            request.nested.nameEncoding());
        if (!reader)
            return reader.status();
        return ArchiveDocument::open(
            std::move(reader).value(), request.fileName, request.mimeType, request.nested, token);
    }
};

class CompressedBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::CompressedBackend)
public:
    QString id() const override { return QStringLiteral("compressed"); }
    QString name() const override { return tr("Compressed files"); }
    QStringList mimeTypes() const override
    {
        return {QStringLiteral("application/gzip"), QStringLiteral("application/x-bzip"),
            QStringLiteral("application/x-xz"), QStringLiteral("application/x-lzma"),
            QStringLiteral("application/zstd"), QStringLiteral("application/x-compress"), QStringLiteral("application/x-lz4"),
            QStringLiteral("application/x-lzip")};
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        const std::optional<Compression> compression = compressionFor(request.mimeType);
        if (!compression || !request.device)
            return Status(StatusCode::Unsupported, tr("Not a compressed file"));
        auto input = randomAccess(std::move(request.device), request.limits.maxInMemoryBytes, token);
        if (!input)
            return input.status();
        const qint64 compressedSize = (*input)->size();
        const QString innerName = contentName(request.fileName);
        const QString what = request.fileName.isEmpty() ? tr("The compressed data")
                                                        : tr("\"%1\"").arg(QFileInfo(request.fileName).fileName());
        auto content = decompress(**input, *compression, StreamBound::Entry, what, request.limits, token, progress);
        if (!content)
            return content.status();
        input->reset(); // the compressed bytes are no longer needed
        const QString kind = tr("%1-compressed").arg(compressionName(*compression));
        if ((*content)->size() == 0)
            return Status(StatusCode::Corrupt, tr("The %1 file is empty once decompressed").arg(kind));
        // What is inside is detected again by content and opened like any file, with this one's
        // limits, view options and password.
        auto document = request.nested.open(std::move(content).value(), innerName, token);
        if (!document)
            return document.status();
        return std::unique_ptr<Document>(
            std::make_unique<CompressedDocument>(std::move(document).value(), *compression, compressedSize));
    }

private:
    // The name the content had before compression: "notes.txt.gz" → "notes.txt",
    // "backup.tgz" → "backup.tar", "drawing.svgz" → "drawing.svg".
    static QString contentName(const QString &fileName)
    {
        const QString name = QFileInfo(fileName).fileName();
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        if (dot <= 0)
            return name;
        const QString suffix = name.mid(dot + 1).toLower();
        const QString stem = name.left(dot);
        static const QStringList tarSuffixes = {QStringLiteral("tgz"), QStringLiteral("tbz"), QStringLiteral("tbz2"),
            QStringLiteral("tb2"), QStringLiteral("txz"), QStringLiteral("tlz"), QStringLiteral("tzst")};
        if (tarSuffixes.contains(suffix))
            return stem + QStringLiteral(".tar");
        if (suffix == QLatin1String("svgz"))
            return stem + QStringLiteral(".svg");
        return stem;
    }
};

} // namespace

std::unique_ptr<Backend> createComicBackend()
{
    return std::make_unique<ComicBackend>();
}

std::unique_ptr<Backend> createArchiveBackend()
{
    return std::make_unique<ArchiveBackend>();
}

std::unique_ptr<Backend> createCompressedBackend()
{
    return std::make_unique<CompressedBackend>();
}

} // namespace folio
