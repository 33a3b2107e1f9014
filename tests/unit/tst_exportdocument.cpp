// SPDX-License-Identifier: GPL-3.0-or-later
// Exporter::exportDocument(), the export both folio-cli render and the GUI's Export job run: page
// selection and order, the refusal to replace the document or to export a file changed since it
// was seen, the view options it opens the document with, progress, and which file its errors name.
#include "../common/testfiles.h"
#include "../common/testpaths.h"
#include "exporters/exporter.h"
#include "pagelist.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;

namespace {

QString twoPages()
{
    return folio::test::dataFile(QStringLiteral("two-pages.pdf"));
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestExportDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Pages in the order asked for; writing progress from 0 to every page.
    void writesThePagesAskedFor()
    {
        ExportRequest request;
        request.documentPath = twoPages();
        request.pages = QStringLiteral("2,1");
        request.directory = m_dir.filePath(QStringLiteral("png"));
        request.options.dpi = 36;
        QList<qint64> written;
        ExportProgress progress;
        progress.writing = [&written](qint64 done, qint64 total) {
            QCOMPARE(total, 2);
            written.append(done);
        };
        const auto result = Exporter::exportDocument(request, {}, progress);
        QVERIFY2(result, qPrintable(result.status().message()));
        QCOMPARE(result->pageCount, 2);
        QCOMPARE(result->files.size(), 2);
        QVERIFY(result->files.first().endsWith(QLatin1String("/page-2.png")));
        QCOMPARE(entries(request.directory), QStringList({QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}));
        QCOMPARE(QImageReader(result->files.first()).size(), QSize(421, 298)); // page 2 is A4 landscape
        QVERIFY(!written.isEmpty());
        QCOMPARE(written.first(), 0);
        QCOMPARE(written.last(), 2);
    }

    // A PDF of the document's own name into its own folder would be renamed over it.
    void neverReplacesTheDocument()
    {
        const QString folder = m_dir.filePath(QStringLiteral("own-folder"));
        QVERIFY(QDir().mkpath(folder));
        const QString copy = QDir(folder).filePath(QStringLiteral("two-pages.pdf"));
        QVERIFY(QFile::copy(twoPages(), copy));
        ExportRequest request;
        request.documentPath = copy;
        request.directory = folder;
        request.options.format = ExportOptions::Format::Pdf;
        request.options.baseName = QStringLiteral("two-pages");
        QCOMPARE(request.pdfFile(), copy);
        QVERIFY(request.replacesDocument());
        const Status target = Exporter::checkTarget(request);
        QCOMPARE(target.code(), StatusCode::InvalidArgument);
        QCOMPARE(target.message(), copy + QStringLiteral(" would replace the document itself"));

        const auto result = Exporter::exportDocument(request, {});
        QVERIFY(!result);
        QCOMPARE(result.status().message(), target.message());
        QCOMPARE(entries(folder), QStringList {QStringLiteral("two-pages.pdf")});
        QCOMPARE(test::readFile(copy), test::readFile(twoPages()));

        // Another name, or another format, is fine.
        request.options.baseName = QStringLiteral("copy");
        QVERIFY(!request.replacesDocument());
        QVERIFY(Exporter::checkTarget(request));
        request.options.format = ExportOptions::Format::Png;
        QVERIFY(request.pdfFile().isEmpty());
        QVERIFY(!request.replacesDocument());
    }

    // A file changed since the caller saw it is not the document the user asked to export.
    void refusesAChangedFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("changing.pdf"));
        QVERIFY(QFile::copy(twoPages(), path));
        ExportRequest request;
        request.documentPath = path;
        request.directory = m_dir.filePath(QStringLiteral("changed-out"));
        request.options.dpi = 36;
        request.documentStamp = FileStamp::of(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.write("\n% appended by another program\n") > 0);
        file.close();
        const auto result = Exporter::exportDocument(request, {});
        QVERIFY(!result);
        QCOMPARE(result.status().code(), StatusCode::IoError);
        QCOMPARE(result.status().file(), path);
        QVERIFY2(result.status().reason().contains(QLatin1String("changed on disk after it was opened")),
            qPrintable(result.status().message()));
        QVERIFY(!QFileInfo::exists(request.directory));
    }

    // Errors found after opening name the document as the request names it.
    void errorsNameTheDocument()
    {
        ExportRequest request;
        request.documentPath = twoPages();
        request.pages = QStringLiteral("5");
        request.directory = m_dir.filePath(QStringLiteral("beyond"));
        request.open.displayName = QStringLiteral("shown.pdf");
        const auto beyond = Exporter::exportDocument(request, {});
        QVERIFY(!beyond);
        QCOMPARE(beyond.status().code(), StatusCode::InvalidArgument);
        QCOMPARE(
            beyond.status().message(), QStringLiteral("shown.pdf: Page 5 does not exist (the document has 2 pages)"));
        QVERIFY(!QFileInfo::exists(request.directory));

        request.documentPath = m_dir.filePath(QStringLiteral("missing.pdf"));
        request.open.displayName.clear();
        request.pages.clear();
        const auto missing = Exporter::exportDocument(request, {});
        QCOMPARE(missing.status().code(), StatusCode::IoError);
        QCOMPARE(missing.status().file(), request.documentPath);

        request.pages = QStringLiteral("x");
        QCOMPARE(Exporter::exportDocument(request, {}).status().code(), StatusCode::InvalidArgument);
    }

    // The view options the document opens with shape its pages, so an untouched PDF is no longer
    // copied byte for byte once one is on.
    void viewOptionsReachTheExport()
    {
        ExportRequest request;
        request.documentPath = twoPages();
        request.directory = m_dir.filePath(QStringLiteral("plain"));
        request.options.format = ExportOptions::Format::Pdf;
        request.options.baseName = QStringLiteral("out");
        const auto plain = Exporter::exportDocument(request, {});
        QVERIFY2(plain, qPrintable(plain.status().message()));
        QCOMPARE(test::readFile(plain->files.first()), test::readFile(twoPages()));

        request.directory = m_dir.filePath(QStringLiteral("with-comments"));
        request.open.renderOptions = RenderOption::RenderComments;
        const auto drawn = Exporter::exportDocument(request, {});
        QVERIFY2(drawn, qPrintable(drawn.status().message()));
        QCOMPARE(drawn->pageCount, 2);
        QVERIFY(test::readFile(drawn->files.first()) != test::readFile(twoPages()));
    }

    void cancelledWritesNothing()
    {
        CancellationSource source;
        source.cancel(CancelReason::User);
        ExportRequest request;
        request.documentPath = twoPages();
        request.directory = m_dir.filePath(QStringLiteral("cancelled"));
        const auto result = Exporter::exportDocument(request, source.token());
        QCOMPARE(result.status().code(), StatusCode::Canceled);
        QVERIFY(!QFileInfo::exists(request.directory));
    }

    // What exportDocument() and folio-cli text select pages with.
    void pageListSelects()
    {
        QVERIFY(PageList::parseOrAll(QString()));
        QVERIFY(!PageList::parseOrAll(QStringLiteral("1-x")));
        Viewer viewer;
        QVERIFY(viewer.open(twoPages(), {}, {}));
        QCOMPARE(PageList::parseOrAll(QString())->select(viewer, {}).value(), QList<int>({0, 1}));
        QCOMPARE(PageList::parse(QStringLiteral("2-1"))->select(viewer, {}).value(), QList<int>({1, 0}));
        const auto beyond = PageList::parse(QStringLiteral("3"))->select(viewer, {});
        QCOMPARE(beyond.status().file(), twoPages());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestExportDocument)
#include "tst_exportdocument.moc"
