// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowhtmlwriter.h"

#include "backends/common/text/textdocumentpages.h"
#include "flowhtmllists.h"
#include "htmlmarkup.h"

#include <QAbstractTextDocumentLayout>
#include <QPixmap>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QUrl>

#include <vector>

namespace folio {

namespace {

// The token is polled every this many blocks: often enough to stop within milliseconds.
constexpr int TokenPollBlocks = 256;

QImage pictureOf(const QVariant &resource)
{
    switch (resource.typeId()) {
    case QMetaType::QImage:
        return resource.value<QImage>();
    case QMetaType::QPixmap:
        return resource.value<QPixmap>().toImage();
    case QMetaType::QByteArray:
        return QImage::fromData(resource.toByteArray());
    default:
        return {};
    }
}

} // namespace

// The state of one FlowHtmlWriter::write() call.
class HtmlPass
{
public:
    HtmlPass(FlowHtmlWriter &owner, const QTextDocument &document, QString &out, const CancellationToken &token)
        : m_owner(owner)
        , m_document(document)
        , m_out(out)
        , m_token(token)
        , m_scale(owner.cssPixelsPerFormatPixel(document))
        , m_lists(out)
    { }

    Status write(int from, int to)
    {
        writeRange(m_document.rootFrame(), from, to);
        closeGroups();
        return m_status;
    }

private:
    // An inline element around runs: its opening tag (the identity) and closing tag.
    struct Mark
    {
        QString open;
        QLatin1String close;
        bool operator==(const Mark &other) const { return open == other.open; }
    };
    struct Inline
    {
        bool heading = false; // bold is the heading's own look, not emphasis
        bool code = false; // inside pre: fixed pitch is the block's
    };

    bool failed() const { return !m_status.isOk(); }

    // The blocks of `container` (the root frame, a table or a text frame) in [from, to), child
    // frames written in place of their blocks.
    void writeRange(const QTextFrame *container, int from, int to)
    {
        QTextBlock block = m_document.findBlock(from);
        while (block.isValid() && block.position() < to && !failed()) {
            if (++m_blocks % TokenPollBlocks == 0 && m_token.isCancelled()) {
                m_status = Status::fromToken(m_token);
                return;
            }
            QTextFrame *frame = m_document.frameAt(block.position());
            if (frame != container) {
                // A block of a child frame: write the child (a table, a text box) as a whole.
                while (frame && frame->parentFrame() != container)
                    frame = frame->parentFrame();
                if (!frame) {
                    block = block.next();
                    continue;
                }
                closeGroups();
                if (auto *table = qobject_cast<QTextTable *>(frame))
                    writeTable(*table, from, to);
                else
                    writeFrame(*frame, from, to);
                const int last = frame->lastPosition();
                while (block.isValid() && block.position() <= last)
                    block = block.next();
                continue;
            }
            writeBlock(block, from, to);
            block = block.next();
        }
    }

    void writeFrame(const QTextFrame &frame, int from, int to)
    {
        m_out += QLatin1String("<div class=\"folio-box\">\n");
        writeRange(&frame, std::max(from, frame.firstPosition()), std::min(to, frame.lastPosition() + 1));
        closeGroups();
        m_out += QLatin1String("</div>\n");
    }

    static int rowAt(const QTextTable &table, int position, int fallback)
    {
        const QTextTableCell cell = table.cellAt(position);
        return cell.isValid() ? cell.row() : fallback;
    }

    void writeTable(const QTextTable &table, int from, int to)
    {
        const int rows = table.rows();
        if (rows == 0 || table.columns() == 0)
            return;
        const int first = from > table.firstPosition() ? rowAt(table, from, 0) : 0;
        const int last = to <= table.lastPosition() ? rowAt(table, to - 1, rows - 1) : rows - 1;
        if (first > last)
            return;
        const int headers = std::clamp(table.format().headerRowCount(), 0, rows);
        m_out += QLatin1String("<table>\n");
        if (headers > 0) {
            m_out += QLatin1String("<thead>\n");
            if (first < headers) {
                const int end = std::min(last, headers - 1);
                for (int row = first; row <= end && !failed(); ++row)
                    writeRow(table, row, first, end, true, from, to);
            } else {
                // A table continued from an earlier page: the layout repeats its header rows.
                for (int row = 0; row < headers && !failed(); ++row)
                    writeRow(table, row, 0, headers - 1, true, table.firstPosition(), table.lastPosition() + 1);
            }
            m_out += QLatin1String("</thead>\n");
        }
        const int body = std::max(first, headers);
        if (body <= last) {
            m_out += QLatin1String("<tbody>\n");
            for (int row = body; row <= last && !failed(); ++row)
                writeRow(table, row, body, last, false, from, to);
            m_out += QLatin1String("</tbody>\n");
        }
        m_out += QLatin1String("</table>\n");
    }

