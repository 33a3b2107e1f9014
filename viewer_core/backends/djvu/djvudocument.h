// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <memory>
#include <mutex>
#include <optional>

namespace folio::djvu {

struct Session;

// A DjVu document read with djvulibre's ddjvuapi: a single page (FORM:DJVU) or a bundled document
// (FORM:DJVM). Indirect documents, whose pages are other files, are refused: Folio reads the one
// file it was given.
//
// The whole file is handed to ddjvu at open (djvulibre keeps its own copy); page sizes come from
// each page's INFO chunk at its own resolution, so a 300 dpi scan of A4 is an A4 page. A page
// whose INFO claims more pixels than limits().maxImagePixels() is refused at open: djvulibre
// decodes a page at its full resolution whatever the render asks for.
//
// Threads: ddjvu's context and document are not thread-safe. Every ddjvu call of this class runs
// under m_mutex (the public Document calls come from one thread at a time, but a render abandoned
// on another thread and the next call must not meet inside ddjvu). djvulibre decodes on threads
// of its own and tells of progress through the context's message queue, which only the thread
// holding m_mutex reads; those threads only post to it.
//
// Cancellation: decoding jobs are waited for in a loop that polls the token every few
// milliseconds and stops the job (ddjvu_job_stop) when it is cancelled; rendering is done in
// bands of rows with the token polled between them.
class DjvuDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::djvu::DjvuDocument)
public:
    static Result<std::unique_ptr<Document>> open(QByteArray data, const QString &mimeType, const Limits &limits,
        const CancellationToken &token, const ProgressCallback &progress);
    ~DjvuDocument() override;

protected:
    int doPageCount() const override { return int(m_pageSizes.size()); }
    QSizeF doPageSize(int index) const override { return m_pageSizes.value(index); }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }

private:
    explicit DjvuDocument(const Limits &limits);

    Status load(QByteArray data, const CancellationToken &token, const ProgressCallback &progress);
    void readMetadata(const CancellationToken &token);
    // The page a DjVu link address leads to: "#N" (1-based), "#+N"/"#-N" (from page `from`), or
    // "#name" (a page's file id, name or title); -1 when it leads nowhere in this document.
    int pageTarget(Session &s, const QString &url, int from); // under m_mutex

    std::mutex m_mutex; // guards every use of m_session
    std::unique_ptr<Session> m_session;
    QList<QSizeF> m_pageSizes; // points
    QList<QSize> m_pixelSizes; // the INFO chunk's pixels, turned by the page's initial rotation
    QList<int> m_rotations; // the INFO chunk's rotation: counter-clockwise quarter turns
    QList<int> m_dpi;
    Metadata m_metadata;
    std::optional<QHash<QString, int>> m_pageNames; // page file names → pages (pageTarget())
};

} // namespace folio::djvu
