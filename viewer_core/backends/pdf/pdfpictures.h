// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QRectF>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class PDFDoc;

namespace folio::pdf {

// Where a PDF page paints its pictures (image XObjects and inline images), in points on the
// upright page, for night modes that keep pictures as they are (Document::pictureRects()).
//
// Poppler-Qt6 does not say where images are, so this reads the page through Poppler's own
// content-stream interpreter (the core library's Gfx, from libpoppler-private-dev) into an output
// device that draws nothing and notes the bounds of each image it is asked to draw, clipped as
// the page clips it. Image data is never decoded. Stencil masks are not pictures (a scanned page
// stored as a JBIG2 mask is text to the reader, and Type 3 glyphs are often masks), and neither
// is one picture that covers nearly the whole page: that is a scanned page, which a night mode
// turns like any other.
//
// Threads: any thread. Each call takes a core document of its own from a small pool (Poppler's
// core objects are not shared between threads), and results are cached per page under a mutex.
// The caller keeps Poppler's global state alive: a Poppler::Document must exist while it runs.
class PdfPictureFinder
{
    Q_DECLARE_TR_FUNCTIONS(folio::pdf::PdfPictureFinder)
public:
    PdfPictureFinder(QByteArray data, QByteArray password);
    ~PdfPictureFinder();
    PdfPictureFinder(const PdfPictureFinder &) = delete;
    PdfPictureFinder &operator=(const PdfPictureFinder &) = delete;

    // At most this many pictures per page are kept, the largest ones.
    static constexpr int MaxPictures = 1000;

    // Page `index`'s pictures, polling `token` between content-stream operators.
    Result<QList<QRectF>> pictures(int index, const CancellationToken &token);
    // Page `index`'s pictures when found before; nothing to wait for.
    std::optional<QList<QRectF>> cached(int index);

private:
    std::unique_ptr<PDFDoc> takeDocument();
    void giveBack(std::unique_ptr<PDFDoc> document);

    const QByteArray m_data;
    const QByteArray m_password;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<PDFDoc>> m_idle;
    QHash<int, QList<QRectF>> m_cache;
};

} // namespace folio::pdf
