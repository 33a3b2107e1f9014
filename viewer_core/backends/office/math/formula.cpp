// SPDX-License-Identifier: GPL-3.0-or-later
#include "formula.h"

#include "fonts.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace folio::office::math {

namespace {

using Kind = Node::Kind;

// ---- Linear text ----

bool isSimple(const Node &node)
{
    switch (node.kind) {
    case Kind::Identifier:
    case Kind::Number:
    case Kind::Text:
        return true;
    case Kind::Operator:
        return node.text.size() <= 1;
    case Kind::Fenced:
    case Kind::Scripts:
    case Kind::Bar:
        return true;
    case Kind::Row:
        return node.children.size() == 1 && isSimple(node.children.front());
    default:
        return false;
    }
}

QString linear(const Node &node);

// A part of a bigger form: in parentheses unless it is one token.
QString group(const Node &node)
{
    const QString text = linear(node);
    if (isSimple(node) || text.size() <= 1)
        return text;
    return u'(' + text + u')';
}

QString linear(const Node &node)
{
    const auto child = [&](size_t i) -> const Node & {
        static const Node empty;
        return i < node.children.size() ? node.children[i] : empty;
    };
    switch (node.kind) {
    case Kind::Row: {
        QString text;
        for (size_t i = 0; i < node.children.size(); ++i) {
            const Node &each = node.children[i];
            text += linear(each);
            if (i + 1 == node.children.size())
                break;
            const Node &next = node.children[i + 1];
            // "sin x", "∑_k a_k": a word or a large operator apart from what it applies to.
            const bool word = (each.kind == Kind::Identifier || each.kind == Kind::Operator) && each.text.size() > 1
                && each.text.front().isLetter();
            const bool operand = next.kind == Kind::Identifier || next.kind == Kind::Number
                || next.kind == Kind::Scripts || next.kind == Kind::Fraction;
            if ((word && operand)
                || (each.kind == Kind::LargeOperator && each.children.size() > 2 && each.children[2].isEmpty()
                    && next.kind != Kind::Operator))
                text += u' ';
        }
        return text;
    }
    case Kind::Identifier:
    case Kind::Number:
    case Kind::Operator:
    case Kind::Text:
        return node.text;
    case Kind::Space:
        return node.size >= 0.2 ? QStringLiteral(" ") : QString();
    case Kind::Fraction:
        return group(child(0)) + u'/' + group(child(1));
    case Kind::Scripts: {
        QString text = linear(child(0));
        if (!child(1).isEmpty())
            text += u'_' + group(child(1));
        if (!child(2).isEmpty())
            text += u'^' + group(child(2));
        return text;
    }
    case Kind::Radical:
        if (child(1).isEmpty())
            return QStringLiteral("√(") + linear(child(0)) + u')';
        return QStringLiteral("√[") + linear(child(1)) + QStringLiteral("](") + linear(child(0)) + u')';
    case Kind::LargeOperator: {
        QString text = node.text;
        if (!child(0).isEmpty())
            text += u'_' + group(child(0));
        if (!child(1).isEmpty())
            text += u'^' + group(child(1));
        const QString body = linear(child(2));
        return body.isEmpty() ? text : text + u' ' + body;
    }
    case Kind::Fenced: {
        QStringList items;
        for (const Node &each : node.children)
            items.append(linear(each));
        return node.open + items.join(node.separator) + node.close;
    }
    case Kind::Table: {
        QStringList rows;
        for (const Node &row : node.children) {
            QStringList cells;
            for (const Node &cell : row.children)
                cells.append(linear(cell));
            rows.append(cells.join(QStringLiteral(", ")));
        }
        return rows.join(QStringLiteral("; "));
    }
    case Kind::Stack: {
        QString text = linear(child(0));
        if (node.flag && child(2).kind == Kind::Operator && text.size() == 1)
            return text + child(2).text; // an accent: x̂
        if (!child(1).isEmpty())
            text += u'_' + group(child(1));
        if (!child(2).isEmpty())
            text += u'^' + group(child(2));
        return text;
    }
    case Kind::Bar:
        return linear(child(0)) + QChar(node.flag ? 0x0332 : 0x0305);
    case Kind::Function: {
        const QString argument = linear(child(1));
        const bool bracketed = argument.startsWith(u'(') || argument.startsWith(u'[');
        return linear(child(0)) + (bracketed ? QString() : QStringLiteral(" ")) + argument;
    }
    }
    return {};
}

// ---- Layout ----

constexpr qreal ScriptScale = 0.71;
constexpr qreal Reference = 1000; // glyphs are measured and drawn at this pixel size, then scaled

bool isFence(const QString &text)
{
    static const QString fences = QStringLiteral("()[]{}|‖⟨⟩⌈⌉⌊⌋");
    return text.size() == 1 && fences.contains(text.front());
}

// Operators spaced as relations or binary operators inside a row.
qreal operatorSpace(const QString &text)
{
    static const QString relations = QStringLiteral("=<>≤≥≠≈≡∼≃∝→←↔⇒⇐⇔∈∉⊂⊃⊆⊇");
    static const QString binary = QStringLiteral("+−-±∓×·÷∗∘∪∩∧∨⊕⊗");
    if (text.size() != 1)
        return 0;
    if (relations.contains(text.front()))
        return 0.28;
    if (binary.contains(text.front()))
        return 0.22;
    return 0;
}

class Typesetter
{
public:
    explicit Typesetter(bool display)
        : m_display(display)
    {
        m_upright = fonts::font(fonts::Role::Serif, 10);
        m_upright.setPixelSize(int(Reference));
        m_italic = m_upright;
        m_italic.setItalic(true);
    }

