// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <array>
#include <memory>
#include <optional>

// The slide model shared by the PPTX and ODP readers (and SmartArt drawings, diagram.h) and drawn
// by SlidePainter. Lengths are in
// points, geometry is in slide coordinates (origin top left). Text properties are optional while
// a reader layers them (slide → layout → master → defaults); resolve() fills what is still unset.
namespace folio::office {
class Chart;
}

namespace folio::presentation {

struct TextProps
{
    std::optional<double> size; // points
    std::optional<bool> bold;
    std::optional<bool> italic;
    std::optional<bool> underline;
    std::optional<QColor> color;
    QString family; // empty: inherited

    // Takes from `base` what this one leaves unset.
    void inherit(const TextProps &base)
    {
        if (!size)
            size = base.size;
        if (!bold)
            bold = base.bold;
        if (!italic)
            italic = base.italic;
        if (!underline)
            underline = base.underline;
        if (!color)
            color = base.color;
        if (family.isEmpty())
            family = base.family;
    }
};

struct Bullet
{
    enum class Kind { None, Char, Number };
    Kind kind = Kind::None;
    QString character; // Kind::Char
    QString scheme; // Kind::Number: "arabicPeriod", "alphaLcParenR", "romanUcPeriod", ...
    int start = 1;
};

struct ParagraphProps
{
    std::optional<Qt::Alignment> alignment;
    std::optional<double> marginLeft; // points, where the text of every line starts
    std::optional<double> indent; // points, added to the first line (negative: hanging bullet)
    std::optional<Bullet> bullet;
    std::optional<double> spaceBefore; // points above the paragraph (not above a frame's first)
    std::optional<double> spaceBeforeLines; // the same in lines of the paragraph's first font
    std::optional<double> lineSpacing; // multiple of the font's line height
    TextProps run; // default run properties of the level

    void inherit(const ParagraphProps &base)
    {
        if (!alignment)
            alignment = base.alignment;
        if (!marginLeft)
            marginLeft = base.marginLeft;
        if (!indent)
            indent = base.indent;
        if (!bullet)
            bullet = base.bullet;
        if (!spaceBefore && !spaceBeforeLines) {
            spaceBefore = base.spaceBefore;
            spaceBeforeLines = base.spaceBeforeLines;
        }
        if (!lineSpacing)
            lineSpacing = base.lineSpacing;
        run.inherit(base.run);
    }
};

// Paragraph properties per outline level (0..8).
using ListStyle = std::array<ParagraphProps, 9>;

inline void inheritList(ListStyle &style, const ListStyle &base)
{
    for (size_t i = 0; i < style.size(); ++i)
        style[i].inherit(base[i]);
}

struct Run
{
    QString text; // U+2028 for a line break inside the paragraph
    TextProps props;
    bool slideNumber = false; // a slide number field (a:fld type="slidenum", text:page-number)
};

struct Paragraph
{
    int level = 0;
    ParagraphProps props;
    QList<Run> runs;
    TextProps endProps; // an empty paragraph's height comes from these
    int number = 0; // auto-number value, filled by numberParagraphs()

    QString text() const
    {
        QString all;
        for (const Run &run : runs)
            all += run.text;
        return all;
    }
};

enum class Anchor { Top, Middle, Bottom };

struct TextBody
{
    QList<Paragraph> paragraphs;
    std::shared_ptr<ListStyle> listStyle; // the shape's own a:lstStyle; null when it has none (most shapes)
    std::optional<Anchor> anchor;
    std::optional<double> insetLeft, insetTop, insetRight, insetBottom;
    bool wrap = true;
    // DrawingML saves the fit PowerPoint made (a:normAutofit): its font scale and line spacing
    // reduction are applied as they are, and nothing is shrunk otherwise. ODF leaves fitting to
    // the viewer (shrinkToFit in layoutBody()).
    bool fitSaved = false;
    double fontScale = 1; // a:normAutofit fontScale, 0.01..1
    double lineSpacingReduction = 0; // a:normAutofit lnSpcReduction, 0..0.9 (of a line)

    bool isEmpty() const
    {
        for (const Paragraph &paragraph : paragraphs) {
            if (!paragraph.text().trimmed().isEmpty())
                return false;
        }
        return true;
    }
};

struct TableCell
{
    // One side of a cell's border from the table style: width in points (0: none) and colour.
    struct Edge
    {
        double width = 0;
        QColor color;
    };
    TextBody body;
    std::optional<QColor> fill;
    std::array<std::optional<Edge>, 4> borders; // top, left, bottom, right (Table::styled)
    int columnSpan = 1;
    bool merged = false; // covered by a neighbour's span
};

struct Table
{
    // A built-in table style was applied (its fills and borders are in the cells); otherwise a
    // thin grey grid stands in for the unknown style.
    bool styled = false;
    QList<double> columnWidths;
    QList<double> rowHeights;
    QList<QList<TableCell>> rows;
};

struct Shape
{
    enum class Kind { Text, Rectangle, RoundRectangle, Ellipse, Triangle, Trapezoid, Line, Picture, Table, Chart };
    Kind kind = Kind::Text;
    QRectF rect;
    bool hasGeometry = false; // false: a placeholder that takes its place from the layout
    double rotation = 0; // degrees clockwise around the centre
    bool flipH = false;
    bool flipV = false;
    // A preset's first adjustment (a:gd name="adj" fmla="val N"), in 1/100000: a trapezoid's
    // slant as a share of the shorter side. Unset: the preset's default.
    std::optional<double> adjust;
    std::optional<QColor> fill; // transparent: explicitly none
    std::optional<QColor> line;
    double lineWidth = 0.75;
    TextBody text;
    std::optional<QColor> fontColor; // a shape style's font colour (PPTX p:style/a:fontRef)
    QString image; // package path of a picture
    std::shared_ptr<Table> table;
    std::shared_ptr<const office::Chart> chart;

    // Placeholders (PPTX p:ph, ODP presentation:class).
    bool placeholder = false;
    QString placeholderType; // "title", "ctrTitle", "body", "subTitle", "dt", "ftr", "sldNum", "pic", ...
    QString placeholderIndex;

    bool isTitle() const
    {
        return placeholder
            && (placeholderType == QLatin1String("title") || placeholderType == QLatin1String("ctrTitle"));
    }
};

struct Slide
{
    QString part; // for messages
    bool hidden = false;
    std::optional<QColor> background;
    QString backgroundImage;
    QList<Shape> shapes; // z-order, back to front (layout and master shapes first)
    QList<Paragraph> notes;
    QString title;
};

struct Presentation
{
    QSizeF size {720, 540};
    QList<Slide> slides;
};

// The slide sizes producers can express are far larger than any screen; a hostile value is
// clamped to what PowerPoint itself allows (1 to 56 inches), zero or missing gives 4:3.
QSizeF clampSlideSize(double width, double height);

// Sets Paragraph::number for auto-numbered paragraphs: consecutive paragraphs of one level count up.
void numberParagraphs(QList<Paragraph> &paragraphs);
// Writes `number` into the slide number fields of the slide's shapes and table cells.
void numberSlide(Slide &slide, int number);

// The label of an auto-number (`scheme` as in DrawingML's a:buAutoNum type).
QString numberLabel(const QString &scheme, int number);

} // namespace folio::presentation
