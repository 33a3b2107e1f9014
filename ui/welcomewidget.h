// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QVBoxLayout;

namespace folio {

// What the window shows with no document: an invitation to open one (button, drop, recent files).
class WelcomeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomeWidget(QWidget *parent = nullptr);

    // Lists up to a few of these as quick links.
    void setRecentFiles(const QStringList &paths);

Q_SIGNALS:
    void openRequested();
    void recentFileRequested(const QString &path);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVBoxLayout *m_recentLayout = nullptr;
    QWidget *m_recentBox = nullptr;
};

} // namespace folio
