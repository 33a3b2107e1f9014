// SPDX-License-Identifier: GPL-3.0-or-later
#include "odsreader.h"

#include "numberformat.h"
#include "spreadsheetlogging.h"

#include "backends/common/safexml.h"
#include "backends/common/xmlchildren.h"
#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"

#include <cmath>

namespace folio::spreadsheet {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxSpaces = 1000; // text:s c="…"

// LibreOffice's defaults: columns 2.258 cm, rows 0.452 cm.
constexpr double DefaultColumnWidth = 64.0;
constexpr double DefaultRowHeight = 12.8;

// ODF attributes all have a prefix (table:, office:, style:, fo:): found by their local name.
QString attr(const SafeXmlReader &xml, QLatin1StringView name)
{
    for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
        if (attribute.name() == name)
            return attribute.value().toString();
    }
    return {};
}

int repeatCount(const SafeXmlReader &xml, const char *name, int cap)
{
    bool ok = false;
    const qlonglong value = attr(xml, QLatin1StringView(name)).toLongLong(&ok);
    if (!ok || value < 1)
        return 1;
    return int(std::min<qlonglong>(value, cap));
}

// The first of a table's print ranges, "Sheet1.A1:Sheet1.D20" (with $ and quotes as written).
// table:print-ranges: ranges separated by spaces ("Sheet1.A1:Sheet1.C9 Sheet1.E1:Sheet1.F5"; a
// quoted sheet name may hold spaces), each as cells; the ones that are not ranges are left out.
QList<QRect> printRanges(const QString &ranges)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    for (const QChar c : ranges) {
        if (c == u'\'')
            quoted = !quoted;
        if (c == u' ' && !quoted) {
            if (!current.isEmpty())
                parts.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        parts.append(current);
    const auto cell = [](QString part) {
        part = part.mid(part.lastIndexOf(u'.') + 1);
        part.remove(u'$');
        return QPoint(office::columnIndex(part), office::rowIndex(part));
    };
    QList<QRect> areas;
    for (const QString &range : std::as_const(parts)) {
        const qsizetype colon = range.indexOf(u':');
        if (colon < 0 || areas.size() >= MaxPrintAreas)
            continue;
        const QPoint a = cell(range.left(colon));
        const QPoint b = cell(range.mid(colon + 1));
        if (a.x() < 0 || a.y() < 0 || b.x() < a.x() || b.y() < a.y())
            continue;
        areas.append(QRect(a, QPoint(std::min(b.x(), MaxColumns - 1), std::min(b.y(), MaxRows - 1))));
    }
    return areas;
}

std::optional<QColor> parseColor(const QString &value)
{
    if (value.isEmpty())
        return std::nullopt;
    if (value == u"transparent")
        return QColor();
    return office::parseHexColor(value);
}

} // namespace

OdsReader::OdsReader(const office::Package &package)
    : m_package(package)
{ }

OdsReader::~OdsReader() = default;

Result<std::unique_ptr<OdsReader>> OdsReader::open(const office::Package &package, const CancellationToken &token)
{
    std::unique_ptr<OdsReader> reader(new OdsReader(package));
    const QString contentPath = QStringLiteral("content.xml");
    if (!package.contains(contentPath))
        return Status(StatusCode::Corrupt, tr("%1 has no content.xml part").arg(package.fileName()));
    // Named styles and the default cell style live in styles.xml; a broken one only loses them.
    if (Status status = reader->readStylesPart(token); !status)
        return status;
    Result<QByteArray> content = package.read(contentPath, token);
    if (!content)
        return content.status();
    reader->m_content = std::move(*content);
    reader->m_xml
        = std::make_unique<SafeXmlReader>(reader->m_content, contentPath, package.limits(), reader->m_relay.token());
    {
        const CancellationRegistration follow = reader->m_relay.follow(token);
        if (!reader->findBody(true))
            reader->m_bodyDone = true;
        if (Status status = reader->m_xml->status(); !status)
            return status.isCancellation() ? Status::fromToken(token) : status;
    }
    reader->resolveStyles();
    return reader;
}

