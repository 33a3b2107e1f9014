// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/text/textpage.h"
#include "linebreaker.h"
#include "streameddocument.h"

#include <QFont>
#include <QMimeType>

namespace folio::text {

// Plain text (logs, source code, anything text/plain) in a fixed monospace grid on A4 pages.
// Pages are found by a byte-level scan (see LineBreaker), so a file of any size opens after
// reading one chunk; the page count grows as ensurePages() reads on.
//
// text(i) is exactly the decoded bytes of page i, line ends included, so joining every page's
// text gives back the file (without its byte order mark). textBoxes(i) has the words as drawn
// (tabs expanded, control characters as their pictures), placed by the same layout as render().
class PlainTextDocument final : public StreamedDocument, public PageFilter
{
    Q_DECLARE_TR_FUNCTIONS(folio::text::PlainTextDocument)
public:
    // The monospace grid in points, from the metrics of the system's fixed-pitch font.
    struct Grid
    {
        QFont font;
        qreal advance = 0; // width of one cell
        qreal lineHeight = 0; // baseline to baseline
        qreal ascent = 0;
        int columns = 0;
        int linesPerPage = 0;

        static Grid compute();
    };

    // `device` must be random-access.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<QIODevice> device, const TextEncoding &encoding,
        const QMimeType &mimeType, const Limits &limits, const CancellationToken &token,
        const ProgressCallback &progress);

    // Searches skip pages by their bytes: text(i) is the page's bytes decoded.
    Result<int> firstCandidatePage(
        int from, int end, const TextMatcher &matcher, const CancellationToken &token) override
    {
        return firstCandidatePageByBytes(from, end, matcher, token);
    }

protected:
    QSizeF doPageSize(int) const override { return A4Portrait; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Metadata doMetadata() const override;

    void scan(const char *data, qint64 size, qint64 offset) override;
    void scanEnd(qint64 end) override;

private:
    PlainTextDocument(
        std::unique_ptr<QIODevice> device, const TextEncoding &encoding, const Grid &grid, const Limits &limits);
    void countLine(const VisualLine &line);
    // The lines page `index` shows (at most linesPerPage), with the page's bytes in `bytes`.
    QList<VisualLine> pageLines(int index, const QByteArray &bytes) const;
    // Line `line` of a page starting at byte `begin` whose bytes are `bytes`, as drawn.
    QString shownLine(const QByteArray &bytes, qint64 begin, const VisualLine &line) const;
    QString displayLine(const QString &decoded) const;

    Grid m_grid;
    LineBreaker m_breaker;
    int m_linesOnPage = 0;
};

} // namespace folio::text
