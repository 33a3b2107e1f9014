// SPDX-License-Identifier: GPL-3.0-or-later
#include "odtreader.h"

#include "backends/office/math/mathreaders.h"

#include "backends/common/text/textdocumentpages.h"
#include "backends/office/officeunits.h"

#include "backends/office/chart.h"
#include "docxstyles.h"
#include "flowtable.h"
#include "fonts.h"
#include "wordprocessinglogging.h"
#include "xmlwalk.h"
#include <QAbstractTextDocumentLayout>

#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextTable>

#include <cmath>
#include <optional>

namespace folio::wordprocessing::odt {

using namespace xml;

namespace {

// See DocxReader: few paragraphs per step at first, more later.
constexpr int MaxParagraphsPerStep = 96;
constexpr int MaxTableDepth = 8;
constexpr int MaxColumns = 256;
constexpr int MaxRepeat = 1000; // number-*-repeated beyond this is spreadsheet padding
constexpr int MaxBoxDepth = 4;
constexpr int MaxSpaces = 1000; // text:s c="..."
constexpr int MaxFormulaDepth = 32;
constexpr qreal DropCapGap = 3; // points between a drop cap and the text beside it
constexpr int MaxTrackedChanges = 100000;
constexpr int MaxOpenChanges = 64;
constexpr int MaxVariables = 1000;

// A field formula ("ooow:a+b*2"): numbers, variables, + - * / and parentheses. Empty when it
// uses anything else, so that nothing wrong is shown.
class FormulaParser
{
public:
    FormulaParser(QStringView formula, const QHash<QString, double> &variables)
        : m_text(formula)
        , m_variables(variables)
    {
        const qsizetype colon = m_text.indexOf(u':');
        if (colon > 0 && colon < 6 && !m_text.left(colon).contains(u'('))
            m_text = m_text.mid(colon + 1); // the namespace prefix: ooow:, oooc:, of:
    }

