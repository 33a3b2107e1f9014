// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentationview.h"

#include "screenrender.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>

#include <algorithm>
#include <cmath>
#include <functional>

namespace folio {

namespace {

// The cursor hides after this long without moving.
constexpr int CursorIdleMs = 2000;
// A wheel notch.
constexpr int WheelStep = 120;

QString elapsedText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    const qint64 h = seconds / 3600;
    const qint64 m = seconds / 60 % 60;
    const qint64 s = seconds % 60;
    return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'))
                 : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

PresentationView::PresentationView(Source source, int page, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , m_source(std::move(source))
    , m_page(std::clamp(page, 0, std::max(0, int(m_source.pageSizes.size()) - 1)))
    , m_jobs(std::bind_front(&PresentationView::renderFinished, this))
{
    setObjectName(QStringLiteral("presentation"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setWindowTitle(tr("Presentation"));
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, Qt::black);
    setPalette(palette);
    m_jobs.setDocument(m_source.document, m_source.parent);
    m_jobs.setTimeout(m_source.timeout);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_clockVisible)
            update();
    });
    m_hideCursor.setSingleShot(true);
    m_hideCursor.setInterval(CursorIdleMs);
    connect(&m_hideCursor, &QTimer::timeout, this, [this] { setCursor(Qt::BlankCursor); });
}

// The jobs hold the document; m_jobs cancels them (Superseded) and drops what they return.
PresentationView::~PresentationView() = default;

void PresentationView::start(QScreen *screen)
{
    if (!screen)
        screen = parentWidget() ? parentWidget()->screen() : QGuiApplication::primaryScreen();
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    showFullScreen();
    raise();
    activateWindow();
    setFocus(Qt::OtherFocusReason);
    m_clock.start();
    m_tick.start();
    showCursorForAWhile();
    scheduleRenders();
}

QImage PresentationView::pageImage(int page) const
{
    const auto it = m_images.find(page);
    return it != m_images.end() && it->second.size() == targetSize(page) ? it->second : QImage();
}

QSizeF PresentationView::rotatedSize(int page) const
{
    const QSizeF size = m_source.pageSizes.value(page);
    return m_source.rotation % 180 ? size.transposed() : size;
}

QSize PresentationView::targetSize(int page) const
{
    const QSizeF points = rotatedSize(page);
    if (points.isEmpty() || width() <= 0 || height() <= 0)
        return {};
    const qreal ratio = devicePixelRatioF();
    const QSizeF screen = QSizeF(size()) * ratio;
    const double scale = std::min(screen.width() / points.width(), screen.height() / points.height());
    return QSize(
        std::max(1, int(std::floor(points.width() * scale))), std::max(1, int(std::floor(points.height() * scale))));
}

QRect PresentationView::pageRectFor(int page) const
{
    const QSizeF logical = QSizeF(targetSize(page)) / devicePixelRatioF();
    const QSize whole(int(std::lround(logical.width())), int(std::lround(logical.height())));
    return QRect(QPoint((width() - whole.width()) / 2, (height() - whole.height()) / 2), whole);
}

QRect PresentationView::pageRect() const
{
    return pageRectFor(m_page);
}

// --- turning pages ---------------------------------------------------------------------------

void PresentationView::goToPage(int page)
{
    if (pageCount() == 0)
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    m_typed.clear();
    // Turning the page ends a blank screen, as in the presentation programs.
    const bool wasBlank = m_blank != Blank::None;
    m_blank = Blank::None;
    if (page == m_page) {
        if (wasBlank)
            update();
        return;
    }
    m_page = page;
    scheduleRenders();
    update();
    Q_EMIT currentPageChanged(m_page);
}

void PresentationView::next()
{
    // A blank screen comes back first; the next key turns the page.
    if (m_blank != Blank::None)
        return setBlank(Blank::None);
    goToPage(m_page + 1);
}

void PresentationView::previous()
{
    if (m_blank != Blank::None)
        return setBlank(Blank::None);
    goToPage(m_page - 1);
}

void PresentationView::setBlank(Blank blank)
{
    if (blank == m_blank)
        return;
    m_blank = blank;
    update();
}

// --- rendering -------------------------------------------------------------------------------

void PresentationView::scheduleRenders()
{
    if (!m_jobs.document() || pageCount() == 0 || !isVisible())
        return;
    // The page shown, then the one after it (the usual way), then the one before.
    const QList<int> wanted {m_page, m_page + 1, m_page - 1};
    const auto isWanted = [&](int page) { return wanted.contains(page); };
    m_jobs.cancelIf([&](int page, const QSize &key) { return !isWanted(page) || key != targetSize(page); });
    std::erase_if(m_images,
        [&](const auto &entry) { return !isWanted(entry.first) || entry.second.size() != targetSize(entry.first); });
    std::erase_if(m_failures, [&](const auto &entry) { return !isWanted(entry.first); });
    for (const int page : wanted) {
        if (page < 0 || page >= pageCount() || m_images.count(page) || m_failures.count(page) || m_jobs.isRunning(page))
            continue;
        const QSize key = targetSize(page);
        if (key.isEmpty())
            continue;
        RenderRequest request;
        request.dpi = RenderRequest::dpiForWidth(rotatedSize(page), key.width());
        request.rotation = m_source.rotation;
        request.colors = m_source.colors;
        const qreal ratio = devicePixelRatioF();
        m_jobs.start(page, key, [page, request, ratio](Document &document, const CancellationToken &token) {
            return renderForScreen(document, page, request, ratio, token);
        });
    }
}

void PresentationView::renderFinished(int page, QSize key, bool current, const RenderJobs::Outcome &outcome)
{
    if (!current)
        return;
    if (outcome.value.isNull()) {
        if (outcome.status.code() != StatusCode::Canceled)
            m_failures[page] = outcome.status;
    } else if (key == targetSize(page)) {
        // Drawn centred at the key's size: a render a pixel off after rounding is scaled.
        QImage image = outcome.value;
        if (image.size() != key)
            image = image.scaled(key, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        image.setDevicePixelRatio(devicePixelRatioF());
        m_images[page] = image;
    }
    if (page == m_page)
        update();
    scheduleRenders();
}

// --- painting --------------------------------------------------------------------------------

void PresentationView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_blank != Blank::None) {
        painter.fillRect(rect(), m_blank == Blank::White ? Qt::white : Qt::black);
        return;
    }
    painter.fillRect(rect(), Qt::black);
    const QRect area = pageRect();
    if (const QImage image = pageImage(m_page); !image.isNull()) {
        painter.drawImage(area.topLeft(), image);
    } else if (const auto failed = m_failures.find(m_page); failed != m_failures.end()) {
        painter.setPen(Qt::white);
        painter.drawText(area.adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Page %1 could not be shown: %2").arg(m_page + 1).arg(failed->second.message()));
    } else {
        // Still rendering (only when the pages turned faster than they render): the paper alone.
        painter.fillRect(area, m_source.colors.isNormal() ? QColor(Qt::white) : m_source.colors.paperColor());
    }
    if (m_clockVisible || !m_typed.isEmpty())
        paintClock(painter);
}

void PresentationView::paintClock(QPainter &painter)
{
    QString text = elapsedText(m_clock.isValid() ? m_clock.elapsed() : 0) + QStringLiteral("   ")
        + tr("%1 / %2").arg(m_page + 1).arg(pageCount());
    if (!m_typed.isEmpty())
        text = tr("Go to page %1").arg(m_typed);
    QFont font = painter.font();
    font.setPixelSize(std::max(14, height() / 45));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int margin = metrics.height() / 2;
    const QSize box(metrics.horizontalAdvance(text) + 2 * margin, metrics.height() + margin);
    const QRect where(QPoint(width() - box.width() - margin, height() - box.height() - margin), box);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(where, margin / 2.0, margin / 2.0);
    painter.fillPath(path, QColor(0, 0, 0, 160));
    painter.setPen(QColor(255, 255, 255, 220));
    painter.drawText(where, Qt::AlignCenter, text);
}

void PresentationView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleRenders();
}

