// SPDX-License-Identifier: GPL-3.0-or-later
#include "xpspackage.h"

#include "backends/common/archive/archivereader.h"
#include "backends/common/safexml.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QRawFont>
#include <QStringList>
#include <QTransform>
#include <QUrl>

#include <cmath>
#include <numeric>
#include <optional>

namespace folio::xps {

namespace {

// Structure parts are a few kilobytes; a FixedPage may hold a whole page of paths.
constexpr qint64 maxStructureBytes = 16LL << 20;

const QLatin1String xpsRepresentation("http://schemas.microsoft.com/xps/2005/06/fixedrepresentation");
const QLatin1String oxpsRepresentation("http://schemas.openxps.org/oxps/v1.0/fixedrepresentation");

// A part name as OPC compares them: percent-decoded, without a fragment, leading '/', "." or
// "..", in lower case (part names are case-insensitive).
QString normalized(const QString &name)
{
    QString path = name;
    if (const qsizetype hash = path.indexOf(QLatin1Char('#')); hash >= 0)
        path.truncate(hash);
    path = QUrl::fromPercentEncoding(path.toUtf8());
    QStringList kept;
    for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    return kept.join(QLatin1Char('/')).toLower();
}

// "m11,m12,m21,m22,dx,dy" (XPS matrix syntax); identity for anything else.
QTransform matrix(const QString &text)
{
    const QStringList values = text.split(QLatin1Char(','));
    if (values.size() != 6)
        return {};
    double m[6];
    for (int i = 0; i < 6; ++i) {
        bool ok = false;
        m[i] = values[i].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(m[i]))
            return {};
    }
    return QTransform(m[0], m[1], m[2], m[3], m[4], m[5]);
}

double number(const QString &text, double fallback = 0)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? value : fallback;
}

// A run of glyphs and where it sits on the page (XPS units, after its transforms).
struct Run
{
    QString text;
    QPointF origin; // on the page
    double em = 0; // font size on the page
    double width = 0; // advance of the whole run on the page (estimated where no font says)
    // For the boxes: where the run starts in its own coordinates, the size there, each
    // character's advance there, and how that space maps onto the page.
    QPointF start;
    double size = 0;
    QList<double> advances;
    double ascent = 0.8; // of the em
    double descent = 0.2;
    QTransform toPage;
};

// Each character's advance, in em: from the Indices attribute ("gi,advance;..." in hundredths of
// the em) where it gives one, else from the font (`fontAdvances`, one per character, may be
// empty), else about half an em. Cluster maps ("(2:1)") are not followed: their characters get
// the font's or the estimate.
QList<double> advancesOf(const QString &text, const QString &indices, const QList<double> &fontAdvances)
{
    const QStringList glyphs = indices.contains(QLatin1Char('(')) ? QStringList() : indices.split(QLatin1Char(';'));
    QList<double> advances;
    advances.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        double advance = i < fontAdvances.size() ? fontAdvances[i] : 0.55;
        if (i < glyphs.size()) {
            const QStringList parts = glyphs[i].split(QLatin1Char(','));
            if (parts.size() >= 2 && !parts[1].trimmed().isEmpty())
                advance = number(parts[1], advance * 100) / 100;
        }
        advances.append(advance);
    }
    return advances;
}

// The words of a run as boxes in points: from its first character's left to its last one's
// right, from the ascent to the descent, mapped onto the page.
void addBoxes(const Run &run, QList<TextBox> &boxes)
{
    constexpr double pointsPerUnit = 72.0 / 96.0;
    double x = run.start.x();
    qsizetype wordStart = -1;
    double wordLeft = 0;
    for (qsizetype i = 0; i <= run.text.size(); ++i) {
        const bool space = i == run.text.size() || run.text[i].isSpace();
        if (space && wordStart >= 0) {
            const QRectF glyphSpace(
                wordLeft, run.start.y() - run.ascent * run.size, x - wordLeft, (run.ascent + run.descent) * run.size);
            const QRectF page = run.toPage.mapRect(glyphSpace);
            boxes.append(TextBox {run.text.mid(wordStart, i - wordStart),
                QRectF(page.topLeft() * pointsPerUnit, page.size() * pointsPerUnit), i < run.text.size(), false});
            wordStart = -1;
        } else if (!space && wordStart < 0) {
            wordStart = i;
            wordLeft = x;
        }
        if (i < run.text.size())
            x += run.advances.value(i) * run.size;
    }
}

} // namespace

