// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagespinbox.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace folio {

PageSpinBox::PageSpinBox(QWidget *parent)
    : QSpinBox(parent)
{ }

void PageSpinBox::setPageLabels(const QStringList &labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    // The text shown for the same value changes.
    const QSignalBlocker blocker(this);
    lineEdit()->setText(prefix() + textFromValue(value()) + suffix());
    updateGeometry();
}

QString PageSpinBox::stripped(const QString &text) const
{
    QString value = text;
    if (!suffix().isEmpty() && value.endsWith(suffix()))
        value.chop(suffix().size());
    if (!prefix().isEmpty() && value.startsWith(prefix()))
        value.remove(0, prefix().size());
    return value.trimmed();
}

int PageSpinBox::pageFromText(const QString &text) const
{
    const QString value = stripped(text);
    if (value.isEmpty())
        return 0;
    bool ok = false;
    int number = locale().toInt(value, &ok);
    if (!ok)
        number = value.toInt(&ok);
    if (ok)
        return number >= minimum() && number <= maximum() ? number : 0;
    // "iv (4)", as shown: the number decides.
    static const QRegularExpression shown(QStringLiteral("^(.*)\\((\\d+)\\)$"));
    if (const auto match = shown.match(value); match.hasMatch()) {
        const int page = match.captured(2).toInt();
        if (page >= minimum() && page <= maximum() && m_labels.value(page - 1) == match.captured(1).trimmed())
            return page;
    }
    const qsizetype first = m_labels.indexOf(value);
    if (first < 0 || m_labels.indexOf(value, first + 1) >= 0)
        return 0; // no such label, or more than one page has it
    return int(first) + 1;
}

QString PageSpinBox::textFromValue(int value) const
{
    if (m_labels.isEmpty())
        return QSpinBox::textFromValue(value);
    const QString number = locale().toString(value);
    const QString label = m_labels.value(value - 1);
    if (label.isEmpty() || label == number)
        return number;
    return QStringLiteral("%1 (%2)").arg(label, number);
}

int PageSpinBox::valueFromText(const QString &text) const
{
    if (m_labels.isEmpty())
        return QSpinBox::valueFromText(text);
    const int page = pageFromText(text);
    return page > 0 ? page : value();
}

QValidator::State PageSpinBox::validate(QString &input, int &pos) const
{
    if (pageFromText(input) > 0)
        return QValidator::Acceptable;
    // While typing: a number too large (999 must not become 99 or 9 as the keys come), a label
    // begun. Enter then keeps the page and says why (keyPressEvent()).
    if (m_labels.isEmpty()) {
        const QString value = stripped(input);
        if (!value.isEmpty() && std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.isDigit(); }))
            return QValidator::Intermediate;
        return QSpinBox::validate(input, pos);
    }
    return QValidator::Intermediate;
}

void PageSpinBox::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && maximum() >= minimum() && maximum() > 0) {
        const QString typed = stripped(lineEdit()->text());
        if (!typed.isEmpty() && pageFromText(lineEdit()->text()) <= 0) {
            const QString range = tr("pages %1 to %2").arg(locale().toString(minimum()), locale().toString(maximum()));
            Q_EMIT invalidPage(m_labels.isEmpty()
                    ? tr("There is no page %1: the document has %2.").arg(typed, range)
                    : tr("No page is called “%1”: the document has %2.").arg(typed, range));
        }
    }
    QSpinBox::keyPressEvent(event);
}

} // namespace folio
