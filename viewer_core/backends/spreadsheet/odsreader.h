// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheetreader.h"

#include <QByteArray>
#include <QHash>

#include <memory>
#include <optional>

namespace folio {
class SafeXmlReader;
}
namespace folio::office {
class Package;
}

namespace folio::spreadsheet {

// OpenDocument spreadsheets (ODS, OTS): content.xml is read once, front to back: its automatic
// styles when opening, then table after table, rows in chunks. The cell text is the producer's
// own formatted text (text:p), so no number format needs applying. Repeats stay runs; repeated
// empty cells and rows cost nothing however many there are.
class OdsReader final : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::spreadsheet::OdsReader)
public:
    // `package` must outlive the reader.
    static Result<std::unique_ptr<OdsReader>> open(const office::Package &package, const CancellationToken &token);
    ~OdsReader() override;

    Result<bool> nextSheet(Sheet &sheet, bool includeHidden, const CancellationToken &token) override;
    Status readRows(Sheet &sheet, int rows, const CancellationToken &token) override;

    // A repeat of cells or rows that hold values is cut here: producers repeat empty cells to the
    // edge of the grid, never values, so only hostile files reach it.
    static constexpr int MaxRepeatedCellsWithValue = 1024;
    static constexpr int MaxRepeatedRowsWithValue = 65'536;

private:
    explicit OdsReader(const office::Package &package);

    struct RawStyle
    {
        QString family;
        QString parent;
        std::optional<bool> bold, italic, underline, strike, wrap;
        std::optional<double> size;
        std::optional<QString> fontName;
        std::optional<QColor> color, fill;
        std::optional<HAlign> align;
        double columnWidth = -1;
        double rowHeight = -1;
        bool tableHidden = false;
        bool breakBefore = false; // rows and columns: a manual page break before them
        QString masterPage; // tables: the master page they print with
    };
    // A page layout and a master page of styles.xml, turned into the sheet's page setup.
    struct MasterPage
    {
        QString layout;
        std::optional<HeaderFooterLine> header; // nullopt: none printed
        std::optional<HeaderFooterLine> footer;
    };
    struct PageLayout
    {
        PageSetup setup;
        double headerHeight = 28.35; // the header's height and its spacing, taken from the body
        double footerHeight = 28.35;
    };

    void readStyles(SafeXmlReader &xml, bool automatic);
    void readPageLayout(SafeXmlReader &xml);
    void readMasterPages(SafeXmlReader &xml);
    PageSetup pageSetup(const QString &masterPage) const;
    void readStyle(SafeXmlReader &xml, bool isDefault);
    void resolveStyles();
    Status readStylesPart(const CancellationToken &token);
    Status rebuild(const CancellationToken &token);
    // Moves to the start of the office:spreadsheet body; false when there is none.
    bool findBody(bool readAutomaticStyles);
    // False when the reader failed inside the row (nothing is added then).
    bool readRow(Sheet &sheet);
    QString readCellText();
    void readParagraph(QString &out);

    const office::Package &m_package;
    QByteArray m_content;
    std::unique_ptr<SafeXmlReader> m_xml;
    QHash<QString, RawStyle> m_raw;
    std::optional<RawStyle> m_defaultCellStyle;
    QHash<QString, PageLayout> m_pageLayouts;
    QHash<QString, MasterPage> m_masterPages;
    QHash<QString, int> m_cellStyles; // table-cell style name → Workbook::styles index
    // The current table's columns' default cell styles: (first column, style), for cells without one.
    QList<std::pair<int, int>> m_columnStyles;
    TokenRelay m_relay;
    bool m_broken = false; // m_xml was cancelled: rebuild() before reading on
    // Where the reader is, for rebuild(): tables read or skipped, whether one is being read, and
    // how many of its rows.
    int m_tablesDone = 0;
    bool m_inTable = false;
    int m_rowsRead = 0;
    bool m_pendingRow = false; // the reader stands on a table-row start not read yet
    bool m_bodyDone = false;
    int m_row = 0;
};

} // namespace folio::spreadsheet
