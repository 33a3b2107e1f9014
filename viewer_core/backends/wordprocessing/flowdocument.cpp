// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowdocument.h"

#include "backends/common/text/picturerecorder.h"

#include "backends/common/text/textdocumentpages.h"
#include "backends/common/text/textpage.h"
#include "backends/office/chart.h"
#include "backends/office/diagram.h"
#include "backends/office/math/formula.h"
#include "chartobject.h"
#include "diagramobject.h"
#include "flowformat.h"
#include "fonts.h"
#include "footnotes.h"
#include "mathobject.h"
#include "wordprocessinglogging.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QTextLayout>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace folio::wordprocessing {

namespace {

constexpr qreal MinPageSide = 72; // 1 in
constexpr qreal MaxPageSide = 72 * 200; // 200 in
constexpr int LayoutStep = 16; // blocks laid out between two looks at the token

QString pictureUrl(size_t index)
{
    return QStringLiteral("wpimg:%1").arg(index);
}

// Lines of a header or footer (never paginated) as TextBoxes.
void appendMarginWords(QList<TextBox> &boxes, const QTextDocument &document, QPointF origin)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *lines = block.layout();
        if (!lines)
            continue;
        const QPointF blockOrigin = layout->blockBoundingRect(block).topLeft() + origin;
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            text::appendLineWords(
                boxes, line, block.text(), blockOrigin.x(), blockOrigin.y() + line.y(), line.height());
        }
    }
}

// Links of a header or footer, placed as appendMarginWords() places the words.
void appendMarginAnchors(QList<text::AnchorArea> &areas, const QTextDocument &document, QPointF origin)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *lines = block.layout();
        if (!lines)
            continue;
        const QPointF blockOrigin = layout->blockBoundingRect(block).topLeft() + origin;
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            text::appendLineAnchors(areas, block, line, blockOrigin.x(), blockOrigin.y() + line.y(), line.height());
        }
    }
}

// Draws the leaders of the tabs in the blocks from `from` to `to` (positions) on page `page`,
// the painter's origin at the content area's top left corner. A tab's stop is the first of its
// block's stops right of where the tab starts, as QTextEngine finds it; its leader fills the
// tab's white space with dots (or dashes, a line) on a grid, so leaders of stacked lines align.
void paintTabLeaders(QPainter &painter, const QTextDocument &document, int page, qreal pageHeight,
    std::pair<int, int> range, const QColor &ink)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    const qreal top = page * pageHeight;
    for (QTextBlock block = document.findBlock(range.first); block.isValid() && block.position() <= range.second;
         block = block.next()) {
        const QVariant property = block.blockFormat().property(TabLeadersProperty);
        const QTextLayout *lines = block.layout();
        if (!property.isValid() || !lines || lines->lineCount() == 0)
            continue;
        const QList<QPointF> leaders = property.value<QList<QPointF>>();
        const QList<QTextOption::Tab> stops = block.blockFormat().tabPositions();
        const QString text = block.text();
        const QPointF origin = layout->blockBoundingRect(block).topLeft();
        for (qsizetype i = text.indexOf(u'\t'); i >= 0; i = text.indexOf(u'\t', i + 1)) {
            const QTextLine line = lines->lineForTextPosition(int(i));
            if (!line.isValid())
                continue;
            const qreal start = line.cursorToX(int(i));
            const qreal end = line.cursorToX(int(i + 1));
            const auto stop = std::find_if(
                stops.cbegin(), stops.cend(), [&](const QTextOption::Tab &tab) { return tab.position > start + 0.01; });
            if (stop == stops.cend() || end - start < 1)
                continue;
            const auto leader = std::find_if(leaders.cbegin(), leaders.cend(),
                [&](const QPointF &entry) { return std::abs(entry.x() - stop->position) < 0.01; });
            if (leader == leaders.cend())
                continue;
            const QTextCharFormat format = block.begin().atEnd() ? block.charFormat() : [&] {
                for (auto it = block.begin(); !it.atEnd(); ++it) {
                    const QTextFragment fragment = it.fragment();
                    if (fragment.position() + fragment.length() > block.position() + i)
                        return fragment.charFormat();
                }
                return block.charFormat();
            }();
            const qreal size
                = format.fontPointSize() > 0 ? format.fontPointSize() : document.defaultFont().pointSizeF();
            const qreal baseline = origin.y() + line.y() + line.ascent() - top;
            if (baseline < 0 || baseline > pageHeight + line.descent())
                continue;
            const QColor color = format.hasProperty(QTextFormat::ForegroundBrush) ? format.foreground().color() : ink;
            const qreal left = origin.x() + start;
            const qreal right = origin.x() + end;
            const char16_t kind = char16_t(leader->y());
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            if (kind == u'_') {
                painter.fillRect(QRectF(left, baseline + size * 0.08, right - left, std::max(0.5, size * 0.05)), color);
            } else {
                // Periods of the text's size: Word and LibreOffice space them about a quarter em.
                const qreal step = size * 0.28;
                const qreal gap = size * 0.15;
                for (qreal x = std::ceil((left + gap) / step) * step; x <= right - gap; x += step) {
                    if (kind == u'-') {
                        painter.drawRect(QRectF(x - size * 0.09, baseline - size * 0.3, size * 0.18, size * 0.07));
                    } else {
                        const qreal radius = size * 0.05;
                        const qreal y = kind == 0x00b7 ? baseline - size * 0.3 : baseline - radius;
                        painter.drawEllipse(QPointF(x, y), radius, radius);
                    }
                }
            }
            painter.restore();
        }
    }
}

