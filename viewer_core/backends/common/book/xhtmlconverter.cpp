// SPDX-License-Identifier: GPL-3.0-or-later
#include "xhtmlconverter.h"

#include "backends/common/html/lenienthtml.h"
#include "backends/common/safexml.h"
#include "book.h"
#include "booklogging.h"
#include "bookstyle.h"

#include <QRegularExpression>

#include <utility>

namespace folio::book {

namespace {

constexpr int MaxTagDepth = 64; // deeper elements keep their text, not their tags
constexpr int MaxTableNesting = 4; // deeper tables become plain blocks

const QString ImageScheme = QStringLiteral("epub-image");
const QString XlinkNamespace = QStringLiteral("http://www.w3.org/1999/xlink");
// EPUB's own attributes and elements (epub:switch).
const QString EpubOpsNamespace = QStringLiteral("http://www.idpf.org/2007/ops");

enum class Role {
    Container, // block that may be cut between pieces (div, section, body)
    Block,
    Table, // table, rows, cells
    Inline,
    Break, // br, hr
    Transparent, // unknown or unsupported: no tag, the text stays
    Skip, // the element and its content go
};

struct Mapping
{
    QString tag;
    Role role;
};

Mapping mappingFor(const QString &name)
{
    static const QHash<QString, Mapping> table = [] {
        QHash<QString, Mapping> map;
        const auto add = [&map](std::initializer_list<const char *> names, Role role, const char *tag = nullptr) {
            for (const char *name : names)
                map.insert(QLatin1String(name), {tag ? QLatin1String(tag) : QLatin1String(name), role});
        };
        add({"div"}, Role::Container);
        add({"section", "article", "main", "header", "footer", "aside", "nav", "hgroup"}, Role::Container, "div");
        add({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "center",
                "address"},
            Role::Block);
        add({"figure", "figcaption", "details", "summary", "legend", "fieldset"}, Role::Block, "div");
        add({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}, Role::Table);
        add({"a", "span", "em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "big",
                "code", "tt", "kbd", "samp", "var", "cite", "abbr", "acronym", "dfn", "font", "q"},
            Role::Inline);
        add({"mark", "time", "bdi", "bdo", "data", "label", "output"}, Role::Inline, "span");
        add({"br", "hr"}, Role::Break);
        add({"script", "template", "embed", "video", "audio", "iframe", "canvas", "button", "input", "select",
                "textarea", "map", "area", "source", "track", "annotation", "annotation-xml", "param"},
            Role::Skip);
        return map;
    }();
    return table.value(name, Mapping {QString(), Role::Transparent});
}

bool isSafeName(QStringView value)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z][A-Za-z0-9]{0,31}$"));
    return pattern.match(value).hasMatch();
}

QString cleanClasses(const QString &value)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_ -]"));
    QString classes = value;
    classes.remove(unsafe);
    return classes.simplified();
}

QString attribute(const QString &name, const QString &value)
{
    return u' ' + name + QLatin1String("=\"") + value.toHtmlEscaped() + u'"';
}

// A plain number of pixels, as in width="300"; -1 otherwise (percentages, units).
int pixelsOf(const QString &value)
{
    bool ok = false;
    const int pixels = value.trimmed().toInt(&ok);
    return ok && pixels > 0 ? pixels : -1;
}

// Undeclared entities (&nbsp;) are fatal errors in a document without an external DTD, but mere
// references in one that has it (which QXmlStreamReader never loads). Give every document one.
QByteArray withExternalSubset(const QByteArray &data)
{
    static const QByteArray doctype = "<!DOCTYPE html SYSTEM \"about:legacy-compat\">";
    if (data.startsWith("\xFE\xFF") || data.startsWith("\xFF\xFE"))
        return data; // UTF-16: leave it as it is
    const QByteArrayView head(data.constData(), std::min<qsizetype>(data.size(), 4096));
    const qsizetype existing = head.indexOf("<!DOCTYPE");
    if (existing >= 0) {
        const qsizetype end = head.indexOf('>', existing);
        if (end < 0)
            return data;
        const QByteArrayView declaration = head.sliced(existing, end - existing);
        if (declaration.contains("SYSTEM") || declaration.contains("PUBLIC") || declaration.contains('['))
            return data;
        return data.left(existing) + doctype + data.mid(end + 1);
    }
    qsizetype at = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (head.sliced(at).startsWith("<?xml")) {
        const qsizetype end = head.indexOf("?>", at);
        if (end < 0)
            return data;
        at = end + 2;
    }
    return data.left(at) + doctype + data.mid(at);
}

} // namespace

