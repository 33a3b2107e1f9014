// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testfiles.h"

#include <QByteArray>
#include <QRectF>

// PDFs with form fields, written by hand (neither QPdfWriter nor Poppler makes fields): an
// AcroForm of every kind of field Folio fills in, and a form that is XFA only.
namespace folio::test::form {

// One Letter page (612 × 792 points). Each field's widget rectangle, in points on the page from
// the top left; the PDF writes them from the bottom left.
constexpr double PageHeight = 792;
inline const QRectF NameRect(72, 80, 200, 20); // text "name", "Ada", at most 40 characters
inline const QRectF AgreeRect(72, 126, 14, 14); // check box "agree", unchecked
inline const QRectF RedRect(72, 166, 14, 14); // radio "color", its first button (on: red), checked
inline const QRectF BlueRect(100, 166, 14, 14); // radio "color", its second button (on: blue)
inline const QRectF SizeRect(72, 200, 100, 20); // combo box "size": Small, Medium (chosen), Large
inline const QRectF ToppingsRect(72, 240, 100, 60); // list box "toppings", several: Cheese and Olives
inline const QRectF CityRect(72, 320, 200, 40); // multi-line text "address.city", "Paris"
inline const QRectF SerialRect(72, 380, 100, 20); // read-only text "serial", "X-1"
inline const QRectF PinRect(72, 420, 100, 20); // password text "pin", empty
constexpr int FieldCount = 9; // widgets: both radio buttons count

inline QByteArray pdfRect(const QRectF &r)
{
    return "/Rect [" + QByteArray::number(r.left()) + ' ' + QByteArray::number(PageHeight - r.bottom()) + ' '
        + QByteArray::number(r.right()) + ' ' + QByteArray::number(PageHeight - r.top()) + ']';
}

inline QByteArray formPdf()
{
    const QByteArray widget = " /Type /Annot /Subtype /Widget /P 3 0 R /F 4 ";
    const QByteArray text = " /DA (/Helv 12 Tf 0 g)";
    const QByteArray on = "<< /Type /XObject /Subtype /Form /BBox [0 0 14 14] /Length 14 >>\nstream\n"
                          "0 0 14 14 re f\nendstream";
    const QByteArray off = "<< /Type /XObject /Subtype /Form /BBox [0 0 14 14] /Length 0 >>\nstream\n\nendstream";
    return pdfFromObjects({
        // 1
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R 7 0 R 10 0 R 11 0 R 14 0 R 16 0 R 17 0 R]"
        " /NeedAppearances true /DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv 4 0 R >> >> >> >>",
        // 2
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        // 3
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [5 0 R 6 0 R 8 0 R 9 0 R 10 0 R 11 0 R 15 0 R"
        " 16 0 R 17 0 R] >>",
        // 4
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        // 5: text
        "<< /FT /Tx /T (name) /TU (Your name) /V (Ada) /MaxLen 40" + text + widget + pdfRect(NameRect) + " >>",
        // 6: check box
        "<< /FT /Btn /T (agree) /TU (I agree) /V /Off /AS /Off /AP << /N << /Yes 12 0 R /Off 13 0 R >> >>" + widget
            + pdfRect(AgreeRect) + " >>",
        // 7: radio group (Radio, NoToggleToOff)
        "<< /FT /Btn /Ff 49152 /T (color) /V /red /Kids [8 0 R 9 0 R] >>",
        // 8, 9: its buttons
        "<< /Parent 7 0 R /AS /red /AP << /N << /red 12 0 R /Off 13 0 R >> >>" + widget + pdfRect(RedRect) + " >>",
        "<< /Parent 7 0 R /AS /Off /AP << /N << /blue 12 0 R /Off 13 0 R >> >>" + widget + pdfRect(BlueRect) + " >>",
        // 10: combo box
        "<< /FT /Ch /Ff 131072 /T (size) /Opt [(Small) (Medium) (Large)] /V (Medium)" + text + widget
            + pdfRect(SizeRect) + " >>",
        // 11: list box, several choices
        "<< /FT /Ch /Ff 2097152 /T (toppings) /Opt [(Cheese) (Ham) (Olives)] /V [(Cheese) (Olives)] /I [0 2]" + text
            + widget + pdfRect(ToppingsRect) + " >>",
        // 12, 13: the check marks' appearances
        on,
        off,
        // 14, 15: a text field inside a named group: "address.city", multi-line
        "<< /T (address) /Kids [15 0 R] >>",
        "<< /FT /Tx /Parent 14 0 R /T (city) /Ff 4096 /V (Paris)" + text + widget + pdfRect(CityRect) + " >>",
        // 16: read-only
        "<< /FT /Tx /T (serial) /Ff 1 /V (X-1)" + text + widget + pdfRect(SerialRect) + " >>",
        // 17: password
        "<< /FT /Tx /T (pin) /Ff 8192 /MaxLen 4" + text + widget + pdfRect(PinRect) + " >>",
    });
}

// A form that exists only as XFA: the AcroForm has an /XFA packet and no fields.
inline QByteArray xfaOnlyPdf()
{
    const QByteArray xdp = "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template/></xdp:xdp>";
    return pdfFromObjects({
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 4 0 R >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        "<< /Length " + QByteArray::number(xdp.size()) + " >>\nstream\n" + xdp + "\nendstream",
    });
}

} // namespace folio::test::form
