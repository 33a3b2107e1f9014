// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdowndocument.h"

#include "backends/common/text/textdocumentpages.h"

#include "backends/common/text/textpage.h"
#include "chunkedio.h"
#include "logging.h"
#include "markdownsource.h"

#include "fonts.h"

#include <QAbstractEventDispatcher>
#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>
#include <QTimerEvent>

#include <cmath>

namespace folio::text {

namespace {

constexpr qreal BodyFontSize = 10.5; // points
// Below this much room at the bottom of a page, the next section starts on a fresh page.
constexpr qreal MinCarryRoom = 24;
// Link reference definitions repeated in every section, at most (UTF-16 units).
constexpr qsizetype MaxSharedDefinitions = 32LL * 1024;

constexpr QSizeF ContentSize = A4Portrait - QSizeF(2 * PageMargin, 2 * PageMargin);

QImage imagePlaceholder()
{
    QImage image(96, 64, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xEE, 0xEE, 0xEE));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0xB0, 0xB0, 0xB0), 2));
    painter.drawRect(QRectF(1, 1, 94, 62));
    // A landscape pictogram: sun and hills.
    painter.setBrush(QColor(0xC8, 0xC8, 0xC8));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPointF(30, 22), 7, 7);
    painter.drawPolygon(
        QPolygonF({QPointF(10, 54), QPointF(38, 30), QPointF(56, 46), QPointF(68, 36), QPointF(86, 54)}));
    return image;
}

int pageOfLine(qreal origin, const QTextLine &line)
{
    return int(std::floor((origin + line.y() + line.height() / 2) / ContentSize.height()));
}

// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
QString headingSlug(const QString &title)
{
    QString slug;
    slug.reserve(title.size());
    for (const QChar c : title.toLower()) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_' || c.isMark())
            slug += c;
        else if (c == u' ')
            slug += u'-';
    }
    return slug;
}

} // namespace

QVariant OfflineTextDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(name);
    if (type == QTextDocument::ImageResource) {
        static const QImage placeholder = imagePlaceholder();
        return placeholder;
    }
    return {};
}

MarkdownDocument::MarkdownDocument(const Limits &limits)
    : Document(limits)
    , m_pointDevice(makePointDevice())
{
    m_font = fonts::font(fonts::Role::Sans, BodyFontSize);
    // No optional ligatures: exported PDFs keep every letter searchable (see FlowDocument).
    m_font.setStyleStrategy(QFont::PreferNoShaping);
}

MarkdownDocument::~MarkdownDocument() = default;

Result<std::unique_ptr<Document>> MarkdownDocument::open(std::unique_ptr<QIODevice> device,
    const TextEncoding &encoding, const QString &fileName, const QMimeType &mimeType, const Limits &limits,
    const CancellationToken &token, const ProgressCallback &progress)
{
    // Reading is the first half of the work, typesetting the second.
    const auto readProgress = [&progress](qint64 done, qint64 total) {
        if (progress)
            progress(done / 2, total);
    };
    if (!device->seek(0))
        return Status(StatusCode::IoError, tr("Cannot read the file: %1").arg(device->errorString()));
    Result<QByteArray> bytes = readAll(*device, std::min(MaxBytes, limits.maxInMemoryBytes), token, readProgress);
    if (!bytes)
        return bytes.status();
    const QString source
        = encoding.decode(QByteArrayView(*bytes).sliced(std::min<qsizetype>(encoding.bomSize(), bytes->size())));
    bytes = QByteArray();

    std::unique_ptr<MarkdownDocument> document(new MarkdownDocument(limits));
    document->setFormat(QStringLiteral("markdown"), mimeType.isValid() ? mimeType.comment() : tr("Markdown document"),
        mimeType.isValid() ? mimeType.name() : QStringLiteral("text/markdown"));
    document->setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline | Capability::FlowContent
        | Capability::VectorPaint | Capability::Links);
    if (Status status = document->typeset(source, token, progress); !status)
        return status;
    document->m_metadata.append({QStringLiteral("Encoding"), encoding.name()});
    document->m_metadata.append({QStringLiteral("Size"), QString::number(device->size())});
    qCDebug(lcText) << fileName << "markdown:" << document->m_sections.size() << "sections," << document->m_pageCount
                    << "pages";
    return std::unique_ptr<Document>(std::move(document));
}

