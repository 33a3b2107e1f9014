// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvdocument.h"

#include "fonts.h"
#include "logging.h"
#include "chunkedio.h"
#include "backends/common/text/textpage.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>
#include <numeric>

namespace folio::text {

namespace {

constexpr qreal TableFontSize = 8; // points
constexpr qreal CellPadding = 2.5;
constexpr qreal MinColumnWidth = 24;
constexpr qreal MaxColumnWidth = 200;
// Columns measured for their width; more never fit on a page at the minimum width anyway.
constexpr int MeasuredColumns = 64;
constexpr int SampleRows = 200;
constexpr qint64 SampleBytes = 1024LL * 1024;
// A cell shows one elided line, so a few kilobytes of a record are plenty to draw it.
constexpr qint64 DrawnRecordBytes = 64LL * 1024;
constexpr qsizetype DrawnCellChars = 512;
// A page this small is read in one go; a bigger one (huge records) record by record.
constexpr qint64 WholePageBytes = 4LL * 1024 * 1024;

// What a cell shows: its text on one line, control characters made visible.
QString cellDisplay(const QString &cell)
{
    QString shown;
    const QStringView view = QStringView(cell).left(DrawnCellChars);
    shown.reserve(view.size());
    for (qsizetype i = 0; i < view.size(); ++i) {
        const QChar c = view[i];
        if (c == u'\n' || c == u'\r' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            shown.append(QChar(0x21B5)); // ↵: the cell has several lines
        else if (c == u'\t')
            shown.append(u' ');
        else if (c.unicode() < 0x20)
            shown.append(QChar(0x2400 + c.unicode()));
        else
            shown.append(c);
    }
    return shown;
}

// Numbers are right-aligned, as spreadsheets do: "-1.5", "1e6", "3,14", "42 %".
bool looksNumeric(QStringView text)
{
    text = text.trimmed();
    if (text.endsWith(u'%'))
        text.chop(1);
    if (text.isEmpty() || text.size() > 40)
        return false;
    bool digits = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isDigit())
            digits = true;
        else if (!(c == u'.' || c == u',' || c == u'e' || c == u'E' || c == u' '
                     || ((c == u'-' || c == u'+') && (i == 0 || text[i - 1] == u'e' || text[i - 1] == u'E'))))
            return false;
    }
    return digits;
}

// Keeps at most `maxBytes` of a record, cut on a character boundary.
QByteArrayView clip(QByteArrayView bytes, qint64 maxBytes, const TextEncoding &encoding)
{
    if (bytes.size() <= maxBytes)
        return bytes;
    qint64 cut = maxBytes - maxBytes % encoding.unitSize();
    if (encoding.kind() == TextEncoding::Kind::Utf8) {
        while (cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80)
            --cut;
    }
    return bytes.first(cut);
}

} // namespace

