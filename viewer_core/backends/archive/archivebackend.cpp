// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivebackend.h"

#include "archivedocument.h"
#include "archivelimits.h"
#include "archivereader.h"
#include "comicdocument.h"
#include "compresseddocument.h"
#include "decompress.h"
#include "formatdetector.h"
#include "chunkedio.h"

#include <QBuffer>
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

Result<std::unique_ptr<Document>> openAsComic(
    std::unique_ptr<ArchiveReader> reader, const OpenRequest &request, const CancellationToken &token)
{
    // A "comic" without a single image is still an archive worth looking into.
    if (ComicDocument::pageEntries(*reader).isEmpty())
        return ArchiveDocument::open(std::move(reader), request.fileName, request.mimeType, request.limits, token);
    return ComicDocument::open(std::move(reader), request.mimeType, request.limits, token);
}

class ComicBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::ComicBackend)
public:
    QString id() const override { return QStringLiteral("comic"); }
    QString name() const override { return tr("Comic books"); }
    QStringList mimeTypes() const override
    {
        return {QStringLiteral("application/vnd.comicbook+zip"), QStringLiteral("application/x-cbt"),
            QStringLiteral("application/x-cb7")};
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        auto reader = ArchiveReader::open(
            std::move(request.device), request.mimeType, request.password, request.limits, token, progress);
        if (!reader)
            return reader.status();
        return openAsComic(std::move(reader).value(), request, token);
    }
};

class ArchiveBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::ArchiveBackend)
public:
    QString id() const override { return QStringLiteral("archive"); }
    QString name() const override { return tr("Archives"); }
    QStringList mimeTypes() const override
    {
        return {QStringLiteral("application/zip"), QStringLiteral("application/x-tar"),
            QStringLiteral("application/x-compressed-tar"), QStringLiteral("application/x-bzip-compressed-tar"),
            QStringLiteral("application/x-xz-compressed-tar"), QStringLiteral("application/x-lzma-compressed-tar"),
            QStringLiteral("application/x-zstd-compressed-tar"), QStringLiteral("application/x-7z-compressed"),
            QStringLiteral("application/x-archive"), QStringLiteral("application/vnd.debian.binary-package")};
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        auto reader = ArchiveReader::open(
            std::move(request.device), request.mimeType, request.password, request.limits, token, progress);
        if (!reader)
            return reader.status();
        if (hasComicName(request.fileName))
            return openAsComic(std::move(reader).value(), request, token);
        return ArchiveDocument::open(
            std::move(reader).value(), request.fileName, request.mimeType, request.limits, token);
    }
};

// Compressed files inside compressed files are opened recursively; a quine (a .gz that
// decompresses to itself) must end somewhere.
constexpr int MaxNesting = 4;
thread_local int t_nesting = 0;

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
            QStringLiteral("application/zstd")};
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        const std::optional<Compression> compression = compressionFor(request.mimeType);
        if (!compression || !request.device)
            return Status(StatusCode::Unsupported, tr("Not a compressed file"));
        if (t_nesting >= MaxNesting)
            return Status(StatusCode::LimitExceeded,
                tr("The file is compressed more than %1 times over, which Folio does not unpack").arg(MaxNesting));
        std::unique_ptr<QIODevice> input = std::move(request.device);
        if (input->isSequential()) {
            auto buffer = readAll(*input, request.limits.maxInMemoryBytes, token);
            if (!buffer)
                return buffer.status();
            auto copy = std::make_unique<QBuffer>();
            copy->setData(std::move(buffer).value());
            copy->open(QIODevice::ReadOnly);
            input = std::move(copy);
        }
        const qint64 compressedSize = input->size();
        const QString innerName = contentName(request.fileName);
        const QString what = request.fileName.isEmpty() ? tr("The compressed data")
                                                        : tr("\"%1\"").arg(QFileInfo(request.fileName).fileName());
        auto content = decompress(*input, *compression, StreamBound::Entry, what, request.limits, token, progress);
        if (!content)
            return content.status();
        input.reset(); // the compressed bytes are no longer needed
        const QString kind = tr("%1-compressed").arg(compressionName(*compression));
        if ((*content)->size() == 0)
            return Status(StatusCode::Corrupt, tr("The %1 file is empty once decompressed").arg(kind));

        const Detection detection = FormatDetector::detect(**content, innerName);
        if (!detection.backend)
            return Status(StatusCode::Unsupported,
                tr("unsupported format: the %1 data is %2 (%3)")
                    .arg(kind, detection.mimeType.comment(), detection.mimeType.name()));
        OpenRequest inner;
        inner.device = std::move(content).value();
        inner.fileName = innerName;
        inner.password = request.password;
        inner.limits = request.limits;
        inner.mimeType = detection.mimeType;
        ++t_nesting;
        auto document = detection.backend->open(std::move(inner), token, {});
        --t_nesting;
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
