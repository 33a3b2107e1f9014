// SPDX-License-Identifier: GPL-3.0-or-later
#include "slidepainter.h"

#include "backends/office/chart.h"

#include "backends/common/text/textpage.h"
#include "backends/office/officepackage.h"
#include "fonts.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextCharFormat>

#include <algorithm>
#include <cmath>

namespace folio::presentation {

namespace {

class SlidePainterText
{
    Q_DECLARE_TR_FUNCTIONS(folio::presentation::SlidePainter)
};

// DrawingML defaults: 0.1 in left/right and 0.05 in top/bottom insets, 18 pt text.
constexpr qreal DefaultInsetX = 7.2;
constexpr qreal DefaultInsetY = 3.6;
constexpr double DefaultSize = 18;
// Shapes are laid out at most this many slide widths wide: a hostile 10^12 EMU frame must not
// make QTextLayout compute a line as long as a continent.
constexpr qreal MaxFrameFactor = 4;
constexpr qreal NotesMargin = 18;
constexpr qreal NotesLabelHeight = 20;

QFont fontFor(const TextProps &props, double scale)
{
    QFont font;
    font.setFamilies(fonts::substitutes(props.family));
    font.setPointSizeF(std::clamp(props.size.value_or(DefaultSize), 1.0, 4000.0) * scale);
    font.setBold(props.bold.value_or(false));
    font.setItalic(props.italic.value_or(false));
    font.setUnderline(props.underline.value_or(false));
    // No optional ligatures: exported PDFs keep every letter searchable (see FlowDocument).
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QColor colorFor(const TextProps &props)
{
    return props.color.value_or(QColor(Qt::black));
}

// Paragraph text with formats per run; bullets are drawn apart so the text stays the words only.
struct ParagraphText
{
    QString text;
    QList<QTextLayout::FormatRange> formats;
    QFont baseFont;
};

ParagraphText paragraphText(const Paragraph &paragraph, double scale)
{
    ParagraphText result;
    const TextProps &first = paragraph.runs.isEmpty() ? paragraph.endProps : paragraph.runs.first().props;
    result.baseFont = fontFor(first, scale);
    for (const Run &run : paragraph.runs) {
        if (run.text.isEmpty())
            continue;
        QTextLayout::FormatRange range;
        range.start = int(result.text.size());
        range.length = int(run.text.size());
        range.format.setFont(fontFor(run.props, scale));
        range.format.setForeground(colorFor(run.props));
        result.formats.append(range);
        result.text += run.text;
    }
    return result;
}

LaidText layoutAtScale(const TextBody &body, const QRectF &frame, const QPaintDevice *device, double scale,
    const CancellationToken &token, double lineSpacingReduction = 0)
{
    LaidText laid;
    const qreal insetLeft = body.insetLeft.value_or(DefaultInsetX);
    const qreal insetRight = body.insetRight.value_or(DefaultInsetX);
    const qreal width = std::max<qreal>(1, frame.width() - insetLeft - insetRight);
    qreal y = 0;
    for (const Paragraph &paragraph : body.paragraphs) {
        if (token.isCancelled())
            break;
        if (!laid.paragraphs.empty()) {
            const TextProps &first = paragraph.runs.isEmpty() ? paragraph.endProps : paragraph.runs.first().props;
            const double lines = paragraph.props.spaceBeforeLines.value_or(0) * first.size.value_or(DefaultSize) * 1.2;
            y += std::clamp(paragraph.props.spaceBefore.value_or(lines), 0.0, 1000.0) * scale;
        }
        // PowerPoint's lnSpcReduction takes percentage points off the spacing (100 % → 80 %).
        const qreal lineSpacing = std::max(0.1, paragraph.props.lineSpacing.value_or(1.0) - lineSpacingReduction);
        LaidParagraph out;
        const ParagraphText text = paragraphText(paragraph, scale);
        const qreal marginLeft = std::clamp<qreal>(paragraph.props.marginLeft.value_or(0) * scale, 0, width * 0.9);
        const qreal indent = std::clamp<qreal>(paragraph.props.indent.value_or(0) * scale, -marginLeft, width * 0.5);
        const Bullet bullet = paragraph.props.bullet.value_or(Bullet {});
        qreal firstX = marginLeft + indent;
        if (bullet.kind != Bullet::Kind::None && !text.text.isEmpty()) {
            out.bullet
                = bullet.kind == Bullet::Kind::Char ? bullet.character : numberLabel(bullet.scheme, paragraph.number);
            out.bulletFont = text.baseFont;
            out.bulletColor = colorFor(paragraph.runs.isEmpty() ? paragraph.endProps : paragraph.runs.first().props);
            const qreal bulletWidth = QFontMetricsF(out.bulletFont, device).horizontalAdvance(out.bullet + u' ');
            firstX = std::max(marginLeft, marginLeft + indent + bulletWidth);
        }
        out.layout = std::make_unique<QTextLayout>(text.text, text.baseFont, device);
        out.layout->setFormats(text.formats);
        QTextOption option;
        option.setWrapMode(body.wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
        const Qt::Alignment alignment = paragraph.props.alignment.value_or(Qt::AlignLeft);
        option.setAlignment(alignment);
        out.layout->setTextOption(option);
        out.layout->beginLayout();
        qreal lineY = 0;
        bool firstLine = true;
        for (QTextLine line = out.layout->createLine(); line.isValid(); line = out.layout->createLine()) {
            const qreal x = firstLine ? firstX : marginLeft;
            line.setLineWidth(std::max<qreal>(1, width - x));
            line.setPosition(QPointF(x, lineY));
            lineY += line.height() * lineSpacing;
            if (firstLine && !out.bullet.isEmpty())
                out.bulletPosition = QPointF(insetLeft + marginLeft + indent, y + line.ascent());
            firstLine = false;
            // A paragraph of a million characters still ends: stop once far below the frame.
            if (lineY > frame.height() * 4 + 1000 || token.isCancelled())
                break;
        }
        out.layout->endLayout();
        out.origin = QPointF(insetLeft, y);
        y += lineY;
        laid.paragraphs.push_back(std::move(out));
        if (y > frame.height() * 4 + 1000)
            break;
    }
    laid.height = y;
    return laid;
}

void anchor(LaidText &laid, const TextBody &body, const QRectF &frame)
{
    const qreal insetTop = body.insetTop.value_or(DefaultInsetY);
    const qreal available = frame.height() - insetTop - body.insetBottom.value_or(DefaultInsetY);
    qreal offset = insetTop;
    const qreal spare = std::max<qreal>(0, available - laid.height);
    switch (body.anchor.value_or(Anchor::Top)) {
    case Anchor::Top:
        break;
    case Anchor::Middle:
        offset += spare / 2;
        break;
    case Anchor::Bottom:
        offset += spare;
        break;
    }
    for (LaidParagraph &paragraph : laid.paragraphs) {
        paragraph.origin.ry() += offset;
        paragraph.bulletPosition.ry() += offset;
    }
}

// The frame a shape is drawn in, cut down to the slide and a margin around it: a hostile
// 10^12 EMU frame must neither make QTextLayout compute lines as long as a continent nor push
// QPainter's coordinates out of range. A frame far off the slide becomes empty.
QRectF saneRect(const QRectF &rect, QSizeF size)
{
    const QRectF result = rect.normalized();
    if (!std::isfinite(result.x()) || !std::isfinite(result.y()) || !std::isfinite(result.width())
        || !std::isfinite(result.height()))
        return {};
    const QRectF area(-size.width() * (MaxFrameFactor - 1) / 2, -size.height() * (MaxFrameFactor - 1) / 2,
        size.width() * MaxFrameFactor, size.height() * MaxFrameFactor);
    if (area.contains(result))
        return result;
    return result.intersected(area);
}

QTransform shapeTransform(const Shape &shape, const QRectF &rect)
{
    QTransform transform;
    if (shape.rotation == 0 && !shape.flipH && !shape.flipV)
        return transform;
    const QPointF centre = rect.center();
    transform.translate(centre.x(), centre.y());
    transform.rotate(shape.rotation);
    transform.scale(shape.flipH ? -1 : 1, shape.flipV ? -1 : 1);
    transform.translate(-centre.x(), -centre.y());
    return transform;
}

void paintLaid(QPainter &painter, const LaidText &laid, const QPointF &topLeft)
{
    for (const LaidParagraph &paragraph : laid.paragraphs) {
        if (!paragraph.bullet.isEmpty()) {
            painter.setFont(paragraph.bulletFont);
            painter.setPen(paragraph.bulletColor);
            painter.drawText(topLeft + paragraph.bulletPosition, paragraph.bullet);
        }
        paragraph.layout->draw(&painter, topLeft + paragraph.origin);
    }
}

void appendBoxes(QList<TextBox> &boxes, const LaidText &laid, const QPointF &topLeft, const QTransform &transform)
{
    const qsizetype first = boxes.size();
    for (const LaidParagraph &paragraph : laid.paragraphs) {
        const QString text = paragraph.layout->text();
        const QPointF origin = topLeft + paragraph.origin;
        for (int i = 0; i < paragraph.layout->lineCount(); ++i) {
            const QTextLine line = paragraph.layout->lineAt(i);
            text::appendLineWords(boxes, line, text, origin.x(), origin.y() + line.y(), line.height());
        }
    }
    if (!transform.isIdentity()) {
        for (qsizetype i = first; i < boxes.size(); ++i)
            boxes[i].rect = transform.mapRect(boxes[i].rect);
    }
}

struct TableGeometry
{
    QList<qreal> x; // column edges, columns + 1
    QList<qreal> y; // row edges, rows + 1
};

TableGeometry tableGeometry(const Shape &shape, const QPaintDevice *device, const CancellationToken &token)
{
    const Table &table = *shape.table;
    TableGeometry geometry;
    qreal x = shape.rect.left();
    geometry.x.append(x);
    for (double width : table.columnWidths) {
        x += std::clamp(width, 0.0, shape.rect.width() * 2 + 100);
        geometry.x.append(x);
    }
    qreal y = shape.rect.top();
    geometry.y.append(y);
    for (qsizetype r = 0; r < table.rows.size() && !token.isCancelled(); ++r) {
        qreal height = r < table.rowHeights.size() ? std::max(0.0, table.rowHeights[r]) : 0;
        const QList<TableCell> &cells = table.rows[r];
        for (qsizetype c = 0; c < cells.size() && c + 1 < geometry.x.size(); ++c) {
            if (cells[c].merged)
                continue;
            const qsizetype end = std::min<qsizetype>(c + std::max(1, cells[c].columnSpan), geometry.x.size() - 1);
            const QRectF frame(geometry.x[c], 0, geometry.x[end] - geometry.x[c], 1e6);
            const LaidText laid = layoutAtScale(cells[c].body, frame, device, 1.0, token);
            height = std::max(height, laid.height + 2 * DefaultInsetY);
        }
        y += std::min<qreal>(height, shape.rect.height() * 4 + 1000);
        geometry.y.append(y);
    }
    return geometry;
}

} // namespace

LaidText layoutBody(const TextBody &body, const QRectF &frame, const QPaintDevice *device,
    const CancellationToken &token, bool shrinkToFit)
{
    const qreal available
        = frame.height() - body.insetTop.value_or(DefaultInsetY) - body.insetBottom.value_or(DefaultInsetY);
    if (body.fitSaved) {
        // The scale PowerPoint saved, exactly: shrinking more would make text smaller than its.
        LaidText laid = layoutAtScale(body, frame, device, body.fontScale, token, body.lineSpacingReduction);
        anchor(laid, body, frame);
        return laid;
    }
    LaidText laid = layoutAtScale(body, frame, device, 1.0, token);
    // Autofit, roughly (ODF saves no scale): overflowing text shrinks; a few steps down to 40%
    // are enough for typical decks and bound the work.
    double scale = 1.0;
    while (shrinkToFit && body.wrap && laid.height > available && scale > 0.45 && !token.isCancelled()) {
        scale *= 0.85;
        laid = layoutAtScale(body, frame, device, scale, token);
    }
    anchor(laid, body, frame);
    return laid;
}

SlidePainter::SlidePainter(office::ImageStore *images)
    : m_images(images)
    , m_device(text::makePointDevice())
{ }

Status SlidePainter::paint(
    QPainter &painter, const Slide &slide, QSizeF size, double dpi, const CancellationToken &token)
{
    const QRectF slideRect(QPointF(0, 0), size);
    painter.save();
    painter.setClipRect(slideRect);
    painter.fillRect(slideRect, slide.background.value_or(QColor(Qt::white)));
    if (!slide.backgroundImage.isEmpty() && m_images) {
        const QSize pixels = (size * dpi / 72.0).toSize();
        painter.drawImage(slideRect, m_images->image(slide.backgroundImage, pixels, token));
    }
    paintShapes(painter, slide.shapes, size, dpi, token);
    painter.restore();
    return Status::fromToken(token);
}

Status SlidePainter::paintShapes(
    QPainter &painter, const QList<Shape> &shapes, QSizeF size, double dpi, const CancellationToken &token)
{
    for (const Shape &shape : shapes) {
        if (token.isCancelled())
            break;
        paintShape(painter, shape, size, dpi, token);
    }
    return Status::fromToken(token);
}

void SlidePainter::paintShape(
    QPainter &painter, const Shape &shape, QSizeF size, double dpi, const CancellationToken &token)
{
    const QRectF rect = saneRect(shape.rect, size);
    if (rect.isNull() && shape.kind != Shape::Kind::Line)
        return;
    const QTransform transform = shapeTransform(shape, rect);
    if (!transform.mapRect(rect).adjusted(-1, -1, 1, 1).intersects(QRectF(QPointF(0, 0), size)))
        return;
    painter.save();
    painter.setTransform(transform, true);
    const QColor fill = shape.fill.value_or(Qt::transparent);
    QPen pen(Qt::NoPen);
    if (shape.line && shape.line->alpha() > 0)
        pen = QPen(*shape.line, std::clamp(shape.lineWidth, 0.0, 100.0));
    painter.setPen(pen);
    painter.setBrush(fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush));
    switch (shape.kind) {
    case Shape::Kind::Text:
    case Shape::Kind::Rectangle:
        if (fill.alpha() > 0 || pen.style() != Qt::NoPen)
            painter.drawRect(rect);
        break;
    case Shape::Kind::RoundRectangle: {
        const qreal radius = std::min(rect.width(), rect.height()) / 6;
        painter.drawRoundedRect(rect, radius, radius);
        break;
    }
    case Shape::Kind::Ellipse:
        painter.drawEllipse(rect);
        break;
    case Shape::Kind::Triangle:
        painter.drawPolygon(QPolygonF({QPointF(rect.center().x(), rect.top()), rect.bottomRight(), rect.bottomLeft()}));
        break;
    case Shape::Kind::Trapezoid: {
        // The top edge is inset on both sides by the adjustment (a share of the shorter side),
        // at most to the middle, where it becomes a triangle.
        const qreal inset = std::clamp(
            std::min(rect.width(), rect.height()) * shape.adjust.value_or(25000) / 100000, 0.0, rect.width() / 2);
        painter.drawPolygon(QPolygonF({QPointF(rect.left() + inset, rect.top()),
            QPointF(rect.right() - inset, rect.top()), rect.bottomRight(), rect.bottomLeft()}));
        break;
    }
    case Shape::Kind::Line:
        if (pen.style() == Qt::NoPen)
            painter.setPen(QPen(Qt::black, 0.75));
        painter.drawLine(rect.topLeft(), rect.bottomRight());
        break;
    case Shape::Kind::Picture:
        if (m_images && !shape.image.isEmpty()) {
            // Never ask for more pixels than a few pages' worth, whatever the frame claims.
            QSizeF pixels = rect.size() * dpi / 72.0;
            const qreal limit = std::max(size.width(), size.height()) * dpi / 72.0 * 2;
            if (pixels.width() > limit || pixels.height() > limit)
                pixels.scale(limit, limit, Qt::KeepAspectRatio);
            const QSize wanted(std::max(1, int(pixels.width())), std::max(1, int(pixels.height())));
            painter.drawImage(rect, m_images->image(shape.image, wanted, token));
        }
        if (pen.style() != Qt::NoPen) {
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(rect);
        }
        break;
    case Shape::Kind::Table:
        if (shape.table)
            paintTable(painter, shape, token);
        break;
    case Shape::Kind::Chart:
        if (shape.chart)
            shape.chart->paint(painter, rect);
        break;
    }
    if (!shape.text.paragraphs.isEmpty()) {
        // Flipped shapes keep their text readable: only the rotation applies to it.
        if (shape.flipH || shape.flipV) {
            painter.restore();
            painter.save();
            Shape unflipped;
            unflipped.rotation = shape.rotation;
            painter.setTransform(shapeTransform(unflipped, rect), true);
        }
        const LaidText laid = layoutBody(shape.text, rect, &m_device, token);
        paintLaid(painter, laid, rect.topLeft());
    }
    painter.restore();
}

void SlidePainter::paintTable(QPainter &painter, const Shape &shape, const CancellationToken &token)
{
    const Table &table = *shape.table;
    const TableGeometry geometry = tableGeometry(shape, &m_device, token);
    for (qsizetype r = 0; r < table.rows.size() && r + 1 < geometry.y.size(); ++r) {
        if (token.isCancelled())
            return;
        const QList<TableCell> &cells = table.rows[r];
        for (qsizetype c = 0; c < cells.size() && c + 1 < geometry.x.size(); ++c) {
            if (cells[c].merged)
                continue;
            const qsizetype end = std::min<qsizetype>(c + std::max(1, cells[c].columnSpan), geometry.x.size() - 1);
            const QRectF cell(QPointF(geometry.x[c], geometry.y[r]), QPointF(geometry.x[end], geometry.y[r + 1]));
            painter.setBrush(cells[c].fill ? QBrush(*cells[c].fill) : QBrush(Qt::NoBrush));
            if (table.styled) {
                painter.setPen(Qt::NoPen);
                painter.drawRect(cell);
            } else {
                painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 0.75));
                painter.drawRect(cell);
            }
            LaidText laid = layoutAtScale(cells[c].body, cell, &m_device, 1.0, token);
            anchor(laid, cells[c].body, cell);
            paintLaid(painter, laid, cell.topLeft());
        }
    }
    if (!table.styled)
        return;
    // The style's borders over every cell's fill, so a neighbour's fill does not cover them.
    for (qsizetype r = 0; r < table.rows.size() && r + 1 < geometry.y.size(); ++r) {
        const QList<TableCell> &cells = table.rows[r];
        for (qsizetype c = 0; c < cells.size() && c + 1 < geometry.x.size(); ++c) {
            if (cells[c].merged)
                continue;
            const qsizetype end = std::min<qsizetype>(c + std::max(1, cells[c].columnSpan), geometry.x.size() - 1);
            const QRectF cell(QPointF(geometry.x[c], geometry.y[r]), QPointF(geometry.x[end], geometry.y[r + 1]));
            const QLineF sides[] = {QLineF(cell.topLeft(), cell.topRight()), QLineF(cell.topLeft(), cell.bottomLeft()),
                QLineF(cell.bottomLeft(), cell.bottomRight()), QLineF(cell.topRight(), cell.bottomRight())};
            for (size_t side = 0; side < 4; ++side) {
                const auto &edge = cells[c].borders[side];
                if (!edge || edge->width <= 0)
                    continue;
                painter.setPen(QPen(edge->color, edge->width, Qt::SolidLine, Qt::SquareCap));
                painter.drawLine(sides[side]);
            }
        }
    }
}

