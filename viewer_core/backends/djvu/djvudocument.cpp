// SPDX-License-Identifier: GPL-3.0-or-later
#include "djvudocument.h"

#include <QPainter>

#include <libdjvu/ddjvuapi.h>
#include <libdjvu/miniexp.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <thread>

namespace folio::djvu {

namespace {

constexpr qint64 streamChunk = 1 << 20; // bytes handed to ddjvu between token polls
constexpr int bandRows = 128; // rows rendered between token polls
constexpr int maxOutlineDepth = 64;
constexpr int maxStoppedRetries = 20; // pages made again after a stopped decoding (doRender())
constexpr qsizetype maxLinksPerPage = 10000;
constexpr qsizetype maxPolygonPoints = 10000;
constexpr auto pollInterval = std::chrono::milliseconds(5);

} // namespace

// The ddjvu context and document, and the signal djvulibre's threads raise when they post a
// message. Only used under DjvuDocument::m_mutex, except `signal`, which has its own lock.
struct Session
{
    ddjvu_context_t *context = nullptr;
    ddjvu_document_t *document = nullptr;
    QString lastError; // the last error message ddjvu posted
    // Pages of cancelled renders whose decoding was stopped but may not have ended yet: releasing
    // such a page waits for djvulibre's decoding thread to finish its chunk (hundreds of
    // milliseconds for a big IW44 layer), so it is released later, once its decoding is done.
    QList<ddjvu_page_t *> abandoned;

    std::mutex signalMutex;
    std::condition_variable signal;
    bool posted = false;

    ~Session()
    {
        // djvulibre's threads may outlive the document by a little: they must not call back
        // into a freed Session.
        if (context)
            ddjvu_message_set_callback(context, nullptr, nullptr);
        for (ddjvu_page_t *page : std::as_const(abandoned))
            ddjvu_page_release(page);
        if (document)
            ddjvu_document_release(document);
        if (context)
            ddjvu_context_release(context);
    }

    // Called by ddjvu on any of its threads when a message is queued.
    static void onMessage(ddjvu_context_t *, void *closure)
    {
        auto *self = static_cast<Session *>(closure);
        {
            std::lock_guard lock(self->signalMutex);
            self->posted = true;
        }
        self->signal.notify_all();
    }

    // Handles the queued messages: errors are remembered, and requests for other files (an
    // indirect document's pages) are refused.
    // Releases the abandoned pages whose decoding has ended (cheap then).
    void releaseAbandoned()
    {
        for (qsizetype i = abandoned.size() - 1; i >= 0; --i) {
            if (ddjvu_page_decoding_done(abandoned[i])) {
                ddjvu_page_release(abandoned[i]);
                abandoned.removeAt(i);
            }
        }
    }

    void drain()
    {
        while (const ddjvu_message_t *message = ddjvu_message_peek(context)) {
            switch (message->m_any.tag) {
            case DDJVU_ERROR:
                if (message->m_error.message)
                    lastError = QString::fromUtf8(message->m_error.message);
                break;
            case DDJVU_NEWSTREAM:
                if (message->m_newstream.streamid != 0)
                    ddjvu_stream_close(document, message->m_newstream.streamid, 1);
                break;
            default:
                break;
            }
            ddjvu_message_pop(context);
        }
    }

    // Handles messages until `done()`, or until `token` is cancelled (then stops `job` if given).
    template<typename Done>
    Status waitFor(Done done, const CancellationToken &token, ddjvu_job_t *job = nullptr)
    {
        for (;;) {
            drain();
            if (done())
                return Status::ok();
            if (token.isCancelled()) {
                if (job)
                    ddjvu_job_stop(job);
                return Status::fromToken(token);
            }
            std::unique_lock lock(signalMutex);
            signal.wait_for(lock, pollInterval, [this] { return posted; });
            posted = false;
        }
    }

