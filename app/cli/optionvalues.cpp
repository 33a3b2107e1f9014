// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionvalues.h"

#include "pagelist.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <limits>

namespace cli::values {

bool parseInt(const QString &text, int low, int high, int &value)
{
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < low || parsed > high)
        return false;
    value = parsed;
    return true;
}

bool parseNumber(const QString &text, double low, double high, double &value)
{
    bool ok = false;
    const double parsed = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(parsed) || parsed < low || parsed > high)
        return false;
    value = parsed;
    return true;
}

bool parseSizeLimit(const QString &text, qint64 &value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d+(?:\\.\\d+)?)([KMGT]?)(?:i?B)?$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const QString unit = match.captured(2).toUpper();
    const int power = unit.isEmpty() ? 0 : int(QStringLiteral("KMGT").indexOf(unit)) + 1;
    const double bytes = match.captured(1).toDouble() * std::pow(1024.0, power);
    if (bytes >= 9.2e18)
        return false;
    value = bytes == 0 ? std::numeric_limits<qint64>::max() : qint64(bytes);
    return true;
}

bool parseCountLimit(const QString &text, qint64 &value)
{
    bool ok = false;
    const qint64 parsed = text.trimmed().toLongLong(&ok);
    if (!ok || parsed < 0)
        return false;
    value = parsed == 0 ? std::numeric_limits<qint64>::max() : parsed;
    return true;
}

namespace {

// The 1-based page whose label is `text` when exactly one page has it, else 0.
int uniqueLabel(const QStringList &labels, const QString &text)
{
    const qsizetype first = labels.indexOf(text);
    if (text.isEmpty() || first < 0 || labels.indexOf(text, first + 1) >= 0)
        return 0;
    return int(first) + 1;
}

// A range's end: a page number, or the label of one page. 0 for neither.
int rangeEnd(const QStringList &labels, const QString &text)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    if (ok)
        return number > 0 ? number : 0;
    return uniqueLabel(labels, text);
}

} // namespace

bool resolvePageLabels(const QString &spec, const QStringList &labels, QString &value, QString &badItem)
{
    QStringList items;
    for (const QString &part : spec.split(QLatin1Char(','))) {
        const QString item = part.trimmed();
        if (folio::PageList::parse(item)) {
            items.append(item);
            continue;
        }
        if (const int page = uniqueLabel(labels, item); page > 0) {
            items.append(QString::number(page));
            continue;
        }
        // "i-iv", "A-1-A-3", "iv-10": a range may split at any "-" whose sides both name a page.
        QString range;
        for (qsizetype dash = item.indexOf(QLatin1Char('-')); dash > 0 && range.isEmpty();
             dash = item.indexOf(QLatin1Char('-'), dash + 1)) {
            const int first = rangeEnd(labels, item.left(dash).trimmed());
            const int last = rangeEnd(labels, item.mid(dash + 1).trimmed());
            if (first > 0 && last > 0)
                range = QStringLiteral("%1-%2").arg(first).arg(last);
        }
        if (range.isEmpty()) {
            badItem = item;
            return false;
        }
        items.append(range);
    }
    value = items.join(QLatin1Char(','));
    return true;
}

} // namespace cli::values