Package::Package(archive::ArchiveReader &reader)
    : m_reader(reader)
{
    const QList<archive::Entry> &entries = reader.entries();
    for (int i = 0; i < entries.size(); ++i)
        if (entries[i].kind == archive::Entry::Kind::File)
            m_parts.insert(normalized(entries[i].path), i);
}

int Package::find(const QString &reference, const QString &base) const
{
    QString path = reference.trimmed();
    if (!path.startsWith(QLatin1Char('/'))) {
        const qsizetype slash = base.lastIndexOf(QLatin1Char('/'));
        path = (slash >= 0 ? base.left(slash + 1) : QString()) + path;
    }
    return m_parts.value(normalized(path), -1);
}

QString Package::partName(int index) const
{
    return m_reader.entries().value(index).path;
}

Result<QByteArray> Package::read(int index, qint64 maxBytes, const CancellationToken &token)
{
    Result<QByteArray> data = m_reader.readEntry(index, maxBytes, token);
    if (!data)
        return data.status().withPart(partName(index));
    return data;
}

Result<PackageStructure> Package::readStructure(const Limits &limits, const CancellationToken &token)
{
    PackageStructure structure;

    // The root relationships name the FixedDocumentSequence.
    const int rels = find(QStringLiteral("/_rels/.rels"));
    if (rels < 0)
        return Status(StatusCode::Corrupt, tr("The XPS package has no _rels/.rels part"));
    Result<QByteArray> relsData = read(rels, maxStructureBytes, token);
    if (!relsData)
        return relsData.status();
    QString sequencePath;
    {
        SafeXmlReader xml(*relsData, partName(rels), limits, token);
        while (xml.readNextStartElement()) {
            if (xml.xml().name() != QLatin1String("Relationship"))
                continue;
            const QString type = xml.attribute("Type");
            if (type == xpsRepresentation || type == oxpsRepresentation) {
                structure.openXps = type == oxpsRepresentation;
                sequencePath = xml.attribute("Target");
                break;
            }
        }
        if (!xml.status())
            return xml.status();
    }
    const int sequence = sequencePath.isEmpty() ? -1 : find(sequencePath);
    if (sequence < 0)
        return Status(StatusCode::Corrupt, tr("The XPS package has no FixedDocumentSequence"));

    Result<QByteArray> sequenceData = read(sequence, maxStructureBytes, token);
    if (!sequenceData)
        return sequenceData.status();
    QList<int> documents;
    {
        SafeXmlReader xml(*sequenceData, partName(sequence), limits, token);
        while (xml.readNextStartElement()) {
            if (xml.xml().name() != QLatin1String("DocumentReference"))
                continue;
            const int document = find(xml.attribute("Source"), partName(sequence));
            if (document < 0)
                return Status(StatusCode::Corrupt,
                    tr("The FixedDocument %1 named by the FixedDocumentSequence is missing")
                        .arg(xml.attribute("Source")));
            documents.append(document);
            if (documents.size() > limits.maxPageCount)
                break;
        }
        if (!xml.status())
            return xml.status();
    }

    for (const int document : std::as_const(documents)) {
        Result<QByteArray> data = read(document, maxStructureBytes, token);
        if (!data)
            return data.status();
        PackageStructure::FixedDocument fixed;
        fixed.part = document;
        SafeXmlReader xml(*data, partName(document), limits, token);
        while (xml.readNextStartElement()) {
            const QStringView name = xml.xml().name();
            if (name == QLatin1String("LinkTarget") && !structure.pages.isEmpty()) {
                fixed.anchors.insert(xml.attribute("Name"), int(structure.pages.size() - 1));
                continue;
            }
            if (name != QLatin1String("PageContent"))
                continue;
            structure.pages.append(find(xml.attribute("Source"), partName(document)));
            if (structure.pages.size() > limits.maxPageCount)
                return Status(StatusCode::LimitExceeded,
                    tr("The XPS document has more than %1 pages, the limit").arg(limits.maxPageCount));
        }
        if (!xml.status())
            return xml.status();
        Result<int> outline = related(document, QLatin1String("/documentstructure"), limits, token);
        if (!outline)
            return outline.status();
        fixed.structure = *outline;
        structure.documents.append(fixed);
    }
    return structure;
}

