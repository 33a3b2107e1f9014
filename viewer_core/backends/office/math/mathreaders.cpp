// SPDX-License-Identifier: GPL-3.0-or-later
#include "mathreaders.h"

#include "backends/common/safexml.h"
#include "backends/common/xmlchildren.h"
#include "backends/office/officepackage.h"

#include <QCoreApplication>
#include <QHash>

namespace folio::office::math {

namespace {

using Kind = Node::Kind;

QStringView localName(const SafeXmlReader &xml)
{
    return xml.xml().name();
}

QString attributeOf(const SafeXmlReader &xml, QStringView name)
{
    for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
        if (attribute.name() == name)
            return attribute.value().toString();
    }
    return {};
}

bool hasAttributeOf(const SafeXmlReader &xml, QStringView name)
{
    for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
        if (attribute.name() == name)
            return true;
    }
    return false;
}

Node row(std::vector<Node> children = {})
{
    Node node;
    node.children = std::move(children);
    return node;
}

Node make(Kind kind, std::vector<Node> children)
{
    Node node;
    node.kind = kind;
    node.children = std::move(children);
    return node;
}

// A node standing for one that was too deep.
Node ellipsis()
{
    return Node::leaf(Kind::Text, QStringLiteral("…"));
}

bool isLargeOperator(const QString &text)
{
    static const QString operators = QStringLiteral("∑∏∐∫∬∭∮∯∰⋃⋂⋁⋀⨁⨂⨀");
    return text.size() == 1 && operators.contains(text.front());
}

// Splits the text of a run into tokens: numbers, identifiers (a letter each, or a word when
// `upright`), operators.
void tokenise(std::vector<Node> &into, const QString &text, bool upright, bool prose)
{
    if (prose) {
        into.push_back(Node::leaf(Kind::Text, text));
        return;
    }
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        qsizetype end = i + 1;
        if (c.isDigit()) {
            while (end < text.size() && (text[end].isDigit() || text[end] == u'.'))
                ++end;
            into.push_back(Node::leaf(Kind::Number, text.mid(i, end - i)));
        } else if (c.isLetter()) {
            if (upright) {
                while (end < text.size() && text[end].isLetter())
                    ++end;
            }
            Node identifier = Node::leaf(Kind::Identifier, text.mid(i, end - i));
            identifier.flag = upright;
            into.push_back(std::move(identifier));
        } else if (c.isSpace()) {
            Node space = Node::leaf(Kind::Space, QString());
            space.size = 0.25;
            into.push_back(std::move(space));
        } else {
            if (c.isHighSurrogate() && end < text.size())
                ++end;
            into.push_back(Node::leaf(Kind::Operator, text.mid(i, end - i)));
        }
        i = end;
    }
}

class OmmlReader
{
public:
    explicit OmmlReader(SafeXmlReader &xml)
        : m_xml(xml)
    { }

    // The children of the current element, side by side.
    Node children(int depth)
    {
        std::vector<Node> items;
        forChildren(m_xml, [&] { element(items, depth); });
        return items.size() == 1 && items.front().kind != Kind::Row ? row(std::move(items)) : row(std::move(items));
    }

    Node formula(bool &display)
    {
        display = localName(m_xml) == u"oMathPara";
        if (!display)
            return children(0);
        std::vector<Node> lines;
        forChildren(m_xml, [&] {
            if (localName(m_xml) == u"oMath")
                lines.push_back(row({children(1)}));
        });
        if (lines.size() == 1)
            return std::move(lines.front().children.front());
        return make(Kind::Table, std::move(lines));
    }

private:
    bool counted() { return ++m_nodes <= MaxNodes; }

    // m:val of the property element `property` in the properties element the reader is on.
    QHash<QString, QString> properties()
    {
        QHash<QString, QString> values;
        forChildren(m_xml, [&] {
            values.insert(localName(m_xml).toString(),
                hasAttributeOf(m_xml, u"val") ? attributeOf(m_xml, u"val") : QStringLiteral("1"));
        });
        return values;
    }

    static bool on(const QHash<QString, QString> &values, const QString &key)
    {
        const QString value = values.value(key);
        return value == QLatin1String("1") || value == QLatin1String("on") || value == QLatin1String("true");
    }

    // Reads the named children of the current element (m:e, m:sub, ...) and its properties.
    struct Parts
    {
        QHash<QString, QString> props;
        QHash<QString, Node> parts;
        std::vector<Node> elements; // every m:e, in order (m:d has several)
        std::vector<Node> rows; // m:mr of a matrix
    };

