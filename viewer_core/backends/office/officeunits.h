// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QStringView>

#include <optional>

// Units and small value parsers shared by the OOXML and OpenDocument readers. Every length here
// ends up in points (1/72 inch), the unit of Document::pageSize().
namespace folio::office {

// OOXML DrawingML: English Metric Units, 914400 per inch.
constexpr double emuToPoints(double emu)
{
    return emu / 12700.0;
}
// WordprocessingML: twentieths of a point ("dxa"), e.g. page sizes, indents, table widths.
constexpr double twipsToPoints(double twips)
{
    return twips / 20.0;
}
// WordprocessingML font sizes: half-points.
constexpr double halfPointsToPoints(double halfPoints)
{
    return halfPoints / 2.0;
}
// WordprocessingML border widths: eighths of a point.
constexpr double eighthPointsToPoints(double eighths)
{
    return eighths / 8.0;
}

// An OpenDocument/XSL/CSS length ("2.54cm", "1in", "12pt", "10mm", "6pc", "96px", "0.5em" at
// `emSize` points) in points. nullopt when `text` is not a length (percentages included).
std::optional<double> parseLength(QStringView text, double emSize = 12.0);

// "FF0000" or "#ff0000" (6 hex digits, with or without #). nullopt for "auto",
// empty or malformed values.
std::optional<QColor> parseHexColor(QStringView text);

// A WordprocessingML/DrawingML on/off value: absent means `absent`; "0", "false", "off" and
// "none" mean false; anything else (including "" for <w:b/>) means true.
bool parseOnOff(const QString *value, bool absent = true);

// A percentage in OOXML "thousandths of a percent" (DrawingML: 100000 = 100%) or with a '%'
// sign ("50%"), as a fraction (0.5).
std::optional<double> parsePercentage(QStringView text);

// 0-based column index of a spreadsheet reference ("A1" → 0, "AB12" → 27); -1 when malformed.
int columnIndex(QStringView reference);
// 0-based row index of a reference ("A1" → 0); -1 when malformed or absent.
int rowIndex(QStringView reference);
// "A", "B", ..., "Z", "AA", ... for 0-based column `index`.
QString columnName(int index);

} // namespace folio::office
