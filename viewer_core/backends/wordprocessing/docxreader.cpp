// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxreader.h"

#include "backends/office/math/mathreaders.h"

#include "backends/common/text/textdocumentpages.h"
#include "backends/office/officeunits.h"

#include "backends/office/chart.h"
#include "backends/office/diagram.h"
#include "flowtable.h"
#include "fonts.h"
#include "wordprocessinglogging.h"
#include "xmlwalk.h"
#include <QAbstractTextDocumentLayout>

#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextTable>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>

namespace folio::wordprocessing::docx {

using namespace xml;

namespace {

// Body paragraphs appended between two layouts: few at first, so the first page shows at once,
// then more per step, since every step costs the layout a walk over what came before.
constexpr int MaxParagraphsPerStep = 96;
constexpr int MaxTableDepth = 8; // deeper tables are flattened into paragraphs
constexpr int MaxColumns = 63; // Word's own limit
constexpr int MaxTextBoxDepth = 4;
constexpr qreal CellPadding = 5.4; // points: Word's default left/right cell margin
constexpr qreal DropCapGap = 3; // points between a drop cap and the text beside it

// East Asian letters (ideographs, kana, Hangul), not their punctuation.
bool isEastAsian(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF && !(c >= 0x3000 && c <= 0x303F)) || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

enum class ScriptSide { Other, EastAsian, Letter, Digit };

ScriptSide sideOf(char32_t c)
{
    if (isEastAsian(c))
        return ScriptSide::EastAsian;
    if (c < 0x2000 && QChar::isDigit(c))
        return ScriptSide::Digit;
    if (c < 0x2000 && QChar::isLetter(c))
        return ScriptSide::Letter;
    return ScriptSide::Other;
}

// `text` with a four-per-em space wherever East Asian text meets a Latin letter or a digit
// (`before` is the character in front of it), the room Word and LibreOffice leave there.
QString autoSpaced(char32_t before, const QString &text, bool letters, bool digits)
{
    const auto needsRoom = [&](ScriptSide a, ScriptSide b) {
        if (a == ScriptSide::EastAsian)
            std::swap(a, b);
        return b == ScriptSide::EastAsian
            && ((a == ScriptSide::Letter && letters) || (a == ScriptSide::Digit && digits));
    };
    QString spaced;
    ScriptSide previous = sideOf(before);
    qsizetype copied = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        const qsizetype at = i;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const ScriptSide side = sideOf(c);
        if (side != ScriptSide::Other && previous != ScriptSide::Other && needsRoom(previous, side)) {
            spaced += QStringView(text).sliced(copied, at - copied);
            spaced += QChar(0x2005);
            copied = at;
        }
        previous = side;
    }
    if (spaced.isEmpty())
        return text;
    spaced += QStringView(text).sliced(copied);
    return spaced;
}

// The change w:ins, w:del, w:moveFrom or w:moveTo stands for.
TrackedChange trackedChange(QStringView element)
{
    return element == u"ins"   ? TrackedChange::Insertion
        : element == u"del"    ? TrackedChange::Deletion
        : element == u"moveTo" ? TrackedChange::MovedTo
                               : TrackedChange::MovedFrom;
}

// How wide `document`'s text is, in points.
qreal textWidth(const QTextDocument &document)
{
    qreal widest = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        qreal width = 0;
        for (auto it = block.begin(); !it.atEnd(); ++it)
            width
                += pointWidth(it.fragment().charFormat().font().resolve(document.defaultFont()), it.fragment().text());
        widest = std::max(widest, width);
    }
    return widest;
}

QString noteNumber(int number, bool endnote)
{
    return endnote ? Numbering::formatNumber(number, Numbering::Format::LowerRoman) : QString::number(number);
}

// Marks a note's own number in its text (w:footnoteRef), set once the note's number is known.
constexpr int NoteNumberProperty = QTextFormat::UserProperty + 61;

void setNoteNumber(QTextDocument &note, const QString &number)
{
    QList<std::pair<int, int>> marks; // position, length
    for (QTextBlock block = note.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().boolProperty(NoteNumberProperty) && fragment.text() != number)
                marks.append({fragment.position(), fragment.length()});
        }
    }
    for (auto it = marks.crbegin(); it != marks.crend(); ++it) {
        QTextCursor cursor(&note);
        cursor.setPosition(it->first + 1);
        const QTextCharFormat format = cursor.charFormat();
        cursor.setPosition(it->first);
        cursor.setPosition(it->first + it->second, QTextCursor::KeepAnchor);
        cursor.insertText(number, format);
    }
}

// pgSz, pgMar, ... of one w:sectPr slice of the raw XML; read without namespace processing, as
// its prefixes are declared on the root element.
void readSectionSlice(
    QByteArrayView slice, SectionSetup &setup, QString headers[3], QString footers[3], bool &continuous)
{
    QXmlStreamReader reader(slice.toByteArray());
    reader.setNamespaceProcessing(false);
    const auto local = [&reader] {
        const QStringView qualified = reader.qualifiedName();
        const qsizetype colon = qualified.indexOf(u':');
        return colon < 0 ? qualified : qualified.mid(colon + 1);
    };
    const auto value = [&reader](QStringView name) -> std::optional<double> {
        for (const QXmlStreamAttribute &attribute : reader.attributes()) {
            const QStringView qualified = attribute.qualifiedName();
            const qsizetype colon = qualified.indexOf(u':');
            if ((colon < 0 ? qualified : qualified.mid(colon + 1)) == name) {
                bool ok = false;
                const double number = attribute.value().toDouble(&ok);
                if (ok)
                    return number;
                return std::nullopt;
            }
        }
        return std::nullopt;
    };
    const auto text = [&reader](QStringView name) {
        for (const QXmlStreamAttribute &attribute : reader.attributes()) {
            const QStringView qualified = attribute.qualifiedName();
            const qsizetype colon = qualified.indexOf(u':');
            if ((colon < 0 ? qualified : qualified.mid(colon + 1)) == name)
                return attribute.value().toString();
        }
        return QString();
    };
    int kinds = 0;
    while (!reader.atEnd() && ++kinds < 1000) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView n = local();
        PageGeometry &g = setup.geometry;
        if (n == u"pgSz") {
            g.size = QSizeF(
                office::twipsToPoints(value(u"w").value_or(12240)), office::twipsToPoints(value(u"h").value_or(15840)));
        } else if (n == u"pgMar") {
            g.margins = QMarginsF(office::twipsToPoints(value(u"left").value_or(1440)),
                office::twipsToPoints(std::abs(value(u"top").value_or(1440))),
                office::twipsToPoints(value(u"right").value_or(1440)),
                office::twipsToPoints(std::abs(value(u"bottom").value_or(1440))));
            g.margins.setLeft(g.margins.left() + office::twipsToPoints(value(u"gutter").value_or(0)));
            g.headerDistance = office::twipsToPoints(value(u"header").value_or(720));
            g.footerDistance = office::twipsToPoints(value(u"footer").value_or(720));
        } else if (n == u"headerReference" || n == u"footerReference") {
            const QString type = text(u"type");
            const int kind = type == QLatin1String("first") ? FirstHeader
                : type == QLatin1String("even")             ? EvenHeader
                                                            : DefaultHeader;
            (n == u"headerReference" ? headers : footers)[kind] = text(u"id");
        } else if (n == u"titlePg") {
            const QString v = text(u"val");
            setup.titlePage = v.isEmpty() || office::parseOnOff(&v);
        } else if (n == u"type") {
            continuous = text(u"val") == QLatin1String("continuous");
        } else if (n == u"pgNumType") {
            if (const auto start = value(u"start"))
                setup.pageNumberStart = int(std::clamp(*start, 0.0, 1e6));
        }
    }
}

} // namespace

// Where content goes: the cursor (the body's, a cell's, a header's) and whether its current
// block is still unused.
struct DocxReader::Out
{
    SafeXmlReader *xml = nullptr;
    QString part; // the part being read, for its relationships
    QTextCursor *cursor = nullptr;
    bool *fresh = nullptr;
    bool body = false; // the main flow: headings go to the outline, sections break
    bool margin = false; // a header or footer: page fields become placeholders
    int tableDepth = 0;
    int boxDepth = 0;
    bool pageBreakPending = false; // the next paragraph starts a page
    bool splitPending = false; // a page break in this paragraph: what follows starts a page
    QTextBlockFormat blockFormat;
    QTextCharFormat paragraphChars;
    int heading = -1;
    bool sectionBreak = false;
    // In a table cell: what the table style gives its paragraphs and runs, under their own styles.
    ParaProps tableParagraph;
    RunProps tableRun;
    bool inStyledTable = false;
    std::optional<QColor> cellShading; // the cell's background, for automatic text colour
    bool paragraphHidden = false; // the paragraph's style hides its runs (w:vanish)
    bool autoSpaceLetters = true; // room between East Asian text and Latin letters (w:autoSpaceDE)
    bool autoSpaceDigits = true; // and digits (w:autoSpaceDN)
    QList<std::shared_ptr<FlowTextDocument>> boxes; // text boxes of the current paragraph
    std::optional<FloatPlacement> placement; // of the paragraph's anchored picture or text box
    QStringList bookmarks; // met between paragraphs: they mark the next one
    QStringList comments; // comment anchors met between paragraphs: likewise
    // Paragraphs inside a tracked change (w:ins, w:del... around w:p), shown as markup.
    TrackedChange change = TrackedChange::None;
    QString changeAuthor;
};

