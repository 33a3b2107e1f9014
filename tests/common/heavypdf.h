// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPainter>
#include <QPdfWriter>
#include <QString>

namespace folio::test {

// Writes a one-page PDF of 150,000 antialiased strokes: rendering it takes long enough (seconds
// at 300 dpi) for cancellation and timeout tests to land in the middle of a render.
inline void writeHeavyPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setResolution(72);
    QPainter painter(&writer);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 150000; ++i) {
        painter.setPen(QColor::fromHsv(i % 360, 200, 200));
        painter.drawLine(QPointF(i % 500, (i * 7) % 700), QPointF((i * 13) % 500, (i * 3) % 700));
    }
}

} // namespace folio::test
