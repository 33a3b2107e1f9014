// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Office packages (OOXML and OpenDocument) written by the tests themselves with KZip, so every
// fixture is generated at test time from the XML in the test.

#include <KCompressionDevice>
#include <KZip>

#include <QBuffer>
#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace folio::test {

using Parts = QList<std::pair<QString, QByteArray>>;

// A ZIP of `parts` in the given order. ODF wants its "mimetype" part first and stored: pass it
// first; it is always stored uncompressed.
inline QByteArray zipParts(const Parts &parts)
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    {
        KZip zip(&buffer);
        zip.setExtraField(KZip::NoExtraField);
        if (!zip.open(QIODevice::WriteOnly))
            return {};
        for (const auto &[path, data] : parts) {
            zip.setCompression(path == QLatin1String("mimetype") ? KZip::NoCompression : KZip::DeflateCompression);
            zip.writeFile(path, data);
        }
        zip.close();
    }
    return buffer.data();
}

// OOXML [Content_Types].xml for the main part `mainPart` of content type `mainType`, with the
// defaults every package needs (rels, xml, common image types).
inline QByteArray contentTypes(const QString &mainPart, const QString &mainType, const Parts &overrides = {})
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\n"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>\n"
        "<Default Extension=\"png\" ContentType=\"image/png\"/>\n"
        "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>\n"
        "";
    xml += "<Override PartName=\"/" + mainPart.toUtf8() + "\" ContentType=\"" + mainType.toUtf8() + "\"/>\n";
    for (const auto &[part, type] : overrides)
        xml += "<Override PartName=\"/" + part.toUtf8() + "\" ContentType=\"" + type + "\"/>\n";
    xml += "</Types>\n";
    return xml;
}

// A .rels part: (id, type suffix, target) triples; type suffixes are appended to the Transitional
// relationship namespace ("officeDocument", "image", "styles", ...).
inline QByteArray relationships(const QList<std::tuple<QString, QString, QString>> &items)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
        "";
    for (const auto &[id, type, target] : items) {
        xml += "<Relationship Id=\"" + id.toUtf8()
            + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type.toUtf8()
            + "\" Target=\"" + target.toUtf8() + "\"";
        if (target.startsWith(QLatin1String("http")))
            xml += " TargetMode=\"External\"";
        xml += "/>\n";
    }
    xml += "</Relationships>\n";
    return xml;
}

// ODF META-INF/manifest.xml listing `parts` (the root entry included).
inline QByteArray odfManifest(const QString &mimeType, const QStringList &parts)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
        "";
    xml += "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimeType.toUtf8() + "\"/>\n";
    for (const QString &part : parts)
        xml += "<manifest:file-entry manifest:full-path=\"" + part.toUtf8() + "\" manifest:media-type=\"text/xml\"/>\n";
    xml += "</manifest:manifest>\n";
    return xml;
}

// The namespaces a WordprocessingML part's root declares in these fixtures.
inline const char *const WordNamespaces
    = " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
      " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
      " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
      " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
      " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
      " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
      " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";

// A WordprocessingML part: <w:ROOT> with the namespaces around `content`.
inline QByteArray wordPart(const char *root, const QString &content)
{
    return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:") + root + WordNamespaces
        + ">" + content.toUtf8() + "</w:" + root + ">";
}

// A DOCX: `body` inside w:body; `parts` added as word/<path>, each with a relationship of the type
// its file is named after (styles, numbering, footnotes, comments...) except pictures (media/)
// and headers and footers, which the body refers to through the ids `rels` gives them.
struct Docx
{
    QString body;
    QList<std::pair<QString, QByteArray>> parts; // path under word/, content
    QList<std::tuple<QString, QString, QString>> rels; // id, type, target
    QByteArray documentOverride; // the whole document.xml when set

    QByteArray bytes() const
    {
        Parts zip;
        zip.append({QStringLiteral("[Content_Types].xml"),
            contentTypes(QStringLiteral("word/document.xml"),
                QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))});
        zip.append({QStringLiteral("_rels/.rels"),
            relationships(
                {{QStringLiteral("rId1"), QStringLiteral("officeDocument"), QStringLiteral("word/document.xml")}})});
        zip.append({QStringLiteral("word/document.xml"),
            documentOverride.isEmpty()
                ? wordPart("document", QStringLiteral("<w:body>") + body + QStringLiteral("</w:body>"))
                : documentOverride});
        QList<std::tuple<QString, QString, QString>> all = rels;
        int next = 100;
        for (const auto &[path, data] : parts) {
            zip.append({QStringLiteral("word/") + path, data});
            if (!path.startsWith(QLatin1String("media/")) && !path.startsWith(QLatin1String("header"))
                && !path.startsWith(QLatin1String("footer")))
                all.append({QStringLiteral("rId%1").arg(next++), path.section(u'.', 0, 0), path});
        }
        zip.append({QStringLiteral("word/_rels/document.xml.rels"), relationships(all)});
        return zipParts(zip);
    }
};

// One paragraph of one run; `properties` go into w:pPr.
inline QString wordParagraph(const QString &text, const QString &properties = {})
{
    return QStringLiteral("<w:p>%1<w:r><w:t xml:space=\"preserve\">%2</w:t></w:r></w:p>")
        .arg(properties.isEmpty() ? QString() : QStringLiteral("<w:pPr>%1</w:pPr>").arg(properties),
            text.toHtmlEscaped());
}

// `data` gzip-compressed, for the single compressed files Folio opens (.txt.gz, .md.gz).
inline QByteArray gzip(const QByteArray &data)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
        if (!device.open(QIODevice::WriteOnly) || device.write(data) != data.size())
            return {};
    }
    return buffer.data();
}

} // namespace folio::test
