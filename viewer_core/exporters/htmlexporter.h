// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportoptions.h"

#include <QStringList>

namespace folio {

class Viewer;

// Exports pages as HTML, one file per page: DIR/page-N.html (N from 1). Flow documents (DOCX,
// ODT, EPUB, Markdown: Capability::FlowContent) become semantic HTML (headings, lists, tables,
// pictures, links); plain text and CSV a <pre>; every other page (PDF, slides, sheets, images,
// archive listings) its picture with a transparent text layer over it for selection and search.
// Pictures are data: URIs (ExportOptions::Resources::Embedded) or files written once into
// DIR/resources/ (External). Pages are polyglot HTML5: they parse as XML too.
class HtmlExporter
{
    Q_DECLARE_TR_FUNCTIONS(folio::HtmlExporter)
public:
    // `pages` are 0-based and must be known to the document. Progress counts pages written.
    // All or nothing: a cancelled or failed export leaves no new file. Returns the written paths:
    // the pages in the order asked for, then the resources' files.
    static Result<QStringList> exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
        const ExportOptions &options, const CancellationToken &token, const ProgressCallback &progress = {});
};

} // namespace folio