// What runs inherit from their surroundings.
struct DocxReader::Run
{
    QString href;
    TrackedChange change = TrackedChange::None; // shown as markup (RenderTrackedChanges)
    QString author;
};

DocxReader::DocxReader(FlowDocument &flow)
    : m_flow(flow)
{ }

DocxReader::~DocxReader() = default;

Result<std::unique_ptr<Document>> DocxReader::open(std::unique_ptr<office::Package> package, const QString &formatName,
    const QString &mimeType, const Limits &limits, RenderOptions options, const CancellationToken &token,
    const ProgressCallback &progress)
{
    return FlowDocument::create(
        QStringLiteral("docx"), std::move(package), formatName, mimeType, limits, options,
        [](FlowDocument &flow) { return std::make_unique<DocxReader>(flow); }, token, progress);
}

Status DocxReader::prepare(const CancellationToken &token)
{
    m_token = &token;
    office::Package &package = m_flow.package();
    if (const auto main = package.relationshipOfType(QString(), u"officeDocument", token))
        m_mainPart = package.targetPath(QString(), *main);
    if (token.isCancelled())
        return Status::fromToken(token);
    if (m_mainPart.isEmpty() || !package.contains(m_mainPart))
        m_mainPart = QStringLiteral("word/document.xml");
    Result<QByteArray> body = package.read(m_mainPart, token);
    if (!body)
        return body.status();
    m_body = std::move(body).value();

    // Styles, numbering and settings: a broken one costs formatting, not the document.
    const auto readPart = [&](QStringView type, const auto &read) -> Status {
        const auto relationship = package.relationshipOfType(m_mainPart, type, token);
        if (!relationship)
            return Status::fromToken(token);
        const QString path = package.targetPath(m_mainPart, *relationship);
        if (path.isEmpty())
            return {};
        Result<QByteArray> bytes = package.read(path, token);
        if (!bytes) {
            qCInfo(lcWordProcessing) << "part" << path << "unreadable:" << bytes.status().message();
            return bytes.status().code() == StatusCode::Corrupt ? Status() : bytes.status();
        }
        SafeXmlReader xml(*bytes, path, package.limits(), token);
        read(xml);
        if (!xml.status() && xml.status().code() != StatusCode::Corrupt)
            return xml.status();
        return {};
    };
    if (Status status = readPart(u"styles", [this](SafeXmlReader &xml) { m_styles.read(xml); }); !status)
        return status;
    if (Status status = readPart(u"numbering", [this](SafeXmlReader &xml) { m_numbering.read(xml); }); !status)
        return status;
    if (Status status = readPart(u"settings",
            [this](SafeXmlReader &xml) {
                while (xml.readNextStartElement()) {
                    if (name(xml) == u"evenAndOddHeaders") {
                        const QString value = val(xml);
                        m_evenAndOdd = !hasAttribute(xml, u"val") || office::parseOnOff(&value);
                    }
                }
            });
        !status)
        return status;

    // The theme's fonts (DrawingML a:majorFont / a:minorFont).
    if (Status status = readPart(u"theme",
            [this](SafeXmlReader &xml) {
                QString *target = nullptr;
                while (xml.readNextStartElement()) {
                    if (name(xml) == u"majorFont")
                        target = &m_majorFont;
                    else if (name(xml) == u"minorFont")
                        target = &m_minorFont;
                    else if (name(xml) == u"latin" && target && !attribute(xml, u"typeface").isEmpty())
                        *std::exchange(target, nullptr) = attribute(xml, u"typeface");
                }
            });
        !status)
        return status;

    // Comments, for annotations(): who, when, and their text as plain text.
    if (Status status = readPart(u"comments", [this](SafeXmlReader &xml) { readComments(xml); }); !status)
        return status;

    // The document's default font (docDefaults, then the default paragraph style).
    RunProps defaults = m_styles.defaultRun();
    defaults.mergeFrom(m_styles.runOf(m_styles.defaultParagraphStyle()));
    resolveTheme(defaults);
    QFont font;
    font.setFamilies(fonts::substitutes(defaults.font.value_or(QStringLiteral("Calibri"))));
    font.setPointSizeF(std::clamp(defaults.size.value_or(m_styles.defaultRun().size ? 10.0 : 11.0), 1.0, 1638.0));
    m_flow.setDefaultFont(font);

    scanSections(m_body);
    startSection(0, token);
    return {};
}

void DocxReader::scanSections(const QByteArray &xml)
{
    // Section properties come at the end of each section, but pages must have their size from
    // the first one laid out: find every w:sectPr in the raw XML first (cheap: no layout).
    qsizetype from = 0;
    while (m_sections.size() < 10000) {
        const qsizetype found = xml.indexOf("sectPr", from);
        if (found < 0)
            break;
        from = found + 6;
        if (from >= xml.size())
            break;
        const char after = xml.at(from);
        if (after != '>' && after != ' ' && after != '/' && after != '\n' && after != '\r' && after != '\t')
            continue; // sectPrChange
        qsizetype start = found - 1;
        while (start >= 0 && (std::isalnum(uchar(xml.at(start))) || xml.at(start) == '_' || xml.at(start) == '-'))
            --start;
        if (start >= 0 && xml.at(start) == ':')
            --start;
        while (start >= 0 && (std::isalnum(uchar(xml.at(start))) || xml.at(start) == '_' || xml.at(start) == '-'))
            --start;
        if (start < 0 || xml.at(start) != '<')
            continue; // an end tag or text
        // The previous section's w:sectPr inside w:sectPrChange (tracked formatting): not a section.
        const qsizetype change = xml.lastIndexOf("sectPrChange", start);
        if (change >= 0 && xml.indexOf("sectPrChange", change + 12) < 0 && xml.at(change - 1) != '/'
            && xml.lastIndexOf("/", change) != change - 1) {
            const qsizetype changeEnd = xml.indexOf("sectPrChange>", change + 12);
            if (changeEnd < 0 || changeEnd > start)
                continue;
        }
        qsizetype end = xml.indexOf("sectPr>", from);
        const qsizetype selfClose = xml.indexOf('>', from);
        if (selfClose > 0 && xml.at(selfClose - 1) == '/')
            end = selfClose + 1;
        else if (end >= 0)
            end += 7;
        if (end < 0 || end - start > (1 << 20))
            break;
        Section section;
        readSectionSlice(QByteArrayView(xml).sliced(start, end - start), section.setup, section.headerIds,
            section.footerIds, section.continuous);
        section.setup.evenAndOdd = m_evenAndOdd;
        m_sections.append(section);
        from = end;
    }
    if (m_sections.isEmpty())
        m_sections.append(Section());
    // A section without a header of some kind keeps its predecessor's (OOXML inheritance).
    for (qsizetype i = 1; i < m_sections.size(); ++i) {
        for (int kind = 0; kind < 3; ++kind) {
            if (m_sections[i].headerIds[kind].isEmpty())
                m_sections[i].headerIds[kind] = m_sections[i - 1].headerIds[kind];
            if (m_sections[i].footerIds[kind].isEmpty())
                m_sections[i].footerIds[kind] = m_sections[i - 1].footerIds[kind];
        }
    }
}

void DocxReader::startSection(int index, const CancellationToken &token)
{
    Section &section = m_sections[std::clamp(index, 0, int(m_sections.size() - 1))];
    for (int kind = 0; kind < 3; ++kind) {
        section.setup.header[kind] = marginPart(section.headerIds[kind], token);
        section.setup.footer[kind] = marginPart(section.footerIds[kind], token);
    }
    m_flow.startSection(section.setup);
}

std::shared_ptr<FlowTextDocument> DocxReader::marginPart(const QString &relationshipId, const CancellationToken &token)
{
    if (relationshipId.isEmpty())
        return {};
    const QString path = relationshipTarget(m_mainPart, relationshipId);
    if (path.isEmpty())
        return {};
    if (const auto found = m_margins.constFind(path); found != m_margins.cend())
        return *found;
    std::shared_ptr<FlowTextDocument> document;
    if (Result<QByteArray> bytes = m_flow.package().read(path, token)) {
        document = m_flow.newTextDocument();
        SafeXmlReader xml(*bytes, path, m_flow.package().limits(), token);
        QTextCursor cursor(document.get());
        bool fresh = true;
        Out out;
        out.xml = &xml;
        out.part = path;
        out.cursor = &cursor;
        out.fresh = &fresh;
        out.margin = true;
        const QList<Field> fields = std::exchange(m_fields, {});
        if (xml.readNextStartElement())
            blockContent(out);
        m_fields = fields;
        if (!xml.status())
            qCInfo(lcWordProcessing) << "header or footer" << path << "incomplete:" << xml.status().message();
        text::deliverPendingTimers(document->documentLayout());
    }
    m_margins.insert(path, document);
    return document;
}

