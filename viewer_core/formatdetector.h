// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QList>
#include <QMimeType>

class QIODevice;

namespace folio {

// A backend that recognised a device, and how sure it is.
struct Candidate
{
    const Backend *backend = nullptr;
    QMimeType mimeType;
    int confidence = Recognition::No;
};

struct Detection
{
    QMimeType mimeType; // the best candidate's type; else what the content and name say
    const Backend *backend = nullptr; // nullptr: no backend reads this type
    int confidence = Recognition::No;
    // Every backend that recognised the device, most confident first (the best one included):
    // when the best is only a weak guess and cannot open the device, the next may (a text that
    // mentions "%PDF-1.4" in its first kilobyte is a text).
    QList<Candidate> candidates;
};

// Decides the format from content: QMimeDatabase with MatchContent, the file name refining a
// generic content match (text/plain → text/markdown) or naming formats without magic, then every
// backend's own recognition (Backend::recognize()). The detector knows no format itself.
class FormatDetector
{
public:
    // `device` must be open and readable; its position is restored.
    static Detection detect(QIODevice &device, const QString &fileName);
    // The type QMimeDatabase gives content and name together (the generic part of detect()).
    static QMimeType contentType(QIODevice &device, const QString &fileName);
};

} // namespace folio