bool OdsReader::findBody(bool readAutomaticStyles)
{
    // The automatic styles come first, then the body.
    SafeXmlReader &xml = *m_xml;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        if (name == u"automatic-styles" && readAutomaticStyles)
            readStyles(xml, true);
        else if (name == u"spreadsheet")
            return true;
        else if (name == u"automatic-styles" || name == u"font-face-decls" || name == u"scripts")
            xml.skipElement();
    }
    return false;
}

Status OdsReader::rebuild(const CancellationToken &token)
{
    m_relay.renew();
    m_xml = std::make_unique<SafeXmlReader>(
        m_content, QStringLiteral("content.xml"), m_package.limits(), m_relay.token());
    const CancellationRegistration follow = m_relay.follow(token);
    SafeXmlReader &xml = *m_xml;
    m_pendingRow = false;
    if (!findBody(false))
        return xml.status();
    int tables = 0;
    while (tables < m_tablesDone + (m_inTable ? 1 : 0) && xml.readNextStartElement()) {
        if (xml.xml().name() != u"table")
            continue;
        if (tables++ < m_tablesDone)
            xml.skipElement();
    }
    if (m_inTable) {
        for (int rows = 0; !xml.atEnd();) {
            const auto type = xml.readNext();
            if (type == QXmlStreamReader::EndElement && xml.xml().name() == u"table")
                break;
            if (type != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = xml.xml().name();
            if (name == u"table-row") {
                if (rows++ == m_rowsRead) {
                    m_pendingRow = true;
                    break;
                }
                xml.skipElement();
            } else if (name == u"shapes" || name == u"forms" || name == u"table") {
                xml.skipElement();
            }
        }
    }
    if (Status status = xml.status(); !status)
        return status;
    m_broken = false;
    return {};
}

Status OdsReader::readStylesPart(const CancellationToken &token)
{
    const QString path = QStringLiteral("styles.xml");
    if (!m_package.contains(path))
        return {};
    const Result<QByteArray> data = m_package.read(path, token);
    if (!data)
        return data.status();
    SafeXmlReader xml(*data, path, m_package.limits(), token);
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        if (name == u"styles" || name == u"automatic-styles")
            readStyles(xml, name == u"automatic-styles");
        else if (name == u"master-styles")
            readMasterPages(xml);
        else if (name == u"font-face-decls")
            xml.skipElement();
    }
    if (Status status = xml.status(); !status) {
        if (status.isCancellation() || status.code() == StatusCode::LimitExceeded)
            return status;
        qCWarning(lcSpreadsheet) << status.message();
    }
    return {};
}

void OdsReader::readStyles(SafeXmlReader &xml, bool)
{
    forChildren(xml, [&] {
        const QStringView name = xml.xml().name();
        if (name == u"style")
            readStyle(xml, false);
        else if (name == u"default-style")
            readStyle(xml, true);
        else if (name == u"page-layout")
            readPageLayout(xml);
        // Number styles are skipped.
    });
}

