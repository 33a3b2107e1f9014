// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxreader.h"

#include "numberformat.h"
#include "spreadsheetlogging.h"
#include "vmldrawing.h"

#include "backends/common/safexml.h"
#include "backends/common/text/textpage.h"
#include "backends/office/chart.h"
#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"
#include "fonts.h"

#include <QFontMetricsF>
#include <QImage>

#include <QRegularExpression>

#include <cmath>

namespace folio::spreadsheet {

namespace {

// Past this, merged ranges are ignored: only hostile files have so many.

// OOXML escapes characters XML cannot carry as _xHHHH_.
QString unescapeOoxml(const QString &text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QString out;
    qsizetype last = 0;
    for (auto it = escape.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out.append(QStringView(text).sliced(last, match.capturedStart() - last));
        const ushort code = match.captured(1).toUShort(nullptr, 16);
        // Control characters other than line breaks and tabs would draw as boxes ("_x000D_\n" is
        // a Windows line break: its \r goes).
        if (code >= 0x20 || code == '\n' || code == '\t')
            out.append(QChar(code));
        last = match.capturedEnd();
    }
    out.append(QStringView(text).sliced(last));
    return out;
}

// The default Office theme, for colours given as theme="n" (the theme part is not read): Excel
// swaps the first two pairs (0 = lt1, 1 = dk1, 2 = lt2, 3 = dk2).
QColor themeColor(int index)
{
    static const QRgb palette[] = {0xFFFFFF, 0x000000, 0xE7E6E6, 0x44546A, 0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000,
        0x5B9BD5, 0x70AD47, 0x0563C1, 0x954F72};
    if (index < 0 || index >= int(std::size(palette)))
        return {};
    return QColor::fromRgb(palette[index]);
}

QColor indexedColor(int index)
{
    static const QRgb palette[] = {0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF};
    if (index >= 0 && index < 16)
        return QColor::fromRgb(palette[index % 8]);
    if (index == 64)
        return Qt::black; // system foreground
    return {}; // 65 (system background) and the legacy palette: automatic
}

// Tint: -1 darkens to black, +1 lightens to white (in HSL lightness, as Excel does).
QColor applyTint(QColor color, double tint)
{
    if (!color.isValid() || tint == 0)
        return color;
    float h, s, l, a;
    color.getHslF(&h, &s, &l, &a);
    l = tint < 0 ? float(l * (1 + tint)) : float(l * (1 - tint) + tint);
    return QColor::fromHslF(h, s, std::clamp(l, 0.0f, 1.0f), a);
}

// A CT_Color element's colour (rgb="AARRGGBB", theme, indexed, tint); invalid for automatic.
QColor readColor(const SafeXmlReader &xml)
{
    QColor color;
    const QString rgb = xml.attribute("rgb");
    if (rgb.size() == 8) {
        bool ok = false;
        const uint argb = rgb.toUInt(&ok, 16);
        if (ok)
            color = QColor::fromRgb(argb & 0xFFFFFF);
    } else if (!rgb.isEmpty()) {
        color = office::parseHexColor(rgb).value_or(QColor());
    } else if (const QString theme = xml.attribute("theme"); !theme.isEmpty()) {
        color = themeColor(theme.toInt());
    } else if (const QString indexed = xml.attribute("indexed"); !indexed.isEmpty()) {
        color = indexedColor(indexed.toInt());
    }
    return applyTint(color, xml.attribute("tint").toDouble());
}

bool isTrue(const QString &value)
{
    return value == u"1" || value.compare(u"true", Qt::CaseInsensitive) == 0;
}

// Column widths are counted in digits of the default font. For the common fonts the digit's width
// comes from the font's design: Calibri (and its metric twin Carlito) 0.507 em, Arial (Liberation
// Sans, Arimo) 0.556 em. Other fonts are measured in the declared family that stands in for them,
// never in whatever this machine has installed, so pages do not depend on the fonts installed.
double digitWidth(const QString &family, double size)
{
    const QString name = family.toLower();
    if (name.contains(QLatin1String("calibri")) || name.contains(QLatin1String("carlito")))
        return 0.507 * size;
    if (name.contains(QLatin1String("arial")) || name.contains(QLatin1String("liberation sans"))
        || name.contains(QLatin1String("arimo")) || name.contains(QLatin1String("helvetica")))
        return 0.556 * size;
    QFont font;
    font.setFamilies(fonts::substitutes(family));
    font.setPointSizeF(size);
    font.setHintingPreference(QFont::PreferNoHinting);
    {
        const QImage device = text::makePointDevice();
        const qreal digit = QFontMetricsF(font, &device).horizontalAdvance(u'0');
        if (digit > 0.2 * size && digit < size)
            return digit;
    }
    return 0.556 * size;
}

// The areas of a defined name's value, split at the commas between them (not at those inside a
// quoted sheet name: 'Costs, 2024'!$A$1:$B$2).
QStringList splitAreas(const QString &value)
{
    QStringList areas;
    QString current;
    bool quoted = false;
    for (const QChar c : value) {
        if (c == u'\'')
            quoted = !quoted;
        if (c == u',' && !quoted) {
            areas.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    areas.append(current.trimmed());
    return areas;
}

// One area, "Sheet!$A$1:$D$5" (or "$1:$3" for whole rows, "$A:$B" for whole columns), as cells;
// null when it is none of these.
QRect parseArea(QStringView text)
{
    QStringView range = text;
    if (const qsizetype bang = range.lastIndexOf(u'!'); bang >= 0)
        range = range.mid(bang + 1);
    QString plain = range.toString();
    plain.remove(u'$');
    const qsizetype colon = plain.indexOf(u':');
    const QString a = colon < 0 ? plain : plain.left(colon);
    const QString b = colon < 0 ? plain : plain.mid(colon + 1);
    bool aRow = false, bRow = false;
    const int ra = a.toInt(&aRow) - 1, rb = b.toInt(&bRow) - 1;
    if (aRow && bRow && ra >= 0 && rb >= ra) // whole rows
        return QRect(QPoint(0, ra), QPoint(MaxColumns - 1, std::min(rb, MaxRows - 1)));
    const int c1 = office::columnIndex(a), c2 = office::columnIndex(b);
    int r1 = office::rowIndex(a), r2 = office::rowIndex(b);
    if (c1 < 0 || c2 < c1)
        return {};
    if (r1 < 0 && r2 < 0) { // whole columns
        r1 = 0;
        r2 = MaxRows - 1;
    }
    if (r1 < 0 || r2 < r1)
        return {};
    return QRect(QPoint(c1, r1), QPoint(std::min(c2, MaxColumns - 1), std::min(r2, MaxRows - 1)));
}

// Excel's paperSize codes (ECMA-376 18.3.1.63) for the common papers, in points, portrait.
QSizeF paperSize(int code)
{
    constexpr double mm = 72 / 25.4;
    switch (code) {
    case 1:
        return {612, 792}; // Letter
    case 3:
        return {792, 1224}; // Tabloid
    case 4:
        return {1224, 792}; // Ledger
    case 5:
        return {612, 1008}; // Legal
    case 6:
        return {396, 612}; // Statement
    case 7:
        return {522, 756}; // Executive
    case 8:
        return {297 * mm, 420 * mm}; // A3
    case 9:
        return {210 * mm, 297 * mm}; // A4
    case 11:
        return {148 * mm, 210 * mm}; // A5
    case 12:
        return {250 * mm, 354 * mm}; // B4 (JIS)
    case 13:
        return {182 * mm, 257 * mm}; // B5 (JIS)
    case 66:
        return {420 * mm, 594 * mm}; // A2
    case 70:
        return {105 * mm, 148 * mm}; // A6
    default:
        return {};
    }
}

// An oddHeader or oddFooter: "&L…&C…&R…" with field codes. Font codes (&"Arial,Bold", &12) and
// the formatting toggles (&B, &I, &U, &S, &X, &Y, &E, &O, &H) are dropped: the line is drawn in
// the default font. Fields stay as codes, expanded per page.
HeaderFooterLine parseHeaderFooter(const QString &code)
{
    HeaderFooterLine line;
    QString *section = &line.center; // text before any section code is centred
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (c != u'&' || i + 1 >= code.size()) {
            section->append(c);
            continue;
        }
        const QChar next = code[++i];
        switch (next.toUpper().unicode()) {
        case u'L':
            section = &line.left;
            break;
        case u'C':
            section = &line.center;
            break;
        case u'R':
            section = &line.right;
            break;
        case u'P':
        case u'N':
        case u'A':
        case u'F':
        case u'D':
        case u'T':
            section->append(u'&');
            section->append(next.toUpper());
            break;
        case u'&':
            section->append(QStringLiteral("&&"));
            break;
        case u'Z':
            break; // the file's folder: not shown
        case u'"': {
            const qsizetype close = code.indexOf(u'"', i + 1);
            i = close < 0 ? code.size() : close;
            break;
        }
        default:
            if (next.isDigit()) {
                while (i + 1 < code.size() && code[i + 1].isDigit())
                    ++i;
            }
            // Other letters are formatting toggles; both are dropped.
            break;
        }
    }
    return line;
}

} // namespace

XlsxReader::XlsxReader(const office::Package &package)
    : m_package(package)
{ }

XlsxReader::~XlsxReader() = default;

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(const office::Package &package, const CancellationToken &token)
{
    std::unique_ptr<XlsxReader> reader(new XlsxReader(package));
    QString workbook;
    if (const auto main = package.relationshipOfType(QString(), u"officeDocument", token))
        workbook = package.targetPath(QString(), *main);
    if (token.isCancelled())
        return Status::fromToken(token);
    if (workbook.isEmpty())
        workbook = QStringLiteral("xl/workbook.xml");
    if (!package.contains(workbook))
        return Status(StatusCode::Corrupt, tr("%1 has no workbook part").arg(package.fileName()));
    if (Status status = reader->readWorkbook(workbook, token); !status)
        return status;
    // Optional parts: a missing or dangling one leaves the values unstyled, never unreadable.
    const auto optionalPart = [&](QStringView type, const QString &fallback) {
        if (const auto relationship = package.relationshipOfType(workbook, type, token)) {
            const QString path = package.targetPath(workbook, *relationship);
            if (!path.isEmpty())
                return path;
        }
        return package.contains(fallback) ? fallback : QString();
    };
    const QString styles = optionalPart(u"styles", QStringLiteral("xl/styles.xml"));
    if (!styles.isEmpty()) {
        if (Status status = reader->readStyles(styles, token); !status)
            return status;
    }
    if (reader->m_workbook.styles.isEmpty())
        reader->m_workbook.styles.append(CellStyle());
    const QString strings = optionalPart(u"sharedStrings", QStringLiteral("xl/sharedStrings.xml"));
    if (!strings.isEmpty()) {
        if (Status status = reader->readSharedStrings(strings, token); !status)
            return status;
    }
    reader->m_digitWidth = digitWidth(reader->m_workbook.defaultFontFamily, reader->m_workbook.defaultFontSize);
    return reader;
}

Status XlsxReader::readWorkbook(const QString &path, const CancellationToken &token)
{
    const Result<QByteArray> data = m_package.read(path, token);
    if (!data)
        return data.status();
    const Result<QList<office::Relationship>> relationships = m_package.relationships(path, token);
    if (!relationships)
        return relationships.status();
    SafeXmlReader xml(*data, path, m_package.limits(), token);
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        if (name == u"workbookPr") {
            m_date1904 = isTrue(xml.attribute("date1904"));
        } else if (name == u"sheet") {
            SheetEntry entry;
            entry.name = xml.attribute("name");
            const QString state = xml.attribute("state");
            entry.hidden = state == u"hidden" || state == u"veryHidden";
            const QString id
                = xml.xml()
                      .attributes()
                      .value(QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
                          QStringLiteral("id"))
                      .toString();
            const QString anyId = id.isEmpty() ? xml.attribute("id") : id;
            for (const office::Relationship &relationship : *relationships) {
                if (relationship.id == anyId || (id.isEmpty() && relationship.id.isEmpty())) {
                    entry.path = m_package.targetPath(path, relationship);
                    break;
                }
            }
            if (entry.path.isEmpty()) {
                // Strict OOXML uses another namespace for r:id: match any attribute named "id".
                for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
                    if (attribute.name() != u"id")
                        continue;
                    for (const office::Relationship &relationship : *relationships) {
                        if (relationship.id == attribute.value())
                            entry.path = m_package.targetPath(path, relationship);
                    }
                }
            }
            if (entry.path.isEmpty())
                qCWarning(lcSpreadsheet) << "sheet" << entry.name << "has no part";
            m_sheets.append(entry);
        } else if (name == u"definedName") {
            readDefinedName(xml);
        }
    }
    return xml.status();
}