// Draws the borders of the blocks from `from` to `to` (positions) on page `page`, the painter's
// origin at the content area's top left corner. Neighbours with the same border share one box,
// as in Word: no line between them, the sides running on across the gap.
void paintParagraphBorders(
    QPainter &painter, const QTextDocument &document, int page, qreal pageHeight, std::pair<int, int> range)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    const qreal top = page * pageHeight;
    const auto border = [](const QTextBlock &block) {
        return block.isValid() ? block.blockFormat().property(ParagraphBorderProperty) : QVariant();
    };
    for (QTextBlock block = document.findBlock(range.first); block.isValid() && block.position() <= range.second;
         block = block.next()) {
        const QVariant property = border(block);
        if (!property.isValid())
            continue;
        const QVariantList sides = property.toList();
        if (sides.size() != 12)
            continue;
        const QRectF lines = layout->blockBoundingRect(block);
        if (lines.isEmpty())
            continue;
        const QTextBlockFormat format = block.blockFormat();
        const bool joinedAbove = border(block.previous()) == property;
        const bool joinedBelow = border(block.next()) == property;
        const auto width = [&](int side) { return sides[side * 3].toReal(); };
        const auto space = [&](int side) { return sides[side * 3 + 2].toReal(); };
        // Top and bottom in the block's margins; left and right outside its indents.
        const qreal y1 = joinedAbove ? lines.top() - format.topMargin() : lines.top() - space(0) - width(0) / 2;
        const qreal y2
            = joinedBelow ? lines.bottom() + format.bottomMargin() : lines.bottom() + space(2) + width(2) / 2;
        // The layout's lines run from the left indent to the right one (the first line's
        // indent aside); blockBoundingRect() gives where the layout starts.
        qreal right = 0;
        for (int i = 0; i < block.layout()->lineCount(); ++i) {
            const QTextLine each = block.layout()->lineAt(i);
            right = std::max(right, each.x() + each.width());
        }
        const qreal x1 = lines.left() + format.leftMargin() - space(1) - width(1) / 2;
        const qreal x2 = lines.left() + right + space(3) + width(3) / 2;
        painter.save();
        painter.translate(0, -top);
        const auto line = [&](int side, QPointF from, QPointF to) {
            if (width(side) <= 0)
                return;
            painter.setPen(QPen(sides[side * 3 + 1].value<QColor>(), width(side), Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(from, to);
        };
        if (!joinedAbove)
            line(0, {x1, y1}, {x2, y1});
        if (!joinedBelow)
            line(2, {x1, y2}, {x2, y2});
        line(1, {x1, y1}, {x1, y2});
        line(3, {x2, y1}, {x2, y2});
        painter.restore();
    }
}

QString marginText(const QTextDocument &document)
{
    QStringList lines;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QString text = text::blockText(block);
        if (!text.trimmed().isEmpty())
            lines.append(text);
    }
    return lines.join(u'\n');
}

} // namespace

void growRows(QTextTable *table, int rows)
{
    if (rows <= table->rows())
        return;
    table->appendRows(std::max(rows - table->rows(), std::min(table->rows(), 4096)));
}

void trimRows(QTextTable *table, int rows)
{
    rows = std::max(rows, 1);
    if (table->rows() > rows)
        table->removeRows(rows, table->rows() - rows);
}

void mergeTableCells(QTextTable *table, int row, int column, int rows, int columns)
{
    rows = std::min(rows, table->rows() - row);
    columns = std::min(columns, table->columns() - column);
    if (rows < 1 || columns < 1 || (rows == 1 && columns == 1))
        return;
    table->mergeCells(row, column, rows, columns);
    for (int guard = 0; guard < rows * columns; ++guard) {
        const QTextTableCell cell = table->cellAt(row, column);
        QTextCursor end = cell.lastCursorPosition();
        const QTextBlock last = end.block();
        if (last.length() > 1 || last.position() <= cell.firstPosition())
            break;
        end.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor);
        end.removeSelectedText();
    }
}

void formatFreshBlock(QTextCursor &cursor, const QTextBlockFormat &block, const QTextCharFormat &chars)
{
    // A part starts on a new page anyway: a break before its first block would leave a blank page.
    if (!cursor.block().previous().isValid() && (block.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)) {
        QTextBlockFormat first = block;
        first.setPageBreakPolicy(block.pageBreakPolicy() & ~QTextFormat::PageBreak_AlwaysBefore);
        cursor.setBlockFormat(first);
    } else {
        cursor.setBlockFormat(block);
    }
    QTextTable *table = cursor.currentTable();
    if (table && cursor.block().position() == table->cellAt(cursor).firstPosition())
        cursor.setCharFormat(chars);
    else
        cursor.setBlockCharFormat(chars);
}

QTextCursor cursorAfter(QTextFrame *frame)
{
    QTextCursor cursor(frame->document());
    cursor.setPosition(frame->lastPosition());
    cursor.movePosition(QTextCursor::NextBlock);
    return cursor;
}

void PageGeometry::clamp()
{
    const auto side = [](qreal value, qreal fallback) {
        if (!std::isfinite(value) || value <= 0)
            return fallback;
        return std::clamp(value, MinPageSide, MaxPageSide);
    };
    size = QSizeF(side(size.width(), 612), side(size.height(), 792));
    // Margins are at least 0 and leave at least an inch (or a third of the page) of text area.
    const auto margin = [](qreal value) { return std::isfinite(value) ? std::clamp(value, 0.0, MaxPageSide) : 72.0; };
    margins
        = QMarginsF(margin(margins.left()), margin(margins.top()), margin(margins.right()), margin(margins.bottom()));
    const qreal minWidth = std::min(72.0, size.width() / 3);
    const qreal minHeight = std::min(72.0, size.height() / 3);
    if (size.width() - margins.left() - margins.right() < minWidth) {
        const qreal each = std::max(0.0, (size.width() - minWidth) / 2);
        margins.setLeft(std::min(margins.left(), each));
        margins.setRight(std::min(margins.right(), each));
    }
    if (size.height() - margins.top() - margins.bottom() < minHeight) {
        const qreal each = std::max(0.0, (size.height() - minHeight) / 2);
        margins.setTop(std::min(margins.top(), each));
        margins.setBottom(std::min(margins.bottom(), each));
    }
    headerDistance = std::isfinite(headerDistance) ? std::clamp(headerDistance, 0.0, size.height() / 3) : 36;
    footerDistance = std::isfinite(footerDistance) ? std::clamp(footerDistance, 0.0, size.height() / 3) : 36;
}

QSizeF PageGeometry::contentSize() const
{
    return {size.width() - margins.left() - margins.right(), size.height() - margins.top() - margins.bottom()};
}

void FlowTextDocument::beginDrawing(double dpi, const CancellationToken *token)
{
    m_dpi = dpi;
    m_token = token;
}

void FlowTextDocument::endDrawing()
{
    m_dpi = 0;
    m_token = nullptr;
}