    std::optional<double> evaluate()
    {
        if (m_text.size() > 1000)
            return std::nullopt;
        const std::optional<double> value = sum(0);
        skipSpaces();
        if (!value || m_at != m_text.size() || !std::isfinite(*value))
            return std::nullopt;
        return value;
    }

private:
    void skipSpaces()
    {
        while (m_at < m_text.size() && m_text[m_at].isSpace())
            ++m_at;
    }
    bool take(QChar c)
    {
        skipSpaces();
        if (m_at < m_text.size() && m_text[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    std::optional<double> sum(int depth)
    {
        std::optional<double> value = product(depth);
        while (value) {
            if (take(u'+')) {
                const auto right = product(depth);
                value = right ? std::optional(*value + *right) : std::nullopt;
            } else if (take(u'-')) {
                const auto right = product(depth);
                value = right ? std::optional(*value - *right) : std::nullopt;
            } else {
                break;
            }
        }
        return value;
    }
    std::optional<double> product(int depth)
    {
        std::optional<double> value = factor(depth);
        while (value) {
            if (take(u'*')) {
                const auto right = factor(depth);
                value = right ? std::optional(*value * *right) : std::nullopt;
            } else if (take(u'/')) {
                const auto right = factor(depth);
                value = right && *right != 0 ? std::optional(*value / *right) : std::nullopt;
            } else {
                break;
            }
        }
        return value;
    }
    std::optional<double> factor(int depth)
    {
        if (depth > MaxFormulaDepth)
            return std::nullopt;
        if (take(u'-')) {
            const auto value = factor(depth + 1);
            return value ? std::optional(-*value) : std::nullopt;
        }
        if (take(u'(')) {
            const auto value = sum(depth + 1);
            return value && take(u')') ? value : std::nullopt;
        }
        skipSpaces();
        const qsizetype start = m_at;
        if (m_at < m_text.size() && (m_text[m_at].isDigit() || m_text[m_at] == u'.')) {
            while (m_at < m_text.size() && (m_text[m_at].isDigit() || m_text[m_at] == u'.'))
                ++m_at;
            bool ok = false;
            const double number = m_text.sliced(start, m_at - start).toDouble(&ok);
            return ok ? std::optional(number) : std::nullopt;
        }
        while (m_at < m_text.size() && (m_text[m_at].isLetterOrNumber() || m_text[m_at] == u'_'))
            ++m_at;
        const auto found = m_variables.constFind(m_text.sliced(start, m_at - start).toString());
        if (m_at == start || found == m_variables.cend())
            return std::nullopt;
        return *found;
    }

    QStringView m_text;
    const QHash<QString, double> &m_variables;
    qsizetype m_at = 0;
};

QString formatNumber(double value)
{
    if (std::abs(value) < 1e15 && value == std::round(value))
        return QString::number(qint64(value));
    return QString::number(value, 'g', 12);
}

std::optional<qreal> length(const SafeXmlReader &reader, QStringView name)
{
    const QString text = attribute(reader, name);
    if (text.isEmpty())
        return std::nullopt;
    return office::parseLength(text);
}

docx::Numbering::Format numberFormat(const QString &format)
{
    using Format = docx::Numbering::Format;
    if (format == QLatin1String("a"))
        return Format::LowerLetter;
    if (format == QLatin1String("A"))
        return Format::UpperLetter;
    if (format == QLatin1String("i"))
        return Format::LowerRoman;
    if (format == QLatin1String("I"))
        return Format::UpperRoman;
    if (format.isEmpty())
        return Format::None;
    return Format::Decimal;
}

bool borderVisible(const QString &value)
{
    return !value.isEmpty() && !value.contains(QLatin1String("none")) && !value.startsWith(QLatin1String("0pt"))
        && !value.startsWith(QLatin1String("0cm")) && !value.startsWith(QLatin1String("0in"));
}

// An fo:border value ("0.5pt solid #000000", "none"): its width and colour; width 0 for none.
FlowTableBuilder::Edge parseBorder(const QString &value)
{
    FlowTableBuilder::Edge edge;
    if (!borderVisible(value))
        return edge;
    edge.width = 0.5;
    for (const QString &token : value.split(u' ', Qt::SkipEmptyParts)) {
        if (token.startsWith(u'#')) {
            if (const auto color = office::parseHexColor(token.mid(1)))
                edge.color = *color;
        } else if (token == QLatin1String("hidden")) {
            return {};
        } else if (const auto width = office::parseLength(token)) {
            edge.width = std::clamp(*width, 0.25, 6.0);
        } else if (token == QLatin1String("thick")) {
            edge.width = 2;
        }
    }
    return edge;
}

} // namespace

struct OdtReader::Out
{
    SafeXmlReader *xml = nullptr;
    QTextCursor *cursor = nullptr;
    bool *fresh = nullptr;
    bool body = false;
    bool margin = false;
    int tableDepth = 0;
    int boxDepth = 0;
    QTextBlockFormat blockFormat;
    QTextCharFormat paragraphChars;
    bool lastSpace = true; // white space collapses across elements
    QList<std::shared_ptr<FlowTextDocument>> boxes;
    std::optional<FloatPlacement> placement; // of the paragraph's anchored frame
};

OdtReader::OdtReader(FlowDocument &flow)
    : m_flow(flow)
{ }

OdtReader::~OdtReader() = default;

Result<std::unique_ptr<Document>> OdtReader::open(std::unique_ptr<office::Package> package, const QString &formatName,
    const QString &mimeType, const Limits &limits, RenderOptions options, const CancellationToken &token,
    const ProgressCallback &progress)
{
    return FlowDocument::create(
        QStringLiteral("odt"), std::move(package), formatName, mimeType, limits, options,
        [](FlowDocument &flow) { return std::make_unique<OdtReader>(flow); }, token, progress);
}

Status OdtReader::prepare(const CancellationToken &token)
{
    m_token = &token;
    office::Package &package = m_flow.package();
    Result<QByteArray> content = package.read(QStringLiteral("content.xml"), token);
    if (!content)
        return content.status();
    m_content = std::move(content).value();

    // styles.xml: fonts, common styles, page layouts, master pages with their headers.
    if (package.contains(QStringLiteral("styles.xml"))) {
        Result<QByteArray> styles = package.read(QStringLiteral("styles.xml"), token);
        if (!styles && styles.status().code() != StatusCode::Corrupt)
            return styles.status();
        if (styles) {
            SafeXmlReader xml(*styles, QStringLiteral("styles.xml"), package.limits(), token);
            m_automatic = &m_stylesAutomatic;
            while (xml.readNextStartElement()) {
                const QStringView n = name(xml);
                if (n == u"font-face-decls") {
                    readFontFaces(xml);
                } else if (n == u"styles") {
                    readStyles(xml, m_common, false);
                } else if (n == u"automatic-styles") {
                    readStyles(xml, m_stylesAutomatic, true);
                } else if (n == u"master-styles") {
                    forChildren(xml, [&] {
                        if (name(xml) == u"master-page")
                            readMasterPage(xml);
                    });
                }
            }
            m_automatic = &m_contentAutomatic;
            if (!xml.status() && xml.status().code() != StatusCode::Corrupt)
                return xml.status();
        }
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    // The content's reader outlives the calls that use it, so it polls no token of its own (it
    // would keep this call's); readMore() polls the caller's between elements.
    m_xml = std::make_unique<SafeXmlReader>(
        m_content, QStringLiteral("content.xml"), package.limits(), CancellationToken());
    // The content's own fonts and automatic styles come before its body.
    SafeXmlReader &xml = *m_xml;
    while (m_textDepth < 0 && xml.readNextStartElement()) {
        const QStringView n = name(xml);
        if (n == u"font-face-decls")
            readFontFaces(xml);
        else if (n == u"automatic-styles")
            readStyles(xml, m_contentAutomatic, true);
        else if (n == u"text" && xml.xml().namespaceUri().contains(QLatin1String("office")))
            m_textDepth = xml.depth();
    }
    if (!xml.status())
        return xml.status();
    if (m_masters.isEmpty())
        m_masters.insert(QString(), MasterPage());
    if (m_firstMaster.isEmpty() || !m_masters.contains(m_firstMaster))
        m_firstMaster
            = m_masters.contains(QStringLiteral("Standard")) ? QStringLiteral("Standard") : m_masters.begin().key();
    startSection(m_firstMaster, token);
    return {};
}

void OdtReader::readFontFaces(SafeXmlReader &xml)
{
    forChildren(xml, [&] {
        if (name(xml) != u"font-face")
            return;
        QString family = attribute(xml, u"font-family");
        if (family.startsWith(u'\'') || family.startsWith(u'"'))
            family = family.mid(1, family.size() - 2);
        m_fontFaces.insert(attribute(xml, u"name"), family);
    });
}

void OdtReader::readTextProperties(SafeXmlReader &xml, RunProps &props)
{
    for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
        const QStringView n = attribute.name();
        const QString value = attribute.value().toString();
        if (n == u"font-size") {
            if (value.endsWith(u'%')) {
                const double percent = value.chopped(1).toDouble();
                if (percent > 0)
                    props.size = props.size.value_or(m_defaultRun.size.value_or(12)) * percent / 100;
            } else if (const auto size = office::parseLength(value)) {
                props.size = *size;
            }
        } else if (n == u"font-weight") {
            props.bold = value == QLatin1String("bold") || value.toInt() >= 600;
        } else if (n == u"font-style") {
            props.italic = value == QLatin1String("italic") || value == QLatin1String("oblique");
        } else if (n == u"text-underline-style") {
            props.underline = value == QLatin1String("none") ? QTextCharFormat::NoUnderline
                : value == QLatin1String("wave")             ? QTextCharFormat::WaveUnderline
                : value == QLatin1String("dotted")           ? QTextCharFormat::DotLine
                : value == QLatin1String("dash")             ? QTextCharFormat::DashUnderline
                                                             : QTextCharFormat::SingleUnderline;
        } else if (n == u"text-line-through-style") {
            props.strike = value != QLatin1String("none");
        } else if (n == u"color") {
            if (const auto color = office::parseHexColor(value))
                props.color = *color;
        } else if (n == u"background-color") {
            props.highlight = namedColor(value).value_or(QColor());
        } else if (n == u"font-name") {
            props.font = m_fontFaces.value(value, value);
        } else if (n == u"font-family" && attribute.namespaceUri().contains(QLatin1String("fo"))) {
            QString family = value.section(u',', 0, 0).trimmed();
            if (family.startsWith(u'\'') || family.startsWith(u'"'))
                family = family.mid(1, family.size() - 2);
            props.font = family;
        } else if (n == u"text-position") {
            if (value.startsWith(QLatin1String("super"))
                || (!value.startsWith(u'-')
                    && value.section(u' ', 0, 0).chopped(value.contains(u'%') ? 1 : 0).toDouble() > 0))
                props.vertical = QTextCharFormat::AlignSuperScript;
            else if (value.startsWith(QLatin1String("sub")) || value.startsWith(u'-'))
                props.vertical = QTextCharFormat::AlignSubScript;
            else
                props.vertical = QTextCharFormat::AlignNormal;
        } else if (n == u"font-variant") {
            props.smallCaps = value == QLatin1String("small-caps");
        } else if (n == u"text-transform") {
            props.caps = value == QLatin1String("uppercase");
        } else if (n == u"display") {
            props.hidden = value == QLatin1String("none");
        }
    }
}

void OdtReader::readParagraphProperties(SafeXmlReader &xml, ParaProps &props)
{
    for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
        const QStringView n = attribute.name();
        const QString value = attribute.value().toString();
        if (n == u"text-align") {
            props.align = value == QLatin1String("center")                           ? Qt::AlignHCenter
                : (value == QLatin1String("end") || value == QLatin1String("right")) ? Qt::AlignRight
                : value == QLatin1String("justify")                                  ? Qt::AlignJustify
                                                                                     : Qt::AlignLeft;
        } else if (n == u"margin-top") {
            if (const auto v = office::parseLength(value))
                props.before = *v;
        } else if (n == u"margin-bottom") {
            if (const auto v = office::parseLength(value))
                props.after = *v;
        } else if (n == u"margin-left") {
            if (const auto v = office::parseLength(value))
                props.left = *v;
        } else if (n == u"margin-right") {
            if (const auto v = office::parseLength(value))
                props.right = *v;
        } else if (n == u"text-indent") {
            if (const auto v = office::parseLength(value))
                props.firstLine = *v;
        } else if (n == u"line-height") {
            if (value.endsWith(u'%')) {
                props.lineRule = ParaProps::Proportional;
                props.lineValue = value.chopped(1).toDouble();
            } else if (const auto v = office::parseLength(value)) {
                props.lineRule = ParaProps::Exact;
                props.lineValue = *v;
            }
        } else if (n == u"line-height-at-least") {
            if (const auto v = office::parseLength(value)) {
                props.lineRule = ParaProps::AtLeast;
                props.lineValue = *v;
            }
        } else if (n == u"break-before") {
            props.pageBreakBefore = value == QLatin1String("page");
        } else if (n == u"break-after") {
            props.pageBreakAfter = value == QLatin1String("page");
        } else if (n == u"background-color") {
            if (const auto color = office::parseHexColor(value))
                props.shading = *color;
        } else if (n == u"keep-together") {
            props.keepLines = value == QLatin1String("always");
        } else if (n == u"keep-with-next") {
            props.keepNext = value == QLatin1String("always");
        } else if (n == u"border" || n == u"border-top" || n == u"border-left" || n == u"border-bottom"
            || n == u"border-right") {
            const FlowTableBuilder::Edge edge = parseBorder(value);
            const ParagraphEdge side {edge.width, edge.color, 0};
            if (n == u"border" || n == u"border-top")
                props.borderTop = side;
            if (n == u"border" || n == u"border-left")
                props.borderLeft = side;
            if (n == u"border" || n == u"border-bottom")
                props.borderBottom = side;
            if (n == u"border" || n == u"border-right")
                props.borderRight = side;
        }
    }
    // fo:padding (or its sides): the space between the border and the text.
    const auto padding = [&](QStringView side) {
        if (const auto own = length(xml, side))
            return own;
        return length(xml, u"padding");
    };
    for (auto [edge, side] : {std::pair {&props.borderTop, u"padding-top"}, {&props.borderLeft, u"padding-left"},
             {&props.borderBottom, u"padding-bottom"}, {&props.borderRight, u"padding-right"}}) {
        if (*edge) {
            if (const auto space = padding(side))
                (*edge)->space = std::clamp(*space, 0.0, 72.0);
        }
    }
    // style:tab-stops, measured from the left indent (LibreOffice's default for ODF).
    forChildren(xml, [&] {
        if (name(xml) == u"drop-cap") {
            const int lines = attribute(xml, u"lines").toInt();
            const QString length = attribute(xml, u"length");
            props.dropCapLines = lines > 1 ? std::min(lines, 10) : 0;
            props.dropCapLength = length == QLatin1String("word") ? 0 : std::clamp(length.toInt(), 1, 100);
            return;
        }
        if (name(xml) != u"tab-stops")
            return;
        QList<TabStop> stops;
        forChildren(xml, [&] {
            if (name(xml) != u"tab-stop" || stops.size() >= 64)
                return;
            const auto position = length(xml, u"position");
            if (!position)
                return;
            TabStop stop;
            stop.position = *position;
            const QString type = attribute(xml, u"type");
            stop.type = type == QLatin1String("right") ? QTextOption::RightTab
                : type == QLatin1String("center")      ? QTextOption::CenterTab
                                                       : QTextOption::LeftTab;
            const QString text = attribute(xml, u"leader-text");
            const QString style = attribute(xml, u"leader-style");
            if (!text.isEmpty() && !text.at(0).isSpace())
                stop.leader = text.at(0);
            else if (style == QLatin1String("dotted"))
                stop.leader = u'.';
            else if (style == QLatin1String("dash") || style == QLatin1String("long-dash"))
                stop.leader = u'-';
            else if (style == QLatin1String("solid"))
                stop.leader = u'_';
            if (!style.isEmpty() && style == QLatin1String("none") && text.isEmpty())
                stop.leader = QChar();
            stops.append(stop);
        });
        props.tabs = stops;
        props.tabsFromIndent = true;
    });
}

OdtReader::Style OdtReader::readStyle(SafeXmlReader &xml)
{
    Style style;
    style.name = attribute(xml, u"name");
    style.family = attribute(xml, u"family");
    style.parent = attribute(xml, u"parent-style-name");
    style.displayName = attribute(xml, u"display-name");
    style.listStyle = attribute(xml, u"list-style-name");
    style.masterPage = attribute(xml, u"master-page-name");
    style.outlineLevel = attribute(xml, u"default-outline-level").toInt();
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        if (n == u"text-properties") {
            readTextProperties(xml, style.run);
        } else if (n == u"paragraph-properties") {
            readParagraphProperties(xml, style.paragraph);
        } else if (n == u"graphic-properties") {
            style.horizontalPos = attribute(xml, u"horizontal-pos");
            if (hasAttribute(xml, u"border"))
                style.framed = attribute(xml, u"border") != QLatin1String("none");
        } else if (n == u"table-column-properties") {
            if (const auto width = length(xml, u"column-width"))
                style.columnWidth = *width;
        } else if (n == u"table-cell-properties" || n == u"table-properties") {
            if (const auto color = office::parseHexColor(attribute(xml, u"background-color")))
                style.background = *color;
            // fo:border for every side, fo:border-top... for one.
            if (hasAttribute(xml, u"border")) {
                const FlowTableBuilder::Edge all = parseBorder(attribute(xml, u"border"));
                style.borders.fill(all);
            }
            const QStringView sides[] = {u"border-top", u"border-left", u"border-bottom", u"border-right"};
            for (size_t i = 0; i < std::size(sides); ++i) {
                if (hasAttribute(xml, sides[i]))
                    style.borders[i] = parseBorder(attribute(xml, sides[i]));
            }
            if (const auto width = length(xml, u"width"))
                style.tableWidth = *width;
        }
    });
    return style;
}

void OdtReader::readListStyle(SafeXmlReader &xml)
{
    ListStyle list;
    const QString styleName = attribute(xml, u"name");
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        if (!n.startsWith(u"list-level-style"))
            return;
        const int level = std::clamp(attribute(xml, u"level").toInt(), 1, 10) - 1;
        ListLevel &entry = list.levels[size_t(level)];
        entry.defined = true;
        entry.bullet = n == u"list-level-style-bullet";
        entry.bulletChar = attribute(xml, u"bullet-char");
        entry.format = attribute(xml, u"num-format");
        entry.prefix = attribute(xml, u"num-prefix");
        entry.suffix = attribute(xml, u"num-suffix");
        entry.displayLevels = std::clamp(attribute(xml, u"display-levels").toInt(), 1, 10);
        if (hasAttribute(xml, u"start-value"))
            entry.start = std::clamp(attribute(xml, u"start-value").toInt(), 0, 1'000'000);
        entry.indent = 18 * (level + 1);
        forChildren(xml, [&] {
            if (name(xml) != u"list-level-properties")
                return;
            const qreal before = length(xml, u"space-before").value_or(0);
            const qreal width = length(xml, u"min-label-width").value_or(18);
            entry.indent = before + width;
            entry.labelWidth = width;
            forChildren(xml, [&] {
                if (name(xml) != u"list-level-label-alignment")
                    return;
                if (const auto margin = length(xml, u"margin-left"))
                    entry.indent = *margin;
                if (const auto indent = length(xml, u"text-indent"))
                    entry.labelWidth = -*indent;
            });
        });
    });
    m_listStyles.insert(styleName, list);
}

