// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheetmodel.h"

#include "document.h"

#include <QCoreApplication>

#include <memory>

namespace folio::spreadsheet {

// The token of a long-lived XML reader that outlives the calls feeding it: each call makes the
// relay follow its own token for its duration, so the reader stops when the caller cancels. A
// cancelled reader is spent (SafeXmlReader keeps its failure): the reader rebuilds it from the
// start of the part, skipping what was read, with renew()ed relay.
class TokenRelay
{
public:
    TokenRelay() { renew(); }
    CancellationToken token() const { return m_source->token(); }
    void renew() { m_source = std::make_unique<CancellationSource>(); }
    [[nodiscard]] CancellationRegistration follow(const CancellationToken &call)
    {
        CancellationSource *source = m_source.get();
        const CancellationToken watched = call;
        return call.onCancel([source, watched] { source->cancel(watched.reason()); });
    }

private:
    std::unique_ptr<CancellationSource> m_source;
};

// What every sheet of a workbook shares.
struct Workbook
{
    QList<CellStyle> styles; // index 0 is the default style
    QString defaultFontFamily = QStringLiteral("Liberation Sans");
    double defaultFontSize = 10;
};

// Reads a workbook sheet after sheet, and a sheet's rows in chunks, so the first page shows
// before the rest is read. Implemented by XlsxReader and OdsReader. Not thread-safe.
class SheetReader
{
public:
    virtual ~SheetReader() = default;

    const Workbook &workbook() const { return m_workbook; }

    // Starts the next sheet: fills its name, visibility, column widths and defaults. False when
    // there is none left. Hidden sheets are skipped unless `includeHidden`.
    virtual Result<bool> nextSheet(Sheet &sheet, bool includeHidden, const CancellationToken &token) = 0;
    // Appends about `rows` more rows (entries, repeats counting once) to the sheet started last.
    // Sets sheet.complete at its end.
    virtual Status readRows(Sheet &sheet, int rows, const CancellationToken &token) = 0;

protected:
    Workbook m_workbook;
};

} // namespace folio::spreadsheet
