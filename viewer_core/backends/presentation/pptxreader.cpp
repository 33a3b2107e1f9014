// SPDX-License-Identifier: GPL-3.0-or-later
// PresentationML: presentation.xml → slides (in sldIdLst order) → layouts → masters → themes.
#include "backends/office/drawingml.h"
#include "presentationreaders.h"

#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcPptx, "folio.presentation.pptx", QtInfoMsg)

namespace folio::presentation {

namespace {

using namespace drawingml;

class PptxReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::presentation::PptxReader)
public:
    PptxReader(const office::Package &package, const CancellationToken &token)
        : m_package(package)
        , m_token(token)
    { }

    Result<Presentation> read(const ProgressCallback &progress);

private:
    // A slide layout or master: its shapes (placeholders included) and background.
    struct Template
    {
        QList<Shape> shapes;
        std::optional<QColor> background;
        QString backgroundImage;
        bool showMasterShapes = true;
        std::shared_ptr<Theme> theme;
        ListStyle titleStyle, bodyStyle, otherStyle; // masters only
        std::shared_ptr<const Template> master; // layouts only
    };
    using TemplatePtr = std::shared_ptr<const Template>;

    Result<QByteArray> readPart(const QString &path) const { return m_package.read(path, m_token); }
    TemplatePtr master(const QString &path);
    TemplatePtr layout(const QString &path);
    // Reads p:cSld (background, shape tree) and, for masters, p:txStyles and p:clrMap.
    Status readSlideLike(const QString &path, const QByteArray &data, Template &into, bool hiddenFlag, bool *hidden);
    Slide readSlide(const QString &path, Status &fatal);
    void readNotes(const QString &slidePath, Slide &slide, const Theme &theme);
    void resolve(Slide &slide, const Template *master, const Theme &theme);

    const office::Package &m_package;
    const CancellationToken &m_token;
    QHash<QString, TemplatePtr> m_masters;
    QHash<QString, TemplatePtr> m_layouts;
    Theme m_defaultTheme;
    QByteArray m_tableStyles; // ppt/tableStyles.xml; empty when absent
};

// The master placeholder type a slide or layout placeholder takes its defaults from.
QString masterType(const QString &type)
{
    if (type == QLatin1String("title") || type == QLatin1String("ctrTitle"))
        return QStringLiteral("title");
    if (type == QLatin1String("dt") || type == QLatin1String("ftr") || type == QLatin1String("sldNum"))
        return type;
    return QStringLiteral("body");
}

const Shape *findPlaceholder(const QList<Shape> &shapes, const Shape &wanted, bool byIndex)
{
    if (byIndex && !wanted.placeholderIndex.isEmpty()) {
        for (const Shape &shape : shapes) {
            if (shape.placeholder && shape.placeholderIndex == wanted.placeholderIndex)
                return &shape;
        }
    }
    const QString type = masterType(wanted.placeholderType);
    // Exact type first (ctrTitle on a title layout), then the family (title, body, ...).
    for (const Shape &shape : shapes) {
        if (shape.placeholder && !wanted.placeholderType.isEmpty() && shape.placeholderType == wanted.placeholderType)
            return &shape;
    }
    for (const Shape &shape : shapes) {
        if (shape.placeholder && masterType(shape.placeholderType) == type)
            return &shape;
    }
    return nullptr;
}

// Takes geometry, frame properties and list styles a placeholder leaves unset from `base`.
void inheritPlaceholder(Shape &shape, const Shape &base)
{
    if (!shape.hasGeometry && base.hasGeometry) {
        shape.rect = base.rect;
        shape.rotation = base.rotation;
        shape.hasGeometry = true;
    }
    if (!shape.fill)
        shape.fill = base.fill;
    if (!shape.line)
        shape.line = base.line;
    TextBody &body = shape.text;
    if (!body.anchor)
        body.anchor = base.text.anchor;
    if (!body.insetLeft)
        body.insetLeft = base.text.insetLeft;
    if (!body.insetTop)
        body.insetTop = base.text.insetTop;
    if (!body.insetRight)
        body.insetRight = base.text.insetRight;
    if (!body.insetBottom)
        body.insetBottom = base.text.insetBottom;
    if (base.text.listStyle) {
        auto merged = std::make_shared<ListStyle>(body.listStyle ? *body.listStyle : ListStyle {});
        inheritList(*merged, *base.text.listStyle);
        body.listStyle = std::move(merged);
    }
}

