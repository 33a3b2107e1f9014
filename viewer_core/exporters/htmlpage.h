// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "exportoptions.h"

#include <QList>
#include <QSizeF>
#include <QString>

// The parts of an exported HTML page that do not depend on the document's kind.
namespace folio {

// What surrounds one page's content: its title and the links to its neighbours among the
// exported pages (texts already translated).
struct HtmlPageFrame
{
    QString title;
    QString label; // "Page 3", shown between the links
    QString previous; // file name of the previous exported page; empty for none
    QString previousLabel;
    QString next;
    QString nextLabel;
};

// A complete polyglot HTML5 document (well-formed XML too: every element closed, text escaped)
// holding `content`, with the export's style sheet inline.
QString htmlDocument(const HtmlPageFrame &frame, const QString &content);

// CSS pixels (96 per inch) of `points`.
inline qreal cssPixels(qreal points)
{
    return points * 96.0 / 72.0;
}

// The text layer of a fixed-layout page: the words of `boxes` (upright page points, see TextBox)
// as transparent, absolutely positioned spans over a page of `pageSize` points shown turned by
// `rotation` degrees clockwise, so the page's text can be selected, searched and copied. Words
// are stretched to their box with scaleX() from an estimate of their width; spaces and line
// breaks between them are real text, so copied text reads as the page does.
QString htmlTextLayer(const QList<TextBox> &boxes, QSizeF pageSize, int rotation);

// The watermark over a page shown `pageSize` points large: rotated, see-through text that lets
// clicks through, sized as paintWatermark() sizes it on raster and PDF pages. Empty for none.
QString htmlWatermark(const Watermark &watermark, QSizeF pageSize);

} // namespace folio