Result<Metadata> Package::coreProperties(const Limits &limits, const CancellationToken &token)
{
    Metadata metadata;
    const int rels = find(QStringLiteral("/_rels/.rels"));
    Result<QByteArray> relsData = rels < 0 ? Result<QByteArray>(QByteArray()) : read(rels, maxStructureBytes, token);
    if (!relsData)
        return relsData.status();
    int core = -1;
    {
        SafeXmlReader xml(*relsData, partName(rels), limits, token);
        while (core < 0 && xml.readNextStartElement())
            if (xml.xml().name() == QLatin1String("Relationship")
                && xml.attribute("Type").endsWith(QLatin1String("/metadata/core-properties")))
                core = find(xml.attribute("Target"));
        if (!xml.status())
            return xml.status();
    }
    if (core < 0)
        return metadata;
    Result<QByteArray> data = read(core, maxStructureBytes, token);
    if (!data)
        return data.status();
    // Local names (Dublin Core and OPC's) → Folio's keys.
    static const QList<QPair<QLatin1String, QLatin1String>> keys = {
        {QLatin1String("title"), QLatin1String("Title")},
        {QLatin1String("creator"), QLatin1String("Author")},
        {QLatin1String("subject"), QLatin1String("Subject")},
        {QLatin1String("keywords"), QLatin1String("Keywords")},
        {QLatin1String("description"), QLatin1String("Description")},
        {QLatin1String("category"), QLatin1String("Category")},
        {QLatin1String("created"), QLatin1String("CreationDate")},
        {QLatin1String("modified"), QLatin1String("ModificationDate")},
        {QLatin1String("lastModifiedBy"), QLatin1String("LastModifiedBy")},
        {QLatin1String("language"), QLatin1String("Language")},
    };
    SafeXmlReader xml(*data, partName(core), limits, token);
    while (xml.readNextStartElement()) {
        if (xml.depth() != 2)
            continue;
        const QString name = xml.xml().name().toString();
        for (const auto &[local, key] : keys) {
            if (name != local)
                continue;
            const QString value = xml.readText().trimmed();
            if (!value.isEmpty())
                metadata.append({key, value});
            break;
        }
    }
    if (!xml.status())
        return xml.status();
    return metadata;
}

Result<int> Package::related(int part, QLatin1String type, const Limits &limits, const CancellationToken &token)
{
    // The relationships of "a/b.fdoc" are "a/_rels/b.fdoc.rels".
    const QString name = partName(part);
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    const QString rels = QStringLiteral("/") + name.left(slash + 1) + QStringLiteral("_rels/") + name.mid(slash + 1)
        + QStringLiteral(".rels");
    const int index = find(rels);
    if (index < 0)
        return -1;
    Result<QByteArray> data = read(index, maxStructureBytes, token);
    if (!data)
        return data.status();
    SafeXmlReader xml(*data, partName(index), limits, token);
    while (xml.readNextStartElement()) {
        if (xml.xml().name() == QLatin1String("Relationship") && xml.attribute("Type").endsWith(type))
            return find(xml.attribute("Target"), name);
    }
    if (!xml.status())
        return xml.status();
    return -1;
}