    // Row `row` of the rows [shownFirst, shownLast] written: spans are cut to those rows, and a
    // cell merged from a row above that is not shown starts in the first shown row.
    void writeRow(const QTextTable &table, int row, int shownFirst, int shownLast, bool header, int from, int to)
    {
        m_out += QLatin1String("<tr>");
        const int columns = table.columns();
        for (int column = 0; column < columns && !failed();) {
            const QTextTableCell cell = table.cellAt(row, column);
            if (!cell.isValid()) {
                ++column;
                continue;
            }
            const int columnSpan = std::max(1, cell.column() + cell.columnSpan() - column);
            if (cell.row() < row && row != shownFirst) {
                column += columnSpan; // covered by a cell of a row above
                continue;
            }
            const int rowSpan = std::min(cell.row() + std::max(1, cell.rowSpan()), shownLast + 1) - row;
            const QLatin1String tag = header ? QLatin1String("th") : QLatin1String("td");
            m_out += u'<';
            m_out += tag;
            if (columnSpan > 1)
                m_out += QStringLiteral(" colspan=\"%1\"").arg(columnSpan);
            if (rowSpan > 1)
                m_out += QStringLiteral(" rowspan=\"%1\"").arg(rowSpan);
            const QBrush background = cell.format().background();
            if (background.style() != Qt::NoBrush && background.color().alpha() > 0)
                m_out += QStringLiteral(" style=\"background-color:") + cssColor(background.color()) + u'"';
            m_out += u'>';
            const int cellFrom = std::max(from, cell.firstPosition());
            const int cellTo = std::min(to, cell.lastPosition() + 1);
            if (cellFrom < cellTo)
                writeCell(table, cellFrom, cellTo, header);
            m_out += QLatin1String("</");
            m_out += tag;
            m_out += u'>';
            column += columnSpan;
        }
        m_out += QLatin1String("</tr>\n");
    }

    void writeCell(const QTextTable &table, int from, int to, bool header)
    {
        // Most cells are one plain paragraph: its text goes straight into the cell.
        const QTextBlock block = m_document.findBlock(from);
        if (block.contains(to - 1) && m_document.frameAt(block.position()) == &table) {
            const QTextBlockFormat format = block.blockFormat();
            if (format.headingLevel() == 0 && !isCode(block, format) && !htmlListItem(block, from).isItem()) {
                // A header cell's bold is its own look, as a heading's is.
                writeInline(block, from, std::min(to, block.position() + block.length() - 1), {header, false});
                return;
            }
        }
        writeRange(&table, from, to);
        closeGroups();
    }

    void closePre()
    {
        if (m_inPre) {
            m_out += QLatin1String("</code></pre>\n");
            m_inPre = false;
        }
    }

    // Lists and code blocks span several paragraphs: closed by anything else.
    void closeGroups()
    {
        closePre();
        m_lists.closeAll();
    }

    static QString blockAttributes(const QTextBlockFormat &format)
    {
        QString attributes;
        if (format.layoutDirection() == Qt::RightToLeft)
            attributes += QLatin1String(" dir=\"rtl\"");
        if (format.hasProperty(QTextFormat::BlockAlignment)) {
            const Qt::Alignment alignment = format.alignment() & Qt::AlignHorizontal_Mask;
            if (alignment & Qt::AlignHCenter)
                attributes += QLatin1String(" style=\"text-align:center\"");
            else if (alignment & Qt::AlignJustify)
                attributes += QLatin1String(" style=\"text-align:justify\"");
            else if ((alignment & Qt::AlignRight) && format.layoutDirection() != Qt::RightToLeft)
                attributes += QLatin1String(" style=\"text-align:right\"");
        }
        return attributes;
    }

    static bool isCode(const QTextBlock &block, const QTextBlockFormat &format)
    {
        return format.hasProperty(QTextFormat::BlockCodeFence) || format.hasProperty(QTextFormat::BlockCodeLanguage)
            || (format.nonBreakableLines() && block.charFormat().fontFixedPitch());
    }

