// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <chrono>

class QSpinBox;

namespace folio {

// Settings › Preferences: the time limit of long operations (0 = none) and the memory kept for
// rendered pages. The caller applies and stores the result; the dialog only edits values.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(std::chrono::milliseconds timeout, int cacheBudgetMiB, QWidget *parent = nullptr);

    std::chrono::milliseconds timeout() const;
    int cacheBudgetMiB() const;
    QSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *cacheBox() const { return m_cache; }

private:
    QSpinBox *m_timeout;
    QSpinBox *m_cache;
};

} // namespace folio
