// SPDX-License-Identifier: GPL-3.0-or-later
// PageView's keyboard, wheel and mouse: page turning, panning, text selection and copy, links
// and the positions the history records.
#include "pageview.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QRubberBand>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace folio {

void PageView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Space:
        scrollByScreen(event->modifiers() & Qt::ShiftModifier ? -1 : 1);
        return;
    case Qt::Key_PageDown:
        scrollByScreen(1);
        return;
    case Qt::Key_PageUp:
        scrollByScreen(-1);
        return;
    case Qt::Key_Home:
        firstPage();
        return;
    case Qt::Key_End:
        lastPage();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
        // Pages that fit the width turn like a book's: Right forward, or Left in a book read
        // right to left. Wider pages scroll sideways.
        if (event->modifiers() == Qt::NoModifier && horizontalScrollBar()->maximum() == 0) {
            const bool forward = (event->key() == Qt::Key_Right) != isRightToLeft();
            const int step = isFacing() ? 2 : 1;
            const auto [first, size] = m_layout.rowOf(std::max(0, currentPage()));
            goToPage(forward ? first + size : std::max(0, first - (isFacing() ? step : 1)));
            return;
        }
        QAbstractScrollArea::keyPressEvent(event);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

bool PageView::event(QEvent *event)
{
    // With a selection, Ctrl+C is ours even where the window has a shortcut for it.
    if (event->type() == QEvent::ShortcutOverride && hasSelection()
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        event->accept();
        return true;
    }
    return QAbstractScrollArea::event(event);
}

void PageView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta != 0) {
            m_zoomMode = ZoomMode::Custom;
            Q_EMIT zoomModeChanged(m_zoomMode);
            applyZoom(zoom() * std::pow(1.1, delta / 120.0), event->position().toPoint());
        }
        event->accept();
        return;
    }
    // Not continuous, at a page's end: a notch's worth of wheel in the same direction turns it
    // (a touchpad sends many small steps, which must not turn many pages).
    const QScrollBar *bar = verticalScrollBar();
    const bool atEdge = delta < 0 ? bar->value() >= bar->maximum() : bar->value() <= bar->minimum();
    if (!isContinuous() && delta != 0 && atEdge) {
        const bool sameWay = (m_wheelAtEdge > 0) == (delta > 0);
        m_wheelAtEdge = sameWay ? m_wheelAtEdge + delta : delta;
        if (std::abs(m_wheelAtEdge) >= 120) {
            m_wheelAtEdge = 0;
            turnPageAtEdge(delta < 0 ? 1 : -1);
        }
        event->accept();
        return;
    }
    m_wheelAtEdge = 0;
    QAbstractScrollArea::wheelEvent(event);
}

// --- mouse -----------------------------------------------------------------------------------

PageView::PagePoint PageView::pagePointAt(QPoint position) const
{
    const QPoint content = position + visibleContentRect().topLeft();
    const int page = m_layout.pageNearest(content);
    if (page < 0)
        return {};
    return {page, m_layout.pageTransform(page).inverted().map(QPointF(content))};
}

void PageView::mousePressEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    m_pressPosition = position;
    if (event->button() == Qt::BackButton || event->button() == Qt::ForwardButton) {
        if (event->button() == Qt::BackButton)
            Q_EMIT backRequested();
        else
            Q_EMIT forwardRequested();
        event->accept();
        return;
    }
    // Ctrl+drag: a rubber band, zoomed to when the button comes up.
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier)) {
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_rubberOrigin = position;
        m_rubberBand->setGeometry(QRect(position, QSize()));
        m_rubberBand->show();
        viewport()->setCursor(Qt::CrossCursor);
        event->accept();
        return;
    }
    // A link is followed, and a note opened, when the button comes up on it again (see
    // mouseReleaseEvent()).
    if (event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier)) {
        if (const Annotation *note = annotationAt(position); note && note->type == Annotation::Type::Text) {
            m_pressedNote = *note;
            m_notePressed = true;
            event->accept();
            return;
        }
        if (const Link *link = linkAt(position)) {
            m_pressedLink = *link;
            m_linkPressed = true;
            event->accept();
            return;
        }
    }
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && !hasTextLayout())) {
        m_panning = true;
        m_panPosition = position;
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_selecting = true;
        if ((event->modifiers() & Qt::ShiftModifier) && m_selectionAnchor.page >= 0) {
            m_selectionFocus = pagePointAt(position); // extends the selection
        } else {
            m_selectionAnchor = pagePointAt(position);
            m_selectionFocus = {}; // nothing is selected until the mouse moves
        }
        updateTextWanted(false);
        updateSelection();
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void PageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (m_linkPressed || m_notePressed) {
        event->accept();
        return;
    }
    if (m_rubberBand && m_rubberBand->isVisible()) {
        m_rubberBand->setGeometry(QRect(m_rubberOrigin, position).normalized());
        event->accept();
        return;
    }
    if (m_panning) {
        const QPoint delta = position - m_panPosition;
        m_panPosition = position;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        if (m_selectionFocus.page < 0
            && (position - m_pressPosition).manhattanLength() < QApplication::startDragDistance())
            return;
        autoScroll(position);
        m_selectionFocus = pagePointAt(position);
        updateTextWanted(false);
        updateSelection();
        event->accept();
        return;
    }
    updateCursor(position);
    QAbstractScrollArea::mouseMoveEvent(event);
}

void PageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_rubberBand && m_rubberBand->isVisible() && event->button() == Qt::LeftButton) {
        m_rubberBand->hide();
        const QRect area = QRect(m_rubberOrigin, event->position().toPoint()).normalized();
        zoomToArea(area);
        updateCursor(event->position().toPoint());
        event->accept();
        return;
    }
    if (m_notePressed && event->button() == Qt::LeftButton) {
        m_notePressed = false;
        const QPoint position = event->position().toPoint();
        const Annotation *note = annotationAt(position);
        if (note && *note == m_pressedNote
            && (position - m_pressPosition).manhattanLength() < QApplication::startDragDistance())
            Q_EMIT noteActivated(m_pressedNote, viewport()->mapToGlobal(position));
        event->accept();
        return;
    }
    if (m_linkPressed && event->button() == Qt::LeftButton) {
        m_linkPressed = false;
        const QPoint position = event->position().toPoint();
        const Link *link = linkAt(position);
        if (link && *link == m_pressedLink
            && (position - m_pressPosition).manhattanLength() < QApplication::startDragDistance())
            activateLink(m_pressedLink);
        updateCursor(position);
        event->accept();
        return;
    }
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        updateCursor(event->position().toPoint());
        event->accept();
        return;
    }
    if (m_selecting && event->button() == Qt::LeftButton) {
        m_selecting = false;
        // X11 and Wayland paste the last selection with the middle button.
        QClipboard *clipboard = QGuiApplication::clipboard();
        if (hasSelection() && clipboard->supportsSelection())
            clipboard->setText(m_selectedText, QClipboard::Selection);
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void PageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !hasTextLayout()) {
        QAbstractScrollArea::mouseDoubleClickEvent(event);
        return;
    }
    // The word under the pointer: a selection from a point to itself.
    m_selecting = true;
    m_selectionAnchor = m_selectionFocus = pagePointAt(event->position().toPoint());
    updateTextWanted(false);
    updateSelection();
    event->accept();
}

void PageView::autoScroll(QPoint position)
{
    // Dragging a selection past the viewport's edge scrolls towards it.
    const QRect area = viewport()->rect();
    const int dx = position.x() < area.left() ? position.x() - area.left()
        : position.x() > area.right()         ? position.x() - area.right()
                                              : 0;
    const int dy = position.y() < area.top() ? position.y() - area.top()
        : position.y() > area.bottom()       ? position.y() - area.bottom()
                                             : 0;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + dx);
    verticalScrollBar()->setValue(verticalScrollBar()->value() + dy);
}

