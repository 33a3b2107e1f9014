// SPDX-License-Identifier: GPL-3.0-or-later
// OpenDocument presentations: content.xml pages with styles from content.xml and styles.xml.
#include "backends/office/drawingml.h"
#include "odfstyles.h"
#include "presentationreaders.h"

#include "backends/office/chart.h"
#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <cmath>
#include <numbers>

Q_LOGGING_CATEGORY(lcOdp, "folio.presentation.odp", QtInfoMsg)

namespace folio::presentation {

namespace {

using drawingml::attribute;
using drawingml::nextChild;

constexpr int MaxGroupDepth = 64;
constexpr qint64 MaxShapesPerPage = 200'000;

class OdpReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::presentation::OdpReader)
public:
    OdpReader(const office::Package &package, const CancellationToken &token)
        : m_package(package)
        , m_token(token)
    { }

    Result<Presentation> read(const ProgressCallback &progress);

private:
    void readMasterPages(SafeXmlReader &xml);
    Slide readPage(SafeXmlReader &xml);
    void readShapes(SafeXmlReader &xml, QList<Shape> &shapes, bool master, int groupDepth);
    void readShape(SafeXmlReader &xml, QList<Shape> &shapes, bool master);
    void readTextContent(SafeXmlReader &xml, TextBody &body, const odf::Style &frameStyle, bool master, int listLevel,
        const QString &listStyle);
    void readInline(SafeXmlReader &xml, Paragraph &paragraph, const TextProps &props, bool master, int depth);
    void readTable(SafeXmlReader &xml, Table &table, const odf::Style &frameStyle, bool master);
    void applyBackground(Slide &slide, const odf::Style &style) const;

    const office::Package &m_package;
    const CancellationToken &m_token;
    odf::Styles m_styles;
    QHash<QString, QList<Shape>> m_masterShapes; // master page name → its shapes (placeholders included)
    qint64 m_shapeBudget = MaxShapesPerPage;
    QString m_outlinePrefix; // of the outline frame being read: its deeper levels' style names
};

std::optional<double> length(const SafeXmlReader &xml, const char *name)
{
    const QString value = attribute(xml, QLatin1String(name));
    if (value.isEmpty())
        return std::nullopt;
    return office::parseLength(value);
}

// draw:transform="rotate (0.5) translate (2cm 3cm)": the frame's centre and clockwise rotation.
void applyTransform(const QString &transform, Shape &shape)
{
    static const QRegularExpression rotate(QStringLiteral("rotate\\s*\\(\\s*([-0-9.eE]+)\\s*\\)"));
    static const QRegularExpression translate(QStringLiteral("translate\\s*\\(\\s*([^ )]+)\\s+([^ )]+)\\s*\\)"));
    double angle = 0;
    if (const auto match = rotate.match(transform); match.hasMatch())
        angle = match.captured(1).toDouble();
    QPointF origin = shape.rect.topLeft();
    if (const auto match = translate.match(transform); match.hasMatch()) {
        origin = QPointF(
            office::parseLength(match.captured(1)).value_or(0), office::parseLength(match.captured(2)).value_or(0));
    }
    if (!std::isfinite(angle))
        angle = 0;
    // ODF rotates counter-clockwise around the frame's top left before translating it.
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    const double hw = shape.rect.width() / 2;
    const double hh = shape.rect.height() / 2;
    const QPointF centre(origin.x() + c * hw + s * hh, origin.y() - s * hw + c * hh);
    shape.rect.moveCenter(centre);
    shape.rotation = -angle * 180 / std::numbers::pi;
}

} // namespace

