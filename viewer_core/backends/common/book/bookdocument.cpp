// SPDX-License-Identifier: GPL-3.0-or-later
#include "bookdocument.h"

#include "backends/common/text/picturerecorder.h"

#include "backends/common/text/textdocumentpages.h"
#include "backends/common/text/textpage.h"
#include "booklogging.h"
#include "fonts.h"
#include "xhtmlconverter.h"

#include <QAbstractTextDocumentLayout>

#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>

namespace folio::book {

namespace {

constexpr int LayoutStep = 16; // blocks laid out between two looks at the token
constexpr qint64 MaxStyleSheetBytes = 4LL << 20;

// Appends HTML as new blocks. insertHtml() merges the fragment's first block into the block at
// the cursor, losing its format (a heading would become a paragraph): insert a throw-away
// paragraph first and remove it afterwards.
void appendHtml(QTextDocument &document, const QString &html)
{
    QTextCursor cursor(&document);
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    const int start = cursor.position();
    cursor.insertHtml(QLatin1String("<p>&nbsp;</p>") + html);
    QTextCursor placeholder(&document);
    placeholder.setPosition(start);
    placeholder.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor);
    placeholder.removeSelectedText();
}

// A chapter starts on a new page anyway: a page break before its first block would leave the
// first page empty.
void dropLeadingPageBreak(QTextDocument &document)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) {
            format.setPageBreakPolicy(format.pageBreakPolicy() & ~QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).setBlockFormat(format);
        }
        if (!block.text().trimmed().isEmpty())
            break;
    }
}

// Pages of the ids in a chapter: QTextDocument keeps them as anchor names on the text after them.
QHash<QString, int> anchorPages(const QTextDocument &document, int pageCount)
{
    QHash<QString, int> pages;
    for (const auto &[name, position] : text::anchorNamePositions(document)) {
        if (!pages.contains(name)) // the first of duplicate ids, as browsers do
            pages.insert(name,
                std::min(pageCount - 1, text::pageOfPosition(document, position, BookDocument::ContentSize.height())));
    }
    return pages;
}

QString noteHtml(const QString &message)
{
    return QLatin1String("<p style=\"color: #806000\"><i>[") + message.toHtmlEscaped() + QLatin1String("]</i></p>");
}

} // namespace

void ChapterDocument::beginDrawing(double dpi, const CancellationToken *token)
{
    m_dpi = dpi;
    m_token = token;
}

void ChapterDocument::endDrawing()
{
    m_dpi = 0;
    m_token = nullptr;
}

QVariant ChapterDocument::loadResource(int type, const QUrl &name)
{
    // Not QTextDocument::loadResource(): it would read files and cache every decoded picture.
    if (type != QTextDocument::ImageResource)
        return {};
    const QString path = XhtmlConverter::pathOfImageUrl(name);
    if (m_dpi <= 0 || path.isEmpty() || !m_token) {
        static const QImage standIn = [] {
            QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            return image;
        }();
        return path.isEmpty() ? ImageStore::placeholder() : standIn;
    }
    return m_images.image(path, m_dpi, *m_token);
}

BookDocument::BookDocument(const Limits &limits, std::unique_ptr<Book> book)
    : Document(limits)
    , m_book(std::move(book))
    , m_pointDevice(text::makePointDevice())
{
    m_font = fonts::font(fonts::Role::Sans, FontSize);
    // No optional ligatures: exported PDFs keep every letter searchable (see FlowDocument).
    m_font.setStyleStrategy(QFont::PreferNoShaping);
    m_lengthScale = text::formatLengthScale(&m_pointDevice);
    m_styleContext.baseFontSize = FontSize;
    m_styleContext.pixelsPerPoint = 1 / m_lengthScale;
    m_styleContext.textWidth = ContentSize.width();
    m_styles = std::make_unique<StyleSheetFilter>(m_styleContext,
        [book = m_book.get()](const QString &base, const QString &href) { return book->resolve(base, href); });
    // A picture as tall as the text area would not fit on its line: leave room for the line's descent.
    const QSizeF pictureBox(ContentSize.width(), ContentSize.height() - 2 * FontSize);
    m_images = std::make_unique<ImageStore>(*m_book, pictureBox, 1 / m_lengthScale);
}