QString titleOf(const Slide &slide)
{
    for (const Shape &shape : slide.shapes) {
        if (shape.isTitle()) {
            QStringList lines;
            for (const Paragraph &paragraph : shape.text.paragraphs)
                lines.append(paragraph.text().replace(QChar::LineSeparator, u' ').simplified());
            lines.removeAll(QString());
            if (!lines.isEmpty())
                return lines.join(u' ');
        }
    }
    return {};
}

} // namespace

Result<Presentation> PptxReader::read(const ProgressCallback &progress)
{
    QString mainPath = QStringLiteral("ppt/presentation.xml");
    if (const auto main = m_package.relationshipOfType(QString(), u"officeDocument", m_token)) {
        const QString target = m_package.targetPath(QString(), *main);
        if (!target.isEmpty())
            mainPath = target;
    }
    const Result<QByteArray> data = readPart(mainPath);
    if (!data)
        return data.status();
    Presentation presentation;
    QStringList slideIds;
    {
        SafeXmlReader xml(*data, mainPath, m_package.limits(), m_token);
        while (xml.readNextStartElement()) {
            const QStringView name = xml.xml().name();
            if (name == u"sldSz") {
                presentation.size = clampSlideSize(office::emuToPoints(attribute(xml, QLatin1String("cx")).toDouble()),
                    office::emuToPoints(attribute(xml, QLatin1String("cy")).toDouble()));
            } else if (name == u"sldId") {
                slideIds.append(attribute(xml, QLatin1String("id"), true));
            } else if (name == u"notesMasterIdLst" || name == u"handoutMasterIdLst" || name == u"defaultTextStyle"
                || name == u"extLst") {
                xml.skipElement();
            }
        }
        if (Status status = xml.status(); !status)
            return status;
    }
    const Result<QList<office::Relationship>> relationships = m_package.relationships(mainPath, m_token);
    if (!relationships)
        return relationships.status();
    // Custom table styles, read per table in the theme of its slide (drawingml::readShapeTree()).
    if (const auto stylesRel = m_package.relationshipOfType(mainPath, u"tableStyles", m_token)) {
        if (const Result<QByteArray> styles = readPart(m_package.targetPath(mainPath, *stylesRel)))
            m_tableStyles = *styles;
        else if (styles.status().isCancellation())
            return styles.status();
    }
    for (qsizetype i = 0; i < slideIds.size(); ++i) {
        if (m_token.isCancelled())
            return Status::fromToken(m_token);
        QString path;
        for (const office::Relationship &relationship : *relationships) {
            if (relationship.id == slideIds[i])
                path = m_package.targetPath(mainPath, relationship);
        }
        Status fatal;
        Slide slide;
        if (path.isEmpty())
            qCWarning(lcPptx) << m_package.fileName() << "slide" << i + 1 << "is missing; showing an empty slide";
        else
            slide = readSlide(path, fatal);
        if (!fatal)
            return fatal;
        numberSlide(slide, int(i) + 1); // hidden slides count too, as in PowerPoint
        presentation.slides.append(std::move(slide));
        if (progress)
            progress(i + 1, slideIds.size());
    }
    return presentation;
}

Status PptxReader::readSlideLike(
    const QString &path, const QByteArray &data, Template &into, bool isMaster, bool *hidden)
{
    PartContext context {m_package, path, *into.theme, m_token};
    context.tableStyles = &m_tableStyles;
    SafeXmlReader xml(data, path, m_package.limits(), m_token);
    while (xml.readNextStartElement()) {
        const QStringView name = xml.xml().name();
        if (xml.depth() == 1) {
            if (hidden)
                *hidden = attribute(xml, QLatin1String("show")) == QLatin1String("0");
            into.showMasterShapes = attribute(xml, QLatin1String("showMasterSp")) != QLatin1String("0");
        } else if (name == u"bg") {
            readBackground(xml, into.background, into.backgroundImage, context);
        } else if (name == u"spTree") {
            readShapeTree(xml, into.shapes, context);
        } else if (isMaster && name == u"titleStyle") {
            readListStyle(xml, into.titleStyle, *into.theme);
        } else if (isMaster && name == u"bodyStyle") {
            readListStyle(xml, into.bodyStyle, *into.theme);
        } else if (isMaster && name == u"otherStyle") {
            readListStyle(xml, into.otherStyle, *into.theme);
        } else if (name == u"clrMapOvr" || name == u"timing" || name == u"transition" || name == u"extLst") {
            xml.skipElement();
        }
    }
    return xml.status();
}