void DocxReader::restartBody()
{
    // The body's reader outlives the calls that use it, so it polls no token of its own (it would
    // keep the first call's); readMore() polls the caller's. After a cancel in the middle of an
    // element, reading starts over and skips the elements already shown (parsing alone is fast).
    m_xml = std::make_unique<SafeXmlReader>(m_body, m_mainPart, m_flow.package().limits(), CancellationToken());
    m_bodyDepth = -1;
    SafeXmlReader &xml = *m_xml;
    while (m_bodyDepth < 0 && xml.readNextStartElement()) {
        if (name(xml) == u"body")
            m_bodyDepth = xml.depth();
    }
    if (m_bodyDepth >= 0 && !skipChildren(xml, m_bodyDepth, m_elements))
        m_bodyEnded = true;
}

Status DocxReader::readMore(const CancellationToken &token)
{
    m_token = &token;
    if (!m_xml)
        restartBody();
    SafeXmlReader &xml = *m_xml;
    QTextCursor &cursor = m_flow.cursor();
    Out out;
    out.xml = &xml;
    out.part = m_mainPart;
    out.cursor = &cursor;
    out.fresh = &m_flow.sectionFresh();
    out.body = true;
    out.pageBreakPending = m_breakPending;
    int paragraphs = 0;
    const int step = m_stepSize;
    m_stepSize = std::min(m_stepSize * 2, MaxParagraphsPerStep);
    while (!m_bodyEnded && !xml.atEnd() && paragraphs < step) {
        if (token.isCancelled())
            break;
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::EndElement && m_bodyDepth >= 0 && xml.depth() < m_bodyDepth) {
            m_bodyEnded = true;
            break;
        }
        if (type != QXmlStreamReader::StartElement)
            continue;
        if (m_bodyDepth < 0) {
            if (name(xml) == u"body")
                m_bodyDepth = xml.depth();
            continue;
        }
        if (name(xml) == u"sectPr") {
            xml.skipElement(); // the last section's: read by scanSections()
            ++m_elements;
            continue;
        }
        // What a cancelled table leaves behind is taken back (see restartBody()).
        const int mark = cursor.position();
        const bool freshBefore = *out.fresh;
        const Numbering numbering = m_numbering;
        const auto footnotes = m_footnotes;
        const auto endnotes = m_endnotes;
        const auto comments = m_comments;
        const qsizetype commentAnchors = m_flow.commentAnchorCount();
        m_interrupted = false;
        blockElement(out);
        if (xml.depth() > m_bodyDepth)
            xml.skipElement();
        if (m_interrupted) {
            QTextCursor partial(cursor.document());
            partial.setPosition(mark);
            partial.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
            partial.removeSelectedText();
            cursor.movePosition(QTextCursor::End);
            *out.fresh = freshBefore;
            m_numbering = numbering;
            m_footnotes = footnotes;
            m_endnotes = endnotes;
            m_comments = comments;
            m_flow.dropCommentAnchors(commentAnchors);
            m_xml.reset();
            m_breakPending = out.pageBreakPending;
            return Status::fromToken(token);
        }
        ++m_elements;
        ++paragraphs;
        if (out.sectionBreak) {
            out.sectionBreak = false;
            ++m_section;
            if (m_section < m_sections.size()) {
                const Section &next = m_sections[m_section];
                const Section &previous = m_sections[m_section - 1];
                // A continuous break with the same page keeps flowing (column changes and the like).
                if (!(next.continuous && next.setup.geometry.size == previous.setup.geometry.size
                        && next.setup.geometry.margins == previous.setup.geometry.margins))
                    startSection(m_section, token);
            }
        }
    }
    m_breakPending = out.pageBreakPending;
    if (token.isCancelled())
        return Status::fromToken(token);
    if (!xml.status())
        return xml.status();
    if (m_bodyEnded || xml.atEnd())
        return finish(token);
    return {};
}

void DocxReader::readComments(SafeXmlReader &xml)
{
    while (xml.readNextStartElement()) {
        if (name(xml) != u"comment")
            continue;
        const QString id = attribute(xml, u"id");
        FlowDocument::Comment comment;
        comment.author = attribute(xml, u"author");
        comment.date = QDateTime::fromString(attribute(xml, u"date"), Qt::ISODate);
        QString text;
        int paragraphs = 0;
        // The text of the comment's paragraphs, tables included, one line each.
        const int depth = xml.depth();
        while (!xml.atEnd()) {
            const QXmlStreamReader::TokenType type = xml.readNext();
            if (type == QXmlStreamReader::EndElement && xml.depth() < depth)
                break;
            if (type != QXmlStreamReader::StartElement)
                continue;
            const QStringView n = name(xml);
            if (n == u"p" && paragraphs++ > 0)
                text += u'\n';
            else if (n == u"t")
                text += xml.readText();
            else if (n == u"tab")
                text += u'\t';
            else if (n == u"br" || n == u"cr")
                text += u'\n';
        }
        comment.text = text.trimmed();
        m_flow.describeComment(id, std::move(comment));
    }
}

Status DocxReader::finish(const CancellationToken &token)
{
    if (m_bodyDepth < 0)
        qCInfo(lcWordProcessing) << m_mainPart << "has no body";
    // Footnotes are drawn at the foot of their pages (FlowDocument::footnoteMark()).
    appendNotes(QStringLiteral("endnotes"), u"endnote", m_endnotes, false, token);
    if (m_flow.options() & RenderOption::RenderComments)
        appendNotes(QStringLiteral("comments"), u"comment", m_comments, true, token);
    if (token.isCancelled())
        return Status::fromToken(token);
    m_done = true;
    m_xml.reset();
    m_body.clear();
    return {};
}

void DocxReader::appendNotes(const QString &relationshipType, QStringView element, const QHash<QString, int> &numbers,
    bool comments, const CancellationToken &token)
{
    if (numbers.isEmpty())
        return;
    office::Package &package = m_flow.package();
    const auto relationship = package.relationshipOfType(m_mainPart, relationshipType, token);
    const QString path = relationship ? package.targetPath(m_mainPart, *relationship) : QString();
    if (path.isEmpty())
        return;
    Result<QByteArray> bytes = package.read(path, token);
    if (!bytes) {
        qCInfo(lcWordProcessing) << "notes" << path << "unreadable:" << bytes.status().message();
        return;
    }
    SafeXmlReader xml(*bytes, path, package.limits(), token);
    Out out;
    out.xml = &xml;
    out.part = path;
    out.cursor = &m_flow.cursor();
    out.fresh = &m_flow.sectionFresh();
    // A short rule above the notes, as word processors draw it.
    QTextBlockFormat separator;
    separator.setTopMargin(m_flow.px(12));
    separator.setProperty(
        QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 30));
    if (*out.fresh) {
        out.cursor->setBlockFormat(separator);
        *out.fresh = false;
    } else {
        out.cursor->insertBlock(separator, QTextCharFormat());
    }
    if (comments) {
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        out.cursor->insertBlock(QTextBlockFormat(), bold);
        out.cursor->insertText(tr("Comments"));
    }
    // In the order of the part (the order of the marks in nearly every document).
    while (xml.readNextStartElement()) {
        if (name(xml) != element)
            continue;
        const QString id = attribute(xml, u"id");
        const auto number = numbers.constFind(id);
        if (number == numbers.cend()) {
            xml.skipElement();
            continue;
        }
        const bool endnote = element == u"endnote";
        m_currentNote = noteNumber(*number, endnote);
        if (comments) {
            const QString author = attribute(xml, u"author");
            m_prefix
                = QStringLiteral("[%1] ").arg(*number) + (author.isEmpty() ? QString() : author + QLatin1String(": "));
        }
        m_fields.clear();
        blockContent(out);
        m_prefix.clear();
    }
    m_currentNote.clear();
    if (!xml.status())
        qCInfo(lcWordProcessing) << "notes" << path << "incomplete:" << xml.status().message();
}

