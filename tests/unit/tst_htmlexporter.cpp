// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML exporter through the Viewer: DOCX (generated here), Markdown, plain text and PDF pages
// are exported and the files read back: XML well-formedness, semantic elements, pictures in
// both resource modes, each page's share of the text, watermark, comments, cancellation.
#include "../common/officepackages.h"
#include "../common/testfiles.h"
#include "../common/testpaths.h"
#include "exporters/exporter.h"
#include "exporters/htmlexporter.h"
#include "viewer.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace folio;
using namespace folio::test;

namespace {

QString para(const QString &text, const QString &properties = {})
{
    return wordParagraph(text, properties);
}

QString pageBreak()
{
    return QStringLiteral("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

QString inlinePicture(const QString &id, int cx, int cy)
{
    return QStringLiteral(
        "<w:r><w:drawing><wp:inline><wp:extent cx=\"%2\" cy=\"%3\"/><wp:docPr id=\"1\" name=\"p\"/><a:graphic>"
        "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:blipFill>"
        "<a:blip r:embed=\"%1\"/></pic:blipFill><pic:spPr><a:xfrm><a:ext cx=\"%2\" cy=\"%3\"/></a:xfrm></pic:spPr>"
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
        .arg(id)
        .arg(cx)
        .arg(cy);
}

QByteArray redPng()
{
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray headingStyles()
{
    return wordPart("styles",
        QStringLiteral("<w:style w:type=\"paragraph\" w:styleId=\"Normal\" w:default=\"1\"><w:name w:val=\"Normal\"/>"
                       "</w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
                       "<w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/>"
                       "<w:sz w:val=\"40\"/></w:rPr></w:style>"));
}

QByteArray listNumbering()
{
    return wordPart("numbering",
        QStringLiteral("<w:abstractNum w:abstractNumId=\"0\">"
                       "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText "
                       "w:val=\"%1.\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
                       "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText "
                       "w:val=\"%2)\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl>"
                       "</w:abstractNum>"
                       "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
                       "<w:lvlText w:val=\"\u2022\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr>"
                       "</w:lvl></w:abstractNum>"
                       "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                       "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"));
}

QString listItem(const QString &text, int num, int level)
{
    return para(
        text, QStringLiteral("<w:numPr><w:ilvl w:val=\"%1\"/><w:numId w:val=\"%2\"/></w:numPr>").arg(level).arg(num));
}

const char *const OdfNamespaces = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                                  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                                  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                                  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                                  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
                                  " office:version=\"1.3\"";

// An ODT of `text` (inside office:text) with the named styles `styles`.
QByteArray odt(const QString &styles, const QString &text)
{
    const QString type = QStringLiteral("application/vnd.oasis.opendocument.text");
    return zipParts({{QStringLiteral("mimetype"), type.toUtf8()},
        {QStringLiteral("META-INF/manifest.xml"),
            odfManifest(type, {QStringLiteral("content.xml"), QStringLiteral("styles.xml")})},
        {QStringLiteral("content.xml"),
            QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content") + OdfNamespaces
                + "><office:body><office:text>" + text.toUtf8()
                + "</office:text></office:body></office:document-content>"},
        {QStringLiteral("styles.xml"),
            QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles") + OdfNamespaces
                + "><office:styles>" + styles.toUtf8() + "</office:styles></office:document-styles>"}});
}

// Heading, numbered list with a nested level, bullets, a table with a header row and merged
// cells, a link, bold and italic runs, a picture, and text that needs escaping.
Docx richDocx()
{
    Docx docx;
    docx.parts.append({QStringLiteral("styles.xml"), headingStyles()});
    docx.parts.append({QStringLiteral("numbering.xml"), listNumbering()});
    docx.parts.append({QStringLiteral("media/red.png"), redPng()});
    docx.rels = {{QStringLiteral("rIdImg"), QStringLiteral("image"), QStringLiteral("media/red.png")},
        {QStringLiteral("rIdLink"), QStringLiteral("hyperlink"), QStringLiteral("https://example.org/")},
        {QStringLiteral("rIdEvil"), QStringLiteral("hyperlink"), QStringLiteral("javascript:alert(1)")}};
    const auto cell = [](const QString &text, const QString &properties = {}) {
        return QStringLiteral("<w:tc><w:tcPr>%1</w:tcPr>%2</w:tc>").arg(properties, para(text));
    };
    const QString table = QStringLiteral("<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/>"
                                         "<w:gridCol w:w=\"2000\"/></w:tblGrid>")
        + QStringLiteral("<w:tr><w:trPr><w:tblHeader/></w:trPr>%1%2%3</w:tr>")
              .arg(cell(QStringLiteral("Head A")), cell(QStringLiteral("Head B")), cell(QStringLiteral("Head C")))
        + QStringLiteral("<w:tr>%1%2</w:tr>")
              .arg(cell(QStringLiteral("Wide cell"), QStringLiteral("<w:gridSpan w:val=\"2\"/>")),
                  cell(QStringLiteral("Tall cell"), QStringLiteral("<w:vMerge w:val=\"restart\"/>")))
        + QStringLiteral("<w:tr>%1%2%3</w:tr>")
              .arg(cell(QStringLiteral("Cell A3")), cell(QStringLiteral("Cell B3")),
                  cell(QString(), QStringLiteral("<w:vMerge/>")))
        + QStringLiteral("</w:tbl>");
    docx.body = para(QStringLiteral("Main Title"), QStringLiteral("<w:pStyle w:val=\"Heading1\"/>"))
        + QStringLiteral("<w:p><w:r><w:t xml:space=\"preserve\">Plain and </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                         "<w:t>bold words</w:t></w:r><w:r><w:t xml:space=\"preserve\"> and </w:t></w:r><w:r><w:rPr>"
                         "<w:i/></w:rPr><w:t>italic words</w:t></w:r><w:r><w:t xml:space=\"preserve\">, see "
                         "</w:t></w:r><w:hyperlink r:id=\"rIdLink\"><w:r><w:t>the site</w:t></w:r></w:hyperlink>"
                         "<w:r><w:t xml:space=\"preserve\"> or </w:t></w:r><w:hyperlink r:id=\"rIdEvil\"><w:r>"
                         "<w:t>nowhere</w:t></w:r></w:hyperlink></w:p>")
        + para(QStringLiteral("Escapes: <script>alert(\"x\")</script> & co"))
        + listItem(QStringLiteral("First item"), 1, 0) + listItem(QStringLiteral("Nested item"), 1, 1)
        + listItem(QStringLiteral("Second item"), 1, 0) + listItem(QStringLiteral("Bullet item"), 2, 0)
        + para(QStringLiteral("Between list and table")) + table
        + QStringLiteral("<w:p>%1</w:p>").arg(inlinePicture(QStringLiteral("rIdImg"), 914400, 685800))
        + para(QStringLiteral("After picture"));
    return docx;
}

QStringList entries(const QString &dir)
{
    QStringList found;
    QDirIterator it(
        dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(QDir(dir).relativeFilePath(it.next()));
    found.sort();
    return found;
}

// Empty when `html` is well-formed XML, else the parser's complaint.
QString xmlError(const QByteArray &html)
{
    QXmlStreamReader xml(html);
    while (!xml.atEnd())
        xml.readNext();
    return xml.hasError() ? QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString()) : QString();
}

// The text inside elements of `className` (nested ones included), tags stripped.
QString textOfClass(const QByteArray &html, const QString &className)
{
    QXmlStreamReader xml(html);
    QString text;
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (depth > 0 || xml.attributes().value(QLatin1String("class")).split(u' ').contains(className))
                ++depth;
        } else if (xml.isEndElement()) {
            if (depth > 0)
                --depth;
        } else if (xml.isCharacters() && depth > 0) {
            text += xml.text();
        }
    }
    return text;
}

// All the text of the page's <body>, tags stripped.
QString bodyText(const QByteArray &html)
{
    QXmlStreamReader xml(html);
    QString text;
    bool inBody = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("body"))
            inBody = true;
        else if (xml.isCharacters() && inBody)
            text += xml.text();
    }
    return text;
}

QStringList attributeValues(const QByteArray &html, const QString &attribute)
{
    QStringList values;
    QXmlStreamReader xml(html);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.attributes().hasAttribute(attribute))
            values.append(xml.attributes().value(attribute).toString());
    }
    return values;
}

QImage decodeDataUri(const QString &uri)
{
    const qsizetype comma = uri.indexOf(u',');
    if (!uri.startsWith(QLatin1String("data:image/")) || comma < 0
        || !uri.left(comma).endsWith(QLatin1String(";base64")))
        return {};
    return QImage::fromData(QByteArray::fromBase64(uri.mid(comma + 1).toLatin1()));
}

struct Export
{
    Result<QStringList> result = Status(StatusCode::InvalidArgument, QStringLiteral("not run"));
    QString directory;

