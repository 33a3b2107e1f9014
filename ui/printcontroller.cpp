// SPDX-License-Identifier: GPL-3.0-or-later
#include "printcontroller.h"

#include "documentview.h"
#include "jobrunner.h"
#include "pageview.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QPaintEngine>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

namespace folio {

namespace {

// The print dialog's "Scaling" tab.
class ScalingTab : public QWidget
{
    Q_DECLARE_TR_FUNCTIONS(folio::PrintController)
public:
    ScalingTab(PrintOptions::Scaling scaling, bool autoRotate)
    {
        setWindowTitle(tr("Scaling")); // the tab's title
        auto *box = new QGroupBox(tr("Page size"));
        m_fit = new QRadioButton(tr("&Fit to page"));
        m_shrink = new QRadioButton(tr("&Shrink oversized pages"));
        m_actual = new QRadioButton(tr("&Actual size"));
        auto *choices = new QVBoxLayout(box);
        choices->addWidget(m_fit);
        choices->addWidget(m_shrink);
        choices->addWidget(m_actual);
        m_rotate = new QCheckBox(tr("&Rotate landscape pages to fit the paper"));
        m_rotate->setChecked(autoRotate);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(box);
        layout->addWidget(m_rotate);
        layout->addStretch();
        switch (scaling) {
        case PrintOptions::Scaling::FitToPage:
            m_fit->setChecked(true);
            break;
        case PrintOptions::Scaling::ShrinkOversized:
            m_shrink->setChecked(true);
            break;
        case PrintOptions::Scaling::ActualSize:
            m_actual->setChecked(true);
            break;
        }
    }