void OdsReader::readPageLayout(SafeXmlReader &xml)
{
    const QString name = attr(xml, "name"_L1);
    PageLayout layout;
    PageSetup &setup = layout.setup;
    setup.margins = QMarginsF(56.69, 56.69, 56.69, 56.69);
    const auto length = [&](QLatin1StringView attribute, double fallback) {
        const auto value = office::parseLength(attr(xml, attribute));
        return value && *value >= 0 && *value < 14400 ? *value : fallback;
    };
    const auto headerFooter = [&](bool header) {
        forChildren(xml, [&] {
            if (xml.xml().name() != u"header-footer-properties")
                return;
            // The header's height and the spacing to the cells come off the body.
            const double height = length("min-height"_L1, 0) + length("height"_L1, 0)
                + (header ? length("margin-bottom"_L1, 0) : length("margin-top"_L1, 0));
            (header ? layout.headerHeight : layout.footerHeight) = height;
        });
    };
    forChildren(xml, [&] {
        const QStringView element = xml.xml().name();
        if (element == u"page-layout-properties") {
            setup.paper
                = QSizeF(length("page-width"_L1, setup.paper.width()), length("page-height"_L1, setup.paper.height()));
            const double all = length("margin"_L1, 56.69);
            setup.margins = QMarginsF(length("margin-left"_L1, all), length("margin-top"_L1, all),
                length("margin-right"_L1, all), length("margin-bottom"_L1, all));
            // What is printed besides the cells: "grid headers charts drawings objects zero-values"
            // (LibreOffice prints neither grid nor headers when the attribute is absent).
            const QStringList print = attr(xml, "print"_L1).split(u' ', Qt::SkipEmptyParts);
            setup.gridLines = print.contains(u"grid"_s);
            setup.headings = print.contains(u"headers"_s);
            bool ok = false;
            const int scale = attr(xml, "scale-to"_L1).remove(u'%').toInt(&ok);
            if (ok && scale >= 10 && scale <= 400)
                setup.scale = scale / 100.0;
            const int pages = attr(xml, "scale-to-pages"_L1).toInt(&ok);
            if (ok && pages > 0) {
                // Fit on this many pages in all: as many wide as high is the closest.
                setup.fitToPages = true;
                setup.fitWidth = pages;
                setup.fitHeight = pages;
            }
            const int x = attr(xml, "scale-to-X"_L1).toInt(&ok);
            const bool hasX = ok && x >= 0;
            const int y = attr(xml, "scale-to-Y"_L1).toInt(&ok);
            if (hasX || (ok && y >= 0)) {
                setup.fitToPages = true;
                setup.fitWidth = hasX ? x : 0;
                setup.fitHeight = ok ? y : 0;
            }
            setup.overThenDown = attr(xml, "print-page-order"_L1) == u"ltr";
        } else if (element == u"header-style" || element == u"footer-style") {
            headerFooter(element == u"header-style");
        }
    });
    if (!name.isEmpty() && m_pageLayouts.size() < 1000)
        m_pageLayouts.insert(name, layout);
}

namespace {

// The text of a header or footer region, its fields turned into Excel's codes (see
// HeaderFooterLine); paragraphs on lines of their own.
QString readHeaderFooterText(SafeXmlReader &xml)
{
    QString text;
    const int depth = xml.depth();
    int paragraphs = 0;
    while (!xml.atEnd() && text.size() < 1000) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.depth() < depth)
            break;
        if (type == QXmlStreamReader::Characters) {
            // Indentation between elements is not text; a space between two fields is.
            if (!(xml.xml().isWhitespace() && xml.xml().text().contains(u'\n')))
                text += xml.xml().text().toString().replace(u'&', u"&&"_s);
            continue;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        const QStringView element = xml.xml().name();
        if (element == u"p") {
            if (paragraphs++ > 0)
                text += u'\n';
        } else if (element == u"sheet-name") {
            text += u"&A"_s;
            xml.skipElement();
        } else if (element == u"page-number") {
            text += u"&P"_s;
            xml.skipElement();
        } else if (element == u"page-count") {
            text += u"&N"_s;
            xml.skipElement();
        } else if (element == u"title" || element == u"file-name") {
            text += u"&F"_s;
            xml.skipElement();
        } else if (element == u"date") {
            text += u"&D"_s;
            xml.skipElement();
        } else if (element == u"time") {
            text += u"&T"_s;
            xml.skipElement();
        } else if (element == u"s") {
            text += u' ';
        } else if (element == u"tab") {
            text += u' ';
        }
    }
    return text;
}

HeaderFooterLine readHeaderFooter(SafeXmlReader &xml)
{
    HeaderFooterLine line;
    QString loose; // paragraphs outside regions: LibreOffice shows them centred
    forChildren(xml, [&] {
        const QStringView element = xml.xml().name();
        if (element == u"region-left")
            line.left = readHeaderFooterText(xml);
        else if (element == u"region-center")
            line.center = readHeaderFooterText(xml);
        else if (element == u"region-right")
            line.right = readHeaderFooterText(xml);
        else if (element == u"p")
            loose += (loose.isEmpty() ? QString() : u"\n"_s) + readHeaderFooterText(xml);
    });
    if (line.isEmpty())
        line.center = loose;
    return line;
}

} // namespace