XhtmlConverter::XhtmlConverter(const QString &path, const Book &book, const StyleSheetFilter &styles,
    ImageSizer imageSizer, StyleSheetFound styleSheetFound, const CancellationToken &token)
    : m_path(path)
    , m_book(book)
    , m_styles(styles)
    , m_imageSizer(std::move(imageSizer))
    , m_styleSheetFound(std::move(styleSheetFound))
    , m_limits(book.limits())
    , m_token(token)
{ }

QString XhtmlConverter::imageUrl(const QString &path)
{
    QUrl url;
    url.setScheme(ImageScheme);
    url.setPath(u'/' + path);
    return url.toString(QUrl::FullyEncoded);
}

QString XhtmlConverter::pathOfImageUrl(const QUrl &url)
{
    if (url.scheme() != ImageScheme)
        return {};
    return url.path(QUrl::FullyDecoded).mid(1);
}

ChapterHtml XhtmlConverter::convert(const QByteArray &data, bool isHtml)
{
    ChapterHtml strict;
    if (!isHtml) {
        strict = convertXml(data);
        if (strict.status.code() != StatusCode::Corrupt || m_token.isCancelled())
            return strict;
    }
    // Not well-formed: read as a browser reads HTML, so that nothing after the error is lost.
    const Result<QByteArray> repaired = html::LenientHtml::toXhtml(data, m_path, m_token);
    if (!repaired) {
        qCInfo(lcBook) << m_path << "not readable as HTML:" << repaired.status().message();
        if (isHtml)
            strict.status = repaired.status();
        return strict;
    }
    m_chapter = {};
    m_piece.clear();
    m_blockText = 0;
    m_open.clear();
    m_tableDepth = 0;
    m_tagDepth = 0;
    ChapterHtml lenient = convertXml(*repaired);
    if (!lenient.status.isOk() && lenient.status.code() != StatusCode::Corrupt)
        return lenient; // cancelled, or over a limit
    if (!lenient.status.isOk()) {
        qCInfo(lcBook) << m_path << "repaired markup still not readable:" << lenient.status.message();
        return isHtml ? lenient : strict;
    }
    if (!isHtml)
        qCInfo(lcBook) << m_path << "is not well-formed XML (" << strict.status.message() << "); read as HTML";
    return lenient;
}

ChapterHtml XhtmlConverter::convertXml(const QByteArray &data)
{
    const QByteArray prepared = withExternalSubset(data);
    SafeXmlReader xml(prepared, m_path, m_limits, m_token);
    bool inBody = false;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        switch (type) {
        case QXmlStreamReader::StartElement: {
            const auto name = xml.xml().name();
            if (!inBody) {
                if (name == QLatin1String("head"))
                    head(xml);
                else if (name == QLatin1String("body")) {
                    inBody = true;
                    startElement(xml);
                }
                continue;
            }
            if (name == QLatin1String("style")) {
                m_chapter.inlineCss += xml.readText() + u'\n';
                continue;
            }
            startElement(xml);
            break;
        }
        case QXmlStreamReader::EndElement:
            if (inBody && !m_open.isEmpty()) {
                endElement();
                maybeCut();
            }
            break;
        case QXmlStreamReader::Characters:
            if (inBody)
                text(xml.xml().text());
            break;
        case QXmlStreamReader::EntityReference:
            // An HTML entity (&nbsp;, &mdash;): QTextDocument's HTML parser knows them all.
            if (inBody && isSafeName(xml.xml().name()))
                m_piece += u'&' + xml.xml().name().toString() + u';';
            break;
        default:
            break;
        }
    }
    m_chapter.status = xml.status();
    finishPiece();
    return std::exchange(m_chapter, ChapterHtml());
}

