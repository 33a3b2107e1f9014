// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

namespace folio::office {
class Chart;
}

namespace folio::wordprocessing {

// Draws the charts of a text: QTextDocument knows pictures, not vectors, so a chart is an object
// character (FlowDocument::chartFormat()) this handler sizes and paints, as vectors, so that a PDF
// export keeps them. A child of its text document, so that it moves between threads with it.
class ChartObjectHandler final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    // The format property holding the chart's index in the document's table.
    static constexpr int IndexProperty = QTextFormat::UserProperty + 40;

    ChartObjectHandler(const std::vector<std::shared_ptr<const office::Chart>> &charts, QObject *parent);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    const std::vector<std::shared_ptr<const office::Chart>> &m_charts;
};

} // namespace folio::wordprocessing
