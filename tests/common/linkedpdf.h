// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testfiles.h"

#include <QByteArray>
#include <QRectF>

// A PDF with links of every kind Folio follows and page labels, written by hand (QPdfWriter
// writes neither /Annots of links nor /PageLabels).
namespace folio::test::linked {

// Four Letter pages (612 × 792 points) labelled "i", "ii", "1", "2" (/PageLabels: roman from
// page 1, decimal from page 3).
constexpr int PageCount = 4;
constexpr double PageHeight = 792;

// The links of page 1, top to bottom, each 200 × 30 points at x = 72 (upright page, origin top
// left), in the order of the page's /Annots.
inline QRectF linkRect(int row)
{
    return QRectF(72, 62 + 50 * row, 200, 30);
}
constexpr int GoToRow = 0; // → page 3 (index 2), /XYZ top 500 = 292 points from the top
constexpr int UriRow = 1; // → https://example.com/folio
constexpr int NamedDestinationRow = 2; // → (chapter2): page 4 (index 3), /XYZ top 700 = 92 points
constexpr int JavaScriptRow = 3; // → javascript:alert(1) (a /URI action, refused by the GUI)
constexpr int LastPageRow = 4; // → the named action /LastPage
constexpr int RemoteRow = 5; // → other.pdf, its page 2
constexpr int LinkCount = 6;
constexpr double GoToTop = 292;
constexpr double NamedDestinationTop = 92;

inline QByteArray linkedPdf()
{
    const auto rect = [](int row) {
        const QRectF r = linkRect(row);
        // PDF rectangles count from the bottom left.
        return "/Rect [" + QByteArray::number(r.left()) + ' ' + QByteArray::number(PageHeight - r.bottom()) + ' '
            + QByteArray::number(r.right()) + ' ' + QByteArray::number(PageHeight - r.top()) + ']';
    };
    const auto link = [&](int row, const QByteArray &action) {
        return "<< /Type /Annot /Subtype /Link /Border [0 0 1] " + rect(row) + ' ' + action + " >>";
    };
    QByteArray content = "BT /F1 14 Tf";
    const char *const captions[] = {"Go to page 3", "example.com", "Chapter two", "Script", "Last page", "Other file"};
    for (int row = 0; row < LinkCount; ++row) {
        const QRectF r = linkRect(row);
        content += " 1 0 0 1 " + QByteArray::number(r.left() + 4) + ' '
            + QByteArray::number(PageHeight - r.bottom() + 10) + " Tm (" + captions[row] + ") Tj";
    }
    content += " ET";
    const QByteArray plainPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";
    return pdfFromObjects({
        "<< /Type /Catalog /Pages 2 0 R /PageLabels << /Nums [0 << /S /r >> 2 << /S /D >>] >>"
        " /Names << /Dests 9 0 R >> >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R] /Count 4 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >>"
        " /Contents 8 0 R /Annots [10 0 R 11 0 R 12 0 R 13 0 R 14 0 R 15 0 R] >>",
        plainPage,
        plainPage,
        plainPage,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Names [(chapter2) [6 0 R /XYZ 0 700 0]] >>",
        link(GoToRow, "/Dest [5 0 R /XYZ 0 500 0]"),
        link(UriRow, "/A << /S /URI /URI (https://example.com/folio) >>"),
        link(NamedDestinationRow, "/Dest (chapter2)"),
        link(JavaScriptRow, "/A << /S /URI /URI (javascript:alert\\(1\\)) >>"),
        link(LastPageRow, "/A << /S /Named /N /LastPage >>"),
        link(RemoteRow, "/A << /S /GoToR /F (other.pdf) /D [1 /Fit] >>"),
    });
}

} // namespace folio::test::linked
