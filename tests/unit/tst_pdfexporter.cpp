// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF exporter, every output read back with Poppler: vector pages from paint() (text that can
// be found, fonts embedded, sizes kept), page pictures for PDF and image input, the byte-for-byte
// copy of an unchanged PDF, rotation, watermark, comments, cancellation and failures. Also
// Document::paint() against render(): both must draw the same page.
#include "../common/officepackages.h"
#include "../common/testfiles.h"
#include "../common/testpaths.h"
#include "exporters/pdfexporter.h"
#include "viewer.h"

#include <KCompressionDevice>
#include <poppler-qt6.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace folio;
using namespace folio::test;

namespace {

// A DOCX whose body is `body`, with word/comments.xml when `comments` is set.
QByteArray docx(const QString &body, const QString &comments = {})
{
    Docx docx {body, {}, {}, {}};
    if (!comments.isEmpty())
        docx.parts.append({QStringLiteral("comments.xml"), wordPart("comments", comments)});
    return docx.bytes();
}

QString para(const QString &text, int halfPoints = 0)
{
    const QString size
        = halfPoints > 0 ? QStringLiteral("<w:rPr><w:sz w:val=\"%1\"/></w:rPr>").arg(halfPoints) : QString();
    return QStringLiteral("<w:p><w:r>%1<w:t xml:space=\"preserve\">%2</w:t></w:r></w:p>").arg(size, text);
}

// Several pages of text; page 1 starts with the 12 pt word "Zanzibar" on a line of its own.
QByteArray longDocx()
{
    QString body = para(QStringLiteral("Zanzibar"), 24);
    for (int i = 0; i < 90; ++i)
        body += para(QStringLiteral("Paragraph %1 of the export test, long enough to wrap onto a second line of "
                                    "the page when the page is a normal letter or A4 page.")
                         .arg(i + 1));
    return docx(body);
}

QByteArray commentedDocx()
{
    return docx(QStringLiteral("<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Reviewed text</w:t></w:r>"
                               "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"),
        QStringLiteral("<w:comment w:id=\"0\" w:author=\"Ann\"><w:p><w:r><w:t>Please check.</w:t></w:r></w:p>"
                       "</w:comment>"));
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

QString pageText(const Poppler::Document &pdf, int page)
{
    const auto p = pdf.page(page);
    return p ? p->text(QRectF()) : QString();
}

bool near(QSizeF a, QSizeF b, qreal tolerance = 1)
{
    return std::abs(a.width() - b.width()) <= tolerance && std::abs(a.height() - b.height()) <= tolerance;
}

bool near(QRgb pixel, QColor colour, int tolerance = 12)
{
    return std::abs(qRed(pixel) - colour.red()) <= tolerance && std::abs(qGreen(pixel) - colour.green()) <= tolerance
        && std::abs(qBlue(pixel) - colour.blue()) <= tolerance;
}

// Every letter of `word` (as many times as it has it) is somewhere in `text`.
bool containsLetters(const QString &text, const QString &word)
{
    QString rest = text;
    for (const QChar c : word) {
        const qsizetype at = rest.indexOf(c);
        if (at < 0)
            return false;
        rest.remove(at, 1);
    }
    return true;
}

int darkPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            count += qGray(line[x]) < 128;
    }
    return count;
}

// Pixels whose channels differ by more than `tolerance` between two same-sized pictures.
int differingPixels(const QImage &a, const QImage &b, int tolerance)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int column = 0; column < x.width(); ++column)
            count += !near(p[column], QColor(q[column]), tolerance);
    }
    return count;
}

