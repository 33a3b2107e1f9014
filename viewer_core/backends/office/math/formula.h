// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QLineF>
#include <QPainterPath>
#include <QPointF>
#include <QString>

#include <vector>

class QPainter;

// Equations of office documents (OMML in DOCX, MathML in ODF formula objects): one model both
// readers fill, laid out in two dimensions and drawn as vectors with QPainter, with a linear
// text form ("(a+b)/2", "x^2", "√(x)") for text extraction and search.
namespace folio::office::math {

// Readers stop at these: deeper structures are read as their flat text, and nodes past the
// count are dropped.
inline constexpr int MaxDepth = 32;
inline constexpr int MaxNodes = 20000;

struct Node
{
    enum class Kind {
        Row, // children side by side
        Identifier, // text; one letter is set in italics unless `flag` (upright)
        Number,
        Operator,
        Text, // upright prose (mtext, OMML m:nor)
        Space, // `size` em wide
        Fraction, // numerator, denominator; `flag`: no bar
        Scripts, // base, subscript, superscript (either an empty Row)
        Radical, // body, degree (an empty Row for a square root)
        LargeOperator, // `text` (∑, ∫, ∏...); lower limit, upper limit, body; `flag`: limits under and over
        Fenced, // `open` and `close` around the children, `separator` between them; both stretch
        Table, // rows (Row nodes) of cells
        Stack, // base, under, over (either an empty Row); `flag`: over is an accent, set close
        Bar, // the child with a rule over it (`flag`: under it)
        Function, // name, argument
    };
    Kind kind = Kind::Row;
    QString text;
    QString open, close, separator;
    bool flag = false;
    qreal size = 0;
    std::vector<Node> children;

    bool isEmpty() const { return kind == Kind::Row && children.empty(); }
    static Node leaf(Kind kind, const QString &text)
    {
        Node node;
        node.kind = kind;
        node.text = text;
        return node;
    }
};

// A laid-out formula: what to draw, relative to the formula's left end on its baseline (y grows
// downwards, as on a page), in points.
struct Layout
{
    struct Glyphs
    {
        QString text;
        QPointF origin; // the start of the baseline
        qreal em = 0; // font size in points
        bool italic = false;
        qreal stretch = 1; // vertical scale about the centre of the text's box (stretched fences)
        qreal stretchCentre = 0; // that centre's y
    };
    struct Rule
    {
        QLineF line;
        qreal width = 0;
    };
    qreal width = 0;
    qreal ascent = 0; // above the baseline
    qreal descent = 0; // below it
    std::vector<Glyphs> glyphs;
    std::vector<Rule> rules;
    std::vector<QPainterPath> strokes; // radical signs, drawn with rule width em / 20

    qreal height() const { return ascent + descent; }
};

class Formula
{
public:
    Formula() = default;
    Formula(Node root, bool display)
        : m_root(std::move(root))
        , m_display(display)
    { }

    const Node &root() const { return m_root; }
    // A display formula has a line of its own (OMML m:oMathPara, MathML display="block");
    // limits of large operators then go under and over them.
    bool isDisplay() const { return m_display; }
    bool isEmpty() const { return m_root.isEmpty(); }

    // The formula in one line of text: "(a+b)/2", "x^2", "√(x)", "∑_(i=1)^n i".
    QString text() const;
    // The formula laid out with its ordinary text `pointSize` points high.
    Layout layout(qreal pointSize) const;
    // Draws layout(pointSize) with its baseline's left end at `origin`.
    void paint(QPainter &painter, QPointF origin, qreal pointSize, const QColor &ink) const;

private:
    Node m_root;
    bool m_display = false;
};

} // namespace folio::office::math