BookDocument::~BookDocument() = default;

Result<std::unique_ptr<Document>> BookDocument::open(std::unique_ptr<Book> book, const BookFormat &format,
    const Limits &limits, const CancellationToken &token, const ProgressCallback &progress)
{
    if (!book || book->chapterCount() <= 0)
        return Status(StatusCode::Corrupt, tr("The document has no readable text"));
    std::unique_ptr<BookDocument> document(new BookDocument(limits, std::move(book)));
    document->setFormat(format.id, format.name, format.mimeType);
    document->setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline
        | Capability::StreamingPages | Capability::FlowContent | Capability::VectorPaint | Capability::Links);
    document->setRightToLeft(document->m_book->isRightToLeft());
    // The first page now; the rest as the viewer asks.
    if (Status status = document->doEnsurePages(1, token, progress); !status)
        return status;
    qCDebug(lcBook) << "opened" << format.id << "book with" << document->m_book->chapterCount() << "chapters";
    return std::unique_ptr<Document>(std::move(document));
}

Status BookDocument::doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    const qsizetype total = m_book->chapterCount();
    while (m_chapters.size() < size_t(total) && (count < 0 || m_pageCount < count)) {
        if (Status status = layOutNextChapter(token); !status)
            return status;
        if (progress)
            progress(qint64(m_chapters.size()), total);
    }
    return {};
}

Status BookDocument::layOutNextChapter(const CancellationToken &token)
{
    const int index = int(m_chapters.size());
    const QString path = m_book->chapterPath(index);
    QString css;
    Status problem;
    const QStringList pieces = chapterHtml(index, css, problem, token);
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!problem.isOk())
        qCInfo(lcBook) << "chapter" << path << "incomplete:" << problem.message();

    auto document = std::make_unique<ChapterDocument>(*m_images);
    document->setDefaultFont(m_font);
    document->setUseDesignMetrics(true);
    document->setDefaultStyleSheet(css);
    QStringList all = pieces;
    if (!problem.isOk())
        all.append(noteHtml(tr("Folio could not show all of “%1”: %2").arg(path, problem.message())));
    if (Status status = fill(*document, all, token); !status)
        return status;
    if (Status status = layOut(*document, token); !status)
        return status;

    Chapter chapter;
    chapter.path = path;
    chapter.firstPage = m_pageCount;
    chapter.pageCount = text::contentPageCount(*document, ContentSize.height(), m_lengthScale);
    chapter.blockPages = text::indexBlockPages(*document, ContentSize.height());
    chapter.anchorPages = anchorPages(*document, chapter.pageCount);
    chapter.document = std::move(document);
    if (qint64(m_pageCount) + chapter.pageCount > limits().maxPageCount)
        return {StatusCode::LimitExceeded,
            tr("The book has more than %1 pages, the limit of pages per document").arg(limits().maxPageCount)};
    m_pageCount += chapter.pageCount;
    m_chapters.push_back(std::move(chapter));
    return {};
}

QStringList BookDocument::chapterHtml(int index, QString &css, Status &problem, const CancellationToken &token)
{
    const auto imageSizer
        = [this, &token](const QString &path, QSize requested) { return m_images->layoutSize(path, requested, token); };
    const QString path = m_book->chapterPath(index);
    if (m_book->chapterMediaType(index).startsWith(QLatin1String("image/"))) {
        const QSize size = imageSizer(path, QSize());
        return {QStringLiteral("<div align=\"center\"><img src=\"%1\" width=\"%2\" height=\"%3\"></div>")
                    .arg(XhtmlConverter::imageUrl(path).toHtmlEscaped())
                    .arg(size.width())
                    .arg(size.height())};
    }
    const Result<QByteArray> bytes = m_book->chapter(index, MaxChapterBytes, token);
    if (!bytes) {
        problem = bytes.status();
        return {};
    }
    const auto styleSheetFound = [this, &token](const QString &path) { styleSheet(path, token); };
    XhtmlConverter converter(path, *m_book, *m_styles, imageSizer, styleSheetFound, token);
    ChapterHtml html = converter.convert(*bytes, m_book->isHtml(index));
    problem = html.status;
    for (const QString &sheet : std::as_const(html.styleSheets))
        css += styleSheet(sheet, token);
    css += m_styles->filterSheet(html.inlineCss, path, [this, &token](const FontFace &face) {
        m_fonts.add(*m_book, face, token);
        m_styleContext.fontFamilies = m_fonts.families();
    });
    return html.pieces;
}