void XlsxReader::readDefinedName(SafeXmlReader &xml)
{
    // Print areas and print titles are defined names local to their sheet; the sheets are listed
    // before the names, so the entry exists already.
    const QString name = xml.attribute("name");
    bool ok = false;
    const int sheet = xml.attribute("localSheetId").toInt(&ok);
    const bool area = name.compare(u"_xlnm.Print_Area", Qt::CaseInsensitive) == 0;
    const bool titles = name.compare(u"_xlnm.Print_Titles", Qt::CaseInsensitive) == 0;
    if (!ok || sheet < 0 || sheet >= m_sheets.size() || (!area && !titles)) {
        xml.skipElement();
        return;
    }
    const QString value = xml.readText();
    SheetEntry &entry = m_sheets[sheet];
    if (area) {
        // Several areas ("Sheet!$A$1:$B$5,Sheet!$D$1:$E$5") each print on pages of their own.
        entry.printAreas.clear();
        for (const QString &part : splitAreas(value)) {
            if (const QRect cells = parseArea(part); !cells.isNull() && entry.printAreas.size() < MaxPrintAreas)
                entry.printAreas.append(cells);
        }
        return;
    }
    // Titles may list rows and columns ("Sheet!$A:$A,Sheet!$1:$2"); a huge run repeats its start.
    for (const QString &part : splitAreas(value)) {
        const QRect cells = parseArea(part);
        if (cells.isNull())
            continue;
        if (cells.left() == 0 && cells.right() == MaxColumns - 1) {
            entry.titleFirstRow = cells.top();
            entry.titleLastRow = std::min(cells.bottom(), cells.top() + MaxTitleLines);
        } else if (cells.top() == 0 && cells.bottom() == MaxRows - 1) {
            entry.titleFirstColumn = cells.left();
            entry.titleLastColumn = std::min(cells.right(), cells.left() + MaxTitleLines);
        }
    }
}

