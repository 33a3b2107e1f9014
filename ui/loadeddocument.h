// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documentsummary.h"
#include "shareddocument.h"
#include "viewer.h"

#include <QList>
#include <QSizeF>
#include <QString>

#include <memory>

namespace folio {

// A freshly opened document with everything the GUI needs to lay it out: what an open delivers
// to the GUI thread.
struct LoadedDocument
{
    std::shared_ptr<SharedDocument> document;
    QString path;
    QString password; // what opened it, so a reload needs no prompt; empty when none
    FileStamp stamp; // the file as it was when opened
    DocumentSummary summary;
    QList<QSizeF> pageSizes; // points, one per known page
    bool pageCountFinal = true;
};

// Page sizes [from, pageCount()) of `document`, polling `token`: pageSizes at open, and the pages
// a streaming document finds later. Call under the gate.
Result<QList<QSizeF>> readPageSizes(Document &document, int from, const CancellationToken &token);

} // namespace folio
