// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QImage>
#include <QList>
#include <QRectF>
#include <QTransform>

#include <memory>

class QPainter;
class QPrinter;

namespace folio {

class Job;
class JobRunner;
class SharedDocument;

// How pages are put on paper.
struct PrintOptions
{
    enum class Scaling {
        FitToPage, // every page scaled up or down to fill the printable area
        ShrinkOversized, // pages larger than the printable area shrunk to fit, the others at their size
        ActualSize, // at their size in points, centred; what does not fit is cut off
    };

    // 0-based pages, in the order to print; empty means every page (a streaming document is read
    // to its end first). Copies, collation and the page order are the printer's (QPrinter).
    QList<int> pages;
    Scaling scaling = Scaling::FitToPage;
    // A page whose orientation differs from the printable area's is turned a quarter turn
    // (counter-clockwise: its top goes to the paper's left edge) so it uses the paper best.
    bool autoRotate = true;
    // Pages without Capability::VectorPaint are printed as pictures at the printer's resolution,
    // at most this many pixels each (and never above the document's Limits).
    qint64 maxPagePixels = 16'000'000; // the view's budget (PageView::MaxRenderPixels): ~400 dpi on A4
};

// Where one page goes on the paper: `transform` maps the upright page's points onto the
// printable area's (points, origin at the area's top left).
struct PagePlacement
{
    QTransform transform;
    double scale = 1.0; // page points to paper points
    bool rotated = false; // turned a quarter turn counter-clockwise
};

// Places a page of `pageSize` points in `area` (points) for `options`: centred, scaled and turned.
PagePlacement placePage(QSizeF pageSize, QRectF area, const PrintOptions &options);

// Prints a document on a QPrinter: pages with Capability::VectorPaint are drawn by
// Document::paint() (real text and vector graphics), the others as pictures from
// Document::render() at the printer's resolution.
//
// All or nothing: a cancelled, timed-out or failed print leaves no output. A file target (a PDF,
// QPrinter::outputFileName()) is written under a temporary name in its folder and renamed only
// when complete. On Linux, where Qt's CUPS engine sends whatever was drawn as soon as the painter
// ends (QPrinter::abort() does nothing there), the job is spooled into a temporary file through
// that same engine and handed to CUPS only when complete; elsewhere QPrinter::abort() stops it.
//
// Threads: print() runs on any one thread (a worker); it uses the printer alone while it runs and
// the document only under its gate, one page at a time, so the view keeps rendering meanwhile.
class PrintJob
{
    Q_DECLARE_TR_FUNCTIONS(folio::PrintJob)
public:
    // Prints synchronously. Progress counts sheets printed (pages times the copies Folio makes
    // itself when the printer cannot). The printer's resolution and output file name are
    // restored afterwards.
    static Status print(SharedDocument &document, QPrinter &printer, const PrintOptions &options,
        const CancellationToken &token, const ProgressCallback &progress = {});

    // Runs print() on `jobs` ("Printing “name”…", page N of M, Cancel, the runner's timeout). The
    // job owns its references: the printer must not be used by anyone else until it finished().
    static Job *start(JobRunner &jobs, std::shared_ptr<SharedDocument> document, std::shared_ptr<QPrinter> printer,
        const PrintOptions &options, const QString &fileName);

    // One page of a print preview: its picture and its size in points.
    struct PreviewPage
    {
        QSizeF size;
        QImage picture;
    };
    // Pictures of pages for a print preview: every page rendered (vector pages too: a preview
    // needs no real text) to at most `maxPixels` each, one page at a time under the gate.
    // Progress counts pages.
    static Result<QList<PreviewPage>> previewPages(SharedDocument &document, const QList<int> &pages, qint64 maxPixels,
        const CancellationToken &token, const ProgressCallback &progress = {});
    // Draws previewPages() on `printer` (a QPrintPreviewWidget's) where print() would place the
    // pages: quick enough for the GUI thread.
    static void paintPreview(QPrinter &printer, const QList<PreviewPage> &pages, const PrintOptions &options);

    // The printable area of `printer` in points, in the painter's coordinates (origin at its
    // top left unless the printer paints the full page).
    static QRectF printableArea(const QPrinter &printer);
};

} // namespace folio