Status XlsxReader::readSharedStrings(const QString &path, const CancellationToken &token)
{
    const Result<QByteArray> data = m_package.read(path, token);
    if (!data)
        return data.status();
    SafeXmlReader xml(*data, path, m_package.limits(), token);
    QString current;
    bool inItem = false;
    while (!xml.atEnd()) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::StartElement) {
            const QStringView name = xml.xml().name();
            if (name == u"si") {
                inItem = true;
                current.clear();
            } else if (name == u"rPh" || name == u"phoneticPr") {
                xml.skipElement(); // phonetic guides are not shown in the cell
            } else if (name == u"t" && inItem) {
                current += xml.readText();
            }
        } else if (type == QXmlStreamReader::EndElement && xml.xml().name() == u"si") {
            m_strings.append(unescapeOoxml(current));
            inItem = false;
        }
    }
    if (Status status = xml.status(); !status) {
        // A broken string table still leaves the numbers: keep what was read.
        if (status.isCancellation() || status.code() == StatusCode::LimitExceeded)
            return status;
        qCWarning(lcSpreadsheet) << status.message();
    }
    return {};
}

Status XlsxReader::readStyles(const QString &path, const CancellationToken &token)
{
    const Result<QByteArray> data = m_package.read(path, token);
    if (!data)
        return data.status();
    struct Font
    {
        QString family;
        double size = 0;
        bool bold = false, italic = false, underline = false, strike = false;
        QColor color;
    };
    QHash<int, QString> formats;
    QList<Font> fonts;
    QList<QColor> fills;
    QList<CellStyle> styles;
    enum class Section { None, Fonts, Fills, CellXfs, Other } section = Section::None;
    SafeXmlReader xml(*data, path, m_package.limits(), token);
    while (!xml.atEnd()) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::EndElement) {
            const QStringView name = xml.xml().name();
            if (name == u"fonts" || name == u"fills" || name == u"cellXfs" || name == u"cellStyleXfs"
                || name == u"dxfs")
                section = Section::None;
            continue;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.xml().name();
        if (name == u"numFmt") {
            formats.insert(xml.attribute("numFmtId").toInt(), xml.attribute("formatCode"));
        } else if (name == u"fonts") {
            section = Section::Fonts;
        } else if (name == u"fills") {
            section = Section::Fills;
        } else if (name == u"cellXfs") {
            section = Section::CellXfs;
        } else if (name == u"cellStyleXfs" || name == u"dxfs") {
            section = Section::Other;
        } else if (section == Section::Fonts) {
            if (name == u"font") {
                fonts.append(Font());
                continue;
            }
            if (fonts.isEmpty())
                continue;
            Font &font = fonts.last();
            const QString val = xml.attribute("val");
            const bool on = val.isEmpty() || isTrue(val);
            if (name == u"b")
                font.bold = on;
            else if (name == u"i")
                font.italic = on;
            else if (name == u"strike")
                font.strike = on;
            else if (name == u"u")
                font.underline = val != u"none";
            else if (name == u"sz")
                font.size = val.toDouble();
            else if (name == u"name")
                font.family = val;
            else if (name == u"color")
                font.color = readColor(xml);
        } else if (section == Section::Fills) {
            if (name == u"fill") {
                fills.append(QColor());
            } else if (name == u"patternFill" && !fills.isEmpty()) {
                // Only solid fills show their colour; patterns are rare enough to leave blank.
                fills.last() = QColor();
                if (xml.attribute("patternType") != u"solid")
                    xml.skipElement();
            } else if (name == u"fgColor" && !fills.isEmpty()) {
                fills.last() = readColor(xml);
            }
        } else if (section == Section::CellXfs) {
            if (name == u"xf") {
                CellStyle style;
                const int fontId = xml.attribute("fontId").toInt();
                if (fontId >= 0 && fontId < fonts.size()) {
                    const Font &font = fonts[fontId];
                    style.fontFamily = font.family;
                    style.fontSize = font.size;
                    style.bold = font.bold;
                    style.italic = font.italic;
                    style.underline = font.underline;
                    style.strikeOut = font.strike;
                    style.color = font.color;
                }
                const int fillId = xml.attribute("fillId").toInt();
                if (fillId >= 0 && fillId < fills.size())
                    style.fill = fills[fillId];
                const int formatId = xml.attribute("numFmtId").toInt();
                style.numberFormat = formats.value(formatId, NumberFormat::builtinCode(formatId));
                style.isDate = NumberFormat::isDateCode(style.numberFormat);
                styles.append(style);
                if (styles.size() > 65535)
                    break; // cell style indices are 16-bit; no real workbook comes near
            } else if (name == u"alignment" && !styles.isEmpty()) {
                const QString horizontal = xml.attribute("horizontal");
                CellStyle &style = styles.last();
                if (horizontal == u"left")
                    style.align = HAlign::Left;
                else if (horizontal == u"center" || horizontal == u"centerContinuous")
                    style.align = HAlign::Center;
                else if (horizontal == u"right")
                    style.align = HAlign::Right;
                style.wrap = isTrue(xml.attribute("wrapText"));
            }
        }
    }
    if (Status status = xml.status(); !status) {
        if (status.isCancellation() || status.code() == StatusCode::LimitExceeded)
            return status;
        qCWarning(lcSpreadsheet) << status.message(); // unstyled values are better than none
    }
    if (!fonts.isEmpty()) {
        if (!fonts.first().family.isEmpty())
            m_workbook.defaultFontFamily = fonts.first().family;
        if (fonts.first().size > 0 && fonts.first().size < 400)
            m_workbook.defaultFontSize = fonts.first().size;
    }
    m_workbook.styles = styles;
    return {};
}

