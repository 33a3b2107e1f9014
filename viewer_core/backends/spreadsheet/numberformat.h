// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace folio::spreadsheet {

// Spreadsheet number formats ("0.00", "#,##0", "0%", "0.00E+00", "[$€-407] #,##0.00", "yyyy-mm-dd
// h:mm", ...) applied to a cell value the way Excel shows it, in an English (en-US) locale. Codes
// Folio does not understand (fractions, conditions) fall back to General rather than failing:
// the value must always show.
class NumberFormat
{
public:
    // The format code of a built-in SpreadsheetML numFmtId (0-49); "" for General or an unknown id.
    static QString builtinCode(int id);
    // Whether `code` shows dates or times (has y, m, d, h or s outside quotes and brackets).
    static bool isDateCode(QStringView code);
    // Excel's General: up to 11 characters, scientific beyond.
    static QString general(double value);
    // General in at most `maxChars` characters, the way a spreadsheet fits a General number to
    // its column: fewer decimals, then scientific; "" when not even that fits (the cell shows ###).
    static QString generalFitting(double value, int maxChars);
    // `value` shown with `code` ("" or "General" mean General). `date1904` selects the workbook's
    // date system for date codes.
    static QString format(double value, QStringView code, bool date1904 = false);
};

} // namespace folio::spreadsheet
