// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Export…: the dialog's widgets map onto an ExportRequest, invalid input disables Export,
// and the export runs as a job of the window that writes everything or (cancelled, timed out,
// failed) nothing.
#include "../common/heavypdf.h"
#include "documentview.h"
#include "exportdialog.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "pageview.h"
#include "settings.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;
using folio::test::actionNamed;
using folio::test::visibleChild;
using namespace std::chrono_literals;

namespace {

template<typename T>
T *field(QWidget *dialog, const char *name)
{
    T *widget = dialog->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no widget named %s", name);
    return widget;
}

void selectData(QComboBox *combo, int data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_pdf = test::copyFixture(QDir(m_dir.path()), "two-pages.pdf");
        QVERIFY(!m_pdf.isEmpty());
    }

    void init()
    {
        // Every test starts from the defaults, not from the previous test's choices.
        Settings::resetExportChoices();
    }

    // (1) Each widget lands in the request.
    // The export's colours start as the tab shows its pages, and can be changed.
    void coloursFollowTheTab()
    {
        ExportDialog::Source source {QStringLiteral("/docs/report.pdf"), 0, 3, true};
        source.colors.mode = PageColors::Mode::InvertLightness;
        source.colors.keepPictures = true;
        ExportDialog dialog(source);
        QCOMPARE(dialog.options().colors.mode, PageColors::Mode::InvertLightness);
        QVERIFY(dialog.options().colors.keepPictures);
        selectData(field<QComboBox>(&dialog, "colors"), int(PageColors::Mode::Normal));
        QVERIFY(dialog.options().colors.isNormal());
        ExportDialog plain({QStringLiteral("/docs/report.pdf"), 0, 3, true});
        QVERIFY(plain.options().colors.isNormal());
    }

