// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagejobs.h"

#include <QObject>

#include <chrono>
#include <map>
#include <memory>

namespace folio {

// The words of a document's pages (Document::textBoxes()), loaded on demand for text selection.
//
// Each page loads as its own small job (see PageJobs: on renderPool() under the document's gate,
// linked to the parent token); a page no longer wanted has its job cancelled with
// CancelReason::Superseded. At most MaxJobs run at once, in the order the pages are wanted, so a
// selection over many pages never fills the pool that renders need. Loaded pages are kept, the
// least recently wanted dropped beyond MaxPages. A page that fails to load (no text layout, an
// error) counts as loaded with no words, so it is not asked for again. GUI thread only.
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
    void setTimeout(std::chrono::milliseconds timeout) { m_jobs.setTimeout(timeout); }

    // Loads the pages of `pages` not loaded yet, first things first, and cancels the loads of any
    // other page.
    void want(const QList<int> &pages);
    // The words of `page`, or nullptr while it is not loaded.
    const QList<TextBox> *boxes(int page) const;
    bool isLoaded(int page) const { return m_pages.count(page) > 0; }
    bool isLoading(int page) const { return m_jobs.isRunning(page); }
    // Jobs not cancelled.
    int jobsInFlight() const { return m_jobs.count(); }

Q_SIGNALS:
    void loaded(int page);

private:
    struct Page
    {
        QList<TextBox> boxes;
        quint64 wanted = 0; // when it was last wanted
    };
    // Keyed by nothing: a page has one set of words.
    using TextJobs = PageJobs<int, QList<TextBox>>;
    void startMore();
    void finished(int page, bool current, const TextJobs::Outcome &outcome);
    void evict(const QList<int> &keep);

    std::map<int, Page> m_pages;
    QList<int> m_wanted; // in order
    quint64 m_clock = 0;
    // Last, so destroyed first: no page is delivered into a cache half destroyed.
    TextJobs m_jobs;
};

} // namespace folio