std::shared_ptr<FlowTextDocument> DocxReader::footnoteBody(const QString &id, const QString &number)
{
    if (!m_footnotesRead) {
        const CancellationToken &token = m_token ? *m_token : CancellationToken();
        office::Package &package = m_flow.package();
        const auto relationship = package.relationshipOfType(m_mainPart, QStringLiteral("footnotes"), token);
        const QString path = relationship ? package.targetPath(m_mainPart, *relationship) : QString();
        Result<QByteArray> bytes = path.isEmpty() ? Result<QByteArray>(QByteArray()) : package.read(path, token);
        if (token.isCancelled()) {
            m_interrupted = true; // the paragraph is read again, notes and all
            return {};
        }
        m_footnotesRead = true;
        if (!bytes) {
            qCInfo(lcWordProcessing) << "footnotes" << path << "unreadable:" << bytes.status().message();
            return {};
        }
        SafeXmlReader xml(*bytes, path, package.limits(), token);
        const QList<Field> fields = std::exchange(m_fields, {});
        const QString currentNote = m_currentNote;
        while (xml.readNextStartElement()) {
            if (name(xml) != u"footnote")
                continue;
            const QString type = attribute(xml, u"type");
            if (!type.isEmpty() && type != u"normal") {
                xml.skipElement(); // the separators: drawn by the layout
                continue;
            }
            const QString id = attribute(xml, u"id");
            std::shared_ptr<FlowTextDocument> body = m_flow.newTextDocument();
            QTextCursor cursor(body.get());
            bool fresh = true;
            Out out;
            out.xml = &xml;
            out.part = path;
            out.cursor = &cursor;
            out.fresh = &fresh;
            m_currentNote = QStringLiteral("*");
            m_fields.clear();
            blockContent(out);
            text::deliverPendingTimers(body->documentLayout());
            if (m_footnoteBodies.size() < FlowDocument::MaxFootnotes)
                m_footnoteBodies.insert(id, body);
        }
        m_currentNote = currentNote;
        m_fields = fields;
        if (token.isCancelled()) {
            m_footnoteBodies.clear();
            m_footnotesRead = false;
            m_interrupted = true;
            return {};
        }
        if (!xml.status())
            qCInfo(lcWordProcessing) << "footnotes" << path << "incomplete:" << xml.status().message();
    }
    const std::shared_ptr<FlowTextDocument> body = m_footnoteBodies.value(id);
    if (body)
        setNoteNumber(*body, number);
    return body;
}

void DocxReader::blockContent(Out &out)
{
    forChildren(*out.xml, [&] { blockElement(out); });
}

void DocxReader::blockElement(Out &out)
{
    SafeXmlReader &xml = *out.xml;
    const QStringView n = name(xml);
    if (n == u"p") {
        paragraph(out);
    } else if (n == u"tbl") {
        table(out);
    } else if (n == u"sdt") {
        forChildren(xml, [&] {
            if (name(xml) == u"sdtContent")
                blockContent(out);
        });
    } else if (n == u"customXml" || n == u"txbxContent") {
        blockContent(out);
    } else if (n == u"ins" || n == u"moveTo" || n == u"del" || n == u"moveFrom") {
        // Without markup the text reads as if every change were accepted: removals are left out.
        const TrackedChange change = trackedChange(n);
        if (!(m_flow.options() & RenderOption::RenderTrackedChanges)) {
            if (change == TrackedChange::Insertion || change == TrackedChange::MovedTo)
                blockContent(out);
            return;
        }
        const TrackedChange outerChange = std::exchange(out.change, change);
        QString outerAuthor = std::exchange(out.changeAuthor, attribute(xml, u"author"));
        blockContent(out);
        out.change = outerChange;
        out.changeAuthor = std::move(outerAuthor);
    } else if (n == u"AlternateContent") {
        bool done = false;
        forChildren(xml, [&] {
            if (!done && name(xml) == u"Choice") {
                done = true;
                blockContent(out);
            }
        });
    } else if (n == u"bookmarkStart") {
        out.bookmarks.append(attribute(xml, u"name"));
    } else if (n == u"commentRangeStart") {
        out.comments.append(attribute(xml, u"id"));
    }
    // The rest: nothing to show.
}

const ParaProps &DocxReader::paragraphStyle(const QString &id)
{
    const auto found = m_paragraphStyles.constFind(id);
    if (found != m_paragraphStyles.cend())
        return *found;
    ParaProps props = m_styles.defaultParagraph();
    props.mergeFrom(m_styles.paragraphOf(id));
    return *m_paragraphStyles.insert(id, props);
}

const RunProps &DocxReader::runStyle(const QString &id)
{
    const auto found = m_runStyles.constFind(id);
    if (found != m_runStyles.cend())
        return *found;
    RunProps props = m_styles.runOf(id);
    resolveTheme(props);
    return *m_runStyles.insert(id, props);
}

void DocxReader::resolveTheme(RunProps &props) const
{
    if (props.font == QLatin1String(ThemeMajor))
        props.font = m_majorFont;
    else if (props.font == QLatin1String(ThemeMinor))
        props.font = m_minorFont;
}

QTextCharFormat DocxReader::baseCharFormat(const RunProps &props) const
{
    QTextCharFormat format;
    props.apply(format);
    return format;
}

void DocxReader::paragraph(Out &out)
{
    SafeXmlReader &xml = *out.xml;
    ParaProps direct;
    QString styleId;
    bool started = false;
    out.boxes.clear();
    out.placement.reset();
    // A drop cap (w:framePr w:dropCap) is read into a document of its own, then floats left of
    // the paragraph that follows, which wraps around it.
    std::shared_ptr<FlowTextDocument> dropCap;
    QTextCursor dropCursor;
    bool dropFresh = true;
    QTextCursor *mainCursor = out.cursor;
    bool *mainFresh = out.fresh;
    qreal dropCapHeight = 0; // points: the exact line height Word gives it to span its lines
    const auto start = [&] {
        if (started)
            return;
        started = true;
        // A table style's paragraph and run properties sit between the defaults and the
        // paragraph's style (ECMA-376 17.7.2).
        ParaProps props = m_styles.defaultParagraph();
        RunProps chars = m_styles.defaultRun();
        if (out.inStyledTable) {
            props.mergeFrom(out.tableParagraph);
            props.mergeFrom(m_styles.paragraphOf(styleId));
            chars.mergeFrom(out.tableRun);
        } else {
            props = paragraphStyle(styleId);
        }
        chars.mergeFrom(runStyle(styleId.isEmpty() ? m_styles.defaultParagraphStyle() : styleId));
        resolveTheme(chars);
        // Numbering: its indents sit between the style's and the paragraph's own.
        const int numId = direct.numId.value_or(props.numId.value_or(0));
        const int ilvl = direct.ilvl.value_or(props.ilvl.value_or(0));
        QString marker;
        RunProps markerProps = chars;
        if (numId > 0) {
            const Numbering::Level *level = nullptr;
            marker = m_numbering.next(numId, ilvl, &level);
            if (level) {
                props.mergeFrom(level->paragraph);
                markerProps.mergeFrom(level->run);
                resolveTheme(markerProps);
            }
        }
        props.mergeFrom(direct);
        if (props.dropCapLines.value_or(0) > 0 && !out.margin && out.boxDepth == 0) {
            dropCap = m_flow.newTextDocument();
            dropCursor = QTextCursor(dropCap.get());
            out.cursor = &dropCursor;
            out.fresh = &dropFresh;
            props.left.reset();
            props.firstLine.reset();
            if (props.lineRule == ParaProps::Exact && props.lineValue)
                dropCapHeight = std::clamp(*props.lineValue, 1.0, 1000.0);
        }
        QTextBlockFormat format;
        props.apply(format, [this](qreal points) { return m_flow.px(points); });
        if (out.pageBreakPending) {
            format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
            out.pageBreakPending = false;
        }
        if (!marker.isEmpty() && props.firstLine && *props.firstLine < 0) {
            // The marker hangs in the indent: a tab stop where the text starts.
            QList<QTextOption::Tab> tabs = format.tabPositions();
            tabs.append(QTextOption::Tab(m_flow.px(-*props.firstLine), QTextOption::LeftTab));
            std::sort(tabs.begin(), tabs.end(),
                [](const QTextOption::Tab &a, const QTextOption::Tab &b) { return a.position < b.position; });
            format.setTabPositions(tabs);
        }
        out.paragraphChars = baseCharFormat(chars);
        out.paragraphHidden = chars.hidden.value_or(false);
        out.autoSpaceLetters = props.autoSpaceLetters.value_or(true);
        out.autoSpaceDigits = props.autoSpaceDigits.value_or(true);
        out.blockFormat = format;
        const int level = direct.outlineLevel ? (*direct.outlineLevel < 9 ? *direct.outlineLevel : -1)
                                              : m_styles.headingLevel(styleId);
        out.heading = out.body ? level : -1;
        beginBlock(out);
        if (!marker.isEmpty())
            insertText(out, marker + QLatin1Char('\t'), baseCharFormat(markerProps));
        if (!m_prefix.isEmpty()) {
            QTextCharFormat prefix = out.paragraphChars;
            prefix.setFontWeight(QFont::Bold);
            insertText(out, std::exchange(m_prefix, QString()), prefix);
        }
    };
    Run run;
    run.change = out.change;
    run.author = out.changeAuthor;
    forChildren(xml, [&] {
        if (name(xml) == u"pPr") {
            bool sectionBreak = false;
            readParaProps(xml, direct, &sectionBreak, &styleId);
            if (sectionBreak && out.body && out.tableDepth == 0)
                out.sectionBreak = true;
            return;
        }
        start();
        inlineContent(out, run);
    });
    start();
    if (dropCap) {
        out.cursor = mainCursor;
        out.fresh = mainFresh;
        insertDropCap(out, *dropCap, dropCapHeight);
    }
    if (out.heading >= 0 && !dropCap)
        m_flow.addHeading(out.cursor->block().text(), out.heading);
    if (out.placement)
        placePictureParagraph(*out.cursor, *out.placement);
    m_flow.insertTextBoxes(*out.cursor, *out.fresh, out.boxes);
    if (out.splitPending) {
        out.splitPending = false;
        out.pageBreakPending = true;
    }
}

