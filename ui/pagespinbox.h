// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSpinBox>
#include <QStringList>

namespace folio {

// The toolbar's page box (values are 1-based page numbers). Where the document names its pages
// (PDF /PageLabels), a page shows as "iv (4)" and the reader may type either: numbers keep
// priority, so "4" is the fourth page even where another page is labelled "4"; any other text
// must be the label of exactly one page.
class PageSpinBox : public QSpinBox
{
    Q_OBJECT
public:
    explicit PageSpinBox(QWidget *parent = nullptr);

    // One label per page (empty entries for pages without), or none.
    void setPageLabels(const QStringList &labels);
    const QStringList &pageLabels() const { return m_labels; }

    // The 1-based page `text` names (a number, "label (number)" or a unique label), 0 for none.
    int pageFromText(const QString &text) const;

Q_SIGNALS:
    // Enter on a page that does not exist ("999" in a 120-page document): the box keeps the
    // page it had, and `message` says why, with the range.
    void invalidPage(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    QString textFromValue(int value) const override;
    int valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;

private:
    QString stripped(const QString &text) const;

    QStringList m_labels;
};

} // namespace folio