void XhtmlConverter::head(SafeXmlReader &xml)
{
    const int depth = xml.depth();
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.depth() < depth)
            return;
        if (type != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.xml().name();
        if (name == QLatin1String("link")) {
            const QStringList rel = xml.attribute("rel").toLower().split(u' ', Qt::SkipEmptyParts);
            const QString path = m_book.resolve(m_path, xml.attribute("href"));
            if (rel.contains(QLatin1String("stylesheet")) && !rel.contains(QLatin1String("alternate"))
                && !path.isEmpty()) {
                m_chapter.styleSheets.append(path);
                if (m_styleSheetFound)
                    m_styleSheetFound(path);
            }
        } else if (name == QLatin1String("style")) {
            m_chapter.inlineCss += xml.readText() + u'\n';
        } else {
            xml.skipElement();
        }
    }
}

void XhtmlConverter::startElement(SafeXmlReader &xml)
{
    const QString name = xml.xml().name().toString().toLower();
    // <epub:switch>: show <epub:default>, never the <epub:case> a reading system may not support.
    if (xml.xml().namespaceUri() == EpubOpsNamespace && name == QLatin1String("case")) {
        xml.skipElement();
        return;
    }
    if (name == QLatin1String("svg")) {
        svg(xml);
        return;
    }
    if (name == QLatin1String("img")) {
        image(xml.attribute("src"), xml.attribute("alt"),
            QSize(pixelsOf(xml.attribute("width")), pixelsOf(xml.attribute("height"))));
        xml.skipElement();
        return;
    }
    if (name == QLatin1String("body")) {
        open(QStringLiteral("div"), &xml, true, true);
        return;
    }
    Mapping mapping = mappingFor(name);
    if (mapping.role == Role::Skip) {
        xml.skipElement();
        return;
    }
    if (mapping.role == Role::Break) {
        m_piece += u'<' + mapping.tag + u'>';
        xml.skipElement();
        return;
    }
    const bool tooDeep = m_tagDepth >= MaxTagDepth;
    if (name == QLatin1String("tr"))
        startRow();
    if (mapping.role == Role::Table) {
        if (name == QLatin1String("table"))
            ++m_tableDepth;
        if (m_tableDepth > MaxTableNesting) // cells become blocks
            mapping = {QStringLiteral("div"), Role::Block};
    }
    if (mapping.role == Role::Transparent || tooDeep) {
        Open element;
        element.table = name == QLatin1String("table");
        m_open.append(element);
        return;
    }
    const bool block = mapping.role == Role::Container || mapping.role == Role::Block || mapping.role == Role::Table;
    open(mapping.tag, &xml, mapping.role == Role::Container, block, name == QLatin1String("table"));
    if (name == QLatin1String("q"))
        m_piece += QChar(0x201C);
}

void XhtmlConverter::open(const QString &tag, const SafeXmlReader *xml, bool container, bool block, bool table)
{
    Open element;
    element.tag = tag;
    element.container = container;
    element.block = block;
    element.table = table;
    if (block)
        m_blockText = 0;
    const QString attributes = xml ? attributesFor(tag, *xml, true) : QString();
    element.reopenTag = u'<' + tag + (xml ? attributesFor(tag, *xml, false) : QString()) + u'>';
    m_piece += u'<' + tag + attributes + u'>';
    m_open.append(element);
    ++m_tagDepth;
}

void XhtmlConverter::endElement()
{
    const Open element = m_open.takeLast();
    if (element.table)
        --m_tableDepth;
    if (element.tag.isEmpty())
        return;
    if (element.block)
        m_blockText = 0;
    if (element.tag == QLatin1String("q"))
        m_piece += QChar(0x201D);
    m_piece += QLatin1String("</") + element.tag + u'>';
    --m_tagDepth;
}