void OdsReader::readMasterPages(SafeXmlReader &xml)
{
    forChildren(xml, [&] {
        if (xml.xml().name() != u"master-page")
            return;
        const QString name = attr(xml, "name"_L1);
        MasterPage master;
        master.layout = attr(xml, "page-layout-name"_L1);
        forChildren(xml, [&] {
            // Left and first page variants and drawings are skipped.
            const QStringView element = xml.xml().name();
            const bool header = element == u"header";
            if ((header || element == u"footer") && attr(xml, "display"_L1) != u"false")
                (header ? master.header : master.footer) = readHeaderFooter(xml);
        });
        if (!name.isEmpty() && m_masterPages.size() < 1000)
            m_masterPages.insert(name, master);
    });
}

PageSetup OdsReader::pageSetup(const QString &masterPage) const
{
    auto master = m_masterPages.constFind(masterPage.isEmpty() ? u"Default"_s : masterPage);
    if (master == m_masterPages.cend())
        master = m_masterPages.constFind(u"Default"_s);
    if (master == m_masterPages.cend()) {
        // No styles part to say: LibreOffice's default page style, the sheet name above, the page
        // number below.
        PageSetup setup;
        setup.header.center = u"&A"_s;
        setup.footer.center = tr("Page %1").arg(u"&P"_s);
        setup.margins += QMarginsF(0, 28.35, 0, 28.35);
        return setup;
    }
    const PageLayout layout = m_pageLayouts.value(master->layout);
    PageSetup setup = layout.setup;
    // ODF margins run from the paper's edge to the header; the header and its spacing come
    // before the cells.
    setup.headerMargin = setup.margins.top();
    setup.footerMargin = setup.margins.bottom();
    if (master->header && !master->header->isEmpty()) {
        setup.header = *master->header;
        setup.margins.setTop(setup.margins.top() + layout.headerHeight);
    }
    if (master->footer && !master->footer->isEmpty()) {
        setup.footer = *master->footer;
        setup.margins.setBottom(setup.margins.bottom() + layout.footerHeight);
    }
    return setup;
}

void OdsReader::readStyle(SafeXmlReader &xml, bool isDefault)
{
    RawStyle style;
    style.family = attr(xml, "family"_L1);
    style.parent = attr(xml, "parent-style-name"_L1);
    const QString name = attr(xml, "name"_L1);
    style.masterPage = attr(xml, "master-page-name"_L1);
    forChildren(xml, [&] {
        const QStringView element = xml.xml().name();
        if (element == u"text-properties") {
            if (const QString weight = attr(xml, "font-weight"_L1); !weight.isEmpty())
                style.bold = weight == u"bold" || weight.toInt() >= 600;
            if (const QString italic = attr(xml, "font-style"_L1); !italic.isEmpty())
                style.italic = italic == u"italic" || italic == u"oblique";
            if (const QString underline = attr(xml, "text-underline-style"_L1); !underline.isEmpty())
                style.underline = underline != u"none";
            if (const QString strike = attr(xml, "text-line-through-style"_L1); !strike.isEmpty())
                style.strike = strike != u"none";
            if (const auto size = office::parseLength(attr(xml, "font-size"_L1)); size && *size > 0 && *size < 400)
                style.size = *size;
            if (const QString font = attr(xml, "font-name"_L1); !font.isEmpty())
                style.fontName = font;
            else if (const QString family = attr(xml, "font-family"_L1); !family.isEmpty())
                style.fontName = family;
            if (const auto color = parseColor(attr(xml, "color"_L1)))
                style.color = *color;
        } else if (element == u"table-cell-properties") {
            if (const auto fill = parseColor(attr(xml, "background-color"_L1)))
                style.fill = *fill;
            if (const QString wrap = attr(xml, "wrap-option"_L1); !wrap.isEmpty())
                style.wrap = wrap == u"wrap";
        } else if (element == u"paragraph-properties") {
            const QString align = attr(xml, "text-align"_L1);
            if (align == u"start" || align == u"left")
                style.align = HAlign::Left;
            else if (align == u"center")
                style.align = HAlign::Center;
            else if (align == u"end" || align == u"right")
                style.align = HAlign::Right;
        } else if (element == u"table-column-properties") {
            if (const auto width = office::parseLength(attr(xml, "column-width"_L1)))
                style.columnWidth = std::clamp(*width, 0.0, 2000.0);
            style.breakBefore = attr(xml, "break-before"_L1) == u"page";
        } else if (element == u"table-row-properties") {
            if (const auto height = office::parseLength(attr(xml, "row-height"_L1)))
                style.rowHeight = std::clamp(*height, 0.0, 2000.0);
            style.breakBefore = attr(xml, "break-before"_L1) == u"page";
        } else if (element == u"table-properties") {
            style.tableHidden = attr(xml, "display"_L1) == u"false";
        }
    });
    if (isDefault) {
        if (style.family == u"table-cell")
            m_defaultCellStyle = style;
        return;
    }
    if (!name.isEmpty())
        m_raw.insert(style.family + u'/' + name, style);
}

