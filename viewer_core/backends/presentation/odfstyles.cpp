// SPDX-License-Identifier: GPL-3.0-or-later
#include "odfstyles.h"

#include "backends/office/drawingml.h"

#include "backends/office/officeunits.h"

#include <algorithm>

namespace folio::presentation::odf {

namespace {

using drawingml::attribute;
using drawingml::nextChild;

std::optional<double> length(const SafeXmlReader &xml, const char *name)
{
    const QString value = attribute(xml, QLatin1String(name));
    if (value.isEmpty())
        return std::nullopt;
    if (const auto points = office::parseLength(value))
        return std::clamp(*points, -100000.0, 100000.0);
    return std::nullopt;
}

void readTextProperties(const SafeXmlReader &xml, TextProps &text, const Styles &styles)
{
    const QString size = attribute(xml, QLatin1String("font-size"));
    if (!size.isEmpty() && !size.endsWith(u'%')) {
        if (const auto points = office::parseLength(size))
            text.size = std::clamp(*points, 1.0, 4000.0);
    }
    const QString weight = attribute(xml, QLatin1String("font-weight"));
    if (!weight.isEmpty())
        text.bold = weight == QLatin1String("bold") || weight.toInt() >= 600;
    const QString style = attribute(xml, QLatin1String("font-style"));
    if (!style.isEmpty())
        text.italic = style == QLatin1String("italic") || style == QLatin1String("oblique");
    const QString underline = attribute(xml, QLatin1String("text-underline-style"));
    if (!underline.isEmpty())
        text.underline = underline != QLatin1String("none");
    if (const auto color = office::parseHexColor(attribute(xml, QLatin1String("color"))))
        text.color = color;
    const QString fontName = attribute(xml, QLatin1String("font-name"));
    QString family = attribute(xml, QLatin1String("font-family"));
    if (family.isEmpty() && !fontName.isEmpty())
        family = styles.fontFamily(fontName);
    family.remove(u'\'');
    if (!family.isEmpty())
        text.family = family;
}

Bullet numberBullet(const QString &format, const QString &suffix)
{
    Bullet bullet;
    if (format.isEmpty()) {
        bullet.kind = Bullet::Kind::None;
        return bullet;
    }
    bullet.kind = Bullet::Kind::Number;
    if (format == QLatin1String("a"))
        bullet.scheme = QStringLiteral("alphaLc");
    else if (format == QLatin1String("A"))
        bullet.scheme = QStringLiteral("alphaUc");
    else if (format == QLatin1String("i"))
        bullet.scheme = QStringLiteral("romanLc");
    else if (format == QLatin1String("I"))
        bullet.scheme = QStringLiteral("romanUc");
    else
        bullet.scheme = QStringLiteral("arabic");
    bullet.scheme += suffix == QLatin1String(")") ? QLatin1String("ParenR")
        : suffix.isEmpty()                        ? QLatin1String("Plain")
                                                  : QLatin1String("Period");
    return bullet;
}

} // namespace

void Style::inherit(const Style &base)
{
    if (fill.isEmpty())
        fill = base.fill;
    if (!fillColor)
        fillColor = base.fillColor;
    if (fillImage.isEmpty())
        fillImage = base.fillImage;
    if (stroke.isEmpty())
        stroke = base.stroke;
    if (!strokeColor)
        strokeColor = base.strokeColor;
    if (!strokeWidth)
        strokeWidth = base.strokeWidth;
    if (!anchor)
        anchor = base.anchor;
    if (!paddingLeft)
        paddingLeft = base.paddingLeft;
    if (!paddingTop)
        paddingTop = base.paddingTop;
    if (!paddingRight)
        paddingRight = base.paddingRight;
    if (!paddingBottom)
        paddingBottom = base.paddingBottom;
    if (!hidden)
        hidden = base.hidden;
    paragraph.inherit(base.paragraph);
}

void Styles::read(SafeXmlReader &xml, bool stylesPart)
{
    // Which table office:automatic-styles feeds depends on the part.
    QHash<QString, Style> *automatic = stylesPart ? &m_masterAutomatic : &m_contentAutomatic;
    bool inAutomatic = false;
    int automaticDepth = 0;
    while (xml.readNextStartElement()) {
        if (inAutomatic && xml.depth() <= automaticDepth)
            inAutomatic = false;
        const QStringView name = xml.xml().name();
        if (name == u"automatic-styles") {
            inAutomatic = true;
            automaticDepth = xml.depth();
        } else if (name == u"style" && xml.xml().namespaceUri().endsWith(u"style:1.0")) {
            readStyle(xml, inAutomatic ? *automatic : m_named);
        } else if (name == u"default-style") {
            if (attribute(xml, QLatin1String("family")) == QLatin1String("graphic")) {
                QHash<QString, Style> one;
                readStyle(xml, one);
                m_defaultGraphic = one.value(QString());
            } else {
                xml.skipElement();
            }
        } else if (name == u"list-style") {
            readListStyle(xml);
        } else if (name == u"font-face") {
            QString family = attribute(xml, QLatin1String("font-family"));
            family.remove(u'\'');
            m_fonts.insert(attribute(xml, QLatin1String("name")), family);
        } else if (name == u"page-layout") {
            const QString layoutName = attribute(xml, QLatin1String("name"));
            const int depth = xml.depth();
            while (nextChild(xml, depth)) {
                if (xml.xml().name() == u"page-layout-properties") {
                    const double width = length(xml, "page-width").value_or(0);
                    const double height = length(xml, "page-height").value_or(0);
                    m_pageLayouts.insert(layoutName, clampSlideSize(width, height));
                }
                xml.skipElement();
            }
        } else if (name == u"fill-image") {
            m_fillImages.insert(attribute(xml, QLatin1String("name")), attribute(xml, QLatin1String("href")));
            xml.skipElement();
        } else if (name == u"master-page") {
            const QString master = attribute(xml, QLatin1String("name"));
            if (m_firstMaster.isEmpty())
                m_firstMaster = master;
            m_masterLayouts.insert(master, attribute(xml, QLatin1String("page-layout-name")));
            m_masterStyles.insert(master, attribute(xml, QLatin1String("style-name")));
            xml.skipElement(); // its shapes are read by the page reader
        } else if (name == u"body") {
            xml.skipElement();
        }
    }
}

void Styles::readStyle(SafeXmlReader &xml, QHash<QString, Style> &into)
{
    Style style;
    const QString name = attribute(xml, QLatin1String("name"));
    style.parent = attribute(xml, QLatin1String("parent-style-name"));
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView kind = xml.xml().name();
        if (kind == u"graphic-properties" || kind == u"drawing-page-properties") {
            style.fill = attribute(xml, QLatin1String("fill"));
            style.fillColor = office::parseHexColor(attribute(xml, QLatin1String("fill-color")));
            style.fillImage = attribute(xml, QLatin1String("fill-image-name"));
            style.stroke = attribute(xml, QLatin1String("stroke"));
            style.strokeColor = office::parseHexColor(attribute(xml, QLatin1String("stroke-color")));
            style.strokeWidth = length(xml, "stroke-width");
            const QString align = attribute(xml, QLatin1String("textarea-vertical-align"));
            if (align == QLatin1String("middle"))
                style.anchor = Anchor::Middle;
            else if (align == QLatin1String("bottom"))
                style.anchor = Anchor::Bottom;
            else if (align == QLatin1String("top"))
                style.anchor = Anchor::Top;
            style.paddingLeft = length(xml, "padding-left");
            style.paddingTop = length(xml, "padding-top");
            style.paddingRight = length(xml, "padding-right");
            style.paddingBottom = length(xml, "padding-bottom");
            const QString visibility = attribute(xml, QLatin1String("visibility"));
            if (!visibility.isEmpty())
                style.hidden = visibility == QLatin1String("hidden");
            // LibreOffice nests the outline's list style in the presentation style; skip it.
            xml.skipElement();
        } else if (kind == u"paragraph-properties") {
            const QString align = attribute(xml, QLatin1String("text-align"));
            if (align == QLatin1String("center"))
                style.paragraph.alignment = Qt::AlignHCenter;
            else if (align == QLatin1String("end") || align == QLatin1String("right"))
                style.paragraph.alignment = Qt::AlignRight;
            else if (align == QLatin1String("justify"))
                style.paragraph.alignment = Qt::AlignJustify;
            else if (!align.isEmpty())
                style.paragraph.alignment = Qt::AlignLeft;
            style.paragraph.marginLeft = length(xml, "margin-left");
            style.paragraph.indent = length(xml, "text-indent");
            style.paragraph.spaceBefore = length(xml, "margin-top");
            const QString lineHeight = attribute(xml, QLatin1String("line-height"));
            if (lineHeight.endsWith(u'%'))
                style.paragraph.lineSpacing = std::clamp(QStringView(lineHeight).chopped(1).toDouble() / 100, 0.5, 3.0);
            xml.skipElement();
        } else if (kind == u"text-properties") {
            readTextProperties(xml, style.paragraph.run, *this);
            xml.skipElement();
        } else {
            xml.skipElement();
        }
    }
    into.insert(name, style);
}