void PageView::updateCursor(QPoint position)
{
    if (m_panning) {
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    // The tool tip belongs to the note or link under the pointer; Qt shows it after the usual delay.
    const Annotation *annotation = annotationAt(position);
    if (annotation && annotation->type == Annotation::Type::Text) {
        viewport()->setCursor(Qt::PointingHandCursor);
        viewport()->setToolTip(annotationToolTip(*annotation));
        return;
    }
    if (const Link *link = linkAt(position)) {
        viewport()->setCursor(Qt::PointingHandCursor);
        viewport()->setToolTip(linkTarget(*link));
        return;
    }
    viewport()->setToolTip(annotation ? annotationToolTip(*annotation) : QString());
    if (!hasTextLayout()) {
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    bool overText = false;
    const PagePoint point = pagePointAt(position);
    if (const QList<TextBox> *boxes = m_text.boxes(point.page)) {
        overText = std::any_of(
            boxes->begin(), boxes->end(), [&](const TextBox &box) { return box.rect.contains(point.point); });
    }
    viewport()->setCursor(overText ? Qt::IBeamCursor : Qt::ArrowCursor);
}

// --- selection -------------------------------------------------------------------------------

void PageView::updateTextWanted(bool visibleToo)
{
    // Links and annotations load with the words: after the pictures of the visible pages.
    if (hasLinks() && visibleToo)
        m_links.want(visiblePages());
    if (hasAnnotations() && visibleToo)
        m_annotations.want(visiblePages());
    if (!hasTextLayout())
        return;
    QList<int> pages;
    if (m_selectionAnchor.page >= 0) {
        const int focus = m_selectionFocus.page >= 0 ? m_selectionFocus.page : m_selectionAnchor.page;
        const int first = std::min(m_selectionAnchor.page, focus);
        const int last = std::min(std::max(m_selectionAnchor.page, focus), first + MaxSelectionPages - 1);
        for (int page = first; page <= last; ++page)
            pages.append(page);
    }
    // Visible pages already loading keep loading; new ones wait for `visibleToo`.
    for (int page : visiblePages()) {
        if (!pages.contains(page) && (visibleToo || m_text.isLoading(page)))
            pages.append(page);
    }
    m_text.want(pages);
}

void PageView::updateSelection()
{
    std::map<int, TextSelection> selection;
    QStringList pieces;
    if (m_selectionAnchor.page >= 0 && m_selectionFocus.page >= 0) {
        PagePoint start = m_selectionAnchor;
        PagePoint end = m_selectionFocus;
        if (end.page < start.page)
            std::swap(start, end);
        const int last = std::min(end.page, start.page + MaxSelectionPages - 1);
        for (int page = start.page; page <= last; ++page) {
            const QList<TextBox> *boxes = m_text.boxes(page);
            if (!boxes)
                continue; // still loading: selected when it arrives
            TextSelection part;
            if (start.page == end.page) {
                part = selectText(*boxes, start.point, end.point);
            } else {
                // Across pages: from the start to the end of its page, whole pages, then up to the end.
                part.begin = page == start.page ? textPosition(*boxes, start.point).before : 0;
                part.end = page == end.page ? textPosition(*boxes, end.point).after : int(boxes->size());
                part.text = joinedText(*boxes, part.begin, part.end);
            }
            if (!part.isEmpty()) {
                pieces.append(part.text);
                selection[page] = std::move(part);
            }
        }
    }
    const QString text = pieces.join(QLatin1Char('\n'));
    const bool changed = selection.empty() != m_selection.empty() || text != m_selectedText;
    if (!selection.empty() || !m_selection.empty())
        viewport()->update();
    m_selection = std::move(selection);
    m_selectedText = text;
    if (changed)
        Q_EMIT selectionChanged(hasSelection());
}

TextSelection PageView::pageSelection(int page) const
{
    const auto it = m_selection.find(page);
    return it != m_selection.end() ? it->second : TextSelection();
}

void PageView::copySelection()
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(m_selectedText);
}

void PageView::clearSelection()
{
    m_selectionAnchor = m_selectionFocus = {};
    m_selecting = false;
    updateSelection();
}

// --- links, annotations and positions ----------------------------------------------------------

const Annotation *PageView::annotationAt(QPoint position) const
{
    if (!hasAnnotations() && m_pending.isEmpty())
        return nullptr;
    const PagePoint point = pagePointAt(position);
    const Annotation *found = nullptr;
    const auto area = [](const QRectF &rect) { return rect.width() * rect.height(); };
    const QList<Annotation> *loaded = m_annotations.annotations(point.page);
    QList<const Annotation *> candidates;
    for (const Annotation &annotation : m_pending) {
        if (annotation.page == point.page)
            candidates.append(&annotation);
    }
    for (qsizetype i = 0; loaded && i < loaded->size(); ++i)
        candidates.append(&loaded->at(i));
    for (const Annotation *candidate : std::as_const(candidates)) {
        const Annotation &annotation = *candidate;
        // Marked text counts where it is marked, not in its bounding box's gaps.
        const bool inside = annotation.quads.isEmpty()
            ? annotation.rect.contains(point.point)
            : std::any_of(annotation.quads.begin(), annotation.quads.end(),
                  [&](const QRectF &quad) { return quad.contains(point.point); });
        if (inside && (!found || area(annotation.rect) < area(found->rect)))
            found = &annotation;
    }
    return found;
}

void PageView::setPendingAnnotations(const QList<Annotation> &annotations)
{
    m_pending = annotations;
    viewport()->update();
}

QList<PageRect> PageView::selectionLines() const
{
    QList<PageRect> lines;
    for (const auto &[page, selected] : m_selection) {
        const QList<TextBox> *boxes = m_text.boxes(page);
        if (!boxes)
            continue;
        QRectF line;
        for (int i = selected.begin; i < selected.end && i < boxes->size(); ++i) {
            const TextBox &box = boxes->at(i);
            // A box on another height starts a new line even without lineEnd.
            if (!line.isNull() && (box.rect.top() >= line.bottom() || box.rect.bottom() <= line.top())) {
                lines.append({page, line});
                line = {};
            }
            line = line.isNull() ? box.rect : line.united(box.rect);
            if (box.lineEnd) {
                lines.append({page, line});
                line = {};
            }
        }
        if (!line.isNull())
            lines.append({page, line});
    }
    return lines;
}

void PageView::contextMenuEvent(QContextMenuEvent *event)
{
    const PagePoint point = pagePointAt(event->pos());
    m_contextPoint = {point.page, QRectF(point.point, QSizeF())};
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy"), this, &PageView::copySelection);
    copy->setEnabled(hasSelection());
    if (!m_contextActions.isEmpty())
        menu.addSeparator();
    for (QAction *action : std::as_const(m_contextActions))
        menu.addAction(action);
    menu.exec(event->globalPos());
    m_contextPoint = {};
}

void PageView::flash(int page, const QList<QRectF> &rects)
{
    m_flashPage = page;
    m_flashRects = rects;
    m_flashTimer.start();
    viewport()->update();
}

const Link *PageView::linkAt(QPoint position, int *page) const
{
    if (!hasLinks())
        return nullptr;
    const PagePoint point = pagePointAt(position);
    const QList<Link> *links = m_links.links(point.page);
    if (!links)
        return nullptr;
    for (const Link &link : *links) {
        if (link.rect.contains(point.point)) {
            if (page)
                *page = point.page;
            return &link;
        }
    }
    return nullptr;
}

void PageView::activateLink(const Link &link)
{
    switch (link.kind) {
    case Link::Kind::GoTo:
        Q_EMIT internalLinkActivated(link.page, link.top);
        return;
    case Link::Kind::Uri:
        Q_EMIT externalLinkActivated(QUrl(link.uri, QUrl::TolerantMode));
        return;
    case Link::Kind::RemoteGoTo:
        Q_EMIT remoteLinkActivated(link.uri, link.page);
        return;
    case Link::Kind::Named:
        break;
    }
    if (pageCount() == 0)
        return;
    const auto [first, size] = m_layout.rowOf(m_currentPage);
    switch (link.action) {
    case Link::Action::FirstPage:
        Q_EMIT internalLinkActivated(0, -1);
        break;
    case Link::Action::PreviousPage:
        if (first > 0)
            Q_EMIT internalLinkActivated(first - 1, -1);
        break;
    case Link::Action::NextPage:
        if (first + size < pageCount())
            Q_EMIT internalLinkActivated(first + size, -1);
        break;
    case Link::Action::LastPage:
        Q_EMIT internalLinkActivated(pageCount() - 1, -1);
        break;
    case Link::Action::Back:
        Q_EMIT backRequested();
        break;
    case Link::Action::Forward:
        Q_EMIT forwardRequested();
        break;
    case Link::Action::None:
        break;
    }
}

ViewPosition PageView::position() const
{
    if (pageCount() == 0)
        return {};
    const int page = m_currentPage;
    ViewPosition here {page, -1};
    // The height is kept only where it reads the same way back: upright pages whose top is
    // above the viewport's top (else the page's top is where the reader is).
    const QRect rect = m_layout.pageRect(page);
    if (rotation() == 0 && !rect.isEmpty()) {
        const QPointF point = viewportToPage(page, QPointF(rect.center().x() - visibleContentRect().left(), 0));
        if (point.y() > 0 && point.y() < m_layout.pageSize(page).height())
            here.top = point.y();
    }
    return here;
}

void PageView::goToPosition(int page, double top)
{
    if (pageCount() == 0)
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    goToPage(page);
    if (top < 0 || !std::isfinite(top) || m_layout.pageRect(page).isEmpty())
        return;
    const double height = m_layout.pageSize(page).height();
    const QPointF content = m_layout.pageTransform(page).map(QPointF(0, std::clamp(top, 0.0, height)));
    QScrollBar *bar = verticalScrollBar();
    const int value = std::clamp(int(std::lround(content.y())), bar->minimum(), bar->maximum());
    // Set first: the page asked for stays current whatever reaches the probe line.
    if (isContinuous())
        m_navigationScroll = value;
    bar->setValue(value);
    setCurrentPage(page);
}

} // namespace folio