QVariant FlowTextDocument::loadResource(int type, const QUrl &name)
{
    // Not QTextDocument::loadResource(): it would read files and cache every decoded picture.
    if (type != QTextDocument::ImageResource || name.scheme() != QLatin1String("wpimg"))
        return {};
    bool ok = false;
    const qulonglong index = name.path().toULongLong(&ok);
    if (!ok || index >= m_pictures.size())
        return {};
    const Picture &picture = m_pictures[index];
    if (m_dpi <= 0 || !m_token) {
        // Layout only checks that the picture exists: its size is in the format.
        static const QImage standIn = [] {
            QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            return image;
        }();
        return standIn;
    }
    const QSize pixels(std::max(1, qRound(picture.points.width() * m_dpi / 72)),
        std::max(1, qRound(picture.points.height() * m_dpi / 72)));
    if (picture.path.isEmpty())
        return office::ImageStore::placeholder(pixels);
    return m_images.image(picture.path, pixels, *m_token);
}

FlowDocument::FlowDocument(const Limits &limits, std::unique_ptr<office::Package> package, RenderOptions options)
    : Document(limits)
    , m_package(std::move(package))
    , m_options(options)
    , m_pointDevice(text::makePointDevice())
{
    m_images = std::make_unique<office::ImageStore>(*m_package);
    m_lengthScale = text::formatLengthScale(&m_pointDevice);
    m_defaultFont = fonts::font(fonts::Role::Sans, 11);
    // Comments are laid out only with RenderComments; they are listed as annotations always.
    setCapabilities(Capability::Text | Capability::TextLayout | Capability::Outline | Capability::StreamingPages
        | Capability::FlowContent | Capability::VectorPaint | Capability::ViewOptions | Capability::Links
        | Capability::Annotations);
}

FlowDocument::~FlowDocument()
{
    m_batch = QTextCursor();
    m_cursor = QTextCursor();
    // Into this thread for good: the documents go with the FlowDocument.
    moveTextDocuments(QThread::currentThread());
    // Layout timers belong to this thread: stop them before the documents go.
    for (Section &section : m_sections)
        text::deliverPendingTimers(section.document->documentLayout());
}

FlowDocument::ThreadHold::ThreadHold(FlowDocument &flow)
    : m_flow(flow)
{
    if (m_flow.m_holds++ == 0)
        m_flow.moveTextDocuments(QThread::currentThread());
}

FlowDocument::ThreadHold::~ThreadHold()
{
    if (--m_flow.m_holds == 0)
        m_flow.moveTextDocuments(nullptr);
}

void FlowDocument::moveTextDocuments(QThread *thread)
{
    // A document with no thread may be pulled into the current one; one in the current thread
    // may be pushed anywhere (QObject::moveToThread()).
    std::erase_if(m_textDocuments, [](const std::weak_ptr<FlowTextDocument> &weak) { return weak.expired(); });
    for (const std::weak_ptr<FlowTextDocument> &weak : m_textDocuments) {
        if (const std::shared_ptr<FlowTextDocument> document = weak.lock(); document && document->thread() != thread)
            document->moveToThread(thread);
    }
}

void FlowDocument::insertTextBoxes(QTextCursor &cursor, bool &fresh, QList<std::shared_ptr<FlowTextDocument>> &boxes)
{
    for (const std::shared_ptr<FlowTextDocument> &box : std::as_const(boxes)) {
        QTextFrameFormat frame;
        frame.setBorder(px(0.75));
        frame.setBorderBrush(QColor(0x60, 0x60, 0x60));
        frame.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        frame.setPadding(px(4));
        frame.setTopMargin(px(4));
        frame.setBottomMargin(px(4));
        if (box->boxWidth() > 0)
            frame.setWidth(px(std::min(box->boxWidth(), 14400.0)));
        if (box->boxOffset() > 0)
            frame.setLeftMargin(px(std::min(box->boxOffset(), 14400.0)));
        if (!box->boxBorder()) {
            frame.setBorder(0);
            frame.setBorderStyle(QTextFrameFormat::BorderStyle_None);
            frame.setPadding(0);
        }
        QTextFrame *inserted = cursor.insertFrame(frame);
        cursor.insertFragment(QTextDocumentFragment(box.get()));
        cursor = cursorAfter(inserted);
        fresh = true;
    }
    boxes.clear();
}

QSizeF FlowDocument::objectSize(QSizeF points) const
{
    points = QSizeF(std::clamp(points.width(), 36.0, MaxPageSide), std::clamp(points.height(), 36.0, MaxPageSide));
    if (!m_sections.empty()) {
        const QSizeF box = m_sections.back().setup.geometry.contentSize() - QSizeF(0, 24);
        if (points.width() > box.width() || points.height() > box.height())
            points = points.scaled(box.expandedTo(QSizeF(1, 1)), Qt::KeepAspectRatio);
    }
    return points;
}

QTextCharFormat FlowDocument::chartFormat(std::shared_ptr<const office::Chart> chart, QSizeF points)
{
    points = objectSize(points);
    m_charts.push_back(std::move(chart));
    QTextCharFormat format;
    format.setObjectType(ChartObject);
    format.setProperty(ChartObjectHandler::IndexProperty, int(m_charts.size() - 1));
    // In layout units, which are points: an object handler's size is not scaled like a picture's.
    format.setProperty(QTextFormat::ImageWidth, points.width());
    format.setProperty(QTextFormat::ImageHeight, points.height());
    return format;
}

QTextCharFormat FlowDocument::diagramFormat(std::shared_ptr<const presentation::Diagram> diagram, QSizeF points)
{
    points = objectSize(points);
    QTextCharFormat format;
    format.setObjectType(DiagramObject);
    format.setProperty(text::ObjectTextProperty, diagram->text());
    m_diagrams.push_back(std::move(diagram));
    format.setProperty(DiagramObjectHandler::IndexProperty, int(m_diagrams.size() - 1));
    // In layout units, which are points, as a chart's.
    format.setProperty(QTextFormat::ImageWidth, points.width());
    format.setProperty(QTextFormat::ImageHeight, points.height());
    return format;
}

QTextCharFormat FlowDocument::formulaFormat(std::shared_ptr<const office::math::Formula> formula, qreal pointSize)
{
    pointSize = std::clamp(pointSize, 4.0, 72.0);
    const office::math::Layout layout = formula->layout(pointSize);
    QSizeF size(std::clamp(layout.width, 1.0, MaxPageSide), std::clamp(layout.height(), 1.0, MaxPageSide));
    QTextCharFormat format;
    format.setObjectType(MathObject);
    format.setProperty(text::ObjectTextProperty, formula->text());
    format.setProperty(MathObjectHandler::SizeProperty, pointSize);
    qreal baseline = layout.ascent;
    if (formula->isDisplay() || layout.descent > pointSize * 0.25) {
        // QTextDocumentLayout centres such an object on the baseline: the box grows to make the
        // formula's baseline its middle.
        const qreal half = std::max(layout.ascent, layout.descent);
        size.setHeight(std::min(2 * half, MaxPageSide));
        baseline = half;
        format.setVerticalAlignment(QTextCharFormat::AlignMiddle);
    } else {
        // Sits on the baseline; a small descent reaches into the line's own.
        size.setHeight(std::clamp(layout.ascent, 1.0, MaxPageSide));
    }
    m_formulas.push_back(std::move(formula));
    format.setProperty(MathObjectHandler::IndexProperty, int(m_formulas.size() - 1));
    format.setProperty(MathObjectHandler::BaselineProperty, baseline);
    format.setProperty(QTextFormat::ImageWidth, size.width());
    format.setProperty(QTextFormat::ImageHeight, size.height());
    return format;
}

