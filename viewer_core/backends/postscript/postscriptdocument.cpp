// SPDX-License-Identifier: GPL-3.0-or-later
#include "postscriptdocument.h"

#include "chunkedio.h"
#include "detachedcall.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryFile>

#include <libspectre/spectre.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace folio::postscript {

// The file libspectre reads (it takes a path only): a private temporary copy, so the bytes
// Ghostscript sees are the ones that were recognised, whatever happens to the original. Shared
// with detached calls, which may outlive the document.
struct PostScriptDocument::Source
{
    QTemporaryFile file;
    QByteArray path; // in the local 8-bit encoding libspectre's fopen() expects
};

namespace {

// How long one Ghostscript run (a page) may take before it is stopped with TimedOut: generous
// for a heavy page of a real document, finite for `{} loop`.
std::atomic<qint64> budgetMs {30'000};
// libspectre's DSC scanner (ps.c) is not thread-safe; the scan reads the file and ends.
std::mutex &scanMutex()
{
    static std::mutex mutex;
    return mutex;
}

struct DocumentDeleter
{
    void operator()(SpectreDocument *document) const { spectre_document_free(document); }
};
struct PageDeleter
{
    void operator()(SpectrePage *page) const { spectre_page_free(page); }
};
using DocumentPtr = std::unique_ptr<SpectreDocument, DocumentDeleter>;
using PagePtr = std::unique_ptr<SpectrePage, PageDeleter>;

QString statusText(SpectreStatus status)
{
    return QString::fromUtf8(spectre_status_to_string(status));
}

// Opens `source` with its own SpectreDocument: one per call, never shared between threads.
Result<DocumentPtr> load(const PostScriptDocument::Source &source)
{
    DocumentPtr document(spectre_document_new());
    if (!document)
        return Status(StatusCode::IoError, PostScriptDocument::tr("libspectre could not start"));
    {
        std::lock_guard lock(scanMutex());
        spectre_document_load(document.get(), source.path.constData());
    }
    if (const SpectreStatus status = spectre_document_status(document.get()); status != SPECTRE_STATUS_SUCCESS)
        return Status(StatusCode::Corrupt,
            PostScriptDocument::tr("Not a PostScript file libspectre can read (%1)").arg(statusText(status)));
    return document;
}

int rotationOf(SpectreOrientation orientation)
{
    switch (orientation) {
    case SPECTRE_ORIENTATION_LANDSCAPE:
        return 90;
    case SPECTRE_ORIENTATION_REVERSE_PORTRAIT:
        return 180;
    case SPECTRE_ORIENTATION_REVERSE_LANDSCAPE:
        return 270;
    case SPECTRE_ORIENTATION_PORTRAIT:
        break;
    }
    return 0;
}

QString dscText(const char *value)
{
    // DSC comments are Latin-1 in practice; a PostScript string in parentheses is unwrapped.
    QString text = QString::fromLatin1(value ? value : "").trimmed();
    if (text.size() >= 2 && text.startsWith(u'(') && text.endsWith(u')'))
        text = text.mid(1, text.size() - 2);
    return text;
}

// %%CreationDate is free text; the common ctime() form ("Mon Dec  7 21:21:22 2026") becomes
// ISO 8601, anything else is kept as written.
QString dscDate(const char *value)
{
    const QString text = dscText(value).simplified();
    for (const QString &format : {QStringLiteral("ddd MMM d HH:mm:ss yyyy"), QStringLiteral("yyyy-MM-dd HH:mm:ss")}) {
        const QDateTime date = QLocale::c().toDateTime(text, format);
        if (date.isValid())
            return date.toString(Qt::ISODate);
    }
    return text;
}

Result<PostScriptDocument::Info> scan(const PostScriptDocument::Source &source, const Limits &limits)
{
    Result<DocumentPtr> loaded = load(source);
    if (!loaded)
        return loaded.status();
    SpectreDocument *document = loaded.value().get();
    const unsigned int count = spectre_document_get_n_pages(document);
    if (count == 0)
        return Status(StatusCode::Corrupt, PostScriptDocument::tr("The PostScript file has no pages"));
    if (count > unsigned(limits.maxPageCount))
        return Status(StatusCode::LimitExceeded,
            PostScriptDocument::tr("The PostScript file has %1 pages, over the limit of %2")
                .arg(count)
                .arg(limits.maxPageCount));
    PostScriptDocument::Info info;
    info.pages.reserve(count);
    for (unsigned int i = 0; i < count; ++i) {
        PagePtr page(spectre_document_get_page(document, i));
        if (!page)
            return Status(StatusCode::Corrupt, PostScriptDocument::tr("Page %1 cannot be read").arg(i + 1));
        int width = 0;
        int height = 0;
        spectre_page_get_size(page.get(), &width, &height);
        if (width <= 0 || height <= 0) {
            width = 612; // no size anywhere in the file: Ghostscript's default, US Letter
            height = 792;
        }
        PostScriptDocument::PageInfo pageInfo;
        pageInfo.rotation = rotationOf(spectre_page_get_orientation(page.get()));
        pageInfo.size = pageInfo.rotation % 180 ? QSizeF(height, width) : QSizeF(width, height);
        pageInfo.label = dscText(spectre_page_get_label(page.get()));
        info.pages.append(pageInfo);
    }
    const auto add = [&info](const QString &key, const QString &value) {
        if (!value.isEmpty())
            info.metadata.append({key, value});
    };
    add(QStringLiteral("Title"), dscText(spectre_document_get_title(document)));
    add(QStringLiteral("Creator"), dscText(spectre_document_get_creator(document)));
    add(QStringLiteral("CreationDate"), dscDate(spectre_document_get_creation_date(document)));
    add(QStringLiteral("For"), dscText(spectre_document_get_for(document)));
    // The DSC version line ("PS-Adobe-3.0", "PS-Adobe-3.0 EPSF-3.0").
    add(QStringLiteral("DSC"), dscText(spectre_document_get_format(document)));
    if (const unsigned int level = spectre_document_get_language_level(document))
        add(QStringLiteral("LanguageLevel"), QString::number(level));
    return info;
}

// Runs `work` (libspectre's DSC scan) detached under the time budget.
template<typename T>
Result<T> runDetached(std::function<Result<T>()> work, const CancellationToken &token)
{
    CancellationSource budget(token);
    const std::chrono::milliseconds limit = PostScriptDocument::timeBudget();
    budget.cancelAfter(limit);
    Result<T> result = callDetached<T>(std::move(work), budget.token());
    if (!result && !token.isCancelled() && budget.isCancelled())
        return Status(StatusCode::TimedOut,
            PostScriptDocument::tr("libspectre did not finish reading the PostScript file's DSC comments within %1 s")
                .arg(double(limit.count()) / 1000.0));
    return result;
}

// What the render child writes before the pixels.
struct ChildHeader
{
    int status = SPECTRE_STATUS_RENDER_ERROR;
    int rowLength = 0;
};

bool writeAll(int fd, const void *data, size_t size)
{
    const auto *bytes = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, bytes, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes += n;
        size -= size_t(n);
    }
    return true;
}

// The child's current address space in bytes (from /proc, without allocating), 0 if unknown.
quint64 addressSpace()
{
    const int fd = ::open("/proc/self/statm", O_RDONLY);
    if (fd < 0)
        return 0;
    char text[64] = {};
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    quint64 pages = 0;
    for (ssize_t i = 0; i < n && text[i] >= '0' && text[i] <= '9'; ++i)
        pages = pages * 10 + quint64(text[i] - '0');
    return pages * quint64(::sysconf(_SC_PAGESIZE));
}

// Runs in the forked child: no Qt, no locks another thread may have held.
void renderChild(const char *path, int index, double scale, int rotation, int rows, qint64 imageBytes, int fd)
{
    // Memory: what the process already maps, the page's pixels twice (Ghostscript's buffer and
    // libspectre's copy) and 512 MiB for Ghostscript itself.
    if (const quint64 used = addressSpace()) {
        const rlim_t cap = rlim_t(used + 2 * quint64(imageBytes) + (quint64(512) << 20));
        const rlimit limit {cap, cap};
        ::setrlimit(RLIMIT_AS, &limit);
    }
    ChildHeader header;
    SpectreDocument *document = spectre_document_new();
    spectre_document_load(document, path);
    SpectrePage *page = spectre_document_status(document) == SPECTRE_STATUS_SUCCESS
        ? spectre_document_get_page(document, unsigned(index))
        : nullptr;
    SpectreRenderContext *context = spectre_render_context_new();
    unsigned char *data = nullptr;
    if (page && context) {
        spectre_render_context_set_scale(context, scale, scale);
        spectre_render_context_set_rotation(context, unsigned(rotation));
        // Ghostscript interprets the prolog, the setup and this page's PostScript here.
        spectre_page_render(page, context, &data, &header.rowLength);
        header.status = spectre_page_status(page);
    }
    if (header.status == SPECTRE_STATUS_SUCCESS && (!data || header.rowLength <= 0))
        header.status = SPECTRE_STATUS_RENDER_ERROR;
    if (writeAll(fd, &header, sizeof header) && header.status == SPECTRE_STATUS_SUCCESS)
        writeAll(fd, data, size_t(header.rowLength) * size_t(rows));
    ::_exit(0);
}

// The parent's end of a render child: reads its pipe polling a token, kills and reaps it.
struct ChildProcess
{
    pid_t pid = -1;
    int fd = -1;