// An export of `pages` (all when empty) of the open document, read back; nullptr on failure.
std::unique_ptr<Poppler::Document> exportAndLoad(Viewer &viewer, const QString &directory,
    const ExportOptions &options = {}, QList<int> pages = {}, QString *path = nullptr)
{
    if (pages.isEmpty()) {
        for (int i = 0; i < viewer.document()->pageCount(); ++i)
            pages.append(i);
    }
    ExportOptions pdf = options;
    pdf.format = ExportOptions::Format::Pdf;
    const auto written = PdfExporter::exportPages(viewer, pages, directory, pdf, {});
    if (!written) {
        qWarning() << "export failed:" << written.status().message();
        return nullptr;
    }
    if (written->size() != 1)
        return nullptr;
    if (path)
        *path = written->first();
    return Poppler::Document::load(written->first());
}

} // namespace

class TestPdfExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void docxBecomesVectorText();
    void textDocumentsAreSearchable_data();
    void textDocumentsAreSearchable();
    void unchangedPdfIsCopied();
    void pdfPagesInChosenOrder();
    void watermarkOnEveryPage();
    void imagePageKeepsItsPicture();
    void rotationTurnsPagesClockwise();
    void commentsOnlyWithTheOption();
    void ligaturesKeepTheirLetters();
    void cancelLeavesNothing();
    void failingPageLeavesNothing();
    void paintMatchesRender_data();
    void paintMatchesRender();

private:
    QString dataFile(const char *name) const { return folio::test::dataFile(QLatin1String(name)); }
};

void TestPdfExporter::docxBecomesVectorText()
{
    QTemporaryDir dir;
    const QString input = writeFile(dir, QStringLiteral("long.docx"), longDocx());
    Viewer viewer;
    QVERIFY(viewer.open(input, {}, {}).isOk());
    Document &document = *viewer.document();
    QVERIFY(document.capabilities().testFlag(Capability::VectorPaint));
    QVERIFY(document.ensurePages(-1, {}).isOk());
    QVERIFY2(document.pageCount() >= 2, "the fixture should span pages");

    ExportOptions options;
    options.baseName = QStringLiteral("long");
    QString path;
    const auto pdf = exportAndLoad(viewer, dir.filePath(QStringLiteral("out")), options, {}, &path);
    QVERIFY(pdf);
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("long.pdf"));
    QCOMPARE(pdf->numPages(), document.pageCount());
    for (int i = 0; i < pdf->numPages(); ++i)
        QVERIFY2(near(pdf->page(i)->pageSizeF(), document.pageSize(i)), qPrintable(QString::number(i)));
    QVERIFY2(pageText(*pdf, 0).contains(QLatin1String("Zanzibar")), qPrintable(pageText(*pdf, 0)));
    QVERIFY(pageText(*pdf, 1).contains(QLatin1String("Paragraph")));
    QCOMPARE(pdf->info(QStringLiteral("Creator")), QStringLiteral("Folio"));
    QCOMPARE(pdf->info(QStringLiteral("Title")), QStringLiteral("long"));

    // Real text in a real font, embedded.
    const QList<Poppler::FontInfo> fonts = pdf->fonts();
    QVERIFY(!fonts.isEmpty());
    for (const Poppler::FontInfo &font : fonts)
        QVERIFY2(font.isEmbedded(), qPrintable(font.name()));

    // The 12 pt word is as wide as Folio laid it out, and about 12 pt high: the PDF's unit is the
    // point (a painter on a 96 dpi device would draw it a third bigger).
    QRectF inPdf;
    for (const auto &box : pdf->page(0)->textList()) {
        if (box->text() == QLatin1String("Zanzibar"))
            inPdf = box->boundingBox();
    }
    QVERIFY(!inPdf.isEmpty());
    QRectF laidOut;
    const Result<QList<TextBox>> words = document.textBoxes(0, {});
    QVERIFY(words);
    for (const TextBox &box : *words) {
        if (box.text == QLatin1String("Zanzibar"))
            laidOut = box.rect;
    }
    QVERIFY(!laidOut.isEmpty());
    QVERIFY2(std::abs(inPdf.width() - laidOut.width()) < 1,
        qPrintable(QStringLiteral("%1 vs %2").arg(inPdf.width()).arg(laidOut.width())));
    QVERIFY2(std::abs(inPdf.left() - laidOut.left()) < 1, qPrintable(QString::number(inPdf.left())));
    QVERIFY2(inPdf.height() > 10 && inPdf.height() < 16, qPrintable(QString::number(inPdf.height())));
}

