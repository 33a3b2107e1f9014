// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <chrono>

class QSpinBox;

namespace folio {

// Settings › Preferences: the time limit of long operations (0 = none). The caller applies and
// stores the result; the dialog only edits a value.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(std::chrono::milliseconds timeout, QWidget *parent = nullptr);

    std::chrono::milliseconds timeout() const;
    QSpinBox *timeoutBox() const { return m_timeout; }

private:
    QSpinBox *m_timeout;
};

} // namespace folio
