// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlexporter.h"

#include "exporter.h"
#include "flowhtmlwriter.h"
#include "htmlmarkup.h"
#include "htmlpage.h"
#include "htmlresources.h"
#include "logging.h"
#include "rasterexporter.h"
#include "stagedoutput.h"
#include "viewer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace folio {

namespace {

enum class PageKind {
    Flow, // semantic HTML from Document::visitFlow()
    PlainText, // the page's text in a <pre>
    Fixed, // the page's picture and a text layer
};

PageKind kindOf(const Document &document, const ExportOptions &options)
{
    // Night modes and paper colours are made on the page's picture, exactly as the viewer shows
    // it; text written as HTML would keep the document's own colours.
    if (!options.colors.isNormal())
        return PageKind::Fixed;
    if (document.capabilities().testFlag(Capability::FlowContent))
        return PageKind::Flow;
    const QString id = document.formatId();
    if (id == QLatin1String("text") || id == QLatin1String("csv"))
        return PageKind::PlainText;
    return PageKind::Fixed;
}

QString pageFileName(int page)
{
    return QStringLiteral("page-%1.html").arg(page + 1);
}

// Pictures in flow pages are decoded at the export's resolution, within reason: they are shown
// at most about as large as the page.
double flowImageDpi(const ExportOptions &options)
{
    return std::clamp(options.dpi, 72.0, 300.0);
}

QString pageStyle(QSizeF points, bool fixedHeight)
{
    QString style = QStringLiteral(" style=\"width:") + cssNumber(cssPixels(points.width())) + QLatin1String("px");
    if (fixedHeight)
        style += QLatin1String(";height:") + cssNumber(cssPixels(points.height())) + QLatin1String("px");
    return style + u'"';
}

// Everything one export run shares.
struct HtmlRun
{
    Document &document;
    const ExportOptions &options;
    const CancellationToken &token;
    HtmlResources &resources;
    FlowHtmlWriter &flow;

    Result<QString> flowPage(int page)
    {
        QString header;
        QString body;
        QString footer;
        const auto visitor = [&](const FlowFragment &fragment) -> Status {
            QString &target = fragment.role == FlowFragment::Role::Header
                ? header
                : (fragment.role == FlowFragment::Role::Footer ? footer : body);
            return flow.write(*fragment.document, fragment.from, fragment.to, target, token);
        };
        if (Status status = document.visitFlow(page, flowImageDpi(options), visitor, token); !status)
            return status;
        const QSizeF size = document.pageSize(page);
        QString out = QStringLiteral("<article class=\"folio-page folio-flow\"") + pageStyle(size, false)
            + QLatin1String(">\n");
        if (!header.isEmpty())
            out += QLatin1String("<header>\n") + header + QLatin1String("</header>\n");
        out += body;
        if (!footer.isEmpty())
            out += QLatin1String("<footer>\n") + footer + QLatin1String("</footer>\n");
        out += htmlWatermark(options.watermark, size);
        out += QLatin1String("</article>\n");
        return out;
    }

    Result<QString> plainTextPage(int page)
    {
        const Result<QString> text = document.text(page, token);
        if (!text)
            return text.status();
        const QSizeF size = document.pageSize(page);
        QString out = QStringLiteral("<article class=\"folio-page folio-plain\"") + pageStyle(size, false)
            + QLatin1String(">\n<pre>");
        appendHtmlEscaped(out, *text);
        out += QLatin1String("</pre>\n") + htmlWatermark(options.watermark, size) + QLatin1String("</article>\n");
        return out;
    }