    void widgetsMapToTheRequest()
    {
        ExportDialog dialog({QStringLiteral("/docs/report.pdf"), 2, 5, true});
        QVERIFY(dialog.isValid()); // all pages, PNG, a suggested folder
        QCOMPARE(dialog.request().pages, QString());
        QCOMPARE(dialog.options().format, ExportOptions::Format::Png);
        QCOMPARE(dialog.options().dpi, 150.0);
        QVERIFY(dialog.options().watermark.isEmpty());

        selectData(field<QComboBox>(&dialog, "format"), int(ExportOptions::Format::Jpeg));
        field<QSpinBox>(&dialog, "quality")->setValue(70);
        selectData(field<QComboBox>(&dialog, "rotation"), 90);
        field<QSpinBox>(&dialog, "dpi")->setValue(300);
        field<QRadioButton>(&dialog, "rangePages")->setChecked(true);
        field<QLineEdit>(&dialog, "range")->setText(QStringLiteral("3,1-2"));
        field<QGroupBox>(&dialog, "watermark")->setChecked(true);
        field<QLineEdit>(&dialog, "watermarkText")->setText(QStringLiteral("DRAFT"));
        dialog.setWatermarkColor(QColor(0x80, 0x00, 0xff, 0x40));
        field<QSpinBox>(&dialog, "watermarkSize")->setValue(40);
        field<QSpinBox>(&dialog, "watermarkAngle")->setValue(30);
        field<QLineEdit>(&dialog, "folder")->setText(m_dir.filePath(QStringLiteral("out")));

        QVERIFY2(dialog.isValid(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
        QVERIFY(dialog.exportButton()->isEnabled());
        ExportRequest request = dialog.request();
        QCOMPARE(request.documentPath, QStringLiteral("/docs/report.pdf"));
        QCOMPARE(request.pages, QStringLiteral("3,1-2"));
        QCOMPARE(request.directory, m_dir.filePath(QStringLiteral("out")));
        QCOMPARE(request.options.format, ExportOptions::Format::Jpeg);
        QCOMPARE(request.options.quality, 70);
        QCOMPARE(request.options.rotation, 90);
        QCOMPARE(request.options.dpi, 300.0);
        QCOMPARE(request.options.width, 0);
        QCOMPARE(request.options.watermark.text, QStringLiteral("DRAFT"));
        QCOMPARE(request.options.watermark.color, QColor(0x80, 0x00, 0xff, 0x40));
        QCOMPARE(request.options.watermark.size, 40.0);
        QCOMPARE(request.options.watermark.angle, 30.0);
        QCOMPARE(request.options.baseName, QStringLiteral("report"));
        QVERIFY(field<QSpinBox>(&dialog, "quality")->isEnabled());
        QVERIFY(!field<QComboBox>(&dialog, "resources")->isEnabled());

        // A fixed width replaces the resolution.
        field<QCheckBox>(&dialog, "useWidth")->setChecked(true);
        field<QSpinBox>(&dialog, "width")->setValue(800);
        QCOMPARE(dialog.options().width, 800);
        QVERIFY(!field<QSpinBox>(&dialog, "dpi")->isEnabled());

        // HTML: resources apply, quality does not.
        selectData(field<QComboBox>(&dialog, "format"), int(ExportOptions::Format::Html));
        selectData(field<QComboBox>(&dialog, "resources"), int(ExportOptions::Resources::External));
        QCOMPARE(dialog.options().format, ExportOptions::Format::Html);
        QCOMPARE(dialog.options().resources, ExportOptions::Resources::External);
        QVERIFY(field<QComboBox>(&dialog, "resources")->isEnabled());
        QVERIFY(!field<QSpinBox>(&dialog, "quality")->isEnabled());

        // The current page is the one on screen, 1-based in the request.
        field<QRadioButton>(&dialog, "currentPage")->setChecked(true);
        QCOMPARE(dialog.request().pages, QStringLiteral("3"));

        // Watermark off: no watermark, whatever its text.
        field<QGroupBox>(&dialog, "watermark")->setChecked(false);
        QVERIFY(dialog.options().watermark.isEmpty());
    }

    void invalidInputDisablesExport()
    {
        ExportDialog dialog({QStringLiteral("/docs/report.pdf"), 0, 5, true});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        field<QLineEdit>(&dialog, "folder")->setText(m_dir.filePath(QStringLiteral("invalid")));
        auto *range = field<QLineEdit>(&dialog, "range");
        auto *message = field<QLabel>(&dialog, "rangeMessage");
        QVERIFY(dialog.exportButton()->isEnabled());

        // Typing a range selects it; a malformed one shows the parser's message under it.
        QTest::keyClicks(range, QStringLiteral("1,x"));
        QVERIFY(field<QRadioButton>(&dialog, "rangePages")->isChecked());
        QVERIFY(!dialog.exportButton()->isEnabled());
        QVERIFY2(dialog.rangeError().startsWith(QStringLiteral("Invalid page list \"1,x\"")),
            qPrintable(dialog.rangeError()));
        QCOMPARE(message->text(), dialog.rangeError());
        QVERIFY(message->isVisible());

        // Beyond the last page of a document whose page count is known.
        range->setText(QStringLiteral("4-9"));
        QVERIFY(!dialog.exportButton()->isEnabled());
        QCOMPARE(dialog.rangeError(), QStringLiteral("Page 9 does not exist (the document has 5 pages)"));
        range->setText(QStringLiteral("4-5"));
        QVERIFY(dialog.exportButton()->isEnabled());
        QVERIFY(dialog.rangeError().isEmpty());
        QVERIFY(!message->isVisible());
        range->clear();
        QVERIFY(!dialog.exportButton()->isEnabled());
        field<QRadioButton>(&dialog, "allPages")->setChecked(true);
        QVERIFY(dialog.exportButton()->isEnabled());

        // A watermark needs its text.
        field<QGroupBox>(&dialog, "watermark")->setChecked(true);
        QVERIFY(!dialog.exportButton()->isEnabled());
        field<QLineEdit>(&dialog, "watermarkText")->setText(QStringLiteral("DRAFT"));
        QVERIFY(dialog.exportButton()->isEnabled());

        // A folder: given, absolute, not a file.
        auto *folder = field<QLineEdit>(&dialog, "folder");
        folder->clear();
        QVERIFY(!dialog.exportButton()->isEnabled());
        folder->setText(QStringLiteral("relative/out"));
        QVERIFY(!dialog.exportButton()->isEnabled());
        folder->setText(m_pdf);
        QVERIFY(!dialog.exportButton()->isEnabled());
        QVERIFY(dialog.problems().join(QLatin1Char(' ')).contains(QStringLiteral("is a file, not a folder")));
        // accept() refuses too, whatever calls it.
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    // A document still being read may have the pages asked for: only the syntax is checked.
    void streamingDocumentAcceptsPagesBeyondTheKnownOnes()
    {
        ExportDialog dialog({QStringLiteral("/docs/log.txt"), 0, 3, false});
        field<QLineEdit>(&dialog, "folder")->setText(m_dir.filePath(QStringLiteral("streaming")));
        QTest::keyClicks(field<QLineEdit>(&dialog, "range"), QStringLiteral("10-12"));
        QVERIFY(dialog.exportButton()->isEnabled());
        QCOMPARE(dialog.request().pages, QStringLiteral("10-12"));
    }

    void pdfNamesItsFileAndNeverReplacesTheDocument()
    {
        ExportDialog dialog({m_pdf, 0, 2, true});
        selectData(field<QComboBox>(&dialog, "format"), int(ExportOptions::Format::Pdf));
        field<QLineEdit>(&dialog, "folder")->setText(m_dir.filePath(QStringLiteral("pdf-out")));
        QVERIFY(dialog.exportButton()->isEnabled());
        bool named = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            named = named || label->text() == QStringLiteral("Writes “two-pages.pdf”.");
        QVERIFY(named);
        // Into the document's own folder: the export would be renamed over the document.
        field<QLineEdit>(&dialog, "folder")->setText(m_dir.path());
        QVERIFY(!dialog.exportButton()->isEnabled());
        QVERIFY2(dialog.problems().join(QLatin1Char(' ')).contains(QStringLiteral("replace “two-pages.pdf” itself")),
            qPrintable(dialog.problems().join(QLatin1Char(' '))));
        // Pages of their own names are fine there.
        selectData(field<QComboBox>(&dialog, "format"), int(ExportOptions::Format::Png));
        QVERIFY(dialog.exportButton()->isEnabled());
    }

    void lastChoicesComeBack()
    {
        const QString folder = m_dir.filePath(QStringLiteral("remembered"));
        {
            ExportDialog dialog({m_pdf, 0, 2, true});
            QCOMPARE(field<QLineEdit>(&dialog, "folder")->text(),
                QDir::toNativeSeparators(ExportDialog::suggestedFolder(m_pdf)));
            selectData(field<QComboBox>(&dialog, "format"), int(ExportOptions::Format::Jpeg));
            field<QSpinBox>(&dialog, "quality")->setValue(55);
            field<QGroupBox>(&dialog, "watermark")->setChecked(true);
            field<QLineEdit>(&dialog, "watermarkText")->setText(QStringLiteral("COPY"));
            field<QLineEdit>(&dialog, "folder")->setText(folder);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        ExportDialog again({m_pdf, 0, 2, true});
        QCOMPARE(again.options().format, ExportOptions::Format::Jpeg);
        QCOMPARE(again.options().quality, 55);
        QCOMPARE(again.options().watermark.text, QStringLiteral("COPY"));
        QCOMPARE(again.request().directory, folder);
        // Another document gets a folder of its own: its page-1.jpg must not replace this one's.
        ExportDialog other({QStringLiteral("/docs/other.md"), 0, 2, true});
        QCOMPARE(other.options().format, ExportOptions::Format::Jpeg);
        QCOMPARE(other.request().directory, ExportDialog::suggestedFolder(QStringLiteral("/docs/other.md")));
    }

    // (2) File ▸ Export… opens the dialog on the current document; Export runs the job.
    void exportsFromTheMenu()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *action = actionNamed(&window, QStringLiteral("Export…"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled()); // no document yet
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+E")));
        window.openFile(m_pdf);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 10000);
        QVERIFY(action->isEnabled());

        action->trigger();
        ExportDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = visibleChild<ExportDialog>(&window)));
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QCOMPARE(dialog->request().documentPath, m_pdf);
        const QString out = m_dir.filePath(QStringLiteral("menu-png"));
        selectData(field<QComboBox>(dialog, "format"), int(ExportOptions::Format::Png));
        field<QSpinBox>(dialog, "dpi")->setValue(36);
        field<QLineEdit>(dialog, "folder")->setText(out);
        QVERIFY(dialog->exportButton()->isEnabled());
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(window.lastOutcome(), QStringLiteral("Exported 2 pages to ") + out, 20000);
        QCOMPARE(entries(out), QStringList({QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}));
        QCOMPARE(QImageReader(QDir(out).filePath(QStringLiteral("page-1.png"))).size(), QSize(306, 396));
        QCOMPARE(QImageReader(QDir(out).filePath(QStringLiteral("page-2.png"))).size(), QSize(421, 298));
    }

    // The entry point the dialog calls: pages in the order asked for, rotation, and one PDF.
    void exportDocumentEntryPoint()
    {
        MainWindow window;
        window.openFile(m_pdf);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 10000);

        ExportRequest request;
        request.documentPath = window.documentView()->path();
        request.pages = QStringLiteral("2");
        request.directory = m_dir.filePath(QStringLiteral("entry-jpg"));
        request.options.format = ExportOptions::Format::Jpeg;
        request.options.dpi = 36;
        request.options.rotation = 90;
        QVERIFY(window.exportDocument(request));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.lastOutcome(), QStringLiteral("Exported 1 page to ") + request.directory, 20000);
        QCOMPARE(entries(request.directory), QStringList {QStringLiteral("page-2.jpg")});
        QCOMPARE(QImageReader(QDir(request.directory).filePath(QStringLiteral("page-2.jpg"))).size(), QSize(298, 421));

