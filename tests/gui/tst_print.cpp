// SPDX-License-Identifier: GPL-3.0-or-later
// Printing (PrintJob, PrintController), every print made to a PDF file (QPrinter::PdfFormat) and
// read back with Poppler: vector pages keep their text, page ranges and copies give the pages
// asked for, landscape pages are turned to the paper, and a cancelled, timed-out or failed print
// leaves no file (nor an older one changed).
#include "documentview.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "pageview.h"
#include "printcontroller.h"
#include "printjob.h"
#include "shareddocument.h"
#include "viewer.h"

#include <QAbstractPrintDialog>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>

using namespace folio;
using namespace std::chrono_literals;

namespace {

// Opens `path` as the GUI would (a SharedDocument), pages not yet read as far as the end.
LoadedDocument loadFile(const QString &path)
{
    auto document = Viewer::load(path, OpenOptions(), {});
    if (!document) {
        qWarning() << "cannot open" << path << document.status().message();
        return {};
    }
    std::unique_ptr<Document> opened = std::move(document).value();
    LoadedDocument loaded;
    loaded.path = path;
    loaded.summary = summarize(*opened);
    for (int i = 0; i < opened->pageCount(); ++i)
        loaded.pageSizes.append(opened->pageSize(i));
    loaded.pageCountFinal = opened->isPageCountFinal();
    loaded.document = std::make_shared<SharedDocument>(std::move(opened));
    return loaded;
}

// A PDF printer writing `path` at the printer resolution Folio's dialogs use.
std::unique_ptr<QPrinter> pdfPrinter(const QString &path)
{
    auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    printer->setOutputFormat(QPrinter::PdfFormat);
    printer->setOutputFileName(path);
    printer->setPageSize(QPageSize(QPageSize::A4));
    printer->setPageOrientation(QPageLayout::Portrait);
    return printer;
}

QString writeTextFile(const QDir &dir, int lines)
{
    const QString path = dir.filePath(QStringLiteral("lines.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 1; i <= lines; ++i)
        file.write(QStringLiteral("Line %1 of the printing test\n").arg(i).toUtf8());
    return path;
}

// A landscape picture, red on its left half and blue on its right.
QString writeLandscapeImage(const QDir &dir)
{
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter(&image).fillRect(0, 0, 200, 200, Qt::red);
    const QString path = dir.filePath(QStringLiteral("landscape.png"));
    return image.save(path) ? path : QString();
}

bool isColour(QRgb pixel, QColor colour, int tolerance = 40)
{
    return std::abs(qRed(pixel) - colour.red()) <= tolerance && std::abs(qGreen(pixel) - colour.green()) <= tolerance
        && std::abs(qBlue(pixel) - colour.blue()) <= tolerance;
}

QStringList entries(const QDir &dir)
{
    return dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QString pageText(const Poppler::Document &pdf, int page)
{
    const auto p = pdf.page(page);
    return p ? p->text(QRectF()) : QString();
}

QImage renderPage(const Poppler::Document &pdf, int page, double dpi = 24)
{
    const auto p = pdf.page(page);
    return p ? p->renderToImage(dpi, dpi).convertToFormat(QImage::Format_RGB32) : QImage();
}

// Waits for the next job of `jobs` to finish and returns its status.
Status waitForJob(JobRunner &jobs)
{
    std::optional<Status> finished;
    const auto connection = QObject::connect(
        &jobs, &JobRunner::jobFinished, &jobs, [&finished](Job *, const Status &status) { finished = status; });
    const bool done = QTest::qWaitFor([&finished] { return finished.has_value(); }, 120'000);
    QObject::disconnect(connection);
    if (!done)
        return Status(StatusCode::TimedOut, QStringLiteral("the test gave up waiting"));
    return finished.value_or(Status(StatusCode::TimedOut, QStringLiteral("the test gave up waiting")));
}

} // namespace

class TestPrint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    // Where pages go on the paper: a pure function of the sizes and options.
    void placement()
    {
        const QRectF portrait(0, 0, 500, 800);
        PrintOptions options;
        // A small portrait page fills the area when fitted, keeps its size when shrunk or actual.
        PagePlacement placed = placePage(QSizeF(250, 400), portrait, options);
        QVERIFY(!placed.rotated);
        QCOMPARE(placed.scale, 2.0);
        QCOMPARE(placed.transform.map(QPointF(0, 0)), QPointF(0, 0));
        options.scaling = PrintOptions::Scaling::ShrinkOversized;
        placed = placePage(QSizeF(250, 400), portrait, options);
        QCOMPARE(placed.scale, 1.0);
        QCOMPARE(placed.transform.map(QPointF(0, 0)), QPointF(125, 200)); // centred
        // An oversized page is shrunk, by either mode but actual size.
        placed = placePage(QSizeF(1000, 1600), portrait, options);
        QCOMPARE(placed.scale, 0.5);
        options.scaling = PrintOptions::Scaling::ActualSize;
        placed = placePage(QSizeF(1000, 1600), portrait, options);
        QCOMPARE(placed.scale, 1.0);

        // A landscape page on portrait paper is turned counter-clockwise: its top left corner
        // goes to the bottom left, its top right corner to the top left.
        options.scaling = PrintOptions::Scaling::FitToPage;
        placed = placePage(QSizeF(800, 500), portrait, options);
        QVERIFY(placed.rotated);
        QCOMPARE(placed.scale, 1.0);
        QCOMPARE(placed.transform.map(QPointF(0, 0)), QPointF(0, 800));
        QCOMPARE(placed.transform.map(QPointF(800, 0)), QPointF(0, 0));
        QCOMPARE(placed.transform.map(QPointF(800, 500)), QPointF(500, 0));
        options.autoRotate = false;
        placed = placePage(QSizeF(800, 500), portrait, options);
        QVERIFY(!placed.rotated);
        QCOMPARE(placed.scale, 500.0 / 800.0);
    }

    // A document that paints itself (plain text: VectorPaint, pages found while reading) prints
    // as real text, every page of it, on A4.
    void vectorPagesKeepTheirText()
    {
        QTemporaryDir dir;
        const LoadedDocument loaded = loadFile(writeTextFile(QDir(dir.path()), 300));
        QVERIFY(loaded.document);
        QVERIFY(loaded.summary.capabilities.testFlag(Capability::VectorPaint));
        const QString out = QDir(dir.path()).filePath(QStringLiteral("text.pdf"));
        auto printer = pdfPrinter(out);
        QList<qint64> progress;
        const Status status = PrintJob::print(*loaded.document, *printer, PrintOptions(), {},
            [&progress](qint64 done, qint64) { progress.append(done); });
        QVERIFY2(status, qPrintable(status.message()));
        // The printer is as it was.
        QCOMPARE(printer->outputFileName(), out);
        QCOMPARE(printer->resolution(), QPrinter(QPrinter::HighResolution).resolution());

        int pages = 0;
        {
            const auto lock = loaded.document->gate().acquire({});
            QVERIFY(loaded.document->document().isPageCountFinal());
            pages = loaded.document->document().pageCount();
        }
        QVERIFY(pages >= 3);
        QCOMPARE(progress.last(), pages);
        const auto pdf = Poppler::Document::load(out);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), pages);
        const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Point);
        QVERIFY(std::abs(pdf->page(0)->pageSizeF().width() - a4.width()) < 1);
        QVERIFY(std::abs(pdf->page(0)->pageSizeF().height() - a4.height()) < 1);
        QVERIFY2(
            pageText(*pdf, 0).contains(QStringLiteral("Line 1 of the printing test")), qPrintable(pageText(*pdf, 0)));
        QVERIFY(pageText(*pdf, pages - 1).contains(QStringLiteral("Line 300 of the printing test")));
        QCOMPARE(entries(QDir(dir.path())), QStringList({QStringLiteral("lines.txt"), QStringLiteral("text.pdf")}));
    }