void TestPdfExporter::textDocumentsAreSearchable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("title"); // the document's own, else the file's base name
    QTest::newRow("markdown") << QStringLiteral("notes.md")
                              << QByteArray("# Heading\n\nSome *Quixotic* prose in a paragraph.\n\n- a list item\n")
                              << QStringLiteral("Heading");
    QTest::newRow("plain text") << QStringLiteral("notes.txt") << QByteArray("Plain Quixotic text\nsecond line\n")
                                << QStringLiteral("notes");
    QTest::newRow("csv") << QStringLiteral("notes.csv") << QByteArray("name,word\nfirst,Quixotic\n")
                         << QStringLiteral("notes");
    // Wrappers pass paint() on: an archive's listing, a compressed text file.
    QTest::newRow("archive listing") << QStringLiteral("notes.zip")
                                     << zipParts({{QStringLiteral("Quixotic.txt"), QByteArray("one")},
                                            {QStringLiteral("other.txt"), QByteArray("two")}})
                                     << QStringLiteral("notes");
    QTest::newRow("gzip text") << QStringLiteral("notes.txt.gz") << gzip("Gzipped Quixotic text\n")
                               << QStringLiteral("notes.txt");
}

void TestPdfExporter::textDocumentsAreSearchable()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, title);
    QTemporaryDir dir;
    Viewer viewer;
    QVERIFY(viewer.open(writeFile(dir, name, content), {}, {}).isOk());
    QVERIFY(viewer.document()->capabilities().testFlag(Capability::VectorPaint));
    const auto pdf = exportAndLoad(viewer, dir.path());
    QVERIFY(pdf);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("document.pdf"))));
    QCOMPARE(pdf->numPages(), viewer.document()->pageCount());
    QVERIFY2(pageText(*pdf, 0).contains(QLatin1String("Quixotic")), qPrintable(pageText(*pdf, 0)));
    QVERIFY(near(pdf->page(0)->pageSizeF(), viewer.document()->pageSize(0)));
    QCOMPARE(pdf->info(QStringLiteral("Title")), title);
}

void TestPdfExporter::unchangedPdfIsCopied()
{
    QTemporaryDir dir;
    const QString input = dataFile("two-pages.pdf");
    Viewer viewer;
    QVERIFY(viewer.open(input, {}, {}).isOk());
    QList<qint64> progress;
    ExportOptions options;
    options.format = ExportOptions::Format::Pdf;
    const auto written = PdfExporter::exportPages(
        viewer, {0, 1}, dir.path(), options, {}, [&progress](qint64 done, qint64) { progress.append(done); });
    QVERIFY2(written, qPrintable(written.status().message()));
    QCOMPARE(readFile(written->first()), readFile(input));
    QCOMPARE(progress.last(), 2);
    QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("document.pdf")});
}

void TestPdfExporter::pdfPagesInChosenOrder()
{
    QTemporaryDir dir;
    Viewer viewer;
    QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
    const auto pdf = exportAndLoad(viewer, dir.path(), {}, {1, 0});
    QVERIFY(pdf);
    QCOMPARE(pdf->numPages(), 2);
    // Page 2 of the input is A4 landscape, page 1 letter portrait.
    QVERIFY(near(pdf->page(0)->pageSizeF(), QSizeF(842, 595)));
    QVERIFY(near(pdf->page(1)->pageSizeF(), QSizeF(612, 792)));
    // The pictures carry an invisible text layer: the words are found...
    QVERIFY2(pageText(*pdf, 0).contains(QLatin1String("Second page")), qPrintable(pageText(*pdf, 0)));
    QVERIFY2(pageText(*pdf, 1).contains(QLatin1String("Hello Folio")), qPrintable(pageText(*pdf, 1)));
    // ...but not seen: shown at the picture's own resolution, the page is the input's page, with
    // no second copy of the words drawn over it.
    const QImage exported = pdf->page(1)->renderToImage(150, 150);
    const QImage original = *viewer.document()->render(0, {150.0}, {});
    QCOMPARE(exported.size(), original.size());
    const int ink = darkPixels(original);
    const int differing = differingPixels(exported, original, 96);
    QVERIFY(ink > 500);
    QVERIFY2(differing < ink / 10, qPrintable(QStringLiteral("%1 of %2").arg(differing).arg(ink)));
}

