// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheetreader.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

namespace folio {
class SafeXmlReader;
}
namespace folio::office {
class Package;
}

namespace folio::spreadsheet {

// SpreadsheetML (XLSX, XLTX, XLSM): the workbook's sheet list, shared strings and cell styles are
// read when opening; each worksheet part is read when its turn comes, its rows in chunks.
// Dangling relationships and missing optional parts (shared strings, styles) are tolerated: the
// values that depend on them show empty or unformatted.
class XlsxReader final : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::spreadsheet::XlsxReader)
public:
    // `package` must outlive the reader.
    static Result<std::unique_ptr<XlsxReader>> open(const office::Package &package, const CancellationToken &token);
    ~XlsxReader() override;

    Result<bool> nextSheet(Sheet &sheet, bool includeHidden, const CancellationToken &token) override;
    Status readRows(Sheet &sheet, int rows, const CancellationToken &token) override;

    int sheetCount() const { return int(m_sheets.size()); }

private:
    explicit XlsxReader(const office::Package &package);

    struct SheetEntry
    {
        QString name;
        QString path; // empty when the relationship dangles
        bool hidden = false;
        QList<QRect> printAreas; // from the workbook's defined names
        int titleFirstRow = -1;
        int titleLastRow = -1;
        int titleFirstColumn = -1;
        int titleLastColumn = -1;
    };

    Status readWorkbook(const QString &path, const CancellationToken &token);
    Status readSharedStrings(const QString &path, const CancellationToken &token);
    Status readStyles(const QString &path, const CancellationToken &token);
    Status readSheetHead(Sheet &sheet);
    Status rebuild(const CancellationToken &token);
    // False when the reader failed inside the row (nothing is added then).
    bool readRow(Sheet &sheet);
    void readMerges(Sheet &sheet, qsizetype from) const;
    // The page setup elements that follow sheetData (print options, margins, page setup, header
    // and footer, manual breaks), read from the part's tail.
    void readPageSetup(Sheet &sheet, qsizetype from);
    void readDefinedName(SafeXmlReader &xml);
    // The pictures and charts of the sheet's drawing part and its form and ActiveX controls; what
    // cannot be read is left out.
    void readDrawings(Sheet &sheet, const QString &sheetPath, const CancellationToken &token) const;
    void readControls(Sheet &sheet, const QString &sheetPath, const CancellationToken &token) const;
    std::optional<FormControl> readActiveX(const QString &sheetPath, int shapeId, const CancellationToken &token) const;
    double columnPoints(double characters) const { return characters * m_digitWidth; }

    const office::Package &m_package;
    QList<SheetEntry> m_sheets;
    qsizetype m_nextSheet = 0;
    QStringList m_strings;
    bool m_date1904 = false;
    double m_digitWidth = 5.5;

    // The worksheet being read.
    QByteArray m_data;
    QString m_partName;
    std::unique_ptr<SafeXmlReader> m_xml;
    TokenRelay m_relay;
    bool m_broken = false; // m_xml was cancelled: rebuild() before reading on
    int m_nextRow = 0;
    int m_rowsRead = 0; // <row> elements read from the current sheet
    QHash<int, QString> m_activeX; // the sheet's ActiveX controls: VML shape id to relationship id
};

} // namespace folio::spreadsheet
