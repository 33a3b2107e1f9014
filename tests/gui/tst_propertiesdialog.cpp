// SPDX-License-Identifier: GPL-3.0-or-later
#include "guitestsupport.h"
#include "jobrunner.h"
#include "propertiesdialog.h"
#include "translations.h"
#include "viewer.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace folio;

namespace {

// A document whose metadata the test chooses, with pages still being counted.
class MetadataDocument final : public Document
{
public:
    explicit MetadataDocument(Metadata metadata)
        : Document(Limits())
        , m_metadata(std::move(metadata))
    {
        setFormat(QStringLiteral("fake"), QStringLiteral("Fake document"), QStringLiteral("application/x-fake"));
        setCapabilities(Capability::StreamingPages);
        setEncrypted(true);
    }

protected:
    int doPageCount() const override { return 3; }
    bool doIsPageCountFinal() const override { return false; }
    QSizeF doPageSize(int) const override { return {300, 400}; }
    Result<QImage> doRender(int, const RenderRequest &, const CancellationToken &) override { return QImage(); }
    Metadata doMetadata() const override { return m_metadata; }

private:
    Metadata m_metadata;
};

QString rowValue(const QList<PropertiesDialog::Row> &rows, const QString &label)
{
    for (const auto &[key, value] : rows) {
        if (key == label)
            return value;
    }
    return QStringLiteral("<no row %1>").arg(label);
}

const QString CreationDate = QStringLiteral("2026-11-25T12:30:00Z");

Metadata fakeMetadata()
{
    return {
        {QStringLiteral("Title"), QStringLiteral("<b>Not bold</b>")},
        {QStringLiteral("Author"), QStringLiteral("Ada")},
        {QStringLiteral("CreationDate"), CreationDate},
        {QStringLiteral("X-Scanner"), QStringLiteral("Flatbed 3000")},
    };
}

DocumentProperties fakeProperties()
{
    auto shared = std::make_shared<SharedDocument>(std::make_unique<MetadataDocument>(fakeMetadata()));
    auto properties = readDocumentProperties(*shared, QStringLiteral("/nonexistent/fake.doc"), {});
    Q_ASSERT(properties);
    return *properties;
}

} // namespace

class TestPropertiesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // The English catalogue gives "%Ln page(s)" its plural forms.
        installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void generatedPdf()
    {
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        {
            QPdfWriter writer(path);
            writer.setTitle(QStringLiteral("Quarterly Report"));
            writer.setCreator(QStringLiteral("Folio tests"));
            writer.setPageSize(QPageSize(QPageSize::A4));
            QPainter painter(&writer);
            painter.drawText(QPointF(100, 100), QStringLiteral("one"));
            writer.newPage();
            painter.drawText(QPointF(100, 100), QStringLiteral("two"));
        }
        auto loaded = Viewer::load(path, {}, {});
        QVERIFY2(loaded, qPrintable(loaded.status().message()));
        SharedDocument shared(std::move(*loaded));
        const auto properties = readDocumentProperties(shared, path, {});
        QVERIFY(properties);
        QCOMPARE(properties->pageCount, 2);
        QVERIFY(properties->pageCountFinal);
        QCOMPARE(properties->fileSize, QFileInfo(path).size());

        PropertiesDialog dialog(*properties);
        const auto &general = dialog.generalRows();
        QCOMPARE(rowValue(general, QStringLiteral("File")), QDir::toNativeSeparators(path));
        QVERIFY(rowValue(general, QStringLiteral("Size")).endsWith(QStringLiteral(" bytes)")));
        QCOMPARE(rowValue(general, QStringLiteral("Modified")),
            PropertiesDialog::formatDateTime(QFileInfo(path).lastModified()));
        QCOMPARE(rowValue(general, QStringLiteral("Format")), QStringLiteral("PDF document"));
        QCOMPARE(rowValue(general, QStringLiteral("MIME type")), QStringLiteral("application/pdf"));
        QCOMPARE(rowValue(general, QStringLiteral("Pages")), QStringLiteral("2 pages"));
        QCOMPARE(rowValue(general, QStringLiteral("Page size")), QStringLiteral("A4, 210 × 297 mm (595 × 842 pt)"));
        QCOMPARE(rowValue(general, QStringLiteral("Encrypted")), QStringLiteral("No"));

        const auto &metadata = dialog.metadataRows();
        QCOMPARE(rowValue(metadata, QStringLiteral("Title")), QStringLiteral("Quarterly Report"));
        QCOMPARE(rowValue(metadata, QStringLiteral("Creator")), QStringLiteral("Folio tests"));
        QCOMPARE(rowValue(metadata, QStringLiteral("PDF version")), QStringLiteral("1.4"));
        // QPdfWriter stamps the time of writing; the dialog shows it in the locale's format.
        QString isoDate;
        for (const auto &[key, value] : properties->metadata) {
            if (key == QLatin1String("CreationDate"))
                isoDate = value;
        }
        const QDateTime created = QDateTime::fromString(isoDate, Qt::ISODate);
        QVERIFY2(created.isValid(), qPrintable(isoDate));
        QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTime())) < 600);
        QCOMPARE(rowValue(metadata, QStringLiteral("Creation date")), PropertiesDialog::formatDateTime(created));

        QTableWidget *table = dialog.metadataTable();
        QCOMPARE(table->rowCount(), metadata.size());
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Title"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Quarterly Report"));
    }

    void fakeDocument()
    {
        PropertiesDialog dialog(fakeProperties());
        const auto &general = dialog.generalRows();
        QCOMPARE(rowValue(general, QStringLiteral("File")),
            QDir::toNativeSeparators(QStringLiteral("/nonexistent/fake.doc")));
        QCOMPARE(rowValue(general, QStringLiteral("Size")), QStringLiteral("Unknown"));
        QCOMPARE(rowValue(general, QStringLiteral("Modified")), QStringLiteral("Unknown"));
        QCOMPARE(rowValue(general, QStringLiteral("Format")), QStringLiteral("Fake document"));
        QCOMPARE(rowValue(general, QStringLiteral("MIME type")), QStringLiteral("application/x-fake"));
        QCOMPARE(rowValue(general, QStringLiteral("Pages")), QStringLiteral("3 pages so far, still counting"));
        QCOMPARE(rowValue(general, QStringLiteral("Page size")), QStringLiteral("105.8 × 141.1 mm (300 × 400 pt)"));
        QCOMPARE(rowValue(general, QStringLiteral("Encrypted")), QStringLiteral("Yes"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Properties — fake.doc"));

        // Metadata is text, never markup.
        for (QLabel *label : dialog.findChildren<QLabel *>())
            QCOMPARE(label->textFormat(), Qt::PlainText);
        QCOMPARE(dialog.metadataTable()->item(0, 1)->text(), QStringLiteral("<b>Not bold</b>"));
    }

    void unknownKeysAppear()
    {
        PropertiesDialog dialog(fakeProperties());
        const auto &metadata = dialog.metadataRows();
        QCOMPARE(metadata.size(), 4);
        QCOMPARE(metadata.last(), PropertiesDialog::Row(QStringLiteral("X-Scanner"), QStringLiteral("Flatbed 3000")));
        QTableWidget *table = dialog.metadataTable();
        QCOMPARE(table->item(3, 0)->text(), QStringLiteral("X-Scanner"));
        QCOMPARE(table->item(3, 1)->text(), QStringLiteral("Flatbed 3000"));
    }

    void copiesAllAsText()
    {
        PropertiesDialog dialog(fakeProperties());
        QPushButton *copy = nullptr;
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("&Copy"))
                copy = button;
        }
        QVERIFY(copy);
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString created = PropertiesDialog::formatDateTime(QDateTime::fromString(CreationDate, Qt::ISODate));
        const QString expected = QStringLiteral("File: %1\n"
                                                "Size: Unknown\n"
                                                "Modified: Unknown\n"
                                                "Format: Fake document\n"
                                                "MIME type: application/x-fake\n"
                                                "Pages: 3 pages so far, still counting\n"
                                                "Page size: 105.8 × 141.1 mm (300 × 400 pt)\n"
                                                "Encrypted: Yes\n"
                                                "Title: <b>Not bold</b>\n"
                                                "Author: Ada\n"
                                                "Creation date: %2\n"
                                                "X-Scanner: Flatbed 3000\n")
                                     .arg(QDir::toNativeSeparators(QStringLiteral("/nonexistent/fake.doc")), created);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QCOMPARE(dialog.text(), expected);
    }

    void datesAreLocalized()
    {
        const QDateTime date = QDateTime::fromString(CreationDate, Qt::ISODate);
        const QDateTime local = date.toLocalTime();
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        PropertiesDialog dialog(fakeProperties());
        const QString shown = rowValue(dialog.metadataRows(), QStringLiteral("Creation date"));
        const QLocale german(QLocale::German, QLocale::Germany);
        QCOMPARE(shown,
            german.toString(local.date(), QLocale::LongFormat) + QLatin1Char(' ')
                + german.toString(local.time(), QLocale::ShortFormat));
        QVERIFY2(shown.contains(QStringLiteral("November 2026")), qPrintable(shown));
        QVERIFY(!shown.contains(CreationDate));

        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString english = PropertiesDialog::metadataValue(QStringLiteral("CreationDate"), CreationDate);
        QVERIFY2(english.contains(QStringLiteral("November")) && english != shown, qPrintable(english));
        // Not a date after all: shown as it is.
        QCOMPARE(PropertiesDialog::metadataValue(QStringLiteral("CreationDate"), QStringLiteral("yesterday")),
            QStringLiteral("yesterday"));
    }

    void pageSizes_data()
    {
        QTest::addColumn<QSizeF>("points");
        QTest::addColumn<QString>("text");
        QTest::newRow("A4") << QSizeF(595.276, 841.89) << QStringLiteral("A4, 210 × 297 mm (595.3 × 841.9 pt)");
        QTest::newRow("A4 rounded") << QSizeF(595, 842) << QStringLiteral("A4, 210 × 297 mm (595 × 842 pt)");
        QTest::newRow("A4 landscape") << QSizeF(842, 595)
                                      << QStringLiteral("A4 landscape, 297 × 210 mm (842 × 595 pt)");
        QTest::newRow("Letter") << QSizeF(612, 792)
                                << QStringLiteral("Letter / ANSI A, 215.9 × 279.4 mm (612 × 792 pt)");
        QTest::newRow("custom") << QSizeF(300, 400) << QStringLiteral("105.8 × 141.1 mm (300 × 400 pt)");
        QTest::newRow("none") << QSizeF() << QStringLiteral("Unknown");
    }

    void pageSizes()
    {
        QFETCH(QSizeF, points);
        QFETCH(QString, text);
        QCOMPARE(PropertiesDialog::formatPageSize(points), text);
    }

    void fileSizes()
    {
        QCOMPARE(PropertiesDialog::formatFileSize(0), QStringLiteral("0 bytes"));
        QCOMPARE(PropertiesDialog::formatFileSize(1), QStringLiteral("1 byte"));
        QCOMPARE(PropertiesDialog::formatFileSize(1536), QStringLiteral("1.50 KiB (1,536 bytes)"));
        QCOMPARE(PropertiesDialog::formatFileSize(5'000'000'000), QStringLiteral("4.66 GiB (5,000,000,000 bytes)"));
    }

    // A hostile title of megabytes would stall the GUI thread's text layout: the cell shows its
    // start, Copy copies all of it.
    void hugeValueIsShortenedOnScreenOnly()
    {
        DocumentProperties properties;
        const QString huge(1'000'000, QLatin1Char('x'));
        properties.metadata = {{QStringLiteral("Title"), huge}};
        PropertiesDialog dialog(properties);
        QVERIFY(dialog.metadataTable()->item(0, 1)->text().size() < 3000);
        QVERIFY(dialog.text().contains(huge));
    }

    void noMetadata()
    {
        DocumentProperties properties;
        PropertiesDialog dialog(properties);
        QVERIFY(dialog.metadataRows().isEmpty());
        bool said = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            said = said || label->text() == QLatin1String("The document has no metadata.");
        QVERIFY(said);
    }

    // The metadata is read under the document's gate, and waiting for it stops on cancel.
    void readsUnderTheGate()
    {
        SharedDocument shared(std::make_unique<MetadataDocument>(fakeMetadata()));
        const auto metadata = readMetadata(shared, {});
        QVERIFY(metadata);
        QCOMPARE(*metadata, fakeMetadata());

        const DocumentGate::Lock busy = shared.gate().acquire({});
        CancellationSource source;
        source.cancelAfter(std::chrono::milliseconds(50));
        const auto waited = readMetadata(shared, source.token());
        QVERIFY(!waited);
        QCOMPARE(waited.status().code(), StatusCode::TimedOut);
        QVERIFY(!readDocumentProperties(shared, QString(), source.token()));
    }

    // File › Properties as the window runs it: a job reads, then the dialog appears.
    void showForRunsAJob()
    {
        QWidget window;
        window.show();
        JobRunner jobs(&window);
        auto shared = std::make_shared<SharedDocument>(std::make_unique<MetadataDocument>(fakeMetadata()));
        Job *job = PropertiesDialog::showFor(jobs, shared, QStringLiteral("/nonexistent/fake.doc"), &window);
        QVERIFY(job);
        PropertiesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<PropertiesDialog *>()) != nullptr, 5000);
        QVERIFY(dialog->isVisible());
        QCOMPARE(rowValue(dialog->metadataRows(), QStringLiteral("Author")), QStringLiteral("Ada"));
        QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
        dialog->close();
        QTRY_VERIFY(!window.findChild<PropertiesDialog *>());

        // A cancelled read shows nothing.
        std::optional<DocumentGate::Lock> busy(shared->gate().acquire({}));
        Job *blocked = PropertiesDialog::showFor(jobs, shared, QStringLiteral("/nonexistent/fake.doc"), &window);
        bool finished = false;
        connect(blocked, &Job::finished, this, [&finished] { finished = true; });
        blocked->cancel();
        QTRY_VERIFY(finished);
        QTest::qWait(50);
        QVERIFY(!window.findChild<PropertiesDialog *>());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPropertiesDialog)
#include "tst_propertiesdialog.moc"
