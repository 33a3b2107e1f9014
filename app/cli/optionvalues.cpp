// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionvalues.h"

#include <QRegularExpression>

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

} // namespace cli::values