Result<bool> XlsxReader::nextSheet(Sheet &sheet, bool includeHidden, const CancellationToken &token)
{
    m_xml.reset();
    m_data.clear();
    m_broken = false;
    qsizetype next = m_nextSheet;
    while (next < m_sheets.size() && m_sheets[next].hidden && !includeHidden)
        ++next;
    if (next >= m_sheets.size()) {
        m_nextSheet = next;
        return false;
    }
    const SheetEntry &entry = m_sheets[next];
    sheet.name = entry.name;
    sheet.hidden = entry.hidden;
    sheet.defaultRowHeight = 15;
    sheet.defaultColumnWidth = columnPoints(8.43) + 5 * 0.75;
    // LibreOffice's defaults for a worksheet without page setup elements: Excel's old margins
    // (0.75 inch left and right, 1 inch top and bottom, header and footer 0.5 inch from the edge).
    sheet.page = PageSetup();
    sheet.page.margins = QMarginsF(54, 72, 54, 72);
    sheet.page.headerMargin = 36;
    sheet.page.footerMargin = 36;
    sheet.page.printAreas = entry.printAreas;
    sheet.page.titleFirstRow = entry.titleFirstRow;
    sheet.page.titleLastRow = entry.titleLastRow;
    sheet.page.titleFirstColumn = entry.titleFirstColumn;
    sheet.page.titleLastColumn = entry.titleLastColumn;
    m_partName = entry.path;
    m_nextRow = 0;
    m_rowsRead = 0;
    if (entry.path.isEmpty()) {
        sheet.complete = true; // a dangling relationship: an empty sheet
        m_nextSheet = next + 1;
        return true;
    }
    Result<QByteArray> data = m_package.read(entry.path, token);
    if (!data) {
        if (data.status().isCancellation())
            return data.status();
        return Status(data.status().code(), tr("Sheet “%1”: %2").arg(entry.name, data.status().message()));
    }
    m_data = std::move(*data);
    sheet.drawings.clear();
    m_activeX.clear();
    m_relay.renew();
    m_xml = std::make_unique<SafeXmlReader>(m_data, entry.path, m_package.limits(), m_relay.token());
    {
        const CancellationRegistration follow = m_relay.follow(token);
        if (Status status = readSheetHead(sheet); !status) {
            m_xml.reset();
            m_data.clear();
            return status.isCancellation() ? Status::fromToken(token) : status;
        }
    }
    // After the head: the controls' parts are named in the part's tail, read with the page setup.
    readDrawings(sheet, entry.path, token);
    readControls(sheet, entry.path, token);
    if (token.isCancelled())
        return Status::fromToken(token);
    // Their cells are used: LibreOffice prints the pages a picture, chart or control covers.
    for (const Drawing &placed : std::as_const(sheet.drawings)) {
        const QRect cells = cellsOf(sheet, placed);
        sheet.lastColumn = std::max(sheet.lastColumn, cells.right());
        sheet.lastRow = std::max(sheet.lastRow, cells.bottom());
    }
    m_nextSheet = next + 1;
    return true;
}