    // Waits for a miniexp ddjvu computes in the background (text, outline, annotations).
    Result<miniexp_t> waitForExpression(const std::function<miniexp_t()> &get, const CancellationToken &token)
    {
        miniexp_t result = get();
        const Status status = waitFor(
            [&] {
                if (result != miniexp_dummy)
                    return true;
                result = get();
                return result != miniexp_dummy;
            },
            token);
        if (!status)
            return status;
        return result;
    }
};

namespace {

QString symbolName(miniexp_t expression)
{
    return miniexp_symbolp(expression) ? QString::fromUtf8(miniexp_to_name(expression)) : QString();
}

QString stringValue(miniexp_t expression)
{
    return miniexp_stringp(expression) ? QString::fromUtf8(miniexp_to_str(expression)) : QString();
}

struct TextWalk
{
    QSize pixels; // the page before its rotation: DjVu's y axis goes up from its bottom
    int rotation = 0; // the page's initial rotation, counter-clockwise quarter turns
    double scale = 1; // points per pixel
    QList<TextBox> boxes;
};

// The walk of a page whose INFO chunk gives `turnedPixels` (page info's size, turned by the
// page's `rotation`) at `dpi`.
TextWalk walkOf(QSize turnedPixels, int rotation, int dpi)
{
    TextWalk walk;
    walk.rotation = rotation;
    walk.pixels = rotation % 2 ? turnedPixels.transposed() : turnedPixels;
    walk.scale = 72.0 / dpi;
    return walk;
}

// A zone's corners (DjVu's: bottom-left origin, before the page's rotation) as a rectangle in
// points on the page as shown (top-left origin, turned).
QRectF shownRect(const TextWalk &walk, int xMin, int yMin, int xMax, int yMax)
{
    const int w = walk.pixels.width();
    const int h = walk.pixels.height();
    const QRectF upright(xMin, h - yMax, xMax - xMin, yMax - yMin);
    QRectF turned;
    switch (walk.rotation) {
    case 1: // 90° counter-clockwise: (x, y) → (y, w - x)
        turned = QRectF(upright.y(), w - upright.right(), upright.height(), upright.width());
        break;
    case 2:
        turned = QRectF(w - upright.right(), h - upright.bottom(), upright.width(), upright.height());
        break;
    case 3: // 90° clockwise: (x, y) → (h - y, x)
        turned = QRectF(h - upright.bottom(), upright.x(), upright.height(), upright.width());
        break;
    default:
        turned = upright;
    }
    return QRectF(
        turned.x() * walk.scale, turned.y() * walk.scale, turned.width() * walk.scale, turned.height() * walk.scale);
}

// A zone is (type xmin ymin xmax ymax child...), each child a zone or, at the finest level, a
// string. Lines (and every coarser zone) end with a line break.
void walkZone(miniexp_t zone, TextWalk &walk, int depth)
{
    if (!miniexp_consp(zone) || depth > 16 || miniexp_length(zone) < 5)
        return;
    const QString type = symbolName(miniexp_car(zone));
    int coords[4];
    miniexp_t rest = miniexp_cdr(zone);
    for (int &coord : coords) {
        if (!miniexp_numberp(miniexp_car(rest)))
            return;
        coord = miniexp_to_int(miniexp_car(rest));
        rest = miniexp_cdr(rest);
    }
    for (; miniexp_consp(rest); rest = miniexp_cdr(rest)) {
        const miniexp_t child = miniexp_car(rest);
        if (miniexp_stringp(child)) {
            const QString text = stringValue(child).trimmed();
            if (text.isEmpty())
                continue;
            walk.boxes.append(TextBox {text, shownRect(walk, coords[0], coords[1], coords[2], coords[3]), true, false});
        } else {
            walkZone(child, walk, depth + 1);
        }
    }
    if (type != QLatin1String("word") && type != QLatin1String("char") && !walk.boxes.isEmpty())
        walk.boxes.last().lineEnd = true;
}

} // namespace

DjvuDocument::DjvuDocument(const Limits &limits)
    : Document(limits)
    , m_session(std::make_unique<Session>())
{ }

DjvuDocument::~DjvuDocument()
{
    std::lock_guard lock(m_mutex);
    m_session.reset();
}

Result<std::unique_ptr<Document>> DjvuDocument::open(QByteArray data, const QString &mimeType, const Limits &limits,
    const CancellationToken &token, const ProgressCallback &progress)
{
    std::unique_ptr<DjvuDocument> document(new DjvuDocument(limits));
    document->setFormat(QStringLiteral("djvu"), tr("DjVu document"), mimeType);
    if (Status status = document->load(std::move(data), token, progress); !status)
        return status;
    document->setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline | Capability::Links);
    return std::unique_ptr<Document>(std::move(document));
}

