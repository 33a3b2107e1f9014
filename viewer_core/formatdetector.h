// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QMimeType>

class QIODevice;

namespace folio {

struct Detection
{
    QMimeType mimeType;
    const Backend *backend = nullptr; // nullptr: no backend reads this type
};

// Decides the format from content first (QMimeDatabase with MatchContent), using the file name
// only to refine a generic content match (text/plain → text/markdown) or when content says nothing.
class FormatDetector
{
public:
    // `device` must be open and readable; its position is restored.
    static Detection detect(QIODevice &device, const QString &fileName);
};

} // namespace folio
