// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagespinbox.h"

#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>

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
    if (m_labels.isEmpty())
        return QSpinBox::validate(input, pos);
    if (pageFromText(input) > 0)
        return QValidator::Acceptable;
    // While typing: a number too large, a label begun. Enter then keeps the page (fixup).
    return QValidator::Intermediate;
}

} // namespace folio