std::shared_ptr<FlowTextDocument> FlowDocument::newTextDocument()
{
    auto document = std::make_shared<FlowTextDocument>(*m_images, m_pictures);
    m_textDocuments.push_back(document);
    document->setUndoRedoEnabled(false);
    document->setDocumentMargin(0);
    document->setUseDesignMetrics(true);
    // No optional shaping (Latin ligatures, kerning): Qt's PDF writer gives a ligature glyph the
    // font has no Unicode mapping for no text at all, so exported words would lose letters
    // ("Sec on" for "Section" in Carlito). Scripts that need shaping still get it.
    QFont font = m_defaultFont;
    font.setStyleStrategy(QFont::PreferNoShaping);
    document->setDefaultFont(font);
    document->documentLayout()->setPaintDevice(&m_pointDevice);
    document->documentLayout()->registerHandler(ChartObject, new ChartObjectHandler(m_charts, document.get()));
    document->documentLayout()->registerHandler(
        DiagramObject, new DiagramObjectHandler(m_diagrams, m_images.get(), document.get()));
    document->documentLayout()->registerHandler(MathObject, new MathObjectHandler(m_formulas, document.get()));
    return document;
}

QTextImageFormat FlowDocument::pictureFormat(const QString &path, QSizeF points)
{
    // Not larger than the biggest page: a picture of absurd size must not make absurd layouts.
    points = QSizeF(std::clamp(points.width(), 1.0, MaxPageSide), std::clamp(points.height(), 1.0, MaxPageSide));
    if (!m_sections.empty()) {
        // Fitted into the text area (Word shrinks nothing, but a picture taller than the page
        // would never fit on any page).
        const QSizeF box = m_sections.back().setup.geometry.contentSize() - QSizeF(0, 24);
        if (points.width() > box.width() || points.height() > box.height())
            points = points.scaled(box.expandedTo(QSizeF(1, 1)), Qt::KeepAspectRatio);
    }
    m_pictures.push_back({path, points});
    QTextImageFormat format;
    format.setName(pictureUrl(m_pictures.size() - 1));
    format.setWidth(px(points.width()));
    format.setHeight(px(points.height()));
    return format;
}

void FlowDocument::startSection(const SectionSetup &setup)
{
    if (!m_sections.empty()) {
        if (m_inBatch)
            m_batch.endEditBlock();
        if (m_fresh && m_sections.back().document->isEmpty()) {
            // Nothing was written under the previous setup: replace it.
            m_sections.back().setup = setup;
            m_sections.back().setup.geometry.clamp();
            m_sections.back().document->setPageSize(m_sections.back().setup.geometry.contentSize());
            m_batch = QTextCursor(m_sections.back().document.get());
            if (m_inBatch)
                m_batch.beginEditBlock();
            return;
        }
    }
    Section section;
    section.setup = setup;
    section.setup.geometry.clamp();
    section.document = newTextDocument();
    section.document->setPageSize(section.setup.geometry.contentSize());
    m_cursor = QTextCursor(section.document.get());
    m_batch = QTextCursor(section.document.get());
    if (m_inBatch)
        m_batch.beginEditBlock();
    m_fresh = true;
    m_sections.push_back(std::move(section));
    countPages();
}

void FlowDocument::addHeading(const QString &title, int level)
{
    const QString simplified = title.simplified();
    if (simplified.isEmpty() || m_sections.empty())
        return;
    m_headings.append({simplified, level, int(m_sections.size() - 1), m_cursor.block().position()});
    // ODF links to headings by their text: "#Scope|outline" (see bookmarkPage()).
    const QString outlineName = simplified + QLatin1String("|outline");
    if (!m_bookmarks.contains(outlineName))
        m_bookmarks.insert(outlineName, {int(m_sections.size() - 1), m_cursor.block().position()});
    // Marks the block for semantic exports (<h1>..<h6>); layout ignores it.
    QTextBlockFormat format;
    format.setHeadingLevel(std::clamp(level + 1, 1, 6)); // outline levels count from 0
    m_cursor.mergeBlockFormat(format);
}

void FlowDocument::addBookmark(const QString &name, const QTextCursor &cursor)
{
    if (name.isEmpty() || m_sections.empty() || cursor.document() != m_sections.back().document.get())
        return;
    if (!m_bookmarks.contains(name))
        m_bookmarks.insert(name, {int(m_sections.size() - 1), cursor.position()});
}

void FlowDocument::anchorComment(const QString &id, const QTextCursor &cursor)
{
    if (m_sections.empty() || cursor.document() != m_sections.back().document.get() || m_anchoredComments.contains(id))
        return;
    if (m_commentAnchors.size() >= MaxComments) {
        qCInfo(lcWordProcessing) << "comment" << id << "not listed: over the limit of" << MaxComments;
        return;
    }
    m_anchoredComments.insert(id, m_commentAnchors.size());
    m_commentAnchors.append({id, int(m_sections.size() - 1), cursor.position()});
}

void FlowDocument::describeComment(const QString &id, Comment comment)
{
    if (m_comments.size() < MaxComments || m_comments.contains(id))
        m_comments.insert(id, std::move(comment));
}

void FlowDocument::dropCommentAnchors(qsizetype count)
{
    while (m_commentAnchors.size() > count)
        m_anchoredComments.remove(m_commentAnchors.takeLast().id);
}

