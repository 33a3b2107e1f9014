// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawingml_p.h"

#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace folio::presentation::drawingml {

using office::emuToPoints;

namespace detail {

double number(const QString &text, double fallback)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? value : fallback;
}

std::optional<double> optionalNumber(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<bool> optionalFlag(const SafeXmlReader &xml, QLatin1String name)
{
    const QString value = attribute(xml, name);
    if (value.isEmpty())
        return std::nullopt;
    return value == QLatin1String("1") || value == QLatin1String("true") || value == QLatin1String("on");
}

std::optional<QColor> readFill(SafeXmlReader &xml, const Theme &theme)
{
    const QStringView kind = xml.xml().name();
    if (kind == u"noFill") {
        xml.skipElement();
        return QColor(Qt::transparent);
    }
    if (kind == u"solidFill")
        return readColorHolder(xml, theme);
    if (kind == u"gradFill") {
        // The first gradient stop stands for the whole gradient.
        std::optional<QColor> first;
        const int depth = xml.depth();
        while (nextChild(xml, depth)) {
            if (xml.xml().name() == u"gsLst") {
                const int listDepth = xml.depth();
                while (nextChild(xml, listDepth)) {
                    std::optional<QColor> stop = readColorHolder(xml, theme);
                    if (!first)
                        first = stop;
                }
            } else {
                xml.skipElement();
            }
        }
        return first;
    }
    xml.skipElement();
    return std::nullopt;
}

bool isFill(QStringView name)
{
    return name == u"noFill" || name == u"solidFill" || name == u"gradFill" || name == u"blipFill"
        || name == u"pattFill" || name == u"grpFill";
}

} // namespace detail

namespace {

using namespace detail;

QColor presetColor(const QString &name)
{
    QColor color = QColor::fromString(name);
    if (!color.isValid() && name.startsWith(QLatin1String("dk")))
        color = QColor::fromString(name.mid(2).prepend(QLatin1String("dark")));
    if (!color.isValid() && name.startsWith(QLatin1String("lt")))
        color = QColor::fromString(name.mid(2).prepend(QLatin1String("light")));
    return color.isValid() ? color : QColor(Qt::black);
}

// On a colour element (a:srgbClr, a:schemeClr, a:sysClr, a:prstClr, a:scrgbClr): the colour with
// its common modifiers (lumMod, lumOff, tint, shade, alpha) applied.
std::optional<QColor> readColor(SafeXmlReader &xml, const Theme &theme)
{
    const QStringView kind = xml.xml().name();
    std::optional<QColor> color;
    if (kind == u"srgbClr")
        color = office::parseHexColor(attribute(xml, QLatin1String("val")));
    else if (kind == u"sysClr")
        color = office::parseHexColor(attribute(xml, QLatin1String("lastClr")));
    else if (kind == u"schemeClr")
        color = theme.scheme(attribute(xml, QLatin1String("val")));
    else if (kind == u"prstClr")
        color = presetColor(attribute(xml, QLatin1String("val")));
    else if (kind == u"scrgbClr")
        color = QColor::fromRgbF(float(std::clamp(number(attribute(xml, QLatin1String("r"))) / 100000, 0.0, 1.0)),
            float(std::clamp(number(attribute(xml, QLatin1String("g"))) / 100000, 0.0, 1.0)),
            float(std::clamp(number(attribute(xml, QLatin1String("b"))) / 100000, 0.0, 1.0)));
    else {
        xml.skipElement();
        return std::nullopt;
    }
    QColor result = color.value_or(QColor(Qt::black));
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        const double value = std::clamp(number(attribute(xml, QLatin1String("val")), 100000) / 100000, -10.0, 10.0);
        if (name == u"lumMod" || name == u"lumOff") {
            float h, s, l, a;
            result.getHslF(&h, &s, &l, &a);
            l = float(std::clamp(name == u"lumMod" ? l * value : l + value, 0.0, 1.0));
            result = QColor::fromHslF(h, s, l, a);
        } else if (name == u"tint") {
            const auto tint = [value](int c) { return int(std::clamp(255 - (255 - c) * value, 0.0, 255.0)); };
            result = QColor(tint(result.red()), tint(result.green()), tint(result.blue()), result.alpha());
        } else if (name == u"shade") {
            const auto shade = [value](int c) { return int(std::clamp(c * value, 0.0, 255.0)); };
            result = QColor(shade(result.red()), shade(result.green()), shade(result.blue()), result.alpha());
        } else if (name == u"alpha") {
            result.setAlphaF(float(std::clamp(value, 0.0, 1.0)));
        }
        xml.skipElement();
    }
    if (!color)
        return std::nullopt;
    return result;
}

