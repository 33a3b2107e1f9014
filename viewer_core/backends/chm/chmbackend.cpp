// SPDX-License-Identifier: GPL-3.0-or-later
#include "chmbackend.h"

#include "backends/common/book/bookdocument.h"
#include "backends/common/text/textpage.h"
#include "chmarchive.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QTemporaryFile>

namespace folio {

namespace {

const QString chmType = QStringLiteral("application/vnd.ms-htmlhelp");
constexpr qint64 copyChunk = 1 << 20;

QList<book::TocEntry> tocEntries(const QList<chm::TocItem> &items)
{
    QList<book::TocEntry> entries;
    for (const chm::TocItem &item : items)
        entries.append({item.title, item.path, item.fragment, tocEntries(item.children)});
    return entries;
}

// A CHM file as a Book: its topics are the chapters (HTML, read as browsers read it, in the
// file's code page when they declare none), every other file a resource by its path. Links
// resolve inside the file only: a relative path, or an ms-its:/mk:@MSITStore: URL naming this
// same file; nothing else is followed.
//
// Threads: used from the document's thread; the Archive guards CHMlib's handle itself.
class ChmBook final : public book::Book
{
    Q_DECLARE_TR_FUNCTIONS(folio::ChmBook)
public:
    ChmBook(
        std::unique_ptr<chm::Archive> archive, chm::Contents contents, const QString &fileName, const Limits &limits)
        : m_archive(std::move(archive))
        , m_contents(std::move(contents))
        , m_fileName(QFileInfo(fileName).fileName())
        , m_limits(limits)
        , m_toc(tocEntries(m_contents.toc))
    {
        if (!m_archive->title().isEmpty())
            m_metadata.append({QStringLiteral("Title"), m_archive->title()});
    }

    const Limits &limits() const override { return m_limits; }
    int chapterCount() const override { return int(m_contents.topics.size()); }
    QString chapterPath(int index) const override { return m_contents.topics.value(index); }
    bool isHtml(int) const override { return true; }
    Result<QByteArray> chapter(int index, qint64 maxBytes, const CancellationToken &token) const override
    {
        Result<QByteArray> data = m_archive->read(chapterPath(index), maxBytes, token);
        if (!data)
            return data;
        return m_archive->toUtf8(data.value());
    }
    bool contains(const QString &path) const override { return !path.isEmpty() && m_archive->contains(path); }
    Result<QByteArray> read(
        const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly = false) const override
    {
        return m_archive->read(path, maxBytes, token, prefixOnly);
    }
    QString resolve(const QString &base, const QString &href) const override
    {
        QString target = href.trimmed();
        for (const QLatin1String scheme : {QLatin1String("ms-its:"), QLatin1String("mk:@msitstore:")}) {
            if (!target.startsWith(scheme, Qt::CaseInsensitive))
                continue;
            const qsizetype separator = target.indexOf(QLatin1String("::"));
            if (separator < 0)
                return {};
            const QString file = QFileInfo(target.mid(scheme.size(), separator - scheme.size())).fileName();
            if (m_fileName.isEmpty() || file.compare(m_fileName, Qt::CaseInsensitive) != 0)
                return {};
            target = target.mid(separator + 2);
            if (!target.startsWith(QLatin1Char('/')))
                target.prepend(QLatin1Char('/'));
            break;
        }
        target.replace(QLatin1Char('\\'), QLatin1Char('/'));
        const QString path = book::resolvePath(base, target);
        const QString canonical = m_archive->canonicalPath(path);
        return canonical.isEmpty() ? path : canonical;
    }
    QList<book::TocEntry> toc() const override { return m_toc; }
    Metadata metadata() const override { return m_metadata; }

private:
    std::unique_ptr<chm::Archive> m_archive;
    chm::Contents m_contents;
    QString m_fileName;
    Limits m_limits;
    QList<book::TocEntry> m_toc;
    Metadata m_metadata;
};

// CHMlib opens files by name only: a CHM that is not a file of its own (an archive's entry, a
// decompressed stream) is copied to a temporary file first, within the in-memory limit.
Result<std::unique_ptr<QTemporaryFile>> spill(QIODevice &device, const Limits &limits, const CancellationToken &token)
{
    auto file = std::make_unique<QTemporaryFile>();
    if (!file->open())
        return Status(StatusCode::IoError, ChmBook::tr("Cannot create a temporary file for the CHM file"));
    qint64 total = 0;
    QByteArray chunk;
    while (!device.atEnd()) {
        if (token.isCancelled())
            return Status::fromToken(token);
        chunk = device.read(copyChunk);
        if (chunk.isEmpty())
            break;
        total += chunk.size();
        if (limits.maxInMemoryBytes > 0 && total > limits.maxInMemoryBytes)
            return LimitErrors::entrySize(ChmBook::tr("The CHM file"), -1, limits);
        if (file->write(chunk) != chunk.size())
            return Status(StatusCode::IoError, ChmBook::tr("Cannot write a temporary copy of the CHM file"));
    }
    if (!file->flush())
        return Status(StatusCode::IoError, ChmBook::tr("Cannot write a temporary copy of the CHM file"));
    return file;
}

class ChmBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::ChmBackend)
public:
    QString id() const override { return QStringLiteral("chm"); }
    QString name() const override { return tr("Compiled HTML Help"); }
    QStringList mimeTypes() const override { return {chmType}; }

    // shared-mime-info knows CHM by its extension only: "ITSF" and version 3 at the start are certain.
    Recognition recognize(const RecognitionInput &input) const override
    {
        const QByteArray &head = input.head();
        if (head.size() >= 8 && head.startsWith("ITSF") && head[4] == 3 && head[5] == 0 && head[6] == 0 && head[7] == 0)
            return {Recognition::Certain, QMimeDatabase().mimeTypeForName(chmType)};
        return Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        if (Status status = text::checkFontSupport(); !status)
            return status;
        if (!request.device)
            return Status(StatusCode::InvalidArgument, tr("No input device"));
        QString path;
        std::unique_ptr<QTemporaryFile> spilled;
        if (auto *file = qobject_cast<QFile *>(request.device.get()); file && QFileInfo(file->fileName()).isFile()) {
            path = file->fileName();
        } else {
            Result<std::unique_ptr<QTemporaryFile>> copy = spill(*request.device, request.limits, token);
            if (!copy)
                return copy.status();
            spilled = std::move(copy).value();
            path = spilled->fileName();
        }
        Result<std::unique_ptr<chm::Archive>> archive
            = chm::Archive::open(path, std::move(spilled), request.limits, token);
        if (!archive)
            return archive.status();
        Result<chm::Contents> contents = archive.value()->contents(token);
        if (!contents)
            return contents.status();
        auto chmBook = std::make_unique<ChmBook>(
            std::move(archive).value(), std::move(contents).value(), request.fileName, request.limits);
        const book::BookFormat format {QStringLiteral("chm"), tr("Compiled HTML Help"), chmType};
        return book::BookDocument::open(std::move(chmBook), format, request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createChmBackend()
{
    return std::make_unique<ChmBackend>();
}

} // namespace folio
