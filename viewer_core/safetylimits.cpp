// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetylimits.h"

#include <cstdlib>

namespace folio {

QString bytesText(qint64 bytes)
{
    constexpr qint64 KiB = 1024;
    if (bytes < KiB)
        return bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(bytes);
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = double(bytes) / KiB;
    int unit = 0;
    while (value >= 1024 && unit < 5) {
        value /= 1024;
        ++unit;
    }
    // As ls -h: one decimal below 10 ("1.5 KiB", "1.0 GiB"), whole numbers from 10 on ("64 KiB").
    return QStringLiteral("%1 %2").arg(value, 0, 'f', value < 9.95 ? 1 : 0).arg(QLatin1String(units[unit]));
}

Status LimitErrors::entrySize(const QString &what, qint64 size, const Limits &limits)
{
    const QString limit = bytesText(limits.maxEntrySize);
    if (size < 0)
        return {StatusCode::LimitExceeded,
            tr("%1 expands to more than %2, the limit per entry (raise it with --max-entry-size or in Preferences)")
                .arg(what, limit)};
    return {StatusCode::LimitExceeded,
        tr("%1 expands to %2, over the limit of %3 per entry (raise it with --max-entry-size or in Preferences)")
            .arg(what, bytesText(size), limit)};
}

Status LimitErrors::totalSize(qint64 size, const Limits &limits)
{
    const QString limit = bytesText(limits.maxTotalExtracted);
    if (size < 0)
        return {StatusCode::LimitExceeded,
            tr("The data expands to more than %1, the limit in total (raise it with --max-total-size or in "
               "Preferences)")
                .arg(limit)};
    return {StatusCode::LimitExceeded,
        tr("Extracting would write %1, over the limit of %2 in total (raise it with --max-total-size or in "
           "Preferences)")
            .arg(bytesText(size), limit)};
}

Status LimitErrors::ratio(const QString &what, qint64 unpacked, qint64 packed, const Limits &limits)
{
    const bool sofar = unpacked < 0;
    unpacked = std::abs(unpacked);
    const qint64 ratio = packed > 0 ? unpacked / packed : unpacked;
    const QString message = sofar
        ? tr("%1 expands more than %5 times (%3 from %4 so far, %2 times), over the compression ratio limit of "
             "%5:1 that guards against zip bombs (raise it with --max-ratio or in Preferences)")
        : tr("%1 expands more than %5 times (%3 from %4, %2 times), over the compression ratio limit of %5:1 that "
             "guards against zip bombs (raise it with --max-ratio or in Preferences)");
    return {StatusCode::LimitExceeded,
        // One multi-argument arg(): a '%' in an entry's name must not become a placeholder.
        message.arg(what, QString::number(ratio), bytesText(unpacked), bytesText(packed),
            QString::number(limits.maxCompressionRatio))};
}

Status LimitErrors::entryCount(qint64 count, const Limits &limits)
{
    return {StatusCode::LimitExceeded,
        tr("The archive has %1 entries, over the limit of %2 (raise it with --max-entries or in Preferences)")
            .arg(count)
            .arg(limits.maxEntries)};
}

} // namespace folio