std::unique_ptr<OfflineTextDocument> MarkdownDocument::makeSectionDocument(const QString &markdown, qreal spacer) const
{
    auto document = std::make_unique<OfflineTextDocument>();
    document->setDefaultFont(m_font);
    document->setUseDesignMetrics(true);
    // Parse before the layout exists: with a layout, every inserted block is laid out at once,
    // which makes parsing itself quadratic.
    document->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    // Qt's importer sets code in the system's monospace font, which differs between machines.
    fonts::pinFamilies(*document);
    if (spacer > 0) {
        QTextBlockFormat format;
        format.setLineHeight(spacer / m_lengthScale, QTextBlockFormat::FixedHeight);
        QTextCursor(document.get()).setBlockFormat(format);
    }
    // Margins are drawn by render(); the layout's pages are the text area.
    document->setDocumentMargin(0);
    document->documentLayout()->setPaintDevice(const_cast<QImage *>(&m_pointDevice));
    document->setPageSize(ContentSize);
    return document;
}

Status MarkdownDocument::typeset(
    const QString &source, const CancellationToken &token, const ProgressCallback &progress)
{
    m_lengthScale = formatLengthScale(&m_pointDevice);
    int page = 0;
    qreal carry = 0; // height already used on `page` by the previous section
    QList<std::pair<int, OutlineItem>> headings;
    const QList<MarkdownSection> pieces = splitMarkdown(source);
    QString definitions = pieces.size() > 1 ? referenceDefinitions(source) : QString();
    if (definitions.size() > MaxSharedDefinitions)
        definitions.clear(); // too costly to repeat: references across sections stay literal text
    for (const MarkdownSection &piece : pieces) {
        if (token.isCancelled())
            return Status::fromToken(token);
        // The spacer is an invisible paragraph (a no-break space) that the layout sizes exactly.
        QString markdown = carry > 0 ? QStringLiteral("\u00A0\n\n") : QString();
        markdown += piece.prefix;
        markdown += QStringView(source).sliced(piece.begin, piece.end - piece.begin);
        if (!definitions.isEmpty() && !piece.endsInCode)
            markdown += QStringLiteral("\n\n") + definitions;
        Section section = layOutSection(closeVoidElements(markdown), page, carry);
        m_pageCount = section.firstPage + section.pageCount;
        if (m_pageCount > limits().maxPageCount)
            return {StatusCode::LimitExceeded,
                tr("The document has more than %1 pages, the limit of pages per document").arg(limits().maxPageCount)};
        collectHeadings(section, headings);

        // The next section continues on the last page unless too little of it is left.
        const int lastPage = section.firstPage + section.pageCount - 1;
        const bool roomLeft = section.usedOnLastPage < ContentSize.height() - MinCarryRoom;
        page = roomLeft ? lastPage : lastPage + 1;
        carry = roomLeft ? section.usedOnLastPage : 0;
        m_sections.push_back(std::move(section));
        if (progress)
            progress(source.size() + piece.end, 2 * source.size());
    }
    m_pageCount = std::max(1, m_pageCount);
    buildOutline(headings);
    indexHeadingAnchors(headings);
    return {};
}

MarkdownDocument::Section MarkdownDocument::layOutSection(const QString &markdown, int firstPage, qreal spacer) const
{
    Section section;
    section.document = makeSectionDocument(markdown, spacer);
    section.hasSpacer = spacer > 0;
    section.firstPage = firstPage;
    QAbstractTextDocumentLayout *layout = section.document->documentLayout();
    section.document->pageCount(); // lays everything out
    deliverPendingTimers(layout);

    // Where the next block would start: the last block's bottom margin included.
    const QTextBlock lastBlock = section.document->lastBlock();
    const qreal end
        = layout->blockBoundingRect(lastBlock).bottom() + lastBlock.blockFormat().bottomMargin() * m_lengthScale;
    const int lastPage = std::max(0, int(std::ceil(end / ContentSize.height())) - 1);
    section.pageCount = lastPage + 1;
    section.usedOnLastPage = end - lastPage * ContentSize.height();
    indexBlocks(section);
    return section;
}

void MarkdownDocument::buildOutline(const QList<std::pair<int, OutlineItem>> &headings)
{
    // Each heading goes under the nearest previous heading of a lower level.
    QList<std::pair<int, OutlineItem *>> open;
    for (const auto &[level, item] : headings) {
        while (!open.isEmpty() && open.last().first >= level)
            open.removeLast();
        // Only the innermost open list grows, and no open pointer points into it: they stay valid.
        QList<OutlineItem> &siblings = open.isEmpty() ? m_outline : open.last().second->children;
        siblings.append(item);
        open.append({level, &siblings.last()});
    }
    for (const auto &[level, item] : headings) {
        if (level == 1) {
            m_metadata.append({QStringLiteral("Title"), item.title});
            break;
        }
    }
}