    Layout set(const Node &node, qreal em, int depth) const;

private:
    Layout glyphs(const QString &text, qreal em, bool italic) const;
    Layout row(const std::vector<Node> &children, qreal em, int depth) const;
    Layout fraction(const Node &node, qreal em, int depth) const;
    Layout scripts(Layout base, const Node *sub, const Node *sup, qreal em, int depth) const;
    Layout radical(const Node &node, qreal em, int depth) const;
    Layout largeOperator(const Node &node, qreal em, int depth) const;
    Layout fenced(const Node &node, qreal em, int depth) const;
    Layout table(const Node &node, qreal em, int depth) const;
    Layout stack(const Node &node, qreal em, int depth) const;
    Layout bar(const Node &node, qreal em, int depth) const;
    // A fence stretched to cover [top, bottom] (y downwards), centred on the axis.
    Layout fence(const QString &text, qreal em, qreal ascent, qreal descent) const;

    static qreal scriptEm(qreal em) { return std::max(em * ScriptScale, 4.0); }
    static qreal axis(qreal em) { return em * 0.27; }

    bool m_display;
    QFont m_upright;
    QFont m_italic;
};

// Appends `part` with its baseline's left end at (x, y) of `into`.
void place(Layout &into, const Layout &part, qreal x, qreal y)
{
    for (Layout::Glyphs glyphs : part.glyphs) {
        glyphs.origin += QPointF(x, y);
        glyphs.stretchCentre += y;
        into.glyphs.push_back(std::move(glyphs));
    }
    for (Layout::Rule rule : part.rules) {
        rule.line.translate(x, y);
        into.rules.push_back(rule);
    }
    for (const QPainterPath &stroke : part.strokes)
        into.strokes.push_back(stroke.translated(x, y));
    into.ascent = std::max(into.ascent, part.ascent - y);
    into.descent = std::max(into.descent, part.descent + y);
}

Layout Typesetter::glyphs(const QString &text, qreal em, bool italic) const
{
    Layout layout;
    if (text.isEmpty())
        return layout;
    const QFontMetricsF metrics(italic ? m_italic : m_upright);
    const qreal k = em / Reference;
    const QRectF tight = metrics.tightBoundingRect(text);
    layout.width = metrics.horizontalAdvance(text) * k;
    if (italic)
        layout.width += em * 0.06; // room for the slant
    // (Marks alone have odd bounds in some fonts: kept within reason.)
    layout.ascent = std::clamp(-tight.top() * k, metrics.xHeight() * k, 3 * em);
    layout.descent = std::clamp(tight.bottom() * k, 0.0, 3 * em);
    layout.glyphs.push_back({text, QPointF(0, 0), em, italic, 1, 0});
    return layout;
}

Layout Typesetter::set(const Node &node, qreal em, int depth) const
{
    if (depth > MaxDepth)
        return glyphs(linear(node), em, false);
    const auto child = [&](size_t i) -> const Node & {
        static const Node empty;
        return i < node.children.size() ? node.children[i] : empty;
    };
    switch (node.kind) {
    case Kind::Row:
        return row(node.children, em, depth);
    case Kind::Identifier:
        return glyphs(node.text, em, node.text.size() == 1 && node.text.front().isLetter() && !node.flag);
    case Kind::Number:
    case Kind::Text:
        return glyphs(node.text, em, false);
    case Kind::Operator:
        if (node.text.size() > 1 && node.text.front().isLetter())
            return glyphs(node.text, em, false); // lim, sin written as operators (MathML mo)
        return glyphs(node.text, em, false);
    case Kind::Space: {
        Layout space;
        space.width = std::clamp(node.size, 0.0, 4.0) * em;
        return space;
    }
    case Kind::Fraction:
        return fraction(node, em, depth);
    case Kind::Scripts: {
        const Layout base = set(child(0), em, depth + 1);
        return scripts(
            base, child(1).isEmpty() ? nullptr : &child(1), child(2).isEmpty() ? nullptr : &child(2), em, depth);
    }
    case Kind::Radical:
        return radical(node, em, depth);
    case Kind::LargeOperator:
        return largeOperator(node, em, depth);
    case Kind::Fenced:
        return fenced(node, em, depth);
    case Kind::Table:
        return table(node, em, depth);
    case Kind::Stack:
        return stack(node, em, depth);
    case Kind::Bar:
        return bar(node, em, depth);
    case Kind::Function: {
        std::vector<Node> parts {child(0), Node::leaf(Kind::Space, QString()), child(1)};
        parts[1].size = 0.17;
        // The name upright, whatever its length.
        if (parts[0].kind == Kind::Identifier)
            parts[0].flag = true;
        for (Node &each : parts[0].children) {
            if (each.kind == Kind::Identifier)
                each.flag = true;
        }
        return row(parts, em, depth + 1);
    }
    }
    return {};
}

Layout Typesetter::row(const std::vector<Node> &children, qreal em, int depth) const
{
    Layout layout;
    std::vector<Layout> parts;
    parts.reserve(children.size());
    for (const Node &child : children)
        parts.push_back(child.kind == Kind::Operator && isFence(child.text) ? Layout() : set(child, em, depth + 1));
    // Fences at the ends of a row (MathML's mo fence) stretch over what they enclose.
    qreal ascent = 0;
    qreal descent = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (!(children[i].kind == Kind::Operator && isFence(children[i].text))) {
            ascent = std::max(ascent, parts[i].ascent);
            descent = std::max(descent, parts[i].descent);
        }
    }
    for (size_t i = 0; i < parts.size(); ++i) {
        if (children[i].kind == Kind::Operator && isFence(children[i].text))
            parts[i] = fence(children[i].text, em, ascent, descent);
    }
    qreal x = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        const Node &child = children[i];
        qreal space = 0;
        if (child.kind == Kind::Operator && i > 0 && i + 1 < parts.size())
            space = operatorSpace(child.text) * em;
        else if (child.kind == Kind::Operator && child.text == QLatin1String(","))
            parts[i].width += 0.17 * em;
        x += space;
        place(layout, parts[i], x, 0);
        x += parts[i].width + space;
        // A thin space after a function's name ("sin x").
        const bool word = (child.kind == Kind::Identifier || child.kind == Kind::Operator) && child.text.size() > 1
            && child.text.front().isLetter();
        if (word && i + 1 < parts.size()
            && (children[i + 1].kind == Kind::Identifier || children[i + 1].kind == Kind::Number))
            x += 0.17 * em;
    }
    layout.width = x;
    return layout;
}

