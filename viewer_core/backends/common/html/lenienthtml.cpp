// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/html/lenienthtml.h"

#include "detachedcall.h"

#include <QSet>
#include <QStringDecoder>

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace folio::html {

namespace {

// Elements that never hold others (void), or that HTML closes when the next one starts: they do
// not add to how deep the elements nest.
bool addsNoDepth(QByteArrayView name)
{
    static const QSet<QByteArray> names {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp"};
    return names.contains(name.toByteArray().toLower());
}

bool isNameByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == ':' || c == '.';
}

// Appends `text` (UTF-8) escaped for XML text or attribute values, without the characters XML 1.0
// forbids (C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF).
void appendEscaped(QByteArray &out, const char *text, size_t length)
{
    for (size_t i = 0; i < length; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                break;
            if (c == 0xEF && i + 2 < length && static_cast<unsigned char>(text[i + 1]) == 0xBF
                && (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
                i += 2;
                break;
            }
            out += char(c);
        }
    }
}

// An attribute name XML accepts, with the prefixes the converters know; empty: leave it out.
QByteArray attributeName(const GumboAttribute &attribute)
{
    QByteArray name(attribute.name);
    if (attribute.attr_namespace == GUMBO_ATTR_NAMESPACE_XLINK && !name.startsWith("xlink:"))
        name.prepend("xlink:");
    else if (attribute.attr_namespace == GUMBO_ATTR_NAMESPACE_XML && !name.startsWith("xml:"))
        name.prepend("xml:");
    if (name.isEmpty() || name == "xmlns" || name.startsWith("xmlns:"))
        return {};
    const qsizetype colon = name.indexOf(':');
    if (colon >= 0) {
        const QByteArray prefix = name.left(colon);
        if (prefix != "xlink" && prefix != "xml" && prefix != "epub")
            return {};
        if (name.indexOf(':', colon + 1) >= 0 || colon + 1 == name.size())
            return {};
    }
    const char first = name.at(colon + 1);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_'))
        return {};
    for (const char c : name) {
        if (!isNameByte(c))
            return {};
    }
    return name;
}

// The element's name in the output; empty for an element left out (its content is kept).
QByteArray elementName(const GumboElement &element)
{
    if (element.tag == GUMBO_TAG_UNKNOWN)
        return {};
    return QByteArray(gumbo_normalized_tagname(element.tag));
}

QByteArray serialize(const GumboNode *root)
{
    QByteArray out("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.reserve(1 << 16);
    struct Frame
    {
        const GumboNode *node;
        unsigned next = 0;
        QByteArray name; // written start tag, to close
    };
    std::vector<Frame> stack;
    const auto start = [&](const GumboNode *node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            appendEscaped(out, node->v.text.text, strlen(node->v.text.text));
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            return; // comments, the document node's doctype
        const GumboElement &element = node->v.element;
        QByteArray name = elementName(element);
        if (!name.isEmpty()) {
            out += '<' + name;
            if (stack.empty()) {
                out += " xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                       " xmlns:epub=\"http://www.idpf.org/2007/ops\"";
            }
            for (unsigned i = 0; i < element.attributes.length; ++i) {
                const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
                const QByteArray attributeNameText = attributeName(*attribute);
                if (attributeNameText.isEmpty())
                    continue;
                out += ' ' + attributeNameText + "=\"";
                appendEscaped(out, attribute->value, strlen(attribute->value));
                out += '"';
            }
            if (element.children.length == 0) {
                out += "/>";
                return;
            }
            out += '>';
        }
        stack.push_back({node, 0, std::move(name)});
    };
    start(root);
    while (!stack.empty()) {
        Frame &frame = stack.back();
        const GumboVector &children = frame.node->v.element.children;
        if (frame.next < children.length) {
            start(static_cast<const GumboNode *>(children.data[frame.next++]));
            continue;
        }
        if (!frame.name.isEmpty())
            out += "</" + frame.name + '>';
        stack.pop_back();
    }
    return out;
}

QByteArray utf8(const QByteArray &data)
{
    QStringDecoder decoder = QStringDecoder::decoderForHtml(data);
    if (!decoder.isValid() || QByteArrayView(decoder.name()).compare("UTF-8", Qt::CaseInsensitive) == 0)
        return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
    const QString text = decoder.decode(data);
    return text.toUtf8();
}

} // namespace

int LenientHtml::depthBound(const QByteArray &data)
{
    const char *p = data.constData();
    const qsizetype size = data.size();
    int depth = 0;
    int deepest = 0;
    qsizetype i = 0;
    const auto skipPast = [&](QByteArrayView end) {
        const qsizetype found = QByteArrayView(p, size).indexOf(end, i);
        i = found < 0 ? size : found + end.size();
    };
    while (i < size) {
        if (p[i] != '<') {
            ++i;
            continue;
        }
        ++i;
        if (i >= size)
            break;
        if (p[i] == '!') {
            skipPast(QByteArrayView(p + i, size - i).startsWith("!--") ? QByteArrayView("-->") : QByteArrayView(">"));
            continue;
        }
        if (p[i] == '?') {
            skipPast(">");
            continue;
        }
        const bool end = p[i] == '/';
        if (end)
            ++i;
        const qsizetype nameStart = i;
        while (i < size && isNameByte(p[i]))
            ++i;
        const QByteArrayView name(p + nameStart, i - nameStart);
        if (name.isEmpty())
            continue; // a stray "<": text
        // The tag's end, past quoted attribute values.
        char quote = 0;
        bool selfClosed = false;
        while (i < size) {
            const char c = p[i++];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                selfClosed = i >= 2 && p[i - 2] == '/';
                break;
            }
        }
        if (end) {
            depth = std::max(0, depth - 1);
            continue;
        }
        if (selfClosed || addsNoDepth(name))
            continue;
        deepest = std::max(deepest, ++depth);
        // Raw text: what follows up to the end tag is not markup.
        const QByteArray lower = name.toByteArray().toLower();
        if (lower == "script" || lower == "style" || lower == "textarea" || lower == "title") {
            const QByteArrayView all(p, size);
            for (qsizetype at = all.indexOf("</", i);; at = all.indexOf("</", at + 2)) {
                if (at < 0) {
                    i = size;
                    break;
                }
                if (at + 2 + lower.size() <= size && qstrnicmp(p + at + 2, lower.constData(), lower.size()) == 0) {
                    i = at;
                    break;
                }
            }
        }
    }
    return deepest;
}

Result<QByteArray> LenientHtml::toXhtml(const QByteArray &data, const QString &name, const CancellationToken &token)
{
    if (data.size() > MaxBytes)
        return Status(StatusCode::LimitExceeded,
            tr("%1 is too large to be read as HTML (%2 MB; the limit is %3 MB)")
                .arg(name)
                .arg(data.size() / (1024 * 1024))
                .arg(MaxBytes / (1024 * 1024)));
    const QByteArray input = utf8(data);
    if (token.isCancelled())
        return Status::fromToken(token);
    if (const int depth = depthBound(input); depth > MaxDepth)
        return Status(StatusCode::LimitExceeded,
            tr("%1 may nest elements %2 levels deep, over the limit of %3").arg(name).arg(depth).arg(MaxDepth));
    return callDetached<QByteArray>(
        [input, name]() -> Result<QByteArray> {
            GumboOptions options = kGumboDefaultOptions;
            options.max_errors = 0; // their list is not needed, and a broken page has many
            GumboOutput *output = gumbo_parse_with_options(&options, input.constData(), size_t(input.size()));
            if (!output)
                return Status(StatusCode::Corrupt, tr("%1 could not be read as HTML").arg(name));
            QByteArray xhtml = serialize(output->root);
            gumbo_destroy_output(&options, output);
            return xhtml;
        },
        token);
}

} // namespace folio::html
