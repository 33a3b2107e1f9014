// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportjob.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

namespace folio {

void ExportJob::showFailure(const ExportRequest &request, const Status &status, QWidget *parent)
{
    const QString folder = QDir::toNativeSeparators(request.directory);
    auto *box = new QMessageBox(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Export Failed"));
    box->setText(tr("“%1” could not be exported to %2. No file was written.")
                     .arg(QFileInfo(request.documentPath).fileName(), folder));
    // The dialog names the document already.
    QString reason = status.withoutFile().message();
    if (status.code() == StatusCode::TimedOut)
        reason = tr("%1. The time limit is set in Preferences.").arg(reason);
    if (!reason.isEmpty())
        reason[0] = reason[0].toUpper(); // it starts a sentence of its own here
    box->setInformativeText(reason);
    box->setDetailedText(
        tr("File: %1\nFolder: %2\nError: %3")
            .arg(QDir::toNativeSeparators(request.documentPath), folder, QString::fromLatin1(codeName(status.code()))));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}

} // namespace folio
