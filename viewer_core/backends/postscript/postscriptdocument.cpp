// SPDX-License-Identifier: GPL-3.0-or-later
#include "postscriptdocument.h"

#include "chunkedio.h"
#include "detachedcall.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryFile>
#include <QXmlStreamReader>

#include <ghostscript/iapi.h>
#include <libspectre/spectre.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
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

// Ghostscript's standard output in the text child: straight to the pipe.
int GSDLLCALL writeOut(void *handle, const char *data, int length)
{
    return writeAll(*static_cast<int *>(handle), data, size_t(length)) ? length : -1;
}

int GSDLLCALL discard(void *, const char *, int length)
{
    return length;
}

// Runs in the forked child: Ghostscript's txtwrite device interprets the file up to page `to`
// (1-based) and writes the characters of pages `from` to `to` with their boxes (TextFormat=0) to
// `fd`, in tenths of a point on a page of `size` points.
void textChild(const char *path, int from, int to, QSizeF size, int fd)
{
    if (const quint64 used = addressSpace()) {
        const rlim_t cap = rlim_t(used + (quint64(512) << 20));
        const rlimit limit {cap, cap};
        ::setrlimit(RLIMIT_AS, &limit);
    }
    // txtwrite writes "-" to the process's standard output itself, not through the callbacks.
    ::dup2(fd, STDOUT_FILENO);
    if (const int null = ::open("/dev/null", O_WRONLY); null >= 0)
        ::dup2(null, STDERR_FILENO);
    void *instance = nullptr;
    if (gsapi_new_instance(&instance, nullptr) < 0)
        ::_exit(1);
    gsapi_set_stdio_with_handle(instance, nullptr, writeOut, discard, &fd);
    gsapi_set_arg_encoding(instance, GS_ARG_ENCODING_UTF8);
    char pageArgs[2][32];
    std::snprintf(pageArgs[0], sizeof pageArgs[0], "-dFirstPage=%d", from);
    std::snprintf(pageArgs[1], sizeof pageArgs[1], "-dLastPage=%d", to);
    char sizeArgs[2][48];
    std::snprintf(sizeArgs[0], sizeof sizeArgs[0], "-dDEVICEWIDTHPOINTS=%d", int(std::ceil(size.width())));
    std::snprintf(sizeArgs[1], sizeof sizeArgs[1], "-dDEVICEHEIGHTPOINTS=%d", int(std::ceil(size.height())));
    const char *arguments[]
        = {"gs", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dQUIET", "-sDEVICE=txtwrite", "-r720", "-dTextFormat=0",
            "-dFIXEDMEDIA", sizeArgs[0], sizeArgs[1], pageArgs[0], pageArgs[1], "-sOutputFile=-", "-f", path};
    gsapi_init_with_args(instance, int(std::size(arguments)), const_cast<char **>(arguments));
    gsapi_exit(instance);
    // _exit() does not flush the C library's buffers, where txtwrite's output waits.
    std::fflush(stdout);
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
            const Result<qint64> n = readSome(out, std::min<qint64>(size, 1 << 20), token);
            if (!n)
                return n.status();
            if (*n == 0)
                return Status(StatusCode::Corrupt, QString());
            out += *n;
            size -= *n;
        }
        return Status::ok();
    }

    // Reads until the child closes the pipe; fails with LimitExceeded past `max` bytes. Returns
    // early (failing) once `token` is cancelled: polled every 10 ms.
    Result<QByteArray> readToEnd(qint64 max, const CancellationToken &token) const
    {
        QByteArray data;
        char buffer[64 * 1024];
        for (;;) {
            const Result<qint64> n = readSome(buffer, sizeof buffer, token);
            if (!n)
                return n.status();
            if (*n == 0)
                return data;
            if (data.size() + *n > max)
                return Status(StatusCode::LimitExceeded, QString());
            data.append(buffer, *n);
        }
    }