Result<std::unique_ptr<Document>> FlowDocument::create(const QString &formatId,
    std::unique_ptr<office::Package> package, const QString &formatName, const QString &mimeType, const Limits &limits,
    RenderOptions options, const std::function<std::unique_ptr<FlowReader>(FlowDocument &)> &makeReader,
    const CancellationToken &token, const ProgressCallback &progress)
{
    auto flow = std::make_unique<FlowDocument>(limits, std::move(package), options);
    const ThreadHold hold(*flow);
    flow->setDocumentFormat(formatId, formatName, mimeType);
    // The reader first: pages are counted as provisional while it has more to read.
    std::unique_ptr<FlowReader> owned = makeReader(*flow);
    FlowReader *reader = owned.get();
    flow->setReader(std::move(owned));
    if (Status status = reader->prepare(token); !status)
        return status;
    flow->setMetadata(flow->package().metadata(token));
    if (Status status = flow->ensurePages(1, token, progress); !status)
        return status;
    return std::unique_ptr<Document>(std::move(flow));
}

Status FlowDocument::doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    const ThreadHold hold(*this);
    while (m_reader && !m_reader->atEnd() && (count < 0 || m_pageCount < count)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        // One edit block per step: the layout hears of the step's changes once.
        m_inBatch = true;
        m_batch.beginEditBlock();
        Status status = m_reader->readMore(token);
        m_batch.endEditBlock();
        m_inBatch = false;
        if (status)
            status = layOutTail(token);
        if (!status)
            return status;

        countPages();
        if (m_pageCount > limits().maxPageCount)
            return {StatusCode::LimitExceeded,
                tr("The document has more than %1 pages, the limit of pages per document").arg(limits().maxPageCount)};
        if (progress)
            progress(m_pageCount, -1);
    }
    return {};
}

Status FlowDocument::layOutTail(const CancellationToken &token)
{
    if (m_sections.empty())
        return {};
    for (Section &section : m_sections)
        section.blockPagesValid = false;
    QTextDocument &document = *m_sections.back().document;
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    // Asking where a block is lays the document out up to it: from the last block laid out
    // before (found from the end: new blocks have no lines yet), a few blocks at a time, the token
    // polled in between.
    QTextBlock block = document.begin();
    for (QTextBlock probe = document.lastBlock(); probe.isValid(); probe = probe.previous()) {
        if (probe.layout() && probe.layout()->lineCount() > 0) {
            block = probe;
            break;
        }
    }
    int number = 0;
    for (; block.isValid(); block = block.next()) {
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
    for (size_t i = 0; i < m_sections.size(); ++i) {
        if (Status status = placeFootnotes(i, token); !status)
            return status;
    }
    return {};
}

Status FlowDocument::placeFootnotes(size_t sectionIndex, const CancellationToken &token)
{
    Section &section = m_sections[sectionIndex];
    // The last page of the section being read may still receive text: placed again next time.
    const bool open = sectionIndex + 1 == m_sections.size() && m_reader && !m_reader->atEnd();
    QTextDocument &document = *section.document;
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    const QSizeF content = section.setup.geometry.contentSize();
    const qreal pageHeight = content.height();
    const auto shift = [this, sectionIndex](int from, int by) { shiftPositions(int(sectionIndex), from, by); };
    int page = section.notesFrom;
    int scan = section.noteScan;
    for (;; ++page) {
        const int pages = text::contentPageCount(document, pageHeight, m_lengthScale);
        if (page >= pages) {
            // An open section keeps its last page (the last one placed) to place again.
            if (!open) {
                section.notesFrom = page;
                section.noteScan = scan;
            }
            break;
        }
        if (token.isCancelled()) {
            text::deliverPendingTimers(layout);
            return Status::fromToken(token);
        }
        section.notesFrom = page;
        section.noteScan = scan;
        Section::PageNotes placed;
        int next = scan;
        qreal height = 0;
        // Each move takes text off the page, so this ends; the guard bounds odd layouts.
        for (int guard = 0; guard < 64; ++guard) {
            next = scan;
            placed.notes = footnotes::notesOnPage(document, page, pageHeight, next);
            height = placed.notes.isEmpty() ? 0 : footnotesHeight(placed.notes, content.width());
            if ((placed.notes.isEmpty()
                    || !footnotes::makeRoom(document, page, pageHeight, pageHeight - height, scan, open, shift))
                && !footnotes::keepTogether(document, page, pageHeight, scan, open))
                break;
            section.blockPagesValid = false;
            layout->blockBoundingRect(document.lastBlock()); // lays out again what moved
        }
        if (!placed.notes.isEmpty()) {
            // Where the text leaves no room (a first paragraph, a table) the notes follow it.
            placed.top = std::max(footnotes::contentBottom(document, page, pageHeight, scan), pageHeight - height);
        }
        if (section.pageNotes.size() <= size_t(page))
            section.pageNotes.resize(size_t(page) + 1);
        section.pageNotes[size_t(page)] = placed;
        scan = next;
    }
    text::deliverPendingTimers(layout);
    return {};
}

qreal FlowDocument::footnotesHeight(const QList<int> &notes, qreal width)
{
    qreal height = FootnoteSeparatorHeight;
    for (const int index : notes) {
        if (index < 0 || size_t(index) >= m_footnotes.size())
            continue;
        FlowTextDocument &note = *m_footnotes[size_t(index)];
        if (note.textWidth() != width)
            note.setTextWidth(width);
        height += note.documentLayout()->documentSize().height();
        text::deliverPendingTimers(note.documentLayout());
    }
    return height;
}

const FlowDocument::Section::PageNotes *FlowDocument::pageNotes(const Section &section, int index) const
{
    const int page = index - section.firstPage;
    if (page < 0 || size_t(page) >= section.pageNotes.size() || section.pageNotes[size_t(page)].notes.isEmpty())
        return nullptr;
    return &section.pageNotes[size_t(page)];
}

void FlowDocument::paintFootnotes(
    QPainter &painter, const Section &section, int index, const QColor &ink, double dpi, const CancellationToken &token)
{
    const Section::PageNotes *notes = pageNotes(section, index);
    if (!notes)
        return;
    const PageGeometry &geometry = section.setup.geometry;
    const qreal width = geometry.contentSize().width();
    painter.save();
    // Notes longer than the room left run into the bottom margin, never onto another page.
    painter.setClipRect(QRectF(-geometry.margins.left(), 0, geometry.size.width(),
        geometry.contentSize().height() + geometry.margins.bottom()));
    qreal y = notes->top;
    // The separator: a short rule, as Word and LibreOffice draw it.
    painter.setPen(QPen(ink, 0.5));
    painter.drawLine(QPointF(0, y + FootnoteSeparatorHeight / 2),
        QPointF(std::min(144.0, width / 3), y + FootnoteSeparatorHeight / 2));
    y += FootnoteSeparatorHeight;
    for (const int note : notes->notes) {
        if (note < 0 || size_t(note) >= m_footnotes.size())
            continue;
        FlowTextDocument &body = *m_footnotes[size_t(note)];
        if (body.textWidth() != width)
            body.setTextWidth(width);
        text::recordPictures(body);
        painter.save();
        painter.translate(0, y);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, ink);
        body.beginDrawing(dpi, &token);
        body.documentLayout()->draw(&painter, context);
        body.endDrawing();
        painter.restore();
        y += body.documentLayout()->documentSize().height();
    }
    painter.restore();
}

