// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer.h"

#include "nestedopener.h"
#include "logging.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <iconv.h>
#include <sys/stat.h>

namespace folio {

FileStamp FileStamp::of(const QString &path)
{
    FileStamp stamp;
    struct stat info
    {
    };
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &info) != 0)
        return stamp;
    stamp.exists = true;
    stamp.device = quint64(info.st_dev);
    stamp.inode = quint64(info.st_ino);
    stamp.size = qint64(info.st_size);
    stamp.modifiedNs = qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return stamp;
}

Status FileStamp::verify(const QString &path, const QString &name) const
{
    const FileStamp now = of(path);
    if (!now.exists)
        return Status(StatusCode::IoError, Viewer::tr("the file was deleted or moved after it was opened"))
            .withFile(name);
    if (now != *this)
        return Status(StatusCode::IoError,
            Viewer::tr("the file changed on disk after it was opened; open it again to see the new version"))
            .withFile(name);
    return {};
}

Viewer::Viewer() = default;
Viewer::~Viewer() = default;

Result<std::unique_ptr<Document>> Viewer::load(
    const QString &path, const OpenOptions &options, const CancellationToken &token, const ProgressCallback &progress)
{
    const QFileInfo fileInfo(path);
    const QString name = options.displayName.isEmpty() ? path : options.displayName;
    if (fileInfo.isDir())
        return Status(StatusCode::IoError, tr("is a folder, not a document")).withFile(name);
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        QString reason = file->errorString();
        // U+FFFD in a name from a file dialog or argv stands for bytes that are not UTF-8: the
        // file is there, under a name Qt cannot spell (folio-cli opens such names by their bytes).
        if (path.contains(QChar::ReplacementCharacter) && !file->exists())
            reason += tr(" (its name holds bytes that are not UTF-8; rename the file, or open it with folio-cli)");
        return Status(StatusCode::IoError, tr("cannot open: %1").arg(reason)).withFile(name);
    }
    return load(std::move(file), name, options, token, progress);
}

Result<std::unique_ptr<Document>> Viewer::load(std::unique_ptr<QIODevice> device, const QString &name,
    const OpenOptions &options, const CancellationToken &token, const ProgressCallback &progress)
{
    return NestedOpener(options.limits, options.renderOptions, options.password, 0)
        .withNameEncoding(options.archiveEncoding)
        .open(std::move(device), name, token, progress);
}


Status Viewer::open(
    const QString &path, const OpenOptions &options, const CancellationToken &token, const ProgressCallback &progress)
{
    close();
    // Taken before reading: a change while opening shows up as a change afterwards.
    const FileStamp stamp = FileStamp::of(path);
    auto result = load(path, options, token, progress);
    if (!result)
        return result.status();
    m_stamp = stamp;
    m_document = std::move(result).value();
    m_fileName = options.displayName.isEmpty() ? path : options.displayName;
    m_path = path;
    m_options = options;
    return {};
}

Status Viewer::open(std::unique_ptr<QIODevice> device, const QString &name, const OpenOptions &options,
    const CancellationToken &token, const ProgressCallback &progress)
{
    close();
    auto result = load(std::move(device), name, options, token, progress);
    if (!result)
        return result.status();
    m_document = std::move(result).value();
    m_fileName = name;
    m_path.clear();
    m_options = options;
    return {};
}

void Viewer::close()
{
    m_document.reset();
    m_fileName.clear();
    m_path.clear();
    m_stamp = {};
}

Result<std::unique_ptr<Document>> Viewer::openInstance(const CancellationToken &token) const
{
    if (!m_document)
        return notOpen();
    if (m_path.isEmpty())
        return Status(StatusCode::Unsupported, tr("A document read from a stream cannot be opened twice"));
    if (Status unchanged = checkFileUnchanged(); !unchanged)
        return unchanged;
    return load(m_path, m_options, token);
}

Status Viewer::checkFileUnchanged() const
{
    if (!m_document || m_path.isEmpty())
        return {};
    return m_stamp.verify(m_path, m_fileName);
}

Status Viewer::notOpen() const
{
    return {StatusCode::InvalidArgument, tr("No document is open")};
}

Result<DocumentInfo> Viewer::info(const CancellationToken &token, const ProgressCallback &progress)
{
    if (!m_document)
        return notOpen();
    if (Status s = m_document->ensurePages(-1, token, progress); !s)
        return s;
    DocumentInfo info;
    info.file = m_fileName;
    info.format = m_document->formatId();
    info.formatName = m_document->formatName();
    info.mimeType = m_document->mimeType();
    info.pageCount = m_document->pageCount();
    info.pageSizes.reserve(info.pageCount);
    for (int i = 0; i < info.pageCount; ++i) {
        if ((i & 1023) == 0 && token.isCancelled())
            return Status::fromToken(token);
        info.pageSizes.append(m_document->pageSize(i));
    }
    info.metadata = m_document->metadata();
    info.attachmentCount = int(m_document->attachments().size());
    info.encrypted = m_document->isEncrypted();
    info.formType = m_document->formType();
    if (info.formType == FormType::AcroForm) {
        QSet<QString> fields;
        for (int i = 0; i < info.pageCount; ++i) {
            const auto onPage = m_document->formFields(i, token);
            if (!onPage)
                return onPage.status();
            for (const FormField &field : *onPage)
                fields.insert(field.buttonGroup.isEmpty() ? field.id : field.buttonGroup);
        }
        info.formFieldCount = int(fields.size());
    }
    return info;
}

Result<QImage> Viewer::render(int page, const RenderRequest &request, const CancellationToken &token)
{
    if (!m_document)
        return notOpen();
    if (Status s = m_document->ensurePages(page + 1, token); !s)
        return s;
    return m_document->render(page, request, token);
}

Result<QString> Viewer::text(int page, const CancellationToken &token)
{
    if (!m_document)
        return notOpen();
    if (Status s = m_document->ensurePages(page + 1, token); !s)
        return s;
    return m_document->text(page, token);
}

Result<QList<Annotation>> Viewer::annotations(int page, const CancellationToken &token)
{
    if (!m_document)
        return notOpen();
    if (Status s = m_document->ensurePages(page + 1, token); !s)
        return s;
    return m_document->annotations(page, token);
}

Result<QList<FormField>> Viewer::formFields(int page, const CancellationToken &token)
{
    if (!m_document)
        return notOpen();
    if (Status s = m_document->ensurePages(page + 1, token); !s)
        return s;
    return m_document->formFields(page, token);
}

Result<QList<OutlineItem>> Viewer::outline(const CancellationToken &token)
{
    if (!m_document)
        return notOpen();
    return m_document->outline(token);
}

QList<AttachmentInfo> Viewer::attachments() const
{
    return m_document ? m_document->attachments() : QList<AttachmentInfo>();
}

Status Viewer::saveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    if (!m_document)
        return notOpen();
    return m_document->saveAttachment(index, out, token, progress);
}

bool Viewer::isKnownNameEncoding(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    const iconv_t converter = iconv_open("UTF-8", name.constData());
    if (converter == iconv_t(-1))
        return false;
    iconv_close(converter);
    return true;
}

} // namespace folio