    Parts parts(int depth)
    {
        Parts result;
        forChildren(m_xml, [&] {
            const QStringView n = localName(m_xml);
            if (n.endsWith(u"Pr")) {
                result.props = properties();
            } else if (n == u"e") {
                result.elements.push_back(children(depth + 1));
            } else if (n == u"mr") {
                std::vector<Node> cells;
                forChildren(m_xml, [&] {
                    if (localName(m_xml) == u"e")
                        cells.push_back(children(depth + 2));
                });
                result.rows.push_back(row(std::move(cells)));
            } else {
                result.parts.insert(n.toString(), children(depth + 1));
            }
        });
        return result;
    }

    static Node first(Parts &parts) { return parts.elements.empty() ? row() : std::move(parts.elements.front()); }

    void element(std::vector<Node> &into, int depth)
    {
        const QStringView n = localName(m_xml);
        if (n.endsWith(u"Pr") || !counted())
            return;
        if (depth > MaxDepth) {
            into.push_back(ellipsis());
            return;
        }
        if (n == u"r") {
            run(into);
            return;
        }
        if (n == u"f" || n == u"sSup" || n == u"sSub" || n == u"sSubSup" || n == u"sPre" || n == u"rad" || n == u"nary"
            || n == u"d" || n == u"m" || n == u"acc" || n == u"bar" || n == u"func" || n == u"limLow" || n == u"limUpp"
            || n == u"groupChr" || n == u"eqArr") {
            const QString kind = n.toString();
            Parts p = parts(depth);
            into.push_back(structure(kind, p));
            return;
        }
        // Boxes, phantoms, inserted runs and anything else: their content in line.
        Node inner = children(depth + 1);
        for (Node &child : inner.children)
            into.push_back(std::move(child));
    }

    Node structure(const QString &kind, Parts &p)
    {
        const auto part = [&](const char *name) { return p.parts.value(QLatin1String(name), row()); };
        if (kind == u"f") {
            Node node = make(Kind::Fraction, {part("num"), part("den")});
            node.flag = p.props.value(QStringLiteral("type")) == u"noBar";
            return node;
        }
        if (kind == u"sSup")
            return make(Kind::Scripts, {first(p), row(), part("sup")});
        if (kind == u"sSub")
            return make(Kind::Scripts, {first(p), part("sub"), row()});
        if (kind == u"sSubSup")
            return make(Kind::Scripts, {first(p), part("sub"), part("sup")});
        if (kind == u"sPre") {
            // Scripts before the base: an empty base carries them.
            return row({make(Kind::Scripts, {row(), part("sub"), part("sup")}), first(p)});
        }
        if (kind == u"rad") {
            const bool hide = on(p.props, QStringLiteral("degHide"));
            return make(Kind::Radical, {first(p), hide ? row() : part("deg")});
        }
        if (kind == u"nary") {
            Node node = make(Kind::LargeOperator,
                {on(p.props, QStringLiteral("subHide")) ? row() : part("sub"),
                    on(p.props, QStringLiteral("supHide")) ? row() : part("sup"), first(p)});
            node.text = p.props.value(QStringLiteral("chr"), QStringLiteral("∫"));
            const bool integral = node.text == u"∫" || node.text == u"∬" || node.text == u"∭" || node.text == u"∮";
            const QString location = p.props.value(QStringLiteral("limLoc"));
            node.flag = location.isEmpty() ? !integral : location == u"undOvr";
            return node;
        }
        if (kind == u"d") {
            Node node = make(Kind::Fenced, std::move(p.elements));
            node.open = p.props.value(QStringLiteral("begChr"), QStringLiteral("("));
            node.close = p.props.value(QStringLiteral("endChr"), QStringLiteral(")"));
            node.separator = p.props.value(QStringLiteral("sepChr"), QStringLiteral("|"));
            return node;
        }
        if (kind == u"m")
            return make(Kind::Table, std::move(p.rows));
        if (kind == u"eqArr") {
            std::vector<Node> rows;
            for (Node &line : p.elements)
                rows.push_back(row({std::move(line)}));
            return make(Kind::Table, std::move(rows));
        }
        if (kind == u"acc") {
            Node node = make(Kind::Stack,
                {first(p), row(),
                    Node::leaf(Kind::Operator, p.props.value(QStringLiteral("chr"), QStringLiteral("\u0302")))});
            node.flag = true;
            return node;
        }
        if (kind == u"bar") {
            Node node = make(Kind::Bar, {first(p)});
            node.flag = p.props.value(QStringLiteral("pos")) != u"top";
            return node;
        }
        if (kind == u"func")
            return make(Kind::Function, {part("fName"), first(p)});
        if (kind == u"limLow")
            return make(Kind::Stack, {first(p), part("lim"), row()});
        if (kind == u"limUpp")
            return make(Kind::Stack, {first(p), row(), part("lim")});
        // groupChr: a brace under (or over) its content.
        const Node symbol = Node::leaf(Kind::Operator, p.props.value(QStringLiteral("chr"), QStringLiteral("⏟")));
        if (p.props.value(QStringLiteral("pos")) == u"top")
            return make(Kind::Stack, {first(p), row(), symbol});
        return make(Kind::Stack, {first(p), symbol, row()});
    }