QRectF notesFrame(QSizeF size, qreal height)
{
    return QRectF(NotesMargin, size.height() + NotesLabelHeight, std::max<qreal>(1, size.width() - 2 * NotesMargin),
        std::max<qreal>(1, height - NotesLabelHeight - NotesMargin / 2));
}

qreal SlidePainter::notesHeight(const Slide &slide, QSizeF size, const CancellationToken &token)
{
    TextBody body;
    body.paragraphs = slide.notes;
    const QRectF frame = notesFrame(size, 1e6);
    const LaidText laid = layoutAtScale(body, frame, &m_device, 1.0, token);
    const qreal wanted = laid.height + 2 * DefaultInsetY + NotesLabelHeight + NotesMargin / 2;
    // At least a quarter of the slide so pages stay alike; at most four slides tall.
    return std::clamp<qreal>(wanted, size.height() / 4, size.height() * 4);
}

Status SlidePainter::paintNotes(
    QPainter &painter, const Slide &slide, QSizeF size, qreal height, const CancellationToken &token)
{
    painter.save();
    const QRectF panel(0, size.height(), size.width(), height);
    painter.setClipRect(panel);
    painter.fillRect(panel, QColor(0xF4, 0xF4, 0xF4));
    painter.setPen(QPen(QColor(0x90, 0x90, 0x90), 1));
    painter.drawLine(panel.topLeft(), panel.topRight());
    QFont label;
    label.setFamilies(fonts::substitutes(QString()));
    label.setPointSizeF(10);
    label.setBold(true);
    painter.setFont(label);
    painter.setPen(QColor(0x50, 0x50, 0x50));
    painter.drawText(QRectF(NotesMargin, size.height(), size.width() - 2 * NotesMargin, NotesLabelHeight),
        Qt::AlignLeft | Qt::AlignVCenter, SlidePainterText::tr("Notes"));
    TextBody body;
    body.paragraphs = slide.notes;
    const QRectF frame = notesFrame(size, height);
    const LaidText laid = layoutBody(body, frame, &m_device, token, false);
    paintLaid(painter, laid, frame.topLeft());
    painter.restore();
    return Status::fromToken(token);
}

