// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintextdocument.h"

#include "fonts.h"
#include "logging.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace folio::text {

namespace {

constexpr qreal GridFontSize = 9; // points

// Control characters would draw as nothing or as boxes; their Unicode "control pictures" (␀, ␛)
// show what is there. C1 controls have no pictures.
char32_t visibleControl(char32_t cp)
{
    if (cp < 0x20)
        return 0x2400 + cp;
    if (cp == 0x7F)
        return 0x2421;
    if (cp >= 0x80 && cp < 0xA0)
        return QChar::ReplacementCharacter;
    if (cp == 0x2028 || cp == 0x2029) // line and paragraph separators would break the line
        return 0x21B5;
    return cp;
}

} // namespace

PlainTextDocument::Grid PlainTextDocument::Grid::compute()
{
    Grid grid;
    // A declared family, not the system's monospace font: the grid (and so the page count of a
    // file) is the same on every machine. Unhinted, it is the grid drawn at any DPI.
    grid.font = fonts::font(fonts::Role::Mono, GridFontSize);
    grid.font.setKerning(false);
    const QImage device = makePointDevice();
    const QFontMetricsF metrics(grid.font, &device);
    grid.advance = metrics.horizontalAdvance(QLatin1Char('M'));
    grid.lineHeight = metrics.lineSpacing();
    grid.ascent = metrics.ascent();
    const QSizeF text = A4Portrait - QSizeF(2 * PageMargin, 2 * PageMargin);
    // Guard against a broken font reporting zero metrics: the grid must stay finite.
    grid.columns = std::clamp(int(std::floor(text.width() / std::max<qreal>(grid.advance, 1))), 8, 400);
    grid.linesPerPage = std::clamp(int(std::floor(text.height() / std::max<qreal>(grid.lineHeight, 1))), 1, 400);
    return grid;
}

PlainTextDocument::PlainTextDocument(
    std::unique_ptr<QIODevice> device, const TextEncoding &encoding, const Grid &grid, const Limits &limits)
    : StreamedDocument(std::move(device), encoding, limits)
    , m_grid(grid)
    , m_breaker(encoding.kind(), grid.columns, dataStart())
{ }

Result<std::unique_ptr<Document>> PlainTextDocument::open(std::unique_ptr<QIODevice> device,
    const TextEncoding &encoding, const QMimeType &mimeType, const Limits &limits, const CancellationToken &token,
    const ProgressCallback &progress)
{
    const Grid grid = Grid::compute();
    std::unique_ptr<PlainTextDocument> document(new PlainTextDocument(std::move(device), encoding, grid, limits));
    document->setFormat(QStringLiteral("text"), mimeType.isValid() ? mimeType.comment() : tr("Plain text"),
        mimeType.isValid() ? mimeType.name() : QStringLiteral("text/plain"));
    document->setCapabilities(
        Capability::Text | Capability::TextLayout | Capability::StreamingPages | Capability::VectorPaint);
    if (Status status = document->start(token, progress); !status)
        return status;
    qCDebug(lcText) << "plain text:" << encoding.name() << grid.columns << "columns," << grid.linesPerPage
                    << "lines per page," << grid.font.family();
    return std::unique_ptr<Document>(std::move(document));
}

void PlainTextDocument::scan(const char *data, qint64 size, qint64 offset)
{
    m_breaker.feed(data, size, offset, [this](const VisualLine &line) { countLine(line); });
}

void PlainTextDocument::scanEnd(qint64 end)
{
    m_breaker.finish(end, [this](const VisualLine &line) { countLine(line); });
}

void PlainTextDocument::countLine(const VisualLine &line)
{
    if (++m_linesOnPage == m_grid.linesPerPage) {
        m_linesOnPage = 0;
        addPageStart(line.next);
    }
}