void DocxReader::beginBlock(Out &out)
{
    if (*out.fresh) {
        formatFreshBlock(*out.cursor, out.blockFormat, out.paragraphChars);
        *out.fresh = false;
    } else {
        out.cursor->insertBlock(out.blockFormat, out.paragraphChars);
    }
    for (const QString &bookmark : std::as_const(out.bookmarks))
        m_flow.addBookmark(bookmark, *out.cursor);
    out.bookmarks.clear();
    for (const QString &comment : std::as_const(out.comments))
        m_flow.anchorComment(comment, *out.cursor);
    out.comments.clear();
}

void DocxReader::inlineContent(Out &out, const Run &inherited)
{
    SafeXmlReader &xml = *out.xml;
    const QStringView n = name(xml);
    if (n == u"r") {
        run(out, inherited);
    } else if (n == u"hyperlink") {
        Run link = inherited;
        const QString id = relationshipAttribute(xml, u"id");
        const QString anchor = attribute(xml, u"anchor");
        if (!id.isEmpty()) {
            bool external = false;
            const QString target = relationshipTarget(out.part, id, &external);
            if (external)
                link.href = anchor.isEmpty() ? target : target + QLatin1Char('#') + anchor;
        } else if (!anchor.isEmpty()) {
            link.href = QLatin1Char('#') + anchor;
        }
        forChildren(xml, [&] { inlineContent(out, link); });
    } else if (n == u"ins" || n == u"moveTo" || n == u"del" || n == u"moveFrom") {
        const TrackedChange change = trackedChange(n);
        if (!(m_flow.options() & RenderOption::RenderTrackedChanges)) {
            if (change == TrackedChange::Insertion || change == TrackedChange::MovedTo)
                forChildren(xml, [&] { inlineContent(out, inherited); });
            return;
        }
        Run marked = inherited;
        marked.change = change;
        marked.author = attribute(xml, u"author");
        forChildren(xml, [&] { inlineContent(out, marked); });
    } else if (n == u"smartTag" || n == u"customXml" || n == u"dir" || n == u"bdo") {
        forChildren(xml, [&] { inlineContent(out, inherited); });
    } else if (n == u"sdt") {
        forChildren(xml, [&] {
            if (name(xml) == u"sdtContent")
                forChildren(xml, [&] { inlineContent(out, inherited); });
        });
    } else if (n == u"fldSimple") {
        const QString instruction = attribute(xml, u"instr").trimmed();
        const QString keyword = instruction.section(u' ', 0, 0, QString::SectionSkipEmpty).toUpper();
        if (out.margin && (keyword == QLatin1String("PAGE") || keyword == QLatin1String("NUMPAGES"))) {
            field(out, keyword, out.paragraphChars);
            return; // the cached result is replaced by the page's number
        }
        forChildren(xml, [&] { inlineContent(out, inherited); });
    } else if (n == u"AlternateContent") {
        bool done = false;
        forChildren(xml, [&] {
            if (!done && name(xml) == u"Choice") {
                done = true;
                forChildren(xml, [&] { inlineContent(out, inherited); });
            }
        });
    } else if (n == u"oMath" || n == u"oMathPara") {
        auto formula = std::make_shared<const office::math::Formula>(office::math::readOmml(xml));
        if (formula->isEmpty())
            return;
        if (formula->isDisplay()) {
            QTextBlockFormat centred;
            centred.setAlignment(Qt::AlignHCenter);
            out.cursor->mergeBlockFormat(centred);
        }
        const qreal size = out.paragraphChars.fontPointSize() > 0 ? out.paragraphChars.fontPointSize() : 11;
        insertText(out, QString(QChar::ObjectReplacementCharacter), m_flow.formulaFormat(std::move(formula), size));
    } else if (n == u"bookmarkStart") {
        m_flow.addBookmark(attribute(xml, u"name"), *out.cursor);
    } else if (n == u"commentRangeStart") {
        m_flow.anchorComment(attribute(xml, u"id"), *out.cursor);
    }
    // Comment range ends, proofing marks: nothing to show.
}

bool DocxReader::showingFieldResult() const
{
    for (const Field &field : m_fields) {
        if (!field.separated || field.page != PageField::None)
            return false;
    }
    return true;
}

void DocxReader::field(Out &out, const QString &instruction, const QTextCharFormat &format)
{
    QTextCharFormat marked = format;
    const bool count = instruction == QLatin1String("NUMPAGES") || instruction == QLatin1String("SECTIONPAGES");
    marked.setProperty(PageFieldProperty, int(count ? PageField::PageCount : PageField::Page));
    if (count)
        m_flow.setUsesPageCount();
    out.cursor->insertText(QStringLiteral("1"), marked);
}

void DocxReader::splitForPageBreak(Out &out)
{
    if (!out.splitPending)
        return;
    out.splitPending = false;
    QTextBlockFormat next = out.blockFormat;
    next.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    next.setTextIndent(0);
    if (out.cursor->block().length() > 1)
        out.cursor->insertBlock(next, out.paragraphChars);
    else
        out.cursor->setBlockFormat(next);
}

void DocxReader::insertText(Out &out, const QString &text, const QTextCharFormat &format)
{
    if (text.isEmpty())
        return;
    splitForPageBreak(out);
    if (!out.autoSpaceLetters && !out.autoSpaceDigits) {
        out.cursor->insertText(text, format);
        return;
    }
    const int position = out.cursor->position();
    const char32_t before
        = position > out.cursor->block().position() ? out.cursor->document()->characterAt(position - 1).unicode() : 0;
    out.cursor->insertText(autoSpaced(before, text, out.autoSpaceLetters, out.autoSpaceDigits), format);
}

void DocxReader::noteMark(Out &out, const QTextCharFormat &format, const QString &text)
{
    QTextCharFormat mark = format;
    mark.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    insertText(out, text, mark);
}