    void writeBlock(const QTextBlock &block, int from, int to)
    {
        const QTextBlockFormat format = block.blockFormat();
        const bool rule = format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
        const int start = std::max(from, block.position());
        const int end = std::min(to, block.position() + block.length() - 1); // without the separator
        if (start >= end) {
            if (rule && block.position() >= from) {
                closeGroups();
                m_out += QLatin1String("<hr/>\n");
            }
            return;
        }
        if (isCode(block, format)) {
            if (m_inPre) {
                m_out += u'\n';
            } else {
                closeGroups();
                m_out += QLatin1String("<pre><code>");
                m_inPre = true;
            }
            writeInline(block, start, end, {false, true});
            return;
        }
        const int heading = std::clamp(format.headingLevel(), 0, 6);
        const HtmlListItem item = heading > 0 ? HtmlListItem {} : htmlListItem(block, start);
        if (item.isItem()) {
            closePre();
            m_lists.enter(item, block);
            if (!item.marker.isEmpty()) {
                m_out += QLatin1String("<span class=\"folio-marker\">");
                appendHtmlEscaped(m_out, item.marker);
                m_out += QLatin1String("</span> ");
            }
            writeTaskMarker(format, start, block);
            writeInline(block, std::max(start, item.textStart), end, {});
            return;
        }
        closeGroups();
        const int quote = format.intProperty(QTextFormat::BlockQuoteLevel);
        if (quote > 0)
            m_out += QLatin1String("<blockquote>");
        const QString tag = heading > 0 ? QStringLiteral("h%1").arg(heading) : QStringLiteral("p");
        m_out += u'<';
        m_out += tag;
        m_out += blockAttributes(format);
        m_out += u'>';
        writeTaskMarker(format, start, block);
        writeInline(block, start, end, {heading > 0, false});
        m_out += QLatin1String("</");
        m_out += tag;
        m_out += u'>';
        if (quote > 0)
            m_out += QLatin1String("</blockquote>");
        m_out += u'\n';
        if (rule && block.position() + block.length() - 1 <= to)
            m_out += QLatin1String("<hr/>\n");
    }

    // Markdown's task list items ("- [x] done") keep their box as a character.
    void writeTaskMarker(const QTextBlockFormat &format, int start, const QTextBlock &block)
    {
        if (start > block.position())
            return;
        if (format.marker() == QTextBlockFormat::MarkerType::Checked)
            m_out += QString(QChar(0x2611)) + u' ';
        else if (format.marker() == QTextBlockFormat::MarkerType::Unchecked)
            m_out += QString(QChar(0x2610)) + u' ';
    }

    std::vector<Mark> marksFor(const QTextCharFormat &format, Inline context) const
    {
        std::vector<Mark> marks;
        const QString href = format.isAnchor() ? htmlLinkTarget(format.anchorHref()) : QString();
        const bool link = !href.isEmpty();
        if (link)
            marks.push_back(
                {QStringLiteral("<a href=\"") + htmlEscaped(href) + QLatin1String("\">"), QLatin1String("</a>")});
        QString style;
        // A link's colour and underline are the browser's to draw.
        const QBrush foreground = format.foreground();
        if (!link && foreground.style() != Qt::NoBrush && (foreground.color().rgba() & 0xffffff) != 0
            && foreground.color().alpha() > 0)
            style += QStringLiteral("color:") + cssColor(foreground.color()) + u';';
        const QBrush background = format.background();
        if (background.style() != Qt::NoBrush && background.color().alpha() > 0
            && (background.color().rgba() & 0xffffff) != 0xffffff)
            style += QStringLiteral("background-color:") + cssColor(background.color()) + u';';
        if (!style.isEmpty()) {
            style.chop(1);
            marks.push_back(
                {QStringLiteral("<span style=\"") + style + QLatin1String("\">"), QLatin1String("</span>")});
        }
        if (!context.heading && format.fontWeight() >= QFont::DemiBold)
            marks.push_back({QStringLiteral("<strong>"), QLatin1String("</strong>")});
        if (format.fontItalic())
            marks.push_back({QStringLiteral("<em>"), QLatin1String("</em>")});
        if (!link && format.fontUnderline())
            marks.push_back({QStringLiteral("<u>"), QLatin1String("</u>")});
        if (format.fontStrikeOut())
            marks.push_back({QStringLiteral("<s>"), QLatin1String("</s>")});
        if (format.verticalAlignment() == QTextCharFormat::AlignSuperScript)
            marks.push_back({QStringLiteral("<sup>"), QLatin1String("</sup>")});
        else if (format.verticalAlignment() == QTextCharFormat::AlignSubScript)
            marks.push_back({QStringLiteral("<sub>"), QLatin1String("</sub>")});
        if (!context.code && format.fontFixedPitch())
            marks.push_back({QStringLiteral("<code>"), QLatin1String("</code>")});
        return marks;
    }

    // Closes the open marks `marks` does not share (innermost first) and opens its new ones, so
    // neighbouring runs with the same formatting share their elements.
    void setMarks(std::vector<Mark> marks)
    {
        size_t common = 0;
        while (common < m_marks.size() && common < marks.size() && m_marks[common] == marks[common])
            ++common;
        for (size_t i = m_marks.size(); i > common; --i)
            m_out += m_marks[i - 1].close;
        for (size_t i = common; i < marks.size(); ++i)
            m_out += marks[i].open;
        m_marks = std::move(marks);
    }