void XlsxReader::readDrawings(Sheet &sheet, const QString &sheetPath, const CancellationToken &token) const
{
    const auto relationship = m_package.relationshipOfType(sheetPath, u"drawing", token);
    const QString path = relationship ? m_package.targetPath(sheetPath, *relationship) : QString();
    if (path.isEmpty())
        return;
    const Result<QByteArray> data = m_package.read(path, token);
    if (!data) {
        qCInfo(lcSpreadsheet) << "drawing" << path << "unreadable:" << data.status().message();
        return;
    }
    const auto relationships = m_package.relationships(path, token);
    const auto target = [&](const QString &id) {
        if (!relationships || id.isEmpty())
            return QString();
        for (const office::Relationship &candidate : *relationships) {
            if (candidate.id == id)
                return m_package.targetPath(path, candidate);
        }
        return QString();
    };
    SafeXmlReader xml(*data, path, m_package.limits(), token);
    const auto relationshipId = [&xml](const char *name) {
        for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
            if (attribute.name() == QLatin1String(name) && attribute.namespaceUri().endsWith(u"/relationships"))
                return attribute.value().toString();
        }
        return QString();
    };
    Drawing drawing;
    int corner = 0; // 1: reading xdr:from, 2: xdr:to
    int depth = -1; // of the anchor element
    while (xml.readNext() != QXmlStreamReader::Invalid && !xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.xml().tokenType();
        const QStringView name = xml.xml().name();
        if (type == QXmlStreamReader::EndElement) {
            if (name == u"from" || name == u"to")
                corner = 0;
            if (xml.depth() < depth) {
                depth = -1;
                if ((!drawing.image.isEmpty() || drawing.chart) && sheet.drawings.size() < MaxDrawings)
                    sheet.drawings.append(drawing);
            }
            continue;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        if (name == u"twoCellAnchor" || name == u"oneCellAnchor" || name == u"absoluteAnchor") {
            drawing = Drawing();
            depth = xml.depth();
        } else if (depth < 0) {
            continue;
        } else if (name == u"from" || name == u"to") {
            corner = name == u"from" ? 1 : 2;
        } else if (corner && (name == u"col" || name == u"row" || name == u"colOff" || name == u"rowOff")) {
            const double value = xml.readText().trimmed().toDouble();
            const int cell = int(std::clamp(value, 0.0, 1048575.0));
            const double points = std::clamp(office::emuToPoints(value), -1e5, 1e5);
            if (corner == 1) {
                if (name == u"col")
                    drawing.fromColumn = cell;
                else if (name == u"row")
                    drawing.fromRow = cell;
                else if (name == u"colOff")
                    drawing.fromOffset.setX(points);
                else
                    drawing.fromOffset.setY(points);
            } else {
                if (name == u"col")
                    drawing.toColumn = cell;
                else if (name == u"row")
                    drawing.toRow = cell;
                else if (name == u"colOff")
                    drawing.toOffset.setX(points);
                else
                    drawing.toOffset.setY(points);
            }
        } else if (name == u"pos") {
            drawing.fromOffset = QPointF(std::clamp(office::emuToPoints(xml.attribute("x").toDouble()), 0.0, 1e6),
                std::clamp(office::emuToPoints(xml.attribute("y").toDouble()), 0.0, 1e6));
        } else if (name == u"ext" && xml.depth() == depth + 1) {
            drawing.extent = QSizeF(std::clamp(office::emuToPoints(xml.attribute("cx").toDouble()), 1.0, 1e5),
                std::clamp(office::emuToPoints(xml.attribute("cy").toDouble()), 1.0, 1e5));
        } else if (name == u"blip") {
            drawing.image = target(relationshipId("embed"));
        } else if (name == u"chart") {
            const QString chartPath = target(relationshipId("id"));
            Result<office::Chart> chart = office::Chart::fromPart(m_package, chartPath, token);
            if (chart)
                drawing.chart = std::make_shared<const office::Chart>(std::move(chart).value());
            else
                qCInfo(lcSpreadsheet) << "chart" << chartPath << "not drawn:" << chart.status().message();
        }
    }
}

void XlsxReader::readControls(Sheet &sheet, const QString &sheetPath, const CancellationToken &token) const
{
    // Form controls and ActiveX placeholders are in the legacy (VML) drawing; a sheet may also
    // have one for its header and footer pictures, which holds no controls.
    const auto relationships = m_package.relationships(sheetPath, token);
    if (!relationships)
        return;
    for (const office::Relationship &relationship : *relationships) {
        if (!relationship.typeIs(u"vmlDrawing"))
            continue;
        const QString path = m_package.targetPath(sheetPath, relationship);
        const Result<QByteArray> data = path.isEmpty() ? Result<QByteArray>(QByteArray()) : m_package.read(path, token);
        if (!data) {
            qCInfo(lcSpreadsheet) << "legacy drawing" << path << "unreadable:" << data.status().message();
            continue;
        }
        for (VmlShape &shape : readVmlShapes(*data, path, m_package.limits(), token)) {
            if (sheet.drawings.size() >= MaxDrawings || token.isCancelled())
                return;
            if (shape.activeX) {
                std::optional<FormControl> control = readActiveX(sheetPath, shape.shapeId, token);
                if (!control)
                    continue;
                shape.drawing.control = std::move(*control);
            }
            sheet.drawings.append(std::move(shape.drawing));
        }
    }
}