    void run(std::vector<Node> &into)
    {
        bool upright = false;
        bool prose = false;
        QString text;
        forChildren(m_xml, [&] {
            const QStringView n = localName(m_xml);
            if (n == u"rPr" && m_xml.xml().namespaceUri().endsWith(QLatin1String("math"))) {
                const QHash<QString, QString> props = properties();
                const QString style = props.value(QStringLiteral("sty"));
                upright = style == u"p" || style == u"b";
                prose = on(props, QStringLiteral("nor"));
            } else if (n == u"t") {
                text += m_xml.readText();
            }
        });
        tokenise(into, text, upright, prose);
    }

    SafeXmlReader &m_xml;
    int m_nodes = 0;
};

class MathmlReader
{
public:
    explicit MathmlReader(SafeXmlReader &xml)
        : m_xml(xml)
    { }

    Node element(int depth)
    {
        const QStringView n = localName(m_xml);
        if (++m_nodes > MaxNodes)
            return row();
        if (depth > MaxDepth)
            return ellipsis();
        if (n == u"mi") {
            const bool normal = attributeOf(m_xml, u"mathvariant") == u"normal";
            Node node = Node::leaf(Kind::Identifier, m_xml.readText().trimmed());
            node.flag = normal;
            return node;
        }
        if (n == u"mn")
            return Node::leaf(Kind::Number, m_xml.readText().trimmed());
        if (n == u"mo")
            return Node::leaf(Kind::Operator, m_xml.readText().trimmed());
        if (n == u"mtext" || n == u"ms")
            return Node::leaf(Kind::Text, m_xml.readText());
        if (n == u"mspace") {
            Node space = Node::leaf(Kind::Space, QString());
            const QString width = attributeOf(m_xml, u"width").trimmed();
            bool ok = false;
            if (width.endsWith(QLatin1String("em")))
                space.size = width.chopped(2).toDouble(&ok);
            else if (width.endsWith(QLatin1String("ex")))
                space.size = width.chopped(2).toDouble(&ok) / 2;
            else if (width.endsWith(QLatin1String("pt")))
                space.size = width.chopped(2).toDouble(&ok) / 12;
            if (!ok)
                space.size = 0.25;
            return space;
        }
        if (n == u"semantics") {
            Node first = row();
            bool done = false;
            forChildren(m_xml, [&] {
                if (!done && !localName(m_xml).startsWith(u"annotation")) {
                    done = true;
                    first = element(depth + 1);
                }
            });
            return first;
        }
        if (n == u"mfrac") {
            const QString thickness = attributeOf(m_xml, u"linethickness");
            Node node = make(Kind::Fraction, arguments(depth, 2));
            node.flag = thickness == u"0" || thickness == u"0pt" || thickness == u"0em";
            return node;
        }
        if (n == u"msqrt")
            return make(Kind::Radical, {rowOf(depth), row()});
        if (n == u"mroot")
            return make(Kind::Radical, arguments(depth, 2));
        if (n == u"msub" || n == u"msup" || n == u"msubsup" || n == u"munder" || n == u"mover" || n == u"munderover") {
            const QString kind = n.toString();
            const bool accent = attributeOf(m_xml, u"accent") == u"true";
            const int count = kind == u"msubsup" || kind == u"munderover" ? 3 : 2;
            std::vector<Node> args = arguments(depth, count);
            Node lower = row();
            Node upper = row();
            if (kind == u"msub" || kind == u"munder")
                lower = std::move(args[1]);
            else if (kind == u"msup" || kind == u"mover")
                upper = std::move(args[1]);
            else {
                lower = std::move(args[1]);
                upper = std::move(args[2]);
            }
            Node &base = args[0];
            const bool under = kind.startsWith(u"mu") || kind.startsWith(u"mo");
            if (base.kind == Kind::Operator && isLargeOperator(base.text)) {
                Node node = make(Kind::LargeOperator, {std::move(lower), std::move(upper), row()});
                node.text = base.text;
                node.flag = under;
                return node;
            }
            if (under) {
                Node node = make(Kind::Stack, {std::move(base), std::move(lower), std::move(upper)});
                node.flag = accent || m_lastAccent;
                if (node.children[2].kind == Kind::Operator && node.children[2].text == u"‾"
                    && node.children[1].isEmpty()) {
                    Node bar = make(Kind::Bar, {std::move(node.children[0])});
                    return bar;
                }
                return node;
            }
            return make(Kind::Scripts, {std::move(base), std::move(lower), std::move(upper)});
        }
        if (n == u"mfenced") {
            const QString open = hasAttributeOf(m_xml, u"open") ? attributeOf(m_xml, u"open") : QStringLiteral("(");
            const QString close = hasAttributeOf(m_xml, u"close") ? attributeOf(m_xml, u"close") : QStringLiteral(")");
            const QString separators = hasAttributeOf(m_xml, u"separators")
                ? attributeOf(m_xml, u"separators").trimmed()
                : QStringLiteral(",");
            std::vector<Node> items;
            forChildren(m_xml, [&] { items.push_back(element(depth + 1)); });
            Node node = make(Kind::Fenced, std::move(items));
            node.open = open;
            node.close = close;
            node.separator = separators.left(1);
            return node;
        }
        if (n == u"mtable") {
            std::vector<Node> rows;
            forChildren(m_xml, [&] {
                const QStringView r = localName(m_xml);
                if (r != u"mtr" && r != u"mlabeledtr")
                    return;
                const bool labelled = r == u"mlabeledtr";
                std::vector<Node> cells;
                forChildren(m_xml, [&] {
                    if (localName(m_xml) != u"mtd")
                        return;
                    if (labelled && cells.empty() && !m_skippedLabel) {
                        m_skippedLabel = true;
                        return;
                    }
                    cells.push_back(rowOf(depth + 2));
                });
                m_skippedLabel = false;
                rows.push_back(row(std::move(cells)));
            });
            return make(Kind::Table, std::move(rows));
        }
        if (n == u"annotation" || n == u"annotation-xml" || n == u"none" || n == u"mprescripts")
            return row();
        // math, mrow, mstyle, mpadded, mphantom, menclose, merror, mtd and the unknown.
        return rowOf(depth);
    }

private:
    Node rowOf(int depth)
    {
        std::vector<Node> items;
        forChildren(m_xml, [&] {
            Node item = element(depth + 1);
            if (item.kind == Kind::Row && item.children.size() == 1)
                items.push_back(std::move(item.children.front()));
            else
                items.push_back(std::move(item));
        });
        return items.size() == 1 ? std::move(items.front()) : row(std::move(items));
    }

