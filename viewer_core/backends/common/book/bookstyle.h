// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace folio::book {

// The body of an XHTML chapter becomes a <div> of this class (QTextDocument has one body per
// document, and chapters are appended in pieces); style sheet rules for `body` follow it.
inline const QString BodyClass = QStringLiteral("folio-body");

// An @font-face rule: the family name the style sheet uses and the font file (book path).
struct FontFace
{
    QString family;
    QString path;
};

// Lengths QTextDocument does not understand are converted with these.
struct StyleContext
{
    qreal baseFontSize = 11; // points: what 1em and 100% mean
    qreal pixelsPerPoint = 1; // CSS px in QTextDocument formats per point on the page
    // The page's text width in points: what percentages are of, and what horizontal margins,
    // paddings and indents are capped by (0: no page known; lengths then keep a fixed cap).
    qreal textWidth = 0;
    // Families of registered embedded fonts by lower-case CSS family name.
    QHash<QString, QString> fontFamilies;
};

// Reduces CSS to the subset QTextDocument's HTML engine handles well: a list of supported
// properties (font, colour, alignment, indents, margins, borders, page breaks); font sizes,
// indents and line heights in em/rem/% converted; pseudo-classes, @media for other devices,
// url() and everything else dropped. Never fetches anything: @import is ignored.
class StyleSheetFilter
{
public:
    // Turns a URL written in a sheet into a book path (@font-face src); empty leaves the book.
    using PathResolver = std::function<QString(const QString &base, const QString &href)>;

    // Without `resolver`, URLs resolve with resolvePath().
    explicit StyleSheetFilter(const StyleContext &context, PathResolver resolver = {})
        : m_context(context)
        , m_resolver(std::move(resolver))
    { }

    // A whole style sheet. `path` is the sheet's book path (for @font-face URLs); each
    // @font-face found is reported to `fontFace` before the rules that follow it are filtered.
    QString filterSheet(
        const QString &css, const QString &path, const std::function<void(const FontFace &)> &fontFace) const;
    // The declarations of one rule or style attribute ("color: red; margin: 0").
    QString filterDeclarations(QStringView declarations) const;

    static constexpr int MaxRules = 4000; // per sheet: QTextDocument matches every rule against every element

private:
    QString filterRules(QStringView css, const QString &path, const std::function<void(const FontFace &)> &fontFace,
        int &rules, int nesting) const;
    QString filterSelectors(QStringView selectors) const;
    QString filterValue(const QString &property, const QString &value) const;
    QString mapFamilies(const QString &value) const;

    const StyleContext &m_context;
    PathResolver m_resolver;
};

} // namespace folio::book
