// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QFrame>

#include <chrono>

class QLabel;
class QPushButton;

namespace folio {

// The bar a PageView lays over the visible part of a page that could not be drawn (a render
// timeout at a high zoom, a broken page): where the reader looks, not at the page's centre,
// which may be off screen. It says why and offers Retry (twice the time limit) and Retry
// without a time limit. GUI thread only.
class PageFailureBar : public QFrame
{
    Q_OBJECT
public:
    explicit PageFailureBar(QWidget *parent = nullptr);

    // Shows the failure of `page` (0-based); `timeout` is the limit it ran into (zero: none).
    void setFailure(int page, const Status &status, std::chrono::milliseconds timeout);
    int page() const { return m_page; }
    QString text() const;

Q_SIGNALS:
    // Render `page` again with this time limit (zero: none).
    void retryRequested(int page, std::chrono::milliseconds timeout);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Pale red with dark red text on a light window; dark red with pale text on a dark one.
    void updateColours();
    QLabel *m_label;
    QPushButton *m_retry;
    QPushButton *m_retryUnlimited;
    int m_page = -1;
    std::chrono::milliseconds m_timeout {0};
};

} // namespace folio
