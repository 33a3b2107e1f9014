// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "pagecolors.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QString>

class QPainter;

namespace folio {

// Text drawn across every exported page.
struct Watermark
{
    QString text; // empty: no watermark
    QColor color = QColor(200, 0, 0, 80); // alpha makes it see-through
    qreal size = 72; // font size in points at 100%: the text is shrunk to fit the page
    qreal angle = -45; // degrees, counter-clockwise from the page's baseline is negative (Qt's sense)

    bool isEmpty() const { return text.trimmed().isEmpty(); }
};

// The font paintWatermark() draws with: bold, its pixel size (in the page's points) shrunk from
// watermark.size until the rotated text fits in 90% of the page. HTML pages size theirs alike.
QFont watermarkFont(const Watermark &watermark, QSizeF pageSize);
// Draws `watermark` centred on a page of `pageSize` points; `painter` works in points with its
// origin at the page's top left corner (as for Document::paint()). Vector text on a PDF painter.
void paintWatermark(QPainter &painter, QSizeF pageSize, const Watermark &watermark);

// Everything an export can be told: the CLI's render options and the GUI's Export dialog.
struct ExportOptions
{
    enum class Format { Png, Jpeg, Html, Pdf };
    enum class Resources {
        Embedded, // HTML: pictures as data: URIs, nothing outside the page file
        External, // HTML: pictures written once into resources/ next to the pages
    };

    Format format = Format::Png;
    int quality = -1; // JPEG 1..100, -1 = 90; ignored otherwise
    double dpi = 150; // page pictures (PNG, JPEG, page images in HTML and PDF) unless width/height is set
    int width = 0; // output width in pixels, aspect kept
    int height = 0; // output height in pixels, aspect kept
    int maxWidth = 0; // at most this many pixels wide (dpi lowered to fit), 0 = no cap
    int maxHeight = 0; // at most this many pixels high, 0 = no cap
    int threads = 0; // raster: 0 = one per core
    int rotation = 0; // clockwise degrees, multiple of 90
    RenderOptions renderOptions = RenderOption::None; // per-render effects (open-time ones are OpenOptions')
    QColor background = Qt::white;
    PageColors colors; // night modes and paper colours, as the viewer shows them
    Watermark watermark;
    Resources resources = Resources::Embedded;
    bool embedFonts = false; // HTML with embedded resources: fonts as data URIs too (not yet used)
    QString baseName; // PDF: the output is DIR/<baseName>.pdf ("document" when empty)

    QString extension() const;
    static QString extension(Format format);
    // "png", "jpg"/"jpeg", "html"/"htm", "pdf" (any case); false for anything else.
    static bool formatFromName(const QString &name, Format &format);
};

// The raster exporter's historical name.
using RasterExportOptions = ExportOptions;

} // namespace folio