void OdsReader::resolveStyles()
{
    // Style 0 is the default cell style; each named cell style becomes one resolved entry, its
    // parents' properties filled in (a few levels; cycles end there).
    auto resolve = [this](const RawStyle &start) {
        RawStyle merged = start;
        const RawStyle *current = &start;
        for (int level = 0; level < 8; ++level) {
            const auto it = m_raw.constFind(QStringLiteral("table-cell/") + current->parent);
            const RawStyle *parent = nullptr;
            if (!current->parent.isEmpty() && it != m_raw.cend())
                parent = &*it;
            else if (m_defaultCellStyle && current != &*m_defaultCellStyle)
                parent = &*m_defaultCellStyle;
            if (!parent)
                break;
#define FOLIO_INHERIT(field)                                                                                           \
    if (!merged.field)                                                                                                 \
        merged.field = parent->field;
            FOLIO_INHERIT(bold)
            FOLIO_INHERIT(italic)
            FOLIO_INHERIT(underline)
            FOLIO_INHERIT(strike)
            FOLIO_INHERIT(wrap)
            FOLIO_INHERIT(size)
            FOLIO_INHERIT(fontName)
            FOLIO_INHERIT(color)
            FOLIO_INHERIT(fill)
            FOLIO_INHERIT(align)
#undef FOLIO_INHERIT
            current = parent;
        }
        CellStyle style;
        style.bold = merged.bold.value_or(false);
        style.italic = merged.italic.value_or(false);
        style.underline = merged.underline.value_or(false);
        style.strikeOut = merged.strike.value_or(false);
        style.wrap = merged.wrap.value_or(false);
        style.fontSize = merged.size.value_or(0);
        style.fontFamily = merged.fontName.value_or(QString());
        style.color = merged.color.value_or(QColor());
        style.fill = merged.fill.value_or(QColor());
        style.align = merged.align.value_or(HAlign::General);
        return style;
    };
    const CellStyle base = m_defaultCellStyle ? resolve(*m_defaultCellStyle) : CellStyle();
    m_workbook.styles = {base};
    if (!base.fontFamily.isEmpty())
        m_workbook.defaultFontFamily = base.fontFamily;
    if (base.fontSize > 0)
        m_workbook.defaultFontSize = base.fontSize;
    for (auto it = m_raw.cbegin(); it != m_raw.cend() && m_workbook.styles.size() < 65535; ++it) {
        if (it->family != u"table-cell")
            continue;
        m_cellStyles.insert(it.key().mid(11), int(m_workbook.styles.size()));
        m_workbook.styles.append(resolve(*it));
    }
}