QString XhtmlConverter::attributesFor(const QString &tag, const SafeXmlReader &xml, bool withId) const
{
    QString out;
    const QString name = xml.xml().name().toString().toLower();
    QString classes = cleanClasses(xml.attribute("class"));
    if (name == QLatin1String("body"))
        classes = (BodyClass + u' ' + classes).trimmed();
    if (!classes.isEmpty())
        out += attribute(QStringLiteral("class"), classes);
    if (withId) {
        // QTextDocument turns ids into anchors: the outline finds its targets by them.
        const QString id = xml.attribute("id");
        if (!id.isEmpty())
            out += attribute(QStringLiteral("id"), id);
    }
    const QString style = m_styles.filterDeclarations(xml.attribute("style"));
    if (!style.isEmpty())
        out += attribute(QStringLiteral("style"), style);
    const QString align = xml.attribute("align").toLower();
    if (align == QLatin1String("left") || align == QLatin1String("right") || align == QLatin1String("center")
        || align == QLatin1String("justify"))
        out += attribute(QStringLiteral("align"), align);
    const QString dir = xml.attribute("dir").toLower();
    if (dir == QLatin1String("rtl") || dir == QLatin1String("ltr"))
        out += attribute(QStringLiteral("dir"), dir);

    if (tag == QLatin1String("a")) {
        const QString href = xml.attribute("href");
        if (!href.isEmpty() && !href.trimmed().startsWith(QLatin1String("javascript:"), Qt::CaseInsensitive))
            out += attribute(QStringLiteral("href"), href);
        if (withId && !xml.attribute("name").isEmpty())
            out += attribute(QStringLiteral("name"), xml.attribute("name"));
    } else if (tag == QLatin1String("td") || tag == QLatin1String("th")) {
        for (const char *span : {"colspan", "rowspan"}) {
            const int count = pixelsOf(xml.attribute(span));
            if (count > 1)
                out += attribute(QLatin1String(span), QString::number(std::min(count, 64)));
        }
        const QString valign = xml.attribute("valign").toLower();
        if (valign == QLatin1String("top") || valign == QLatin1String("middle") || valign == QLatin1String("bottom"))
            out += attribute(QStringLiteral("valign"), valign);
    } else if (tag == QLatin1String("table")) {
        // Unstyled tables would show no grid at all: QTextDocument draws no CSS cell borders.
        const QString border = xml.attribute("border");
        out += attribute(QStringLiteral("border"),
            pixelsOf(border) >= 0 || border == QLatin1String("0") ? border : QStringLiteral("1"));
        out += QLatin1String(" cellspacing=\"0\" cellpadding=\"3\"");
        const QString width = xml.attribute("width").trimmed();
        static const QRegularExpression percent(QStringLiteral("^\\d{1,3}%$"));
        if (percent.match(width).hasMatch())
            out += attribute(QStringLiteral("width"), width);
    } else if (tag == QLatin1String("ol")) {
        const int start = pixelsOf(xml.attribute("start"));
        if (start > 0)
            out += attribute(QStringLiteral("start"), QString::number(start));
        const QString type = xml.attribute("type");
        if (type.size() == 1 && QStringLiteral("1aAiI").contains(type))
            out += attribute(QStringLiteral("type"), type);
    } else if (tag == QLatin1String("font")) {
        const QString color = xml.attribute("color");
        static const QRegularExpression colorPattern(QStringLiteral("^#?[A-Za-z0-9]{1,20}$"));
        if (colorPattern.match(color).hasMatch())
            out += attribute(QStringLiteral("color"), color);
    }
    return out;
}