void OdtReader::readStyles(SafeXmlReader &xml, QHash<QString, Style> &styles, bool automaticOnly)
{
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        if (n == u"style") {
            const Style style = readStyle(xml);
            styles.insert(style.family + u'/' + style.name, style);
        } else if (n == u"default-style" && !automaticOnly) {
            const Style style = readStyle(xml);
            if (style.family == QLatin1String("paragraph")) {
                m_defaultParagraph.mergeFrom(style.paragraph);
                m_defaultRun.mergeFrom(style.run);
            }
        } else if (n == u"list-style") {
            readListStyle(xml);
        } else if (n == u"page-layout") {
            PageLayout layout;
            const QString layoutName = attribute(xml, u"name");
            forChildren(xml, [&] {
                const QStringView child = name(xml);
                if (child == u"page-layout-properties") {
                    PageGeometry &g = layout.geometry;
                    g.size = QSizeF(
                        length(xml, u"page-width").value_or(595.3), length(xml, u"page-height").value_or(841.9));
                    const qreal all = length(xml, u"margin").value_or(56.7);
                    g.margins
                        = QMarginsF(length(xml, u"margin-left").value_or(all), length(xml, u"margin-top").value_or(all),
                            length(xml, u"margin-right").value_or(all), length(xml, u"margin-bottom").value_or(all));
                } else if (child == u"header-style" || child == u"footer-style") {
                    const bool header = child == u"header-style";
                    forChildren(xml, [&] {
                        if (name(xml) != u"header-footer-properties")
                            return;
                        // The header takes room from the body: its height plus its spacing.
                        const qreal height = length(xml, u"min-height").value_or(0);
                        const qreal spacing = length(xml, header ? u"margin-bottom" : u"margin-top").value_or(0);
                        (header ? layout.headerExtra : layout.footerExtra) = height + spacing;
                    });
                }
            });
            m_layouts.insert(layoutName, layout);
        }
    });
}

void OdtReader::readMasterPage(SafeXmlReader &xml)
{
    if (m_masters.isEmpty()) {
        // Headers are laid out with the document's default font: set it before the first.
        QFont font;
        font.setFamilies(fonts::substitutes(m_defaultRun.font.value_or(QStringLiteral("Liberation Serif"))));
        font.setPointSizeF(std::clamp(m_defaultRun.size.value_or(12.0), 1.0, 1638.0));
        m_flow.setDefaultFont(font);
    }
    MasterPage master;
    const QString masterName = attribute(xml, u"name");
    master.layout = attribute(xml, u"page-layout-name");
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        const bool header = n.startsWith(u"header");
        if (!header && !n.startsWith(u"footer"))
            return;
        if (attribute(xml, u"display") == QLatin1String("false"))
            return;
        const int kind = n.endsWith(u"-first") ? FirstHeader : n.endsWith(u"-left") ? EvenHeader : DefaultHeader;
        std::shared_ptr<FlowTextDocument> document = m_flow.newTextDocument();
        QTextCursor cursor(document.get());
        bool fresh = true;
        Out out;
        out.xml = &xml;
        out.cursor = &cursor;
        out.fresh = &fresh;
        out.margin = true;
        blockChildren(out);
        text::deliverPendingTimers(document->documentLayout());
        (header ? master.header : master.footer)[kind] = document;
    });
    if (m_firstMaster.isEmpty())
        m_firstMaster = masterName;
    m_masters.insert(masterName, master);
}

