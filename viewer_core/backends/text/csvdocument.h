// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "csvscanner.h"
#include "streameddocument.h"

#include <QFont>
#include <QImage>
#include <QMimeType>

namespace folio::text {

// CSV and TSV drawn as a table: the first record is the header (bold, shaded, repeated at the
// top of every page), one record per row, cells cut to one line and elided. Column widths come
// from the first rows; a table too wide for portrait A4 gets landscape, and one too wide for that
// is squeezed, with columns past the right margin left out of the picture (not of the text).
//
// Pages are found by streaming, like plain text: the record scanner needs no decoding.
// text(i) has the records of page i (page 0 starts with the header), cells joined by tabs and
// records by line feeds. textBoxes(i) has the words as drawn, repeated header and elision
// included (text cut off by the elision is not on the page, so it has no box); every cell ends a
// line, so a highlight never spans a column border.
class CsvDocument final : public StreamedDocument
{
    Q_DECLARE_TR_FUNCTIONS(folio::text::CsvDocument)
public:
    enum class Dialect { Csv, Tsv };

    // `device` must be random-access.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<QIODevice> device, const TextEncoding &encoding,
        Dialect dialect, const QMimeType &mimeType, const Limits &limits, const CancellationToken &token,
        const ProgressCallback &progress);

    // The delimiter a CSV file uses: ';' or a tab instead of ',' when its first line has more of them.
    static char detectDelimiter(QStringView head);

protected:
    QSizeF doPageSize(int) const override { return m_pageSize; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Metadata doMetadata() const override;

    void scan(const char *data, qint64 size, qint64 offset) override;
    void scanEnd(qint64 end) override;

private:
    CsvDocument(std::unique_ptr<QIODevice> device, const TextEncoding &encoding, char delimiter, const Limits &limits);

    Status measure(const CancellationToken &token);
    void layOut(QList<qreal> naturalWidths);
    void countRecord(const CsvRecord &record);
    // The records of page `index`, each decoded from at most `maxBytes` of its bytes and split.
    Result<QList<QStringList>> pageRecords(int index, qint64 maxBytes, const CancellationToken &token);
    QStringList decodeRecord(QByteArrayView bytes, qint64 maxBytes) const;
    // A cell as drawn: its text (elided) in `rect` with Qt::AlignmentFlag and Qt::TextFlag `flags`.
    struct DrawnCell
    {
        QRectF rect;
        QString shown;
        int flags = 0;
    };
    QList<DrawnCell> layOutRow(const QStringList &cells, qreal top, bool header) const;
    void drawRow(QPainter &painter, const QStringList &cells, qreal top, bool header) const;
    // The rows page `index` shows: its records, after the repeated header on pages past the first.
    Result<QList<QStringList>> pageRows(int index, const CancellationToken &token);
    QRectF tableRect(int rowCount) const;

    char m_delimiter;
    CsvScanner m_scanner;
    qint64 m_recordCount = 0; // records scanned so far, header included
    int m_dataRowsOnPage = 0;

    QImage m_pointDevice; // for font metrics in points
    QFont m_font;
    QFont m_headerFont;
    qreal m_rowHeight = 0;
    QStringList m_header;
    int m_columnCount = 0;
    QList<qreal> m_columnWidths; // points, as drawn
    QSizeF m_pageSize;
    int m_rowsPerPage = 0; // the header row included
};

} // namespace folio::text