void FlowDocument::shiftPositions(int section, int from, int by)
{
    for (Heading &heading : m_headings) {
        if (heading.section == section && heading.position >= from)
            heading.position += by;
    }
    for (Bookmark &bookmark : m_bookmarks) {
        if (bookmark.section == section && bookmark.position >= from)
            bookmark.position += by;
    }
    for (CommentAnchor &anchor : m_commentAnchors) {
        if (anchor.section == section && anchor.position >= from)
            anchor.position += by;
    }
}

QTextCharFormat FlowDocument::footnoteMark(QTextCharFormat format, std::shared_ptr<FlowTextDocument> body)
{
    format.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    if (!body)
        return format;
    if (m_footnotes.size() >= size_t(MaxFootnotes)) {
        qCInfo(lcWordProcessing) << "footnote not laid out: over the limit of" << MaxFootnotes;
        return format;
    }
    m_footnotes.push_back(std::move(body));
    format.setProperty(FootnoteProperty, int(m_footnotes.size() - 1));
    return format;
}

void FlowDocument::countPages()
{
    int first = 0;
    int number = 1;
    const bool final = !m_reader || m_reader->atEnd();
    for (size_t i = 0; i < m_sections.size(); ++i) {
        Section &section = m_sections[i];
        section.firstPage = first;
        section.firstNumber = section.setup.pageNumberStart >= 0 ? section.setup.pageNumberStart : number;
        const bool last = i + 1 == m_sections.size();
        const int pages
            = text::contentPageCount(*section.document, section.setup.geometry.contentSize().height(), m_lengthScale);
        // The last page of the section being read may still fill up: not known yet.
        section.pageCount = (last && !final) ? pages - 1 : pages;
        first += section.pageCount;
        number = section.firstNumber + section.pageCount;
    }
    m_pageCount = first;
}

int FlowDocument::sectionOf(int page) const
{
    const auto after = std::upper_bound(m_sections.cbegin(), m_sections.cend(), page,
        [](int p, const Section &section) { return p < section.firstPage; });
    // Sections with no page (still being read) share their first page with the next.
    auto found = std::prev(after);
    while (found != m_sections.cbegin() && found->pageCount == 0 && page >= found->firstPage + found->pageCount)
        --found;
    return int(found - m_sections.cbegin());
}

QSizeF FlowDocument::doPageSize(int index) const
{
    return m_sections[size_t(sectionOf(index))].setup.geometry.size;
}

const QList<std::pair<int, int>> &FlowDocument::blockPages(Section &section)
{
    if (!section.blockPagesValid) {
        section.blockPages = text::indexBlockPages(*section.document, section.setup.geometry.contentSize().height());
        section.blockPagesValid = true;
    }
    return section.blockPages;
}

int FlowDocument::pageNumber(int index) const
{
    const Section &section = m_sections[size_t(sectionOf(index))];
    return section.firstNumber + index - section.firstPage;
}

FlowTextDocument *FlowDocument::marginDocument(Section &section, int index, bool footer)
{
    const auto &documents = footer ? section.setup.footer : section.setup.header;
    const int inSection = index - section.firstPage;
    if (section.setup.titlePage && inSection == 0)
        return documents[FirstHeader].get();
    if (section.setup.evenAndOdd && pageNumber(index) % 2 == 0 && documents[EvenHeader])
        return documents[EvenHeader].get();
    return documents[DefaultHeader].get();
}

void FlowDocument::prepareMargin(FlowTextDocument &document, int index, qreal width)
{
    // Page fields: replaced in place, last first so positions stay valid.
    struct Field
    {
        int position;
        int length;
        QTextCharFormat format;
        QString text;
    };
    QList<Field> fields;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const int kind = fragment.charFormat().intProperty(PageFieldProperty);
            if (kind == 0)
                continue;
            const QString text = QString::number(kind == int(PageField::PageCount) ? m_pageCount : pageNumber(index));
            if (fragment.text() != text)
                fields.append({fragment.position(), fragment.length(), fragment.charFormat(), text});
        }
    }
    for (auto it = fields.crbegin(); it != fields.crend(); ++it) {
        QTextCursor cursor(&document);
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        cursor.insertText(it->text, it->format);
    }
    if (document.textWidth() != width)
        document.setTextWidth(width);
    document.documentLayout()->documentSize(); // lays it out
    text::deliverPendingTimers(document.documentLayout());
}

qreal FlowDocument::marginTop(const Section &section, FlowTextDocument &document, bool footer) const
{
    const PageGeometry &geometry = section.setup.geometry;
    if (!footer)
        return geometry.headerDistance;
    const qreal height = document.documentLayout()->documentSize().height();
    return geometry.size.height() - geometry.footerDistance - height;
}

Result<QImage> FlowDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return text::renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
}

