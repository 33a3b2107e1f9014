// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"

#include <QObject>

#include <chrono>
#include <map>
#include <memory>

namespace folio {

// The words of a document's pages (Document::textBoxes()), loaded on demand for text selection.
//
// Each page loads as its own small job on renderPool() under the document's gate, with its own
// CancellationSource linked to the parent token; a page no longer wanted has its job cancelled
// with CancelReason::Superseded. At most MaxJobs run at once, in the order the pages are wanted,
// so a selection over many pages never fills the pool that renders need. Loaded pages are kept, the least recently
// wanted dropped beyond MaxPages. A page that fails to load (no text layout, an error) counts as loaded with no words,
// so it is not asked for again. GUI thread only.
class PageTextCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPages = 64;
    static constexpr int MaxJobs = 2;

    explicit PageTextCache(QObject *parent = nullptr);
    ~PageTextCache() override;

    // Forgets every page and cancels every job. Jobs are linked to `parent`.
    void setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent = {});
    // Zero means loads never time out.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Loads the pages of `pages` not loaded yet, first things first, and cancels the loads of any
    // other page.
    void want(const QList<int> &pages);
    // The words of `page`, or nullptr while it is not loaded.
    const QList<TextBox> *boxes(int page) const;
    bool isLoaded(int page) const { return m_pages.count(page) > 0; }
    bool isLoading(int page) const { return m_jobs.count(page) > 0; }
    // Jobs not cancelled.
    int jobsInFlight() const { return int(m_jobs.size()); }

Q_SIGNALS:
    void loaded(int page);

private:
    struct Page
    {
        QList<TextBox> boxes;
        quint64 wanted = 0; // when it was last wanted
    };
    struct Job
    {
        quint64 id = 0;
        std::unique_ptr<CancellationSource> source;
    };
    struct Outcome
    {
        QList<TextBox> boxes;
        Status status;
    };
    void startMore();
    void start(int page);
    void finished(int page, quint64 id, const Outcome &outcome);
    void evict(const QList<int> &keep);

    std::shared_ptr<SharedDocument> m_document;
    CancellationToken m_parent;
    std::chrono::milliseconds m_timeout {0};
    std::map<int, Page> m_pages;
    QList<int> m_wanted; // in order
    std::map<int, Job> m_jobs;
    quint64 m_nextId = 1;
    quint64 m_firstId = 1; // of the current document's jobs
    quint64 m_clock = 0;
};

} // namespace folio
