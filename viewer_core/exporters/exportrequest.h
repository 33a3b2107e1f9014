// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportoptions.h"
#include "viewer.h"

#include <QStringList>

namespace folio {

// One export of a document as a program asks for it (folio-cli render, the GUI's Export job):
// what Exporter::exportDocument() opens, which pages it writes, where and how.
struct ExportRequest
{
    QString documentPath; // the file to open; exportDocument() opens its own instance of it
    QString pages; // PageList syntax, 1-based, in the order to write ("3,1-2"); empty = every page
    QString directory; // created when missing
    ExportOptions options; // options.baseName names the PDF
    // How to open the document: password, limits, the view options (which the export's pages
    // then have too) and the name it has in messages.
    OpenOptions open;
    // The file as the caller saw it: the export refuses a file changed since (it would not be
    // what the user sees). Not checked when it does not exist.
    FileStamp documentStamp;

    // The one file a PDF export writes, as `directory` names it; empty for the other formats.
    QString pdfFile() const;
    // True when the export would be renamed over the document it is made from: a PDF of the
    // document's own name into the document's own folder.
    bool replacesDocument() const;
};

// What a finished export wrote.
struct ExportResult
{
    QStringList files; // the pages' files, or the one PDF
    int pageCount = 0; // pages exported
};

// The progress of each step of an export; any may be empty.
struct ExportProgress
{
    ProgressCallback opening; // while the document opens (bytes or steps, as its backend counts)
    ProgressCallback reading; // pages found while reading as far as the pages asked for
    ProgressCallback writing; // pages written of pages asked for, from 0
};

} // namespace folio