void DocxReader::run(Out &out, const Run &inherited)
{
    SafeXmlReader &xml = *out.xml;
    RunProps direct;
    QString styleId;
    QTextCharFormat format = out.paragraphChars;
    bool formatted = false;
    const auto currentFormat = [&]() -> const QTextCharFormat & {
        if (!formatted) {
            formatted = true;
            if (!styleId.isEmpty())
                runStyle(styleId).apply(format);
            direct.apply(format);
            // Automatic colour (no colour, or w:color="auto") is white on dark shading: the
            // run's, else the paragraph's, else the cell's.
            if (!format.hasProperty(QTextFormat::ForegroundBrush)) {
                const QBrush shading = format.hasProperty(QTextFormat::BackgroundBrush) ? format.background()
                    : out.blockFormat.hasProperty(QTextFormat::BackgroundBrush)         ? out.blockFormat.background()
                    : out.cellShading                                                   ? QBrush(*out.cellShading)
                                                                                        : QBrush();
                if (shading.style() != Qt::NoBrush && qGray(shading.color().rgb()) < 100)
                    format.setForeground(QColor(Qt::white));
            }
            if (!inherited.href.isEmpty()) {
                format.setAnchor(true);
                format.setAnchorHref(inherited.href);
                if (!direct.color && (styleId.isEmpty() || !runStyle(styleId).color)) {
                    format.setForeground(QColor(0x05, 0x63, 0xc1));
                    format.setFontUnderline(true);
                }
            }
            markTrackedChange(format, inherited.change, inherited.author);
        }
        return format;
    };
    // Hidden by the run, else by its character style, else by the paragraph's style (w:vanish).
    const auto hidden = [&] {
        return direct.hidden.value_or(
            (!styleId.isEmpty() ? runStyle(styleId).hidden : std::nullopt).value_or(out.paragraphHidden));
    };
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        if (n == u"rPr") {
            readRunProps(xml, direct, &styleId);
            resolveTheme(direct);
            return;
        }
        if (n == u"fldChar") {
            const QString type = attribute(xml, u"fldCharType");
            if (type == QLatin1String("begin")) {
                if (m_fields.size() < 64)
                    m_fields.append(Field());
            } else if (type == QLatin1String("separate") && !m_fields.isEmpty()) {
                Field &field = m_fields.last();
                field.separated = true;
                const QString keyword
                    = field.instruction.trimmed().section(u' ', 0, 0, QString::SectionSkipEmpty).toUpper();
                if (out.margin && (keyword == QLatin1String("PAGE") || keyword == QLatin1String("NUMPAGES"))) {
                    field.page = keyword == QLatin1String("PAGE") ? PageField::Page : PageField::PageCount;
                    this->field(out, keyword, currentFormat());
                    field.placed = true;
                }
            } else if (type == QLatin1String("end") && !m_fields.isEmpty()) {
                Field field = m_fields.takeLast();
                const QString keyword
                    = field.instruction.trimmed().section(u' ', 0, 0, QString::SectionSkipEmpty).toUpper();
                // A page field without a result part still shows its number.
                if (!field.placed && !field.separated && out.margin
                    && (keyword == QLatin1String("PAGE") || keyword == QLatin1String("NUMPAGES")))
                    this->field(out, keyword, currentFormat());
            }
            return;
        }
        if (n == u"instrText") {
            const QString text = xml.readText();
            if (!m_fields.isEmpty() && !m_fields.last().separated)
                m_fields.last().instruction += text;
            return;
        }
        if (!showingFieldResult())
            return;
        if (n == u"t" || n == u"delText") {
            // Deleted text is there only inside a deletion shown as markup.
            if (n == u"delText"
                && (inherited.change != TrackedChange::Deletion && inherited.change != TrackedChange::MovedFrom))
                return;
            const QString text = xml.readText();
            if (!hidden())
                insertText(out, text, currentFormat());
        } else if (n == u"tab" || n == u"ptab") {
            insertText(out, QStringLiteral("\t"), currentFormat());
        } else if (n == u"br") {
            const QString type = attribute(xml, u"type");
            if (type == QLatin1String("page")) {
                // What follows starts the next page: the rest of this paragraph if anything, else
                // the next paragraph (an empty paragraph mark after the break takes no line).
                out.splitPending = true;
            } else if (type != QLatin1String("column")) {
                insertText(out, QString(QChar::LineSeparator), currentFormat());
            }
        } else if (n == u"cr") {
            insertText(out, QString(QChar::LineSeparator), currentFormat());
        } else if (n == u"noBreakHyphen") {
            insertText(out, QString(QChar(0x2011)), currentFormat());
        } else if (n == u"softHyphen") {
            insertText(out, QString(QChar(0x00AD)), currentFormat());
        } else if (n == u"sym") {
            bool ok = false;
            uint code = attribute(xml, u"char").toUInt(&ok, 16);
            if (ok) {
                if (code >= 0xF000 && code <= 0xF0FF)
                    code -= 0xF000;
                if (code >= 0x20 && QChar::isPrint(code))
                    insertText(out, QString(QChar(char16_t(code))), currentFormat());
            }
        } else if (n == u"drawing" || n == u"pict" || n == u"object") {
            drawing(out, currentFormat());
        } else if (n == u"AlternateContent") {
            bool done = false;
            forChildren(xml, [&] {
                if (done || name(xml) != u"Choice")
                    return;
                done = true;
                forChildren(xml, [&] {
                    if (name(xml) == u"drawing" || name(xml) == u"pict")
                        drawing(out, currentFormat());
                });
            });
        } else if (n == u"footnoteReference" || n == u"endnoteReference") {
            const bool endnote = n == u"endnoteReference";
            QHash<QString, int> &notes = endnote ? m_endnotes : m_footnotes;
            const QString id = attribute(xml, u"id");
            const int number = notes.value(id, int(notes.size() + 1));
            notes.insert(id, number);
            const QString mark = noteNumber(number, endnote);
            if (endnote || out.margin) {
                noteMark(out, currentFormat(), mark);
            } else {
                std::shared_ptr<FlowTextDocument> body = footnoteBody(id, mark);
                insertText(out, mark, m_flow.footnoteMark(currentFormat(), std::move(body)));
            }
        } else if (n == u"footnoteRef" || n == u"endnoteRef") {
            QTextCharFormat format = currentFormat();
            format.setProperty(NoteNumberProperty, true);
            noteMark(out, format, m_currentNote);
        } else if (n == u"commentReference") {
            // A comment without a range is anchored at its mark.
            const QString id = attribute(xml, u"id");
            m_flow.anchorComment(id, *out.cursor);
            if (!(m_flow.options() & RenderOption::RenderComments))
                return;
            const int number = m_comments.value(id, int(m_comments.size() + 1));
            m_comments.insert(id, number);
            QTextCharFormat mark = currentFormat();
            mark.setForeground(QColor(0xb0, 0x60, 0x00));
            noteMark(out, mark, QStringLiteral("[%1]").arg(number));
        }
    });
}

void DocxReader::drawing(Out &out, const QTextCharFormat &format)
{
    SafeXmlReader &xml = *out.xml;
    QSizeF extent;
    const std::function<void()> walk = [&] {
        const QStringView n = name(xml);
        if (n == u"extent" && !extent.isValid()) {
            extent = QSizeF(office::emuToPoints(attribute(xml, u"cx").toDouble()),
                office::emuToPoints(attribute(xml, u"cy").toDouble()));
            return;
        }
        if (n == u"positionH") {
            out.placement = anchorPlacement(xml);
            return;
        }
        if (n == u"shape" || n == u"rect") {
            // VML: "width:100pt;height:50pt".
            const QString style = attribute(xml, u"style");
            qreal width = 0;
            qreal height = 0;
            for (const QString &declaration : style.split(u';')) {
                const QString key = declaration.section(u':', 0, 0).trimmed();
                const auto length = office::parseLength(declaration.section(u':', 1).trimmed());
                if (key == QLatin1String("width") && length)
                    width = *length;
                else if (key == QLatin1String("height") && length)
                    height = *length;
            }
            if (width > 0 && height > 0 && !extent.isValid())
                extent = QSizeF(width, height);
        }
        if (n == u"blip" || n == u"imagedata") {
            QString id = relationshipAttribute(xml, n == u"blip" ? u"embed" : u"id");
            bool external = false;
            QString path;
            if (!id.isEmpty())
                path = relationshipTarget(out.part, id, &external);
            else if (!relationshipAttribute(xml, u"link").isEmpty())
                external = true;
            // Linked pictures are never fetched: a placeholder holds their place.
            if (external)
                path.clear();
            QSizeF size = extent;
            if (!size.isValid() || size.isEmpty()) {
                const QSize pixels = path.isEmpty() ? QSize() : m_flow.images().pixelSize(path, *m_token);
                size = pixels.isValid() ? QSizeF(pixels) * 0.75 : QSizeF(96, 64);
            }
            if (!path.isEmpty() || external) {
                splitForPageBreak(out);
                QTextImageFormat picture = m_flow.pictureFormat(path, size);
                picture.setVerticalAlignment(QTextCharFormat::AlignBaseline);
                if (format.isAnchor()) {
                    picture.setAnchor(true);
                    picture.setAnchorHref(format.anchorHref());
                }
                out.cursor->insertImage(picture);
            }
            return;
        }
        if (n == u"txbxContent") {
            textBox(out, extent.isValid() ? extent.width() : 0);
            return;
        }
        if (n == u"chart") {
            // A chart part (c:chart r:id), drawn from the values it caches.
            const QString id = relationshipAttribute(xml, u"id");
            const QString path = id.isEmpty() ? QString() : relationshipTarget(out.part, id);
            Result<office::Chart> chart = office::Chart::fromPart(m_flow.package(), path, *m_token);
            if (!chart) {
                qCInfo(lcWordProcessing) << "chart" << id << path << "not drawn:" << chart.status().message();
                return;
            }
            splitForPageBreak(out);
            const QSizeF size = extent.isValid() && !extent.isEmpty() ? extent : QSizeF(432, 252);
            out.cursor->insertText(QString(QChar::ObjectReplacementCharacter),
                m_flow.chartFormat(std::make_shared<const office::Chart>(std::move(chart).value()), size));
            return;
        }
        if (n == u"relIds") {
            // SmartArt (dgm:relIds r:dm): the drawing Word saved of it; without one, nothing.
            const QString dataId = relationshipAttribute(xml, u"dm");
            const QSizeF size = extent.isValid() && !extent.isEmpty() ? extent : QSizeF(432, 252);
            std::optional<presentation::Diagram> diagram
                = presentation::Diagram::fromFrame(m_flow.package(), out.part, dataId, size, *m_token);
            if (!diagram) {
                qCInfo(lcWordProcessing) << "diagram" << dataId << "has no drawing: not drawn";
                return;
            }
            splitForPageBreak(out);
            out.cursor->insertText(QString(QChar::ObjectReplacementCharacter),
                m_flow.diagramFormat(std::make_shared<const presentation::Diagram>(std::move(*diagram)), size));
            return;
        }
        if (n == u"AlternateContent") {
            bool done = false;
            forChildren(xml, [&] {
                if (!done && name(xml) == u"Choice") {
                    done = true;
                    forChildren(xml, walk);
                }
            });
            return;
        }
        forChildren(xml, walk);
    };
    forChildren(xml, walk);
}