QString BookDocument::styleSheet(const QString &path, const CancellationToken &token)
{
    const auto cached = m_sheets.constFind(path);
    if (cached != m_sheets.cend())
        return *cached;
    const Result<QByteArray> bytes = m_book->read(path, MaxStyleSheetBytes, token);
    if (!bytes) {
        qCInfo(lcBook) << "style sheet" << path << "unreadable:" << bytes.status().message();
        if (bytes.status().isCancellation())
            return {};
        return m_sheets[path] = QString();
    }
    // Fonts are registered as their @font-face rules come, before the rules that use them.
    m_styleContext.fontFamilies = m_fonts.families();
    const QString css = m_styles->filterSheet(QString::fromUtf8(*bytes), path, [this, &token](const FontFace &face) {
        m_fonts.add(*m_book, face, token);
        m_styleContext.fontFamilies = m_fonts.families();
    });
    return m_sheets[path] = css;
}

Status BookDocument::fill(ChapterDocument &document, const QStringList &pieces, const CancellationToken &token) const
{
    // No layout exists yet, so inserting costs only the parsing.
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        if (i == 0)
            document.setHtml(pieces[i]);
        else
            appendHtml(document, pieces[i]);
    }
    dropLeadingPageBreak(document);
    // <code>, <pre> and families the book names but does not embed: declared fonts only.
    fonts::pinFamilies(document, m_fonts.families().values());
    return {};
}

Status BookDocument::layOut(ChapterDocument &document, const CancellationToken &token)
{
    // Margins are drawn by render(); the layout's pages are the text area.
    document.setDocumentMargin(0);
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    layout->setPaintDevice(&m_pointDevice);
    document.setPageSize(ContentSize);
    // Asking where a block is lays the document out up to that block: a few blocks at a time,
    // the token polled in between.
    int number = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (++number % LayoutStep != 0)
            continue;
        layout->blockBoundingRect(block);
        if (token.isCancelled()) {
            text::deliverPendingTimers(layout);
            return Status::fromToken(token);
        }
    }
    layout->blockBoundingRect(document.lastBlock());
    text::deliverPendingTimers(layout);
    return {};
}

const BookDocument::Chapter &BookDocument::chapterOn(int page) const
{
    auto after = std::upper_bound(m_chapters.cbegin(), m_chapters.cend(), page,
        [](int p, const Chapter &chapter) { return p < chapter.firstPage; });
    return *std::prev(after);
}

Result<QImage> BookDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return text::renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
}

Status BookDocument::doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    const Chapter &chapter = chapterOn(index);
    const text::PainterSave saved(painter);
    // Where the pictures land, for night modes that keep pictures (doPictureRects()).
    const text::PictureRecording pictures(painter);
    text::recordPictures(*chapter.document);
    // doTextBoxes() places words with this same geometry: keep the two in step.
    painter.translate(Margin, Margin);
    chapter.document->beginDrawing(request.dpi, &token);
    text::drawDocumentPage(painter, *chapter.document, index - chapter.firstPage, ContentSize, Margin / 2,
        text::inkFor(request.background));
    chapter.document->endDrawing();
    m_paintedPictures = {index, pictures.rects()};
    return {};
}

QList<QRectF> BookDocument::doPictureRects(int index, const CancellationToken &) const
{
    return m_paintedPictures.first == index ? m_paintedPictures.second : QList<QRectF>();
}