        request.pages.clear();
        request.directory = m_dir.filePath(QStringLiteral("entry-pdf"));
        request.options = ExportOptions();
        request.options.format = ExportOptions::Format::Pdf;
        request.options.baseName = QStringLiteral("two-pages");
        QVERIFY(window.exportDocument(request));
        const QString pdf = QDir(request.directory).filePath(QStringLiteral("two-pages.pdf"));
        QTRY_COMPARE_WITH_TIMEOUT(window.lastOutcome(), QStringLiteral("Exported 2 pages to ") + pdf, 20000);
        QCOMPARE(entries(request.directory), QStringList {QStringLiteral("two-pages.pdf")});

        // No tab shows that document: nothing runs.
        request.documentPath = m_dir.filePath(QStringLiteral("not-open.pdf"));
        QVERIFY(!window.exportDocument(request));
    }

    // A failure says which file and why, in the status bar and a message box; nothing is written.
    void failureIsExplained()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFile(m_pdf);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 10000);
        ExportRequest request;
        request.documentPath = window.documentView()->path();
        request.directory = QDir(m_pdf).filePath(QStringLiteral("inside-a-file")); // under a file: impossible
        request.options.dpi = 36;
        QVERIFY(window.exportDocument(request));
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QMessageBox>(&window), 20000);
        QMessageBox *box = visibleChild<QMessageBox>(&window);
        QCOMPARE(box->windowTitle(), QStringLiteral("Export Failed"));
        QVERIFY2(
            box->text().contains(QStringLiteral("“two-pages.pdf” could not be exported to ")), qPrintable(box->text()));
        QVERIFY(!box->informativeText().isEmpty());
        QVERIFY(window.lastOutcome().startsWith(QStringLiteral("Could not export two-pages.pdf: ")));
        box->close();
        QVERIFY(!QFileInfo::exists(request.directory));
    }

    // The file changed on disk after the tab opened it (before the watcher reloads it): the export
    // refuses, rather than write pages of a document the user has not seen.
    void changedFileIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("changing.pdf"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_pdf, path));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 10000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.write("\n% appended by another program\n") > 0);
        file.close();
        ExportRequest request;
        request.documentPath = window.documentView()->path();
        request.directory = m_dir.filePath(QStringLiteral("changed-out"));
        request.options.dpi = 36;
        QVERIFY(window.exportDocument(request));
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QMessageBox>(&window), 20000);
        QMessageBox *box = visibleChild<QMessageBox>(&window);
        QVERIFY2(box->informativeText().contains(QStringLiteral("changed on disk after it was opened")),
            qPrintable(box->informativeText()));
        box->close();
        QVERIFY(!QFileInfo::exists(request.directory));
    }

    // (3) Cancel in the progress dialog stops the export; the folder gains nothing, not even a
    // hidden temporary file.
    void cancelLeavesNothing()
    {
        const QString heavy = m_dir.filePath(QStringLiteral("heavy.pdf"));
        test::writeHeavyPdf(heavy);
        const QString out = m_dir.filePath(QStringLiteral("cancelled"));
        QVERIFY(QDir().mkpath(out));
        QFile keep(QDir(out).filePath(QStringLiteral("keep.txt")));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();

        MainWindow window;
        window.jobRunner()->setTimeout(0ms); // only Cancel stops it
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFile(heavy);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 20000);
        ExportRequest request;
        request.documentPath = window.documentView()->path();
        request.directory = out;
        request.options.dpi = 300; // a minute of rendering
        QVERIFY(window.exportDocument(request));

        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QProgressDialog>(&window), 10000);
        QProgressDialog *progress = visibleChild<QProgressDialog>(&window);
        QVERIFY2(
            progress->labelText().contains(QStringLiteral("Exporting “heavy.pdf”")), qPrintable(progress->labelText()));
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.lastOutcome(), QStringLiteral("Cancelled"), 10000);
        QTRY_VERIFY(window.jobRunner()->runningJobs().isEmpty());
        QVERIFY(!visibleChild<QMessageBox>(&window)); // the user's own doing needs no box
        QCOMPARE(entries(out), QStringList {QStringLiteral("keep.txt")});
    }

    // The jobs' time limit applies to exports: it stops this one and says so.
    void timeoutIsExplained()
    {
        const QString heavy = m_dir.filePath(QStringLiteral("heavy-timeout.pdf"));
        test::writeHeavyPdf(heavy);
        const QString out = m_dir.filePath(QStringLiteral("timed-out"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openFile(heavy);
        QTRY_VERIFY_WITH_TIMEOUT(window.documentView(), 20000);
        window.jobRunner()->setTimeout(300ms);
        ExportRequest request;
        request.documentPath = window.documentView()->path();
        request.directory = out;
        request.options.dpi = 300;
        QVERIFY(window.exportDocument(request));
        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<QMessageBox>(&window), 20000);
        QMessageBox *box = visibleChild<QMessageBox>(&window);
        QVERIFY2(box->informativeText().startsWith(QStringLiteral("Timed out after 300 ms")),
            qPrintable(box->informativeText()));
        QCOMPARE(window.lastOutcome(), QStringLiteral("Could not export heavy-timeout.pdf: Timed out after 300 ms"));
        box->close();
        QVERIFY(!QFileInfo::exists(out));
    }

private:
    QTemporaryDir m_dir;
    QString m_pdf;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