// The drop cap's letters as a frame floating left at the cursor, as wide as they are: the next
// paragraph starts in the empty block after it and wraps around it.
void DocxReader::insertDropCap(Out &out, const FlowTextDocument &letters, qreal height)
{
    text::deliverPendingTimers(letters.documentLayout());
    if (letters.toPlainText().trimmed().isEmpty())
        return;
    QTextFrameFormat frame;
    frame.setPosition(QTextFrameFormat::FloatLeft);
    frame.setBorder(0);
    frame.setPadding(0);
    frame.setMargin(0);
    frame.setRightMargin(m_flow.px(DropCapGap));
    // The width takes in the frame's margin.
    frame.setWidth(m_flow.px(std::min(textWidth(letters) + 1 + DropCapGap, 1000.0)));
    if (height > 0)
        frame.setHeight(m_flow.px(height));
    QTextFrame *inserted = out.cursor->insertFrame(frame);
    out.cursor->insertFragment(QTextDocumentFragment(&letters));
    *out.cursor = cursorAfter(inserted);
    *out.fresh = true;
}

// wp:positionH of an anchored drawing: wp:align (left, center, right, inside, outside) or
// wp:posOffset (EMU), from the margin, the column or the page edge.
FloatPlacement DocxReader::anchorPlacement(SafeXmlReader &xml) const
{
    const QString from = attribute(xml, u"relativeFrom");
    FloatPlacement placement;
    forChildren(xml, [&] {
        if (name(xml) == u"align") {
            const QString align = xml.readText().trimmed();
            placement.align = align == QLatin1String("center")                         ? Qt::AlignHCenter
                : align == QLatin1String("right") || align == QLatin1String("outside") ? Qt::AlignRight
                                                                                       : Qt::AlignLeft;
        } else if (name(xml) == u"posOffset") {
            bool ok = false;
            const double emu = xml.readText().trimmed().toDouble(&ok);
            if (ok && std::isfinite(emu))
                placement.offset = office::emuToPoints(emu);
        }
    });
    if (placement.offset && from == QLatin1String("page")) {
        const qreal margin
            = m_sections[std::clamp(m_section, 0, int(m_sections.size() - 1))].setup.geometry.margins.left();
        placement.offset = *placement.offset - margin;
    }
    return placement;
}

void DocxReader::textBox(Out &out, qreal width)
{
    if (out.boxDepth >= MaxTextBoxDepth) {
        out.xml->skipElement();
        return;
    }
    // The box's paragraphs cannot sit inside the current one: they are read into a document of
    // their own and shown as a framed block after the paragraph that anchors them.
    std::shared_ptr<FlowTextDocument> box = m_flow.newTextDocument();
    box->setBoxWidth(width);
    if (out.placement && width > 0) {
        // Aligned across the text area, or at its offset.
        const qreal area
            = m_sections[std::clamp(m_section, 0, int(m_sections.size() - 1))].setup.geometry.contentSize().width();
        const Qt::Alignment align = out.placement->align;
        box->setBoxOffset(out.placement->offset ? *out.placement->offset
                : align & Qt::AlignHCenter      ? (area - width) / 2
                : align & Qt::AlignRight        ? area - width
                                                : 0);
    }
    QTextCursor cursor(box.get());
    bool fresh = true;
    Out inner;
    inner.xml = out.xml;
    inner.part = out.part;
    inner.cursor = &cursor;
    inner.fresh = &fresh;
    inner.margin = out.margin;
    inner.tableDepth = out.tableDepth;
    inner.boxDepth = out.boxDepth + 1;
    // Fields of the anchoring paragraph stay open across the box.
    const QList<Field> fields = std::exchange(m_fields, {});
    const QTextBlockFormat blockFormat = out.blockFormat;
    const QTextCharFormat chars = out.paragraphChars;
    blockContent(inner);
    // Its layout's timers belong to this thread (see deliverPendingTimers()).
    text::deliverPendingTimers(box->documentLayout());
    m_fields = fields;
    out.blockFormat = blockFormat;
    out.paragraphChars = chars;
    out.boxes.append(box);
}