    PrintOptions::Scaling scaling() const
    {
        if (m_shrink->isChecked())
            return PrintOptions::Scaling::ShrinkOversized;
        if (m_actual->isChecked())
            return PrintOptions::Scaling::ActualSize;
        return PrintOptions::Scaling::FitToPage;
    }
    bool autoRotate() const { return m_rotate->isChecked(); }

private:
    QRadioButton *m_fit = nullptr;
    QRadioButton *m_shrink = nullptr;
    QRadioButton *m_actual = nullptr;
    QCheckBox *m_rotate = nullptr;
};

// The pages holding the text selection: one run of pages, found from the first page with one.
QList<int> selectedPages(const PageView &view)
{
    QList<int> pages;
    for (int page = 0; page < view.pageCount(); ++page) {
        if (!view.pageSelection(page).isEmpty())
            pages.append(page);
        else if (!pages.isEmpty() && page - pages.last() > 1)
            break; // the run has ended (a page between may hold no words)
    }
    return pages;
}

} // namespace

PrintController::PrintController(QWidget *window, JobRunner *jobs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_jobs(jobs)
{ }

PrintController::~PrintController() = default;

std::shared_ptr<QPrinter> PrintController::printer()
{
    // A job holds its own reference until it returns: that printer is not to be touched.
    if (!m_printer || m_printer.use_count() > 1)
        m_printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    return m_printer;
}

PrintOptions PrintController::options() const
{
    PrintOptions options;
    options.scaling = m_scaling;
    options.autoRotate = m_autoRotate;
    return options;
}

PrintOptions PrintController::optionsFor(const QPrinter &printer, const DocumentView &view) const
{
    PrintOptions result = options();
    const PageView &pages = *view.pageView();
    switch (printer.printRange()) {
    case QPrinter::AllPages:
        break;
    case QPrinter::CurrentPage:
        result.pages = {pages.currentPage()};
        break;
    case QPrinter::Selection:
        result.pages = selectedPages(pages);
        break;
    case QPrinter::PageRange: {
        const QList<QPageRanges::Range> ranges = printer.pageRanges().toRangeList();
        for (const QPageRanges::Range &range : ranges) {
            for (int page = range.from; page <= range.to; ++page)
                result.pages.append(page - 1);
        }
        if (ranges.isEmpty() && printer.fromPage() > 0) {
            for (int page = printer.fromPage(); page <= std::max(printer.fromPage(), printer.toPage()); ++page)
                result.pages.append(page - 1);
        }
        break;
    }
    }
    return result;
}

Job *PrintController::printWith(DocumentView *view, std::shared_ptr<QPrinter> printer, const PrintOptions &options)
{
    if (!view || !printer || m_jobs->isShuttingDown())
        return nullptr;
    if (printer->docName().isEmpty())
        printer->setDocName(view->displayName());
    Job *job = PrintJob::start(*m_jobs, view->loadedDocument().document, std::move(printer), options, view->fileName());
    Q_EMIT message(tr("Printing %1…").arg(view->fileName()));
    Q_EMIT printStarted(job);
    return job;
}

void PrintController::print(DocumentView *view)
{
    if (!view || m_jobs->isShuttingDown())
        return;
    std::shared_ptr<QPrinter> target = printer();
    target->setDocName(view->displayName());
    const PageView &pages = *view->pageView();

    auto *dialog = new QPrintDialog(target.get(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print “%1”").arg(view->fileName()));
    QAbstractPrintDialog::PrintDialogOptions features = QAbstractPrintDialog::PrintToFile
        | QAbstractPrintDialog::PrintPageRange | QAbstractPrintDialog::PrintCollateCopies
        | QAbstractPrintDialog::PrintShowPageSize | QAbstractPrintDialog::PrintCurrentPage;
    if (pages.hasSelection())
        features |= QAbstractPrintDialog::PrintSelection;
    dialog->setOptions(features);
    // The known pages; a streaming document's later pages can still be typed in.
    dialog->setMinMax(1, view->isPageCountFinal() ? std::max(1, pages.pageCount()) : std::numeric_limits<int>::max());
    auto *scaling = new ScalingTab(m_scaling, m_autoRotate);
    dialog->setOptionTabs({scaling});

    QPointer<DocumentView> document(view);
    connect(dialog, &QDialog::accepted, this, [this, dialog, scaling, document, target] {
        m_scaling = scaling->scaling();
        m_autoRotate = scaling->autoRotate();
        if (document)
            printWith(document, target, optionsFor(*dialog->printer(), *document));
    });
    dialog->open();
}

void PrintController::printPreview(DocumentView *view)
{
    if (!view || m_jobs->isShuttingDown())
        return;
    const int count = std::min(view->pageView()->pageCount(), MaxPreviewPages);
    QList<int> pages;
    for (int page = 0; page < count; ++page)
        pages.append(page);
    if (pages.isEmpty())
        return;
    const qint64 maxPixels = std::clamp(PreviewBudget / count, MinPreviewPixels, MaxPreviewPixels);

    JobOptions options;
    options.operation = tr("Preparing the print preview of");
    options.fileName = view->fileName();
    options.unit = ProgressUnit::Pages;
    options.reportOutcome = false; // the preview itself is the outcome; a failure is reported below
    auto job = std::make_shared<QPointer<Job>>();
    std::function<Result<QList<PrintJob::PreviewPage>>(const CancellationToken &, const ProgressCallback &)> work
        = [document = view->loadedDocument().document, pages, maxPixels](
              const CancellationToken &token, const ProgressCallback &progress) {
              return PrintJob::previewPages(*document, pages, maxPixels, token, progress);
          };
    QPointer<DocumentView> target(view);
    *job = m_jobs->run<QList<PrintJob::PreviewPage>>(
        options, std::move(work), this, [this, job, target](Result<QList<PrintJob::PreviewPage>> result) {
            if (!result) {
                if (*job)
                    Q_EMIT message((*job)->outcomeText(result.status()));
                return;
            }
            if (target)
                showPreview(target, *result);
        });
}

void PrintController::showPreview(DocumentView *view, const QList<PrintJob::PreviewPage> &pages)
{
    std::shared_ptr<QPrinter> target = printer();
    target->setDocName(view->displayName());
    auto *dialog = new QPrintPreviewDialog(target.get(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print Preview of “%1”").arg(view->fileName()));
    QPointer<DocumentView> document(view);
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, [this, pages, document, target](QPrinter *printer) {
        // The preview records what is painted (a picture engine); its Print button hands over the
        // real printer, which gets the real job instead, off the GUI thread.
        if (printer->paintEngine() && printer->paintEngine()->type() == QPaintEngine::Picture)
            PrintJob::paintPreview(*printer, pages, options());
        else if (document && printer == target.get())
            printWith(document, target, optionsFor(*printer, *document));
    });
    dialog->open();
}

} // namespace folio