char CsvDocument::detectDelimiter(QStringView head)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (const QChar c : head) {
        if (c == u'"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == u'\n')
            break;
        else if (c == u',')
            ++commas;
        else if (c == u';')
            ++semicolons;
        else if (c == u'\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return ';';
    if (tabs > commas)
        return '\t';
    return ',';
}

CsvDocument::CsvDocument(
    std::unique_ptr<QIODevice> device, const TextEncoding &encoding, char delimiter, const Limits &limits)
    : StreamedDocument(std::move(device), encoding, limits)
    , m_delimiter(delimiter)
    , m_scanner(encoding.kind(), delimiter, dataStart())
    , m_pointDevice(makePointDevice())
{
    m_font = fonts::font(fonts::Role::Sans, TableFontSize);
    m_headerFont = m_font;
    m_headerFont.setBold(true);
    const QFontMetricsF metrics(m_font, &m_pointDevice);
    m_rowHeight = std::max<qreal>(metrics.lineSpacing(), 1) + 2 * CellPadding;
}

Result<std::unique_ptr<Document>> CsvDocument::open(std::unique_ptr<QIODevice> device, const TextEncoding &encoding,
    Dialect dialect, const QMimeType &mimeType, const Limits &limits, const CancellationToken &token,
    const ProgressCallback &progress)
{
    char delimiter = '\t';
    if (dialect == Dialect::Csv) {
        const Result<QByteArray> head = readAt(*device, encoding.bomSize(), TextEncoding::SampleSize);
        if (!head)
            return head.status();
        delimiter = detectDelimiter(encoding.decode(*head));
    }
    std::unique_ptr<CsvDocument> document(new CsvDocument(std::move(device), encoding, delimiter, limits));
    const QString fallbackName = dialect == Dialect::Csv ? tr("CSV table") : tr("TSV table");
    document->setFormat(QStringLiteral("csv"), mimeType.isValid() ? mimeType.comment() : fallbackName,
        mimeType.isValid() ? mimeType.name() : QStringLiteral("text/csv"));
    document->setCapabilities(
        Capability::Text | Capability::TextLayout | Capability::StreamingPages | Capability::VectorPaint);
    if (Status status = document->measure(token); !status)
        return status;
    if (Status status = document->start(token, progress); !status)
        return status;
    qCDebug(lcText) << "csv:" << encoding.name() << "delimiter" << delimiter << document->m_columnCount << "columns,"
                    << document->m_rowsPerPage << "rows per page";
    return std::unique_ptr<Document>(std::move(document));
}

Status CsvDocument::measure(const CancellationToken &token)
{
    const Result<QByteArray> sample = readAt(device(), dataStart(), SampleBytes);
    if (!sample)
        return sample.status();
    const bool complete = dataStart() + sample->size() >= dataEnd();
    QList<CsvRecord> records;
    CsvScanner scanner(encoding().kind(), m_delimiter, dataStart());
    const auto collect = [&records](const CsvRecord &record) {
        if (records.size() < SampleRows)
            records.append(record);
    };
    scanner.feed(sample->constData(), sample->size() - sample->size() % encoding().unitSize(), dataStart(), collect);
    if (complete)
        scanner.finish(dataStart() + sample->size(), collect);
    else if (records.isEmpty() && !sample->isEmpty())
        records.append({dataStart(), dataStart() + sample->size(), dataStart() + sample->size()}); // a huge header

    QList<qreal> widths;
    const QFontMetricsF metrics(m_font, &m_pointDevice);
    const QFontMetricsF headerMetrics(m_headerFont, &m_pointDevice);
    for (qsizetype row = 0; row < records.size(); ++row) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const CsvRecord &record = records[row];
        const QStringList cells
            = decodeRecord(QByteArrayView(*sample).sliced(record.begin - dataStart(), record.contentEnd - record.begin),
                DrawnRecordBytes);
        if (row == 0)
            m_header = cells;
        m_columnCount = std::max(m_columnCount, int(cells.size()));
        const qsizetype measured = std::min<qsizetype>(cells.size(), MeasuredColumns);
        if (widths.size() < measured)
            widths.resize(measured, 0);
        for (qsizetype column = 0; column < measured; ++column) {
            const QFontMetricsF &fm = row == 0 ? headerMetrics : metrics;
            const qreal width = fm.horizontalAdvance(cellDisplay(cells[column]).left(64));
            widths[column] = std::max(widths[column], width);
        }
    }
    layOut(widths);
    return {};
}

void CsvDocument::layOut(QList<qreal> naturalWidths)
{
    for (qreal &width : naturalWidths)
        width = std::clamp(width + 2 * CellPadding, MinColumnWidth, MaxColumnWidth);
    naturalWidths.resize(m_columnCount, MinColumnWidth);
    const qreal natural = std::accumulate(naturalWidths.cbegin(), naturalWidths.cend(), qreal(0));
    const qreal portraitWidth = A4Portrait.width() - 2 * PageMargin;
    m_pageSize = natural <= portraitWidth ? A4Portrait : A4Landscape;
    const qreal available = m_pageSize.width() - 2 * PageMargin;
    if (natural > available) {
        // Squeeze every column alike; past the minimum width, the last ones fall off the page.
        const qreal scale = available / natural;
        for (qreal &width : naturalWidths)
            width = std::max(MinColumnWidth, width * scale);
    }
    m_columnWidths = naturalWidths;
    m_rowsPerPage = std::max(2, int(std::floor((m_pageSize.height() - 2 * PageMargin) / m_rowHeight)));
}

void CsvDocument::scan(const char *data, qint64 size, qint64 offset)
{
    m_scanner.feed(data, size, offset, [this](const CsvRecord &record) { countRecord(record); });
}

void CsvDocument::scanEnd(qint64 end)
{
    m_scanner.finish(end, [this](const CsvRecord &record) { countRecord(record); });
}

void CsvDocument::countRecord(const CsvRecord &record)
{
    // The header takes the first row of page 1 and is drawn again on top of every other page.
    if (m_recordCount++ == 0)
        return;
    if (++m_dataRowsOnPage == m_rowsPerPage - 1) {
        m_dataRowsOnPage = 0;
        addPageStart(record.next);
    }
}

QStringList CsvDocument::decodeRecord(QByteArrayView bytes, qint64 maxBytes) const
{
    return parseCsvRecord(encoding().decode(clip(bytes, maxBytes, encoding())), QLatin1Char(m_delimiter));
}

Result<QList<QStringList>> CsvDocument::pageRecords(int index, qint64 maxBytes, const CancellationToken &token)
{
    const auto [begin, end] = pageRange(index);
    const bool whole = end - begin <= WholePageBytes;
    QList<CsvRecord> records;
    QByteArray bytes;
    CsvScanner scanner(encoding().kind(), m_delimiter, begin);
    const auto collect = [&records](const CsvRecord &record) { records.append(record); };
    qint64 pos = begin;
    while (pos < end) {
        if (token.isCancelled())
            return Status::fromToken(token);
        Result<QByteArray> chunk = readAt(device(), pos, std::min(IoChunk, end - pos));
        if (!chunk)
            return chunk.status();
        if (chunk->isEmpty())
            break;
        scanner.feed(chunk->constData(), chunk->size() - chunk->size() % encoding().unitSize(), pos, collect);
        pos += chunk->size();
        if (whole)
            bytes.append(*chunk);
    }
    scanner.finish(pos, collect);

    QList<QStringList> rows;
    rows.reserve(records.size());
    for (const CsvRecord &record : std::as_const(records)) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 length = record.contentEnd - record.begin;
        if (whole) {
            rows.append(decodeRecord(QByteArrayView(bytes).sliced(record.begin - begin, length), maxBytes));
            continue;
        }
        Result<QByteArray> recordBytes = readAt(device(), record.begin, std::min(length, maxBytes));
        if (!recordBytes)
            return recordBytes.status();
        rows.append(decodeRecord(*recordBytes, maxBytes));
    }
    return rows;
}