private:
    // Waits for bytes, polling `token` every 10 ms, and reads up to `size` of them; 0 at the end
    // of the pipe.
    Result<qint64> readSome(char *out, qint64 size, const CancellationToken &token) const
    {
        for (;;) {
            if (token.isCancelled())
                return Status::fromToken(token);
            pollfd p {fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, 10);
            if (ready < 0 && errno != EINTR)
                return Status(StatusCode::IoError, QString());
            if (ready <= 0)
                continue;
            const ssize_t n = ::read(fd, out, size_t(size));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return Status(StatusCode::IoError, QString());
            return qint64(n);
        }
    }
};

// Forks a child that runs `work` with the write end of a pipe and exits; the parent keeps the
// read end in the ChildProcess, which kills the child when it goes.
Result<std::unique_ptr<ChildProcess>> startChild(const std::function<void(int fd)> &work)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return Status(StatusCode::IoError,
            PostScriptDocument::tr("Cannot start Ghostscript: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return Status(StatusCode::IoError,
            PostScriptDocument::tr("Cannot start Ghostscript: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (pid == 0) {
        ::close(fds[0]);
        work(fds[1]);
        ::_exit(0);
    }
    ::close(fds[1]);
    return std::make_unique<ChildProcess>(pid, fds[0]);
}

// Why a child was stopped: the caller's Cancel, or the time budget `limit` that ran out.
Status stoppedStatus(const CancellationToken &token, std::chrono::milliseconds limit)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    return Status(StatusCode::TimedOut,
        PostScriptDocument::tr("Ghostscript did not finish the PostScript program within %1 s (it may loop forever)")
            .arg(double(limit.count()) / 1000.0));
}

// A box in tenths of a point on the page as Ghostscript's device holds it (`device`, points),
// turned `rotation` degrees clockwise as the page is shown, in points.
QRectF shownRect(QRectF box, QSizeF device, int rotation)
{
    box = QRectF(box.x() / 10, box.y() / 10, box.width() / 10, box.height() / 10);
    const qreal w = device.width();
    const qreal h = device.height();
    switch (rotation) {
    case 90: // (x, y) → (h - y, x)
        return QRectF(h - box.bottom(), box.x(), box.height(), box.width());
    case 180:
        return QRectF(w - box.right(), h - box.bottom(), box.width(), box.height());
    case 270: // (x, y) → (y, w - x)
        return QRectF(box.y(), w - box.right(), box.height(), box.width());
    default:
        return box;
    }
}

// Words from txtwrite's characters (TextFormat=0: <page><span bbox="x0 y x1 y" size="pt"><char
// bbox="x0 y x1 y" c="X"/>...): a word ends at a space, at a gap wider than an eighth of the font
// size, or where the baseline moves (a new line). Ghostscript splits spans mid-word where a
// program kerns, so words are made across spans. Returns one list of boxes per <page>.
QList<QList<TextBox>> wordsOf(const QByteArray &xml, QSizeF device, int rotation, qsizetype maxBoxes)
{
    QList<QList<TextBox>> pages;
    QXmlStreamReader reader(QByteArrayLiteral("<text>") + xml + QByteArrayLiteral("</text>"));
    QList<TextBox> *boxes = nullptr;
    QString word;
    QRectF wordBox; // tenths of a point, top-left origin
    qreal baseline = 0, size = 0, fontSize = 0, lastRight = 0;
    const auto finish = [&](bool space) {
        if (word.isEmpty() || !boxes)
            return;
        if (boxes->size() < maxBoxes)
            boxes->append(TextBox {word, shownRect(wordBox, device, rotation), space, false});
        word.clear();
    };
    const auto endLine = [&] {
        finish(true);
        if (boxes && !boxes->isEmpty())
            boxes->last().lineEnd = true;
    };
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement) {
            if (reader.isEndElement() && reader.name() == QLatin1String("page"))
                endLine();
            continue;
        }
        const QStringView name = reader.name();
        if (name == QLatin1String("page")) {
            pages.append(QList<TextBox>());
            boxes = &pages.last();
            word.clear();
            baseline = -1e9;
        } else if (name == QLatin1String("span")) {
            fontSize = reader.attributes().value(QLatin1String("size")).toDouble() * 10;
        } else if (name == QLatin1String("char") && boxes) {
            const QList<QStringView> b
                = reader.attributes().value(QLatin1String("bbox")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (b.size() != 4)
                continue;
            const qreal x0 = b[0].toDouble(), y = b[1].toDouble(), x1 = b[2].toDouble();
            const QString c = reader.attributes().value(QLatin1String("c")).toString();
            const qreal em = fontSize > 0 ? fontSize : 100;
            if (std::abs(y - baseline) > 0.4 * std::max(em, size)) {
                endLine();
                baseline = y;
                size = em;
            } else if (!word.isEmpty() && x0 - lastRight > 0.12 * em) {
                finish(true);
            }
            lastRight = x1;
            if (c.trimmed().isEmpty()) {
                finish(true);
                continue;
            }
            const QRectF box(x0, y - 0.8 * em, std::max<qreal>(x1 - x0, 0), em);
            wordBox = word.isEmpty() ? box : wordBox.united(box);
            word += c;
        }
    }
    endLine();
    return pages;
}

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
    document->setCapabilities(Capability::Text | Capability::TextLayout);
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

    Result<std::unique_ptr<ChildProcess>> started = startChild([&](int fd) {
        renderChild(m_source->path.constData(), index, scale, rotation, target.height(), imageBytes, fd);
    });
    if (!started)
        return started.status();
    const ChildProcess &child = **started;

    CancellationSource budget(token);
    const std::chrono::milliseconds budgetTime = timeBudget();
    budget.cancelAfter(budgetTime);
    const CancellationToken limit = budget.token();
    const auto stopped = [&] { return stoppedStatus(token, budgetTime); };

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