void OdtReader::startSection(const QString &masterName, const CancellationToken &)
{
    m_currentMaster = masterName;
    const MasterPage master = m_masters.value(masterName);
    const PageLayout layout = m_layouts.value(master.layout);
    SectionSetup setup;
    setup.geometry = layout.geometry;
    for (int kind = 0; kind < 3; ++kind) {
        setup.header[kind] = master.header[kind];
        setup.footer[kind] = master.footer[kind];
    }
    // Headers sit inside the page margins in ODF; the body starts below them.
    if (master.header[DefaultHeader]) {
        setup.geometry.headerDistance = setup.geometry.margins.top();
        setup.geometry.margins.setTop(setup.geometry.margins.top() + std::max<qreal>(layout.headerExtra, 14) + 2);
    }
    if (master.footer[DefaultHeader]) {
        setup.geometry.footerDistance = setup.geometry.margins.bottom();
        setup.geometry.margins.setBottom(setup.geometry.margins.bottom() + std::max<qreal>(layout.footerExtra, 14) + 2);
    }
    setup.titlePage = master.header[FirstHeader] || master.footer[FirstHeader];
    if (setup.titlePage) {
        // A first-page header absent on one side leaves the default on that side.
        if (!setup.header[FirstHeader])
            setup.header[FirstHeader] = master.header[DefaultHeader];
        if (!setup.footer[FirstHeader])
            setup.footer[FirstHeader] = master.footer[DefaultHeader];
    }
    setup.evenAndOdd = master.header[EvenHeader] || master.footer[EvenHeader];
    m_flow.startSection(setup);
}

const OdtReader::Style *OdtReader::style(const QString &styleName, QStringView family) const
{
    const QString key = family.toString() + u'/' + styleName;
    if (const auto found = m_automatic->constFind(key); found != m_automatic->cend())
        return &*found;
    if (const auto found = m_common.constFind(key); found != m_common.cend())
        return &*found;
    return nullptr;
}

ParaProps OdtReader::paragraphProps(const QString &styleName) const
{
    QList<const Style *> chain;
    for (const Style *s = style(styleName, u"paragraph"); s && chain.size() < 32 && !chain.contains(s);
         s = style(s->parent, u"paragraph"))
        chain.append(s);
    ParaProps props = m_defaultParagraph;
    for (auto it = chain.crbegin(); it != chain.crend(); ++it)
        props.mergeFrom((*it)->paragraph);
    return props;
}

RunProps OdtReader::runProps(const QString &styleName, QStringView family) const
{
    QList<const Style *> chain;
    for (const Style *s = style(styleName, family); s && chain.size() < 32 && !chain.contains(s);
         s = style(s->parent, family))
        chain.append(s);
    RunProps props;
    for (auto it = chain.crbegin(); it != chain.crend(); ++it)
        props.mergeFrom((*it)->run);
    return props;
}

void OdtReader::restartText()
{
    // After a cancel in the middle of a table, reading starts over and skips the elements
    // already shown (parsing alone is fast); styles and fonts were read the first time.
    m_xml = std::make_unique<SafeXmlReader>(
        m_content, QStringLiteral("content.xml"), m_flow.package().limits(), CancellationToken());
    SafeXmlReader &xml = *m_xml;
    const int textDepth = m_textDepth;
    m_textDepth = -1;
    while (m_textDepth < 0 && xml.readNextStartElement()) {
        if (xml.depth() == textDepth && name(xml) == u"text")
            m_textDepth = xml.depth();
    }
    if (m_textDepth >= 0 && !skipChildren(xml, m_textDepth, m_elements))
        m_textEnded = true;
}

Status OdtReader::readMore(const CancellationToken &token)
{
    m_token = &token;
    if (!m_xml)
        restartText();
    SafeXmlReader &xml = *m_xml;
    Out out;
    out.xml = &xml;
    out.cursor = &m_flow.cursor();
    out.fresh = &m_flow.sectionFresh();
    out.body = true;
    int blocks = 0;
    const int step = m_stepSize;
    m_stepSize = std::min(m_stepSize * 2, MaxParagraphsPerStep);
    while (m_textDepth >= 0 && !m_textEnded && !xml.atEnd() && blocks < step) {
        if (token.isCancelled())
            break;
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.depth() < m_textDepth) {
            m_textEnded = true;
            break;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        // What a cancelled table leaves behind is taken back (see restartText()).
        QTextCursor &cursor = *out.cursor;
        const int mark = cursor.position();
        const bool freshBefore = *out.fresh;
        const bool firstParagraph = m_firstParagraph;
        const int pendingLevel = m_pendingLevel;
        const QList<ListContext> lists = m_lists;
        const QList<Note> notes = m_notes;
        const QList<Note> comments = m_comments;
        const QStringList openChanges = m_openChanges;
        const qsizetype commentAnchors = m_flow.commentAnchorCount();
        m_interrupted = false;
        blockElement(out);
        if (xml.depth() > m_textDepth)
            xml.skipElement();
        if (m_interrupted) {
            QTextCursor partial(cursor.document());
            partial.setPosition(mark);
            partial.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
            partial.removeSelectedText();
            cursor.movePosition(QTextCursor::End);
            *out.fresh = freshBefore;
            m_firstParagraph = firstParagraph;
            m_pendingLevel = pendingLevel;
            m_lists = lists;
            m_notes = notes;
            m_comments = comments;
            m_openChanges = openChanges;
            m_flow.dropCommentAnchors(commentAnchors);
            m_xml.reset();
            return Status::fromToken(token);
        }
        ++m_elements;
        ++blocks;
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!xml.status())
        return xml.status();
    if (m_textDepth < 0 || m_textEnded || xml.atEnd())
        return finish(token);
    return {};
}

Status OdtReader::finish(const CancellationToken &token)
{
    appendNotes(m_notes, false);
    if (m_flow.options() & RenderOption::RenderComments)
        appendNotes(m_comments, true);
    if (token.isCancelled())
        return Status::fromToken(token);
    m_done = true;
    m_xml.reset();
    m_content.clear();
    return {};
}

void OdtReader::appendNotes(const QList<Note> &notes, bool comments)
{
    if (notes.isEmpty())
        return;
    QTextCursor &cursor = m_flow.cursor();
    bool &fresh = m_flow.sectionFresh();
    QTextBlockFormat separator;
    separator.setTopMargin(m_flow.px(12));
    separator.setProperty(
        QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 30));
    // Endnotes start a page of their own, as in LibreOffice.
    if (!comments)
        separator.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    if (fresh)
        cursor.setBlockFormat(separator);
    else
        cursor.insertBlock(separator, QTextCharFormat());
    fresh = false;
    if (comments) {
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        cursor.insertBlock(QTextBlockFormat(), bold);
        cursor.insertText(tr("Comments"));
    }
    for (const Note &note : notes) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        QTextCharFormat mark;
        if (comments) {
            mark.setFontWeight(QFont::Bold);
            cursor.insertText(QStringLiteral("[%1] ").arg(note.mark)
                    + (note.author.isEmpty() ? QString() : note.author + QLatin1String(": ")),
                mark);
        } else {
            mark.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
            cursor.insertText(note.mark, mark);
            cursor.insertText(QStringLiteral(" "), QTextCharFormat());
        }
        // The note's first paragraph continues the mark's line.
        cursor.insertFragment(QTextDocumentFragment(note.body.get()));
    }
}

void OdtReader::blockChildren(Out &out)
{
    forChildren(*out.xml, [&] { blockElement(out); });
}

void OdtReader::blockElement(Out &out)
{
    SafeXmlReader &xml = *out.xml;
    const QStringView n = name(xml);
    if (n == u"p") {
        paragraph(out, false);
    } else if (n == u"h") {
        paragraph(out, true);
    } else if (n == u"list") {
        list(out);
    } else if (n == u"table") {
        table(out);
    } else if (n == u"section" || n == u"index-body" || n == u"table-of-content" || n == u"alphabetical-index"
        || n == u"illustration-index" || n == u"bibliography" || n == u"user-index" || n == u"object-index"
        || n == u"table-index" || n == u"text-content") {
        blockChildren(out);
    } else if (n == u"tracked-changes") {
        if (m_flow.options() & RenderOption::RenderTrackedChanges)
            readTrackedChanges(xml);
    } else if (n == u"change-start" || n == u"change-end" || n == u"change") {
        trackedChangeMark(out, QTextCharFormat(), true);
    } else if (n == u"frame") {
        // A frame anchored to the page: a paragraph of its own.
        m_firstParagraph = false;
        out.blockFormat = QTextBlockFormat();
        out.paragraphChars = QTextCharFormat();
        if (*out.fresh) {
            *out.fresh = false;
        } else {
            out.cursor->insertBlock();
        }
        frame(out, QTextCharFormat());
        m_flow.insertTextBoxes(*out.cursor, *out.fresh, out.boxes);
    }
    // tracked-changes (deleted text), sequence-decls, forms, index titles' templates: nothing to show.
}