void Styles::readListStyle(SafeXmlReader &xml)
{
    ListStyleLevels levels;
    const QString name = attribute(xml, QLatin1String("name"));
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView kind = xml.xml().name();
        const int level = std::clamp(attribute(xml, QLatin1String("level")).toInt(), 1, 10) - 1;
        ListLevel &out = levels[size_t(level)];
        if (kind == u"list-level-style-bullet") {
            out.bullet.kind = Bullet::Kind::Char;
            out.bullet.character = attribute(xml, QLatin1String("bullet-char")).left(2);
            if (out.bullet.character.isEmpty())
                out.bullet.character = QStringLiteral("•");
        } else if (kind == u"list-level-style-number") {
            out.bullet = numberBullet(
                attribute(xml, QLatin1String("num-format")), attribute(xml, QLatin1String("num-suffix")));
            out.bullet.start = std::clamp(attribute(xml, QLatin1String("start-value")).toInt(), 0, 1000000);
            if (out.bullet.start == 0)
                out.bullet.start = 1;
        } else if (kind == u"list-level-style-image") {
            out.bullet.kind = Bullet::Kind::Char;
            out.bullet.character = QStringLiteral("•");
        } else {
            xml.skipElement();
            continue;
        }
        const int levelDepth = xml.depth();
        while (nextChild(xml, levelDepth)) {
            if (xml.xml().name() == u"list-level-properties") {
                const double before = length(xml, "space-before").value_or(0);
                const double label = length(xml, "min-label-width").value_or(0);
                if (before != 0 || label != 0) {
                    out.marginLeft = before + label;
                    out.indent = -label;
                }
            }
            xml.skipElement();
        }
    }
    m_lists.insert(name, levels);
}