Layout Typesetter::fraction(const Node &node, qreal em, int depth) const
{
    static const Node empty;
    const Node &top = node.children.size() > 0 ? node.children[0] : empty;
    const Node &bottom = node.children.size() > 1 ? node.children[1] : empty;
    // Inline fractions shrink a little, so that a line keeps its height.
    const qreal inner = m_display ? em : std::max(em * 0.85, 4.0);
    const Layout numerator = set(top, inner, depth + 1);
    const Layout denominator = set(bottom, inner, depth + 1);
    const qreal gap = em * 0.12;
    const qreal thickness = node.flag ? 0 : std::max(em / 20, 0.4);
    const qreal width = std::max(numerator.width, denominator.width) + em * 0.2;
    const qreal bar = -axis(em);
    Layout layout;
    layout.width = width;
    place(layout, numerator, (width - numerator.width) / 2, bar - thickness / 2 - gap - numerator.descent);
    place(layout, denominator, (width - denominator.width) / 2, bar + thickness / 2 + gap + denominator.ascent);
    if (!node.flag)
        layout.rules.push_back({QLineF(em * 0.05, bar, width - em * 0.05, bar), thickness});
    return layout;
}

Layout Typesetter::scripts(Layout base, const Node *sub, const Node *sup, qreal em, int depth) const
{
    const qreal small = scriptEm(em);
    Layout layout;
    place(layout, base, 0, 0);
    qreal width = base.width;
    qreal scriptWidth = 0;
    if (sup) {
        const Layout raised = set(*sup, small, depth + 1);
        const qreal shift = std::max(em * 0.42, base.ascent - small * 0.3) + raised.descent;
        place(layout, raised, width, -shift);
        scriptWidth = raised.width;
    }
    if (sub) {
        const Layout lowered = set(*sub, small, depth + 1);
        qreal shift = std::max(em * 0.22, base.descent + small * 0.1);
        shift = std::max(shift, lowered.ascent - em * 0.4);
        place(layout, lowered, width, shift);
        scriptWidth = std::max(scriptWidth, lowered.width);
    }
    layout.width = width + scriptWidth + em * 0.05;
    return layout;
}