OdtReader::ListLevel OdtReader::listLevel(const QString &styleName, int level) const
{
    level = std::clamp(level, 0, 9);
    const auto found = m_listStyles.constFind(styleName);
    ListLevel fallback;
    fallback.indent = 18.0 * (level + 1);
    if (found == m_listStyles.cend())
        return fallback;
    for (int declared = level; declared >= 0; --declared) {
        ListLevel entry = found->levels[size_t(declared)];
        if (!entry.defined)
            continue;
        entry.indent += 18.0 * (level - declared);
        return entry;
    }
    return fallback;
}

QString OdtReader::listMarker(int level, int *counterLevel)
{
    if (m_lists.isEmpty())
        return {};
    const QString styleName = m_lists.last().style;
    level = std::clamp(level, 0, 9);
    const ListLevel entry = listLevel(styleName, level);
    if (counterLevel)
        *counterLevel = level;
    if (entry.bullet) {
        QString bullet = entry.bulletChar.isEmpty() ? QStringLiteral("•") : entry.bulletChar.left(1);
        if (bullet[0].unicode() >= 0xE000 && bullet[0].unicode() <= 0xF8FF)
            bullet = QStringLiteral("•");
        return bullet;
    }
    // An item deeper than any item of the levels above (under a list header, say) starts their
    // counts: the next item of such a level is its second, as in LibreOffice.
    for (int outer = 0; outer < level; ++outer) {
        if (!m_counted[size_t(outer)]) {
            m_counters[size_t(outer)] = listLevel(styleName, outer).start;
            m_counted[size_t(outer)] = true;
        }
    }
    m_counters[size_t(level)] = m_counted[size_t(level)] ? m_counters[size_t(level)] + 1 : entry.start;
    m_counted[size_t(level)] = true;
    for (int deeper = level + 1; deeper < 10; ++deeper)
        m_counted[size_t(deeper)] = false;
    if (numberFormat(entry.format) == docx::Numbering::Format::None)
        return entry.prefix + entry.suffix;
    QStringList parts;
    for (int shown = std::max(0, level - entry.displayLevels + 1); shown <= level; ++shown) {
        const ListLevel outer = listLevel(styleName, shown);
        const int value = m_counted[size_t(shown)] ? m_counters[size_t(shown)] : outer.start;
        parts.append(docx::Numbering::formatNumber(value, numberFormat(outer.format)));
    }
    return entry.prefix + parts.join(u'.') + entry.suffix;
}

void OdtReader::list(Out &out)
{
    SafeXmlReader &xml = *out.xml;
    QString styleName = attribute(xml, u"style-name");
    const int level = m_lists.isEmpty() ? 0 : std::min(m_lists.last().level + 1, 9);
    if (styleName.isEmpty() && !m_lists.isEmpty())
        styleName = m_lists.last().style;
    const bool continues
        = attribute(xml, u"continue-numbering") == QLatin1String("true") || hasAttribute(xml, u"continue-list");
    if (level == 0 && !continues)
        m_counted.fill(false);
    if (m_lists.size() >= 10) {
        blockChildren(out);
        return;
    }
    m_lists.append({styleName, level});
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        if (n != u"list-item" && n != u"list-header")
            return;
        if (n == u"list-item") {
            if (hasAttribute(xml, u"start-value")) {
                m_counters[size_t(level)] = std::clamp(attribute(xml, u"start-value").toInt(), 0, 1'000'000) - 1;
                m_counted[size_t(level)] = true;
            }
            // The marker goes on the item's first paragraph; a nested list first is numbered itself.
            m_pendingMarker = listMarker(level, nullptr);
            m_pendingLevel = level;
        }
        forChildren(xml, [&] {
            if (name(xml) == u"list") {
                m_pendingMarker.clear();
                m_pendingLevel = -1;
            }
            blockElement(out);
        });
        m_pendingMarker.clear();
        m_pendingLevel = -1;
    });
    m_lists.removeLast();
}

void OdtReader::paragraph(Out &out, bool heading)
{
    SafeXmlReader &xml = *out.xml;
    const QString styleName = attribute(xml, u"style-name");
    const Style *own = style(styleName, u"paragraph");
    bool masterBreak = false;
    // A paragraph style naming a master page starts a section with that page.
    if (out.body && out.tableDepth == 0) {
        QString master;
        for (const Style *s = own; s && master.isEmpty(); s = style(s->parent, u"paragraph")) {
            master = s->masterPage;
            if (s == style(s->parent, u"paragraph"))
                break;
        }
        if (!master.isEmpty() && master != m_currentMaster && m_masters.contains(master))
            startSection(master, *m_token);
        else if (!master.isEmpty() && !m_firstParagraph)
            masterBreak = true; // the same page style again: a new page all the same
    }
    ParaProps props = paragraphProps(styleName);
    if (masterBreak)
        props.pageBreakBefore = true;
    int level = -1;
    if (heading) {
        const int outline = hasAttribute(xml, u"outline-level") ? attribute(xml, u"outline-level").toInt() : 0;
        int fromStyle = 0;
        for (const Style *s = own; s && !fromStyle; s = style(s->parent, u"paragraph")) {
            fromStyle = s->outlineLevel;
            if (s == style(s->parent, u"paragraph"))
                break;
        }
        level = std::clamp((outline > 0 ? outline : (fromStyle > 0 ? fromStyle : 1)) - 1, 0, 9);
        if (!own) {
            // Headings without a style still look like headings.
            props.before = props.before.value_or(12);
            props.after = props.after.value_or(6);
        }
    }
    QString marker;
    if (m_pendingLevel >= 0) {
        marker = m_pendingMarker;
        const ListLevel entry = listLevel(m_lists.isEmpty() ? QString() : m_lists.last().style, m_pendingLevel);
        props.left = props.left.value_or(0) + entry.indent;
        props.firstLine = -entry.labelWidth;
        m_pendingMarker.clear();
        m_pendingLevel = -1;
    } else if (!m_lists.isEmpty()) {
        // Later paragraphs of an item line up with its text.
        props.left = props.left.value_or(0) + listLevel(m_lists.last().style, m_lists.last().level).indent;
    }
    if (m_firstParagraph && out.body) {
        // The first page starts a page anyway.
        props.pageBreakBefore = false;
    }
    if (out.body && out.tableDepth == 0)
        m_firstParagraph = false;
    RunProps chars = m_defaultRun;
    chars.mergeFrom(runProps(styleName, u"paragraph"));
    if (heading && !own) {
        chars.bold = chars.bold.value_or(true);
        chars.size = chars.size.value_or(m_defaultRun.size.value_or(12)) * (level == 0 ? 1.6 : level == 1 ? 1.3 : 1.15);
    }
    QTextBlockFormat format;
    props.apply(format, [this](qreal points) { return m_flow.px(points); });
    if (!marker.isEmpty() && props.firstLine && *props.firstLine < 0) {
        QList<QTextOption::Tab> tabs = format.tabPositions();
        tabs.append(QTextOption::Tab(m_flow.px(-*props.firstLine), QTextOption::LeftTab));
        std::sort(tabs.begin(), tabs.end(),
            [](const QTextOption::Tab &a, const QTextOption::Tab &b) { return a.position < b.position; });
        format.setTabPositions(tabs);
    }

    QTextCharFormat charFormat;
    chars.apply(charFormat);
    out.blockFormat = format;
    out.paragraphChars = charFormat;
    out.lastSpace = true;
    out.boxes.clear();
    out.placement.reset();
    // A drop cap: a frame floating left, then the paragraph in the block after it, its first
    // letters moved into the frame once read.
    QTextFrame *dropCap = nullptr;
    if (props.dropCapLines.value_or(0) > 1 && !out.margin && out.boxDepth == 0) {
        QTextFrameFormat frame;
        frame.setPosition(QTextFrameFormat::FloatLeft);
        frame.setBorder(0);
        frame.setPadding(0);
        frame.setMargin(0);
        frame.setRightMargin(m_flow.px(DropCapGap));
        frame.setWidth(m_flow.px(1 + DropCapGap)); // until its letters are in (fillDropCap())
        dropCap = out.cursor->insertFrame(frame);
        *out.cursor = cursorAfter(dropCap);
        *out.fresh = true;
    }
    if (*out.fresh) {
        formatFreshBlock(*out.cursor, format, charFormat);
        *out.fresh = false;
    } else {
        out.cursor->insertBlock(format, charFormat);
    }
    if (!marker.isEmpty())
        out.cursor->insertText(marker + QLatin1Char('\t'), charFormat);
    inlineContent(out, charFormat);
    if (dropCap)
        fillDropCap(out, *dropCap, props, marker.isEmpty() ? 0 : int(marker.size()) + 1);
    if (heading && out.body)
        m_flow.addHeading(out.cursor->block().text(), level);
    if (out.placement)
        placePictureParagraph(*out.cursor, *out.placement);
    m_flow.insertTextBoxes(*out.cursor, *out.fresh, out.boxes);
}