QList<CsvDocument::DrawnCell> CsvDocument::layOutRow(const QStringList &cells, qreal top, bool header) const
{
    QList<DrawnCell> drawn;
    const QFontMetricsF metrics(header ? m_headerFont : m_font, &m_pointDevice);
    const qreal right = m_pageSize.width() - PageMargin;
    qreal x = PageMargin;
    for (int column = 0; column < m_columnCount && x < right; ++column) {
        const qreal width = m_columnWidths[column];
        if (column < cells.size() && !cells[column].isEmpty()) {
            const QRectF box(x + CellPadding, top, width - 2 * CellPadding, m_rowHeight);
            const QString shown = metrics.elidedText(cellDisplay(cells[column]), Qt::ElideRight, box.width());
            const Qt::Alignment alignment
                = (!header && looksNumeric(cells[column]) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
            drawn.append(DrawnCell {box, shown, int(alignment) | Qt::TextSingleLine});
        }
        x += width;
    }
    return drawn;
}

void CsvDocument::drawRow(QPainter &painter, const QStringList &cells, qreal top, bool header) const
{
    for (const DrawnCell &cell : layOutRow(cells, top, header))
        painter.drawText(cell.rect, cell.flags, cell.shown);
}

Result<QList<QStringList>> CsvDocument::pageRows(int index, const CancellationToken &token)
{
    Result<QList<QStringList>> records = pageRecords(index, DrawnRecordBytes, token);
    if (!records)
        return records;
    // Page 1 starts with the header record itself; later pages repeat it.
    if (index > 0)
        records->prepend(m_header);
    if (records->size() > m_rowsPerPage)
        records->resize(m_rowsPerPage);
    return records;
}

QRectF CsvDocument::tableRect(int rowCount) const
{
    const qreal tableWidth = std::min(
        std::accumulate(m_columnWidths.cbegin(), m_columnWidths.cend(), qreal(0)), m_pageSize.width() - 2 * PageMargin);
    return QRectF(PageMargin, PageMargin, tableWidth, rowCount * m_rowHeight);
}

Result<QImage> CsvDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
}