// Text through Ghostscript's txtwrite device, in a child process like rendering. Ghostscript must
// interpret every page before the one asked for, so one run reads a run of up to TextPagesPerRun
// pages of the same size and turn, which are kept: find through a document costs a run per run of
// pages, not a run per page.
Result<QList<TextBox>> PostScriptDocument::doTextBoxes(int index, const CancellationToken &token)
{
    {
        std::lock_guard lock(m_textMutex);
        if (const auto found = m_text.constFind(index); found != m_text.cend())
            return *found;
    }
    const PageInfo &first = m_info.pages[index];
    int last = index;
    while (last + 1 < doPageCount() && last + 1 < index + TextPagesPerRun && m_info.pages[last + 1].size == first.size
        && m_info.pages[last + 1].rotation == first.rotation)
        ++last;
    // Ghostscript's device holds the page before its turn.
    const QSizeF device = first.rotation % 180 ? first.size.transposed() : first.size;
    const int from = index + 1;
    const int to = last + 1;
    Result<std::unique_ptr<ChildProcess>> started
        = startChild([&](int fd) { textChild(m_source->path.constData(), from, to, device, fd); });
    if (!started)
        return started.status();

    CancellationSource budget(token);
    const std::chrono::milliseconds budgetTime = timeBudget();
    budget.cancelAfter(budgetTime);
    const Result<QByteArray> xml = (*started)->readToEnd(MaxTextBytes, budget.token());
    if (budget.token().isCancelled())
        return stoppedStatus(token, budgetTime);
    if (!xml && xml.status().code() == StatusCode::LimitExceeded)
        return Status(StatusCode::LimitExceeded,
            tr("Pages %1 to %2 of the PostScript file have more than %3 MiB of text")
                .arg(from)
                .arg(to)
                .arg(MaxTextBytes >> 20));
    if (!xml)
        return Status(StatusCode::Corrupt, tr("Ghostscript stopped before giving the page's text"));
    const QList<QList<TextBox>> pages = wordsOf(*xml, device, first.rotation, MaxWordsPerPage);

    std::lock_guard lock(m_textMutex);
    // A page Ghostscript gave nothing for (a run that ended early) has no text.
    for (int i = index; i <= last; ++i)
        m_text.insert(i, i - index < pages.size() ? pages[i - index] : QList<TextBox>());
    return m_text.value(index);
}

Result<QString> PostScriptDocument::doText(int index, const CancellationToken &token)
{
    const Result<QList<TextBox>> boxes = doTextBoxes(index, token);
    if (!boxes)
        return boxes.status();
    QString text;
    for (const TextBox &box : *boxes)
        text += box.text + (box.lineEnd ? QStringLiteral("\n") : box.spaceAfter ? QStringLiteral(" ") : QString());
    return text;
}

} // namespace folio::postscript