    // The first `count` children, each one argument; missing ones are empty.
    std::vector<Node> arguments(int depth, int count)
    {
        std::vector<Node> args;
        m_lastAccent = false;
        forChildren(m_xml, [&] {
            if (int(args.size()) >= count)
                return;
            if (int(args.size()) == count - 1 && attributeOf(m_xml, u"accent") == u"true")
                m_lastAccent = true;
            args.push_back(element(depth + 1));
        });
        while (int(args.size()) < count)
            args.push_back(row());
        return args;
    }

    SafeXmlReader &m_xml;
    int m_nodes = 0;
    bool m_lastAccent = false;
    bool m_skippedLabel = false;
};

} // namespace

Formula readOmml(SafeXmlReader &xml)
{
    OmmlReader reader(xml);
    bool display = false;
    Node root = reader.formula(display);
    return Formula(std::move(root), display);
}

Result<Formula> readMathml(
    const QByteArray &bytes, const QString &partName, const Limits &limits, const CancellationToken &token)
{
    SafeXmlReader xml(bytes, partName, limits, token);
    if (!xml.readNextStartElement() || localName(xml) != u"math") {
        if (!xml.status())
            return xml.status();
        return Status(StatusCode::Unsupported,
            QCoreApplication::translate("folio::office::math", "%1 holds no MathML formula").arg(partName));
    }
    const bool display = attributeOf(xml, u"display") == u"block";
    MathmlReader reader(xml);
    Node root = reader.element(0);
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!xml.status())
        return xml.status();
    return Formula(std::move(root), display);
}

Result<Formula> formulaFromOpenDocumentObject(
    const Package &package, const QString &href, const CancellationToken &token)
{
    // Linked objects (URLs, files outside the package) are never fetched.
    const QString content
        = href.contains(QLatin1String("://")) || href.startsWith(u'/') || href.startsWith(QLatin1String(".."))
        ? QString()
        : Package::resolve(QString(), href + QStringLiteral("/content.xml"));
    if (content.isEmpty() || !package.contains(content))
        return Status(StatusCode::Corrupt,
            QCoreApplication::translate("folio::office::math", "%1 is not an embedded object").arg(href));
    const Result<QByteArray> bytes = package.read(content, token);
    if (!bytes)
        return bytes.status();
    return readMathml(*bytes, content, package.limits(), token);
}

} // namespace folio::office::math
