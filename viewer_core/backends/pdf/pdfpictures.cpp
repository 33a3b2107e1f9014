// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfpictures.h"

#include "popplermessages.h"

#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <goo/GooString.h>

#include <algorithm>
#include <optional>

namespace folio::pdf {

namespace {

// A picture covering this share of the page or more is the page itself: a scan.
constexpr double ScanShare = 0.9;
// Pages whose pictures are remembered; beyond this the cache starts again.
constexpr int CachedPages = 512;

// Draws nothing; notes the device-space bounds of every image Gfx asks it to draw. With Poppler's
// upside-down device at 72 dpi, device space is points on the upright page, origin top left.
class PictureDevice final : public OutputDev
{
public:
    explicit PictureDevice(QRectF page)
        : m_page(page)
    { }

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return false; }
    bool interpretType3Chars() override { return false; }

    // Masked and soft-masked images reach this too: OutputDev's versions of those call it.
    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
        bool interpolate, const int *maskColors, bool inlineImg) override
    {
        note(*state);
        // OutputDev's version reads past an inline image's data, which Gfx expects to be consumed.
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }

    QList<QRectF> pictures() const { return m_pictures; }

private:
    void note(const GfxState &state)
    {
        // An image fills the unit square of its user space.
        double xs[4], ys[4];
        state.transform(0, 0, &xs[0], &ys[0]);
        state.transform(1, 0, &xs[1], &ys[1]);
        state.transform(0, 1, &xs[2], &ys[2]);
        state.transform(1, 1, &xs[3], &ys[3]);
        const auto [left, right] = std::minmax({xs[0], xs[1], xs[2], xs[3]});
        const auto [top, bottom] = std::minmax({ys[0], ys[1], ys[2], ys[3]});
        double clipLeft, clipTop, clipRight, clipBottom;
        state.getClipBBox(&clipLeft, &clipTop, &clipRight, &clipBottom);
        const QRectF bounds = QRectF(QPointF(left, top), QPointF(right, bottom))
                                  .intersected(QRectF(QPointF(clipLeft, clipTop), QPointF(clipRight, clipBottom)))
                                  .intersected(m_page);
        if (bounds.isEmpty())
            return;
        if (bounds.width() * bounds.height() >= ScanShare * m_page.width() * m_page.height())
            return;
        m_pictures.append(bounds);
    }

    const QRectF m_page;
    QList<QRectF> m_pictures;
};

bool shouldStop(void *token)
{
    return static_cast<const CancellationToken *>(token)->isCancelled();
}

std::optional<GooString> gooPassword(const QByteArray &password)
{
    if (password.isEmpty())
        return std::nullopt;
    return GooString(password.constData(), size_t(password.size()));
}

} // namespace

PdfPictureFinder::PdfPictureFinder(QByteArray data, QByteArray password)
    : m_data(std::move(data))
    , m_password(std::move(password))
{ }

PdfPictureFinder::~PdfPictureFinder() = default;

std::unique_ptr<PDFDoc> PdfPictureFinder::takeDocument()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            std::unique_ptr<PDFDoc> document = std::move(m_idle.back());
            m_idle.pop_back();
            return document;
        }
    }
    // The stream reads the bytes in place; m_data outlives every document made from it.
    auto *stream = new MemStream(m_data.constData(), 0, m_data.size(), Object(objNull));
    return std::make_unique<PDFDoc>(stream, gooPassword(m_password), gooPassword(m_password));
}

void PdfPictureFinder::giveBack(std::unique_ptr<PDFDoc> document)
{
    std::lock_guard lock(m_mutex);
    if (m_idle.size() < 4)
        m_idle.push_back(std::move(document));
}

std::optional<QList<QRectF>> PdfPictureFinder::cached(int index)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_cache.constFind(index);
    return found != m_cache.constEnd() ? std::optional<QList<QRectF>>(*found) : std::nullopt;
}

Result<QList<QRectF>> PdfPictureFinder::pictures(int index, const CancellationToken &token)
{
    if (std::optional<QList<QRectF>> known = cached(index))
        return *known;
    PopplerMessages messages;
    std::unique_ptr<PDFDoc> document = takeDocument();
    if (!document->isOk())
        return Status(StatusCode::Corrupt, tr("Not a readable PDF file") + messages.suffix());
    const int page = index + 1;
    if (page < 1 || page > document->getNumPages())
        return Status(StatusCode::InvalidArgument, tr("Page %1 cannot be read").arg(page));
    QSizeF size(document->getPageCropWidth(page), document->getPageCropHeight(page));
    if (document->getPageRotate(page) % 180 != 0)
        size.transpose();
    PictureDevice device(QRectF(QPointF(), size));
    document->displayPage(&device, page, 72, 72, 0, false, true, false, shouldStop,
        const_cast<void *>(static_cast<const void *>(&token)));
    if (token.isCancelled())
        return Status::fromToken(token); // the document may be mid-page: not reused
    giveBack(std::move(document));

    QList<QRectF> pictures = device.pictures();
    if (pictures.size() > MaxPictures) {
        std::partial_sort(pictures.begin(), pictures.begin() + MaxPictures, pictures.end(),
            [](const QRectF &a, const QRectF &b) { return a.width() * a.height() > b.width() * b.height(); });
        pictures.resize(MaxPictures);
    }
    std::lock_guard lock(m_mutex);
    if (m_cache.size() >= CachedPages)
        m_cache.clear();
    m_cache.insert(index, pictures);
    return pictures;
}

} // namespace folio::pdf
