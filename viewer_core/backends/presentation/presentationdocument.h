// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/office/slidemodel.h"

#include "backend.h"
#include "document.h"

#include <memory>

namespace folio::office {
class Package;
class ImageStore;
} // namespace folio::office

namespace folio::presentation {

class SlidePainter;

// A PPTX or ODP presentation: one page per slide at the slide size. Hidden slides are left out
// unless the document is opened with RenderHiddenPages. With RenderNotes every page grows a
// "Notes" panel below the slide holding the speaker notes (sized to them, at least a quarter of
// the slide), and text() and textBoxes() include the notes; without it the pages show no notes.
// Either way annotations() lists each slide's notes as one note (Annotation::Type::Text): over the
// notes panel with RenderNotes, over the whole slide without.
// The package stays open for pictures, which are decoded only when drawn.
class PresentationDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::presentation::PresentationDocument)
public:
    static Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress);
    ~PresentationDocument() override;

protected:
    int doPageCount() const override { return int(m_pages.size()); }
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<Annotation>> doAnnotations(int index, const CancellationToken &token) override;
    // The slide's pictures (p:pic, draw:image) where they sit, turned ones by their bounds; not
    // the background picture, which night modes turn with the slide so its text stays readable.
    QList<QRectF> doPictureRects(int index, const CancellationToken &token) const override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }

private:
    explicit PresentationDocument(const Limits &limits);
    const Slide &slideAt(int page) const { return m_presentation.slides.at(m_pages.at(page)); }

    std::unique_ptr<office::Package> m_package;
    std::unique_ptr<office::ImageStore> m_images;
    std::unique_ptr<SlidePainter> m_painter;
    Presentation m_presentation;
    QList<int> m_pages; // page → slide index
    QList<qreal> m_notesHeights; // page → notes panel height; empty without RenderNotes
    Metadata m_metadata;
};

} // namespace folio::presentation