QString PlainTextDocument::displayLine(const QString &decoded) const
{
    QString shown;
    shown.reserve(decoded.size() + 16);
    int column = 0;
    for (char32_t cp : QStringView(decoded).toUcs4()) {
        if (cp == U'\t') {
            const int width = tabWidth(column, m_grid.columns);
            shown.append(QString(width, QLatin1Char(' ')));
            column += width;
            continue;
        }
        const char32_t visible = visibleControl(cp);
        shown.append(QChar::fromUcs4(visible));
        column += cellWidth(visible);
    }
    return shown;
}

QList<VisualLine> PlainTextDocument::pageLines(int index, const QByteArray &bytes) const
{
    const qint64 begin = pageRange(index).first;
    const qint64 whole = bytes.size() - bytes.size() % encoding().unitSize();
    QList<VisualLine> lines;
    LineBreaker breaker(encoding().kind(), m_grid.columns, begin);
    const auto collect = [&lines](const VisualLine &line) { lines.append(line); };
    breaker.feed(bytes.constData(), whole, begin, collect);
    breaker.finish(begin + bytes.size(), collect);
    if (lines.size() > m_grid.linesPerPage)
        lines.resize(m_grid.linesPerPage);
    return lines;
}

QString PlainTextDocument::shownLine(const QByteArray &bytes, qint64 begin, const VisualLine &line) const
{
    return displayLine(
        encoding().decode(QByteArrayView(bytes.constData() + (line.begin - begin), line.contentEnd - line.begin)));
}

Result<QImage> PlainTextDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
}

Status PlainTextDocument::doPaint(
    int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    Result<QByteArray> bytes = readPage(index);
    if (!bytes)
        return bytes.status();
    const qint64 begin = pageRange(index).first;
    const QList<VisualLine> lines = pageLines(index, *bytes);

    const PainterSave saved(painter);
    painter.setFont(m_grid.font);
    painter.setPen(inkFor(request.background));
    for (int i = 0; i < lines.size(); ++i) {
        if (i % 16 == 0 && token.isCancelled())
            return Status::fromToken(token);
        const qreal baseline = PageMargin + i * m_grid.lineHeight + m_grid.ascent;
        painter.drawText(QPointF(PageMargin, baseline), shownLine(*bytes, begin, lines[i]));
    }
    return {};
}

Result<QList<TextBox>> PlainTextDocument::doTextBoxes(int index, const CancellationToken &token)
{
    Result<QByteArray> bytes = readPage(index);
    if (!bytes)
        return bytes.status();
    const qint64 begin = pageRange(index).first;
    const QList<VisualLine> lines = pageLines(index, *bytes);
    const QImage device = makePointDevice();
    QList<TextBox> boxes;
    bool continues = false; // the previous line was wrapped in the middle of a word
    for (int i = 0; i < lines.size(); ++i) {
        if (i % 16 == 0 && token.isCancelled())
            return Status::fromToken(token);
        const QString shown = shownLine(*bytes, begin, lines[i]);
        // A word cut by wrapping goes on without a space: the line before ends in lineEnd only.
        if (continues && !shown.isEmpty() && !shown.front().isSpace())
            boxes.last().spaceAfter = false;
        const qsizetype before = boxes.size();
        appendWords(boxes, shown, m_grid.font, &device, QPointF(PageMargin, PageMargin + i * m_grid.lineHeight),
            m_grid.lineHeight);
        const bool wrapped = lines[i].contentEnd == lines[i].next && i + 1 < lines.size();
        continues = wrapped && boxes.size() > before && !shown.isEmpty() && !shown.back().isSpace();
    }
    return boxes;
}

Result<QString> PlainTextDocument::doText(int index, const CancellationToken &)
{
    Result<QByteArray> bytes = readPage(index);
    if (!bytes)
        return bytes.status();
    return encoding().decode(*bytes);
}

Metadata PlainTextDocument::doMetadata() const
{
    return {
        {QStringLiteral("Encoding"), encoding().name()},
        {QStringLiteral("Size"), QString::number(dataEnd())},
    };
}

} // namespace folio::text