std::optional<FormControl> XlsxReader::readActiveX(
    const QString &sheetPath, int shapeId, const CancellationToken &token) const
{
    // The sheet's <control r:id> names the control's part, whose own relationship names the
    // persisted control.
    const QString id = m_activeX.value(shapeId);
    if (id.isEmpty())
        return std::nullopt;
    const auto targetOf = [&](const QString &part, const QString &relationshipId) {
        const auto relationships = m_package.relationships(part, token);
        if (relationships) {
            for (const office::Relationship &candidate : *relationships) {
                if (candidate.id == relationshipId)
                    return m_package.targetPath(part, candidate);
            }
        }
        return QString();
    };
    const QString part = targetOf(sheetPath, id);
    const Result<QByteArray> xmlData = part.isEmpty() ? Result<QByteArray>(QByteArray()) : m_package.read(part, token);
    if (!xmlData || xmlData->isEmpty())
        return std::nullopt;
    QString binaryId;
    SafeXmlReader xml(*xmlData, part, m_package.limits(), token);
    if (xml.readNextStartElement()) {
        for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
            if (attribute.name() == u"id" && attribute.namespaceUri().endsWith(u"/relationships"))
                binaryId = attribute.value().toString();
        }
    }
    const QString binary = binaryId.isEmpty() ? QString() : targetOf(part, binaryId);
    const Result<QByteArray> persisted
        = binary.isEmpty() ? Result<QByteArray>(QByteArray()) : m_package.read(binary, token, 1 << 20);
    if (!persisted || persisted->isEmpty())
        return std::nullopt;
    return readActiveXControl(*persisted);
}

Status XlsxReader::readSheetHead(Sheet &sheet)
{
    SafeXmlReader &xml = *m_xml;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        if (name == u"dimension") {
            const QString ref = xml.attribute("ref");
            sheet.declaredRange = parseArea(ref.contains(u':') ? ref : ref + u':' + ref);
        } else if (name == u"pageSetUpPr") {
            sheet.page.fitToPages = isTrue(xml.attribute("fitToPage"));
        } else if (name == u"sheetFormatPr") {
            bool ok = false;
            const double height = xml.attribute("defaultRowHeight").toDouble(&ok);
            if (ok && height > 0 && height < 1000)
                sheet.defaultRowHeight = height;
            sheet.rowsHiddenByDefault = isTrue(xml.attribute("zeroHeight"));
            const double width = xml.attribute("defaultColWidth").toDouble(&ok);
            if (ok && width > 0 && width < 1000) {
                sheet.defaultColumnWidth = columnPoints(width);
            } else {
                const double base = xml.attribute("baseColWidth").toDouble(&ok);
                if (ok && base > 0 && base < 1000)
                    sheet.defaultColumnWidth = columnPoints(base) + 5 * 0.75 + columnPoints(0.43);
            }
        } else if (name == u"col") {
            ColumnSpan span;
            span.first = std::clamp(xml.attribute("min").toInt() - 1, 0, MaxColumns - 1);
            span.last = std::clamp(xml.attribute("max").toInt() - 1, span.first, MaxColumns - 1);
            bool ok = false;
            const double width = xml.attribute("width").toDouble(&ok);
            if (ok)
                span.width = std::clamp(columnPoints(width), 0.0, 2000.0);
            span.hidden = isTrue(xml.attribute("hidden")) || (ok && width <= 0);
            if (sheet.columns.isEmpty() || span.first > sheet.columns.last().last)
                sheet.columns.append(span);
        } else if (name == u"sheetData") {
            // Merged ranges come after the cells: find them now, so pages drawn while the rows
            // are still streaming in show them already.
            qsizetype end = m_data.lastIndexOf("sheetData>");
            if (end < 0)
                end = m_data.lastIndexOf("sheetData/>");
            if (end > 0 && sheet.merges.isEmpty())
                readMerges(sheet, end);
            if (end > 0)
                readPageSetup(sheet, m_data.indexOf('>', end) + 1);
            return xml.status();
        }
    }
    sheet.complete = true; // no cells at all
    return xml.status();
}

Status XlsxReader::rebuild(const CancellationToken &token)
{
    // Back to where the cancelled reader stopped: the sheet's head again, then the rows read.
    m_relay.renew();
    m_xml = std::make_unique<SafeXmlReader>(m_data, m_partName, m_package.limits(), m_relay.token());
    const CancellationRegistration follow = m_relay.follow(token);
    Sheet scratch;
    if (Status status = readSheetHead(scratch); !status)
        return status;
    SafeXmlReader &xml = *m_xml;
    for (int skipped = 0; skipped < m_rowsRead && xml.readNextStartElement();) {
        if (xml.xml().name() == u"row") {
            xml.skipElement();
            ++skipped;
        }
    }
    m_broken = false;
    return xml.status();
}