Status DjvuDocument::load(QByteArray data, const CancellationToken &token, const ProgressCallback &progress)
{
    std::lock_guard lock(m_mutex);
    Session &s = *m_session;
    s.context = ddjvu_context_create("folio");
    if (!s.context)
        return Status(StatusCode::IoError, tr("The DjVu library could not start"));
    // Nothing of djvulibre's own cache: pages are rendered once per request and Folio caches them.
    ddjvu_cache_set_size(s.context, 0);
    ddjvu_message_set_callback(s.context, &Session::onMessage, &s);
    s.document = ddjvu_document_create(s.context, nullptr, 0);
    if (!s.document)
        return Status(StatusCode::IoError, tr("The DjVu library could not start"));

    // Stream 0 is the file itself.
    for (qint64 offset = 0; offset < data.size(); offset += streamChunk) {
        if (token.isCancelled()) {
            ddjvu_stream_close(s.document, 0, 1);
            return Status::fromToken(token);
        }
        const qint64 length = std::min<qint64>(streamChunk, data.size() - offset);
        ddjvu_stream_write(s.document, 0, data.constData() + offset, static_cast<unsigned long>(length));
        s.drain();
    }
    ddjvu_stream_close(s.document, 0, 0);
    data = QByteArray();

    const Status decoded = s.waitFor([&] { return ddjvu_document_decoding_status(s.document) >= DDJVU_JOB_OK; }, token,
        ddjvu_document_job(s.document));
    if (!decoded)
        return decoded;
    const QString detail = s.lastError.isEmpty() ? QString() : QStringLiteral(": ") + s.lastError;
    if (ddjvu_document_decoding_status(s.document) != DDJVU_JOB_OK)
        return Status(StatusCode::Corrupt, tr("The DjVu file is damaged or truncated%1").arg(detail));
    if (ddjvu_document_get_type(s.document) == DDJVU_DOCTYPE_INDIRECT
        || ddjvu_document_get_type(s.document) == DDJVU_DOCTYPE_OLD_INDEXED)
        return Status(StatusCode::Unsupported,
            tr("The DjVu document keeps its pages in other files; only bundled documents are read"));

    const int count = ddjvu_document_get_pagenum(s.document);
    if (count <= 0)
        return Status(StatusCode::Corrupt, tr("The DjVu file has no pages%1").arg(detail));
    if (count > limits().maxPageCount)
        return Status(StatusCode::LimitExceeded,
            tr("The document has %1 pages, over the limit of %2").arg(count).arg(limits().maxPageCount));

    for (int page = 0; page < count; ++page) {
        ddjvu_pageinfo_t info {};
        ddjvu_status_t status = DDJVU_JOB_NOTSTARTED;
        const Status waited = s.waitFor(
            [&] {
                status = ddjvu_document_get_pageinfo(s.document, page, &info);
                return status >= DDJVU_JOB_OK;
            },
            token);
        if (!waited)
            return waited;
        if (status != DDJVU_JOB_OK || info.width <= 0 || info.height <= 0) {
            const QString reason = s.lastError.isEmpty() ? QString() : QStringLiteral(": ") + s.lastError;
            return Status(StatusCode::Corrupt, tr("Page %1 of the DjVu file is damaged%2").arg(page + 1).arg(reason));
        }
        // INFO stores 16-bit sizes, so no page is over 65535 pixels a side; the megapixel limit
        // refuses what djvulibre would otherwise allocate in full when decoding it.
        if (qint64(info.width) * info.height > limits().maxImagePixels())
            return Status(StatusCode::LimitExceeded,
                tr("Page %1 claims %2×%3 pixels, over the limit of %4 megapixels")
                    .arg(page + 1)
                    .arg(info.width)
                    .arg(info.height)
                    .arg(limits().maxImageMegapixels));
        // Plausible resolutions only; DjVu's default is 300 dpi.
        const int dpi = info.dpi >= 25 && info.dpi <= 6000 ? info.dpi : 300;
        m_pixelSizes.append(QSize(info.width, info.height));
        m_dpi.append(dpi);
        m_rotations.append(info.rotation & 3);
        m_pageSizes.append(QSizeF(info.width * 72.0 / dpi, info.height * 72.0 / dpi));
        if (progress)
            progress(page + 1, count);
    }
    readMetadata(token);
    return Status::ok();
}

