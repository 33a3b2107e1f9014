// SPDX-License-Identifier: GPL-3.0-or-later
// PageView's painting: pages, their placeholders and errors, find highlights and the selection.
#include "pageview.h"
#include "theme.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

#include <cmath>

namespace folio {

namespace {

const QColor HighlightColor(255, 214, 0, 90);
const QColor CurrentHighlightColor(255, 128, 0, 130);
const QColor CurrentHighlightOutline(230, 100, 0);
const QColor SelectionColor(40, 110, 220, 80);

void drawShadow(QPainter &painter, const QRect &rect)
{
    // Concentric translucent layers, offset downwards: a soft shadow without a blur pass.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int i = 6; i >= 1; --i) {
        painter.setBrush(QColor(0, 0, 0, 7 + 3 * (6 - i)));
        painter.drawRoundedRect(QRectF(rect).adjusted(-i, -i + 2, i, i + 3), i + 1.0, i + 1.0);
    }
    painter.restore();
}

} // namespace

bool PageView::isOneToOne(const QImage &image, QSize logical)
{
    const QSizeF device = QSizeF(logical) * image.devicePixelRatio();
    return std::abs(image.width() - device.width()) <= 1.0 && std::abs(image.height() - device.height()) <= 1.0;
}

// --- find highlights -------------------------------------------------------------------------

void PageView::setHighlights(const QList<PageRect> &rects)
{
    m_highlights.clear();
    addHighlights(rects);
    viewport()->update();
}

void PageView::addHighlights(const QList<PageRect> &rects)
{
    for (const PageRect &rect : rects)
        m_highlights[rect.page].append(rect.rect);
    if (!rects.isEmpty())
        viewport()->update();
}

void PageView::setCurrentHighlight(int page, const QList<QRectF> &rects)
{
    m_currentHighlightPage = page;
    m_currentHighlight = rects;
    viewport()->update();
    if (page < 0 || page >= pageCount())
        return;
    if (m_layout.pageRect(page).isEmpty() || rects.isEmpty()) {
        // Not laid out (another page shown alone), or no position known: show the page first.
        const QList<int> visible = visiblePages();
        if (rects.isEmpty() && visible.contains(page) && (isContinuous() || page == m_currentPage))
            return;
        goToPage(page);
        if (rects.isEmpty())
            return;
    }
    const QTransform transform = m_layout.pageTransform(page);
    QRect target;
    for (const QRectF &rect : rects)
        target |= transform.mapRect(rect).toAlignedRect();
    if (visibleContentRect().contains(target))
        return;
    const QPoint centre = target.center() - viewport()->rect().center();
    horizontalScrollBar()->setValue(centre.x());
    verticalScrollBar()->setValue(centre.y());
    if (isContinuous()) {
        setCurrentPage(page);
        m_navigationScroll = verticalScrollBar()->value();
    }
}

void PageView::clearHighlights()
{
    m_highlights.clear();
    m_currentHighlightPage = -1;
    m_currentHighlight.clear();
    viewport()->update();
}

// --- painting --------------------------------------------------------------------------------

void PageView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), pageBackgroundColor(palette()));
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter.setFont(font);
    const QRect visible = visibleContentRect();
    const auto [first, last] = m_layout.pagesBetween(visible.top() - 8, visible.bottom() + 8);
    const QTransform toViewport = QTransform::fromTranslate(-visible.left(), -visible.top());
    for (int page = first; first >= 0 && page <= last; ++page) {
        const QRect rect = m_layout.pageRect(page).translated(-visible.topLeft());
        if (rect.adjusted(-8, -8, 8, 8).intersects(event->rect())) {
            paintPage(painter, page, rect);
            paintMarks(painter, page, m_layout.pageTransform(page) * toViewport);
        }
    }
}

void PageView::paintMarks(QPainter &painter, int page, const QTransform &toViewport)
{
    painter.save();
    painter.setPen(Qt::NoPen);
    if (const auto it = m_highlights.find(page); it != m_highlights.end()) {
        for (const QRectF &rect : it->second)
            painter.fillRect(toViewport.mapRect(rect), HighlightColor);
    }
    if (page == m_currentHighlightPage) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(CurrentHighlightOutline, 1.5));
        painter.setBrush(CurrentHighlightColor);
        for (const QRectF &rect : std::as_const(m_currentHighlight))
            painter.drawRoundedRect(toViewport.mapRect(rect).adjusted(-1, -1, 1, 1), 2, 2);
        painter.setPen(Qt::NoPen);
    }
    for (const Annotation &annotation : std::as_const(m_pending)) {
        if (annotation.page == page)
            paintPending(painter, annotation, toViewport);
    }
    if (page == m_flashPage) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(CurrentHighlightOutline, 3));
        painter.setBrush(Qt::NoBrush);
        for (const QRectF &rect : std::as_const(m_flashRects))
            painter.drawRoundedRect(toViewport.mapRect(rect).adjusted(-4, -4, 4, 4), 4, 4);
        painter.setPen(Qt::NoPen);
    }
    const auto selected = m_selection.find(page);
    const QList<TextBox> *boxes = m_text.boxes(page);
    if (selected != m_selection.end() && boxes) {
        for (int i = selected->second.begin; i < selected->second.end && i < boxes->size(); ++i)
            painter.fillRect(toViewport.mapRect(boxes->at(i).rect), SelectionColor);
    }
    painter.restore();
}