void TestPdfExporter::watermarkOnEveryPage()
{
    QTemporaryDir dir;
    Viewer viewer;
    QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
    ExportOptions options;
    options.watermark.text = QStringLiteral("CONFIDENTIAL");
    const auto pdf = exportAndLoad(viewer, dir.path(), options);
    QVERIFY(pdf);
    QCOMPARE(pdf->numPages(), 2);
    for (int i = 0; i < 2; ++i) {
        // Poppler cannot put slanted letters back into words (nor into one line: it reads them
        // in pieces), but they are all there as text.
        QString letters;
        for (const auto &box : pdf->page(i)->textList())
            letters += box->text();
        QVERIFY2(containsLetters(letters, QStringLiteral("CONFIDENTIAL")), qPrintable(letters));
    }
    // Level, it reads in place too.
    options.watermark.angle = 0;
    const auto level = exportAndLoad(viewer, dir.filePath(QStringLiteral("level")), options);
    QVERIFY(level);
    for (int i = 0; i < 2; ++i)
        QVERIFY2(pageText(*level, i).contains(QLatin1String("CONFIDENTIAL")), qPrintable(pageText(*level, i)));
}

void TestPdfExporter::imagePageKeepsItsPicture()
{
    QTemporaryDir dir;
    QImage image(200, 100, QImage::Format_RGB32);
    const QColor colour(30, 120, 200);
    image.fill(colour);
    Viewer viewer;
    QVERIFY(viewer.open(writeFile(dir, QStringLiteral("blue.png"), png(image)), {}, {}).isOk());
    QVERIFY(!viewer.document()->capabilities().testFlag(Capability::VectorPaint));
    const auto pdf = exportAndLoad(viewer, dir.filePath(QStringLiteral("out")));
    QVERIFY(pdf);
    QCOMPARE(pdf->numPages(), 1);
    QVERIFY(near(pdf->page(0)->pageSizeF(), viewer.document()->pageSize(0)));
    const QImage shown = pdf->page(0)->renderToImage(72, 72);
    QVERIFY(!shown.isNull());
    const QRgb centre = shown.pixel(shown.width() / 2, shown.height() / 2);
    QVERIFY2(near(centre, colour), qPrintable(QColor(centre).name()));
}