    QByteArray page(int number) const
    {
        return readFile(QDir(directory).filePath(QStringLiteral("page-%1.html").arg(number)));
    }
};

Export exportDocument(const QString &path, const QString &directory, ExportOptions options, QList<int> pages = {},
    const OpenOptions &open = {}, const CancellationToken &token = {}, const ProgressCallback &progress = {})
{
    Export out;
    out.directory = directory;
    Viewer viewer;
    if (Status status = viewer.open(path, open, {}); !status) {
        out.result = status;
        return out;
    }
    if (Status status = viewer.document()->ensurePages(-1, {}); !status) {
        out.result = status;
        return out;
    }
    if (pages.isEmpty()) {
        for (int i = 0; i < viewer.document()->pageCount(); ++i)
            pages.append(i);
    }
    options.format = ExportOptions::Format::Html;
    out.result = Exporter::exportPages(viewer, pages, directory, options, token, progress);
    return out;
}

} // namespace

class TestHtmlExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("FOLIO_HTML_KEEP")) {
            // Debugging aid: keep the exports.
            m_dir.setAutoRemove(false);
            qInfo() << "exports in" << m_dir.path();
        }
    }

    void docxBecomesSemanticHtml()
    {
        const QString docx = writeFile(m_dir, QStringLiteral("rich.docx"), richDocx().bytes());
        const Export out = exportDocument(docx, m_dir.filePath(QStringLiteral("rich")), {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        QCOMPARE(out.result->size(), 1);
        QCOMPARE(out.result->first(), QDir(out.directory).filePath(QStringLiteral("page-1.html")));
        const QByteArray html = out.page(1);
        QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
        QVERIFY(html.contains("<meta charset=\"utf-8\"/>"));
        QVERIFY2(html.contains("<title>rich.docx – page 1</title>"), html.constData());
        QVERIFY2(html.contains("<h1>Main Title</h1>"), html.constData());
        QVERIFY2(html.contains("<strong>bold words</strong>"), html.constData());
        QVERIFY2(html.contains("<em>italic words</em>"), html.constData());
        QVERIFY2(html.contains("<a href=\"https://example.org/\">the site</a>"), html.constData());
        // A javascript: link keeps its text but not the link.
        QVERIFY(html.contains("nowhere"));
        QVERIFY(!html.contains("javascript:"));
        QVERIFY(!html.contains("<script"));
        QVERIFY2(bodyText(html).contains(QLatin1String("Escapes: <script>alert(\"x\")</script> & co")),
            qPrintable(bodyText(html)));

        // Lists: numbered with a nested level, then a bullet list; the document's markers kept.
        const QRegularExpression list(QStringLiteral(
            "<ol[^>]*>\\s*<li><span class=\"folio-marker\">1\\.</span> First item\\s*<ol[^>]*>\\s*<li><span "
            "class=\"folio-marker\">a\\)</span> Nested item</li>\\s*</ol>\\s*</li>\\s*<li><span "
            "class=\"folio-marker\">2\\.</span> Second item</li>\\s*</ol>\\s*<ul[^>]*>\\s*<li><span "
            "class=\"folio-marker\">\u2022</span> Bullet item</li>\\s*</ul>"));
        QVERIFY2(list.match(QString::fromUtf8(html)).hasMatch(), html.constData());

        // Table: the header row in thead/th, merged cells as colspan/rowspan.
        QVERIFY2(html.contains("<table>"), html.constData());
        QVERIFY(html.contains("<thead>"));
        QVERIFY(html.contains("<th>Head A</th>"));
        QVERIFY2(html.contains("<td colspan=\"2\">Wide cell</td>"), html.constData());
        QVERIFY2(html.contains("<td rowspan=\"2\">Tall cell</td>"), html.constData());
        QVERIFY(html.contains("<td>Cell A3</td><td>Cell B3</td></tr>"));

        // The picture: embedded, 1 in × 0.75 in = 96 × 72 CSS pixels.
        const QRegularExpression img(
            QStringLiteral("<img src=\"(data:[^\"]*)\" alt=\"\" width=\"96\" height=\"72\"/>"));
        const auto match = img.match(QString::fromUtf8(html));
        QVERIFY2(match.hasMatch(), html.constData());
        const QImage picture = decodeDataUri(match.captured(1));
        QVERIFY(!picture.isNull());
        QCOMPARE(picture.pixelColor(picture.width() / 2, picture.height() / 2), QColor(Qt::red));
        QVERIFY(html.indexOf("Main Title") < html.indexOf("First item"));
        QVERIFY(html.indexOf("Cell B3") < html.indexOf("<img"));
        QVERIFY(html.indexOf("<img") < html.indexOf("After picture"));
    }

    void odtBecomesSemanticHtml()
    {
        const QString styles = QStringLiteral(
            "<text:list-style style:name=\"Numbers\"><text:list-level-style-number text:level=\"1\" "
            "style:num-format=\"1\" style:num-suffix=\".\"/><text:list-level-style-number text:level=\"2\" "
            "style:num-format=\"a\" style:num-suffix=\")\"/></text:list-style>"
            "<text:list-style style:name=\"Bullets\"><text:list-level-style-bullet text:level=\"1\" "
            "text:bullet-char=\"\u2022\"/></text:list-style>");
        const QString text = QStringLiteral(
            "<text:h text:outline-level=\"1\">Odt title</text:h><text:h text:outline-level=\"2\">Odt part</text:h>"
            "<text:list text:style-name=\"Numbers\"><text:list-item><text:p>First</text:p><text:list>"
            "<text:list-item><text:p>Nested</text:p></text:list-item></text:list></text:list-item><text:list-item>"
            "<text:p>Second</text:p></text:list-item></text:list>"
            "<text:list text:style-name=\"Bullets\"><text:list-item><text:p>Dot</text:p></text:list-item></text:list>"
            "<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"3\"/><table:table-row>"
            "<table:table-cell table:number-columns-spanned=\"2\"><text:p>Span</text:p></table:table-cell>"
            "<table:covered-table-cell/><table:table-cell><text:p>C1</text:p></table:table-cell></table:table-row>"
            "<table:table-row><table:table-cell><text:p>A2</text:p></table:table-cell><table:table-cell><text:p>B2"
            "</text:p></table:table-cell><table:table-cell><text:p>C2</text:p></table:table-cell></table:table-row>"
            "</table:table><text:p>After <text:a xlink:href=\"https://example.org/odt\" "
            "xmlns:xlink=\"http://www.w3.org/1999/xlink\">the link</text:a></text:p>");
        const QString path = writeFile(m_dir, QStringLiteral("semantic.odt"), odt(styles, text));
        const Export out = exportDocument(path, m_dir.filePath(QStringLiteral("odt")), {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const QByteArray html = out.page(1);
        QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
        QVERIFY2(
            QRegularExpression(QStringLiteral("<h1>(<[^>]*>)*Odt title")).match(QString::fromUtf8(html)).hasMatch(),
            html.constData());
        const QRegularExpression list(
            QStringLiteral("<ol[^>]*>\\s*<li><span class=\"folio-marker\">1\\.</span> First\\s*<ol[^>]*>\\s*<li><span "
                           "class=\"folio-marker\">a\\)</span> Nested</li>\\s*</ol>\\s*</li>\\s*<li><span "
                           "class=\"folio-marker\">2\\.</span> Second</li>\\s*</ol>\\s*<ul[^>]*>\\s*<li><span "
                           "class=\"folio-marker\">\u2022</span> Dot</li>\\s*</ul>"));
        QVERIFY2(list.match(QString::fromUtf8(html)).hasMatch(), html.constData());
        // The covered cell after a span takes the spanned column: three columns, none empty.
        QVERIFY2(html.contains("<td colspan=\"2\">Span</td><td>C1</td></tr>"), html.constData());
        QVERIFY(html.contains("<td>A2</td><td>B2</td><td>C2</td>"));
        QVERIFY(html.contains("<a href=\"https://example.org/odt\">the link</a>"));
        // Outline level 2 is a second-level heading.
        QVERIFY2(QRegularExpression(QStringLiteral("<h2>(<[^>]*>)*Odt part")).match(QString::fromUtf8(html)).hasMatch(),
            html.constData());
    }

    void embeddedPagesReferenceNothingOutside()
    {
        const QString docx = writeFile(m_dir, QStringLiteral("embedded.docx"), richDocx().bytes());
        const QString directory = m_dir.filePath(QStringLiteral("embedded"));
        const Export out = exportDocument(docx, directory, {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const QByteArray html = out.page(1);
        const QStringList sources = attributeValues(html, QStringLiteral("src"));
        QVERIFY(!sources.isEmpty());
        for (const QString &source : sources) {
            QVERIFY2(source.startsWith(QLatin1String("data:image/")), qPrintable(source.left(60)));
            QVERIFY(!decodeDataUri(source).isNull());
        }
        const QString text = QString::fromUtf8(html);
        for (const auto &match : QRegularExpression(QStringLiteral("url\\(\\s*['\"]?([^)'\"]*)")).globalMatch(text))
            QVERIFY2(match.captured(1).startsWith(QLatin1String("data:")), qPrintable(match.captured(0)));
        QVERIFY(!text.contains(QLatin1String("<link")));
        QVERIFY(!text.contains(QLatin1String("<script")));
        QVERIFY(!text.contains(QLatin1String("@import")));
        // Links to pages are the document's own and other exported pages only.
        for (const QString &href : attributeValues(html, QStringLiteral("href")))
            QVERIFY2(href == QLatin1String("https://example.org/") || href.startsWith(QLatin1String("page-")),
                qPrintable(href));
        QCOMPARE(entries(directory), QStringList {QStringLiteral("page-1.html")});
    }

    void externalPicturesAreWrittenOnceAndShared()
    {
        Docx docx;
        docx.parts.append({QStringLiteral("media/red.png"), redPng()});
        docx.rels = {{QStringLiteral("rIdImg"), QStringLiteral("image"), QStringLiteral("media/red.png")}};
        const QString picture
            = QStringLiteral("<w:p>%1</w:p>").arg(inlinePicture(QStringLiteral("rIdImg"), 914400, 685800));
        docx.body = para(QStringLiteral("Page one")) + picture + pageBreak() + para(QStringLiteral("Page two"))
            + picture + pageBreak() + para(QStringLiteral("Page three has none"));
        const QString path = writeFile(m_dir, QStringLiteral("shared.docx"), docx.bytes());
        const QString directory = m_dir.filePath(QStringLiteral("external"));
        ExportOptions options;
        options.resources = ExportOptions::Resources::External;
        const Export out = exportDocument(path, directory, options);
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        QVERIFY(QFileInfo(QDir(directory).filePath(QStringLiteral("resources"))).isDir());

        QSet<QString> referenced;
        QStringList perPage;
        for (int number = 1; number <= 3; ++number) {
            const QByteArray html = out.page(number);
            QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
            const QStringList sources = attributeValues(html, QStringLiteral("src"));
            for (const QString &source : sources) {
                QVERIFY2(source.startsWith(QLatin1String("resources/")), qPrintable(source));
                QVERIFY2(QFileInfo::exists(QDir(directory).filePath(source)), qPrintable(source));
                QVERIFY(!QImage(QDir(directory).filePath(source)).isNull());
                referenced.insert(source);
            }
            perPage.append(sources.join(u' '));
            QVERIFY(!html.contains("data:"));
        }
        // The same picture on pages 1 and 2 is one file; page 3 has none.
        QCOMPARE(perPage[0], perPage[1]);
        QVERIFY(!perPage[0].isEmpty());
        QVERIFY(perPage[2].isEmpty());
        QStringList files;
        for (const QString &file : QDir(QDir(directory).filePath(QStringLiteral("resources")))
                                       .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot))
            files.append(QStringLiteral("resources/") + file);
        QCOMPARE(QSet<QString>(files.begin(), files.end()), referenced);
        QCOMPARE(files.size(), 1);
        // The result lists pages, then resources.
        QCOMPARE(out.result->size(), 4);
        QCOMPARE(out.result->last(), QDir(directory).filePath(files.first()));
        // Navigation between the exported pages.
        const QByteArray second = out.page(2);
        QVERIFY(second.contains("<a href=\"page-1.html\" rel=\"prev\">"));
        QVERIFY(second.contains("<a href=\"page-3.html\" rel=\"next\">"));
        QVERIFY(!out.page(1).contains("rel=\"prev\""));
    }

    void markdownIsSemantic()
    {
        const QString path = writeFile(m_dir, QStringLiteral("notes.md"),
            "# Notes title\n\nSome *emphasis* and **strength** and `code`.\n\n## Second level\n\n"
            "- apple\n- banana\n  - nested berry\n\n1. one\n2. two\n\n"
            "| Name | Value |\n|------|-------|\n| x | 1 |\n\n```\nint main();\nreturn 0;\n```\n\n"
            "[link](https://example.org/md) and [bad](javascript:void(0))\n");
        const Export out = exportDocument(path, m_dir.filePath(QStringLiteral("markdown")), {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const QByteArray html = out.page(1);
        QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
        QVERIFY2(html.contains("<h1>Notes title</h1>"), html.constData());
        QVERIFY(html.contains("<h2>Second level</h2>"));
        QVERIFY(html.contains("<em>emphasis</em>"));
        QVERIFY(html.contains("<strong>strength</strong>"));
        QVERIFY(html.contains("<code>code</code>"));
        const QRegularExpression bullets(QStringLiteral(
            "<ul>\\s*<li>apple</li>\\s*<li>banana\\s*<ul[^>]*>\\s*<li>nested berry</li>\\s*</ul>\\s*</li>\\s*</ul>"));
        QVERIFY2(bullets.match(QString::fromUtf8(html)).hasMatch(), html.constData());
        QVERIFY(QRegularExpression(QStringLiteral("<ol>\\s*<li>one</li>\\s*<li>two</li>\\s*</ol>"))
                    .match(QString::fromUtf8(html))
                    .hasMatch());
        QVERIFY2(QRegularExpression(QStringLiteral("<t[hd]>(<strong>)?Name(</strong>)?</t[hd]>"))
                     .match(QString::fromUtf8(html))
                     .hasMatch(),
            html.constData());
        QVERIFY(html.contains("<td>x</td><td>1</td>"));
        QVERIFY2(html.contains("<pre><code>int main();\nreturn 0;</code></pre>"), html.constData());
        QVERIFY(html.contains("<a href=\"https://example.org/md\">link</a>"));
        QVERIFY(!html.contains("javascript:"));
    }

    // A compressed Markdown file is the same document: it stays semantic.
    void compressedMarkdownIsSemantic()
    {
        const QString path
            = writeFile(m_dir, QStringLiteral("packed.md.gz"), test::gzip("# Packed title\n\n- first\n- second\n"));
        const Export out = exportDocument(path, m_dir.filePath(QStringLiteral("packed")), {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const QByteArray html = out.page(1);
        QVERIFY2(html.contains("<h1>Packed title</h1>"), html.constData());
        QVERIFY(QRegularExpression(QStringLiteral("<ul>\\s*<li>first</li>\\s*<li>second</li>\\s*</ul>"))
                    .match(QString::fromUtf8(html))
                    .hasMatch());
        QVERIFY(!html.contains("class=\"folio-text\""));
    }

    void plainTextIsPreformatted()
    {
        const QString path
            = writeFile(m_dir, QStringLiteral("plain.txt"), "First line <tag> & \"quotes\"\n    indented line\n");
        const Export out = exportDocument(path, m_dir.filePath(QStringLiteral("plain")), {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const QByteArray html = out.page(1);
        QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
        QVERIFY(html.contains("<pre>First line &lt;tag&gt; &amp; &quot;quotes&quot;\n    indented line"));
        QCOMPARE(textOfClass(html, QStringLiteral("folio-plain")).trimmed(),
            QStringLiteral("First line <tag> & \"quotes\"\n    indented line"));
    }

    void pdfPagesHaveImageAndTextLayer_data()
    {
        QTest::addColumn<int>("rotation");
        QTest::newRow("upright") << 0;
        QTest::newRow("turned") << 90;
    }

    void pdfPagesHaveImageAndTextLayer()
    {
        QFETCH(int, rotation);
        const QString pdf = folio::test::dataFile(QStringLiteral("two-pages.pdf"));
        QVERIFY(!pdf.isEmpty());
        const QString directory = m_dir.filePath(QStringLiteral("pdf-%1").arg(rotation));
        ExportOptions options;
        options.dpi = 50;
        options.rotation = rotation;
        const Export out = exportDocument(pdf, directory, options);
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const QStringList expected {QStringLiteral("Hello Folio page one"), QStringLiteral("Second page landscape")};
        // Letter portrait, then A4 landscape (points).
        const QList<QSizeF> sizes {QSizeF(612, 792), QSizeF(842, 595)};
        for (int number = 1; number <= 2; ++number) {
            const QByteArray html = out.page(number);
            QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
            QVERIFY2(
                html.contains("<title>Folio test – page " + QByteArray::number(number) + "</title>"), html.constData());
            const QStringList sources = attributeValues(html, QStringLiteral("src"));
            QCOMPARE(sources.size(), 1);
            const QImage image = decodeDataUri(sources.first());
            QVERIFY(!image.isNull());
            QSizeF size = sizes[number - 1];
            if (rotation % 180 != 0)
                size.transpose();
            QVERIFY2(qAbs(image.width() - size.width() * 50 / 72) <= 1, qPrintable(QString::number(image.width())));
            QVERIFY2(qAbs(image.height() - size.height() * 50 / 72) <= 1, qPrintable(QString::number(image.height())));
            // The page box is the page's size in CSS pixels (two decimals at most), as shown.
            const QRegularExpression box(QStringLiteral("class=\"folio-page folio-fixed\" style=\"width:([0-9.]+)px;"
                                                        "height:([0-9.]+)px\""));
            const auto boxMatch = box.match(QString::fromUtf8(html));
            QVERIFY(boxMatch.hasMatch());
            QVERIFY(qAbs(boxMatch.captured(1).toDouble() - size.width() * 96 / 72) < 0.01);
            QVERIFY(qAbs(boxMatch.captured(2).toDouble() - size.height() * 96 / 72) < 0.01);
            // The text layer holds the words, one span each, with spaces between them.
            const QString layer = textOfClass(html, QStringLiteral("folio-text"));
            QCOMPARE(layer.simplified(), expected[number - 1]);
            QCOMPARE(html.count("<span style=\"left:"), expected[number - 1].count(u' ') + 1);
            QVERIFY(html.contains("color:transparent"));
            QCOMPARE(html.contains("rotate(90deg)"), rotation == 90);
        }
    }

    void pagesHoldOnlyTheirOwnText()
    {
        // Short one-line paragraphs, never cut, then a long paragraph that a page break cuts.
        Docx docx;
        QStringList markers;
        for (int i = 0; i < 120; ++i) {
            markers.append(QStringLiteral("Mark%1x").arg(i, 3, 10, QLatin1Char('0')));
            docx.body += para(QStringLiteral("Paragraph %1 stands on its own line.").arg(markers.last()));
        }
        QStringList words;
        for (int i = 0; i < 1500; ++i)
            words.append(QStringLiteral("w%1z").arg(i, 4, 10, QLatin1Char('0')));
        docx.body += para(words.join(u' '));
        const QString path = writeFile(m_dir, QStringLiteral("long.docx"), docx.bytes());
        const QString directory = m_dir.filePath(QStringLiteral("long"));
        const Export out = exportDocument(path, directory, {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const int pages = int(out.result->size());
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
        QStringList texts;
        for (int number = 1; number <= pages; ++number) {
            const QByteArray html = out.page(number);
            QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
            texts.append(bodyText(html));
        }
        QVERIFY(texts[0].contains(markers.first()));
        QVERIFY(!texts[1].contains(markers.first()));
        QVERIFY(!texts[0].contains(markers.last()));
        for (const QStringList &tokens : {markers, words}) {
            for (const QString &token : tokens) {
                int count = 0;
                for (const QString &text : std::as_const(texts))
                    count += int(text.count(token));
                QVERIFY2(count == 1, qPrintable(QStringLiteral("%1 appears %2 times").arg(token).arg(count)));
            }
        }
        // The long paragraph runs over several pages, a part on each, in order.
        int pagesWithWords = 0;
        for (const QString &text : std::as_const(texts))
            pagesWithWords += text.contains(QLatin1String("w0")) || text.contains(QLatin1String("w1"));
        QVERIFY2(pagesWithWords >= 2, qPrintable(QString::number(pagesWithWords)));
        QVERIFY(texts.last().contains(words.last()));
    }

    void longTableContinuesWithItsHeader()
    {
        Docx docx;
        const auto cell = [](const QString &text) { return QStringLiteral("<w:tc>%1</w:tc>").arg(para(text)); };
        QString rows = QStringLiteral("<w:tr><w:trPr><w:tblHeader/></w:trPr>%1%2</w:tr>")
                           .arg(cell(QStringLiteral("Key")), cell(QStringLiteral("Value")));
        for (int i = 0; i < 150; ++i)
            rows += QStringLiteral("<w:tr>%1%2</w:tr>")
                        .arg(cell(QStringLiteral("k%1q").arg(i, 3, 10, QLatin1Char('0'))),
                            cell(QStringLiteral("v%1q").arg(i, 3, 10, QLatin1Char('0'))));
        docx.body = para(QStringLiteral("Before the table"))
            + QStringLiteral("<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>%1"
                             "</w:tbl>")
                  .arg(rows)
            + para(QStringLiteral("After the table"));
        const QString path = writeFile(m_dir, QStringLiteral("table.docx"), docx.bytes());
        const Export out = exportDocument(path, m_dir.filePath(QStringLiteral("table")), {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const int pages = int(out.result->size());
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        QString all;
        for (int number = 1; number <= pages; ++number) {
            const QByteArray html = out.page(number);
            QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
            // Every page of the table starts with its header row, as the layout draws it.
            QVERIFY2(html.contains("<thead>\n<tr><th>Key</th><th>Value</th></tr>\n</thead>"), html.constData());
            QCOMPARE(html.count("<table>"), 1);
            all += bodyText(html);
        }
        for (int i = 0; i < 150; ++i) {
            for (const char *prefix : {"k", "v"}) {
                const QString token = QLatin1String(prefix) + QStringLiteral("%1q").arg(i, 3, 10, QLatin1Char('0'));
                QVERIFY2(all.count(token) == 1, qPrintable(token));
            }
        }
        QCOMPARE(all.count(QLatin1String("Before the table")), 1);
        QCOMPARE(all.count(QLatin1String("After the table")), 1);
        QVERIFY(bodyText(out.page(pages)).contains(QLatin1String("After the table")));
    }

    void framesAndNestedTablesAppearOnce()
    {
        // A table first (with a table in a cell), a text box in a paragraph, a table last.
        Docx docx;
        const QString inner = QStringLiteral("<w:tbl><w:tr><w:tc>%1</w:tc><w:tc>%2</w:tc></w:tr></w:tbl>")
                                  .arg(para(QStringLiteral("Inner one")), para(QStringLiteral("Inner two")));
        docx.body = QStringLiteral("<w:tbl><w:tr><w:tc>%1</w:tc><w:tc>%2%3</w:tc></w:tr></w:tbl>")
                        .arg(para(QStringLiteral("Outer cell")), para(QStringLiteral("Holds a table")),
                            inner + para(QString()))
            + QStringLiteral(
                "<w:p><w:r><w:t>Anchor paragraph</w:t></w:r><w:r><w:drawing><wp:anchor><wp:extent "
                "cx=\"2000000\" cy=\"500000\"/><a:graphic><a:graphicData><wps:wsp "
                "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:txbx>"
                "<w:txbxContent><w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
                "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>")
            + para(QStringLiteral("Middle paragraph"))
            + QStringLiteral("<w:tbl><w:tr><w:tc>%1</w:tc></w:tr></w:tbl>").arg(para(QStringLiteral("Last cell")));
        const QString path = writeFile(m_dir, QStringLiteral("frames.docx"), docx.bytes());
        const Export out = exportDocument(path, m_dir.filePath(QStringLiteral("frames")), {});
        QVERIFY2(out.result, qPrintable(out.result.status().message()));
        const QByteArray html = out.page(1);
        QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
        const QString text = bodyText(html);
        for (const char *words : {"Outer cell", "Holds a table", "Inner one", "Inner two", "Anchor paragraph",
                 "Boxed words", "Middle paragraph", "Last cell"})
            QVERIFY2(text.count(QLatin1String(words)) == 1, qPrintable(QLatin1String(words) + u'\n' + text));
        QCOMPARE(html.count("<table>"), 3);
        QVERIFY(html.indexOf("Inner two") < html.indexOf("Anchor paragraph"));
        QVERIFY(html.indexOf("Middle paragraph") < html.indexOf("Last cell"));
    }

    void watermarkOnlyWhenAsked_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("docx") << QStringLiteral("docx");
        QTest::newRow("pdf") << QStringLiteral("pdf");
        QTest::newRow("text") << QStringLiteral("text");
    }

    void watermarkOnlyWhenAsked()
    {
        QFETCH(QString, file);
        QString path;
        if (file == QLatin1String("docx"))
            path = writeFile(m_dir, QStringLiteral("mark.docx"), richDocx().bytes());
        else if (file == QLatin1String("pdf"))
            path = folio::test::dataFile(QStringLiteral("two-pages.pdf"));
        else
            path = writeFile(m_dir, QStringLiteral("mark.txt"), "Some text\n");
        ExportOptions options;
        options.dpi = 40;
        const Export plain = exportDocument(path, m_dir.filePath(QStringLiteral("nomark-") + file), options, {0});
        QVERIFY2(plain.result, qPrintable(plain.result.status().message()));
        QVERIFY(!plain.page(1).contains("Confidential draft"));
        QVERIFY(!plain.page(1).contains("folio-watermark\""));
        options.watermark.text = QStringLiteral("Confidential draft");
        const Export marked = exportDocument(path, m_dir.filePath(QStringLiteral("mark-") + file), options, {0});
        QVERIFY2(marked.result, qPrintable(marked.result.status().message()));
        const QByteArray html = marked.page(1);
        QVERIFY2(xmlError(html).isEmpty(), qPrintable(xmlError(html)));
        QCOMPARE(textOfClass(html, QStringLiteral("folio-watermark")), QStringLiteral("Confidential draft"));
        QVERIFY(html.contains("rotate(-45deg)"));
        QVERIFY(html.contains("pointer-events:none"));
    }

    void commentsOnlyWithTheOption()
    {
        Docx docx;
        docx.parts.append({QStringLiteral("comments.xml"),
            wordPart("comments",
                QStringLiteral("<w:comment w:id=\"0\" w:author=\"Ann\"><w:p><w:r><w:t>Please check the figures."
                               "</w:t></w:r></w:p></w:comment>"))});
        docx.body = QStringLiteral("<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Reviewed text</w:t></w:r>"
                                   "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>");
        const QString path = writeFile(m_dir, QStringLiteral("comments.docx"), docx.bytes());
        const Export without = exportDocument(path, m_dir.filePath(QStringLiteral("no-comments")), {});
        QVERIFY2(without.result, qPrintable(without.result.status().message()));
        QVERIFY(without.page(1).contains("Reviewed text"));
        QVERIFY(!without.page(1).contains("Please check"));
        OpenOptions open;
        open.renderOptions = RenderOption::RenderComments;
        const Export with = exportDocument(path, m_dir.filePath(QStringLiteral("comments")), {}, {}, open);
        QVERIFY2(with.result, qPrintable(with.result.status().message()));
        QString all;
        for (int number = 1; number <= with.result->size(); ++number)
            all += bodyText(with.page(number));
        QVERIFY2(all.contains(QLatin1String("Ann: Please check the figures.")), qPrintable(all));
    }

    void cancelledExportLeavesNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("before");
        QTest::addColumn<bool>("external");
        QTest::newRow("before, docx") << QStringLiteral("docx") << true << false;
        QTest::newRow("during, docx, external") << QStringLiteral("docx") << false << true;
        QTest::newRow("during, pdf") << QStringLiteral("pdf") << false << false;
    }

    void cancelledExportLeavesNothing()
    {
        QFETCH(QString, file);
        QFETCH(bool, before);
        QFETCH(bool, external);
        QString path = folio::test::dataFile(QStringLiteral("two-pages.pdf"));
        if (file == QLatin1String("docx")) {
            Docx docx = richDocx();
            docx.body += pageBreak() + para(QStringLiteral("Second page"));
            docx.rels.append({QStringLiteral("rIdImg2"), QStringLiteral("image"), QStringLiteral("media/red.png")});
            path = writeFile(m_dir, QStringLiteral("cancel.docx"), docx.bytes());
        }
        // An existing folder with a file of its own, which must stay as it was.
        QTemporaryDir target;
        QFile own(target.filePath(QStringLiteral("keep.txt")));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write("mine");
        own.close();

        CancellationSource source;
        if (before)
            source.cancel();
        int reported = 0;
        const ProgressCallback progress = [&](qint64 done, qint64 total) {
            reported = int(done);
            QCOMPARE(total, qint64(2));
            source.cancel(); // after the first page
        };
        ExportOptions options;
        options.dpi = 40;
        if (external)
            options.resources = ExportOptions::Resources::External;
        const Export out = exportDocument(path, target.path(), options, {0, 1}, {}, source.token(), progress);
        QVERIFY(!out.result);
        QCOMPARE(out.result.status().code(), StatusCode::Canceled);
        QCOMPARE(reported, before ? 0 : 1);
        QCOMPARE(entries(target.path()), QStringList {QStringLiteral("keep.txt")});

        // A folder the export creates is removed again.
        const QString fresh = target.filePath(QStringLiteral("fresh"));
        CancellationSource second;
        const Export again = exportDocument(
            path, fresh, options, {0, 1}, {}, second.token(), [&](qint64, qint64) { second.cancel(); });
        QCOMPARE(again.result.status().code(), StatusCode::Canceled);
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void missingPageIsRefused()
    {
        const QString pdf = folio::test::dataFile(QStringLiteral("two-pages.pdf"));
        QTemporaryDir target;
        const QString directory = target.filePath(QStringLiteral("out"));
        const Export out = exportDocument(pdf, directory, {}, {0, 2});
        QVERIFY(!out.result);
        QCOMPARE(out.result.status().code(), StatusCode::InvalidArgument);
        QVERIFY2(out.result.status().message().contains(QLatin1String("3")), qPrintable(out.result.status().message()));
        QVERIFY(!QFileInfo::exists(directory));
        QCOMPARE(entries(target.path()), QStringList());

        Viewer closed;
        const auto none = HtmlExporter::exportPages(closed, {0}, directory, {}, {});
        QCOMPARE(none.status().code(), StatusCode::InvalidArgument);
        QVERIFY(!QFileInfo::exists(directory));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestHtmlExporter)
#include "tst_htmlexporter.moc"
