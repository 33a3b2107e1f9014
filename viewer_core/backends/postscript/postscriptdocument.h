// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"
#include "document.h"

#include <QHash>
#include <QList>
#include <QSizeF>

#include <chrono>
#include <memory>
#include <mutex>

namespace folio::postscript {

// A PostScript or EPS file opened through libspectre.
//
// What runs where: libspectre reads the file's DSC comments (%%Pages, %%Page, %%BoundingBox,
// %%Title...) itself, and hands the page's PostScript to Ghostscript, which interprets it:
// untrusted code that may loop forever or allocate without end. libspectre starts Ghostscript
// with -dSAFER (no file writes or deletes, no reads outside its own resources) and -dMaxBitmap.
// Folio runs the DSC scan (no PostScript is interpreted) detached under a time budget, and every
// render, which interprets PostScript, in a forked child process with its address space bounded,
// killed at once on Cancel or when the time budget ends (TimedOut): a thread inside Ghostscript
// could not be stopped, a process can.
//
// A file without DSC page structure (%%Pages/%%Page) is one page, as libspectre reports it.
// Text comes from Ghostscript's txtwrite device (the characters as the program shows them, with
// their places), run in a child process like rendering; a program that draws its letters as
// paths has none.
//
// Threads: libspectre is not thread-safe. The DSC scan runs with its own SpectreDocument under one
// process-wide mutex; each render loads its own SpectreDocument in its own child process. The
// Document itself (page sizes, metadata) is read-only after open().
class PostScriptDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::postscript::PostScriptDocument)
public:
    static Result<std::unique_ptr<Document>> open(OpenRequest request, const CancellationToken &token);
    // How long one Ghostscript run (one page) or DSC scan may take before it is stopped with
    // TimedOut; 30 s unless set (tests shorten it). Process-wide, thread-safe.
    static void setTimeBudget(std::chrono::milliseconds budget);
    static std::chrono::milliseconds timeBudget();

    struct Source;
    struct PageInfo
    {
        QSizeF size; // points, upright as the DSC orientation says
        int rotation = 0; // degrees clockwise Ghostscript turns the page to show it upright
        QString label;
    };
    struct Info
    {
        QList<PageInfo> pages;
        Metadata metadata;
    };

protected:
    int doPageCount() const override { return int(m_info.pages.size()); }
    QSizeF doPageSize(int index) const override { return m_info.pages[index].size; }
    QString doPageLabel(int index) const override { return m_info.pages[index].label; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_info.metadata; }

private:
    static constexpr int TextPagesPerRun = 16;
    static constexpr qint64 MaxTextBytes = 64LL << 20; // txtwrite's XML for one run
    static constexpr qsizetype MaxWordsPerPage = 200'000;
    PostScriptDocument(std::shared_ptr<const Source> source, Info info, const Limits &limits);

    std::shared_ptr<const Source> m_source; // shared with detached calls still running
    Info m_info;
    std::mutex m_textMutex; // guards m_text
    QHash<int, QList<TextBox>> m_text; // pages' words, as txtwrite runs give them
};

} // namespace folio::postscript
