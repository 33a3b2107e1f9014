// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderstack.h"

#include <QLabel>

namespace folio {

PlaceholderStack::PlaceholderStack(QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_content(content)
    , m_placeholder(new QLabel(this))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setContentsMargins(12, 12, 12, 12);
    addWidget(m_content);
    addWidget(m_placeholder);
}

void PlaceholderStack::showContent()
{
    setCurrentWidget(m_content);
}

void PlaceholderStack::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    setCurrentWidget(m_placeholder);
}

QString PlaceholderStack::placeholderText() const
{
    return currentWidget() == m_placeholder ? m_placeholder->text() : QString();
}

} // namespace folio