// Moves the first letters of the paragraph just read (after its list marker) into its drop cap
// frame, large enough to span the lines the style asks for.
void OdtReader::fillDropCap(Out &out, QTextFrame &frame, const ParaProps &props, int skip)
{
    const QTextBlock block = out.cursor->block();
    const QString text = block.text().mid(skip);
    int count = props.dropCapLength.value_or(1);
    if (count == 0) {
        count = int(text.indexOf(u' '));
        if (count < 0)
            count = int(text.size());
    }
    count = std::min(count, int(text.size()));
    if (text.left(count).trimmed().isEmpty() || text.left(count).contains(QChar::ObjectReplacementCharacter))
        return; // the frame stays empty and narrow
    QTextCursor letters(out.cursor->document());
    letters.setPosition(block.position() + skip + count);
    QTextCharFormat format = letters.charFormat();
    letters.setPosition(block.position() + skip, QTextCursor::KeepAnchor);
    const QString moved = letters.selectedText();
    letters.removeSelectedText();
    const qreal base
        = format.fontPointSize() > 0 ? format.fontPointSize() : out.cursor->document()->defaultFont().pointSizeF();
    const int lines = props.dropCapLines.value_or(3);
    // The letters' caps run from the first line's top to the last line's baseline.
    const qreal lineHeight = base * 1.17;
    format.setFontPointSize(std::clamp(((lines - 1) * lineHeight + base * 0.75) / 0.7, 1.0, 1000.0));
    format.setVerticalAlignment(QTextCharFormat::AlignNormal);
    // The letters' own line (a fixed height would push their tops up over what comes before);
    // the frame's height, the lines they span, is what the text wraps around.
    QTextCursor into = frame.firstCursorPosition();
    into.setBlockFormat(QTextBlockFormat());
    into.insertText(moved, format);
    QTextFrameFormat sized = frame.frameFormat();
    const QFont font = format.font().resolve(out.cursor->document()->defaultFont());
    // The width takes in the frame's margin.
    sized.setWidth(m_flow.px(std::min(pointWidth(font, moved) + 1 + DropCapGap, 1000.0)));
    sized.setHeight(m_flow.px(lines * lineHeight));
    frame.setFrameFormat(sized);
}

void OdtReader::insertText(Out &out, const QString &text, const QTextCharFormat &plain, bool collapse)
{
    // Inside an insertion shown as markup (between its text:change-start and text:change-end).
    QTextCharFormat format = plain;
    if (!m_openChanges.isEmpty()) {
        const TrackedRegion region = m_trackedChanges.value(m_openChanges.last());
        markTrackedChange(format, region.change, region.author);
    }
    if (!collapse) {
        out.cursor->insertText(text, format);
        out.lastSpace = text.endsWith(u' ');
        return;
    }
    // ODF white space: runs of spaces, tabs and line ends are one space (text:s, text:tab and
    // text:line-break say what is meant literally).
    QString collapsed;
    collapsed.reserve(text.size());
    for (const QChar c : text) {
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
            if (!out.lastSpace)
                collapsed += u' ';
            out.lastSpace = true;
        } else {
            collapsed += c;
            out.lastSpace = false;
        }
    }
    if (!collapsed.isEmpty())
        out.cursor->insertText(collapsed, format);
}

void OdtReader::inlineContent(Out &out, const QTextCharFormat &format)
{
    SafeXmlReader &xml = *out.xml;
    const int depth = xml.depth();
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.depth() < depth)
            return;
        if (type == QXmlStreamReader::Characters) {
            insertText(out, xml.xml().text().toString(), format, true);
            continue;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        const QStringView n = name(xml);
        if (n == u"span") {
            QTextCharFormat span = format;
            const RunProps props = runProps(attribute(xml, u"style-name"), u"text");
            if (props.hidden.value_or(false)) {
                xml.skipElement();
                continue;
            }
            props.apply(span);
            inlineContent(out, span);
        } else if (n == u"a") {
            QTextCharFormat link = format;
            const QString href = attribute(xml, u"href");
            link.setAnchor(true);
            link.setAnchorHref(href);
            const RunProps props = runProps(attribute(xml, u"style-name"), u"text");
            props.apply(link);
            if (!props.color) {
                link.setForeground(QColor(0x05, 0x63, 0xc1));
                link.setFontUnderline(true);
            }
            inlineContent(out, link);
        } else if (n == u"s") {
            const int count = hasAttribute(xml, u"c") ? std::clamp(attribute(xml, u"c").toInt(), 1, MaxSpaces) : 1;
            insertText(out, QString(count, u' '), format, false);
            xml.skipElement();
        } else if (n == u"tab") {
            insertText(out, QStringLiteral("\t"), format, false);
            out.lastSpace = true;
            xml.skipElement();
        } else if (n == u"line-break") {
            insertText(out, QString(QChar::LineSeparator), format, false);
            out.lastSpace = true;
            xml.skipElement();
        } else if ((n == u"page-number" || n == u"page-count") && out.margin) {
            QTextCharFormat marked = format;
            const bool count = n == u"page-count";
            marked.setProperty(PageFieldProperty, int(count ? PageField::PageCount : PageField::Page));
            if (count)
                m_flow.setUsesPageCount();
            out.cursor->insertText(QStringLiteral("1"), marked);
            out.lastSpace = false;
            xml.skipElement();
        } else if (n == u"note") {
            const bool endnote = attribute(xml, u"note-class") == u"endnote";
            QString citation;
            std::shared_ptr<FlowTextDocument> body;
            forChildren(xml, [&] {
                if (name(xml) == u"note-citation")
                    citation = xml.readText().trimmed();
                else if (name(xml) == u"note-body")
                    body = readInto(out, true);
            });
            if (citation.isEmpty())
                citation = QString::number(m_notes.size() + 1);
            QTextCharFormat mark = format;
            mark.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
            if (!endnote && body && !out.margin) {
                // A footnote, drawn at the foot of the page: its text starts with its mark.
                QTextCursor start(body.get());
                QTextCharFormat ownMark;
                ownMark.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
                start.insertText(citation, ownMark);
                start.insertText(QStringLiteral(" "), QTextCharFormat());
                mark = m_flow.footnoteMark(format, body);
                body.reset();
            }
            out.cursor->insertText(citation, mark);
            out.lastSpace = false;
            if (body && !out.margin)
                m_notes.append({citation, QString(), body});
        } else if (n == u"annotation") {
            if (out.margin) {
                xml.skipElement();
                continue;
            }
            // Listed by annotations() whether laid out or not; an unnamed one is named by its place.
            QString id = attribute(xml, u"name");
            if (id.isEmpty())
                id = QStringLiteral("annotation-%1").arg(m_flow.commentAnchorCount() + 1);
            m_flow.anchorComment(id, *out.cursor);
            FlowDocument::Comment comment;
            if (!(m_flow.options() & RenderOption::RenderComments)) {
                QStringList lines;
                forChildren(xml, [&] {
                    if (name(xml) == u"creator")
                        comment.author = xml.readText().trimmed();
                    else if (name(xml) == u"date")
                        comment.date = QDateTime::fromString(xml.readText().trimmed(), Qt::ISODate);
                    else if (name(xml) == u"p" || name(xml) == u"h" || name(xml) == u"list")
                        lines.append(xml.readText());
                });
                comment.text = lines.join(u'\n').trimmed();
                m_flow.describeComment(id, std::move(comment));
                continue;
            }
            QString author;
            std::shared_ptr<FlowTextDocument> body = m_flow.newTextDocument();
            QTextCursor cursor(body.get());
            bool fresh = true;
            Out inner;
            inner.xml = &xml;
            inner.cursor = &cursor;
            inner.fresh = &fresh;
            inner.boxDepth = out.boxDepth + 1;
            const QTextBlockFormat blockFormat = out.blockFormat;
            const QTextCharFormat chars = out.paragraphChars;
            forChildren(xml, [&] {
                if (name(xml) == u"creator")
                    author = xml.readText().trimmed();
                else if (name(xml) == u"date")
                    comment.date = QDateTime::fromString(xml.readText().trimmed(), Qt::ISODate);
                else if (name(xml) == u"p" || name(xml) == u"list")
                    blockElement(inner);
            });
            text::deliverPendingTimers(body->documentLayout());
            out.blockFormat = blockFormat;
            out.paragraphChars = chars;
            const int number = int(m_comments.size() + 1);
            QTextCharFormat mark = format;
            mark.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
            mark.setForeground(QColor(0xb0, 0x60, 0x00));
            out.cursor->insertText(QStringLiteral("[%1]").arg(number), mark);
            out.lastSpace = false;
            m_comments.append({QString::number(number), author, body});
            comment.author = author;
            comment.text = text::readableText(body->toPlainText()).trimmed();
            m_flow.describeComment(id, std::move(comment));
        } else if (n == u"frame") {
            frame(out, format);
        } else if (n == u"variable-set" || n == u"variable-get" || n == u"expression") {
            field(out, format);
        } else if (n == u"ruby") {
            forChildren(xml, [&] {
                if (name(xml) == u"ruby-base")
                    inlineContent(out, format);
            });
        } else if (n == u"bookmark" || n == u"bookmark-start") {
            // The targets of "#name" links.
            m_flow.addBookmark(attribute(xml, u"name"), *out.cursor);
            xml.skipElement();
        } else if (n == u"change" || n == u"change-start" || n == u"change-end") {
            trackedChangeMark(out, format);
            xml.skipElement();
        } else if (n == u"soft-page-break" || n == u"bookmark-end" || n == u"annotation-end" || n == u"reference-mark"
            || n == u"reference-mark-start" || n == u"reference-mark-end" || n == u"toc-mark"
            || n == u"alphabetical-index-mark" || n == u"user-field-decls" || n == u"tracked-changes") {
            xml.skipElement();
        } else {
            // Fields (date, title, chapter, sequence, references...): their current text.
            inlineContent(out, format);
        }
    }
}