// --- input -----------------------------------------------------------------------------------

void PresentationView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_0 && key <= Qt::Key_9 && !(event->modifiers() & ~Qt::KeypadModifier)) {
        if (m_typed.size() < 9)
            m_typed += QChar(u'0' + (key - Qt::Key_0));
        update();
        return;
    }
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_typed.isEmpty()) {
            const int page = m_typed.toInt() - 1;
            m_typed.clear();
            goToPage(page);
        } else {
            next();
        }
        return;
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_N:
        return next();
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
    case Qt::Key_P:
        return previous();
    case Qt::Key_Home:
        return first();
    case Qt::Key_End:
        return last();
    case Qt::Key_B:
    case Qt::Key_Period:
        return setBlank(m_blank == Blank::Black ? Blank::None : Blank::Black);
    case Qt::Key_W:
    case Qt::Key_Comma:
        return setBlank(m_blank == Blank::White ? Blank::None : Blank::White);
    case Qt::Key_T:
        m_clockVisible = !m_clockVisible;
        update();
        return;
    case Qt::Key_Escape:
        if (!m_typed.isEmpty()) {
            m_typed.clear();
            update();
            return;
        }
        close();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void PresentationView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        next();
    else if (event->button() == Qt::RightButton)
        previous();
    else
        QWidget::mousePressEvent(event);
}

void PresentationView::mouseMoveEvent(QMouseEvent *event)
{
    showCursorForAWhile();
    QWidget::mouseMoveEvent(event);
}

void PresentationView::showCursorForAWhile()
{
    unsetCursor();
    m_hideCursor.start();
}

void PresentationView::wheelEvent(QWheelEvent *event)
{
    m_wheel += event->angleDelta().y();
    while (m_wheel <= -WheelStep) {
        m_wheel += WheelStep;
        next();
    }
    while (m_wheel >= WheelStep) {
        m_wheel -= WheelStep;
        previous();
    }
    event->accept();
}

void PresentationView::closeEvent(QCloseEvent *event)
{
    m_jobs.cancelIf([](int, const QSize &) { return true; });
    m_tick.stop();
    if (!m_finished) {
        m_finished = true;
        Q_EMIT finished(m_page);
    }
    QWidget::closeEvent(event);
}

} // namespace folio