void DocxReader::table(Out &out)
{
    SafeXmlReader &xml = *out.xml;
    if (out.tableDepth >= MaxTableDepth) {
        // Too deep: the cells' paragraphs in reading order.
        forChildren(xml, [&] {
            if (name(xml) == u"tr")
                forChildren(xml, [&] {
                    if (name(xml) == u"tc")
                        blockContent(out);
                });
        });
        return;
    }
    QString styleId;
    TableProps direct;
    QList<qreal> grid;
    // The table style, known once w:tblPr is read: the whole table's properties under the
    // table's own, and the formatting of the regions w:tblLook turns on.
    bool styled = false;
    TableProps props;
    ParaProps styleParagraph;
    RunProps styleRun;
    std::array<ConditionalFormat, size_t(TableRegion::Count)> regions;
    int look = DefaultTableLook;
    const auto useStyle = [&] {
        if (styled)
            return;
        styled = true;
        const QString id = styleId.isEmpty() ? m_styles.defaultTableStyle() : styleId;
        props = m_styles.tableOf(styleId);
        props.mergeFrom(direct);
        look = direct.look.value_or(DefaultTableLook);
        if (id.isEmpty())
            return;
        styleParagraph = m_styles.paragraphOf(id);
        styleRun = m_styles.runOf(id);
        resolveTheme(styleRun);
        for (size_t i = 0; i < regions.size(); ++i) {
            regions[i] = m_styles.conditionalOf(id, TableRegion(i));
            resolveTheme(regions[i].run);
        }
    };
    FlowTableBuilder builder(m_flow, *out.cursor, *out.fresh, MaxColumns, [&](int columns) {
        useStyle();
        return tableFormat(props, grid, columns);
    });
    const auto edge = [](const std::optional<Border> &border) -> std::optional<FlowTableBuilder::Edge> {
        if (!border)
            return std::nullopt;
        return FlowTableBuilder::Edge {border->width, border->color};
    };
    // The regions a cell at `row`, `column` (spanning `span` columns) is in, in the order they
    // apply (TableRegion); the last row is formatted when the table ends (see below).
    const auto regionsOf = [&](int row, int column, int span) {
        QList<TableRegion> in;
        const bool firstRow = look & LookFirstRow;
        const bool firstColumn = look & LookFirstColumn;
        const int columnBand = std::max(1, props.columnBand.value_or(1));
        const int rowBand = std::max(1, props.rowBand.value_or(1));
        const int dataColumn = column - (firstColumn ? 1 : 0);
        const bool lastColumn = !grid.isEmpty() && column + span >= grid.size();
        if (!(look & LookNoVerticalBands) && dataColumn >= 0)
            in.append((dataColumn / columnBand) % 2 ? TableRegion::Band2Vertical : TableRegion::Band1Vertical);
        const int dataRow = row - (firstRow ? 1 : 0);
        if (!(look & LookNoHorizontalBands) && dataRow >= 0)
            in.append((dataRow / rowBand) % 2 ? TableRegion::Band2Horizontal : TableRegion::Band1Horizontal);
        if (firstColumn && column == 0)
            in.append(TableRegion::FirstColumn);
        if ((look & LookLastColumn) && lastColumn)
            in.append(TableRegion::LastColumn);
        if (firstRow && row == 0)
            in.append(TableRegion::FirstRow);
        return in;
    };
    // Gives `placement` the borders and shading of the table and of `in`.
    const auto regionCell = [&](FlowTableBuilder::Cell &placement, const QList<TableRegion> &in, int row, int column,
                                int span) {
        const bool lastColumn = !grid.isEmpty() && column + span >= grid.size();
        placement.top = edge(row == 0 ? props.top : props.insideH);
        placement.bottom = edge(props.insideH);
        placement.left = edge(column == 0 ? props.left : props.insideV);
        placement.right = edge(lastColumn ? props.right : props.insideV);
        for (const TableRegion region : in) {
            const ConditionalFormat &format = regions[size_t(region)];
            if (!format.present)
                continue;
            const TableProps &cell = format.cell;
            const auto take = [&](std::optional<FlowTableBuilder::Edge> &side, const std::optional<Border> &border) {
                if (border)
                    side = edge(border);
            };
            const bool rowRegion = region == TableRegion::FirstRow || region == TableRegion::LastRow
                || region == TableRegion::Band1Horizontal || region == TableRegion::Band2Horizontal;
            if (rowRegion) {
                take(placement.top, cell.top);
                take(placement.bottom, cell.bottom);
                take(placement.left, column == 0 ? cell.left : cell.insideV);
                take(placement.right, lastColumn ? cell.right : cell.insideV);
            } else {
                take(placement.left, cell.left);
                take(placement.right, cell.right);
                take(placement.top, row == 0 ? cell.top : cell.insideH);
                take(placement.bottom, cell.insideH);
            }
            if (cell.shading)
                placement.background = cell.shading;
        }
    };
    int rowIndex = -1;
    // One w:tc (its properties decide where it goes before its content is read).
    const auto cell = [&] {
        useStyle();
        FlowTableBuilder::Cell placement;
        placement.padding = props.cellLeft.value_or(CellPadding);
        TableProps own; // w:tcBorders, w:shd
        bool placed = false;
        Out inner;
        QTextCursor *target = nullptr;
        bool cellFresh = true;
        const auto place = [&] {
            if (placed)
                return;
            placed = true;
            const int column = builder.column();
            const QList<TableRegion> in = regionsOf(rowIndex, column, placement.span);
            const std::optional<QColor> ownBackground = placement.background;
            regionCell(placement, in, rowIndex, column, placement.span);
            // Direct formatting wins over the style.
            for (auto [side, border] : {std::pair {&placement.top, &own.top}, {&placement.left, &own.left},
                     {&placement.bottom, &own.bottom}, {&placement.right, &own.right}}) {
                if (*border)
                    *side = edge(*border);
            }
            if (ownBackground)
                placement.background = ownBackground;
            target = builder.placeCell(placement);
            inner.xml = target ? &xml : nullptr; // content of a continued merge is dropped
            inner.part = out.part;
            inner.cursor = target;
            inner.fresh = &cellFresh;
            inner.margin = out.margin;
            inner.tableDepth = out.tableDepth + 1;
            inner.boxDepth = out.boxDepth;
            inner.inStyledTable = true;
            inner.tableParagraph = styleParagraph;
            inner.tableRun = styleRun;
            inner.cellShading = placement.background;
            for (const TableRegion region : in) {
                inner.tableParagraph.mergeFrom(regions[size_t(region)].paragraph);
                inner.tableRun.mergeFrom(regions[size_t(region)].run);
            }
        };
        forChildren(xml, [&] {
            if (name(xml) == u"tcPr") {
                forChildren(xml, [&] {
                    const QStringView p = name(xml);
                    if (p == u"gridSpan")
                        placement.span = std::clamp(val(xml).toInt(), 1, MaxColumns);
                    else if (p == u"vMerge")
                        placement.merge = val(xml) == QLatin1String("restart")
                            ? FlowTableBuilder::VerticalMerge::Restart
                            : FlowTableBuilder::VerticalMerge::Continue;
                    else if (p == u"shd")
                        placement.background = office::parseHexColor(attribute(xml, u"fill"));
                    else if (p == u"tcBorders")
                        readBorders(xml, own);
                    else if (p == u"vAlign")
                        placement.vertical = val(xml) == QLatin1String("center") ? Qt::AlignVCenter
                            : val(xml) == QLatin1String("bottom")                ? Qt::AlignBottom
                                                                                 : Qt::AlignTop;
                });
                return;
            }
            place();
            if (inner.xml)
                blockElement(inner);
        });
        place();
        builder.endCell();
    };
    // The last row is known only at the end: its cells get the table's bottom border and the
    // last-row formatting over what they were given (direct formatting is not told apart here).
    builder.setLastRowFormat([&](QTextTable *table, int row) {
        const ConditionalFormat &last = regions[size_t(TableRegion::LastRow)];
        const bool formatted = (look & LookLastRow) && last.present;
        QTextCharFormat chars;
        if (formatted)
            last.run.apply(chars);
        for (int column = 0; column < table->columns();) {
            QTextTableCell target = table->cellAt(row, column);
            if (!target.isValid())
                break;
            QTextTableCellFormat format = target.format().toTableCellFormat();
            FlowTableBuilder::Cell edges;
            // A table without a bottom border has none under its last row, whatever its insideH.
            const std::optional<Border> bottom
                = props.bottom ? props.bottom : (props.insideH ? std::optional<Border>(Border()) : std::nullopt);
            edges.bottom = edge(formatted && last.cell.bottom ? last.cell.bottom : bottom);
            if (formatted) {
                const bool lastColumn = column + target.columnSpan() >= table->columns();
                if (last.cell.top)
                    edges.top = edge(last.cell.top);
                if (const auto &side = column == 0 ? last.cell.left : last.cell.insideV)
                    edges.left = edge(side);
                if (const auto &side = lastColumn ? last.cell.right : last.cell.insideV)
                    edges.right = edge(side);
                if (last.cell.shading)
                    format.setBackground(*last.cell.shading);
            }
            builder.applyEdges(format, edges);
            target.setFormat(format);
            if (!chars.properties().isEmpty()) {
                QTextCursor content = target.firstCursorPosition();
                content.setPosition(target.lastCursorPosition().position(), QTextCursor::KeepAnchor);
                content.mergeCharFormat(chars);
            }
            column += std::max(1, target.columnSpan());
        }
    });
    forChildren(xml, [&] {
        const QStringView n = name(xml);
        if (n == u"tblPr") {
            readTableProps(xml, direct, &styleId);
        } else if (n == u"tblGrid") {
            forChildren(xml, [&] {
                if (name(xml) == u"gridCol" && grid.size() < MaxColumns)
                    grid.append(office::twipsToPoints(attribute(xml, u"w").toDouble()));
            });
            builder.setGridColumns(int(grid.size()));
        } else if (n == u"tr") {
            if (m_interrupted || m_token->isCancelled()) {
                m_interrupted = true; // the rows are skipped; readMore() takes the table back
                return;
            }
            // Row properties come first (a header row, cells skipped before the first); cells follow.
            bool header = false;
            int before = 0;
            bool begun = false;
            bool skip = false;
            forChildren(xml, [&] {
                const QStringView child = name(xml);
                if (child == u"trPr" || child == u"tblPrEx") {
                    forChildren(xml, [&] {
                        if (name(xml) == u"tblHeader") {
                            const QString value = val(xml);
                            header = !hasAttribute(xml, u"val") || office::parseOnOff(&value);
                        } else if (name(xml) == u"gridBefore") {
                            before += std::clamp(val(xml).toInt(), 0, MaxColumns);
                        }
                    });
                    return;
                }
                if (child != u"tc" && child != u"sdt" && child != u"customXml")
                    return;
                if (!begun) {
                    begun = true;
                    skip = !builder.beginRow(header);
                    ++rowIndex;
                    builder.skipColumns(before);
                }
                if (skip)
                    return;
                if (child == u"tc") {
                    cell();
                } else {
                    // Content controls around cells.
                    forChildren(xml, [&] {
                        if (name(xml) == u"sdtContent" || name(xml) == u"customXml")
                            forChildren(xml, [&] {
                                if (name(xml) == u"tc")
                                    cell();
                            });
                    });
                }
            });
            if (!begun) {
                builder.beginRow(header); // a row without cells still takes its place
                ++rowIndex;
            }
        }
    });
    builder.finish();
}

QTextTableFormat DocxReader::tableFormat(const TableProps &props, const QList<qreal> &grid, int columns) const
{
    QTextTableFormat format;
    const Border border = props.insideH.value_or(props.top.value_or(props.insideV.value_or(Border())));
    const bool anyBorder = border.width > 0 || (props.top && props.top->width > 0);
    format.setBorder(anyBorder ? m_flow.px(std::max(0.5, border.width)) : 0);
    format.setBorderBrush(border.color);
    format.setBorderStyle(anyBorder ? QTextFrameFormat::BorderStyle_Solid : QTextFrameFormat::BorderStyle_None);
    format.setBorderCollapse(true);
    format.setCellSpacing(0);
    format.setCellPadding(m_flow.px(1));
    format.setAlignment(props.align.value_or(Qt::AlignLeft));
    if (props.indent && *props.indent > 0)
        format.setLeftMargin(m_flow.px(*props.indent));
    format.setTopMargin(m_flow.px(2));
    format.setBottomMargin(m_flow.px(2));
    if (props.shading)
        format.setBackground(*props.shading);
    format.setColumnWidthConstraints(columnWidths(grid, columns, m_flow));
    return format;
}

QString DocxReader::relationshipTarget(const QString &part, const QString &id, bool *external)
{
    auto found = m_relationships.find(part);
    if (found == m_relationships.end()) {
        QHash<QString, office::Relationship> byId;
        if (const auto relationships = m_flow.package().relationships(part, *m_token)) {
            for (const office::Relationship &relationship : *relationships)
                byId.insert(relationship.id, relationship);
        }
        found = m_relationships.insert(part, byId);
    }
    const auto relationship = found->constFind(id);
    if (relationship == found->cend())
        return {};
    if (external)
        *external = relationship->external;
    if (relationship->external)
        return relationship->target;
    const QString path = m_flow.package().targetPath(part, *relationship);
    return m_flow.package().contains(path) ? path : QString();
}

} // namespace folio::wordprocessing::docx