// The document's metadata annotations (djvused set-meta), keys as the file names them with the
// first letter capitalised: "Title", "Author", ... Missing metadata is no error.
void DjvuDocument::readMetadata(const CancellationToken &token)
{
    Session &s = *m_session;
    const Result<miniexp_t> anno = s.waitForExpression([&] { return ddjvu_document_get_anno(s.document, 1); }, token);
    if (!anno || *anno == miniexp_nil || !miniexp_consp(*anno))
        return;
    if (miniexp_t *keys = ddjvu_anno_get_metadata_keys(*anno)) {
        for (miniexp_t *key = keys; *key; ++key) {
            const char *value = ddjvu_anno_get_metadata(*anno, *key);
            QString name = symbolName(*key);
            if (!value || name.isEmpty())
                continue;
            name[0] = name[0].toUpper();
            m_metadata.append({name, QString::fromUtf8(value)});
        }
        std::free(keys);
    }
    ddjvu_miniexp_release(s.document, *anno);
}

Result<QImage> DjvuDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    const QSize size = renderSize(index, request);
    if (token.isCancelled())
        return Status::fromToken(token);
    // Not filled here: ddjvu writes every pixel of each band, and filling a big page at once
    // would keep Cancel waiting. Only a page with nothing to draw gets the background.
    QImage image(size, QImage::Format_RGB32);
    if (image.isNull())
        return image;

    std::lock_guard lock(m_mutex);
    Session &s = *m_session;
    s.lastError.clear();
    s.releaseAbandoned();
    // A page whose decoding an earlier, cancelled call stopped may still be winding down: a page
    // made now joins that decoding and ends stopped too. Such a page is made again once the stop
    // is over (a few attempts, the token polled in between), and then decodes afresh.
    ddjvu_page_t *page = nullptr;
    for (int attempt = 0;; ++attempt) {
        page = ddjvu_page_create_by_pageno(s.document, index);
        if (!page)
            return Status(StatusCode::Corrupt, tr("Page %1 of the DjVu file could not be read").arg(index + 1));
        const Status decoded = s.waitFor([&] { return ddjvu_page_decoding_done(page); }, token, ddjvu_page_job(page));
        if (!decoded) {
            // Stopped, perhaps still winding down: released later (releaseAbandoned()), so that
            // Cancel returns now.
            s.abandoned.append(page);
            return decoded;
        }
        if (ddjvu_page_decoding_status(page) != DDJVU_JOB_STOPPED || attempt == maxStoppedRetries)
            break;
        ddjvu_page_release(page);
        if (token.isCancelled())
            return Status::fromToken(token);
        std::this_thread::sleep_for(pollInterval);
        // A stopped page still held keeps its decoding stopped for the next one.
        s.releaseAbandoned();
    }
    const auto releasePage = qScopeGuard([page] { ddjvu_page_release(page); });
    if (ddjvu_page_decoding_status(page) != DDJVU_JOB_OK)
        return Status(StatusCode::Corrupt,
            tr("Page %1 of the DjVu file is damaged%2")
                .arg(index + 1)
                .arg(s.lastError.isEmpty() ? QString() : QStringLiteral(": ") + s.lastError));
    // The page turned as its INFO chunk says (the size page info gives); Document::render()
    // applies the request's rotation on top.
    ddjvu_page_set_rotation(page, ddjvu_page_get_initial_rotation(page));

    unsigned int masks[4] = {0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000};
    ddjvu_format_t *format = ddjvu_format_create(DDJVU_FORMAT_RGBMASK32, 4, masks);
    if (!format)
        return Status(StatusCode::IoError, tr("The DjVu library could not start"));
    const auto releaseFormat = qScopeGuard([format] { ddjvu_format_release(format); });
    ddjvu_format_set_row_order(format, 1);
    ddjvu_format_set_y_direction(format, 1);

    const ddjvu_rect_t pageRect {0, 0, unsigned(size.width()), unsigned(size.height())};
    for (int y = 0; y < size.height(); y += bandRows) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const ddjvu_rect_t band {0, y, unsigned(size.width()), unsigned(std::min(bandRows, size.height() - y))};
        // False when the page has nothing to draw (an empty page): the rest is the background.
        if (!ddjvu_page_render(page, DDJVU_RENDER_COLOR, &pageRect, &band, format, unsigned(image.bytesPerLine()),
                reinterpret_cast<char *>(image.scanLine(y)))) {
            QPainter painter(&image);
            painter.fillRect(QRect(0, y, size.width(), size.height() - y), request.background);
            break;
        }
    }
    return image;
}