Result<bool> OdsReader::nextSheet(Sheet &sheet, bool includeHidden, const CancellationToken &token)
{
    if (!m_xml || m_bodyDone)
        return false;
    if (token.isCancelled())
        return Status::fromToken(token);
    if (m_inTable) {
        // The previous table was not read to its end: move past it.
        m_inTable = false;
        ++m_tablesDone;
        m_broken = true;
    }
    if (m_broken) {
        if (Status status = rebuild(token); !status) {
            m_broken = true;
            return status.isCancellation() ? Status::fromToken(token) : status;
        }
    }
    const CancellationRegistration follow = m_relay.follow(token);
    SafeXmlReader &xml = *m_xml;
    const auto failed = [&]() -> Status {
        Status status = xml.status();
        if (status.isCancellation()) {
            m_broken = true;
            return Status::fromToken(token);
        }
        return status;
    };
    while (!xml.atEnd()) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.xml().name() == u"spreadsheet") {
            m_bodyDone = true;
            break;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.xml().name();
        if (name != u"table") {
            // Named ranges, database ranges, content validations: nothing to draw.
            if (name == u"named-expressions" || name == u"database-ranges" || name == u"content-validations"
                || name == u"calculation-settings" || name == u"tracked-changes")
                xml.skipElement();
            continue;
        }
        const RawStyle tableStyle = m_raw.value(QStringLiteral("table/") + attr(xml, "style-name"_L1));
        const bool hidden = tableStyle.tableHidden;
        if (hidden && !includeHidden) {
            xml.skipElement();
            if (!xml.status())
                return failed();
            ++m_tablesDone;
            continue;
        }
        sheet.name = attr(xml, "name"_L1);
        sheet.hidden = hidden;
        sheet.page = pageSetup(tableStyle.masterPage);
        if (const QList<QRect> areas = printRanges(attr(xml, "print-ranges"_L1)); !areas.isEmpty())
            sheet.page.printAreas = areas;
        sheet.defaultColumnWidth = DefaultColumnWidth;
        sheet.defaultRowHeight = DefaultRowHeight;
        m_row = 0;
        m_rowsRead = 0;
        m_pendingRow = false;
        m_columnStyles.clear();
        // Columns come before the rows.
        int column = 0;
        while (!xml.atEnd()) {
            const auto inner = xml.readNext();
            if (inner == QXmlStreamReader::EndElement && xml.xml().name() == u"table") {
                sheet.complete = true;
                break;
            }
            if (inner == QXmlStreamReader::EndElement && xml.xml().name() == u"table-header-columns") {
                // Columns printed again at the left of every page after them; a huge run of them
                // (hostile) repeats nothing.
                const bool sensible = column - 1 >= sheet.page.titleFirstColumn
                    && column - sheet.page.titleFirstColumn <= MaxTitleLines;
                sheet.page.titleLastColumn = sensible ? column - 1 : -1;
                if (!sensible)
                    sheet.page.titleFirstColumn = -1;
            }
            if (inner != QXmlStreamReader::StartElement)
                continue;
            const QStringView element = xml.xml().name();
            if (element == u"table-row") {
                m_pendingRow = true;
                break;
            }
            if (element == u"table-header-columns")
                sheet.page.titleFirstColumn = column;
            if (element == u"table-header-rows") {
                // Rows printed again at the top of every page after them; their end is not known
                // yet.
                sheet.page.titleFirstRow = 0;
                sheet.page.titleLastRow = MaxRows - 1;
            }
            if (element == u"shapes" || element == u"forms" || element == u"named-expressions")
                xml.skipElement();
            if (element != u"table-column")
                continue;
            const int repeat = repeatCount(xml, "number-columns-repeated", MaxColumns);
            if (column < MaxColumns) {
                ColumnSpan span;
                span.first = column;
                span.last = std::min(column + repeat, MaxColumns) - 1;
                const RawStyle columnStyle = m_raw.value(QStringLiteral("table-column/") + attr(xml, "style-name"_L1));
                span.width = columnStyle.columnWidth;
                if (columnStyle.breakBefore && column > 0 && sheet.page.columnBreaks.size() < 10'000)
                    sheet.page.columnBreaks.append(column);
                span.hidden = attr(xml, "visibility"_L1) == u"collapse" || attr(xml, "visibility"_L1) == u"filter";
                sheet.columns.append(span);
                m_columnStyles.append({column, m_cellStyles.value(attr(xml, "default-cell-style-name"_L1), 0)});
            }
            column = std::min(column + repeat, MaxColumns);
        }
        if (!xml.status())
            return failed();
        if (sheet.complete)
            ++m_tablesDone;
        else
            m_inTable = true;
        return true;
    }
    if (!xml.status())
        return failed();
    m_bodyDone = true;
    return false;
}