Result<QList<OutlineItem>> Package::outline(
    const PackageStructure &structure, const Limits &limits, const CancellationToken &token)
{
    constexpr int maxItems = 100'000;
    constexpr int maxLevel = 64;
    QList<OutlineItem> outline;
    int items = 0;
    for (const PackageStructure::FixedDocument &document : structure.documents) {
        if (document.structure < 0)
            continue;
        Result<QByteArray> data = read(document.structure, maxStructureBytes, token);
        if (!data)
            return data.status();
        // The page an OutlineTarget ("FixedDocument.fdoc#anchor") leads to: the anchor in the
        // FixedDocument it names, or in any when it names none Folio knows.
        const auto target = [&](const QString &reference) {
            const qsizetype hash = reference.indexOf(QLatin1Char('#'));
            if (hash < 0)
                return -1;
            const QString anchor = reference.mid(hash + 1);
            const int part = find(reference.left(hash), partName(document.structure));
            for (const PackageStructure::FixedDocument &candidate : structure.documents)
                if (candidate.part == part && candidate.anchors.contains(anchor))
                    return candidate.anchors.value(anchor);
            for (const PackageStructure::FixedDocument &candidate : structure.documents)
                if (candidate.anchors.contains(anchor))
                    return candidate.anchors.value(anchor);
            return -1;
        };
        SafeXmlReader xml(*data, partName(document.structure), limits, token);
        // The list each level's entries go into: path[0] is the top level.
        QList<QList<OutlineItem> *> path {&outline};
        while (xml.readNextStartElement()) {
            if (xml.xml().name() != QLatin1String("OutlineEntry"))
                continue;
            if (++items > maxItems)
                return outline;
            bool ok = false;
            int level = xml.attribute("OutlineLevel").toInt(&ok);
            if (!ok || level < 1)
                level = 1;
            level = std::min({level, int(path.size()), maxLevel});
            path.resize(level);
            OutlineItem item;
            item.title = xml.attribute("Description").simplified();
            item.page = target(xml.attribute("OutlineTarget"));
            path.last()->append(item);
            path.append(&path.last()->last().children);
        }
        if (!xml.status())
            return xml.status();
    }
    return outline;
}

QByteArray deobfuscatedFont(QByteArray data, const QString &partName)
{
    QString guid = partName.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0);
    guid.remove(QLatin1Char('-'));
    const QByteArray bytes = QByteArray::fromHex(guid.toLatin1());
    if (guid.size() != 32 || bytes.size() != 16 || data.size() < 32)
        return data;
    for (int i = 0; i < 32; ++i)
        data[i] = char(data[i] ^ bytes[15 - i % 16]);
    return data;
}