    void writeInline(const QTextBlock &block, int start, int end, Inline context)
    {
        for (QTextBlock::iterator it = block.begin(); !it.atEnd() && !failed(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            const int fragmentStart = fragment.position();
            const int fragmentEnd = fragmentStart + fragment.length();
            if (fragmentEnd <= start)
                continue;
            if (fragmentStart >= end)
                break;
            const QTextCharFormat format = fragment.charFormat();
            const QString text = fragment.text();
            const int first = std::max(start, fragmentStart);
            const QStringView part = QStringView(text).mid(first - fragmentStart, std::min(end, fragmentEnd) - first);
            setMarks(marksFor(format, context));
            if (format.isImageFormat()) {
                for (const QChar c : part) {
                    if (c == QChar::ObjectReplacementCharacter)
                        writePicture(format.toImageFormat());
                }
                continue;
            }
            writeText(part);
        }
        setMarks({});
    }

    void writeText(QStringView text)
    {
        qsizetype done = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c != QChar::LineSeparator && c != QChar::ObjectReplacementCharacter)
                continue;
            appendHtmlEscaped(m_out, text.mid(done, i - done));
            if (c == QChar::LineSeparator)
                m_out += QLatin1String("<br/>");
            done = i + 1; // other objects (not pictures) have nothing to show
        }
        appendHtmlEscaped(m_out, text.mid(done));
    }

    void writePicture(const QTextImageFormat &format)
    {
        const QImage picture = pictureOf(m_document.resource(QTextDocument::ImageResource, QUrl(format.name())));
        if (picture.isNull())
            return;
        Result<QString> source = m_owner.pictureSource(picture);
        if (!source) {
            m_status = source.status();
            return;
        }
        // Pictures without a size in their format show at their natural size at imageDpi.
        const qreal natural = 96.0 / (m_owner.m_imageDpi > 0 ? m_owner.m_imageDpi : 96.0);
        qreal width = format.width() * m_scale;
        qreal height = format.height() * m_scale;
        if (width <= 0 && height <= 0) {
            width = picture.width() * natural;
            height = picture.height() * natural;
        } else if (width <= 0) {
            width = height * picture.width() / picture.height();
        } else if (height <= 0) {
            height = width * picture.height() / picture.width();
        }
        m_out += QLatin1String("<img src=\"");
        appendHtmlEscaped(m_out, *source);
        m_out += QLatin1String("\" alt=\"");
        appendHtmlEscaped(m_out, format.stringProperty(QTextFormat::ImageAltText));
        m_out += QStringLiteral("\" width=\"%1\" height=\"%2\"/>")
                     .arg(std::max(1, qRound(width)))
                     .arg(std::max(1, qRound(height)));
    }

    FlowHtmlWriter &m_owner;
    const QTextDocument &m_document;
    QString &m_out;
    const CancellationToken &m_token;
    const qreal m_scale;
    Status m_status;
    HtmlListNesting m_lists;
    std::vector<Mark> m_marks;
    bool m_inPre = false;
    int m_blocks = 0;
};

FlowHtmlWriter::FlowHtmlWriter(PictureSink pictures, double imageDpi)
    : m_pictures(std::move(pictures))
    , m_imageDpi(imageDpi)
{ }

Status FlowHtmlWriter::write(
    const QTextDocument &document, int from, int to, QString &out, const CancellationToken &token)
{
    from = std::max(0, from);
    to = std::min(to, document.characterCount());
    if (from >= to)
        return {};
    HtmlPass writer(*this, document, out, token);
    return writer.write(from, to);
}

qreal FlowHtmlWriter::cssPixelsPerFormatPixel(const QTextDocument &document)
{
    QPaintDevice *device = document.documentLayout()->paintDevice();
    if (!device)
        return 1; // formats are in screen pixels, which CSS pixels approximate
    const auto found = m_scales.constFind(device);
    if (found != m_scales.cend())
        return *found;
    // Format lengths are pixels at the screen's resolution that the layout scales to the device
    // by formatLengthScale(); the device has logicalDpiY() of them per inch, CSS 96.
    const int dpi = device->logicalDpiY();
    const qreal scale = dpi > 0 ? text::formatLengthScale(device) * 96.0 / dpi : 1;
    m_scales.insert(device, scale);
    return scale;
}

Result<QString> FlowHtmlWriter::pictureSource(const QImage &picture)
{
    const auto found = m_sources.constFind(picture.cacheKey());
    if (found != m_sources.cend())
        return *found;
    Result<QString> source = m_pictures(picture);
    if (source)
        m_sources.insert(picture.cacheKey(), *source);
    return source;
}

} // namespace folio
