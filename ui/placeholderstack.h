// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStackedWidget>

class QLabel;

namespace folio {

// A side bar panel's content, or in its place a centred message the user can select and copy
// ("Reading the outline…", "This document has no attachments", why reading failed).
class PlaceholderStack : public QStackedWidget
{
    Q_OBJECT
public:
    // Takes `content` (a tree, a list) as its child.
    explicit PlaceholderStack(QWidget *content, QWidget *parent = nullptr);

    void showContent();
    // Shows `text` instead of the content; an empty text leaves the panel blank.
    void showPlaceholder(const QString &text);
    // The text shown instead of the content, empty while the content shows.
    QString placeholderText() const;

private:
    QWidget *m_content = nullptr;
    QLabel *m_placeholder = nullptr;
};

} // namespace folio
