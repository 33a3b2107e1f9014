// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QImage>
#include <QList>

#include <algorithm>

namespace folio::test {

// Dark pixels of `image` (a page rendered at `dpi`) outside every box, each box widened by
// `margin` points, and the boxes that cover no dark pixel at all.
struct InkCheck
{
    int outside = 0;
    int total = 0;
    int emptyBoxes = 0;
};

inline InkCheck checkInk(const QImage &image, double dpi, const QList<TextBox> &boxes, qreal margin)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const qreal scale = dpi / 72.0;
    QList<QRectF> areas;
    for (const TextBox &box : boxes)
        areas.append(box.rect.adjusted(-margin, -margin, margin, margin));
    InkCheck check;
    QList<int> inkPerBox(boxes.size(), 0);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (qGray(line[x]) >= 128)
                continue;
            ++check.total;
            const QPointF point((x + 0.5) / scale, (y + 0.5) / scale);
            bool inside = false;
            for (qsizetype i = 0; i < boxes.size(); ++i) {
                if (areas[i].contains(point)) {
                    inside = true;
                    ++inkPerBox[i];
                }
            }
            check.outside += !inside;
        }
    }
    check.emptyBoxes = int(std::count(inkPerBox.cbegin(), inkPerBox.cend(), 0));
    return check;
}

} // namespace folio::test
