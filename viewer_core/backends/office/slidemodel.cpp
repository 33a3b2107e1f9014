// SPDX-License-Identifier: GPL-3.0-or-later
#include "slidemodel.h"

#include <algorithm>
#include <cmath>

namespace folio::presentation {

QSizeF clampSlideSize(double width, double height)
{
    // PowerPoint accepts 1 to 56 inches per side.
    constexpr double Min = 72;
    constexpr double Max = 56 * 72;
    if (!std::isfinite(width) || !std::isfinite(height) || width <= 0 || height <= 0)
        return {720, 540};
    return {std::clamp(width, Min, Max), std::clamp(height, Min, Max)};
}

void numberSlide(Slide &slide, int number)
{
    const QString text = QString::number(number);
    const auto fill = [&text](TextBody &body) {
        for (Paragraph &paragraph : body.paragraphs) {
            for (Run &run : paragraph.runs) {
                if (run.slideNumber)
                    run.text = text;
            }
        }
    };
    for (Shape &shape : slide.shapes) {
        fill(shape.text);
        if (shape.table) {
            for (QList<TableCell> &row : shape.table->rows) {
                for (TableCell &cell : row)
                    fill(cell.body);
            }
        }
    }
}

void numberParagraphs(QList<Paragraph> &paragraphs)
{
    // Counters per level; a paragraph of a shallower level restarts the deeper ones.
    std::array<int, 9> next {};
    std::array<bool, 9> running {};
    for (Paragraph &paragraph : paragraphs) {
        const int level = std::clamp(paragraph.level, 0, 8);
        for (int deeper = level + 1; deeper < 9; ++deeper)
            running[deeper] = false;
        const Bullet bullet = paragraph.props.bullet.value_or(Bullet {});
        if (bullet.kind != Bullet::Kind::Number) {
            running[level] = false;
            continue;
        }
        if (!running[level]) {
            next[level] = bullet.start;
            running[level] = true;
        }
        paragraph.number = next[level]++;
    }
}

namespace {

QString roman(int number)
{
    static const std::pair<int, const char *> digits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
        {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    QString result;
    number = std::clamp(number, 1, 3999);
    for (const auto &[value, text] : digits) {
        while (number >= value) {
            result += QLatin1String(text);
            number -= value;
        }
    }
    return result;
}

QString alpha(int number)
{
    QString result;
    number = std::clamp(number, 1, 100000);
    while (number > 0) {
        --number;
        result.prepend(QChar(u'a' + number % 26));
        number /= 26;
    }
    return result;
}

} // namespace

QString numberLabel(const QString &scheme, int number)
{
    QString label;
    if (scheme.startsWith(QLatin1String("alphaLc")))
        label = alpha(number);
    else if (scheme.startsWith(QLatin1String("alphaUc")))
        label = alpha(number).toUpper();
    else if (scheme.startsWith(QLatin1String("romanLc")))
        label = roman(number);
    else if (scheme.startsWith(QLatin1String("romanUc")))
        label = roman(number).toUpper();
    else
        label = QString::number(number);
    if (scheme.endsWith(QLatin1String("ParenBoth")))
        return u'(' + label + u')';
    if (scheme.endsWith(QLatin1String("ParenR")))
        return label + u')';
    if (scheme.endsWith(QLatin1String("Plain")))
        return label;
    return label + u'.';
}

} // namespace folio::presentation