// On a:solidFill, a:noFill, a:gradFill (first stop) or a:blipFill/pattFill (ignored): the fill.
void readRunProps(SafeXmlReader &xml, TextProps &props, const Theme &theme)
{
    if (const auto size = optionalNumber(attribute(xml, QLatin1String("sz"))))
        props.size = std::clamp(*size / 100.0, 1.0, 4000.0);
    if (const auto bold = optionalFlag(xml, QLatin1String("b")))
        props.bold = bold;
    if (const auto italic = optionalFlag(xml, QLatin1String("i")))
        props.italic = italic;
    const QString underline = attribute(xml, QLatin1String("u"));
    if (!underline.isEmpty())
        props.underline = underline != QLatin1String("none");
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (isFill(name)) {
            if (const auto color = readFill(xml, theme))
                props.color = color;
        } else if (name == u"latin") {
            const QString typeface = attribute(xml, QLatin1String("typeface"));
            if (!typeface.isEmpty())
                props.family = theme.font(typeface);
            xml.skipElement();
        } else {
            xml.skipElement();
        }
    }
}

Qt::Alignment alignment(const QString &value)
{
    if (value == QLatin1String("ctr"))
        return Qt::AlignHCenter;
    if (value == QLatin1String("r"))
        return Qt::AlignRight;
    if (value == QLatin1String("just") || value == QLatin1String("dist"))
        return Qt::AlignJustify;
    return Qt::AlignLeft;
}

void readParagraphProps(SafeXmlReader &xml, ParagraphProps &props, const Theme &theme)
{
    const QString align = attribute(xml, QLatin1String("algn"));
    if (!align.isEmpty())
        props.alignment = alignment(align);
    if (const auto margin = optionalNumber(attribute(xml, QLatin1String("marL"))))
        props.marginLeft = emuToPoints(*margin);
    if (const auto indent = optionalNumber(attribute(xml, QLatin1String("indent"))))
        props.indent = emuToPoints(*indent);
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"buNone") {
            props.bullet = Bullet {};
        } else if (name == u"buChar") {
            Bullet bullet;
            bullet.kind = Bullet::Kind::Char;
            bullet.character = attribute(xml, QLatin1String("char")).left(4);
            if (bullet.character.isEmpty())
                bullet.character = QStringLiteral("•");
            props.bullet = bullet;
        } else if (name == u"buAutoNum") {
            Bullet bullet;
            bullet.kind = Bullet::Kind::Number;
            bullet.scheme = attribute(xml, QLatin1String("type"));
            bullet.start = int(std::clamp(number(attribute(xml, QLatin1String("startAt")), 1), 0.0, 1e6));
            props.bullet = bullet;
        } else if (name == u"defRPr") {
            readRunProps(xml, props.run, theme);
            continue;
        } else if (name == u"spcBef" || name == u"lnSpc") {
            // Points (a:spcPts, hundredths) or a percentage (a:spcPct, thousandths).
            const bool before = name == u"spcBef";
            const int spacingDepth = xml.depth();
            while (nextChild(xml, spacingDepth)) {
                const double value = number(attribute(xml, QLatin1String("val")), -1);
                if (value >= 0 && xml.xml().name() == u"spcPts" && before)
                    props.spaceBefore = std::min(value / 100, 1000.0);
                else if (value >= 0 && xml.xml().name() == u"spcPct" && before)
                    props.spaceBeforeLines = std::min(value / 100000, 10.0);
                else if (value >= 0 && xml.xml().name() == u"spcPct")
                    props.lineSpacing = std::clamp(value / 100000, 0.5, 3.0);
                xml.skipElement();
            }
            continue;
        }
        xml.skipElement();
    }
}

