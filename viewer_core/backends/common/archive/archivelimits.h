// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "safetylimits.h"
#include "status.h"

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcArchive)

namespace folio::archive {

// True when `unpacked` bytes from `packed` stored bytes are over the compression ratio limit.
// Small data is never refused: the ratio of a few highly compressible KiB means nothing.
bool overRatio(qint64 unpacked, qint64 packed, const Limits &limits);

} // namespace folio::archive
