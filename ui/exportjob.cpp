// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportjob.h"

#include "exporters/exporter.h"
#include "pagelist.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

namespace folio {

Result<ExportResult> ExportJob::run(const ExportRequest &request, const OpenOptions &open,
    const CancellationToken &token, const ProgressCallback &progress)
{
    Result<PageList> list
        = request.pages.isEmpty() ? Result<PageList>(PageList::all()) : PageList::parse(request.pages);
    if (!list)
        return list.status();
    if (request.options.format == ExportOptions::Format::Pdf) {
        // Renaming the export over the document would destroy what it is made from.
        const QFileInfo target(QDir(request.directory).filePath(request.options.baseName + QLatin1String(".pdf")));
        if (target.exists() && target.canonicalFilePath() == QFileInfo(request.documentPath).canonicalFilePath())
            return Status(StatusCode::InvalidArgument,
                tr("%1 would replace the document itself").arg(QDir::toNativeSeparators(target.filePath())));
    }

    if (request.documentStamp.exists) {
        const QString name = QDir::toNativeSeparators(request.documentPath);
        if (Status same = request.documentStamp.verify(request.documentPath, name); !same)
            return same;
    }
    Viewer viewer;
    if (Status status = viewer.open(request.documentPath, open, token); !status)
        return status;
    Document &document = *viewer.document();
    if (Status status = document.ensurePages(list->pagesNeeded(), token); !status)
        return status;
    const auto pages = list->resolve(document.pageCount());
    if (!pages)
        return pages.status();
    if (progress)
        progress(0, pages->size());
    auto written = Exporter::exportPages(viewer, pages.value(), request.directory, request.options, token, progress);
    if (!written)
        return written.status();
    return ExportResult {std::move(written).value(), int(pages->size())};
}

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