    ChildProcess(pid_t p, int f)
        : pid(p)
        , fd(f)
    { }
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;
    ~ChildProcess()
    {
        ::close(fd);
        // Done or not, it goes: a child still in Ghostscript is killed, never waited for.
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) { }
    }

    // Reads exactly `size` bytes; fails at the end of the pipe. Returns early (failing) once
    // `token` is cancelled: polled every 10 ms.
    Status read(char *out, qint64 size, const CancellationToken &token) const
    {
        while (size > 0) {
            if (token.isCancelled())
                return Status::fromToken(token);
            pollfd p {fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, 10);
            if (ready < 0 && errno != EINTR)
                return Status(StatusCode::IoError, QString());
            if (ready <= 0)
                continue;
            const ssize_t n = ::read(fd, out, size_t(std::min<qint64>(size, 1 << 20)));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return Status(StatusCode::Corrupt, QString());
            out += n;
            size -= n;
        }
        return Status::ok();
    }
};

} // namespace

void PostScriptDocument::setTimeBudget(std::chrono::milliseconds budget)
{
    budgetMs.store(std::max<qint64>(1, budget.count()));
}

std::chrono::milliseconds PostScriptDocument::timeBudget()
{
    return std::chrono::milliseconds(budgetMs.load());
}

PostScriptDocument::PostScriptDocument(std::shared_ptr<const Source> source, Info info, const Limits &limits)
    : Document(limits)
    , m_source(std::move(source))
    , m_info(std::move(info))
{ }

