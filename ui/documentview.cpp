// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"

#include "pageview.h"
#include "workerpool.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace folio {

DocumentView::DocumentView(LoadedDocument document, const CancellationToken &shutdown, QWidget *parent)
    : QWidget(parent)
    , m_document(std::move(document))
    , m_shutdown(shutdown)
    , m_pageView(new PageView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pageView);
    setFocusProxy(m_pageView);
    m_pageView->setDocument(m_document.document, m_document.pageSizes, shutdown);
}

DocumentView::~DocumentView()
{
    if (m_countSource)
        m_countSource->cancel(CancelReason::Superseded);
}

QString DocumentView::fileName() const
{
    return QFileInfo(m_document.path).fileName();
}

QString DocumentView::displayName() const
{
    return m_document.summary.title.isEmpty() ? fileName() : m_document.summary.title;
}

void DocumentView::countPages()
{
    if (m_document.pageCountFinal || m_counting)
        return;
    m_countSource = std::make_unique<CancellationSource>(m_shutdown);
    Q_EMIT countingStarted();
    countNextChunk();
}

void DocumentView::cancelPageCount()
{
    if (m_countSource)
        m_countSource->cancel(CancelReason::User);
}

void DocumentView::countNextChunk()
{
    const int known = m_pageView->pageCount();
    const int target = known + CountChunk;
    auto work = [document = m_document.document, known, target, token = m_countSource->token()]() -> Chunk {
        Chunk chunk;
        const DocumentGate::Lock lock = document->gate().acquire(token);
        if (!lock) {
            chunk.status = Status::fromToken(token);
            return chunk;
        }
        Document &doc = document->document();
        chunk.status = doc.ensurePages(target, token);
        if (!chunk.status)
            return chunk;
        auto sizes = readPageSizes(doc, known, token);
        if (!sizes) {
            chunk.status = sizes.status();
            return chunk;
        }
        chunk.sizes = std::move(sizes).value();
        chunk.final = doc.isPageCountFinal();
        return chunk;
    };
    auto *watcher = new QFutureWatcher<Chunk>(this);
    connect(watcher, &QFutureWatcher<Chunk>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_counting = false;
        chunkFinished(watcher->result());
    });
    m_counting = true;
    watcher->setFuture(QtConcurrent::run(renderPool(), std::move(work)));
}

void DocumentView::chunkFinished(const Chunk &chunk)
{
    if (!chunk.sizes.isEmpty())
        m_pageView->appendPages(chunk.sizes);
    m_document.pageCountFinal = chunk.final;
    if (!chunk.status.isOk() || chunk.final) {
        m_countSource.reset();
        Q_EMIT pageCountChanged(m_pageView->pageCount(), chunk.final);
        Q_EMIT countingFinished(chunk.status);
        return;
    }
    Q_EMIT pageCountChanged(m_pageView->pageCount(), false);
    if (chunk.sizes.isEmpty() && !chunk.final) {
        // No progress and not final: the backend cannot say more; stop rather than spin.
        m_countSource.reset();
        Q_EMIT countingFinished(Status());
        return;
    }
    countNextChunk();
}

} // namespace folio