// text:tracked-changes: what each change region is, who made it, and the text a deletion took.
void OdtReader::readTrackedChanges(SafeXmlReader &xml)
{
    forChildren(xml, [&] {
        if (name(xml) != u"changed-region")
            return;
        QString id = attribute(xml, u"id");
        TrackedRegion region;
        QStringList deleted;
        forChildren(xml, [&] {
            const QStringView kind = name(xml);
            if (kind == u"insertion")
                region.change = TrackedChange::Insertion;
            else if (kind == u"deletion")
                region.change = TrackedChange::Deletion;
            else
                return; // format-change: shown as the text is now
            forChildren(xml, [&] {
                const QStringView n = name(xml);
                if (n == u"change-info") {
                    forChildren(xml, [&] {
                        if (name(xml) == u"creator")
                            region.author = xml.readText().trimmed();
                    });
                } else if (n == u"p" || n == u"h" || n == u"list" || n == u"table") {
                    deleted.append(xml.readText());
                }
            });
        });
        // Paragraph ends between the removed paragraphs are line ends here.
        region.deleted = deleted.join(QChar::LineSeparator);
        if (!id.isEmpty() && region.change != TrackedChange::None && m_trackedChanges.size() < MaxTrackedChanges)
            m_trackedChanges.insert(id, region);
    });
}

// text:change-start / text:change-end around inserted text, text:change where text was deleted:
// markup when asked for, else nothing (the text reads as if every change were accepted).
void OdtReader::trackedChangeMark(Out &out, const QTextCharFormat &format, bool betweenParagraphs)
{
    SafeXmlReader &xml = *out.xml;
    if (!(m_flow.options() & RenderOption::RenderTrackedChanges))
        return;
    const QString id = attribute(xml, u"change-id");
    const auto region = m_trackedChanges.constFind(id);
    if (region == m_trackedChanges.cend())
        return;
    const QStringView n = name(xml);
    if (n == u"change-end") {
        m_openChanges.removeAll(id);
    } else if (n == u"change-start") {
        if (region->change == TrackedChange::Insertion && m_openChanges.size() < MaxOpenChanges)
            m_openChanges.append(id);
    } else if (region->change == TrackedChange::Deletion && !region->deleted.isEmpty()) {
        QTextCharFormat struck = format;
        markTrackedChange(struck, TrackedChange::Deletion, region->author);
        QString deleted = region->deleted;
        if (betweenParagraphs) {
            // Removed paragraphs between two others: paragraphs of their own.
            while (deleted.endsWith(QChar::LineSeparator))
                deleted.chop(1);
            if (!std::exchange(*out.fresh, false))
                out.cursor->insertBlock(QTextBlockFormat(), QTextCharFormat());
        }
        out.cursor->insertText(deleted, struck);
        out.lastSpace = false;
    }
}

// Variable fields: a setter records its value; a getter or an expression without a stored
// result (a document written by a program, not an office suite) shows what it computes.
void OdtReader::field(Out &out, const QTextCharFormat &format)
{
    SafeXmlReader &xml = *out.xml;
    const QStringView n = name(xml);
    const QString variable = attribute(xml, u"name");
    const QString formula = attribute(xml, u"formula");
    std::optional<double> value;
    if (hasAttribute(xml, u"value")) {
        bool ok = false;
        value = attribute(xml, u"value").toDouble(&ok);
        if (!ok)
            value.reset();
    }
    QString shown = xml.readText();
    if (n == u"variable-set" && !variable.isEmpty()
        && (m_variables.size() < MaxVariables || m_variables.contains(variable))) {
        if (!value && !formula.isEmpty())
            value = FormulaParser(formula, m_variables).evaluate();
        if (value)
            m_variables.insert(variable, *value);
    }
    // A setter shows only its stored text (LibreOffice shows none for an empty one).
    if (shown.isEmpty() && n != u"variable-set") {
        if (n == u"variable-get" && m_variables.contains(variable))
            value = m_variables.value(variable);
        else if (n == u"expression" && !value && !formula.isEmpty())
            value = FormulaParser(formula, m_variables).evaluate();
        if (value)
            shown = formatNumber(*value);
    }
    insertText(out, shown, format, true);
}

std::shared_ptr<FlowTextDocument> OdtReader::readInto(Out &out, bool blocks)
{
    Q_UNUSED(blocks)
    std::shared_ptr<FlowTextDocument> document = m_flow.newTextDocument();
    if (out.boxDepth >= MaxBoxDepth) {
        out.xml->skipElement();
        return document;
    }
    QTextCursor cursor(document.get());
    bool fresh = true;
    Out inner;
    inner.xml = out.xml;
    inner.cursor = &cursor;
    inner.fresh = &fresh;
    inner.margin = out.margin;
    inner.boxDepth = out.boxDepth + 1;
    // Lists inside the note or box count on their own.
    const QList<ListContext> lists = std::exchange(m_lists, {});
    const auto counters = m_counters;
    const auto counted = m_counted;
    const QString marker = std::exchange(m_pendingMarker, QString());
    const int pendingLevel = std::exchange(m_pendingLevel, -1);
    const bool firstParagraph = std::exchange(m_firstParagraph, false);
    blockChildren(inner);
    // Its layout's timers belong to this thread (see deliverPendingTimers()).
    text::deliverPendingTimers(document->documentLayout());
    m_lists = lists;
    m_counters = counters;
    m_counted = counted;
    m_pendingMarker = marker;
    m_pendingLevel = pendingLevel;
    m_firstParagraph = firstParagraph;
    return document;
}