    // A page list prints those pages only, in its order; a vector page's text shows which.
    void pageRangesPrintThosePages()
    {
        QTemporaryDir dir;
        const LoadedDocument text = loadFile(writeTextFile(QDir(dir.path()), 300));
        const QString out = QDir(dir.path()).filePath(QStringLiteral("range.pdf"));
        PrintOptions options;
        options.pages = {2, 1};
        QVERIFY(PrintJob::print(*text.document, *pdfPrinter(out), options, {}));
        auto pdf = Poppler::Document::load(out);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 2);
        QVERIFY(!pageText(*pdf, 0).contains(QStringLiteral("Line 1 of")));
        // Page 3's first line is later than page 2's.
        const auto firstLine = [](const QString &page) {
            const qsizetype at = page.indexOf(QStringLiteral("Line "));
            return page.mid(at + 5, page.indexOf(QLatin1Char(' '), at + 5) - at - 5).toInt();
        };
        QVERIFY(firstLine(pageText(*pdf, 0)) > firstLine(pageText(*pdf, 1)));

        // A PDF (pictures: it has no VectorPaint) printed from page 2 to 3.
        const LoadedDocument five = loadFile(test::writeManyPagePdf(QDir(dir.path()), 5));
        QVERIFY(!five.summary.capabilities.testFlag(Capability::VectorPaint));
        options.pages = {1, 2};
        QVERIFY(PrintJob::print(*five.document, *pdfPrinter(out), options, {}));
        pdf = Poppler::Document::load(out);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 2);
        // The big page number is drawn: the page is not blank.
        const QImage page = renderPage(*pdf, 0);
        int ink = 0;
        for (int y = 0; y < page.height(); ++y) {
            for (int x = 0; x < page.width(); ++x)
                ink += qGray(page.pixel(x, y)) < 128;
        }
        QVERIFY(ink > 20);
    }

    // Qt's PDF output makes no copies itself: Folio prints them, collated or not.
    void copiesArePrinted()
    {
        QTemporaryDir dir;
        const LoadedDocument text = loadFile(writeTextFile(QDir(dir.path()), 300));
        const QString out = QDir(dir.path()).filePath(QStringLiteral("copies.pdf"));
        PrintOptions options;
        options.pages = {0, 1};
        for (const bool collate : {true, false}) {
            auto printer = pdfPrinter(out);
            printer->setCopyCount(2);
            printer->setCollateCopies(collate);
            QVERIFY(PrintJob::print(*text.document, *printer, options, {}));
            const auto pdf = Poppler::Document::load(out);
            QVERIFY(pdf);
            QCOMPARE(pdf->numPages(), 4);
            const bool secondIsFirst = pageText(*pdf, 1) == pageText(*pdf, 0);
            QCOMPARE(secondIsFirst, !collate); // 1 1 2 2 uncollated, 1 2 1 2 collated
            QCOMPARE(pageText(*pdf, 2) == pageText(*pdf, 0), collate);
        }
    }

    void autoRotatesLandscapePages_data()
    {
        QTest::addColumn<bool>("autoRotate");
        QTest::newRow("turned") << true;
        QTest::newRow("upright") << false;
    }

    // A landscape picture on portrait paper: turned, it fills the page's height with its right
    // (blue) half on top; upright, it sits across the middle, red on the left.
    void autoRotatesLandscapePages()
    {
        QFETCH(bool, autoRotate);
        QTemporaryDir dir;
        const LoadedDocument image = loadFile(writeLandscapeImage(QDir(dir.path())));
        QVERIFY(image.document);
        const QString out = QDir(dir.path()).filePath(QStringLiteral("turned.pdf"));
        PrintOptions options;
        options.autoRotate = autoRotate;
        QVERIFY(PrintJob::print(*image.document, *pdfPrinter(out), options, {}));
        const auto pdf = Poppler::Document::load(out);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 1);
        const QSizeF size = pdf->page(0)->pageSizeF();
        QVERIFY(size.height() > size.width()); // the paper stays portrait
        const QImage page = renderPage(*pdf, 0);
        const int w = page.width();
        const int h = page.height();
        if (autoRotate) {
            QVERIFY(isColour(page.pixel(w / 2, h * 3 / 10), Qt::blue));
            QVERIFY(isColour(page.pixel(w / 2, h * 7 / 10), Qt::red));
        } else {
            QVERIFY(isColour(page.pixel(w / 2, h * 3 / 10), Qt::white));
            QVERIFY(isColour(page.pixel(w * 3 / 10, h / 2), Qt::red));
            QVERIFY(isColour(page.pixel(w * 7 / 10, h / 2), Qt::blue));
        }
    }

    // Cancelled after its first page: no file, and the one that was there is untouched.
    void cancelledPrintLeavesNothing()
    {
        QTemporaryDir dir;
        const QDir folder(dir.path());
        const LoadedDocument pdf = loadFile(test::writeManyPagePdf(folder, 3));
        const QString out = folder.filePath(QStringLiteral("out.pdf"));
        CancellationSource source;
        const Status status = PrintJob::print(
            *pdf.document, *pdfPrinter(out), PrintOptions(), source.token(), [&source](qint64 done, qint64) {
                if (done >= 1)
                    source.cancel();
            });
        QCOMPARE(status.code(), StatusCode::Canceled);
        QCOMPARE(entries(folder), QStringList({QStringLiteral("pages-3.pdf")}));

        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an older file");
        old.close();
        CancellationSource again;
        const Status second = PrintJob::print(
            *pdf.document, *pdfPrinter(out), PrintOptions(), again.token(), [&again](qint64 done, qint64) {
                if (done >= 2)
                    again.cancel();
            });
        QCOMPARE(second.code(), StatusCode::Canceled);
        QCOMPARE(entries(folder), QStringList({QStringLiteral("out.pdf"), QStringLiteral("pages-3.pdf")}));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("an older file"));
    }

    void failedPrintLeavesNothing()
    {
        QTemporaryDir dir;
        const QDir folder(dir.path());
        const LoadedDocument pdf = loadFile(test::writeManyPagePdf(folder, 3));
        PrintOptions options;
        options.pages = {0, 7};
        const Status status
            = PrintJob::print(*pdf.document, *pdfPrinter(folder.filePath(QStringLiteral("out.pdf"))), options, {});
        QCOMPARE(status.code(), StatusCode::InvalidArgument);
        QVERIFY2(status.message().contains(QStringLiteral("Page 8")), qPrintable(status.message()));
        QCOMPARE(entries(folder), QStringList({QStringLiteral("pages-3.pdf")}));
    }

    void jobIsCancelledOrTimesOut_data()
    {
        QTest::addColumn<bool>("timeout");
        QTest::newRow("cancel") << false;
        QTest::newRow("timeout") << true;
    }

    // Through the JobRunner, on a document whose renders wait until cancelled.
    void jobIsCancelledOrTimesOut()
    {
        QFETCH(bool, timeout);
        QTemporaryDir dir;
        auto script = std::make_shared<test::FakeDocument::Script>();
        script->blockRenders = true;
        const LoadedDocument fake = test::loadedFake(script, 3, 3);
        QWidget window;
        JobRunner jobs(&window);
        if (timeout)
            jobs.setTimeout(100ms);
        const QString out = QDir(dir.path()).filePath(QStringLiteral("out.pdf"));
        std::shared_ptr<QPrinter> printer = pdfPrinter(out);
        Job *job = PrintJob::start(jobs, fake.document, printer, PrintOptions(), QStringLiteral("fake.doc"));
        QVERIFY(job);
        QCOMPARE(job->options().unit, ProgressUnit::Pages);
        if (!timeout) {
            QTRY_VERIFY(script->rendersStarted >= 1);
            job->cancel();
        }
        const Status status = waitForJob(jobs);
        QCOMPARE(status.code(), timeout ? StatusCode::TimedOut : StatusCode::Canceled);
        QVERIFY(entries(QDir(dir.path())).isEmpty());
    }

    // The window's way in: the range chosen on the printer, in the view.
    void rangesOfTheDialog()
    {
        QTemporaryDir dir;
        const LoadedDocument loaded = loadFile(test::writeManyPagePdf(QDir(dir.path()), 5));
        QWidget window;
        JobRunner jobs(&window);
        DocumentView view(loaded, &jobs);
        PrintController controller(&window, &jobs);
        QPrinter printer;
        QVERIFY(controller.optionsFor(printer, view).pages.isEmpty()); // every page
        printer.setPrintRange(QPrinter::CurrentPage);
        view.pageView()->goToPage(3);
        QCOMPARE(controller.optionsFor(printer, view).pages, QList<int>({3}));
        printer.setPrintRange(QPrinter::PageRange);
        printer.setFromTo(2, 4);
        QCOMPARE(controller.optionsFor(printer, view).pages, QList<int>({1, 2, 3}));
        controller.setScaling(PrintOptions::Scaling::ActualSize);
        controller.setAutoRotate(false);
        const PrintOptions options = controller.optionsFor(printer, view);
        QCOMPARE(options.scaling, PrintOptions::Scaling::ActualSize);
        QVERIFY(!options.autoRotate);
    }

    // File › Print's dialog offers the ranges, copies and the Scaling tab.
    void printDialogOffersRangesAndScaling()
    {
        QTemporaryDir dir;
        const LoadedDocument loaded = loadFile(test::writeManyPagePdf(QDir(dir.path()), 5));
        QWidget window;
        window.resize(800, 600);
        window.show();
        JobRunner jobs(&window);
        DocumentView view(loaded, &jobs, &window);
        PrintController controller(&window, &jobs);
        controller.print(&view);
        QPrintDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = test::visibleChild<QPrintDialog>(&window)) != nullptr);
        QVERIFY(dialog->testOption(QAbstractPrintDialog::PrintPageRange));
        QVERIFY(dialog->testOption(QAbstractPrintDialog::PrintCurrentPage));
        QVERIFY(dialog->testOption(QAbstractPrintDialog::PrintCollateCopies));
        QVERIFY(!dialog->testOption(QAbstractPrintDialog::PrintSelection)); // nothing is selected
        QCOMPARE(dialog->maxPage(), 5);
        bool scalingTab = false;
        for (const QRadioButton *button : dialog->findChildren<QRadioButton *>())
            scalingTab |= button->text().remove(QLatin1Char('&')) == QStringLiteral("Shrink oversized pages");
        QVERIFY(scalingTab);
        dialog->reject();
    }

    // Print Preview shows every page, prepared off the GUI thread; its Print button prints.
    void previewShowsPagesAndPrints()
    {
        QTemporaryDir dir;
        const LoadedDocument loaded = loadFile(test::writeManyPagePdf(QDir(dir.path()), 3));
        QWidget window;
        window.resize(800, 600);
        window.show();
        JobRunner jobs(&window);
        DocumentView view(loaded, &jobs, &window);
        PrintController controller(&window, &jobs);
        controller.printPreview(&view);
        QPrintPreviewDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = test::visibleChild<QPrintPreviewDialog>(&window)) != nullptr, 60'000);
        auto *preview = dialog->findChild<QPrintPreviewWidget *>();
        QVERIFY(preview);
        QTRY_COMPARE(preview->pageCount(), 3);

        const QString out = QDir(dir.path()).filePath(QStringLiteral("previewed.pdf"));
        dialog->printer()->setOutputFormat(QPrinter::PdfFormat);
        dialog->printer()->setOutputFileName(out);
        QSignalSpy started(&controller, &PrintController::printStarted);
        preview->print(); // what the dialog's Print button does after its print dialog
        QCOMPARE(started.count(), 1);
        const Status status = waitForJob(jobs);
        QVERIFY2(status, qPrintable(status.message()));
        const auto pdf = Poppler::Document::load(out);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 3);
        dialog->reject();
    }
};

QTEST_MAIN(TestPrint)
#include "tst_print.moc"
