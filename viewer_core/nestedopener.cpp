// SPDX-License-Identifier: GPL-3.0-or-later
#include "nestedopener.h"

#include "formatdetector.h"
#include "formatregistry.h"
#include "logging.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

namespace folio {

namespace {

struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(folio::NestedOpener)
};

// The same bytes again, for trying the next candidate once the best one failed (the backend took
// the first device): a file is opened again by its name, a buffer shares its data. Other devices
// (a pipe, a temporary file) give one try only.
class Reopener
{
public:
    explicit Reopener(QIODevice &device)
    {
        if (auto *buffer = qobject_cast<QBuffer *>(&device))
            m_data = buffer->data();
        else if (auto *file = qobject_cast<QFile *>(&device); file && !file->isSequential())
            m_path = file->fileName();
    }
    bool canReopen() const { return !m_path.isEmpty() || !m_data.isNull(); }
    std::unique_ptr<QIODevice> reopen() const
    {
        std::unique_ptr<QIODevice> device;
        if (!m_path.isEmpty()) {
            device = std::make_unique<QFile>(m_path);
        } else {
            auto buffer = std::make_unique<QBuffer>();
            buffer->setData(m_data);
            device = std::move(buffer);
        }
        if (!device->open(QIODevice::ReadOnly))
            return nullptr;
        return device;
    }

private:
    QString m_path;
    QByteArray m_data;
};

} // namespace

NestedOpener::NestedOpener(const Limits &limits, RenderOptions renderOptions, const QString &password, int depth)
    : m_limits(limits)
    , m_renderOptions(renderOptions)
    , m_password(password)
    , m_depth(depth)
{ }

Result<std::unique_ptr<Document>> NestedOpener::open(std::unique_ptr<QIODevice> device, const QString &name,
    const CancellationToken &token, const ProgressCallback &progress, const QString &family) const
{
    // The file the user opened is named as a file; what was found inside it, as an entry.
    const bool top = m_depth == 0;
    const QString context = name.isEmpty() ? Messages::tr("(stream)") : name;
    const auto withContext = [&](const Status &status) {
        if (top)
            return status.withFile(context);
        // A backend may have named the document as its file: inside a container it is an entry.
        return (status.file() == context ? status.withoutFile() : status).withEntry(context);
    };
    if (!device || !device->isReadable())
        return withContext(Status(StatusCode::IoError, Messages::tr("not readable")));
    if (token.isCancelled())
        return Status::fromToken(token);
    if (m_depth > m_limits.maxNestingDepth)
        return withContext(Status(StatusCode::LimitExceeded,
            Messages::tr("documents nested more than %1 levels deep (a file inside a file inside a file …) are "
                         "not opened")
                .arg(m_limits.maxNestingDepth)));

    const Detection detection = FormatDetector::detect(*device, name);
    if (!detection.backend) {
        // An empty .txt is a blank page; an empty anything-else is a broken file, not a format.
        if (!device->isSequential() && device->size() == 0)
            return withContext(Status(StatusCode::Corrupt, Messages::tr("the file is empty")));
        if (!detection.mimeType.isValid() || detection.mimeType.isDefault())
            return withContext(
                Status(StatusCode::Unsupported, Messages::tr("unsupported format: unrecognised binary data")));
        return withContext(Status(StatusCode::Unsupported,
            Messages::tr("unsupported format: %1 (%2)").arg(detection.mimeType.comment(), detection.mimeType.name())));
    }
    if (!family.isEmpty() && detection.backend->id() != family)
        return withContext(Status(StatusCode::Unsupported,
            Messages::tr("the content is %1 (%2)").arg(detection.mimeType.comment(), detection.mimeType.name())));

    const Reopener reopener(*device);
    Status firstFailure;
    for (qsizetype i = 0; i < detection.candidates.size(); ++i) {
        const Candidate &candidate = detection.candidates[i];
        if (i > 0) {
            // A file the best backend recognised by its magic or signature and cannot open is a
            // broken file of that format (a damaged EPUB is not an archive to list); only a weak
            // guess may have been a mistake (a text that mentions a PDF header in passing).
            if (detection.candidates.first().confidence >= Recognition::Content || !reopener.canReopen()
                || (!family.isEmpty() && candidate.backend->id() != family))
                break;
            device = reopener.reopen();
            if (!device)
                break;
            qCDebug(lcCore) << name << "is not" << detection.candidates.first().mimeType.name() << "after all: trying"
                            << candidate.mimeType.name();
        }
        qCDebug(lcCore) << "opening" << name << "with backend" << candidate.backend->id() << "at depth" << m_depth;
        auto result = candidate.backend->open(request(std::move(device), name, candidate.mimeType), token,
            i == 0 ? progress : ProgressCallback());
        if (token.isCancelled())
            return Status::fromToken(token);
        if (result)
            return result;
        if (i == 0)
            firstFailure = result.status();
        const StatusCode code = result.status().code();
        if (code != StatusCode::Corrupt && code != StatusCode::Unsupported)
            break; // a password, a limit, an I/O error: about the file, whatever its format
    }
    return withContext(firstFailure);
}

Result<std::unique_ptr<Document>> NestedOpener::openAs(const QString &mimeType, std::unique_ptr<QIODevice> device,
    const QString &name, const CancellationToken &token) const
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    const Backend *backend = FormatRegistry::instance().backendFor(type);
    if (!backend)
        return Status(StatusCode::Unsupported, Messages::tr("no backend reads %1").arg(mimeType));
    return backend->open(request(std::move(device), name, type), token, {});
}

OpenRequest NestedOpener::request(std::unique_ptr<QIODevice> device, const QString &name, const QMimeType &type) const
{
    OpenRequest request;
    request.device = std::move(device);
    request.fileName = name;
    request.password = m_password;
    request.limits = m_limits;
    request.options = m_renderOptions;
    request.mimeType = type;
    request.nested = NestedOpener(m_limits, m_renderOptions, m_password, m_depth + 1).withNameEncoding(m_nameEncoding);
    return request;
}

QString NestedOpener::familyForName(const QString &name)
{
    const QMimeType type = QMimeDatabase().mimeTypeForFile(QFileInfo(name).fileName(), QMimeDatabase::MatchExtension);
    const Backend *backend = FormatRegistry::instance().backendFor(type);
    return backend ? backend->id() : QString();
}

} // namespace folio