Layout Typesetter::radical(const Node &node, qreal em, int depth) const
{
    static const Node empty;
    const Layout body = set(node.children.empty() ? empty : node.children[0], em, depth + 1);
    const Node &degreeNode = node.children.size() > 1 ? node.children[1] : empty;
    const qreal gap = em * 0.12;
    const qreal thickness = std::max(em / 20, 0.4);
    const qreal top = -(body.ascent + gap + thickness);
    const qreal bottom = body.descent + em * 0.05;
    const qreal signWidth = em * 0.55;
    qreal x = 0;
    Layout layout;
    if (!degreeNode.isEmpty()) {
        const Layout degree = set(degreeNode, scriptEm(scriptEm(em)) * 1.2, depth + 1);
        const qreal lift = top + (bottom - top) * 0.45;
        place(layout, degree, 0, lift - degree.descent);
        x = std::max(0.0, degree.width - signWidth * 0.45);
    }
    // The sign: a short rise, the long stroke down to the foot, up to the top, then the bar.
    QPainterPath sign;
    const qreal height = bottom - top;
    sign.moveTo(x, top + height * 0.6);
    sign.lineTo(x + signWidth * 0.25, top + height * 0.52);
    sign.lineTo(x + signWidth * 0.55, bottom);
    sign.lineTo(x + signWidth, top + thickness / 2);
    sign.lineTo(x + signWidth + body.width + em * 0.08, top + thickness / 2);
    layout.strokes.push_back(sign);
    place(layout, body, x + signWidth + em * 0.04, 0);
    layout.ascent = std::max(layout.ascent, -top + thickness);
    layout.descent = std::max(layout.descent, bottom);
    layout.width = x + signWidth + body.width + em * 0.12;
    return layout;
}

Layout Typesetter::largeOperator(const Node &node, qreal em, int depth) const
{
    static const Node empty;
    const auto child = [&](size_t i) -> const Node & { return i < node.children.size() ? node.children[i] : empty; };
    const bool integral = node.text.size() == 1 && QStringLiteral("∫∬∭∮∯∰").contains(node.text.front());
    const qreal size = m_display ? em * (integral ? 1.9 : 1.5) : em * (integral ? 1.3 : 1.15);
    Layout symbol = glyphs(node.text, size, false);
    // Centred on the axis.
    const qreal shift = (symbol.ascent - symbol.descent) / 2 - axis(em);
    Layout op;
    place(op, symbol, 0, shift);
    op.width = symbol.width;
    Layout layout;
    const bool underOver = node.flag && m_display;
    if (underOver) {
        const qreal small = scriptEm(em);
        const Layout lower = set(child(0), small, depth + 1);
        const Layout upper = set(child(1), small, depth + 1);
        const qreal width = std::max({op.width, lower.width, upper.width});
        place(layout, op, (width - op.width) / 2, 0);
        const qreal gap = em * 0.12;
        if (!child(1).isEmpty())
            place(layout, upper, (width - upper.width) / 2, -op.ascent - gap - upper.descent);
        if (!child(0).isEmpty())
            place(layout, lower, (width - lower.width) / 2, op.descent + gap + lower.ascent);
        layout.width = width;
    } else {
        layout = scripts(
            op, child(0).isEmpty() ? nullptr : &child(0), child(1).isEmpty() ? nullptr : &child(1), em, depth);
    }
    if (!child(2).isEmpty()) {
        const Layout body = set(child(2), em, depth + 1);
        const qreal x = layout.width + em * 0.1;
        place(layout, body, x, 0);
        layout.width = x + body.width;
    }
    return layout;
}

