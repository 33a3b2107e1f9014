// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QList>
#include <QMimeType>

#include <memory>

class QImageReader;

namespace folio {
class CancellableDevice;
}

namespace folio::image {

// A raster image read with QImageReader: one page per frame (multi-page TIFF, animated GIF/WebP).
//
// Page size: the image's pixels at the resolution the file states when it is plausible (24 to
// 10000 dpi, so a 300 dpi scan of A4 is an A4 page and a 204×98 dpi fax keeps its aspect),
// otherwise at 96 dpi, i.e. 0.75 pt per pixel. The first frame's resolution applies to every frame
// (the others' are only known once decoded, and page sizes must not change after opening).
//
// Frames are decoded on demand and the last one is kept, so rendering the same page at another
// DPI or rotation only rescales. The first frame is decoded while opening: that proves the file is
// readable, yields the resolution and the EXIF-oriented size, and is what the first render needs.
class RasterDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::image::RasterDocument)
public:
    // `device` must be random-access and open for reading; the document keeps it to decode frames
    // later.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<QIODevice> device, const QMimeType &mimeType,
        const Limits &limits, const CancellationToken &token, const ProgressCallback &progress);
    ~RasterDocument() override;

protected:
    int doPageCount() const override;
    QSizeF doPageSize(int index) const override;
    // Every page is a picture: a night mode with keepPictures leaves it as it is.
    QList<QRectF> doPictureRects(int index, const CancellationToken &) const override
    {
        return {QRectF(QPointF(), doPageSize(index))};
    }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }

private:
    RasterDocument(std::unique_ptr<QIODevice> device, const Limits &limits);

    Status load(const QMimeType &mimeType, const CancellationToken &token, const ProgressCallback &progress);
    Status detectFormat(const QMimeType &mimeType, const CancellationToken &token);
    Result<int> countFrames(const CancellationToken &token);
    Status scanFrameSizes(int count, const CancellationToken &token, const ProgressCallback &progress);
    void collectMetadata(const QImage &first);

    void startReader(const CancellationToken &token);
    Status seekFrame(int index, const CancellationToken &token);
    Result<QImage> decodeFrame(int index, const CancellationToken &token);
    Status checkPixels(QSize size, int index) const;
    Status readerError(int index, const CancellationToken &token);

    std::unique_ptr<QIODevice> m_device;
    // Both read from m_device, so they are declared after it and destroyed before it.
    std::unique_ptr<CancellableDevice> m_input;
    std::unique_ptr<QImageReader> m_reader;

    QByteArray m_format; // QImageReader's name for the format, fixed once detected
    bool m_randomAccess = false; // jumpToImage() works (TIFF); else frames are read in order (GIF)
    int m_nextFrame = 0; // the frame m_reader's next read() returns when reading in order
    QList<QSize> m_pixelSizes; // per frame, EXIF orientation applied
    QSizeF m_dpi {96, 96};
    int m_cachedFrame = -1;
    QImage m_cachedImage; // RGB32, or ARGB32_Premultiplied when the frame has alpha
    Metadata m_metadata;
};

} // namespace folio::image