Result<Presentation> OdpReader::read(const ProgressCallback &progress)
{
    Presentation presentation;
    if (m_package.contains(QStringLiteral("styles.xml"))) {
        const Result<QByteArray> data = m_package.read(QStringLiteral("styles.xml"), m_token);
        if (!data)
            return data.status();
        SafeXmlReader xml(*data, QStringLiteral("styles.xml"), m_package.limits(), m_token);
        m_styles.read(xml, true);
        if (Status status = xml.status(); !status)
            return status;
        SafeXmlReader masters(*data, QStringLiteral("styles.xml"), m_package.limits(), m_token);
        readMasterPages(masters);
        if (Status status = masters.status(); !status)
            return status;
    }
    const Result<QByteArray> data = m_package.read(QStringLiteral("content.xml"), m_token);
    if (!data)
        return data.status();
    {
        SafeXmlReader xml(*data, QStringLiteral("content.xml"), m_package.limits(), m_token);
        m_styles.read(xml, false);
        if (Status status = xml.status(); !status)
            return status;
    }
    SafeXmlReader xml(*data, QStringLiteral("content.xml"), m_package.limits(), m_token);
    bool sized = false;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        if (name == u"automatic-styles" || name == u"font-face-decls" || name == u"settings") {
            xml.skipElement();
        } else if (name == u"page") {
            if (!sized) {
                presentation.size = m_styles.pageSize(attribute(xml, QLatin1String("master-page-name")));
                sized = true;
            }
            presentation.slides.append(readPage(xml));
            numberSlide(presentation.slides.last(), int(presentation.slides.size()));
            if (progress)
                progress(presentation.slides.size(), -1);
        }
    }
    if (Status status = xml.status(); !status)
        return status;
    if (!sized)
        presentation.size = m_styles.pageSize(QString());
    return presentation;
}

void OdpReader::readMasterPages(SafeXmlReader &xml)
{
    while (xml.readNextStartElement()) {
        if (xml.xml().name() != u"master-page")
            continue;
        const QString name = attribute(xml, QLatin1String("name"));
        QList<Shape> shapes;
        m_shapeBudget = MaxShapesPerPage;
        readShapes(xml, shapes, true, 0);
        m_masterShapes.insert(name, shapes);
    }
}

Slide OdpReader::readPage(SafeXmlReader &xml)
{
    Slide slide;
    slide.part = attribute(xml, QLatin1String("name"));
    const QString master = attribute(xml, QLatin1String("master-page-name"));
    const odf::Style pageStyle = m_styles.style(attribute(xml, QLatin1String("style-name")), false);
    slide.hidden
        = pageStyle.hidden.value_or(false) || attribute(xml, QLatin1String("visibility")) == QLatin1String("hidden");
    // The master's drawing-page style gives the background unless the page has its own.
    applyBackground(slide, m_styles.style(m_styles.masterStyle(master), true));
    applyBackground(slide, pageStyle);
    const QList<Shape> masterShapes = m_masterShapes.value(master);
    for (const Shape &shape : masterShapes) {
        if (!shape.placeholder)
            slide.shapes.append(shape);
    }
    const qsizetype own = slide.shapes.size();
    m_shapeBudget = MaxShapesPerPage;
    readShapes(xml, slide.shapes, false, 0);
    for (qsizetype i = own; i < slide.shapes.size(); ++i) {
        Shape &shape = slide.shapes[i];
        if (!shape.placeholder || shape.hasGeometry)
            continue;
        // A presentation object without a frame of its own sits where the master puts its class.
        for (const Shape &base : masterShapes) {
            if (base.placeholder && base.placeholderType == shape.placeholderType && base.hasGeometry) {
                shape.rect = base.rect;
                shape.hasGeometry = true;
                break;
            }
        }
    }
    for (Shape &shape : slide.shapes)
        numberParagraphs(shape.text.paragraphs);
    // The notes were collected by readShapes() into a shape of class "notes"; move them out.
    for (qsizetype i = slide.shapes.size() - 1; i >= own; --i) {
        if (slide.shapes[i].placeholderType == QLatin1String("notes")) {
            slide.notes = slide.shapes[i].text.paragraphs + slide.notes;
            slide.shapes.removeAt(i);
        }
    }
    for (const Shape &shape : slide.shapes) {
        if (shape.isTitle() && slide.title.isEmpty()) {
            QStringList lines;
            for (const Paragraph &paragraph : shape.text.paragraphs)
                lines.append(paragraph.text().replace(QChar::LineSeparator, u' ').simplified());
            lines.removeAll(QString());
            slide.title = lines.join(u' ');
        }
    }
    return slide;
}