PptxReader::TemplatePtr PptxReader::master(const QString &path)
{
    if (auto it = m_masters.constFind(path); it != m_masters.cend())
        return *it;
    auto master = std::make_shared<Template>();
    master->theme = std::make_shared<Theme>();
    if (const auto themeRel = m_package.relationshipOfType(path, u"theme", m_token)) {
        const QString themePath = m_package.targetPath(path, *themeRel);
        if (const Result<QByteArray> data = readPart(themePath)) {
            SafeXmlReader xml(*data, themePath, m_package.limits(), m_token);
            readTheme(xml, *master->theme);
            if (!xml.status())
                qCWarning(lcPptx) << xml.status().message();
        }
    }
    const Result<QByteArray> data = readPart(path);
    if (data) {
        // The colour map follows the shapes in the part, but the shapes' scheme colours need it:
        // a quick first pass finds it.
        SafeXmlReader scan(*data, path, m_package.limits(), m_token);
        while (scan.readNextStartElement()) {
            if (scan.xml().name() == u"clrMap") {
                for (const QXmlStreamAttribute &attribute : scan.xml().attributes())
                    master->theme->colorMap.insert(attribute.name().toString(), attribute.value().toString());
                break;
            }
            if (scan.xml().name() == u"spTree" || scan.xml().name() == u"bg")
                scan.skipElement();
        }
        if (Status status = readSlideLike(path, *data, *master, true, nullptr); !status)
            qCWarning(lcPptx) << status.message();
    }
    m_masters.insert(path, master);
    return master;
}

PptxReader::TemplatePtr PptxReader::layout(const QString &path)
{
    if (auto it = m_layouts.constFind(path); it != m_layouts.cend())
        return *it;
    auto layout = std::make_shared<Template>();
    if (const auto masterRel = m_package.relationshipOfType(path, u"slideMaster", m_token)) {
        const QString masterPath = m_package.targetPath(path, *masterRel);
        if (!masterPath.isEmpty())
            layout->master = master(masterPath);
    }
    layout->theme = layout->master ? layout->master->theme : std::make_shared<Theme>();
    if (const Result<QByteArray> data = readPart(path)) {
        if (Status status = readSlideLike(path, *data, *layout, false, nullptr); !status)
            qCWarning(lcPptx) << status.message();
    }
    m_layouts.insert(path, layout);
    return layout;
}

Slide PptxReader::readSlide(const QString &path, Status &fatal)
{
    Slide slide;
    slide.part = path;
    TemplatePtr slideLayout;
    if (const auto layoutRel = m_package.relationshipOfType(path, u"slideLayout", m_token)) {
        const QString layoutPath = m_package.targetPath(path, *layoutRel);
        if (!layoutPath.isEmpty())
            slideLayout = layout(layoutPath);
    }
    const Template *slideMaster = slideLayout ? slideLayout->master.get() : nullptr;
    const Theme &theme = slideLayout ? *slideLayout->theme : m_defaultTheme;
    const Result<QByteArray> data = readPart(path);
    if (!data) {
        // Over a limit or cancelled: the whole document stops. Anything else: an empty slide.
        if (data.status().isCancellation() || data.status().code() == StatusCode::LimitExceeded)
            fatal = data.status();
        else
            qCWarning(lcPptx) << data.status().message();
        return slide;
    }
    Template own;
    own.theme = std::make_shared<Theme>(theme);
    bool hidden = false;
    if (Status status = readSlideLike(path, *data, own, false, &hidden); !status) {
        if (status.isCancellation() || status.code() == StatusCode::LimitExceeded) {
            fatal = status;
            return slide;
        }
        // Malformed XML: what was read before the error shows, the rest of the deck too.
        qCWarning(lcPptx) << status.message();
    }
    slide.hidden = hidden;
    slide.background = own.background;
    slide.backgroundImage = own.backgroundImage;
    if (!slide.background && slide.backgroundImage.isEmpty() && slideLayout) {
        slide.background = slideLayout->background;
        slide.backgroundImage = slideLayout->backgroundImage;
        if (!slide.background && slide.backgroundImage.isEmpty() && slideMaster) {
            slide.background = slideMaster->background;
            slide.backgroundImage = slideMaster->backgroundImage;
        }
    }
    // Master and layout decorations (logos, bars) under the slide's own shapes; their
    // placeholders are only templates.
    const bool showMaster = own.showMasterShapes && (!slideLayout || slideLayout->showMasterShapes);
    if (slideMaster && showMaster) {
        for (const Shape &shape : slideMaster->shapes) {
            if (!shape.placeholder)
                slide.shapes.append(shape);
        }
    }
    if (slideLayout) {
        for (const Shape &shape : slideLayout->shapes) {
            if (!shape.placeholder)
                slide.shapes.append(shape);
        }
    }
    const qsizetype inherited = slide.shapes.size();
    slide.shapes.append(own.shapes);
    for (qsizetype i = inherited; i < slide.shapes.size(); ++i) {
        Shape &shape = slide.shapes[i];
        if (!shape.placeholder)
            continue;
        const Shape *fromLayout = slideLayout ? findPlaceholder(slideLayout->shapes, shape, true) : nullptr;
        if (fromLayout)
            inheritPlaceholder(shape, *fromLayout);
        const Shape *fromMaster
            = slideMaster ? findPlaceholder(slideMaster->shapes, fromLayout ? *fromLayout : shape, false) : nullptr;
        if (fromMaster)
            inheritPlaceholder(shape, *fromMaster);
    }
    resolve(slide, slideMaster, theme);
    readNotes(path, slide, theme);
    slide.title = titleOf(slide);
    return slide;
}