Layout Typesetter::fence(const QString &text, qreal em, qreal ascent, qreal descent) const
{
    Layout layout = glyphs(text, em, false);
    if (text.isEmpty())
        return layout;
    // Symmetric about the axis, covering the content.
    const qreal half = std::max(ascent - axis(em), descent + axis(em)) + em * 0.08;
    const qreal natural = layout.ascent + layout.descent;
    const qreal wanted = 2 * half;
    // Content no taller than a line of letters keeps the fence as the font draws it.
    if (natural <= 0 || ascent + descent <= em * 1.25 || wanted <= natural * 1.05)
        return layout;
    const qreal stretch = std::min(wanted / natural, 40.0);
    Layout::Glyphs &glyph = layout.glyphs.front();
    // Moved so that its box's centre sits on the axis, then scaled about that centre.
    const qreal centre = (layout.descent - layout.ascent) / 2;
    glyph.origin.ry() += -axis(em) - centre;
    glyph.stretch = stretch;
    glyph.stretchCentre = -axis(em);
    layout.ascent = half + axis(em);
    layout.descent = half - axis(em);
    layout.width += em * 0.05 * std::min(stretch, 4.0);
    return layout;
}

Layout Typesetter::fenced(const Node &node, qreal em, int depth) const
{
    std::vector<Layout> items;
    qreal ascent = 0;
    qreal descent = 0;
    for (const Node &child : node.children) {
        items.push_back(set(child, em, depth + 1));
        ascent = std::max(ascent, items.back().ascent);
        descent = std::max(descent, items.back().descent);
    }
    Layout layout;
    qreal x = 0;
    const auto add = [&](const Layout &part) {
        place(layout, part, x, 0);
        x += part.width;
    };
    add(fence(node.open, em, ascent, descent));
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0 && !node.separator.isEmpty())
            add(fence(node.separator, em, ascent, descent));
        add(items[i]);
    }
    add(fence(node.close, em, ascent, descent));
    layout.width = x;
    return layout;
}

Layout Typesetter::table(const Node &node, qreal em, int depth) const
{
    std::vector<std::vector<Layout>> cells;
    std::vector<qreal> widths;
    for (const Node &row : node.children) {
        cells.emplace_back();
        for (const Node &cell : row.children) {
            cells.back().push_back(set(cell, em, depth + 2));
            const size_t column = cells.back().size() - 1;
            if (widths.size() <= column)
                widths.push_back(0);
            widths[column] = std::max(widths[column], cells.back().back().width);
        }
    }
    const qreal columnGap = em * 0.8;
    const qreal rowGap = em * 0.25;
    Layout stacked;
    qreal y = 0;
    for (size_t r = 0; r < cells.size(); ++r) {
        qreal ascent = em * 0.7;
        qreal descent = em * 0.2;
        for (const Layout &cell : cells[r]) {
            ascent = std::max(ascent, cell.ascent);
            descent = std::max(descent, cell.descent);
        }
        if (r > 0)
            y += rowGap;
        y += ascent;
        qreal x = 0;
        for (size_t c = 0; c < cells[r].size(); ++c) {
            place(stacked, cells[r][c], x + (widths[c] - cells[r][c].width) / 2, y);
            x += widths[c] + columnGap;
        }
        y += descent;
    }
    qreal width = 0;
    for (const qreal each : widths)
        width += each;
    width += columnGap * std::max<qreal>(0, qreal(widths.size()) - 1);
    // Centred on the axis.
    Layout layout;
    place(layout, stacked, 0, -axis(em) - y / 2);
    layout.ascent = std::max(layout.ascent, axis(em) + y / 2);
    layout.descent = std::max(layout.descent, y / 2 - axis(em));
    layout.width = width;
    return layout;
}