Result<QString> BookDocument::doText(int index, const CancellationToken &)
{
    const Chapter &chapter = chapterOn(index);
    return text::pageText(*chapter.document, chapter.blockPages, index - chapter.firstPage, ContentSize.height());
}

Status BookDocument::doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token)
{
    const Chapter &chapter = chapterOn(index);
    const auto [from, to]
        = text::pagePositions(*chapter.document, chapter.blockPages, index - chapter.firstPage, ContentSize.height());
    chapter.document->beginDrawing(imageDpi, &token);
    const Status status = visitor({chapter.document.get(), from, to, FlowFragment::Role::Body});
    chapter.document->endDrawing();
    return status;
}

Result<QList<TextBox>> BookDocument::doTextBoxes(int index, const CancellationToken &)
{
    const Chapter &chapter = chapterOn(index);
    QList<TextBox> boxes;
    text::appendPageWords(boxes, *chapter.document, chapter.blockPages, index - chapter.firstPage, ContentSize.height(),
        QPointF(Margin, Margin));
    return boxes;
}

Result<QList<Link>> BookDocument::doLinks(int index, const CancellationToken &token)
{
    // An index, not a reference: following a link may lay out more chapters (m_chapters grows).
    const size_t number = size_t(&chapterOn(index) - m_chapters.data());
    QList<text::AnchorArea> areas;
    {
        const Chapter &chapter = m_chapters[number];
        text::appendPageAnchors(areas, *chapter.document, chapter.blockPages, index - chapter.firstPage,
            ContentSize.height(), QPointF(Margin, Margin));
    }
    QList<Link> links;
    for (const text::AnchorArea &area : std::as_const(areas)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        Link link;
        link.rect = area.rect;
        if (text::hasUrlScheme(area.href)) {
            link.kind = Link::Kind::Uri;
            link.uri = area.href.trimmed();
        } else {
            const Result<int> page = linkTarget(number, area.href, token);
            if (!page)
                return page.status();
            if (*page < 0)
                continue;
            link.page = *page;
        }
        links.append(link);
    }
    return links;
}

Result<int> BookDocument::linkTarget(size_t from, const QString &href, const CancellationToken &token)
{
    const QString path = m_book->resolve(m_chapters[from].path, href);
    if (path.isEmpty())
        return -1;
    const int count = m_book->chapterCount();
    int target = -1;
    for (int i = 0; i < count && target < 0; ++i) {
        // Links and manifest may disagree on case (EPUB packages match paths without case too).
        if (m_book->chapterPath(i).compare(path, Qt::CaseInsensitive) == 0)
            target = i;
    }
    if (target < 0)
        return -1; // a picture, a style sheet, a file that is no chapter
    while (m_chapters.size() <= size_t(target)) {
        if (Status status = layOutNextChapter(token); !status)
            return status;
    }
    const Chapter &chapter = m_chapters[size_t(target)];
    return chapter.firstPage + chapter.anchorPages.value(fragmentOf(href), 0);
}

Result<QList<OutlineItem>> BookDocument::doOutline(const CancellationToken &token)
{
    // Entries point into every chapter: all of them must be laid out to know their pages.
    if (Status status = doEnsurePages(-1, token, {}); !status)
        return status;
    return outlineOf(m_book->toc());
}

QList<OutlineItem> BookDocument::outlineOf(const QList<TocEntry> &entries) const
{
    QList<OutlineItem> items;
    for (const TocEntry &entry : entries) {
        OutlineItem item;
        item.title = entry.title;
        for (const Chapter &chapter : m_chapters) {
            // Links and manifest may disagree on case.
            if (chapter.path.compare(entry.path, Qt::CaseInsensitive) == 0) {
                item.page = chapter.firstPage + chapter.anchorPages.value(entry.fragment, 0);
                break;
            }
        }
        item.children = outlineOf(entry.children);
        items.append(item);
    }
    return items;
}

} // namespace folio::book
