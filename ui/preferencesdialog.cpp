// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace folio {

PreferencesDialog::PreferencesDialog(std::chrono::milliseconds timeout, int cacheBudgetMiB, QWidget *parent)
    : QDialog(parent)
    , m_timeout(new QSpinBox(this))
    , m_cache(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences — Folio"));
    m_timeout->setRange(0, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("No limit"));
    // Round up so that a sub-second limit set with --timeout is not shown as "No limit".
    m_timeout->setValue(int((timeout.count() + 999) / 1000));

    m_cache->setRange(16, 16 * 1024);
    m_cache->setSingleStep(64);
    m_cache->setSuffix(tr(" MiB"));
    m_cache->setValue(cacheBudgetMiB);
    m_cache->setToolTip(tr("Rendered pages of the document on screen are kept up to this size, so "
                           "scrolling back shows them at once. Documents in other tabs keep an eighth."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Time limit for long operations:"), m_timeout);
    form->addRow(tr("&Memory for rendered pages:"), m_cache);
    auto *hint = new QLabel(tr("Opening, searching and exporting stop by themselves after this time. "
                               "Esc or Cancel stops them at any moment."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

std::chrono::milliseconds PreferencesDialog::timeout() const
{
    return std::chrono::seconds(m_timeout->value());
}

int PreferencesDialog::cacheBudgetMiB() const
{
    return m_cache->value();
}

} // namespace folio