void OdpReader::applyBackground(Slide &slide, const odf::Style &style) const
{
    if (style.fill == QLatin1String("solid") || (style.fill.isEmpty() && style.fillColor)) {
        slide.background = style.fillColor.value_or(QColor(Qt::white));
        slide.backgroundImage.clear();
    } else if (style.fill == QLatin1String("bitmap")) {
        const QString path
            = office::Package::resolve(QStringLiteral("styles.xml"), m_styles.fillImagePath(style.fillImage));
        if (!path.isEmpty() && m_package.contains(path))
            slide.backgroundImage = path;
    } else if (style.fill == QLatin1String("none")) {
        slide.background = QColor(Qt::white);
    }
}

void OdpReader::readShapes(SafeXmlReader &xml, QList<Shape> &shapes, bool master, int groupDepth)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        if (m_token.isCancelled()) {
            xml.skipElement();
            continue;
        }
        const QStringView name = xml.xml().name();
        if (name == u"g") {
            if (groupDepth < MaxGroupDepth)
                readShapes(xml, shapes, master, groupDepth + 1);
            else
                xml.skipElement();
        } else if (name == u"notes") {
            // Speaker notes: their text frame travels as a shape of class "notes" that readPage()
            // takes out of the slide.
            QList<Shape> notesShapes;
            readShapes(xml, notesShapes, master, groupDepth + 1);
            Shape notes;
            notes.placeholder = true;
            notes.placeholderType = QStringLiteral("notes");
            for (Shape &shape : notesShapes) {
                if (shape.placeholderType != QLatin1String("notes"))
                    continue;
                for (Paragraph &paragraph : shape.text.paragraphs) {
                    // Notes are read at one size whatever their style says: the panel is for reading.
                    for (Run &run : paragraph.runs) {
                        run.props.size = 12;
                        run.props.color = QColor(Qt::black);
                    }
                    paragraph.endProps.size = 12;
                }
                notes.text.paragraphs.append(shape.text.paragraphs);
            }
            if (!master && !notes.text.paragraphs.isEmpty())
                shapes.append(notes);
        } else {
            readShape(xml, shapes, master);
        }
    }
}