Layout Typesetter::stack(const Node &node, qreal em, int depth) const
{
    static const Node empty;
    const auto child = [&](size_t i) -> const Node & { return i < node.children.size() ? node.children[i] : empty; };
    const Layout base = set(child(0), em, depth + 1);
    const bool accent = node.flag;
    QString mark = accent && child(2).kind == Kind::Operator ? child(2).text : QString();
    if (mark.size() == 1) {
        // Combining marks (OMML's usual accents) drawn as their spacing forms, centred on the base.
        static const QHash<char16_t, char16_t> spacing {{0x0300, 0x0060}, {0x0301, 0x00B4}, {0x0302, 0x02C6},
            {0x0303, 0x02DC}, {0x0304, 0x00AF}, {0x0305, 0x00AF}, {0x0306, 0x02D8}, {0x0307, 0x02D9}, {0x0308, 0x00A8},
            {0x030C, 0x02C7}, {0x20D7, 0x2192}, {0x203E, 0x00AF}};
        mark = QChar(spacing.value(mark.front().unicode(), mark.front().unicode()));
        if (mark == QStringLiteral("\u00AF")) {
            Node rule = Node::leaf(Kind::Bar, QString());
            rule.children.push_back(child(0));
            return bar(rule, em, depth);
        }
        Layout layout;
        place(layout, base, 0, 0);
        const QFontMetricsF metrics(m_upright);
        const qreal k = em / Reference;
        const QRectF tight = metrics.tightBoundingRect(mark);
        const qreal width = metrics.horizontalAdvance(mark) * k;
        Layout glyph;
        glyph.glyphs.push_back({mark, QPointF(0, 0), em, false, 1, 0});
        glyph.ascent = std::clamp(-tight.top() * k, 0.0, 3 * em);
        // The mark's foot a little over the base's top.
        const qreal lift = base.ascent + em * 0.06 + std::min(0.0, tight.bottom() * k);
        place(layout, glyph,
            (base.width - width) / 2 + (base.glyphs.size() == 1 && base.glyphs.front().italic ? em * 0.08 : 0), -lift);
        layout.width = std::max(base.width, width);
        return layout;
    }
    const qreal small = accent ? em : scriptEm(em);
    const Layout under = set(child(1), small, depth + 1);
    const Layout over = set(child(2), small, depth + 1);
    const qreal width = std::max({base.width, under.width, over.width});
    Layout layout;
    place(layout, base, (width - base.width) / 2, 0);
    const qreal gap = accent ? em * 0.02 : em * 0.1;
    if (!child(2).isEmpty()) {
        // An accent's glyph sits high in its box: it is set on the base's top, not the x-height.
        const qreal lift = accent ? base.ascent - em * 0.5 : base.ascent + gap + over.descent;
        place(layout, over, (width - over.width) / 2, -lift);
    }
    if (!child(1).isEmpty())
        place(layout, under, (width - under.width) / 2, base.descent + gap + under.ascent);
    layout.width = width;
    return layout;
}

Layout Typesetter::bar(const Node &node, qreal em, int depth) const
{
    static const Node empty;
    const Layout base = set(node.children.empty() ? empty : node.children[0], em, depth + 1);
    Layout layout;
    place(layout, base, 0, 0);
    const qreal thickness = std::max(em / 20, 0.4);
    const qreal y = node.flag ? base.descent + em * 0.1 : -base.ascent - em * 0.1;
    layout.rules.push_back({QLineF(0, y, base.width, y), thickness});
    if (node.flag)
        layout.descent = std::max(layout.descent, y + thickness);
    else
        layout.ascent = std::max(layout.ascent, -y + thickness);
    layout.width = base.width;
    return layout;
}

} // namespace

QString Formula::text() const
{
    return linear(m_root);
}

Layout Formula::layout(qreal pointSize) const
{
    const Typesetter typesetter(m_display);
    return typesetter.set(m_root, std::clamp(pointSize, 1.0, 400.0), 0);
}

void Formula::paint(QPainter &painter, QPointF origin, qreal pointSize, const QColor &ink) const
{
    const Layout laidOut = layout(pointSize);
    QFont upright = fonts::font(fonts::Role::Serif, 10);
    upright.setPixelSize(int(Reference));
    QFont italic = upright;
    italic.setItalic(true);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(origin);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    for (const Layout::Glyphs &glyphs : laidOut.glyphs) {
        // Outlines of the glyphs at the reference size, scaled: the same on any device.
        QPainterPath path;
        path.addText(0, 0, glyphs.italic ? italic : upright, glyphs.text);
        const qreal k = glyphs.em / Reference;
        QTransform transform;
        transform.translate(glyphs.origin.x(), glyphs.stretchCentre);
        transform.scale(k, k * glyphs.stretch);
        transform.translate(0, (glyphs.origin.y() - glyphs.stretchCentre) / k);
        painter.drawPath(transform.map(path));
    }
    painter.setBrush(Qt::NoBrush);
    for (const Layout::Rule &rule : laidOut.rules) {
        painter.setPen(QPen(ink, rule.width, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(rule.line);
    }
    painter.setPen(QPen(ink, std::max(pointSize / 20, 0.4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPainterPath &stroke : laidOut.strokes)
        painter.drawPath(stroke);
    painter.restore();
}

} // namespace folio::office::math
