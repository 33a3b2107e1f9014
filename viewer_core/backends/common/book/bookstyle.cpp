// SPDX-License-Identifier: GPL-3.0-or-later
#include "bookstyle.h"

#include "book.h"
#include "fonts.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace folio::book {

namespace {

constexpr int MaxMediaNesting = 4;
constexpr qreal MinFontSize = 4; // points
constexpr qreal MaxFontSize = 96;
constexpr qreal MaxLength = 250; // px, for margins and indents: more only pushes text off the page
// A horizontal margin, padding or indent takes at most this share of the text width. Books made
// for wide screens set margins in em (margin: 6em 16em) that would leave an A5 page a column a
// few letters wide; an eighth per side still lets a few nested blocks indent visibly.
constexpr qreal MaxHorizontalShare = 1.0 / 8;

enum class Kind { Keep, FontSize, Length, LineHeight, Family, PageBreak };

const QHash<QString, Kind> &supportedProperties()
{
    static const QHash<QString, Kind> properties = {
        {QStringLiteral("color"), Kind::Keep},
        {QStringLiteral("background-color"), Kind::Keep},
        {QStringLiteral("font-family"), Kind::Family},
        {QStringLiteral("font-size"), Kind::FontSize},
        {QStringLiteral("font-style"), Kind::Keep},
        {QStringLiteral("font-weight"), Kind::Keep},
        {QStringLiteral("font-variant"), Kind::Keep},
        {QStringLiteral("text-decoration"), Kind::Keep},
        {QStringLiteral("text-transform"), Kind::Keep},
        {QStringLiteral("text-align"), Kind::Keep},
        {QStringLiteral("vertical-align"), Kind::Keep},
        {QStringLiteral("white-space"), Kind::Keep},
        {QStringLiteral("list-style-type"), Kind::Keep},
        {QStringLiteral("border-collapse"), Kind::Keep},
        {QStringLiteral("border-style"), Kind::Keep},
        {QStringLiteral("border-color"), Kind::Keep},
        {QStringLiteral("border-width"), Kind::Length},
        {QStringLiteral("border"), Kind::Keep},
        {QStringLiteral("text-indent"), Kind::Length},
        {QStringLiteral("margin"), Kind::Length},
        {QStringLiteral("margin-top"), Kind::Length},
        {QStringLiteral("margin-bottom"), Kind::Length},
        {QStringLiteral("margin-left"), Kind::Length},
        {QStringLiteral("margin-right"), Kind::Length},
        {QStringLiteral("padding"), Kind::Length},
        {QStringLiteral("padding-top"), Kind::Length},
        {QStringLiteral("padding-bottom"), Kind::Length},
        {QStringLiteral("padding-left"), Kind::Length},
        {QStringLiteral("padding-right"), Kind::Length},
        {QStringLiteral("line-height"), Kind::LineHeight},
        {QStringLiteral("page-break-before"), Kind::PageBreak},
        {QStringLiteral("page-break-after"), Kind::PageBreak},
        {QStringLiteral("break-before"), Kind::PageBreak},
        {QStringLiteral("break-after"), Kind::PageBreak},
    };
    return properties;
}

// Index of the '}' closing the block that opens at `open`, skipping strings; size() if none.
qsizetype blockEnd(QStringView css, qsizetype open)
{
    int nesting = 0;
    QChar quote;
    for (qsizetype i = open; i < css.size(); ++i) {
        const QChar c = css[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\')
                ++i;
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'{') {
            ++nesting;
        } else if (c == u'}' && --nesting == 0) {
            return i;
        }
    }
    return css.size();
}

QString withoutComments(const QString &css)
{
    QString out;
    out.reserve(css.size());
    qsizetype i = 0;
    while (i < css.size()) {
        const qsizetype start = css.indexOf(QLatin1String("/*"), i);
        if (start < 0) {
            out += QStringView(css).mid(i);
            break;
        }
        out += QStringView(css).mid(i, start - i);
        const qsizetype end = css.indexOf(QLatin1String("*/"), start + 2);
        if (end < 0)
            break;
        i = end + 2;
    }
    return out;
}

// "1.5em" → {1.5, "em"}; unit empty for a bare number; ok false when it is not a number.
struct Length
{
    qreal value = 0;
    QString unit;
    bool ok = false;
};

Length parseLength(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-z%]*)$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed().toLower());
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toDouble(), match.captured(2), true};
}

QString number(qreal value)
{
    return QString::number(std::round(value * 100) / 100, 'g', 6);
}

bool screenMedia(QStringView prelude)
{
    const QString query = prelude.toString().toLower();
    return query.trimmed().isEmpty() || query.contains(QLatin1String("screen")) || query.contains(QLatin1String("all"));
}

QString firstUrl(QStringView value)
{
    static const QRegularExpression pattern(QStringLiteral("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)"));
    const QRegularExpressionMatch match = pattern.match(value);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value.trimmed();
}

} // namespace

QString StyleSheetFilter::filterSheet(
    const QString &css, const QString &path, const std::function<void(const FontFace &)> &fontFace) const
{
    int rules = 0;
    return filterRules(withoutComments(css), path, fontFace, rules, 0);
}

