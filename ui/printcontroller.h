// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "printjob.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QPrinter;
class QWidget;

namespace folio {

class DocumentView;
class Job;
class JobRunner;

// File › Print and Print Preview for the window: the dialogs on the GUI thread, the printing
// itself as a PrintJob on the window's JobRunner (progress, Cancel, the timeout; its outcome goes
// to the status bar like other jobs').
//
// - print() shows QPrintDialog: printer, copies and collation, the page range (every page, the
//   current page, a page list, the pages of the text selection when there is one) and a
//   "Scaling" tab (fit to page, shrink oversized pages, actual size; turn landscape pages).
// - printPreview() first renders the pages as pictures in a job (a preview must paint them
//   synchronously, and that must not freeze the window), then shows QPrintPreviewDialog; its
//   Print button starts the real print job (vector pages as vectors).
//
// One QPrinter is kept for the session, so the dialogs remember the printer and its settings;
// a print still running on it gets a new one. GUI thread only.
class PrintController : public QObject
{
    Q_OBJECT
public:
    // `window` parents the dialogs; the jobs run on `jobs`.
    PrintController(QWidget *window, JobRunner *jobs, QObject *parent = nullptr);
    ~PrintController() override;

    // Scaling and rotation of the next print (the dialog's Scaling tab sets them).
    PrintOptions::Scaling scaling() const { return m_scaling; }
    void setScaling(PrintOptions::Scaling scaling) { m_scaling = scaling; }
    bool autoRotate() const { return m_autoRotate; }
    void setAutoRotate(bool rotate) { m_autoRotate = rotate; }

    // What the range chosen on `printer` means in `view`: every page (empty list), the current
    // page, the listed pages or the pages holding the text selection.
    PrintOptions optionsFor(const QPrinter &printer, const DocumentView &view) const;
    // Prints `view`'s document on `printer` without a dialog; nullptr while the window shuts down.
    Job *printWith(DocumentView *view, std::shared_ptr<QPrinter> printer, const PrintOptions &options);

    // A preview shows at most this many pages (the first ones), pictures of at most
    // PreviewBudget / pages pixels each, between these bounds.
    static constexpr int MaxPreviewPages = 2000;
    static constexpr qint64 PreviewBudget = 200'000'000;
    static constexpr qint64 MinPreviewPixels = 100'000;
    static constexpr qint64 MaxPreviewPixels = 2'000'000;

public Q_SLOTS:
    // Shows the print dialog for `view` (window-modal) and prints what it asks for.
    void print(folio::DocumentView *view);
    // Prepares the pages of `view` and shows them in a print preview dialog.
    void printPreview(folio::DocumentView *view);

Q_SIGNALS:
    // A print job started (also from the preview's Print button).
    void printStarted(folio::Job *job);
    // For the status bar: "Printing file.pdf…", or why a preview could not be shown.
    void message(const QString &text);

private:
    // The session's printer, or a new one while a job still uses it.
    std::shared_ptr<QPrinter> printer();
    PrintOptions options() const;
    void showPreview(DocumentView *view, const QList<PrintJob::PreviewPage> &pages);

    QPointer<QWidget> m_window;
    JobRunner *m_jobs;
    std::shared_ptr<QPrinter> m_printer;
    PrintOptions::Scaling m_scaling = PrintOptions::Scaling::FitToPage;
    bool m_autoRotate = true;
};

} // namespace folio
