// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportoptions.h"
#include "exportrequest.h"

#include <QStringList>

namespace folio {

class Viewer;

// One entry point for every export format (folio-cli render, the GUI's Export dialog).
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(folio::Exporter)
public:
    // The whole export of request.documentPath: refuses a PDF that would replace the document and
    // a document changed since request.documentStamp, opens its own instance of the document (so
    // that a caller's open document, such as a GUI tab's, is never touched), reads as far as the
    // pages asked for and hands them to exportPages(). All or nothing under `token`. Failures
    // after opening name the document (request.open.displayName, else its path).
    static Result<ExportResult> exportDocument(
        const ExportRequest &request, const CancellationToken &token, const ExportProgress &progress = {});
    // The check exportDocument() starts with, for callers that want to refuse earlier: an
    // InvalidArgument naming the PDF when the export would replace the document itself.
    static Status checkTarget(const ExportRequest &request);

    // Writes `pages` (0-based, known to the viewer's document, in this order) of the open document
    // into `directory` as options.format: DIR/page-N.png|jpg|html (HTML resources in
    // DIR/resources/ when external) or DIR/<baseName>.pdf. All or nothing under `token`;
    // progress counts pages done of pages.size(). Returns the written files.
    static Result<QStringList> exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
        const ExportOptions &options, const CancellationToken &token, const ProgressCallback &progress = {});

    // The checks every exporter starts with: a document is open, `pages` is not empty and each
    // page is known to it. Returns the document.
    static Result<Document *> checkRequest(const Viewer &viewer, const QList<int> &pages);
};

} // namespace folio
