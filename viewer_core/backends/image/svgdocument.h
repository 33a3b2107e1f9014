// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QMimeType>

#include <memory>

class QSvgRenderer;

namespace folio::image {

// An SVG drawing rendered by QtSvg: one page.
//
// Page size: the root's width and height converted to points (1 px = 1 user unit = 1/96 in =
// 0.75 pt, as in CSS and every browser; mm, cm, in, pt and pc are converted exactly), completed
// from the viewBox's aspect ratio when only one is given; without either, the viewBox (or what
// QtSvg computes) in user units at 0.75 pt each.
//
// QtSvg would read local files an SVG names (<image> hrefs, <?xml-stylesheet?>); those references
// are removed before QtSvg parses the document, so a drawing shows only what its own bytes hold.
// Compressed SVG (svgz) is not read: QtSvg inflates it with no size limit.
class SvgDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::image::SvgDocument)
public:
    // Reads all of `device` (up to limits.maxInMemoryBytes); the document does not keep it.
    static Result<std::unique_ptr<Document>> open(
        QIODevice &device, const QMimeType &mimeType, const Limits &limits, const CancellationToken &token);
    ~SvgDocument() override;

protected:
    int doPageCount() const override { return 1; }
    QSizeF doPageSize(int) const override { return m_pageSize; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }

private:
    explicit SvgDocument(const Limits &limits);

    Status load(const QByteArray &data, const CancellationToken &token);

    std::unique_ptr<QSvgRenderer> m_renderer;
    QSizeF m_pageSize;
    Metadata m_metadata;
};

} // namespace folio::image