Status FlowDocument::doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    const ThreadHold hold(*this);
    // NUMPAGES in a header needs the final count before the first page can show it.
    if (m_usesPageCount && m_reader && !m_reader->atEnd()) {
        if (Status status = doEnsurePages(-1, token, {}); !status)
            return status;
    }
    Section &section = sectionAt(index);
    const PageGeometry &geometry = section.setup.geometry;
    const QColor ink = text::inkFor(request.background);
    const text::PainterSave saved(painter);
    // Where the pictures land, headers' and footers' included, for night modes that keep pictures
    // (doPictureRects()).
    const text::PictureRecording pictures(painter);
    text::recordPictures(*section.document);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    for (const bool footer : {false, true}) {
        FlowTextDocument *margin = marginDocument(section, index, footer);
        if (!margin)
            continue;
        prepareMargin(*margin, index, geometry.contentSize().width());
        text::recordPictures(*margin);
        painter.save();
        painter.translate(geometry.margins.left(), marginTop(section, *margin, footer));
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, ink);
        margin->beginDrawing(request.dpi, &token);
        margin->documentLayout()->draw(&painter, context);
        // A header or footer is one page tall, however tall it is.
        paintTabLeaders(painter, *margin, 0, margin->documentLayout()->documentSize().height() + 1,
            {0, margin->characterCount()}, ink);
        margin->endDrawing();
        painter.restore();
    }
    // doTextBoxes() places words with this same geometry: keep the two in step.
    painter.translate(geometry.margins.left(), geometry.margins.top());
    section.document->beginDrawing(request.dpi, &token);
    text::drawDocumentPage(painter, *section.document, index - section.firstPage, geometry.contentSize(),
        std::min(geometry.margins.left(), geometry.margins.right()) / 2, ink);
    const qreal pageHeight = geometry.contentSize().height();
    const auto range
        = text::pagePositions(*section.document, blockPages(section), index - section.firstPage, pageHeight);
    paintTabLeaders(painter, *section.document, index - section.firstPage, pageHeight, range, ink);
    painter.save();
    // A border may reach into the page margins (a paragraph at the top of the text area), not
    // onto the next page's text.
    painter.setClipRect(QRectF(-geometry.margins.left(), -geometry.margins.top() / 2, geometry.size.width(),
        pageHeight + (geometry.margins.top() + geometry.margins.bottom()) / 2));
    paintParagraphBorders(painter, *section.document, index - section.firstPage, pageHeight, range);
    painter.restore();
    section.document->endDrawing();
    paintFootnotes(painter, section, index, ink, request.dpi, token);
    m_paintedPictures = {index, pictures.rects()};
    return {};
}

QList<QRectF> FlowDocument::doPictureRects(int index, const CancellationToken &) const
{
    return m_paintedPictures.first == index ? m_paintedPictures.second : QList<QRectF>();
}

Result<QString> FlowDocument::doText(int index, const CancellationToken &token)
{
    const ThreadHold hold(*this);
    if (m_usesPageCount && m_reader && !m_reader->atEnd()) {
        if (Status status = doEnsurePages(-1, token, {}); !status)
            return status;
    }
    Section &section = sectionAt(index);
    QStringList parts;
    FlowTextDocument *header = marginDocument(section, index, false);
    FlowTextDocument *footer = marginDocument(section, index, true);
    const qreal width = section.setup.geometry.contentSize().width();
    if (header) {
        prepareMargin(*header, index, width);
        parts.append(marginText(*header));
    }
    parts.append(text::pageText(*section.document, blockPages(section), index - section.firstPage,
        section.setup.geometry.contentSize().height()));
    if (const Section::PageNotes *notes = pageNotes(section, index)) {
        for (const int note : notes->notes)
            parts.append(marginText(*m_footnotes[size_t(note)]));
    }
    if (footer) {
        prepareMargin(*footer, index, width);
        parts.append(marginText(*footer));
    }
    parts.removeAll(QString());
    return parts.join(u'\n');
}

Status FlowDocument::doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token)
{
    const ThreadHold hold(*this);
    if (m_usesPageCount && m_reader && !m_reader->atEnd()) {
        if (Status status = doEnsurePages(-1, token, {}); !status)
            return status;
    }
    Section &section = sectionAt(index);
    const qreal width = section.setup.geometry.contentSize().width();
    const auto visitMargin = [&](bool footer) -> Status {
        FlowTextDocument *margin = marginDocument(section, index, footer);
        if (!margin)
            return {};
        prepareMargin(*margin, index, width);
        margin->beginDrawing(imageDpi, &token);
        const Status status = visitor({margin, 0, margin->characterCount() - 1,
            footer ? FlowFragment::Role::Footer : FlowFragment::Role::Header});
        margin->endDrawing();
        return status;
    };
    if (Status status = visitMargin(false); !status)
        return status;
    const auto [from, to] = text::pagePositions(*section.document, blockPages(section), index - section.firstPage,
        section.setup.geometry.contentSize().height());
    section.document->beginDrawing(imageDpi, &token);
    const Status status = visitor({section.document.get(), from, to, FlowFragment::Role::Body});
    section.document->endDrawing();
    if (!status)
        return status;
    if (const Section::PageNotes *notes = pageNotes(section, index)) {
        for (const int note : notes->notes) {
            FlowTextDocument &body = *m_footnotes[size_t(note)];
            body.beginDrawing(imageDpi, &token);
            const Status visited = visitor({&body, 0, body.characterCount() - 1, FlowFragment::Role::Body});
            body.endDrawing();
            if (!visited)
                return visited;
        }
    }
    return visitMargin(true);
}

Result<QList<TextBox>> FlowDocument::doTextBoxes(int index, const CancellationToken &token)
{
    const ThreadHold hold(*this);
    if (m_usesPageCount && m_reader && !m_reader->atEnd()) {
        if (Status status = doEnsurePages(-1, token, {}); !status)
            return status;
    }
    Section &section = sectionAt(index);
    const PageGeometry &geometry = section.setup.geometry;
    QList<TextBox> boxes;
    if (FlowTextDocument *header = marginDocument(section, index, false)) {
        prepareMargin(*header, index, geometry.contentSize().width());
        appendMarginWords(boxes, *header, QPointF(geometry.margins.left(), marginTop(section, *header, false)));
    }
    text::appendPageWords(boxes, *section.document, blockPages(section), index - section.firstPage,
        geometry.contentSize().height(), QPointF(geometry.margins.left(), geometry.margins.top()));
    if (const Section::PageNotes *notes = pageNotes(section, index)) {
        qreal y = geometry.margins.top() + notes->top + FootnoteSeparatorHeight;
        for (const int note : notes->notes) {
            const FlowTextDocument &body = *m_footnotes[size_t(note)];
            appendMarginWords(boxes, body, QPointF(geometry.margins.left(), y));
            y += body.documentLayout()->documentSize().height();
        }
    }
    if (FlowTextDocument *footer = marginDocument(section, index, true)) {
        prepareMargin(*footer, index, geometry.contentSize().width());
        appendMarginWords(boxes, *footer, QPointF(geometry.margins.left(), marginTop(section, *footer, true)));
    }
    return boxes;
}