Result<std::unique_ptr<Document>> PostScriptDocument::open(OpenRequest request, const CancellationToken &token)
{
    Result<QByteArray> data = readAll(*request.device, request.limits.maxInMemoryBytes, token);
    if (!data)
        return data.status();
    auto source = std::make_shared<Source>();
    source->file.setFileTemplate(QDir::tempPath() + QStringLiteral("/folio-XXXXXX.ps"));
    if (!source->file.open() || source->file.write(data.value()) != data.value().size() || !source->file.flush())
        return Status(StatusCode::IoError,
            tr("Cannot write a temporary copy for Ghostscript: %1").arg(source->file.errorString()));
    source->path = QFile::encodeName(source->file.fileName());
    const std::shared_ptr<const Source> shared = source;
    const Limits limits = request.limits;
    Result<Info> info = runDetached<Info>([shared, limits] { return scan(*shared, limits); }, token);
    if (!info)
        return info.status();
    std::unique_ptr<PostScriptDocument> document(new PostScriptDocument(shared, std::move(info).value(), limits));
    const QString type
        = request.mimeType.isValid() ? request.mimeType.name() : QStringLiteral("application/postscript");
    document->setFormat(QStringLiteral("postscript"),
        type == QStringLiteral("image/x-eps") ? tr("EPS image") : tr("PostScript document"), type);
    return std::unique_ptr<Document>(std::move(document));
}