Status OdsReader::readRows(Sheet &sheet, int rows, const CancellationToken &token)
{
    if (!m_xml || sheet.complete || !m_inTable) {
        sheet.complete = true;
        return {};
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    if (m_broken) {
        if (Status status = rebuild(token); !status) {
            m_broken = true;
            return status.isCancellation() ? Status::fromToken(token) : status;
        }
    }
    const CancellationRegistration follow = m_relay.follow(token);
    SafeXmlReader &xml = *m_xml;
    int read = 0;
    while (read < rows && !xml.atEnd()) {
        if (m_pendingRow) {
            if (!readRow(sheet))
                break;
            m_pendingRow = false;
            ++read;
            continue;
        }
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::StartElement) {
            const QStringView name = xml.xml().name();
            if (name == u"table-row") {
                if (!readRow(sheet))
                    break;
                ++read;
            } else if (name == u"table-header-rows") {
                sheet.page.titleFirstRow = m_row;
                sheet.page.titleLastRow = MaxRows - 1;
            } else if (name == u"shapes" || name == u"forms" || name == u"named-expressions" || name == u"table-column"
                || name == u"table") {
                xml.skipElement();
            }
        } else if (type == QXmlStreamReader::EndElement && xml.xml().name() == u"table-header-rows") {
            // Header rows repeat; a huge run of them (hostile) repeats nothing.
            const bool sensible = m_row - 1 >= sheet.page.titleFirstRow && m_row - sheet.page.titleFirstRow <= 100;
            sheet.page.titleLastRow = sensible ? m_row - 1 : -1;
        } else if (type == QXmlStreamReader::EndElement && xml.xml().name() == u"table") {
            sheet.complete = true;
            break;
        }
    }
    if (Status status = xml.status(); !status) {
        if (status.isCancellation()) {
            m_broken = true;
            return Status::fromToken(token);
        }
        if (status.code() == StatusCode::LimitExceeded)
            return status;
        qCWarning(lcSpreadsheet) << status.message();
        // Broken XML: keep what was read; nothing after it can be trusted.
        sheet.complete = true;
        m_bodyDone = true;
    }
    if (xml.atEnd())
        sheet.complete = true;
    if (sheet.complete) {
        m_inTable = false;
        ++m_tablesDone;
    }
    return {};
}

