// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

namespace folio::office {
class ImageStore;
}

namespace folio::presentation {
class Diagram;
}

namespace folio::wordprocessing {

// Draws the SmartArt diagrams of a text as vectors, like ChartObjectHandler draws charts: an
// object character (FlowDocument::diagramFormat()) this handler sizes and paints. A child of its
// text document; `images` (not owned) outlives it.
class DiagramObjectHandler final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    // The format property holding the diagram's index in the document's table.
    static constexpr int IndexProperty = QTextFormat::UserProperty + 41;

    DiagramObjectHandler(const std::vector<std::shared_ptr<const presentation::Diagram>> &diagrams,
        office::ImageStore *images, QObject *parent);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    const std::vector<std::shared_ptr<const presentation::Diagram>> &m_diagrams;
    office::ImageStore *m_images;
};

} // namespace folio::wordprocessing
