// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"

#include <QWidget>

#include <memory>

namespace folio {

class PageView;

// One open document: its PageView and the std::shared_ptr<SharedDocument> that jobs share.
// Today MainWindow shows one; a tab widget of DocumentViews needs nothing more from this class.
//
// Streaming documents (isPageCountFinal() false at open) keep reading in the background, one
// chunk of pages per job on the document's gate, so page renders interleave with the counting.
// The counting is cancellable and never modal; it reports through the signals below.
class DocumentView : public QWidget
{
    Q_OBJECT
public:
    // Pages are counted in chunks of this many.
    static constexpr int CountChunk = 256;

    // Render and counting jobs are linked to `shutdown`.
    DocumentView(LoadedDocument document, const CancellationToken &shutdown, QWidget *parent = nullptr);
    ~DocumentView() override;

    PageView *pageView() const { return m_pageView; }
    QString path() const { return m_document.path; }
    QString fileName() const;
    // The title to show: the metadata title, else the file name.
    QString displayName() const;
    const DocumentSummary &summary() const { return m_document.summary; }
    bool isPageCountFinal() const { return m_document.pageCountFinal; }
    bool isCountingPages() const { return m_counting; }

public Q_SLOTS:
    // Starts (or resumes) counting the pages of a streaming document.
    void countPages();
    void cancelPageCount();

Q_SIGNALS:
    void pageCountChanged(int count, bool final);
    void countingStarted();
    // Ok once every page is known; the cancellation or error status otherwise.
    void countingFinished(const folio::Status &status);

private:
    struct Chunk
    {
        QList<QSizeF> sizes; // the pages after the ones known when the chunk started
        bool final = false;
        Status status;
    };
    void countNextChunk();
    void chunkFinished(const Chunk &chunk);

    LoadedDocument m_document;
    CancellationToken m_shutdown;
    PageView *m_pageView = nullptr;
    std::unique_ptr<CancellationSource> m_countSource;
    bool m_counting = false; // a chunk job is running
};

} // namespace folio