    Result<QString> fixedPage(int page, const QString &alt)
    {
        const RenderRequest request = RasterExporter::requestFor(document, page, options);
        const Result<QImage> image = document.render(page, request, token);
        if (!image)
            return image.status();
        const Result<QString> source = resources.add(*image);
        if (!source)
            return source.status();
        const QSizeF upright = document.pageSize(page);
        const QSizeF shown = options.rotation % 180 != 0 ? upright.transposed() : upright;
        QString out = QStringLiteral("<div class=\"folio-page folio-fixed\"") + pageStyle(shown, true)
            + QLatin1String(">\n<img class=\"folio-image\" src=\"");
        appendHtmlEscaped(out, *source);
        out += QLatin1String("\" alt=\"");
        appendHtmlEscaped(out, alt);
        out += QStringLiteral("\" width=\"%1\" height=\"%2\"/>\n")
                   .arg(qRound(cssPixels(shown.width())))
                   .arg(qRound(cssPixels(shown.height())));
        if (document.capabilities().testFlag(Capability::TextLayout)) {
            const Result<QList<TextBox>> boxes = document.textBoxes(page, token);
            if (boxes)
                out += htmlTextLayer(*boxes, upright, options.rotation);
            else if (boxes.status().isCancellation())
                return boxes.status();
            else // the picture still shows the page: export it without selectable text
                qCWarning(lcExport) << "no text layer for page" << page + 1 << boxes.status().message();
        }
        out += htmlWatermark(options.watermark, shown);
        out += QLatin1String("</div>\n");
        return out;
    }
};

QString documentTitle(const Viewer &viewer, const Document &document)
{
    for (const auto &[key, value] : document.metadata()) {
        if (key == QLatin1String("Title") && !value.trimmed().isEmpty())
            return value.simplified();
    }
    return QFileInfo(viewer.fileName()).fileName();
}

} // namespace

Result<QStringList> HtmlExporter::exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
    const ExportOptions &options, const CancellationToken &token, const ProgressCallback &progress)
{
    const auto checked = Exporter::checkRequest(viewer, pages);
    if (!checked)
        return checked.status();
    Document *document = checked.value();
    if (token.isCancelled())
        return Status::fromToken(token);
    StagedOutput output;
    if (Status status = output.prepare(directory); !status)
        return status;

    HtmlResources resources(options.resources, output);
    FlowHtmlWriter flow([&resources](const QImage &picture) { return resources.add(picture); }, flowImageDpi(options));
    HtmlRun run {*document, options, token, resources, flow};
    const PageKind kind = kindOf(*document, options);
    const QString title = documentTitle(viewer, *document);
    qCDebug(lcExport) << "exporting" << pages.size() << "pages as HTML," << int(kind) << "(flow, text, fixed)";

    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const int page = pages[i];
        HtmlPageFrame frame;
        frame.label = tr("Page %1").arg(page + 1);
        frame.title = title.isEmpty() ? frame.label : tr("%1 – page %2").arg(title).arg(page + 1);
        if (i > 0) {
            frame.previous = pageFileName(pages[i - 1]);
            frame.previousLabel = tr("← Previous");
        }
        if (i + 1 < pages.size()) {
            frame.next = pageFileName(pages[i + 1]);
            frame.nextLabel = tr("Next →");
        }
        Result<QString> content = kind == PageKind::Flow ? run.flowPage(page)
            : kind == PageKind::PlainText                ? run.plainTextPage(page)
                                                         : run.fixedPage(page, frame.label);
        if (!content)
            return token.isCancelled() ? Status::fromToken(token) : content.status();
        const QByteArray bytes = htmlDocument(frame, *content).toUtf8();
        const QString name = pageFileName(page);
        auto file = output.stage(name);
        if (!file)
            return file.status();
        if (file.value()->write(bytes) != bytes.size())
            return Status(StatusCode::IoError, tr("Cannot write %1: %2").arg(name, file.value()->errorString()));
        file.value()->close();
        if (progress)
            progress(i + 1, pages.size());
    }
    if (token.isCancelled())
        return Status::fromToken(token);
    const auto written = output.commit();
    if (!written)
        return written.status();
    const QDir folder(output.directory());
    QStringList paths;
    for (int page : pages)
        paths.append(folder.filePath(pageFileName(page)));
    QStringList files = resources.files();
    std::sort(files.begin(), files.end());
    for (const QString &file : std::as_const(files))
        paths.append(folder.filePath(file));
    return paths;
}

} // namespace folio
