// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagefailurebar.h"

#include "theme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace folio {

PageFailureBar::PageFailureBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_retryUnlimited(new QPushButton(tr("Retry Without Time Limit"), this))
{
    setObjectName(QStringLiteral("pageFailureBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    updateColours();
    m_label->setObjectName(QStringLiteral("pageFailureText"));
    m_label->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("pageFailureRetry"));
    m_retryUnlimited->setObjectName(QStringLiteral("pageFailureRetryUnlimited"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_retryUnlimited);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        Q_EMIT retryRequested(m_page, m_timeout > std::chrono::milliseconds::zero() ? 2 * m_timeout : m_timeout);
    });
    connect(m_retryUnlimited, &QPushButton::clicked, this,
        [this] { Q_EMIT retryRequested(m_page, std::chrono::milliseconds::zero()); });
    hide();
}

void PageFailureBar::setFailure(int page, const Status &status, std::chrono::milliseconds timeout)
{
    m_page = page;
    m_timeout = timeout;
    m_label->setText(tr("Page %1 could not be shown: %2").arg(QLocale().toString(page + 1), status.message()));
    const bool timedOut = status.code() == StatusCode::TimedOut && timeout > std::chrono::milliseconds::zero();
    // A timeout may pass with more time; a broken page may be worth one more try as it is.
    m_retry->setText(
        timedOut ? tr("Retry with %1 s").arg(QLocale().toString(2 * timeout.count() / 1000.0, 'g', 3)) : tr("Retry"));
    m_retryUnlimited->setVisible(timedOut);
}

QString PageFailureBar::text() const
{
    return m_label->text();
}

void PageFailureBar::updateColours()
{
    const bool dark = isDarkPalette(QGuiApplication::palette());
    QPalette colours = QGuiApplication::palette();
    colours.setColor(QPalette::Window, dark ? QColor(0x4a, 0x1c, 0x1c) : QColor(255, 240, 240));
    colours.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xc4, 0xc4) : QColor(140, 20, 20));
    setPalette(colours);
}

void PageFailureBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        updateColours();
    QFrame::changeEvent(event);
}

} // namespace folio
