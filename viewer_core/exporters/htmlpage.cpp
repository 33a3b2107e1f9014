// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlpage.h"

#include "fonts.h"
#include "htmlmarkup.h"

#include <QFont>
#include <QFontMetricsF>
#include <QtMath>

#include <cmath>

namespace folio {

namespace {

// Shared by every page. Inline, so a page stands alone in both resource modes; no '<' or '&',
// which an XML reading of the page would take for markup.
const char *const StyleSheet
    = "body{margin:0;padding:16px 0;background:#e8e8e8;color:#000;"
      "font-family:'DejaVu Sans',Arial,sans-serif;line-height:1.4}\n"
      ".folio-nav{display:flex;justify-content:center;gap:1.5em;margin:12px auto;font-size:14px}\n"
      ".folio-page{position:relative;box-sizing:border-box;margin:0 auto;background:#fff;"
      "box-shadow:0 1px 4px rgba(0,0,0,.3);overflow:hidden}\n"
      ".folio-flow,.folio-plain{padding:48px 56px;max-width:100%}\n"
      ".folio-flow img{max-width:100%;height:auto;vertical-align:bottom}\n"
      ".folio-flow table{border-collapse:collapse;margin:.5em 0}\n"
      ".folio-flow td,.folio-flow th{border:1px solid #999;padding:2px 6px;vertical-align:top}\n"
      ".folio-flow td p,.folio-flow th p{margin:0}\n"
      ".folio-flow header{border-bottom:1px solid #ccc;margin-bottom:1em;color:#444}\n"
      ".folio-flow footer{border-top:1px solid #ccc;margin-top:1em;color:#444}\n"
      ".folio-marked{list-style:none;padding-left:1.5em}\n"
      ".folio-marker{display:inline-block;min-width:1.5em}\n"
      ".folio-box{border:1px dotted #999;padding:4px;margin:.5em 0}\n"
      ".folio-plain pre{margin:0;white-space:pre-wrap;font-family:'DejaVu Sans Mono',monospace;font-size:13px}\n"
      ".folio-fixed .folio-image{position:absolute;left:0;top:0;width:100%;height:100%}\n"
      ".folio-text{position:absolute;left:0;top:0;right:0;bottom:0;color:transparent;white-space:pre;"
      "line-height:1;font-family:'DejaVu Sans',Arial,sans-serif}\n"
      ".folio-text span{position:absolute;transform-origin:0 0;white-space:pre}\n"
      ".folio-text span::selection{background:rgba(0,100,255,.3);color:transparent}\n"
      ".folio-watermark{position:absolute;left:50%;top:50%;white-space:nowrap;font-weight:bold;"
      "font-family:'DejaVu Sans',Arial,sans-serif;pointer-events:none;user-select:none;z-index:2}\n"
      "@media print{body{background:none;padding:0}.folio-nav{display:none}.folio-page{box-shadow:none}}\n";

// Word boxes span about a line's ascent and descent: the font is a little smaller than the box is
// high (PDF word boxes are ~0.92 of the font size, laid-out lines ~1.17).
constexpr qreal FontPerBoxHeight = 0.9;

void appendNavigation(QString &out, const HtmlPageFrame &frame)
{
    out += QLatin1String("<nav class=\"folio-nav\">");
    if (!frame.previous.isEmpty()) {
        out += QLatin1String("<a href=\"");
        appendHtmlEscaped(out, frame.previous);
        out += QLatin1String("\" rel=\"prev\">");
        appendHtmlEscaped(out, frame.previousLabel);
        out += QLatin1String("</a>");
    }
    out += QLatin1String("<span>");
    appendHtmlEscaped(out, frame.label);
    out += QLatin1String("</span>");
    if (!frame.next.isEmpty()) {
        out += QLatin1String("<a href=\"");
        appendHtmlEscaped(out, frame.next);
        out += QLatin1String("\" rel=\"next\">");
        appendHtmlEscaped(out, frame.nextLabel);
        out += QLatin1String("</a>");
    }
    out += QLatin1String("</nav>\n");
}

} // namespace

QString htmlDocument(const HtmlPageFrame &frame, const QString &content)
{
    QString out;
    out.reserve(content.size() + 4096);
    out += QLatin1String("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
                         "<meta charset=\"utf-8\"/>\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                         "<meta name=\"generator\" content=\"Folio\"/>\n<title>");
    appendHtmlEscaped(out, frame.title);
    out += QLatin1String("</title>\n<style>\n");
    out += QLatin1String(StyleSheet);
    out += QLatin1String("</style>\n</head>\n<body>\n");
    appendNavigation(out, frame);
    out += content;
    appendNavigation(out, frame);
    out += QLatin1String("</body>\n</html>\n");
    return out;
}

QString htmlTextLayer(const QList<TextBox> &boxes, QSizeF pageSize, int rotation)
{
    rotation = ((rotation % 360) + 360) % 360;
    const QSizeF shown = rotation % 180 != 0 ? pageSize.transposed() : pageSize;
    if (shown.isEmpty())
        return {};
    // Where an upright page's point is on the page turned clockwise.
    const auto turned = [&](QPointF p) -> QPointF {
        switch (rotation) {
        case 90:
            return {pageSize.height() - p.y(), p.x()};
        case 180:
            return {pageSize.width() - p.x(), pageSize.height() - p.y()};
        case 270:
            return {p.y(), pageSize.width() - p.x()};
        default:
            return p;
        }
    };
    // Widths are estimated with the layer's first font at 100 px and scaled: the browser's own
    // font may differ a little, which scaleX() then absorbs.
    QFont font(fonts::family(fonts::Role::Sans));
    font.setPixelSize(100);
    const QFontMetricsF metrics(font);
    const QString turn = rotation != 0 ? QStringLiteral("rotate(%1deg)").arg(rotation) : QString();

    QString out;
    out.reserve(boxes.size() * 96 + 64);
    out += QLatin1String("<div class=\"folio-text\">");
    for (const TextBox &box : boxes) {
        if (box.text.isEmpty() || box.rect.isEmpty())
            continue;
        // The span's top left corner sits on the box's and everything turns around it.
        const QPointF at = turned(box.rect.topLeft());
        const qreal fontSize = cssPixels(box.rect.height()) * FontPerBoxHeight;
        const qreal natural = metrics.horizontalAdvance(box.text) * fontSize / 100;
        const qreal stretch = natural > 0 ? std::clamp(cssPixels(box.rect.width()) / natural, 0.1, 10.0) : 1.0;
        QString transform = turn;
        if (std::abs(stretch - 1) > 0.02) {
            if (!transform.isEmpty())
                transform += u' ';
            transform += QLatin1String("scaleX(") + cssNumber(stretch) + u')';
        }
        out += QLatin1String("<span style=\"left:") + cssNumber(at.x() * 100 / shown.width()) + QLatin1String("%;top:")
            + cssNumber(at.y() * 100 / shown.height()) + QLatin1String("%;font-size:") + cssNumber(fontSize)
            + QLatin1String("px");
        if (!transform.isEmpty())
            out += QLatin1String(";transform:") + transform;
        out += QLatin1String("\">");
        appendHtmlEscaped(out, box.text);
        out += QLatin1String("</span>");
        if (box.lineEnd)
            out += QLatin1String("<br/>");
        else if (box.spaceAfter)
            out += u' ';
    }
    out += QLatin1String("</div>\n");
    return out;
}

QString htmlWatermark(const Watermark &watermark, QSizeF pageSize)
{
    if (watermark.isEmpty() || pageSize.isEmpty())
        return {};
    const QString text = watermark.text.simplified();
    const qreal size = cssPixels(watermarkFont(watermark, pageSize).pixelSize());
    QString out = QStringLiteral("<div class=\"folio-watermark\" aria-hidden=\"true\" style=\"font-size:")
        + cssNumber(size) + QLatin1String("px;color:") + cssColor(watermark.color)
        + QLatin1String(";transform:translate(-50%,-50%) rotate(") + cssNumber(watermark.angle)
        + QLatin1String("deg)\">");
    appendHtmlEscaped(out, text);
    out += QLatin1String("</div>\n");
    return out;
}

} // namespace folio