void TestPdfExporter::rotationTurnsPagesClockwise()
{
    QTemporaryDir dir;
    // A picture: red above, blue below. Turned clockwise, red is on the right.
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter(&image).fillRect(0, 0, 200, 50, Qt::red);
    ExportOptions options;
    options.rotation = 90;
    {
        Viewer viewer;
        QVERIFY(viewer.open(writeFile(dir, QStringLiteral("halves.png"), png(image)), {}, {}).isOk());
        const auto pdf = exportAndLoad(viewer, dir.filePath(QStringLiteral("image")), options);
        QVERIFY(pdf);
        QVERIFY(near(pdf->page(0)->pageSizeF(), viewer.document()->pageSize(0).transposed()));
        const QImage shown = pdf->page(0)->renderToImage(72, 72);
        QVERIFY2(near(shown.pixel(shown.width() * 3 / 4, shown.height() / 2), Qt::red), "right half");
        QVERIFY2(near(shown.pixel(shown.width() / 4, shown.height() / 2), Qt::blue), "left half");
    }
    // Vector pages turn the same way: the first line (top left, upright) ends up top right.
    Viewer viewer;
    QVERIFY(viewer.open(writeFile(dir, QStringLiteral("turned.txt"), "Turned words\n"), {}, {}).isOk());
    const auto pdf = exportAndLoad(viewer, dir.filePath(QStringLiteral("text")), options);
    QVERIFY(pdf);
    const QSizeF size = pdf->page(0)->pageSizeF();
    QVERIFY(near(size, viewer.document()->pageSize(0).transposed()));
    QVERIFY(pageText(*pdf, 0).contains(QLatin1String("Turned")));
    const auto boxes = pdf->page(0)->textList();
    QVERIFY(!boxes.empty());
    const QRectF first = boxes.front()->boundingBox();
    QVERIFY2(first.center().x() > size.width() * 0.75 && first.center().y() < size.height() / 4,
        qPrintable(QStringLiteral("%1,%2").arg(first.center().x()).arg(first.center().y())));

    // A PDF turned: pictures with their text layer, sizes transposed.
    Viewer pdfViewer;
    QVERIFY(pdfViewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
    const auto turned = exportAndLoad(pdfViewer, dir.filePath(QStringLiteral("pdf")), options);
    QVERIFY(turned);
    QVERIFY(near(turned->page(0)->pageSizeF(), QSizeF(792, 612)));
    QVERIFY(near(turned->page(1)->pageSizeF(), QSizeF(595, 842)));
    QVERIFY(pageText(*turned, 0).contains(QLatin1String("Hello")));
}

void TestPdfExporter::commentsOnlyWithTheOption()
{
    QTemporaryDir dir;
    const QString input = writeFile(dir, QStringLiteral("commented.docx"), commentedDocx());
    for (const bool comments : {false, true}) {
        Viewer viewer;
        OpenOptions open;
        if (comments)
            open.renderOptions = RenderOption::RenderComments;
        QVERIFY(viewer.open(input, open, {}).isOk());
        const auto pdf
            = exportAndLoad(viewer, dir.filePath(comments ? QStringLiteral("with") : QStringLiteral("without")));
        QVERIFY(pdf);
        QString text;
        for (int i = 0; i < pdf->numPages(); ++i)
            text += pageText(*pdf, i);
        QVERIFY2(text.contains(QLatin1String("Reviewed text")), qPrintable(text));
        QCOMPARE(text.contains(QLatin1String("Please check.")), comments);
    }
}

// Qt's PDF writer gives a ligature glyph without a Unicode mapping no text: Carlito's "ti" made
// "Section" read "Sec on". Layout asks for no optional shaping, so every letter stays text.
void TestPdfExporter::ligaturesKeepTheirLetters()
{
    QTemporaryDir dir;
    const QString words = QStringLiteral("Section information office affine fluffy final");
    QString body;
    for (const char *family : {"Calibri", "Cambria", "DejaVu Sans", "Liberation Serif"}) {
        body += QStringLiteral("<w:p><w:r><w:rPr><w:rFonts w:ascii=\"%1\" w:hAnsi=\"%1\"/></w:rPr>"
                               "<w:t xml:space=\"preserve\">%2</w:t></w:r></w:p>")
                    .arg(QLatin1String(family), words);
    }
    const QString input = writeFile(dir, QStringLiteral("ligatures.docx"), docx(body));
    Viewer viewer;
    QVERIFY(viewer.open(input, {}, {}).isOk());
    const auto pdf = exportAndLoad(viewer, dir.filePath(QStringLiteral("out")));
    QVERIFY(pdf);
    const QString text = pageText(*pdf, 0);
    QCOMPARE(text.count(words), 4);
}

void TestPdfExporter::cancelLeavesNothing()
{
    QTemporaryDir dir;
    Viewer viewer;
    QVERIFY(viewer.open(writeFile(dir, QStringLiteral("long.docx"), longDocx()), {}, {}).isOk());
    QVERIFY(viewer.document()->ensurePages(-1, {}).isOk());
    ExportOptions options;
    options.format = ExportOptions::Format::Pdf;

    // Cancelled before it starts: not even the folder is made.
    const QString fresh = dir.filePath(QStringLiteral("fresh"));
    CancellationSource before;
    before.cancel();
    auto result = PdfExporter::exportPages(viewer, {0, 1}, fresh, options, before.token());
    QCOMPARE(result.status().code(), StatusCode::Canceled);
    QVERIFY(!QFileInfo::exists(fresh));

    // Cancelled once the first page is drawn: the half-written file goes.
    const QString existing = dir.filePath(QStringLiteral("existing"));
    QVERIFY(QDir().mkpath(existing));
    CancellationSource during;
    int calls = 0;
    result
        = PdfExporter::exportPages(viewer, {0, 1}, existing, options, during.token(), [&](qint64 done, qint64 total) {
              ++calls;
              QCOMPARE(total, 2);
              if (done == 1)
                  during.cancel();
          });
    QCOMPARE(result.status().code(), StatusCode::Canceled);
    QCOMPARE(calls, 1);
    QCOMPARE(entries(existing), QStringList());

    // A copied PDF too.
    Viewer pdfViewer;
    QVERIFY(pdfViewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
    result = PdfExporter::exportPages(pdfViewer, {0, 1}, existing, options, before.token());
    QCOMPARE(result.status().code(), StatusCode::Canceled);
    QCOMPARE(entries(existing), QStringList());
}

void TestPdfExporter::failingPageLeavesNothing()
{
    QTemporaryDir dir;
    // Page 1 (letter) fits in one megapixel at 102.5 dpi, page 2 (A4 landscape) does not.
    OpenOptions open;
    open.limits.maxImageMegapixels = 1;
    Viewer viewer;
    QVERIFY(viewer.open(dataFile("two-pages.pdf"), open, {}).isOk());
    ExportOptions options;
    options.format = ExportOptions::Format::Pdf;
    options.dpi = 102.5;
    options.rotation = 180; // not a plain copy
    const auto result = PdfExporter::exportPages(viewer, {0, 1}, dir.path(), options, {});
    QCOMPARE(result.status().code(), StatusCode::LimitExceeded);
    QVERIFY2(result.status().message().contains(QLatin1String("Page 2")), qPrintable(result.status().message()));
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestPdfExporter::paintMatchesRender_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("docx") << QStringLiteral("long.docx") << longDocx();
    QTest::newRow("markdown") << QStringLiteral("notes.md")
                              << QByteArray(
                                     "# Heading\n\nSome *emphasis*, `code` and a [link](https://example.org).\n\n"
                                     "| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n");
}

void TestPdfExporter::paintMatchesRender()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    Viewer viewer;
    QVERIFY(viewer.open(writeFile(dir, name, content), {}, {}).isOk());
    Document &document = *viewer.document();
    const RenderRequest request {96.0};
    const Result<QImage> rendered = document.render(0, request, {});
    QVERIFY(rendered);

    // paint()'s contract: a painter in points on a device whose fonts measure in points (72 dpi).
    QImage painted(rendered->size(), QImage::Format_ARGB32_Premultiplied);
    painted.fill(Qt::white);
    painted.setDotsPerMeterX(qRound(72 / 0.0254));
    painted.setDotsPerMeterY(qRound(72 / 0.0254));
    {
        QPainter painter(&painted);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        painter.scale(request.dpi / 72, request.dpi / 72);
        const Status status = document.paint(0, painter, request, {});
        QVERIFY2(status, qPrintable(status.message()));
    }
    QVERIFY(darkPixels(painted) > 100);
    const int differing = differingPixels(*rendered, painted, 8);
    QVERIFY2(differing <= painted.width() * painted.height() / 1000, qPrintable(QString::number(differing)));
}

QTEST_MAIN(TestPdfExporter)
#include "tst_pdfexporter.moc"