void MarkdownDocument::indexHeadingAnchors(const QList<std::pair<int, OutlineItem>> &headings)
{
    QHash<QString, int> uses;
    for (const auto &[level, item] : headings) {
        const QString slug = headingSlug(item.title);
        // A repeated name gets "-1", "-2"... as GitHub numbers them.
        const int used = uses.value(slug, 0);
        uses.insert(slug, used + 1);
        const QString name = used == 0 ? slug : slug + u'-' + QString::number(used);
        if (!m_headingPages.contains(name))
            m_headingPages.insert(name, item.page);
    }
}

int MarkdownDocument::headingPage(const QString &fragment) const
{
    const QString name = QUrl::fromPercentEncoding(fragment.toUtf8());
    if (const auto found = m_headingPages.constFind(name); found != m_headingPages.cend())
        return *found;
    // Authors write "#Install" for "## Install": GitHub's names are lower case.
    return m_headingPages.value(name.toLower(), -1);
}

void MarkdownDocument::indexBlocks(Section &section) const
{
    const QAbstractTextDocumentLayout *layout = section.document->documentLayout();
    section.blockPages.reserve(section.document->blockCount());
    for (QTextBlock block = section.document->begin(); block.isValid(); block = block.next()) {
        const QTextLayout *lines = block.layout();
        if (!lines || lines->lineCount() == 0) {
            const int page = int(std::floor(layout->blockBoundingRect(block).top() / ContentSize.height()));
            section.blockPages.append({section.firstPage + page, section.firstPage + page});
            continue;
        }
        const qreal origin = layoutOrigin(block, layout);
        section.blockPages.append({section.firstPage + pageOfLine(origin, lines->lineAt(0)),
            section.firstPage + pageOfLine(origin, lines->lineAt(lines->lineCount() - 1))});
    }
}

void MarkdownDocument::collectHeadings(const Section &section, QList<std::pair<int, OutlineItem>> &headings) const
{
    int number = 0;
    for (QTextBlock block = section.document->begin(); block.isValid(); block = block.next(), ++number) {
        const int level = block.blockFormat().headingLevel();
        if (level <= 0)
            continue;
        OutlineItem item;
        item.title = readableText(block.text()).simplified();
        item.page = section.blockPages[number].first;
        headings.append({level, item});
    }
}

QSizeF MarkdownDocument::doPageSize(int) const
{
    return A4Portrait;
}

std::pair<size_t, size_t> MarkdownDocument::sectionsOn(int index) const
{
    // Sections are in page order and touch at most at one shared page.
    auto after = std::upper_bound(m_sections.cbegin(), m_sections.cend(), index,
        [](int page, const Section &section) { return page < section.firstPage; });
    auto first = after;
    while (first != m_sections.cbegin() && std::prev(first)->firstPage + std::prev(first)->pageCount > index)
        --first;
    return {size_t(first - m_sections.cbegin()), size_t(after - m_sections.cbegin())};
}

Result<QImage> MarkdownDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
}

Status MarkdownDocument::doPaint(
    int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    const PainterSave saved(painter);
    painter.translate(PageMargin, PageMargin);
    // appendPageBoxesOf() places words with this same geometry: keep the two in step.
    const auto [first, last] = sectionsOn(index);
    for (size_t i = first; i < last; ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const Section &section = m_sections[i];
        const qreal top = (index - section.firstPage) * ContentSize.height();
        painter.save();
        painter.translate(0, -top);
        // Wide content (code, tables) may run into the side margins, never onto another page.
        const QRectF band(-PageMargin, top, ContentSize.width() + 2 * PageMargin, ContentSize.height());
        painter.setClipRect(band);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = band;
        context.palette.setColor(QPalette::Text, inkFor(request.background));
        section.document->documentLayout()->draw(&painter, context);
        painter.restore();
    }
    return {};
}

QString MarkdownDocument::pageTextOf(const Section &section, int index) const
{
    QStringList parts;
    const QAbstractTextDocumentLayout *layout = section.document->documentLayout();
    int number = 0;
    for (QTextBlock block = section.document->begin(); block.isValid(); block = block.next(), ++number) {
        const auto [firstPage, lastPage] = section.blockPages[number];
        if (firstPage > index || lastPage < index || (number == 0 && section.hasSpacer))
            continue;
        if (firstPage == lastPage) {
            parts.append(readableText(block.text()));
            continue;
        }
        // A paragraph split by a page break: only its lines on this page.
        const QTextLayout *lines = block.layout();
        const qreal origin = layoutOrigin(block, layout);
        QString text;
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            if (section.firstPage + pageOfLine(origin, line) == index)
                text += block.text().mid(line.textStart(), line.textLength());
        }
        parts.append(readableText(text));
    }
    return parts.join(u'\n');
}