bool OdsReader::readRow(Sheet &sheet)
{
    SafeXmlReader &xml = *m_xml;
    Row row;
    row.index = m_row;
    const int repeat = repeatCount(xml, "number-rows-repeated", MaxRows);
    row.repeat = repeat;
    const RawStyle rowStyle = m_raw.value(QStringLiteral("table-row/") + attr(xml, "style-name"_L1));
    const double height = rowStyle.rowHeight;
    QList<int> &breaks = sheet.page.rowBreaks;
    if (rowStyle.breakBefore && row.index > 0 && (breaks.isEmpty() || breaks.last() < row.index)
        && breaks.size() < 10'000)
        breaks.append(row.index);
    if (height >= 0 && std::abs(height - sheet.defaultRowHeight) > 0.05)
        row.height = float(height);
    const QString visibility = attr(xml, "visibility"_L1);
    row.hidden = visibility == u"collapse" || visibility == u"filter" || height == 0;
    int column = 0;
    bool anyValue = false;
    forChildren(xml, [&] {
        const QStringView name = xml.xml().name();
        const bool covered = name == u"covered-table-cell";
        if (name != u"table-cell" && !covered)
            return;
        const int cellRepeat = repeatCount(xml, "number-columns-repeated", MaxColumns);
        Cell cell;
        cell.column = column;
        cell.repeat = cellRepeat;
        column = std::min(column + cellRepeat, MaxColumns);
        const QString styleName = attr(xml, "style-name"_L1);
        int style = m_cellStyles.value(styleName, 0);
        const int spanColumns = repeatCount(xml, "number-columns-spanned", MaxColumns);
        const int spanRows = repeatCount(xml, "number-rows-spanned", MaxRows);
        if ((spanColumns > 1 || spanRows > 1) && !covered && sheet.merges.size() < MaxMergedRanges
            && row.index < MaxRows && cell.column < MaxColumns) {
            sheet.merges.append(QRect(cell.column, row.index, std::min(spanColumns, MaxColumns - cell.column),
                std::min(spanRows, MaxRows - row.index)));
        }
        const QString valueType = attr(xml, "value-type"_L1);
        const QString value = attr(xml, "value"_L1);
        const QString booleanValue = attr(xml, "boolean-value"_L1);
        const QString dateValue = attr(xml, "date-value"_L1);
        const QString timeValue = attr(xml, "time-value"_L1);
        QString text = covered ? (xml.skipElement(), QString()) : readCellText();
        if (covered || cell.column >= MaxColumns)
            return;
        if (valueType == u"float" || valueType == u"percentage" || valueType == u"currency") {
            cell.kind = CellKind::Number;
            if (text.isEmpty()) {
                const double v = value.toDouble();
                text = valueType == u"percentage" ? NumberFormat::format(v, u"0%") : NumberFormat::general(v);
            }
        } else if (valueType == u"date" || valueType == u"time") {
            cell.kind = CellKind::Number;
            if (text.isEmpty())
                text = valueType == u"date" ? dateValue : timeValue;
        } else if (valueType == u"boolean") {
            cell.kind = CellKind::Boolean;
            if (text.isEmpty())
                text = booleanValue == u"true" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        } else {
            cell.kind = text.isEmpty() ? CellKind::Empty : CellKind::Text;
        }
        cell.text = std::move(text);
        if (styleName.isEmpty() && cell.kind != CellKind::Empty) {
            // A value without a style of its own takes its column's default (not empty cells:
            // a column's fill would make the whole grid "used").
            const auto it = std::upper_bound(m_columnStyles.cbegin(), m_columnStyles.cend(), cell.column,
                [](int column, const std::pair<int, int> &entry) { return column < entry.first; });
            if (it != m_columnStyles.cbegin())
                style = std::prev(it)->second;
        }
        cell.style = quint16(style);
        if (cell.kind == CellKind::Empty && !m_workbook.styles.value(style).fill.isValid())
            return; // padding to the edge of the grid, or a format without a fill: nothing shows
        if (cell.repeat > MaxRepeatedCellsWithValue)
            cell.repeat = MaxRepeatedCellsWithValue;
        anyValue = true;
        row.cells.append(std::move(cell));
    });
    if (!xml.status())
        return false; // a row cut short by a cancellation is read again after the rebuild
    ++m_rowsRead;
    if (anyValue && row.repeat > MaxRepeatedRowsWithValue)
        row.repeat = MaxRepeatedRowsWithValue;
    m_row = int(std::min<qint64>(qint64(m_row) + row.repeat, MaxRows));
    if (row.index >= MaxRows)
        return true;
    if (row.cells.isEmpty() && !row.hidden && row.height < 0)
        return true; // default rows cost nothing
    sheet.appendRow(std::move(row));
    return true;
}

QString OdsReader::readCellText()
{
    // Paragraphs joined by line breaks; annotations (comments) are not cell text.
    SafeXmlReader &xml = *m_xml;
    QString text;
    bool first = true;
    forChildren(xml, [&] {
        if (xml.xml().name() == u"p" || xml.xml().name() == u"h") {
            if (!first)
                text.append(u'\n');
            first = false;
            readParagraph(text);
        }
    });
    return text;
}

void OdsReader::readParagraph(QString &out)
{
    SafeXmlReader &xml = *m_xml;
    const int depth = xml.depth();
    while (!xml.atEnd()) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.depth() < depth)
            break;
        if (type == QXmlStreamReader::Characters) {
            out.append(xml.xml().text());
        } else if (type == QXmlStreamReader::StartElement) {
            const QStringView name = xml.xml().name();
            if (name == u"s") {
                bool ok = false;
                const int count = attr(xml, "c"_L1).toInt(&ok);
                out.append(QString(ok ? std::clamp(count, 1, MaxSpaces) : 1, u' '));
            } else if (name == u"tab") {
                out.append(u'\t');
            } else if (name == u"line-break") {
                out.append(u'\n');
            } else if (name == u"annotation" || name == u"note" || name == u"frame") {
                xml.skipElement();
            }
        }
    }
}

} // namespace folio::spreadsheet