// Renders in a child process: Ghostscript cannot be stopped from outside a thread, but a process
// can be killed. The child (fork() of this process; glibc keeps malloc usable in it) loads the
// file with its own SpectreDocument, renders with its address space bounded, writes a header and
// the pixels to a pipe and exits; it touches nothing of Qt. This thread polls the token between
// reads, every few milliseconds, and kills the child on Cancel or when the time budget ends.
Result<QImage> PostScriptDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    const QSize target = renderSize(index, request);
    const double scale = request.dpi / 72.0;
    const int rotation = m_info.pages[index].rotation;
    const qint64 imageBytes = qint64(target.width()) * target.height() * 4;

    int fds[2];
    if (::pipe(fds) != 0)
        return Status(
            StatusCode::IoError, tr("Cannot start Ghostscript: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return Status(
            StatusCode::IoError, tr("Cannot start Ghostscript: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (pid == 0) {
        ::close(fds[0]);
        renderChild(m_source->path.constData(), index, scale, rotation, target.height(), imageBytes, fds[1]);
        ::_exit(0);
    }
    ::close(fds[1]);
    ChildProcess child {pid, fds[0]};

    CancellationSource budget(token);
    const std::chrono::milliseconds budgetTime = timeBudget();
    budget.cancelAfter(budgetTime);
    const CancellationToken limit = budget.token();
    const auto stopped = [&]() -> Status {
        if (token.isCancelled())
            return Status::fromToken(token);
        return Status(StatusCode::TimedOut,
            tr("Ghostscript did not finish the PostScript program within %1 s (it may loop forever)")
                .arg(double(budgetTime.count()) / 1000.0));
    };

    ChildHeader header;
    Status s = child.read(reinterpret_cast<char *>(&header), sizeof header, limit);
    if (limit.isCancelled())
        return stopped();
    if (!s)
        return Status(StatusCode::Corrupt, tr("Ghostscript stopped without rendering the page"));
    if (header.status != SPECTRE_STATUS_SUCCESS)
        return Status(StatusCode::Corrupt,
            tr("Ghostscript could not render the page (%1)").arg(statusText(SpectreStatus(header.status))));
    if (header.rowLength < target.width() * 4
        || qint64(header.rowLength) * target.height() > 2 * imageBytes + (1 << 20))
        return Status(StatusCode::Corrupt, tr("Ghostscript rendered the page at an unexpected size"));

    QImage image(target, QImage::Format_RGB32);
    if (image.isNull())
        return Status(StatusCode::LimitExceeded,
            tr("Not enough memory for a page of %1 × %2 pixels").arg(target.width()).arg(target.height()));
    QByteArray row(header.rowLength, Qt::Uninitialized);
    for (int y = 0; y < target.height(); ++y) {
        s = child.read(row.data(), row.size(), limit);
        if (limit.isCancelled())
            return stopped();
        if (!s)
            return Status(StatusCode::Corrupt, tr("Ghostscript stopped in the middle of the page"));
        // 32-bit pixels, B, G, R and an unused byte in memory: made opaque.
        const auto *in = reinterpret_cast<const quint32 *>(row.constData());
        auto *out = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < target.width(); ++x)
            out[x] = in[x] | 0xff000000u;
    }
    return image;
}

} // namespace folio::postscript
