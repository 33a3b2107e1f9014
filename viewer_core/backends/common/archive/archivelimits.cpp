// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/archive/archivelimits.h"

Q_LOGGING_CATEGORY(lcArchive, "folio.archive", QtInfoMsg)

namespace folio::archive {

bool overRatio(qint64 unpacked, qint64 packed, const Limits &limits)
{
    if (unpacked <= limits.compressionRatioMinSize || limits.maxCompressionRatio <= 0)
        return false;
    // In floating point: packed * ratio could overflow for absurd declared sizes.
    return packed <= 0 || double(unpacked) / double(packed) > double(limits.maxCompressionRatio);
}

} // namespace folio::archive
