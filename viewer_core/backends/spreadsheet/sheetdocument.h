// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formcontrol.h"
#include "sheetreader.h"

#include "document.h"

#include <QFont>
#include <QHash>
#include <QImage>

#include <memory>
#include <vector>

namespace folio::office {
class ImageStore;
class Package;
} // namespace folio::office

namespace folio::spreadsheet {

struct PageGeometry;

// A workbook printed the way LibreOffice prints it: each visible sheet on the paper, margins,
// scale, grid, headings, header and footer its page setup asks for (Sheet::page), its print area
// or else its used range (from A1) cut into pages down then across (or across then down), at the
// manual breaks and where the paper is full. Pages without a single value are left out, so an
// empty sheet prints nothing.
//
// Pages stream in: sheets are read one after the other and a sheet's rows in chunks, the pages
// of its first band of columns appearing as the rows arrive; the bands to the right follow when
// the sheet's last row is known. text(i) has page i's cells (tabs between cells, line feeds
// between rows); textBoxes(i) the words as drawn.
class SheetDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::spreadsheet::SheetDocument)
public:
    struct Format
    {
        QString id; // "xlsx", "ods"
        QString name;
        QString mimeType;
    };
    // Takes over the package and the reader (which reads from the package). Reads up to the
    // first page.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<office::Package> package,
        std::unique_ptr<SheetReader> reader, const Format &format, RenderOptions options, const Limits &limits,
        const CancellationToken &token, const ProgressCallback &progress);
    ~SheetDocument() override;

protected:
    int doPageCount() const override { return int(m_pages.size()); }
    bool doIsPageCountFinal() const override { return m_final; }
    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress) override;
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    // The sheet's pictures and charts over the cells of `page` (painter in the page's cell space).
    void paintDrawings(
        const PageGeometry &page, QPainter &painter, const RenderRequest &request, const CancellationToken &token);
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }

private:
    SheetDocument(std::unique_ptr<office::Package> package, std::unique_ptr<SheetReader> reader, RenderOptions options,
        const Limits &limits);

    struct Page
    {
        int sheet = -1; // -1: the page of a workbook without visible sheets
        int band = 0; // which columns
        int firstRow = 0;
        int lastRow = -1; // inclusive; -1: no rows (an empty sheet)
    };
    // A run of rows that fits one page's height, and the column bands holding something in it.
    struct RowPage
    {
        int first = 0;
        int last = 0;
        std::vector<int> bands;
    };
    // The pagination of one print area of a sheet (or of its used range). A sheet with several
    // print areas has a state for each, sharing the sheet: the next one starts when the sheet has
    // been read and the previous one's pages are all known.
    struct SheetState
    {
        explicit SheetState(std::shared_ptr<Sheet> shared)
            : owner(std::move(shared))
            , sheet(*owner)
        { }
        std::shared_ptr<Sheet> owner;
        Sheet &sheet;
        int area = -1; // index into sheet.page.printAreas; -1: no print area
        double titleWidth = 0; // of the title columns, on the pages that repeat them
        QList<int> bandStarts; // first column of each band of columns that fits the page width
        // The printed rows and columns (the print area, or the whole grid), and the sheet's size
        // on paper.
        int firstRow = 0;
        int lastRow = MaxRows - 1;
        int firstColumn = 0;
        int lastColumn = MaxColumns - 1;
        double scale = 1;
        double headingWidth = 0; // room the row numbers take, 0 when headings are not printed
        double headingHeight = 0;
        double titleHeight = -1; // their height, once they are read (-1: not yet)
        std::vector<RowPage> rowPages;
        // The row page being filled.
        size_t fedRows = 0; // sheet.rows entries paginated so far
        int cursor = 0; // next row index to paginate
        int openFirst = 0;
        double used = 0; // points of the open row page's height taken
        int openLastValue = -1; // last row with something to show in the open row page
        std::vector<int> openBands;
        int firstPage = -1;

        int bandOf(int column) const;
        int bandEnd(int band) const;
    };

    Status startSheet(std::unique_ptr<SheetState> state);
    // The room for cells on one page of the sheet, in the sheet's points (before scaling).
    QSizeF bodySize(const SheetState &state) const;
    QString expandFields(const QString &text, int index) const;
    // One line of the header or footer printed on a page, where it starts (the top of its line).
    struct BandLine
    {
        QString text;
        QPointF topLeft;
        bool header = true;
    };
    // The header's lines, then the footer's, of page `index`, fields expanded.
    QList<BandLine> headerFooterLines(int index) const;
    QFont bandFont() const;
    Status paginate(SheetState &state);
    // Adds to `bands` the column bands of the drawings covering rows `firstRow` to `lastRow`.
    void addDrawingBands(const SheetState &state, int firstRow, int lastRow, std::vector<int> &bands) const;
    void addRows(SheetState &state, int first, int count, double height, const std::vector<int> &bands);
    Status closeRowPage(SheetState &state, int last);
    Status finishSheet(SheetState &state);
    Status addPage(const Page &page);
    std::vector<int> bandsOf(const SheetState &state, const Row &row) const;

    PageGeometry geometry(int index) const;
    QFont fontFor(int style) const;
    QFont controlFont(const FormControl &control) const;
    // The captions of the controls over `page`, laid out as drawn and clipped to its cells.
    struct PlacedCaption
    {
        const Drawing *drawing = nullptr;
        CaptionLayout laid;
    };
    std::vector<PlacedCaption> placedCaptions(const PageGeometry &page) const;

    std::unique_ptr<office::Package> m_package;
    std::unique_ptr<office::ImageStore> m_images; // the drawings' pictures
    std::unique_ptr<SheetReader> m_reader;
    RenderOptions m_options;
    Metadata m_metadata;
    std::vector<std::unique_ptr<SheetState>> m_sheets;
    bool m_reading = false; // the last sheet in m_sheets is still being read
    bool m_final = false;
    QList<Page> m_pages;
    Status m_pageLimit; // LimitExceeded once a page was refused

    QImage m_pointDevice;
    QFont m_headingFont;
    qreal m_rowHeadingWidth = 0;
    mutable QHash<int, QFont> m_fonts;

    friend struct PageGeometry;
    friend class PagePainter;
};

} // namespace folio::spreadsheet