QString StyleSheetFilter::filterRules(QStringView css, const QString &path,
    const std::function<void(const FontFace &)> &fontFace, int &rules, int nesting) const
{
    QString out;
    qsizetype i = 0;
    while (i < css.size() && rules < MaxRules) {
        while (i < css.size() && css[i].isSpace())
            ++i;
        if (i >= css.size())
            break;
        const qsizetype brace = css.indexOf(u'{', i);
        if (css[i] == u'@') {
            const qsizetype semicolon = css.indexOf(u';', i);
            // @import, @charset, @namespace: statements without a block.
            if (brace < 0 || (semicolon >= 0 && semicolon < brace)) {
                if (semicolon < 0)
                    break;
                i = semicolon + 1;
                continue;
            }
            const qsizetype end = blockEnd(css, brace);
            const QStringView prelude = css.mid(i + 1, brace - i - 1).trimmed();
            const QStringView body = css.mid(brace + 1, end - brace - 1);
            if (prelude.startsWith(QLatin1String("font-face"), Qt::CaseInsensitive)) {
                FontFace face;
                for (QStringView declaration : body.split(u';')) {
                    const qsizetype colon = declaration.indexOf(u':');
                    if (colon < 0)
                        continue;
                    const QString property = declaration.left(colon).trimmed().toString().toLower();
                    const QStringView value = declaration.mid(colon + 1);
                    if (property == QLatin1String("font-family"))
                        face.family = unquoted(value.toString());
                    else if (property == QLatin1String("src") && face.path.isEmpty())
                        face.path = m_resolver ? m_resolver(path, firstUrl(value)) : resolvePath(path, firstUrl(value));
                }
                if (!face.family.isEmpty() && !face.path.isEmpty() && fontFace)
                    fontFace(face);
            } else if (prelude.startsWith(QLatin1String("media"), Qt::CaseInsensitive) && nesting < MaxMediaNesting
                && screenMedia(prelude.mid(5))) {
                out += filterRules(body, path, fontFace, rules, nesting + 1);
            }
            i = end + 1;
            continue;
        }
        if (brace < 0)
            break;
        const qsizetype end = blockEnd(css, brace);
        const QString selectors = filterSelectors(css.mid(i, brace - i));
        if (!selectors.isEmpty()) {
            const QString declarations = filterDeclarations(css.mid(brace + 1, end - brace - 1));
            if (!declarations.isEmpty()) {
                out += selectors + QLatin1String(" { ") + declarations + QLatin1String(" }\n");
                ++rules;
            }
        }
        i = end + 1;
    }
    return out;
}

QString StyleSheetFilter::filterSelectors(QStringView selectors) const
{
    static const QRegularExpression htmlPrefix(QStringLiteral("^html(\\s*>\\s*|\\s+)(?=\\S)"));
    static const QRegularExpression rootElement(QStringLiteral("(^|[\\s>+~])(html|body)(?=$|[\\s>+~.#])"));
    QStringList kept;
    for (QStringView selector : selectors.split(u',')) {
        QString text = selector.trimmed().toString();
        // Pseudo-classes and -elements (::first-letter...) would apply to the whole element;
        // attribute selectors and escapes are rare and not worth the risk.
        if (text.isEmpty() || text.contains(u':') || text.contains(u'[') || text.contains(u'\\') || text.contains(u'@')
            || text.contains(u'{') || text.contains(u'}'))
            continue;
        text.replace(htmlPrefix, QString());
        text.replace(rootElement, QStringLiteral("\\1.") + BodyClass);
        kept.append(text);
    }
    return kept.join(QLatin1String(", "));
}

QString StyleSheetFilter::filterDeclarations(QStringView declarations) const
{
    QStringList kept;
    for (QStringView declaration : declarations.split(u';')) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon < 0)
            continue;
        const QString property = declaration.left(colon).trimmed().toString().toLower();
        QString value = declaration.mid(colon + 1).trimmed().toString();
        value.remove(
            QRegularExpression(QStringLiteral("\\s*!\\s*important\\s*$"), QRegularExpression::CaseInsensitiveOption));
        const QString lower = value.toLower();
        // Nothing is ever fetched, and nothing Qt's parser might take for markup gets through.
        if (value.isEmpty() || lower.contains(QLatin1String("url(")) || lower.contains(QLatin1String("expression("))
            || value.contains(u'\\') || value.contains(u'<') || value.contains(u'{') || value.contains(u'}'))
            continue;
        const QString filtered = filterValue(property, value);
        if (!filtered.isEmpty())
            kept.append(filtered);
    }
    return kept.join(QLatin1String("; "));
}

