// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomewidget.h"
#include "theme.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace folio {

namespace {
constexpr int MaxRecentShown = 5;

QString shortenedPath(const QString &path)
{
    const QString home = QDir::homePath();
    QString dir = QFileInfo(path).absolutePath();
    if (dir.startsWith(home))
        dir = QLatin1Char('~') + dir.mid(home.size());
    return QDir::toNativeSeparators(dir);
}
} // namespace

WelcomeWidget::WelcomeWidget(QWidget *parent)
    : QWidget(parent)
{
    setAutoFillBackground(false);

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/folio.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("Open a document"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *hint = new QLabel(tr("Drop a file here, or choose one with File › Open (%1).")
                                .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)),
        this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setMinimumWidth(hint->fontMetrics().horizontalAdvance(hint->text()) + 8);
    QPalette hintPalette = hint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    hint->setPalette(hintPalette);

    auto *open = new QPushButton(themedIcon("document-open"), tr("Open…"), this);
    open->setDefault(true);
    open->setMinimumWidth(160);
    connect(open, &QPushButton::clicked, this, &WelcomeWidget::openRequested);

    m_recentBox = new QWidget(this);
    m_recentLayout = new QVBoxLayout(m_recentBox);
    m_recentLayout->setContentsMargins(0, 12, 0, 0);
    m_recentLayout->setSpacing(2);

    auto *column = new QVBoxLayout;
    column->setSpacing(10);
    column->addWidget(icon);
    column->addWidget(title);
    column->addWidget(hint);
    column->addSpacing(8);
    column->addWidget(open, 0, Qt::AlignHCenter);
    column->addWidget(m_recentBox);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addLayout(column);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch(3);
}

void WelcomeWidget::setRecentFiles(const QStringList &paths)
{
    while (QLayoutItem *item = m_recentLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList shown = paths.mid(0, MaxRecentShown);
    m_recentBox->setVisible(!shown.isEmpty());
    if (shown.isEmpty())
        return;
    auto *heading = new QLabel(tr("Recent documents"), m_recentBox);
    QFont font = heading->font();
    font.setWeight(QFont::DemiBold);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);
    m_recentLayout->addWidget(heading);
    for (const QString &path : shown) {
        auto *button = new QToolButton(m_recentBox);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setText(tr("%1  —  %2").arg(QFileInfo(path).fileName(), shortenedPath(path)));
        button->setToolTip(path);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(button, &QToolButton::clicked, this, [this, path] { Q_EMIT recentFileRequested(path); });
        m_recentLayout->addWidget(button);
    }
}

void WelcomeWidget::paintEvent(QPaintEvent *)
{
    // A dashed drop zone: files can be dropped anywhere on the window.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Base).darker(103));
    QPen pen(palette().color(QPalette::Mid), 1.5, Qt::DashLine);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(rect()).adjusted(24.5, 24.5, -24.5, -24.5), 14, 14);
}

} // namespace folio