void XlsxReader::readMerges(Sheet &sheet, qsizetype from) const
{
    // A plain scan of the tail of the part (the XML parser has already refused any DTD at its
    // start): mergeCell elements carry a single "ref" attribute.
    qsizetype pos = from;
    while (sheet.merges.size() < MaxMergedRanges) {
        pos = m_data.indexOf("mergeCell ", pos);
        if (pos < 0)
            break;
        const qsizetype close = m_data.indexOf('>', pos);
        const qsizetype ref = m_data.indexOf("ref=\"", pos);
        if (close < 0 || ref < 0 || ref > close)
            break;
        const qsizetype quote = m_data.indexOf('"', ref + 5);
        if (quote < 0 || quote > close)
            break;
        const QString range = QString::fromLatin1(m_data.mid(ref + 5, std::min<qsizetype>(quote - ref - 5, 32)));
        pos = close;
        const qsizetype colon = range.indexOf(u':');
        if (colon < 0)
            continue;
        const QStringView a = QStringView(range).left(colon);
        const QStringView b = QStringView(range).mid(colon + 1);
        const int c1 = office::columnIndex(a), r1 = office::rowIndex(a);
        const int c2 = office::columnIndex(b), r2 = office::rowIndex(b);
        if (c1 < 0 || r1 < 0 || c2 < 0 || r2 < 0)
            continue;
        const int left = std::min(c1, c2), top = std::min(r1, r2);
        const int right = std::min(std::max(c1, c2), MaxColumns - 1), bottom = std::min(std::max(r1, r2), MaxRows - 1);
        if (left >= MaxColumns || top >= MaxRows || (left == right && top == bottom))
            continue;
        sheet.merges.append(QRect(left, top, right - left + 1, bottom - top + 1));
    }
}

void XlsxReader::readPageSetup(Sheet &sheet, qsizetype from)
{
    // The tail of the part after sheetData, under a copy of the root's start tag (which declares
    // the namespaces), is a document of its own: read it with the same limits.
    const qsizetype rootName = m_data.indexOf("worksheet");
    const qsizetype rootStart = rootName < 0 ? -1 : m_data.lastIndexOf('<', rootName);
    const qsizetype rootEnd = rootName < 0 ? -1 : m_data.indexOf('>', rootName);
    if (rootStart < 0 || rootEnd < 0 || from <= rootEnd)
        return;
    const QByteArray tail = m_data.mid(rootStart, rootEnd + 1 - rootStart) + m_data.mid(from);
    SafeXmlReader xml(tail, m_partName, m_package.limits(), CancellationToken());
    PageSetup &page = sheet.page;
    bool landscape = false;
    QSizeF paper = page.paper;
    QList<int> *breaks = nullptr;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        bool ok = false;
        const auto inches = [&](const char *attribute, double fallback) {
            const double value = xml.attribute(attribute).toDouble(&ok);
            return ok && value >= 0 && value < 20 ? value * 72 : fallback;
        };
        if (name == u"printOptions") {
            page.gridLines = isTrue(xml.attribute("gridLines"));
            page.headings = isTrue(xml.attribute("headings"));
        } else if (name == u"pageMargins") {
            page.margins = QMarginsF(inches("left", page.margins.left()), inches("top", page.margins.top()),
                inches("right", page.margins.right()), inches("bottom", page.margins.bottom()));
            page.headerMargin = inches("header", page.headerMargin);
            page.footerMargin = inches("footer", page.footerMargin);
        } else if (name == u"pageSetup") {
            if (const QSizeF size = paperSize(xml.attribute("paperSize").toInt()); size.isValid())
                paper = size;
            landscape = xml.attribute("orientation") == u"landscape";
            const int scale = xml.attribute("scale").toInt(&ok);
            if (ok && scale >= 10 && scale <= 400)
                page.scale = scale / 100.0;
            const int width = xml.attribute("fitToWidth").toInt(&ok);
            if (ok && width >= 0)
                page.fitWidth = std::min(width, 1000);
            const int height = xml.attribute("fitToHeight").toInt(&ok);
            if (ok && height >= 0)
                page.fitHeight = std::min(height, 1000);
            page.overThenDown = xml.attribute("pageOrder") == u"overThenDown";
        } else if (name == u"oddHeader") {
            page.header = parseHeaderFooter(xml.readText());
        } else if (name == u"oddFooter") {
            page.footer = parseHeaderFooter(xml.readText());
        } else if (name == u"rowBreaks" || name == u"colBreaks") {
            breaks = name == u"rowBreaks" ? &page.rowBreaks : &page.columnBreaks;
        } else if (name == u"brk" && breaks && breaks->size() < 10'000) {
            // A break after row (or column) id, zero-based: the next page starts at id.
            const int id = xml.attribute("id").toInt(&ok);
            if (ok && id > 0 && id < (breaks == &page.rowBreaks ? MaxRows : MaxColumns))
                breaks->append(id);
        } else if (name == u"control") {
            // An ActiveX control (form controls have no relationship of type "control"): its
            // caption is in its own part, its place in the VML shape of the same id.
            const int shapeId = xml.attribute("shapeId").toInt(&ok);
            QString id;
            for (const QXmlStreamAttribute &attribute : xml.xml().attributes()) {
                if (attribute.name() == u"id" && attribute.namespaceUri().endsWith(u"/relationships"))
                    id = attribute.value().toString();
            }
            if (ok && !id.isEmpty() && m_activeX.size() < MaxVmlShapes)
                m_activeX.insert(shapeId, id);
            xml.skipElement();
        } else if (name == u"Fallback") {
            xml.skipElement(); // the same controls again, for older readers
        } else if (name != u"headerFooter" && name != u"worksheet" && name != u"controls" && name != u"AlternateContent"
            && name != u"Choice") {
            xml.skipElement();
        }
    }
    if (!xml.status().isOk())
        qCWarning(lcSpreadsheet) << "page setup:" << xml.status().message();
    std::sort(page.rowBreaks.begin(), page.rowBreaks.end());
    std::sort(page.columnBreaks.begin(), page.columnBreaks.end());
    page.paper = landscape ? paper.transposed() : paper;
}