Status CsvDocument::doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    Result<QList<QStringList>> records = pageRows(index, token);
    if (!records)
        return records.status();
    const QList<QStringList> &rows = *records;

    const PainterSave saved(painter);
    const int rowCount = int(rows.size());
    const QRectF table = tableRect(rowCount);
    const qreal tableWidth = table.width();
    painter.setClipRect(table.adjusted(-1, -1, 1, 1));
    const QColor ink = inkFor(request.background);
    if (rowCount > 0)
        painter.fillRect(QRectF(table.topLeft(), QSizeF(tableWidth, m_rowHeight)), QColor(0xE6, 0xE6, 0xE6));
    for (int row = 0; row < rowCount; ++row) {
        if (row % 8 == 0 && token.isCancelled())
            return Status::fromToken(token);
        const bool header = row == 0;
        painter.setFont(header ? m_headerFont : m_font);
        painter.setPen(header ? QColor(Qt::black) : ink);
        drawRow(painter, rows[row], PageMargin + row * m_rowHeight, header);
    }
    // The grid on top, so cell text never hides a line.
    if (rowCount == 0)
        return {};
    painter.setPen(QPen(QColor(0xA0, 0xA0, 0xA0), 0.5));
    for (int row = 0; row <= rowCount; ++row)
        painter.drawLine(
            QLineF(table.left(), table.top() + row * m_rowHeight, table.right(), table.top() + row * m_rowHeight));
    qreal x = table.left();
    for (int column = 0; column < m_columnCount && x < table.right(); ++column) {
        painter.drawLine(QLineF(x, table.top(), x, table.bottom()));
        x += m_columnWidths[column];
    }
    painter.drawLine(QLineF(table.right(), table.top(), table.right(), table.bottom()));
    return {};
}

Result<QList<TextBox>> CsvDocument::doTextBoxes(int index, const CancellationToken &token)
{
    Result<QList<QStringList>> records = pageRows(index, token);
    if (!records)
        return records.status();
    const QList<QStringList> &rows = *records;
    const QRectF clip = tableRect(int(rows.size())).adjusted(-1, -1, 1, 1);
    QList<TextBox> boxes;
    for (int row = 0; row < rows.size(); ++row) {
        if (row % 8 == 0 && token.isCancelled())
            return Status::fromToken(token);
        const bool header = row == 0;
        const QFont &font = header ? m_headerFont : m_font;
        const QFontMetricsF metrics(font, &m_pointDevice);
        for (const DrawnCell &cell : layOutRow(rows[row], PageMargin + row * m_rowHeight, header)) {
            // Where QPainter::drawText(rect, flags, text) puts the line: the same text layout.
            const QRectF line = metrics.boundingRect(cell.rect, cell.flags, cell.shown);
            const qsizetype first = boxes.size();
            appendWords(boxes, cell.shown, font, &m_pointDevice, line.topLeft(), line.height());
            // Cut where the page's clip cuts the drawing; words wholly outside are not on the page.
            for (qsizetype i = boxes.size() - 1; i >= first; --i) {
                boxes[i].rect = boxes[i].rect.intersected(clip);
                if (boxes[i].rect.isEmpty())
                    boxes.remove(i);
            }
            if (boxes.size() > first)
                boxes.last().lineEnd = true;
        }
    }
    return boxes;
}

Result<QString> CsvDocument::doText(int index, const CancellationToken &token)
{
    Result<QList<QStringList>> records = pageRecords(index, CsvScanner::MaxRecordBytes, token);
    if (!records)
        return records.status();
    QStringList lines;
    lines.reserve(records->size());
    for (const QStringList &cells : std::as_const(*records))
        lines.append(cells.join(u'\t'));
    return lines.join(u'\n');
}

Metadata CsvDocument::doMetadata() const
{
    Metadata metadata {
        {QStringLiteral("Encoding"), encoding().name()},
        {QStringLiteral("Delimiter"), m_delimiter == '\t' ? tr("Tab") : QString(QLatin1Char(m_delimiter))},
        {QStringLiteral("Columns"), QString::number(m_columnCount)},
    };
    if (isPageCountFinal())
        metadata.append({QStringLiteral("Rows"), QString::number(m_recordCount)});
    metadata.append({QStringLiteral("Size"), QString::number(dataEnd())});
    return metadata;
}

} // namespace folio::text