void PageView::paintPending(QPainter &painter, const Annotation &annotation, const QTransform &toViewport)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QColor color = annotation.color.isValid() ? annotation.color : QColor(255, 230, 0);
    for (const QRectF &quad : annotation.quads) {
        const QRectF area = toViewport.mapRect(quad);
        const qreal width = std::max(1.0, area.height() / 14);
        switch (annotation.type) {
        case Annotation::Type::Highlight: {
            QColor fill = color;
            fill.setAlpha(110);
            painter.setCompositionMode(QPainter::CompositionMode_Multiply);
            painter.fillRect(area, fill);
            painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
            break;
        }
        case Annotation::Type::Underline:
            painter.setPen(QPen(color, width));
            painter.drawLine(QLineF(area.bottomLeft(), area.bottomRight()).translated(0, -width / 2));
            break;
        case Annotation::Type::StrikeOut:
            painter.setPen(QPen(color, width));
            painter.drawLine(QLineF(area.left(), area.center().y(), area.right(), area.center().y()));
            break;
        case Annotation::Type::Squiggly: {
            painter.setPen(QPen(color, width));
            QPainterPath wave;
            const qreal step = std::max(2.0, area.height() / 6);
            const qreal y = area.bottom() - step;
            wave.moveTo(area.left(), y);
            for (qreal x = area.left(); x < area.right(); x += step)
                wave.lineTo(x + step, (int(std::lround((x - area.left()) / step)) % 2) ? y : y + step);
            painter.drawPath(wave);
            break;
        }
        default:
            break;
        }
    }
    if (annotation.type == Annotation::Type::Text) {
        // A note: a folded yellow sheet with lines, the size the file's notes have.
        const QRectF area = toViewport.mapRect(annotation.rect);
        painter.setPen(QPen(color.darker(170), 1));
        painter.setBrush(color);
        painter.drawRoundedRect(area.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
        painter.setPen(QPen(color.darker(200), std::max(1.0, area.height() / 16)));
        for (int i = 1; i <= 3; ++i) {
            const qreal y = area.top() + area.height() * i / 4.5 + area.height() / 10;
            painter.drawLine(QLineF(area.left() + area.width() / 5, y, area.right() - area.width() / 5, y));
        }
    }
    painter.restore();
}

void PageView::paintPage(QPainter &painter, int page, const QRect &rect)
{
    drawShadow(painter, rect);
    const RenderKey key = renderKey(page);
    QImage image = m_cache.find(page, key);
    if (image.isNull())
        image = pageImage(page);
    if (!image.isNull()) {
        if (isOneToOne(image, rect.size())) {
            // Pixel for device pixel: the layout and the render round apart by a pixel at most.
            painter.save();
            painter.fillRect(rect, m_colors.paperColor());
            painter.setClipRect(rect, Qt::IntersectClip);
            painter.drawImage(rect.topLeft(), image);
            painter.restore();
        } else {
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.drawImage(rect, image);
        }
        return;
    }
    painter.fillRect(rect, m_colors.paperColor());
    const auto failure = m_failures.find(page);
    const bool failed = failure != m_failures.end() && failure->second.key == key;
    // A sharper or blurrier version from another zoom is better than a blank page.
    const QImage preview = m_cache.closest(page, key);
    if (!preview.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(rect, preview);
    }
    if (failed) {
        const QString text = tr("Page %1 could not be shown\n%2").arg(page + 1).arg(failure->second.status.message());
        if (!preview.isNull()) {
            // Over a preview, a banner at the top says why it stays blurry.
            const QRect banner(rect.left(), rect.top(), rect.width(),
                std::min(rect.height(), 2 * painter.fontMetrics().lineSpacing() + 16));
            painter.fillRect(banner, QColor(255, 244, 244, 235));
            painter.setPen(ErrorTextColor);
            painter.drawText(banner.adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, text);
            return;
        }
        painter.setPen(ErrorTextColor);
        painter.drawText(rect.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }
    if (preview.isNull()) {
        painter.setPen(PlaceholderTextColor);
        painter.drawText(rect.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, tr("Rendering…"));
    }
}

} // namespace folio