Result<QList<Annotation>> FlowDocument::doAnnotations(int index, const CancellationToken &token)
{
    const ThreadHold hold(*this);
    const int sectionIndex = sectionOf(index);
    const Section &section = m_sections[size_t(sectionIndex)];
    const PageGeometry &geometry = section.setup.geometry;
    const qreal pageHeight = geometry.contentSize().height();
    QList<Annotation> annotations;
    for (const CommentAnchor &anchor : std::as_const(m_commentAnchors)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const auto comment = m_comments.constFind(anchor.id);
        if (anchor.section != sectionIndex || comment == m_comments.cend())
            continue;
        const auto [page, rect] = text::positionOnPage(*section.document, anchor.position, pageHeight);
        if (section.firstPage + page != index)
            continue;
        Annotation annotation;
        annotation.type = Annotation::Type::Text;
        annotation.subject = tr("Comment");
        // A note's square at the anchor, as high as its line.
        annotation.rect = QRectF(
            rect.left() + geometry.margins.left(), rect.top() + geometry.margins.top(), rect.height(), rect.height());
        annotation.author = comment->author;
        annotation.created = comment->date;
        annotation.contents = comment->text;
        annotation.id = anchor.id;
        annotations.append(std::move(annotation));
    }
    return annotations;
}

Result<QList<Link>> FlowDocument::doLinks(int index, const CancellationToken &token)
{
    const ThreadHold hold(*this);
    if (m_usesPageCount && m_reader && !m_reader->atEnd()) {
        if (Status status = doEnsurePages(-1, token, {}); !status)
            return status;
    }
    QList<text::AnchorArea> areas;
    {
        // Placed as doTextBoxes() places the words. The section is not used past this block:
        // finding a bookmark may read on, and m_sections grows.
        Section &section = sectionAt(index);
        const PageGeometry &geometry = section.setup.geometry;
        if (FlowTextDocument *header = marginDocument(section, index, false)) {
            prepareMargin(*header, index, geometry.contentSize().width());
            appendMarginAnchors(areas, *header, QPointF(geometry.margins.left(), marginTop(section, *header, false)));
        }
        text::appendPageAnchors(areas, *section.document, blockPages(section), index - section.firstPage,
            geometry.contentSize().height(), QPointF(geometry.margins.left(), geometry.margins.top()));
        if (const Section::PageNotes *notes = pageNotes(section, index)) {
            qreal y = geometry.margins.top() + notes->top + FootnoteSeparatorHeight;
            for (const int note : notes->notes) {
                const FlowTextDocument &body = *m_footnotes[size_t(note)];
                appendMarginAnchors(areas, body, QPointF(geometry.margins.left(), y));
                y += body.documentLayout()->documentSize().height();
            }
        }
        if (FlowTextDocument *footer = marginDocument(section, index, true)) {
            prepareMargin(*footer, index, geometry.contentSize().width());
            appendMarginAnchors(areas, *footer, QPointF(geometry.margins.left(), marginTop(section, *footer, true)));
        }
    }
    QList<Link> links;
    for (const text::AnchorArea &area : std::as_const(areas)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        Link link;
        link.rect = area.rect;
        const QString href = area.href.trimmed();
        if (text::hasUrlScheme(href)) {
            link.kind = Link::Kind::Uri;
            link.uri = href;
        } else if (href.startsWith(u'#')) {
            const Result<int> page = bookmarkPage(QUrl::fromPercentEncoding(href.mid(1).toUtf8()), token);
            if (!page)
                return page.status();
            if (*page < 0)
                continue; // tables, frames, a name the document does not have: not kept
            link.page = *page;
        } else {
            // "../report.docx", "notes.odt#intro": another file, which the viewer does not open.
            link.kind = Link::Kind::RemoteGoTo;
            link.uri = href;
        }
        links.append(link);
    }
    return links;
}

Result<int> FlowDocument::bookmarkPage(const QString &target, const CancellationToken &token)
{
    // ODF's links to headings name them by their text, after their number where they have one
    // ("#2.Scope|outline", "#Scope|outline"); headings are kept by their text (addHeading()).
    QStringList names {target};
    if (target.endsWith(QLatin1String("|outline"))) {
        static const QRegularExpression number(QStringLiteral("^\\d+(\\.\\d+)*\\.?\\s*"));
        QString text = target.chopped(8).simplified();
        names.append(text + QLatin1String("|outline"));
        names.append(text.remove(number) + QLatin1String("|outline"));
    }
    const auto known = [&] {
        for (const QString &name : std::as_const(names)) {
            if (m_bookmarks.contains(name))
                return name;
        }
        return QString();
    };
    const auto final = [this] { return !m_reader || m_reader->atEnd(); };
    QString name = known();
    while (name.isEmpty() && !final()) {
        if (Status status = doEnsurePages(m_pageCount + 1, token, {}); !status)
            return status;
        name = known();
    }
    const auto found = m_bookmarks.constFind(name);
    if (found == m_bookmarks.cend())
        return -1;
    const Bookmark bookmark = *found;
    const auto page = [&] {
        const Section &section = m_sections[size_t(bookmark.section)];
        return section.firstPage
            + std::max(0,
                text::pageOfPosition(
                    *section.document, bookmark.position, section.setup.geometry.contentSize().height()));
    };
    // The last page of the section being read is not counted until it is full.
    while (page() >= m_pageCount && !final()) {
        if (Status status = doEnsurePages(page() + 1, token, {}); !status)
            return status;
    }
    return std::clamp(page(), 0, std::max(0, m_pageCount - 1));
}

Result<QList<OutlineItem>> FlowDocument::doOutline(const CancellationToken &token)
{
    const ThreadHold hold(*this);
    // Headings point anywhere: every page must be laid out to know theirs.
    if (Status status = doEnsurePages(-1, token, {}); !status)
        return status;
    QList<OutlineItem> roots;
    // The open items by level: a heading becomes a child of the nearest shallower one before it.
    QList<std::pair<int, QList<int>>> path; // (level, index path into roots)
    for (const Heading &heading : std::as_const(m_headings)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const Section &section = m_sections[size_t(heading.section)];
        OutlineItem item;
        item.title = heading.title;
        const int page
            = text::pageOfPosition(*section.document, heading.position, section.setup.geometry.contentSize().height());
        item.page = section.firstPage + std::clamp(page, 0, std::max(0, section.pageCount - 1));
        while (!path.isEmpty() && path.last().first >= heading.level)
            path.removeLast();
        QList<OutlineItem> *siblings = &roots;
        QList<int> indices;
        if (!path.isEmpty()) {
            indices = path.last().second;
            for (int i : std::as_const(indices))
                siblings = &(*siblings)[i].children;
        }
        siblings->append(item);
        indices.append(int(siblings->size() - 1));
        path.append({heading.level, indices});
    }
    return roots;
}

} // namespace folio::wordprocessing