void OdpReader::readShape(SafeXmlReader &xml, QList<Shape> &shapes, bool master)
{
    const QStringView name = xml.xml().name();
    const bool known = name == u"frame" || name == u"rect" || name == u"ellipse" || name == u"custom-shape"
        || name == u"line" || name == u"connector" || name == u"circle";
    if (!known || m_shapeBudget <= 0) {
        xml.skipElement();
        return;
    }
    --m_shapeBudget;
    Shape shape;
    QString styleName = attribute(xml, QLatin1String("style-name"));
    if (styleName.isEmpty())
        styleName = attribute(xml, QLatin1String("text-style-name"));
    // presentation:style-name and draw:style-name share the local name; both are graphic styles.
    const odf::Style style = m_styles.style(styleName, master);
    const QString presentationClass = attribute(xml, QLatin1String("class"));
    if (!presentationClass.isEmpty()) {
        shape.placeholder = true;
        shape.placeholderType
            = presentationClass == QLatin1String("title") ? QStringLiteral("title") : presentationClass;
    }
    const bool emptyPlaceholder = attribute(xml, QLatin1String("placeholder")) == QLatin1String("true");
    if (name == u"line" || name == u"connector") {
        shape.kind = Shape::Kind::Line;
        const QPointF a(length(xml, "x1").value_or(0), length(xml, "y1").value_or(0));
        const QPointF b(length(xml, "x2").value_or(0), length(xml, "y2").value_or(0));
        shape.rect = QRectF(a, b);
        shape.hasGeometry = true;
        if (a.x() > b.x()) {
            shape.flipH = true;
            shape.rect = shape.rect.normalized();
        }
        if (a.y() > b.y()) {
            shape.flipV = true;
            shape.rect = shape.rect.normalized();
        }
    } else {
        const auto x = length(xml, "x");
        const auto y = length(xml, "y");
        const auto width = length(xml, "width");
        const auto height = length(xml, "height");
        shape.rect
            = QRectF(x.value_or(0), y.value_or(0), std::max(0.0, width.value_or(0)), std::max(0.0, height.value_or(0)));
        shape.hasGeometry = width.has_value() || height.has_value();
        const QString transform = attribute(xml, QLatin1String("transform"));
        if (!transform.isEmpty())
            applyTransform(transform, shape);
    }
    if (name == u"ellipse" || name == u"circle")
        shape.kind = Shape::Kind::Ellipse;
    else if (name == u"rect" || name == u"custom-shape")
        shape.kind = Shape::Kind::Rectangle;
    // Fill and stroke: frames (text boxes, pictures) are unfilled unless their style says so;
    // drawn shapes take LibreOffice's defaults through the default graphic style.
    odf::Style effective = style;
    if (name != u"frame")
        effective.inherit(m_styles.defaultGraphic());
    if (effective.fill == QLatin1String("solid") || (name != u"frame" && effective.fill.isEmpty()))
        shape.fill = effective.fillColor.value_or(QColor(0x72, 0x9F, 0xCF));
    if (effective.stroke == QLatin1String("solid") || effective.stroke == QLatin1String("dash")
        || (name != u"frame" && effective.stroke.isEmpty())) {
        shape.line = effective.strokeColor.value_or(QColor(0x34, 0x65, 0xA4));
        shape.lineWidth = std::clamp(effective.strokeWidth.value_or(0.75), 0.25, 100.0);
    }
    shape.text.anchor = effective.anchor;
    shape.text.insetLeft = effective.paddingLeft;
    shape.text.insetTop = effective.paddingTop;
    shape.text.insetRight = effective.paddingRight;
    shape.text.insetBottom = effective.paddingBottom;
    if (name != u"frame" && !shape.text.anchor)
        shape.text.anchor = Anchor::Middle; // text in a drawn shape is centred by default

    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView child = xml.xml().name();
        if (child == u"text-box") {
            m_outlinePrefix
                = presentationClass == QLatin1String("outline") ? m_styles.outlinePrefix(styleName, master) : QString();
            readTextContent(xml, shape.text, style, master, -1, QString());
            m_outlinePrefix.clear();
        } else if (child == u"object" && !shape.chart && !shape.table) {
            // An embedded chart is drawn from its own data; other objects keep their preview picture.
            const QString href = attribute(xml, QLatin1String("href"));
            xml.skipElement();
            Result<office::Chart> chart = office::Chart::fromOpenDocumentObject(m_package, href, m_token);
            if (chart) {
                shape.kind = Shape::Kind::Chart;
                shape.chart = std::make_shared<const office::Chart>(std::move(chart).value());
                shape.image.clear();
            }
        } else if (child == u"image" && shape.image.isEmpty() && !shape.table && !shape.chart) {
            // A table's frame also holds a preview picture; the table itself is what is drawn.
            const QString href = attribute(xml, QLatin1String("href"));
            const QString path = office::Package::resolve(QStringLiteral("content.xml"), href);
            if (!path.isEmpty() && m_package.contains(path)) {
                shape.kind = Shape::Kind::Picture;
                shape.image = path;
            }
            xml.skipElement();
        } else if (child == u"table") {
            shape.kind = Shape::Kind::Table;
            shape.table = std::make_shared<Table>();
            readTable(xml, *shape.table, style, master);
        } else if (child == u"enhanced-geometry") {
            const QString type = attribute(xml, QLatin1String("type"));
            if (type == QLatin1String("ellipse"))
                shape.kind = Shape::Kind::Ellipse;
            else if (type.contains(QLatin1String("round-rectangle")))
                shape.kind = Shape::Kind::RoundRectangle;
            else if (type.contains(QLatin1String("triangle")))
                shape.kind = Shape::Kind::Triangle;
            xml.skipElement();
        } else if (child == u"p" || child == u"list" || child == u"h") {
            // Text directly inside a drawn shape: read it as a one-element text box.
            TextBody more;
            readTextContent(xml, more, style, master, -2, QString());
            shape.text.paragraphs.append(more.paragraphs);
        } else {
            xml.skipElement();
        }
    }
    if (emptyPlaceholder && shape.text.isEmpty() && shape.image.isEmpty())
        return;
    if (shape.kind == Shape::Kind::Table && shape.table) {
        // Column widths live in column styles LibreOffice keeps elsewhere: share the frame evenly.
        const bool unsized = std::all_of(shape.table->columnWidths.cbegin(), shape.table->columnWidths.cend(),
            [](double width) { return width <= 0; });
        if (unsized && !shape.table->rows.isEmpty()) {
            const qsizetype columns = std::max<qsizetype>(1, shape.table->rows.first().size());
            shape.table->columnWidths = QList<double>(columns, shape.rect.width() / double(columns));
        }
    }
    shapes.append(std::move(shape));
}

