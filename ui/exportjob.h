// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportdialog.h"
#include "viewer.h"

#include <QStringList>

class QWidget;

namespace folio {

// What a finished export wrote.
struct ExportResult
{
    QStringList files; // the pages' files, or the one PDF
    int pageCount = 0; // pages exported
};

// The body of an export job, for a worker thread. It never touches the tab's Document (its page
// renders use it meanwhile): it opens its own instance of request.documentPath with `open` (the
// password, limits and view options the tab was opened with), reads as far as the pages asked
// for, and hands them to Exporter::exportPages(). All or nothing under `token`; progress counts
// pages written.
class ExportJob
{
    Q_DECLARE_TR_FUNCTIONS(folio::ExportJob)
public:
    static Result<ExportResult> run(const ExportRequest &request, const OpenOptions &open,
        const CancellationToken &token, const ProgressCallback &progress);

    // A window-modal message box over `parent` naming the document, the folder and the reason.
    static void showFailure(const ExportRequest &request, const Status &status, QWidget *parent);
};

} // namespace folio
