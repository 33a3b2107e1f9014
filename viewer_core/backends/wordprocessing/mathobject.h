// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

namespace folio::office::math {
class Formula;
}

namespace folio::wordprocessing {

// Draws the equations of a text (FlowDocument::formulaFormat()) as vectors, like
// ChartObjectHandler draws charts. A child of its text document, so that it moves between
// threads with it.
class MathObjectHandler final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    // The format properties: the formula's index in the document's table, its font size, and
    // where its baseline is below the top of its box (points).
    static constexpr int IndexProperty = QTextFormat::UserProperty + 64;
    static constexpr int SizeProperty = QTextFormat::UserProperty + 65;
    static constexpr int BaselineProperty = QTextFormat::UserProperty + 66;

    MathObjectHandler(const std::vector<std::shared_ptr<const office::math::Formula>> &formulas, QObject *parent);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    const std::vector<std::shared_ptr<const office::math::Formula>> &m_formulas;
};

} // namespace folio::wordprocessing