// OOXML's escapes of characters XML 1.0 cannot carry (ST_Xstring): "_x000B_" is U+000B, and
// "_x005F_" the underscore that starts a literal "_x".
QString decodeEscapes(const QString &text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QString decoded;
    qsizetype last = 0;
    for (auto it = escape.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        decoded += QChar(char16_t(match.captured(1).toUShort(nullptr, 16)));
        last = match.capturedEnd();
    }
    decoded += QStringView(text).mid(last);
    return decoded;
}

} // namespace

void resolveText(TextBody &body, const ListStyle *inherited, const TextProps &defaults, const Theme &theme)
{
    for (Paragraph &paragraph : body.paragraphs) {
        const size_t level = size_t(std::clamp(paragraph.level, 0, 8));
        if (body.listStyle)
            paragraph.props.inherit((*body.listStyle)[level]);
        if (inherited)
            paragraph.props.inherit((*inherited)[level]);
        paragraph.props.run.inherit(defaults);
        for (Run &run : paragraph.runs) {
            run.props.inherit(paragraph.props.run);
            run.props.family = theme.font(run.props.family);
        }
        paragraph.endProps.inherit(paragraph.props.run);
        paragraph.endProps.family = theme.font(paragraph.endProps.family);
    }
    numberParagraphs(body.paragraphs);
}

QString dateFieldText(const QString &type, const QString &language, const QDateTime &when)
{
    const QLocale locale = language.isEmpty() ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale(language);
    // The locale's short date with the year in full, as PowerPoint's first format.
    QString shortDate = locale.dateFormat(QLocale::ShortFormat);
    if (!shortDate.contains(QLatin1String("yyyy")))
        shortDate.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    static const QHash<QString, QString> formats = {
        {QStringLiteral("datetime2"), QStringLiteral("dddd, MMMM d, yyyy")},
        {QStringLiteral("datetime3"), QStringLiteral("d MMMM yyyy")},
        {QStringLiteral("datetime4"), QStringLiteral("MMMM d, yyyy")},
        {QStringLiteral("datetime5"), QStringLiteral("d-MMM-yy")},
        {QStringLiteral("datetime6"), QStringLiteral("MMMM yy")},
        {QStringLiteral("datetime7"), QStringLiteral("MMM-yy")},
        {QStringLiteral("datetime8"), QStringLiteral("%1 h:mm AP")},
        {QStringLiteral("datetime9"), QStringLiteral("%1 h:mm:ss AP")},
        {QStringLiteral("datetime10"), QStringLiteral("H:mm")},
        {QStringLiteral("datetime11"), QStringLiteral("H:mm:ss")},
        {QStringLiteral("datetime12"), QStringLiteral("h:mm AP")},
        {QStringLiteral("datetime13"), QStringLiteral("h:mm:ss AP")},
    };
    QString format = formats.value(type, shortDate);
    if (format.contains(QLatin1String("%1")))
        format = format.arg(shortDate);
    return locale.toString(when, format);
}

