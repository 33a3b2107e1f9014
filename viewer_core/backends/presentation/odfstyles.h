// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/office/slidemodel.h"

#include "backends/common/safexml.h"

#include <QHash>

// OpenDocument styles as far as slides need them: graphic (fill, stroke, text frame), paragraph
// and text properties, drawing-page properties (background, visibility), list styles and page
// layouts. Parent chains are followed when a style is looked up.
namespace folio::presentation::odf {

struct Style
{
    QString parent;
    QString fill; // "none", "solid", "bitmap", "gradient", "hatch"; empty: inherited
    std::optional<QColor> fillColor;
    QString fillImage; // draw:fill-image-name
    QString stroke; // "none", "solid", "dash"
    std::optional<QColor> strokeColor;
    std::optional<double> strokeWidth;
    std::optional<Anchor> anchor;
    std::optional<double> paddingLeft, paddingTop, paddingRight, paddingBottom;
    std::optional<bool> hidden; // presentation:visibility
    ParagraphProps paragraph; // paragraph properties and (in .run) text properties

    void inherit(const Style &base);
};

struct ListLevel
{
    Bullet bullet;
    std::optional<double> marginLeft;
    std::optional<double> indent;
};
using ListStyleLevels = std::array<ListLevel, 10>;

class Styles
{
public:
    // Reads styles and font declarations of content.xml or styles.xml; `automatic` marks the
    // office:automatic-styles of styles.xml (master pages) apart from those of content.xml.
    void read(SafeXmlReader &xml, bool stylesPart);

    // A style with its parents merged; `master` looks in styles.xml's automatic styles first.
    Style style(const QString &name, bool master) const;
    // For an outline frame's style whose chain passes through "<master>-outline1": "<master>-outline",
    // to which appending a level number (2..9) names the style of deeper outline levels.
    QString outlinePrefix(const QString &name, bool master) const;
    const Style &defaultGraphic() const { return m_defaultGraphic; }
    const ListStyleLevels *listStyle(const QString &name) const;
    QSizeF pageSize(const QString &masterName) const;
    // The master page of a page, its drawing-page style name, and its page layout.
    QString masterStyle(const QString &masterName) const { return m_masterStyles.value(masterName); }
    QString fillImagePath(const QString &name) const { return m_fillImages.value(name); }
    QString fontFamily(const QString &fontName) const { return m_fonts.value(fontName, fontName); }

private:
    void readStyle(SafeXmlReader &xml, QHash<QString, Style> &into);
    void readListStyle(SafeXmlReader &xml);

    QHash<QString, Style> m_named;
    QHash<QString, Style> m_contentAutomatic;
    QHash<QString, Style> m_masterAutomatic;
    Style m_defaultGraphic;
    QHash<QString, ListStyleLevels> m_lists;
    QHash<QString, QSizeF> m_pageLayouts;
    QHash<QString, QString> m_masterLayouts; // master page → page layout
    QHash<QString, QString> m_masterStyles; // master page → drawing-page style
    QString m_firstMaster;
    QHash<QString, QString> m_fillImages;
    QHash<QString, QString> m_fonts; // style:font-face name → family
};

} // namespace folio::presentation::odf