// On draw:text-box (level -1), on a text:list (level ≥ 0), or on a lone text:p/text:list inside a
// drawn shape (level -2, the element itself is the content).
void OdpReader::readTextContent(SafeXmlReader &xml, TextBody &body, const odf::Style &frameStyle, bool master,
    int listLevel, const QString &listStyle)
{
    const auto readParagraph = [&](int level, const QString &list, bool bulleted) {
        Paragraph paragraph;
        paragraph.level = std::clamp(level, 0, 8);
        odf::Style style = m_styles.style(attribute(xml, QLatin1String("style-name")), master);
        // Deeper outline levels have styles of their own (Default-outline2, ...), between the
        // paragraph's and the frame's.
        if (level > 0 && !m_outlinePrefix.isEmpty())
            style.inherit(m_styles.style(m_outlinePrefix + QString::number(std::min(level + 1, 9)), master));
        style.inherit(frameStyle);
        paragraph.props = style.paragraph;
        if (level >= 0 && bulleted) {
            const odf::ListStyleLevels *levels = m_styles.listStyle(list);
            const odf::ListLevel fallback {Bullet {Bullet::Kind::Char, QStringLiteral("•"), {}, 1}, {}, {}};
            const odf::ListLevel &info = levels ? (*levels)[size_t(std::clamp(level, 0, 9))] : fallback;
            paragraph.props.bullet = info.bullet.kind == Bullet::Kind::None && !levels ? fallback.bullet : info.bullet;
            paragraph.props.marginLeft = info.marginLeft.value_or(27.0 * (level + 1));
            paragraph.props.indent = info.indent.value_or(-27.0);
        } else if (level >= 0) {
            paragraph.props.marginLeft = 27.0 * (level + 1);
        }
        TextProps base = paragraph.props.run;
        base.size = base.size.value_or(18);
        base.color = base.color.value_or(QColor(Qt::black));
        paragraph.props.run = base;
        paragraph.endProps = base;
        readInline(xml, paragraph, base, master, 0);
        body.paragraphs.append(paragraph);
    };

    const QStringView self = xml.xml().name();
    if (listLevel == -2 && (self == u"p" || self == u"h")) {
        readParagraph(-1, QString(), false);
        return;
    }
    if (listLevel == -2)
        listLevel = 0; // a text:list directly in a shape
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        if (m_token.isCancelled() || body.paragraphs.size() >= 100'000) {
            xml.skipElement();
            continue;
        }
        const QStringView name = xml.xml().name();
        if (name == u"p" || name == u"h") {
            readParagraph(listLevel, listStyle, listLevel >= 0);
        } else if (name == u"list") {
            const QString style = attribute(xml, QLatin1String("style-name"));
            readTextContent(
                xml, body, frameStyle, master, std::min(listLevel + 1, 8), style.isEmpty() ? listStyle : style);
        } else if (name == u"list-item" || name == u"list-header") {
            // An item's paragraphs belong to the list's level; a header's have no bullet.
            const bool header = name == u"list-header";
            const int itemDepth = xml.depth();
            while (nextChild(xml, itemDepth)) {
                const QStringView inner = xml.xml().name();
                if (inner == u"p" || inner == u"h") {
                    readParagraph(listLevel, listStyle, !header);
                } else if (inner == u"list") {
                    const QString style = attribute(xml, QLatin1String("style-name"));
                    readTextContent(
                        xml, body, frameStyle, master, std::min(listLevel + 1, 8), style.isEmpty() ? listStyle : style);
                } else {
                    xml.skipElement();
                }
            }
        } else {
            xml.skipElement();
        }
    }
}

