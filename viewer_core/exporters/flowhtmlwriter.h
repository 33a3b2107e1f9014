// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"
#include "status.h"

#include <QHash>
#include <QImage>
#include <QString>

#include <functional>

class QPaintDevice;
class QTextDocument;

namespace folio {

// Writes a range of a QTextDocument (a page of a flow document, see Document::visitFlow()) as
// semantic HTML: h1..h6 from QTextBlockFormat::headingLevel(), p, pre for code blocks, ul/ol/li
// (QTextList, or the "marker<tab>" paragraphs the DOCX and ODT readers write), table/thead/th/td
// with row and column spans, img, a href, and strong/em/u/s/sub/sup/code and colour for runs.
// Elements are closed and text escaped for XML (polyglot HTML5).
//
// One pass over the blocks of the range with QString appends: no QTextCursor, no per-character
// document calls. Not thread-safe; one writer per export.
class FlowHtmlWriter
{
public:
    // Turns a picture of the text into the value of an img src (a data: URI or a relative path).
    using PictureSink = std::function<Result<QString>(const QImage &picture)>;

    // `imageDpi` is the resolution the document's pictures are decoded at (the one given to
    // visitFlow()); it sizes pictures whose format has no size of its own.
    FlowHtmlWriter(PictureSink pictures, double imageDpi);

    // Appends the characters [from, to) of `document` (cursor positions) to `out`. A paragraph
    // cut at either end contributes only its characters inside the range; table rows are kept
    // when one of their cells is in it, and the header rows of a table continued from an earlier
    // page are repeated, as the layout draws them. Pictures are read through
    // document.resource(), so the call must happen while they are loadable (inside the visitor).
    Status write(const QTextDocument &document, int from, int to, QString &out, const CancellationToken &token);

private:
    friend class HtmlPass;
    // CSS pixels per length unit of the document's formats (see text::formatLengthScale()).
    qreal cssPixelsPerFormatPixel(const QTextDocument &document);
    Result<QString> pictureSource(const QImage &picture);

    PictureSink m_pictures;
    double m_imageDpi;
    QHash<const QPaintDevice *, qreal> m_scales;
    QHash<qint64, QString> m_sources; // QImage::cacheKey() → src: a picture shown twice is encoded once
};

} // namespace folio