QString StyleSheetFilter::filterValue(const QString &property, const QString &value) const
{
    const auto found = supportedProperties().constFind(property);
    if (found == supportedProperties().cend())
        return {};
    const auto declaration = [&property](const QString &v) { return property + QLatin1String(": ") + v; };
    switch (*found) {
    case Kind::Keep:
        return declaration(value);
    case Kind::Family:
        return declaration(mapFamilies(value));
    case Kind::FontSize: {
        // QTextDocument ignores relative font sizes: make them points.
        const Length length = parseLength(value);
        if (!length.ok)
            return value.contains(QLatin1String("small")) || value.contains(QLatin1String("large"))
                    || value == QLatin1String("medium")
                ? declaration(value)
                : QString();
        qreal points = -1;
        if (length.unit == QLatin1String("em") || length.unit == QLatin1String("rem"))
            points = length.value * m_context.baseFontSize;
        else if (length.unit == QLatin1String("%"))
            points = length.value / 100 * m_context.baseFontSize;
        else if (length.unit == QLatin1String("pt"))
            points = length.value;
        else if (length.unit == QLatin1String("px"))
            points = length.value * 0.75;
        if (points <= 0)
            return {};
        return declaration(number(std::clamp(points, MinFontSize, MaxFontSize)) + QLatin1String("pt"));
    }
    case Kind::Length: {
        const qreal width = m_context.textWidth * m_context.pixelsPerPoint; // the text area, in px
        const qreal horizontalCap = width > 0 ? width * MaxHorizontalShare : MaxLength;
        const bool shorthand = property == QLatin1String("margin") || property == QLatin1String("padding");
        const bool horizontal = property.endsWith(QLatin1String("-left")) || property.endsWith(QLatin1String("-right"))
            || property == QLatin1String("text-indent");
        QStringList values = value.split(u' ', Qt::SkipEmptyParts);
        // A shorthand written out as top, right, bottom, left, so its sides can be capped apart.
        if (shorthand && !values.isEmpty() && values.size() <= 4) {
            while (values.size() < 4) {
                static constexpr int copyFrom[4] = {0, 0, 0, 1}; // CSS: right=top, bottom=top, left=right
                values.append(values.at(copyFrom[values.size()]));
            }
        }
        QStringList parts;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QString &part = values.at(i);
            const Length length = parseLength(part);
            if (!length.ok) {
                if (property.startsWith(QLatin1String("border")) || part == QLatin1String("auto"))
                    parts.append(part);
                else if (shorthand)
                    parts.append(QStringLiteral("0px")); // keeps the sides in their places
                continue;
            }
            qreal pixels = 0;
            if (length.unit == QLatin1String("em") || length.unit == QLatin1String("rem"))
                pixels = length.value * m_context.baseFontSize * m_context.pixelsPerPoint;
            else if (length.unit == QLatin1String("pt"))
                pixels = length.value * m_context.pixelsPerPoint;
            else if (length.unit == QLatin1String("px") || (length.unit.isEmpty() && length.value == 0))
                pixels = length.value;
            else if (length.unit == QLatin1String("%") && !property.startsWith(QLatin1String("border")))
                pixels = length.value / 100 * width; // of the containing block's width, taken as the page's
            // Other units count as nothing.
            const bool side = horizontal || (shorthand && (i == 1 || i == 3));
            const qreal cap = side ? std::min(horizontalCap, MaxLength) : MaxLength;
            parts.append(number(std::clamp(pixels, -cap, cap)) + QLatin1String("px"));
        }
        return parts.isEmpty() ? QString() : declaration(parts.join(u' '));
    }
    case Kind::LineHeight: {
        // Only proportional heights: a fixed one made for another font size overlaps lines.
        const Length length = parseLength(value);
        if (!length.ok)
            return value == QLatin1String("normal") ? declaration(value) : QString();
        qreal percent = -1;
        if (length.unit.isEmpty() || length.unit == QLatin1String("em"))
            percent = length.value * 100;
        else if (length.unit == QLatin1String("%"))
            percent = length.value;
        if (percent <= 0)
            return {};
        return declaration(number(std::clamp<qreal>(percent, 80, 300)) + QLatin1String("%"));
    }
    case Kind::PageBreak: {
        const QString side
            = property.endsWith(QLatin1String("before")) ? QStringLiteral("before") : QStringLiteral("after");
        const bool always = value == QLatin1String("always") || value == QLatin1String("page")
            || value == QLatin1String("left") || value == QLatin1String("right");
        return always ? QStringLiteral("page-break-%1: always").arg(side) : QString();
    }
    }
    return {};
}

QString StyleSheetFilter::mapFamilies(const QString &value) const
{
    QStringList families;
    for (const QString &family : value.split(u',', Qt::SkipEmptyParts)) {
        const QString name = unquoted(family);
        if (name.isEmpty())
            continue;
        // The book's own fonts are used; any other name stands for a declared family, never
        // for whatever this machine has installed (the pages must not depend on it).
        const QString embedded = m_context.fontFamilies.value(name.toLower());
        const QStringList mapped = embedded.isEmpty() ? fonts::substitutes(name) : QStringList {embedded};
        for (const QString &family : mapped) {
            const QString quoted = u'"' + family + u'"';
            if (!families.contains(quoted))
                families.append(quoted);
        }
    }
    return families.join(QLatin1String(", "));
}

} // namespace folio::book