Style Styles::style(const QString &name, bool master) const
{
    Style result;
    QString next = name;
    // Parent chains are short; a loop in a hostile file stops after a few steps.
    for (int step = 0; step < 16 && !next.isEmpty(); ++step) {
        const Style *found = nullptr;
        if (step == 0) {
            const QHash<QString, Style> &automatic = master ? m_masterAutomatic : m_contentAutomatic;
            if (auto it = automatic.constFind(next); it != automatic.cend())
                found = &*it;
        }
        if (!found) {
            if (auto it = m_named.constFind(next); it != m_named.cend())
                found = &*it;
        }
        if (!found)
            break;
        result.inherit(*found);
        next = found->parent;
    }
    return result;
}

QString Styles::outlinePrefix(const QString &name, bool master) const
{
    QString next = name;
    for (int step = 0; step < 16 && !next.isEmpty(); ++step) {
        if (next.endsWith(QLatin1String("-outline1")))
            return next.chopped(1);
        const QHash<QString, Style> &automatic = master ? m_masterAutomatic : m_contentAutomatic;
        const Style *found = nullptr;
        if (auto it = automatic.constFind(next); step == 0 && it != automatic.cend())
            found = &*it;
        else if (auto named = m_named.constFind(next); named != m_named.cend())
            found = &*named;
        if (!found)
            break;
        next = found->parent;
    }
    return {};
}

const ListStyleLevels *Styles::listStyle(const QString &name) const
{
    auto it = m_lists.constFind(name);
    return it == m_lists.cend() ? nullptr : &*it;
}

QSizeF Styles::pageSize(const QString &masterName) const
{
    QString layout = m_masterLayouts.value(masterName);
    if (layout.isEmpty())
        layout = m_masterLayouts.value(m_firstMaster);
    return m_pageLayouts.value(layout, QSizeF(720, 540));
}

} // namespace folio::presentation::odf