Status XlsxReader::readRows(Sheet &sheet, int rows, const CancellationToken &token)
{
    if (sheet.complete || m_data.isEmpty()) {
        sheet.complete = true;
        return {};
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    if (m_broken || !m_xml) {
        if (Status status = rebuild(token); !status) {
            m_broken = true;
            return status.isCancellation() ? Status::fromToken(token) : status;
        }
    }
    const CancellationRegistration follow = m_relay.follow(token);
    SafeXmlReader &xml = *m_xml;
    int read = 0;
    bool ended = false;
    while (read < rows && !xml.atEnd()) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::StartElement && xml.xml().name() == u"row") {
            if (!readRow(sheet))
                break;
            ++read;
        } else if (type == QXmlStreamReader::EndElement && xml.xml().name() == u"sheetData") {
            ended = true;
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
        // A truncated or broken sheet: what was read stays, as far as it goes.
        qCWarning(lcSpreadsheet) << status.message();
        ended = true;
    }
    if (ended || xml.atEnd()) {
        sheet.complete = true;
        m_xml.reset();
        m_data.clear();
    }
    return {};
}

bool XlsxReader::readRow(Sheet &sheet)
{
    SafeXmlReader &xml = *m_xml;
    Row row;
    bool ok = false;
    const int r = xml.attribute("r").toInt(&ok);
    row.index = ok && r > 0 ? std::min(r - 1, MaxRows) : m_nextRow;
    const double height = xml.attribute("ht").toDouble(&ok);
    if (ok && height >= 0 && height < 2000)
        row.height = float(height);
    row.hidden = isTrue(xml.attribute("hidden")) || (ok && height == 0);
    const int styleCount = int(m_workbook.styles.size());
    int nextColumn = 0;
    // Cell by cell: <c r="B2" s="3" t="s"><f>…</f><v>0</v></c> or an inline <is> string.
    while (!xml.atEnd()) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.xml().name() == u"row")
            break;
        if (type != QXmlStreamReader::StartElement || xml.xml().name() != u"c")
            continue;
        Cell cell;
        const QString ref = xml.attribute("r");
        const int column = ref.isEmpty() ? nextColumn : office::columnIndex(ref);
        cell.column = column < 0 ? nextColumn : column;
        nextColumn = cell.column + 1;
        const int style = xml.attribute("s").toInt();
        cell.style = quint16(style > 0 && style < styleCount ? style : 0);
        const QString t = xml.attribute("t");
        QString value;
        bool hasValue = false;
        while (!xml.atEnd()) {
            const auto inner = xml.readNext();
            if (inner == QXmlStreamReader::EndElement && xml.xml().name() == u"c")
                break;
            if (inner != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = xml.xml().name();
            if (name == u"v") {
                value = xml.readText();
                hasValue = true;
            } else if (name == u"is") {
                // Inline rich text: the runs' <t>, without phonetic guides.
                QString text;
                while (!xml.atEnd()) {
                    const auto part = xml.readNext();
                    if (part == QXmlStreamReader::EndElement && xml.xml().name() == u"is")
                        break;
                    if (part != QXmlStreamReader::StartElement)
                        continue;
                    if (xml.xml().name() == u"rPh")
                        xml.skipElement();
                    else if (xml.xml().name() == u"t")
                        text += xml.readText();
                }
                value = unescapeOoxml(text);
                hasValue = true;
            } else {
                xml.skipElement(); // formulas, extensions
            }
        }
        if (cell.column >= MaxColumns || !xml.status())
            continue;
        const CellStyle &cellStyle = m_workbook.styles[cell.style];
        if (!hasValue || (value.isEmpty() && t != u"inlineStr" && t != u"str")) {
            cell.kind = CellKind::Empty;
        } else if (t == u"s") {
            bool valid = false;
            const qsizetype index = value.trimmed().toLongLong(&valid);
            cell.kind = CellKind::Text;
            cell.text = valid && index >= 0 && index < m_strings.size() ? m_strings[index] : QString();
        } else if (t == u"inlineStr" || t == u"str") {
            cell.kind = CellKind::Text;
            cell.text = value;
        } else if (t == u"b") {
            cell.kind = CellKind::Boolean;
            cell.text = isTrue(value.trimmed()) ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        } else if (t == u"e") {
            cell.kind = CellKind::Error;
            cell.text = value;
        } else if (t == u"d") {
            cell.kind = CellKind::Number;
            cell.text = value; // ISO 8601, rare (Strict files)
        } else {
            bool number = false;
            const double v = value.trimmed().toDouble(&number);
            if (number) {
                cell.kind = CellKind::Number;
                cell.text = NumberFormat::format(v, cellStyle.numberFormat, m_date1904);
                cell.general = cellStyle.numberFormat.isEmpty()
                    || cellStyle.numberFormat.compare(u"General", Qt::CaseInsensitive) == 0;
                cell.number = v;
            } else {
                cell.kind = CellKind::Text;
                cell.text = value;
            }
        }
        if (cell.kind == CellKind::Text && cell.text.isEmpty())
            cell.kind = CellKind::Empty;
        if (cell.kind == CellKind::Empty && !cellStyle.fill.isValid())
            continue; // an empty cell with only a format shows nothing
        row.cells.append(std::move(cell));
    }
    if (!xml.status())
        return false; // a row cut short by a cancellation is read again after the rebuild
    m_nextRow = row.index + 1;
    ++m_rowsRead;
    // Rows with nothing to show and the default height change nothing on the page.
    if (row.cells.isEmpty() && !row.hidden && row.height < 0)
        return true;
    sheet.appendRow(std::move(row));
    return true;
}

} // namespace folio::spreadsheet