Result<PageContent> readPage(const QByteArray &xml, const QString &partName, const Limits &limits,
    const CancellationToken &token, const FontLoader &font)
{
    PageContent content;
    // Fonts once per page: QRawFont needs Qt's font database, so a QGuiApplication.
    const bool canLoadFonts = font && qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    QHash<QString, QRawFont> fonts;
    const auto rawFont = [&](const QString &uri) {
        if (!canLoadFonts)
            return QRawFont();
        if (!fonts.contains(uri)) {
            const QByteArray data = font(uri);
            fonts.insert(uri, data.isEmpty() ? QRawFont() : QRawFont(data, 100));
        }
        return fonts.value(uri);
    };
    SafeXmlReader reader(xml, partName, limits, token);
    // The transform of each open element (a Canvas's applies to its children).
    QList<QTransform> transforms {QTransform()};
    QList<Run> runs;
    // A Glyphs element whose RenderTransform may still come as a child element.
    struct Pending
    {
        Run run;
        QPointF origin; // before the Glyphs' own transform
        QTransform own;
        QString indices;
        QString fontUri;
        int depth = -1;
    };
    std::optional<Pending> glyphs;
    const auto finish = [&] {
        Run run = glyphs->run;
        const QTransform full = glyphs->own * transforms.value(transforms.size() - 2);
        run.origin = full.map(glyphs->origin);
        run.start = glyphs->origin;
        run.size = run.em;
        run.toPage = full;
        // The em on the page: the size scaled by the transform's vertical factor.
        run.em = run.em * std::hypot(full.m21(), full.m22());
        QList<double> fontAdvances;
        const QRawFont raw = rawFont(glyphs->fontUri);
        if (raw.isValid()) {
            const QList<quint32> indexes = raw.glyphIndexesForString(run.text);
            if (indexes.size() == run.text.size())
                for (const QPointF &advance : raw.advancesForGlyphIndexes(indexes))
                    fontAdvances.append(advance.x() / 100);
            run.ascent = raw.ascent() / 100;
            run.descent = raw.descent() / 100;
        }
        run.advances = advancesOf(run.text, glyphs->indices, fontAdvances);
        run.width = std::accumulate(run.advances.cbegin(), run.advances.cend(), 0.0) * run.em;
        if (!run.text.isEmpty())
            runs.append(run);
        glyphs.reset();
    };

    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType type = reader.readNext();
        if (type == QXmlStreamReader::StartElement) {
            const QStringView name = reader.xml().name();
            const QTransform parent = transforms.last();
            QTransform own;
            if (name == QLatin1String("Canvas") || name == QLatin1String("Glyphs"))
                own = matrix(reader.attribute("RenderTransform"));
            transforms.append(own * parent);
            if (name == QLatin1String("Path")) {
                const QString uri = reader.attribute("FixedPage.NavigateUri");
                if (!uri.isEmpty() && reader.xml().attributes().hasAttribute(QLatin1String("Data")))
                    content.pathLinks.append(uri);
            } else if (name == QLatin1String("Glyphs")) {
                if (glyphs)
                    finish();
                Pending pending;
                QString text = reader.attribute("UnicodeString");
                // "{}" at the start escapes a string that begins with '{'.
                if (text.startsWith(QLatin1String("{}")))
                    text = text.mid(2);
                pending.run.text = text;
                pending.run.em = number(reader.attribute("FontRenderingEmSize"));
                pending.origin = QPointF(number(reader.attribute("OriginX")), number(reader.attribute("OriginY")));
                pending.own = own;
                pending.indices = reader.attribute("Indices");
                pending.fontUri = reader.attribute("FontUri");
                pending.depth = reader.depth();
                glyphs = pending;
            } else if (name == QLatin1String("MatrixTransform") && transforms.size() >= 4) {
                // <Canvas.RenderTransform><MatrixTransform Matrix="..."/>: the owner is two up.
                const QTransform value = matrix(reader.attribute("Matrix"));
                if (glyphs && reader.depth() == glyphs->depth + 2) {
                    glyphs->own = value;
                } else {
                    // Canvas.RenderTransform: replace the Canvas's own transform for its children.
                    const qsizetype owner = transforms.size() - 3;
                    transforms[owner] = value * transforms[owner - 1];
                }
            }
        } else if (type == QXmlStreamReader::EndElement) {
            if (glyphs && reader.depth() + 1 == glyphs->depth)
                finish();
            if (transforms.size() > 1)
                transforms.removeLast();
        }
    }
    if (!reader.status())
        return reader.status();

    QString &text = content.text;
    const Run *previous = nullptr;
    for (const Run &run : std::as_const(runs)) {
        if (previous) {
            const double em = std::max({previous->em, run.em, 1.0});
            const bool newLine = std::abs(run.origin.y() - previous->origin.y()) > em / 2;
            const bool apart = run.origin.x() - (previous->origin.x() + previous->width) > em / 6;
            if (newLine)
                text += QLatin1Char('\n');
            else if (apart && !text.endsWith(QLatin1Char(' ')) && !run.text.startsWith(QLatin1Char(' ')))
                text += QLatin1Char(' ');
            if (!content.boxes.isEmpty()) {
                content.boxes.last().lineEnd = newLine;
                content.boxes.last().spaceAfter = newLine || apart || run.text.startsWith(QLatin1Char(' '));
            }
        }
        text += run.text;
        addBoxes(run, content.boxes);
        previous = &run;
    }
    if (!content.boxes.isEmpty())
        content.boxes.last().lineEnd = true;
    if (!text.isEmpty())
        text += QLatin1Char('\n');
    return content;
}

} // namespace folio::xps