void OdtReader::frame(Out &out, const QTextCharFormat &format)
{
    SafeXmlReader &xml = *out.xml;
    const QSizeF size(length(xml, u"width").value_or(0), length(xml, u"height").value_or(0));
    // A frame anchored to the paragraph or a character (not one that is a character itself) sits
    // where its graphic style puts it across the text area.
    QString position;
    std::optional<bool> framed;
    int depth = 0;
    for (const Style *s = style(attribute(xml, u"style-name"), u"graphic"); s && depth < 32;
         s = style(s->parent, u"graphic"), ++depth) {
        if (position.isEmpty())
            position = s->horizontalPos;
        if (!framed)
            framed = s->framed;
    }
    if (attribute(xml, u"anchor-type") != QLatin1String("as-char")) {
        if (position == QLatin1String("center"))
            out.placement = FloatPlacement {Qt::AlignHCenter, std::nullopt};
        else if (position == QLatin1String("right") || position == QLatin1String("outside"))
            out.placement = FloatPlacement {Qt::AlignRight, std::nullopt};
        else if (position == QLatin1String("from-left") && length(xml, u"x"))
            out.placement = FloatPlacement {Qt::AlignLeft, length(xml, u"x")};
    }
    bool done = false;
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        if (done)
            return;
        if (n == u"object") {
            // A formula is laid out from its MathML.
            if (Result<office::math::Formula> formula
                = office::math::formulaFromOpenDocumentObject(m_flow.package(), attribute(xml, u"href"), *m_token);
                formula && !formula->isEmpty()) {
                done = true;
                if (formula->isDisplay()) {
                    QTextBlockFormat centred;
                    centred.setAlignment(Qt::AlignHCenter);
                    out.cursor->mergeBlockFormat(centred);
                }
                // LibreOffice Math's base size.
                out.cursor->insertText(QString(QChar::ObjectReplacementCharacter),
                    m_flow.formulaFormat(
                        std::make_shared<const office::math::Formula>(std::move(formula).value()), 12));
                out.lastSpace = false;
                return;
            }
            // An embedded chart is drawn as vectors from its own data; any other object (or a chart
            // that cannot be read) leaves its place to the replacement picture that follows.
            Result<office::Chart> chart
                = office::Chart::fromOpenDocumentObject(m_flow.package(), attribute(xml, u"href"), *m_token);
            if (!chart) {
                qCInfo(lcWordProcessing) << "object not drawn as a chart:" << chart.status().message();
                return;
            }
            done = true;
            out.cursor->insertText(QString(QChar::ObjectReplacementCharacter),
                m_flow.chartFormat(std::make_shared<const office::Chart>(std::move(chart).value()),
                    size.isEmpty() ? QSizeF(432, 252) : size));
            out.lastSpace = false;
        } else if (n == u"image") {
            done = true;
            const QString href = attribute(xml, u"href");
            QString path;
            // Linked pictures (URLs, files outside the package) are never fetched.
            if (!href.contains(QLatin1String("://")) && !href.startsWith(u'/') && !href.startsWith(QLatin1String("..")))
                path = office::Package::resolve(QString(), href);
            if (!path.isEmpty() && !m_flow.package().contains(path))
                path.clear();
            QSizeF points = size;
            if (points.isEmpty()) {
                const QSize pixels = path.isEmpty() ? QSize() : m_flow.images().pixelSize(path, *m_token);
                points = pixels.isValid() ? QSizeF(pixels) * 0.75 : QSizeF(96, 64);
            }
            QTextImageFormat picture = m_flow.pictureFormat(path, points);
            if (format.isAnchor()) {
                picture.setAnchor(true);
                picture.setAnchorHref(format.anchorHref());
            }
            out.cursor->insertImage(picture);
            out.lastSpace = false;
        } else if (n == u"text-box") {
            done = true;
            const QTextBlockFormat blockFormat = out.blockFormat;
            const QTextCharFormat chars = out.paragraphChars;
            out.boxes.append(readInto(out, true));
            out.boxes.last()->setBoxWidth(size.width());
            out.boxes.last()->setBoxBorder(framed.value_or(true));
            if (out.placement && size.width() > 0) {
                const qreal area
                    = m_layouts.value(m_masters.value(m_currentMaster).layout).geometry.contentSize().width();
                const Qt::Alignment align = out.placement->align;
                out.boxes.last()->setBoxOffset(out.placement->offset ? *out.placement->offset
                        : align & Qt::AlignHCenter                   ? (area - size.width()) / 2
                        : align & Qt::AlignRight                     ? area - size.width()
                                                                     : 0);
            }
            out.blockFormat = blockFormat;
            out.paragraphChars = chars;
        }
    });
}

void OdtReader::table(Out &out)
{
    SafeXmlReader &xml = *out.xml;
    if (out.tableDepth >= MaxTableDepth) {
        // Too deep: the cells' paragraphs in reading order.
        const std::function<void()> flatten = [&] {
            const QStringView n = name(xml);
            if (n == u"table-cell")
                blockChildren(out);
            else if (n.startsWith(u"table-row") || n == u"table-header-rows" || n == u"table-rows")
                forChildren(xml, flatten);
        };
        forChildren(xml, flatten);
        return;
    }
    const Style *tableStyle = style(attribute(xml, u"style-name"), u"table");
    QList<qreal> widths;
    FlowTableBuilder builder(m_flow, *out.cursor, *out.fresh, MaxColumns, [&](int columns) {
        QTextTableFormat format;
        format.setBorderCollapse(true);
        format.setCellSpacing(0);
        format.setCellPadding(m_flow.px(2));
        format.setBorder(0);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        format.setTopMargin(m_flow.px(4));
        format.setBottomMargin(m_flow.px(4));
        if (tableStyle && tableStyle->background)
            format.setBackground(*tableStyle->background);
        format.setColumnWidthConstraints(columnWidths(widths, columns, m_flow));
        return format;
    });
    const auto count = [&](QStringView attributeName, int max) {
        return std::clamp(hasAttribute(xml, attributeName) ? attribute(xml, attributeName).toInt() : 1, 1, max);
    };
    const auto cell = [&] {
        FlowTableBuilder::Cell placement;
        placement.span = count(u"number-columns-spanned", MaxColumns);
        placement.rowSpan = count(u"number-rows-spanned", 100'000);
        placement.padding = 4;
        const int repeat = count(u"number-columns-repeated", MaxColumns);
        const Style *cellStyle = style(attribute(xml, u"style-name"), u"table-cell");
        if (cellStyle) {
            placement.background = cellStyle->background;
            // Each side as the cell's style draws it (LibreOffice often leaves one side of two
            // neighbours to the other); a side it does not name has no border.
            const auto &[top, left, bottom, right] = cellStyle->borders;
            placement.top = top.value_or(FlowTableBuilder::Edge());
            placement.left = left.value_or(FlowTableBuilder::Edge());
            placement.bottom = bottom.value_or(FlowTableBuilder::Edge());
            placement.right = right.value_or(FlowTableBuilder::Edge());
        }
        // The columns a span covers follow as covered-table-cells, which move on by themselves.
        QTextCursor *target = builder.placeCell(placement, repeat);
        if (!target)
            return;
        bool fresh = true;
        Out inner;
        inner.xml = &xml;
        inner.cursor = target;
        inner.fresh = &fresh;
        inner.margin = out.margin;
        inner.tableDepth = out.tableDepth + 1;
        inner.boxDepth = out.boxDepth;
        const QList<ListContext> lists = std::exchange(m_lists, {});
        blockChildren(inner);
        m_lists = lists;
        builder.endCell();
    };
    const std::function<void(bool)> rows = [&](bool header) {
        const QStringView n = name(xml);
        if (n == u"table-column") {
            const Style *column = style(attribute(xml, u"style-name"), u"table-column");
            const int repeat = count(u"number-columns-repeated", MaxColumns);
            for (int i = 0; i < repeat && widths.size() < MaxColumns; ++i)
                widths.append(column ? column->columnWidth : 0);
            builder.setGridColumns(int(widths.size()));
            return;
        }
        if (n == u"table-columns" || n == u"table-header-columns" || n == u"table-column-group" || n == u"table-rows"
            || n == u"table-row-group") {
            forChildren(xml, [&] { rows(header); });
            return;
        }
        if (n == u"table-header-rows") {
            forChildren(xml, [&] { rows(true); });
            return;
        }
        if (n != u"table-row")
            return;
        if (m_interrupted || (m_token && m_token->isCancelled())) {
            m_interrupted = true; // the rows are skipped; readMore() takes the table back
            return;
        }
        if (!builder.beginRow(header))
            return;
        forChildren(xml, [&] {
            const QStringView cellName = name(xml);
            if (cellName == u"covered-table-cell")
                builder.skipColumns(count(u"number-columns-repeated", MaxColumns));
            else if (cellName == u"table-cell")
                cell();
        });
    };
    forChildren(xml, [&] { rows(false); });
    builder.finish();
}

} // namespace folio::wordprocessing::odt