void PptxReader::resolve(Slide &slide, const Template *master, const Theme &theme)
{
    TextProps defaults;
    defaults.size = 18;
    defaults.color = theme.scheme(QStringLiteral("tx1"));
    defaults.family = theme.minorFont;
    for (Shape &shape : slide.shapes) {
        if (m_token.isCancelled())
            return;
        const ListStyle *inherited = nullptr;
        TextProps shapeDefaults = defaults;
        if (shape.fontColor)
            shapeDefaults.color = shape.fontColor;
        if (master) {
            if (!shape.placeholder)
                inherited = &master->otherStyle;
            else if (masterType(shape.placeholderType) == QLatin1String("title"))
                inherited = &master->titleStyle;
            else if (masterType(shape.placeholderType) == QLatin1String("body"))
                inherited = &master->bodyStyle;
            else
                inherited = &master->otherStyle;
        }
        if (shape.isTitle())
            shapeDefaults.family = theme.majorFont;
        resolveText(shape.text, inherited, shapeDefaults, theme);
        if (shape.table) {
            for (QList<TableCell> &row : shape.table->rows) {
                for (TableCell &cell : row)
                    resolveText(cell.body, master ? &master->otherStyle : nullptr, shapeDefaults, theme);
            }
        }
    }
}

void PptxReader::readNotes(const QString &slidePath, Slide &slide, const Theme &theme)
{
    const auto notesRel = m_package.relationshipOfType(slidePath, u"notesSlide", m_token);
    if (!notesRel)
        return;
    const QString path = m_package.targetPath(slidePath, *notesRel);
    if (path.isEmpty())
        return;
    const Result<QByteArray> data = readPart(path);
    if (!data)
        return;
    QList<Shape> shapes;
    PartContext context {m_package, path, theme, m_token};
    SafeXmlReader xml(*data, path, m_package.limits(), m_token);
    while (xml.readNextStartElement()) {
        if (xml.xml().name() == u"spTree")
            readShapeTree(xml, shapes, context);
    }
    if (!xml.status()) {
        qCWarning(lcPptx) << xml.status().message();
        return;
    }
    TextProps defaults;
    defaults.size = 12;
    defaults.color = QColor(Qt::black);
    for (Shape &shape : shapes) {
        if (shape.placeholder && shape.placeholderType == QLatin1String("body")) {
            // Notes are read at one size whatever the notes master says: the panel is for reading.
            for (Paragraph &paragraph : shape.text.paragraphs) {
                for (Run &run : paragraph.runs) {
                    run.props.size.reset();
                    run.props.color.reset();
                }
                paragraph.endProps.size.reset();
            }
            shape.text.listStyle.reset();
            resolveText(shape.text, nullptr, defaults, theme);
            slide.notes.append(shape.text.paragraphs);
        }
    }
    while (!slide.notes.isEmpty() && slide.notes.last().text().trimmed().isEmpty())
        slide.notes.removeLast();
}

Result<Presentation> readPptx(
    const office::Package &package, const CancellationToken &token, const ProgressCallback &progress)
{
    PptxReader reader(package, token);
    Result<Presentation> result = reader.read(progress);
    if (token.isCancelled())
        return Status::fromToken(token);
    return result;
}

} // namespace folio::presentation