void XhtmlConverter::image(const QString &href, const QString &alt, QSize requested)
{
    const QString path = m_book.resolve(m_path, href);
    const QSize size = path.isEmpty() ? QSize() : m_imageSizer(path, requested);
    if (!size.isValid()) {
        if (!alt.trimmed().isEmpty())
            m_piece += u'[' + alt.simplified().toHtmlEscaped() + u']';
        return;
    }
    m_piece += QLatin1String("<img") + attribute(QStringLiteral("src"), imageUrl(path))
        + attribute(QStringLiteral("width"), QString::number(size.width()))
        + attribute(QStringLiteral("height"), QString::number(size.height())) + u'>';
}

void XhtmlConverter::svg(SafeXmlReader &xml)
{
    // Cover pages wrap the picture in <svg><image xlink:href="..."/></svg>; the rest of an SVG
    // (shapes, text) is beyond QTextDocument.
    const int depth = xml.depth();
    QString href;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.depth() < depth)
            break;
        if (type == QXmlStreamReader::StartElement && xml.xml().name() == QLatin1String("image") && href.isEmpty()) {
            href = xml.xml().attributes().value(XlinkNamespace, QLatin1String("href")).toString();
            if (href.isEmpty())
                href = xml.attribute("href");
        }
    }
    if (!href.isEmpty())
        image(href, QString(), QSize(-1, -1));
}

void XhtmlConverter::text(QStringView text)
{
    while (m_blockText + text.size() > MaxBlockText) {
        // Cut at a space where there is one: the paragraph goes on as the next one.
        const qsizetype room = std::max<qsizetype>(0, MaxBlockText - m_blockText);
        qsizetype cut = text.left(room).lastIndexOf(u' ');
        if (cut <= 0)
            cut = room;
        m_piece += text.left(cut).toString().toHtmlEscaped();
        text = text.mid(cut);
        qsizetype innermost = m_open.size() - 1;
        while (innermost >= 0 && !(m_open[innermost].block && !m_open[innermost].tag.isEmpty()))
            --innermost;
        if (innermost < 0)
            m_piece += QLatin1String("<br>"); // no block to restart: at least a line
        else
            restart(innermost);
        m_blockText = 0;
    }
    m_piece += text.toString().toHtmlEscaped();
    m_blockText += text.size();
}

void XhtmlConverter::startRow()
{
    for (qsizetype i = m_open.size() - 1; i >= 0; --i) {
        if (!m_open[i].table || m_open[i].tag.isEmpty())
            continue;
        if (++m_open[i].rows > MaxTableRows) {
            restart(i);
            m_open[i].rows = 1;
        }
        return;
    }
}

void XhtmlConverter::restart(qsizetype from)
{
    bool cut = m_piece.size() >= PieceSize;
    for (qsizetype i = 0; i < from && cut; ++i)
        cut = m_open[i].tag.isEmpty() || m_open[i].container;
    if (cut) {
        finishPiece();
        for (const Open &element : std::as_const(m_open)) {
            if (!element.tag.isEmpty())
                m_piece += element.reopenTag;
        }
        return;
    }
    for (qsizetype i = m_open.size() - 1; i >= from; --i) {
        if (!m_open[i].tag.isEmpty())
            m_piece += QLatin1String("</") + m_open[i].tag + u'>';
    }
    for (qsizetype i = from; i < m_open.size(); ++i) {
        if (!m_open[i].tag.isEmpty())
            m_piece += m_open[i].reopenTag;
    }
}

void XhtmlConverter::maybeCut()
{
    if (m_piece.size() < PieceSize)
        return;
    for (const Open &element : std::as_const(m_open)) {
        if (!element.tag.isEmpty() && !element.container)
            return;
    }
    finishPiece();
    for (const Open &element : std::as_const(m_open)) {
        if (!element.tag.isEmpty())
            m_piece += element.reopenTag;
    }
}

void XhtmlConverter::finishPiece()
{
    for (auto it = m_open.crbegin(); it != m_open.crend(); ++it) {
        if (!it->tag.isEmpty())
            m_piece += QLatin1String("</") + it->tag + u'>';
    }
    if (!m_piece.isEmpty())
        m_chapter.pieces.append(m_piece);
    m_piece.clear();
}

} // namespace folio::book