Result<QList<TextBox>> SlidePainter::textBoxes(
    const Slide &slide, QSizeF size, qreal notesHeight, const CancellationToken &token)
{
    QList<TextBox> boxes;
    for (const Shape *shape : readingOrder(slide)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const QRectF rect = saneRect(shape->rect, size);
        if (rect.isNull())
            continue;
        Shape unflipped;
        unflipped.rotation = shape->rotation;
        const QTransform transform = shapeTransform(unflipped, rect);
        if (shape->kind == Shape::Kind::Table && shape->table) {
            const TableGeometry geometry = tableGeometry(*shape, &m_device, token);
            const Table &table = *shape->table;
            for (qsizetype r = 0; r < table.rows.size() && r + 1 < geometry.y.size(); ++r) {
                for (qsizetype c = 0; c < table.rows[r].size() && c + 1 < geometry.x.size(); ++c) {
                    const TableCell &cellData = table.rows[r][c];
                    if (cellData.merged)
                        continue;
                    const qsizetype end
                        = std::min<qsizetype>(c + std::max(1, cellData.columnSpan), geometry.x.size() - 1);
                    const QRectF cell(
                        QPointF(geometry.x[c], geometry.y[r]), QPointF(geometry.x[end], geometry.y[r + 1]));
                    LaidText laid = layoutAtScale(cellData.body, cell, &m_device, 1.0, token);
                    anchor(laid, cellData.body, cell);
                    appendBoxes(boxes, laid, cell.topLeft(), transform);
                }
            }
        }
        if (shape->text.paragraphs.isEmpty())
            continue;
        const LaidText laid = layoutBody(shape->text, rect, &m_device, token);
        appendBoxes(boxes, laid, rect.topLeft(), transform);
    }
    if (notesHeight > 0 && !slide.notes.isEmpty()) {
        TextBody body;
        body.paragraphs = slide.notes;
        const QRectF frame = notesFrame(size, notesHeight);
        const LaidText laid = layoutBody(body, frame, &m_device, token, false);
        appendBoxes(boxes, laid, frame.topLeft(), QTransform());
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    return boxes;
}

QList<const Shape *> readingOrder(const Slide &slide)
{
    QList<const Shape *> titles;
    QList<const Shape *> others;
    for (const Shape &shape : slide.shapes) {
        const bool hasText = !shape.text.isEmpty() || (shape.kind == Shape::Kind::Table && shape.table);
        if (!hasText)
            continue;
        (shape.isTitle() ? titles : others).append(&shape);
    }
    const auto byPosition = [](const Shape *a, const Shape *b) {
        // Rows of shapes whose tops differ by less than a few points read left to right.
        if (std::abs(a->rect.top() - b->rect.top()) > 4)
            return a->rect.top() < b->rect.top();
        return a->rect.left() < b->rect.left();
    };
    std::stable_sort(titles.begin(), titles.end(), byPosition);
    std::stable_sort(others.begin(), others.end(), byPosition);
    return titles + others;
}

namespace {

QString paragraphsText(const QList<Paragraph> &paragraphs)
{
    QStringList lines;
    for (const Paragraph &paragraph : paragraphs) {
        QString line = paragraph.text();
        line.replace(QChar::LineSeparator, u'\n');
        // An auto-number is part of what the paragraph says ("see (2)"); a bullet character is
        // decoration, often from a symbol font, and is left out.
        const Bullet bullet = paragraph.props.bullet.value_or(Bullet {});
        if (bullet.kind == Bullet::Kind::Number && !line.trimmed().isEmpty())
            line.prepend(numberLabel(bullet.scheme, paragraph.number) + u' ');
        lines.append(line);
    }
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.join(u'\n');
}

} // namespace

QString notesText(const Slide &slide)
{
    return paragraphsText(slide.notes);
}

QString slideText(const Slide &slide, bool withNotes)
{
    QStringList parts;
    for (const Shape *shape : readingOrder(slide)) {
        if (shape->kind == Shape::Kind::Table && shape->table) {
            QStringList rows;
            for (const QList<TableCell> &row : shape->table->rows) {
                QStringList cells;
                for (const TableCell &cell : row) {
                    if (!cell.merged)
                        cells.append(paragraphsText(cell.body.paragraphs));
                }
                rows.append(cells.join(u'\t'));
            }
            parts.append(rows.join(u'\n'));
        }
        const QString text = paragraphsText(shape->text.paragraphs);
        if (!text.trimmed().isEmpty())
            parts.append(text);
    }
    QString all = parts.join(u'\n');
    if (withNotes) {
        const QString notes = paragraphsText(slide.notes);
        if (!notes.trimmed().isEmpty())
            all += QStringLiteral("\n\n") + notes;
    }
    return all;
}

} // namespace folio::presentation
