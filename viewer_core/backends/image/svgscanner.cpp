// SPDX-License-Identifier: GPL-3.0-or-later
#include "svgscanner.h"

#include <QBuffer>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

namespace folio::image {

namespace {

// Tokens between two polls of the cancellation token: cheap, and well under a millisecond.
constexpr int pollInterval = 1024;

bool isStylesheetInstruction(const QXmlStreamReader &xml)
{
    return xml.tokenType() == QXmlStreamReader::ProcessingInstruction
        && xml.processingInstructionTarget() == QLatin1String("xml-stylesheet");
}

bool isImageElement(const QXmlStreamReader &xml)
{
    return xml.tokenType() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("image");
}

// QtSvg decodes data: URIs itself and hands anything else to QImage as a file name (relative ones
// against the working directory). Every href form counts: QtSvg 6.4 reads xlink:href only, later
// versions plain href too.
bool isExternalHref(const QXmlStreamAttribute &attribute)
{
    return attribute.name() == QLatin1String("href")
        && !attribute.value().trimmed().startsWith(QLatin1String("data:"), Qt::CaseInsensitive);
}

int externalHrefs(const QXmlStreamReader &xml)
{
    if (!isImageElement(xml))
        return 0;
    const QXmlStreamAttributes attributes = xml.attributes();
    return int(std::count_if(attributes.cbegin(), attributes.cend(), isExternalHref));
}

Status syntaxError(const QXmlStreamReader &xml)
{
    return {StatusCode::Corrupt,
        SvgScanner::tr("Invalid SVG at line %1, column %2: %3")
            .arg(xml.lineNumber())
            .arg(xml.columnNumber())
            .arg(xml.errorString())};
}

} // namespace

Result<SvgRoot> SvgScanner::scan(const QByteArray &data, const Limits &limits, const CancellationToken &token)
{
    QXmlStreamReader xml(data);
    SvgRoot root;
    int depth = 0;
    int titleDepth = 0; // depth of the root's first <title> while inside it
    bool titleDone = false;
    for (qint64 tokens = 0; !xml.atEnd(); ++tokens) {
        if (tokens % pollInterval == 0 && token.isCancelled())
            return Status::fromToken(token);
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            if (++depth > limits.maxXmlDepth)
                return Status(StatusCode::LimitExceeded,
                    tr("The SVG nests elements deeper than the limit of %1 levels").arg(limits.maxXmlDepth));
            if (depth == 1) {
                if (xml.name() != QLatin1String("svg"))
                    return Status(StatusCode::Corrupt,
                        tr("Not an SVG document: the root element is <%1>").arg(xml.qualifiedName()));
                const QXmlStreamAttributes attributes = xml.attributes();
                root.width = attributes.value(QLatin1String("width")).toString();
                root.height = attributes.value(QLatin1String("height")).toString();
                root.viewBox = attributes.value(QLatin1String("viewBox")).toString();
            } else if (depth == 2 && !titleDone && xml.name() == QLatin1String("title")) {
                titleDepth = depth;
            }
            root.externalReferences += externalHrefs(xml);
            break;
        case QXmlStreamReader::EndElement:
            if (depth == titleDepth) {
                titleDepth = 0;
                titleDone = true;
                root.title = root.title.simplified();
            }
            --depth;
            break;
        case QXmlStreamReader::Characters:
            if (titleDepth > 0 && root.title.size() < 1000)
                root.title += xml.text();
            break;
        case QXmlStreamReader::ProcessingInstruction:
            if (isStylesheetInstruction(xml))
                ++root.externalReferences;
            break;
        default:
            break;
        }
    }
    if (xml.hasError())
        return syntaxError(xml);
    return root;
}

Result<QByteArray> SvgScanner::withoutExternalReferences(const QByteArray &data, const CancellationToken &token)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamReader xml(data);
    QXmlStreamWriter writer(&buffer);
    for (qint64 tokens = 0; !xml.atEnd(); ++tokens) {
        if (tokens % pollInterval == 0 && token.isCancelled())
            return Status::fromToken(token);
        xml.readNext();
        if (xml.hasError())
            break;
        if (isStylesheetInstruction(xml))
            continue;
        if (!isImageElement(xml)) {
            writer.writeCurrentToken(xml);
            continue;
        }
        // What writeCurrentToken() does for a start element, minus the offending attributes.
        writer.writeStartElement(xml.namespaceUri().toString(), xml.name().toString());
        const QXmlStreamNamespaceDeclarations declarations = xml.namespaceDeclarations();
        for (const QXmlStreamNamespaceDeclaration &declaration : declarations)
            writer.writeNamespace(declaration.namespaceUri().toString(), declaration.prefix().toString());
        const QXmlStreamAttributes attributes = xml.attributes();
        for (const QXmlStreamAttribute &attribute : attributes) {
            if (!isExternalHref(attribute))
                writer.writeAttribute(attribute);
        }
    }
    if (xml.hasError())
        return syntaxError(xml);
    return out;
}

} // namespace folio::image