void OdpReader::readInline(SafeXmlReader &xml, Paragraph &paragraph, const TextProps &props, bool master, int depth)
{
    const auto append = [&paragraph, &props](const QString &text) {
        if (text.isEmpty())
            return;
        if (!paragraph.runs.isEmpty() && !paragraph.runs.last().slideNumber
            && paragraph.runs.last().props.size == props.size && paragraph.runs.last().props.color == props.color
            && paragraph.runs.last().props.bold == props.bold && paragraph.runs.last().props.italic == props.italic
            && paragraph.runs.last().props.underline == props.underline
            && paragraph.runs.last().props.family == props.family) {
            paragraph.runs.last().text += text;
            return;
        }
        paragraph.runs.append(Run {text, props});
    };
    const int start = xml.depth();
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && xml.depth() < start)
            return;
        if (type == QXmlStreamReader::Characters) {
            // ODF collapses white space in paragraphs; text:s carries the significant spaces.
            QString text = xml.xml().text().toString();
            static const QRegularExpression space(QStringLiteral("[ \\t\\r\\n]+"));
            text.replace(space, QStringLiteral(" "));
            append(text);
            continue;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.xml().name();
        if (name == u"span" || name == u"a") {
            TextProps inner = m_styles.style(attribute(xml, QLatin1String("style-name")), master).paragraph.run;
            inner.inherit(props);
            if (depth < 32)
                readInline(xml, paragraph, inner, master, depth + 1);
            else
                append(xml.readText());
        } else if (name == u"s") {
            append(QString(std::clamp(attribute(xml, QLatin1String("c")).toInt(), 1, 100), u' '));
            xml.skipElement();
        } else if (name == u"tab") {
            append(QStringLiteral(" "));
            xml.skipElement();
        } else if (name == u"page-number") {
            // Its text is the number when saved ("<number>" on master pages): numberSlide()
            // writes each slide's own.
            Run run {xml.readText(), props};
            run.slideNumber = true;
            paragraph.runs.append(run);
        } else if (name == u"line-break") {
            append(QString(QChar::LineSeparator));
            xml.skipElement();
        } else if (name == u"note" || name == u"annotation" || name == u"bookmark" || name == u"soft-page-break") {
            xml.skipElement();
        } else {
            append(xml.readText()); // fields (page number, date): their current text
        }
    }
}

void OdpReader::readTable(SafeXmlReader &xml, Table &table, const odf::Style &frameStyle, bool master)
{
    const int depth = xml.depth();
    while (nextChild(xml, depth)) {
        const QStringView name = xml.xml().name();
        if (name == u"table-rows" || name == u"table-header-rows") {
            readTable(xml, table, frameStyle, master); // the rows inside count as the table's
        } else if (name == u"table-column") {
            const int repeat = std::clamp(attribute(xml, QLatin1String("number-columns-repeated")).toInt(), 1, 1000);
            for (int i = 0; i < repeat && table.columnWidths.size() < 1000; ++i)
                table.columnWidths.append(0);
            xml.skipElement();
        } else if (name == u"table-row" && table.rows.size() < 10000) {
            QList<TableCell> &row = table.rows.emplace_back();
            table.rowHeights.append(0);
            const int rowDepth = xml.depth();
            while (nextChild(xml, rowDepth)) {
                const QStringView cellName = xml.xml().name();
                if ((cellName != u"table-cell" && cellName != u"covered-table-cell") || row.size() >= 1000) {
                    xml.skipElement();
                    continue;
                }
                TableCell cell;
                cell.merged = cellName == u"covered-table-cell";
                cell.columnSpan = std::clamp(attribute(xml, QLatin1String("number-columns-spanned")).toInt(), 1, 1000);
                const odf::Style cellStyle = m_styles.style(attribute(xml, QLatin1String("style-name")), master);
                if (cellStyle.fill == QLatin1String("solid"))
                    cell.fill = cellStyle.fillColor;
                readTextContent(xml, cell.body, frameStyle, master, -1, QString());
                row.append(cell);
            }
        } else {
            xml.skipElement();
        }
    }
}

Result<Presentation> readOdp(
    const office::Package &package, const CancellationToken &token, const ProgressCallback &progress)
{
    OdpReader reader(package, token);
    Result<Presentation> result = reader.read(progress);
    if (token.isCancelled())
        return Status::fromToken(token);
    return result;
}

} // namespace folio::presentation
