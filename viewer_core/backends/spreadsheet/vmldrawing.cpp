// SPDX-License-Identifier: GPL-3.0-or-later
#include "vmldrawing.h"

#include "spreadsheetlogging.h"

#include "backends/common/safexml.h"

#include <QStringList>

#include <QHash>

#include <algorithm>
#include <array>
#include <cstring>

namespace folio::spreadsheet {

namespace {

// VML anchors count offsets in pixels at 96 dpi.
constexpr double PointsPerPixel = 0.75;
constexpr qsizetype MaxCaption = 4096;

// Makes Excel's loose VML well-formed: <br> closed, &nbsp; as a character reference.
QByteArray mended(const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size() + 64);
    qsizetype i = 0;
    while (i < data.size()) {
        const char c = data[i];
        if (c == '<' && i + 3 < data.size() && (data[i + 1] | 0x20) == 'b' && (data[i + 2] | 0x20) == 'r'
            && (data[i + 3] == '>' || data[i + 3] == ' ' || data[i + 3] == '\t' || data[i + 3] == '\n'
                || data[i + 3] == '\r')) {
            const qsizetype close = data.indexOf('>', i);
            if (close < 0)
                break;
            out.append(data.constData() + i, close - i);
            if (data[close - 1] != '/')
                out.append('/');
            out.append('>');
            i = close + 1;
            continue;
        }
        if (c == '&' && data.mid(i, 6) == "&nbsp;") {
            out.append("&#160;");
            i += 6;
            continue;
        }
        out.append(c);
        ++i;
    }
    return out;
}

ControlKind kindOf(QStringView type)
{
    static const std::pair<const char16_t *, ControlKind> kinds[] = {{u"Button", ControlKind::Button},
        {u"Checkbox", ControlKind::CheckBox}, {u"Radio", ControlKind::Radio}, {u"Drop", ControlKind::DropDown},
        {u"List", ControlKind::ListBox}, {u"Label", ControlKind::Label}, {u"GBox", ControlKind::GroupBox},
        {u"Edit", ControlKind::Edit}, {u"Spin", ControlKind::Spinner}, {u"Scroll", ControlKind::ScrollBar}};
    for (const auto &[name, kind] : kinds) {
        if (type.compare(QStringView(name), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return ControlKind::None;
}

HAlign alignOf(QStringView value)
{
    if (value.compare(u"center", Qt::CaseInsensitive) == 0 || value.compare(u"centered", Qt::CaseInsensitive) == 0)
        return HAlign::Center;
    if (value.compare(u"right", Qt::CaseInsensitive) == 0)
        return HAlign::Right;
    if (value.compare(u"left", Qt::CaseInsensitive) == 0)
        return HAlign::Left;
    return HAlign::General;
}

// The text of a v:textbox: whitespace collapsed as in HTML, a line per <br> and per block.
class CaptionBuilder
{
public:
    void addText(QStringView text)
    {
        for (const QChar c : text) {
            if (m_text.size() >= MaxCaption)
                return;
            if (c.isSpace()) {
                if (!m_text.isEmpty() && !m_text.endsWith(u' ') && !m_text.endsWith(u'\n'))
                    m_text.append(u' ');
            } else {
                m_text.append(c == QChar::Nbsp ? QChar(u' ') : c);
            }
        }
    }
    void lineBreak()
    {
        while (m_text.endsWith(u' '))
            m_text.chop(1);
        if (m_text.size() < MaxCaption)
            m_text.append(u'\n');
    }
    QString result() const
    {
        QStringList lines = m_text.split(u'\n');
        for (QString &line : lines)
            line = line.trimmed();
        while (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.removeLast();
        while (!lines.isEmpty() && lines.constFirst().isEmpty())
            lines.removeFirst();
        return lines.join(u'\n');
    }

private:
    QString m_text;
};

int shapeIdOf(const QString &id)
{
    // "_x0000_s1025"
    const qsizetype s = id.lastIndexOf(u"_s");
    bool ok = false;
    const int number = s < 0 ? -1 : id.mid(s + 2).toInt(&ok);
    return ok && number >= 0 ? number : -1;
}

// Reads the v:shape the reader is on, up to its end. Nothing for shapes that are not printed
// controls or ActiveX placeholders.
std::optional<VmlShape> readShape(SafeXmlReader &xml)
{
    VmlShape shape;
    FormControl &control = shape.drawing.control;
    const QString spid = xml.xml()
                             .attributes()
                             .value(QLatin1String("urn:schemas-microsoft-com:office:office"), QLatin1String("spid"))
                             .toString();
    shape.shapeId = shapeIdOf(spid.isEmpty() ? xml.attribute("id") : spid);
    const bool hiddenStyle = xml.attribute("style").remove(u' ').contains(u"visibility:hidden", Qt::CaseInsensitive);
    const int depth = xml.depth();
    QString objectType;
    bool printed = true;
    bool anchored = false;
    bool mapOcx = false;
    HAlign divAlign = HAlign::General;
    HAlign textAlign = HAlign::General;
    int textboxDepth = -1;
    CaptionBuilder caption;
    while (!xml.atEnd()) {
        const auto type = xml.readNext();
        if (type == QXmlStreamReader::EndElement) {
            if (xml.depth() < depth)
                break;
            const QStringView name = xml.xml().name();
            if (textboxDepth >= 0 && xml.depth() < textboxDepth)
                textboxDepth = -1;
            else if (textboxDepth >= 0 && (name == u"div" || name == u"p"))
                caption.lineBreak();
            continue;
        }
        if (type == QXmlStreamReader::Characters) {
            if (textboxDepth >= 0 && xml.depth() > textboxDepth)
                caption.addText(xml.xml().text());
            continue;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.xml().name();
        if (textboxDepth >= 0) {
            if (name.compare(u"br", Qt::CaseInsensitive) == 0) {
                caption.lineBreak();
            } else if (name == u"font" && control.fontFamily.isEmpty()) {
                control.fontFamily = xml.attribute("face");
                bool ok = false;
                const double size = xml.attribute("size").toDouble(&ok) / 20;
                if (ok && size >= 1 && size <= 400)
                    control.fontSize = size;
            } else if (name == u"div" && divAlign == HAlign::General) {
                const QString style = xml.attribute("style").remove(u' ');
                if (const qsizetype at = style.indexOf(u"text-align:", 0, Qt::CaseInsensitive); at >= 0)
                    divAlign = alignOf(QStringView(style).mid(at + 11).split(u';').front());
            }
        } else if (name == u"textbox") {
            textboxDepth = xml.depth();
        } else if (name == u"ClientData") {
            objectType = xml.attribute("ObjectType");
        } else if (name == u"Anchor") {
            const QStringList numbers = xml.readText().split(u',');
            if (numbers.size() == 8) {
                int value[8];
                bool all = true;
                for (int i = 0; i < 8 && all; ++i)
                    value[i] = numbers[i].trimmed().toInt(&all);
                if (all) {
                    Drawing &drawing = shape.drawing;
                    const auto column = [](int c) { return std::clamp(c, 0, MaxColumns - 1); };
                    const auto row = [](int r) { return std::clamp(r, 0, MaxRows - 1); };
                    const auto offset = [](int px) { return std::clamp(px * PointsPerPixel, 0.0, 1e5); };
                    drawing.fromColumn = column(value[0]);
                    drawing.fromOffset = QPointF(offset(value[1]), offset(value[3]));
                    drawing.fromRow = row(value[2]);
                    drawing.toColumn = std::max(drawing.fromColumn, column(value[4]));
                    drawing.toOffset = QPointF(offset(value[5]), offset(value[7]));
                    drawing.toRow = std::max(drawing.fromRow, row(value[6]));
                    anchored = true;
                }
            }
        } else if (name == u"PrintObject") {
            printed = xml.readText().trimmed().compare(u"False", Qt::CaseInsensitive) != 0;
        } else if (name == u"Visible") {
            // Only notes have it: a note shown all the time. Notes are not printed either way.
        } else if (name == u"Checked") {
            control.checked = xml.readText().trimmed().toInt() != 0;
        } else if (name == u"TextHAlign") {
            textAlign = alignOf(xml.readText().trimmed());
        } else if (name == u"TextVAlign") {
            control.verticalCenter = xml.readText().trimmed().compare(u"Center", Qt::CaseInsensitive) == 0;
        } else if (name == u"MapOCX") {
            mapOcx = true;
        }
    }
    if (!xml.status().isOk() || !anchored || !printed)
        return std::nullopt;
    if (mapOcx) {
        shape.activeX = true;
        return shape;
    }
    control.kind = kindOf(objectType);
    if (control.kind == ControlKind::None || hiddenStyle)
        return std::nullopt; // notes, pictures, unknown objects
    control.align = textAlign != HAlign::General ? textAlign : divAlign;
    control.caption = caption.result();
    return shape;
}

// Shapes of one VML document (the whole part, or one shape wrapped in the part's root).
bool readShapes(const QByteArray &data, const QString &partName, const Limits &limits, const CancellationToken &token,
    QList<VmlShape> &shapes)
{
    SafeXmlReader xml(data, partName, limits, token);
    while (shapes.size() < MaxVmlShapes && xml.readNextStartElement()) {
        if (xml.xml().name() != u"shape")
            continue;
        if (std::optional<VmlShape> shape = readShape(xml))
            shapes.append(std::move(*shape));
    }
    return xml.status().isOk();
}

quint32 le32(const QByteArray &data, qsizetype at)
{
    if (at < 0 || at + 4 > data.size())
        return 0;
    const auto *p = reinterpret_cast<const uchar *>(data.constData() + at);
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

quint16 le16(const QByteArray &data, qsizetype at)
{
    if (at < 0 || at + 2 > data.size())
        return 0;
    const auto *p = reinterpret_cast<const uchar *>(data.constData() + at);
    return quint16(p[0] | p[1] << 8);
}

} // namespace

QList<VmlShape> readVmlShapes(
    const QByteArray &data, const QString &partName, const Limits &limits, const CancellationToken &token)
{
    const QByteArray xml = mended(data);
    QList<VmlShape> shapes;
    if (readShapes(xml, partName, limits, token, shapes) || token.isCancelled())
        return shapes;
    // Still not well-formed: each shape on its own, under a copy of the root's start tag (which
    // declares the namespaces), so one broken shape costs only itself.
    qCInfo(lcSpreadsheet) << partName << "is not well-formed; reading its shapes one by one";
    shapes.clear();
    qsizetype rootStart = 0;
    while ((rootStart = xml.indexOf('<', rootStart)) >= 0 && rootStart + 1 < xml.size()
        && (xml[rootStart + 1] == '?' || xml[rootStart + 1] == '!'))
        ++rootStart;
    const qsizetype rootEnd = rootStart < 0 ? -1 : xml.indexOf('>', rootStart);
    if (rootEnd < 0)
        return shapes;
    qsizetype nameEnd = rootStart + 1;
    while (nameEnd < rootEnd && !std::isspace(uchar(xml[nameEnd])) && xml[nameEnd] != '/')
        ++nameEnd;
    const QByteArray open = xml.mid(rootStart, rootEnd + 1 - rootStart);
    const QByteArray close = "</" + xml.mid(rootStart + 1, nameEnd - rootStart - 1) + '>';
    // The next "<v:shape" start tag (not v:shapetype or v:shapelayout) from `from`, or -1.
    const auto findShape = [&xml](qsizetype from) {
        for (qsizetype at = xml.indexOf("<v:shape", from); at >= 0; at = xml.indexOf("<v:shape", at + 8)) {
            const char after = at + 8 < xml.size() ? xml[at + 8] : '\0';
            if (std::isspace(uchar(after)) || after == '>')
                return at;
        }
        return qsizetype(-1);
    };
    // Every search moves forward (the end tag found is kept while it is still ahead), so a
    // hostile part of many unclosed shapes is read once.
    qsizetype end = -1;
    qsizetype at = findShape(rootEnd);
    for (int attempts = 0; at >= 0 && attempts < 4 * MaxVmlShapes && shapes.size() < MaxVmlShapes; ++attempts) {
        if (token.isCancelled())
            break;
        if (end < at)
            end = xml.indexOf("</v:shape>", at);
        if (end < 0)
            break;
        const qsizetype next = findShape(at + 8);
        if (next >= 0 && next < end) {
            at = next; // no end before the next shape: this one is broken
            continue;
        }
        QList<VmlShape> one;
        readShapes(open + xml.mid(at, end + 10 - at) + close, partName, limits, token, one);
        shapes.append(one);
        at = next;
    }
    return shapes;
}

std::optional<FormControl> readActiveXControl(const QByteArray &persisted)
{
    // MS-OFORMS: the class id (as stored: its first three fields little-endian), then the control:
    // version (2 bytes), size (2), property mask (4, or 8 for the MorphData controls), the
    // DataBlock (the properties the mask names, in bit order, each aligned to its size; a string
    // property is its length here, its characters in the ExtraDataBlock) and the ExtraDataBlock.
    enum Extra { Size, Value, Caption, GroupName };
    struct Layout
    {
        uchar classId[16];
        ControlKind kind;
        bool wideMask;
        std::array<qint8, 33> dataSizes; // by mask bit; 0: not in the DataBlock
        std::array<qint8, 4> extraBits; // the mask bit of each Extra, -1: none; in their order
        std::array<Extra, 4> extraOrder;
    };
    // CommandButton and Label: ForeColor, BackColor, VariousPropertyBits, Caption, PicturePosition,
    // Size, MousePointer, then their own. MorphData (check box, option button, toggle button, text
    // box, list box, combo box): 33 bits, Value and Caption strings.
    static const std::array<qint8, 33> buttonSizes {4, 4, 4, 4, 4, 0, 1, 2, 2, 0, 2};
    static const std::array<qint8, 33> labelSizes {4, 4, 4, 4, 4, 0, 1, 4, 2, 2, 2, 2, 2};
    static const std::array<qint8, 33> morphSizes {
        4, 4, 4, 4, 1, 1, 1, 1, 0, 2, 4, 2, 2, 2, 2, 2, 1, 1, 1, 0, 1, 1, 4, 4, 4, 4, 4, 2, 2, 2, 0, 0, 4};
    const auto morph = [](uchar id, ControlKind kind) {
        return Layout {{id, 0x1D, 0xD2, 0x8B, 0x42, 0xEC, 0xCE, 0x11, 0x9E, 0x0D, 0x00, 0xAA, 0x00, 0x60, 0x02, 0xF3},
            kind, true, morphSizes, {8, 22, 23, 32}, {Size, Value, Caption, GroupName}};
    };
    static const Layout layouts[]
        = {{{0x40, 0x32, 0x05, 0xD7, 0x69, 0xCE, 0xCD, 0x11, 0xA7, 0x77, 0x00, 0xDD, 0x01, 0x14, 0x3C, 0x57},
               ControlKind::Button, false, buttonSizes, {5, -1, 3, -1}, {Caption, Size, Value, GroupName}},
            {{0x23, 0x9E, 0x8C, 0x97, 0xB0, 0xD4, 0xCE, 0x11, 0xBF, 0x2D, 0x00, 0xAA, 0x00, 0x3F, 0x40, 0xD0},
                ControlKind::Label, false, labelSizes, {5, -1, 3, -1}, {Caption, Size, Value, GroupName}},
            morph(0x40, ControlKind::CheckBox), morph(0x50, ControlKind::Radio), morph(0x60, ControlKind::Button),
            morph(0x10, ControlKind::Edit), morph(0x20, ControlKind::ListBox), morph(0x30, ControlKind::DropDown)};
    if (persisted.size() < 24)
        return std::nullopt;
    const Layout *layout = nullptr;
    for (const Layout &candidate : layouts) {
        if (std::memcmp(persisted.constData(), candidate.classId, 16) == 0)
            layout = &candidate;
    }
    if (!layout)
        return std::nullopt;
    FormControl control;
    control.kind = layout->kind;
    control.align = control.kind == ControlKind::Button ? HAlign::Center : HAlign::Left;
    control.verticalCenter = control.kind != ControlKind::Label && control.kind != ControlKind::ListBox;

    constexpr qsizetype Start = 16;
    const qsizetype end = std::min<qsizetype>(persisted.size(), Start + 4 + le16(persisted, Start + 2));
    const quint64 mask
        = le32(persisted, Start + 4) | (layout->wideMask ? quint64(le32(persisted, Start + 8)) << 32 : 0);
    const qsizetype dataStart = Start + (layout->wideMask ? 12 : 8);
    int known = 0;
    for (int bit = 0; bit < int(layout->dataSizes.size()); ++bit) {
        if (layout->dataSizes[bit] > 0
            || std::find(layout->extraBits.cbegin(), layout->extraBits.cend(), bit) != layout->extraBits.cend())
            known = bit + 1;
    }
    if (mask >> known)
        return control; // properties this reader does not know: no caption rather than a wrong one
    // The DataBlock: the string lengths it holds.
    qsizetype at = dataStart;
    QHash<int, quint32> lengths;
    for (int bit = 0; bit < known; ++bit) {
        const int size = layout->dataSizes[bit];
        if (!(mask & (quint64(1) << bit)) || size == 0)
            continue;
        at = dataStart + (at - dataStart + size - 1) / size * size;
        if (size == 4)
            lengths.insert(bit, le32(persisted, at));
        at += size;
    }
    at = dataStart + (at - dataStart + 3) / 4 * 4;
    // The ExtraDataBlock, in the class's order.
    QString value, caption;
    for (const Extra extra : layout->extraOrder) {
        const int bit = layout->extraBits[extra];
        if (bit < 0 || !(mask & (quint64(1) << bit)))
            continue;
        if (extra == Size) {
            at += 8;
            continue;
        }
        const quint32 count = lengths.value(bit);
        const bool compressed = count & 0x80000000u;
        const qsizetype bytes = count & 0x7FFFFFFFu;
        if (bytes > MaxCaption || at + bytes > end)
            return control;
        const QByteArray raw = persisted.mid(at, bytes);
        QString text = compressed ? QString::fromLatin1(raw)
                                  : QString::fromUtf16(reinterpret_cast<const char16_t *>(raw.constData()), bytes / 2);
        text.remove(u'\r');
        if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 && c != u'\n'; }))
            return control;
        if (extra == Value)
            value = text;
        else if (extra == Caption)
            caption = text;
        at += (bytes + 3) / 4 * 4;
    }
    switch (control.kind) {
    case ControlKind::CheckBox:
    case ControlKind::Radio:
        control.checked = value == u"1";
        control.caption = caption;
        break;
    case ControlKind::Edit:
    case ControlKind::DropDown:
        control.caption = value; // the text it shows
        break;
    case ControlKind::ListBox:
        break;
    default:
        control.caption = caption;
        break;
    }
    return control;
}

} // namespace folio::spreadsheet