namespace {

void readParagraph(SafeXmlReader &xml, Paragraph &paragraph, const Theme &theme)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"pPr") {
            paragraph.level = int(std::clamp(number(attribute(xml, QLatin1String("lvl"))), 0.0, 8.0));
            readParagraphProps(xml, paragraph.props, theme);
        } else if (name == u"r" || name == u"fld" || name == u"br") {
            Run run;
            const bool lineBreak = name == u"br";
            // The slide number field's text is what it showed when saved ("‹#›" in masters and
            // layouts): numberSlide() writes each slide's own.
            const QString fieldType = name == u"fld" ? attribute(xml, QLatin1String("type")) : QString();
            run.slideNumber = fieldType == QLatin1String("slidenum");
            QString language;
            const int runDepth = xml.depth();
            while (nextChild(xml, runDepth)) {
                if (xml.xml().name() == u"rPr") {
                    language = attribute(xml, QLatin1String("lang"));
                    readRunProps(xml, run.props, theme);
                } else if (xml.xml().name() == u"t") {
                    run.text += xml.readText();
                } else {
                    xml.skipElement();
                }
            }
            if (lineBreak)
                run.text = QString(QChar::LineSeparator);
            // A date field (datetime1..13) shows the date it is viewed on, as in PowerPoint and
            // LibreOffice; a fixed date is saved as plain text instead.
            if (fieldType.startsWith(QLatin1String("datetime")))
                run.text = dateFieldText(fieldType, language, QDateTime::currentDateTime());
            // A vertical tab is PowerPoint's line break inside a run (Shift+Enter in some
            // versions). Tabs and other controls draw nothing useful in a run; a space keeps
            // words apart.
            run.text = decodeEscapes(run.text);
            run.text.replace(QChar(0x0b), QChar::LineSeparator);
            run.text.replace(u'\t', u' ');
            paragraph.runs.append(run);
        } else if (name == u"endParaRPr") {
            readRunProps(xml, paragraph.endProps, theme);
        } else {
            xml.skipElement();
        }
    }
}

void readBodyProps(SafeXmlReader &xml, TextBody &body)
{
    const QString anchor = attribute(xml, QLatin1String("anchor"));
    if (anchor == QLatin1String("ctr"))
        body.anchor = Anchor::Middle;
    else if (anchor == QLatin1String("b"))
        body.anchor = Anchor::Bottom;
    else if (anchor == QLatin1String("t"))
        body.anchor = Anchor::Top;
    const auto inset = [&xml](const char *name) -> std::optional<double> {
        if (const auto value = optionalNumber(attribute(xml, QLatin1String(name))))
            return std::clamp(emuToPoints(*value), 0.0, 1000.0);
        return std::nullopt;
    };
    body.insetLeft = inset("lIns");
    body.insetTop = inset("tIns");
    body.insetRight = inset("rIns");
    body.insetBottom = inset("bIns");
    body.wrap = attribute(xml, QLatin1String("wrap")) != QLatin1String("none");
    const int depth = xml.depth();
    body.fitSaved = true;
    while (nextChild(xml, depth)) {
        if (xml.xml().name() == u"normAutofit") {
            // Thousandths of a percent: fontScale="62500" is 62.5 %.
            if (const auto scale = optionalNumber(attribute(xml, QLatin1String("fontScale"))))
                body.fontScale = std::clamp(*scale / 100000, 0.01, 1.0);
            if (const auto reduction = optionalNumber(attribute(xml, QLatin1String("lnSpcReduction"))))
                body.lineSpacingReduction = std::clamp(*reduction / 100000, 0.0, 0.9);
        }
        xml.skipElement();
    }
}

// A group's mapping from its children's coordinates to the slide's: x → ax·x + bx.
} // namespace

std::optional<QColor> Theme::scheme(const QString &name) const
{
    QString key = colorMap.value(name, name);
    if (key == QLatin1String("phClr"))
        return std::nullopt;
    // Without a colour map, the conventional one: text dark on a light background.
    if (key == QLatin1String("bg1"))
        key = QStringLiteral("lt1");
    else if (key == QLatin1String("tx1"))
        key = QStringLiteral("dk1");
    else if (key == QLatin1String("bg2"))
        key = QStringLiteral("lt2");
    else if (key == QLatin1String("tx2"))
        key = QStringLiteral("dk2");
    if (auto it = colors.constFind(key); it != colors.cend())
        return *it;
    static const QHash<QString, QColor> defaults = {{QStringLiteral("dk1"), QColor(0, 0, 0)},
        {QStringLiteral("lt1"), QColor(255, 255, 255)}, {QStringLiteral("dk2"), QColor(0x44, 0x54, 0x6A)},
        {QStringLiteral("lt2"), QColor(0xE7, 0xE6, 0xE6)}, {QStringLiteral("accent1"), QColor(0x44, 0x72, 0xC4)},
        {QStringLiteral("accent2"), QColor(0xED, 0x7D, 0x31)}, {QStringLiteral("accent3"), QColor(0xA5, 0xA5, 0xA5)},
        {QStringLiteral("accent4"), QColor(0xFF, 0xC0, 0x00)}, {QStringLiteral("accent5"), QColor(0x5B, 0x9B, 0xD5)},
        {QStringLiteral("accent6"), QColor(0x70, 0xAD, 0x47)}, {QStringLiteral("hlink"), QColor(0x05, 0x63, 0xC1)},
        {QStringLiteral("folHlink"), QColor(0x95, 0x4F, 0x72)}};
    return defaults.value(key, QColor(Qt::black));
}