Result<QList<TextBox>> DjvuDocument::doTextBoxes(int index, const CancellationToken &token)
{
    std::lock_guard lock(m_mutex);
    Session &s = *m_session;
    const Result<miniexp_t> text
        = s.waitForExpression([&] { return ddjvu_document_get_pagetext(s.document, index, "word"); }, token);
    if (!text)
        return text.status();
    TextWalk walk = walkOf(m_pixelSizes[index], m_rotations[index], m_dpi[index]);
    walkZone(*text, walk, 0);
    ddjvu_miniexp_release(s.document, *text);
    return walk.boxes;
}

Result<QString> DjvuDocument::doText(int index, const CancellationToken &token)
{
    const Result<QList<TextBox>> boxes = doTextBoxes(index, token);
    if (!boxes)
        return boxes.status();
    QString text;
    for (const TextBox &box : *boxes)
        text += box.text + (box.lineEnd ? QStringLiteral("\n") : QStringLiteral(" "));
    return text;
}

Result<QList<OutlineItem>> DjvuDocument::doOutline(const CancellationToken &token)
{
    std::lock_guard lock(m_mutex);
    Session &s = *m_session;
    const Result<miniexp_t> outline
        = s.waitForExpression([&] { return ddjvu_document_get_outline(s.document); }, token);
    if (!outline)
        return outline.status();
    const auto release = qScopeGuard([&] { ddjvu_miniexp_release(s.document, *outline); });
    if (!miniexp_consp(*outline) || symbolName(miniexp_car(*outline)) != QLatin1String("bookmarks"))
        return QList<OutlineItem>();

    const auto target = [&](const QString &url) { return pageTarget(s, url, -1); };

    // Each entry is (title url child...).
    std::function<QList<OutlineItem>(miniexp_t, int)> entries = [&](miniexp_t list, int depth) {
        QList<OutlineItem> items;
        if (depth > maxOutlineDepth)
            return items;
        for (; miniexp_consp(list); list = miniexp_cdr(list)) {
            const miniexp_t entry = miniexp_car(list);
            if (!miniexp_consp(entry) || !miniexp_stringp(miniexp_car(entry)))
                continue;
            OutlineItem item;
            item.title = stringValue(miniexp_car(entry)).simplified();
            const miniexp_t rest = miniexp_cdr(entry);
            item.page = target(stringValue(miniexp_car(rest)));
            item.children = entries(miniexp_cdr(rest), depth + 1);
            items.append(item);
        }
        return items;
    };
    return entries(miniexp_cdr(*outline), 0);
}

int DjvuDocument::pageTarget(Session &s, const QString &url, int from)
{
    if (!url.startsWith(QLatin1Char('#')))
        return -1;
    const QString name = url.mid(1);
    const int pages = doPageCount();
    bool isNumber = false;
    const int number = name.toInt(&isNumber);
    if (isNumber) {
        // "#+1" and "#-1" count from the page the link is on (djvused's relative links).
        const int page = (name.startsWith(QLatin1Char('+')) || name.startsWith(QLatin1Char('-'))) && from >= 0
            ? from + number
            : number - 1;
        return page >= 0 && page < pages ? page : -1;
    }
    // Pages named by their file's id, name or title ("#chapter1.djvu"), gathered once.
    if (!m_pageNames) {
        m_pageNames.emplace();
        const int files = ddjvu_document_get_filenum(s.document);
        for (int i = 0; i < files; ++i) {
            ddjvu_fileinfo_t info {};
            if (ddjvu_document_get_fileinfo(s.document, i, &info) != DDJVU_JOB_OK || info.type != 'P')
                continue;
            for (const char *fileName : {info.id, info.name, info.title})
                if (fileName && *fileName && info.pageno >= 0 && info.pageno < pages)
                    m_pageNames->insert(QString::fromUtf8(fileName), info.pageno);
        }
    }
    return m_pageNames->value(name, -1);
}