Result<QString> MarkdownDocument::doText(int index, const CancellationToken &token)
{
    QStringList parts;
    const auto [first, last] = sectionsOn(index);
    for (size_t i = first; i < last; ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        parts.append(pageTextOf(m_sections[i], index));
    }
    parts.removeAll(QString());
    return parts.join(u'\n');
}

void MarkdownDocument::appendPageBoxesOf(const Section &section, int index, QList<TextBox> &boxes) const
{
    const QAbstractTextDocumentLayout *layout = section.document->documentLayout();
    // doRender() draws the section shifted up by `top`, inside the page margins.
    const qreal top = (index - section.firstPage) * ContentSize.height();
    int number = 0;
    for (QTextBlock block = section.document->begin(); block.isValid(); block = block.next(), ++number) {
        const auto [firstPage, lastPage] = section.blockPages[number];
        const QTextLayout *lines = block.layout();
        if (firstPage > index || lastPage < index || (number == 0 && section.hasSpacer) || !lines)
            continue;
        // QTextDocumentLayout draws a block's lines from this point (frames and table cells included).
        const QPointF origin = layout->blockBoundingRect(block).topLeft();
        const qreal pageOrigin = layoutOrigin(block, layout);
        const QString text = block.text();
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            if (section.firstPage + pageOfLine(pageOrigin, line) != index)
                continue;
            const qsizetype before = boxes.size();
            appendLineWords(
                boxes, line, text, PageMargin + origin.x(), PageMargin + origin.y() + line.y() - top, line.height());
            // A word too long for its line wraps without a space: the next line continues it.
            const int end = line.textStart() + line.textLength();
            if (boxes.size() > before && i + 1 < lines->lineCount() && end > 0 && end < text.size()
                && !text.at(end - 1).isSpace() && !text.at(end).isSpace())
                boxes.last().spaceAfter = false;
        }
    }
}

Status MarkdownDocument::doVisitFlow(int index, double, const FlowVisitor &visitor, const CancellationToken &token)
{
    const auto [first, last] = sectionsOn(index);
    for (size_t i = first; i < last; ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const Section &section = m_sections[i];
        const auto [from, to] = pagePositions(*section.document, localBlockPages(section), index - section.firstPage,
            ContentSize.height(), section.hasSpacer ? 1 : 0);
        if (from == to)
            continue;
        if (Status status = visitor({section.document.get(), from, to, FlowFragment::Role::Body}); !status)
            return status;
    }
    return {};
}

BlockPages MarkdownDocument::localBlockPages(const Section &section)
{
    // Block pages are global here; the shared helpers count from the section's first page.
    BlockPages local = section.blockPages;
    for (auto &[from, to] : local) {
        from -= section.firstPage;
        to -= section.firstPage;
    }
    return local;
}

Result<QList<Link>> MarkdownDocument::doLinks(int index, const CancellationToken &token)
{
    QList<Link> links;
    const auto [first, last] = sectionsOn(index);
    for (size_t i = first; i < last; ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const Section &section = m_sections[i];
        QList<AnchorArea> areas;
        // Placed as appendPageBoxesOf() places the words.
        appendPageAnchors(areas, *section.document, localBlockPages(section), index - section.firstPage,
            ContentSize.height(), QPointF(PageMargin, PageMargin), section.hasSpacer ? 1 : 0);
        for (const AnchorArea &area : std::as_const(areas)) {
            Link link;
            link.rect = area.rect;
            const QString href = area.href.trimmed();
            if (hasUrlScheme(href)) {
                link.kind = Link::Kind::Uri;
                link.uri = href;
            } else if (href.startsWith(u'#')) {
                link.page = headingPage(href.mid(1));
                if (link.page < 0)
                    continue;
            } else {
                // "notes.md", "../docs/install.md#linux": another file, which the viewer does not open.
                link.kind = Link::Kind::RemoteGoTo;
                link.uri = href;
            }
            links.append(link);
        }
    }
    return links;
}

Result<QList<TextBox>> MarkdownDocument::doTextBoxes(int index, const CancellationToken &token)
{
    QList<TextBox> boxes;
    const auto [first, last] = sectionsOn(index);
    for (size_t i = first; i < last; ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        appendPageBoxesOf(m_sections[i], index, boxes);
    }
    return boxes;
}

} // namespace folio::text