QString Theme::font(const QString &typeface) const
{
    if (typeface.startsWith(QLatin1String("+mj")))
        return majorFont;
    if (typeface.startsWith(QLatin1String("+mn")))
        return minorFont;
    return typeface;
}

bool nextChild(SafeXmlReader &xml, int depth)
{
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::StartElement && xml.depth() == depth + 1)
            return true;
        if (type == QXmlStreamReader::EndElement && xml.depth() < depth)
            return false;
    }
    return false;
}

QString attribute(const SafeXmlReader &xml, QLatin1String name, bool relationship)
{
    for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
        if (attribute.name() != name)
            continue;
        const bool inRelationships = attribute.namespaceUri().contains(u"relationships");
        if (relationship == inRelationships)
            return attribute.value().toString();
    }
    return {};
}

void readTheme(SafeXmlReader &xml, Theme &theme)
{
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        if (name == u"clrScheme") {
            const int depth = xml.depth();
            while (nextChild(xml, depth)) {
                const QString key = xml.xml().name().toString();
                if (const auto color = readColorHolder(xml, theme))
                    theme.colors.insert(key, *color);
            }
        } else if (name == u"majorFont" || name == u"minorFont") {
            const bool major = name == u"majorFont";
            const int depth = xml.depth();
            while (nextChild(xml, depth)) {
                if (xml.xml().name() == u"latin") {
                    const QString typeface = attribute(xml, QLatin1String("typeface"));
                    if (!typeface.isEmpty())
                        (major ? theme.majorFont : theme.minorFont) = typeface;
                }
                xml.skipElement();
            }
        } else if (name == u"fmtScheme" || name == u"objectDefaults" || name == u"extLst") {
            xml.skipElement();
        }
    }
}

std::optional<QColor> detail::readColorElement(SafeXmlReader &xml, const Theme &theme)
{
    return readColor(xml, theme);
}

std::optional<QColor> readColorHolder(SafeXmlReader &xml, const Theme &theme)
{
    std::optional<QColor> color;
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const auto found = readColor(xml, theme);
        if (!color)
            color = found;
    }
    return color;
}

void readListStyle(SafeXmlReader &xml, ListStyle &style, const Theme &theme)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        // lvl1pPr .. lvl9pPr; defPPr applies to every level.
        if (name.size() == 7 && name.startsWith(u"lvl") && name.endsWith(u"pPr")) {
            const int level = name.at(3).digitValue() - 1;
            if (level >= 0 && level < 9) {
                readParagraphProps(xml, style[size_t(level)], theme);
                continue;
            }
        } else if (name == u"defPPr") {
            ParagraphProps all;
            readParagraphProps(xml, all, theme);
            for (ParagraphProps &level : style)
                level.inherit(all);
            continue;
        }
        xml.skipElement();
    }
}

void readTextBody(SafeXmlReader &xml, TextBody &body, const Theme &theme)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"bodyPr") {
            readBodyProps(xml, body);
        } else if (name == u"lstStyle") {
            auto style = std::make_shared<ListStyle>();
            readListStyle(xml, *style, theme);
            body.listStyle = std::move(style);
        } else if (name == u"p" && body.paragraphs.size() < 100'000) {
            readParagraph(xml, body.paragraphs.emplace_back(), theme);
        } else {
            xml.skipElement();
        }
    }
}

} // namespace folio::presentation::drawingml