// A page's hyperlinks: the annotation's (maparea URL COMMENT AREA ...) entries. URL is a string or
// (url URL TARGET); AREA is (rect x y w h), (oval x y w h), (text x y w h), (poly x1 y1 x2 y2 ...)
// or (line x1 y1 x2 y2), in the page's pixels from its bottom-left corner before its rotation.
Result<QList<Link>> DjvuDocument::doLinks(int index, const CancellationToken &token)
{
    std::lock_guard lock(m_mutex);
    Session &s = *m_session;
    const Result<miniexp_t> anno
        = s.waitForExpression([&] { return ddjvu_document_get_pageanno(s.document, index); }, token);
    if (!anno)
        return anno.status();
    QList<Link> links;
    if (*anno == miniexp_nil || !miniexp_consp(*anno))
        return links;
    const auto release = qScopeGuard([&] { ddjvu_miniexp_release(s.document, *anno); });
    miniexp_t *areas = ddjvu_anno_get_hyperlinks(*anno);
    if (!areas)
        return links;
    const auto freeAreas = qScopeGuard([areas] { free(areas); });

    const TextWalk walk = walkOf(m_pixelSizes[index], m_rotations[index], m_dpi[index]);
    for (miniexp_t *area = areas; *area && links.size() < maxLinksPerPage; ++area) {
        // (maparea URL COMMENT AREA ...)
        miniexp_t rest = miniexp_cdr(*area);
        const miniexp_t url = miniexp_car(rest);
        const QString address = miniexp_stringp(url) ? stringValue(url)
            : miniexp_consp(url) && symbolName(miniexp_car(url)) == QLatin1String("url")
            ? stringValue(miniexp_cadr(url))
            : QString();
        rest = miniexp_cdr(rest);
        const QString comment = stringValue(miniexp_car(rest));
        const miniexp_t shape = miniexp_cadr(rest);
        if (address.isEmpty() || !miniexp_consp(shape))
            continue;
        // The shape's bounding box.
        QList<int> numbers;
        for (miniexp_t n = miniexp_cdr(shape); miniexp_consp(n) && numbers.size() < 2 * maxPolygonPoints;
             n = miniexp_cdr(n)) {
            if (!miniexp_numberp(miniexp_car(n)))
                break;
            numbers.append(miniexp_to_int(miniexp_car(n)));
        }
        const QString kind = symbolName(miniexp_car(shape));
        int xMin = 0, yMin = 0, xMax = 0, yMax = 0;
        if (kind == QLatin1String("rect") || kind == QLatin1String("oval") || kind == QLatin1String("text")) {
            if (numbers.size() != 4 || numbers[2] <= 0 || numbers[3] <= 0)
                continue;
            xMin = numbers[0];
            yMin = numbers[1];
            xMax = numbers[0] + numbers[2];
            yMax = numbers[1] + numbers[3];
        } else if (kind == QLatin1String("poly") || kind == QLatin1String("line")) {
            if (numbers.size() < 4 || numbers.size() % 2)
                continue;
            xMin = xMax = numbers[0];
            yMin = yMax = numbers[1];
            for (qsizetype i = 2; i + 1 < numbers.size(); i += 2) {
                xMin = std::min(xMin, numbers[i]);
                xMax = std::max(xMax, numbers[i]);
                yMin = std::min(yMin, numbers[i + 1]);
                yMax = std::max(yMax, numbers[i + 1]);
            }
        } else {
            continue;
        }
        Link link;
        link.rect = shownRect(walk, xMin, yMin, xMax, yMax);
        link.tooltip = comment;
        if (address.startsWith(QLatin1Char('#'))) {
            link.kind = Link::Kind::GoTo;
            link.page = pageTarget(s, address, index);
            if (link.page < 0)
                continue;
        } else {
            link.kind = Link::Kind::Uri;
            link.uri = address;
        }
        links.append(link);
    }
    return links;
}

} // namespace folio::djvu
