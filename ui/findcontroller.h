// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "textsearch.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>

namespace folio {

class Job;
class JobRunner;
class SharedDocument;

namespace detail {
struct FindChannel;
}

// Finds text in one document: each search is one JobRunner job over every page, starting at the
// current page and wrapping around, with progress in pages and the runner's timeout. It is not
// modal: no progress dialog; the find bar shows the progress and stops the search, and the
// document stays readable meanwhile. Hits reach the GUI thread page by page while the job runs
// (hitsInserted(), for a results list), so the first one shows long before a big document is
// done. A search stopped by the user or the timeout keeps its hits and can go on from where it
// stopped (continueSearch()). The needle is words, or a regular expression (SearchOptions).
// The pages' words are kept (SearchTextStore, within its budget) so that the next search, the
// next word typed, runs from memory.
//
// Formats with Capability::TextLayout give hits with rectangles; formats with only
// Capability::Text are searched in Document::text() and give page-only hits (empty rects: the
// view can go to the page but not highlight); other formats say "This document's format does not
// support search" and start no job.
//
// Threads: the controller lives on the GUI thread and never touches the Document. The job
// captures a shared_ptr to the SharedDocument, takes its gate for one page at a time (so page
// renders interleave with a long search), and hands hits over through a mutex-protected batch
// that a GUI timer drains; a search superseded or outlived by its controller only loses its
// results. All public functions and signals: GUI thread only.
class FindController : public QObject
{
    Q_OBJECT
public:
    // Typing waits this long for the next key before the search (re)starts.
    static constexpr int DebounceMs = 250;
    // A search stops after this many hits (a letter searched in a 1 GiB log), saying so.
    static constexpr int MaxHits = 100'000;

    // `document` is used only by search jobs, under its gate. `pageCount` is the number of pages the
    // view knows; `capabilities` those of the document (DocumentSummary::capabilities). The
    // controller does not own `runner`.
    FindController(std::shared_ptr<SharedDocument> document, int pageCount, Capabilities capabilities,
        JobRunner *runner, QObject *parent = nullptr);
    // Cancels the running search (Superseded); its job ends in the background.
    ~FindController() override;

    // Names the document in the progress dialog ("Searching “file.pdf”…").
    void setFileName(const QString &fileName) { m_fileName = fileName; }
    // Pages the view knows (a streaming document grows): the next search covers them all.
    void setPageCount(int pageCount);
    int pageCount() const { return m_pageCount; }
    // Whether every page is known (false while a streaming document is counted): a search that
    // found nothing then says it covered only the pages counted so far.
    void setPageCountFinal(bool final);
    // The page in view: the next search starts there, so the first hit is the nearest one.
    void setCurrentPage(int page);

    // False when the format can be searched neither by position nor by text.
    bool isSupported() const;
    QString text() const { return m_text; }
    SearchOptions options() const { return m_options; }
    bool isSearching() const;
    // The last search stopped (Cancel, timeout, too many hits) before its last page: continueSearch()
    // goes on from there.
    bool canContinue() const;
    // Every hit found so far, in document order (page, then reading order).
    const QList<SearchHit> &hits() const { return m_hits; }
    // Index into hits() of the selected hit, -1 when none.
    int currentIndex() const { return m_current; }
    // What the find bar shows: "3 of 17", "No matches", "Searching… page 40 of 300", an error.
    QString statusText() const { return m_status; }

public Q_SLOTS:
    // A new text cancels the running search (Superseded) and starts another after DebounceMs;
    // an empty (or blank) text just clears the hits.
    void setText(const QString &text);
    // New options restart the search at once.
    void setOptions(const folio::SearchOptions &options);
    // Starts reading the pages' words into the store in the background (the find bar opened:
    // a search is likely), from the current page on, so the search typed next runs from memory.
    // At the lowest priority: one page at a time under the gate, superseded by any search, not
    // for streaming documents (their byte filter is faster than any store).
    void warmUp();
    bool isWarmingUp() const { return !m_warm.isNull(); }
    // Sets the text without starting a search (the find bar reopened with its old text): Enter,
    // Next or an edit start it.
    void setPendingText(const QString &text);
    // Starts the pending search now instead of after the debounce (Enter in the bar); does nothing
    // when the hits for the current text and options are already there or on their way.
    void searchNow();
    // Select the next / previous hit, wrapping around at the ends of the hits found so far. With
    // a search still pending (typing), they start it instead; with a stopped search that found
    // nothing yet, they continue it.
    void next();
    void previous();
    // Selects hit `index` of hits() (a click in the results list).
    void selectHit(int index);
    // Stops the running search (as if cancelled by the user), keeping the hits found so far.
    void cancel();
    // Goes on with a stopped search from the page it stopped at (see canContinue()), with a
    // fresh timeout, keeping its hits.
    void continueSearch();
    // Stops the search and forgets text and hits (the find bar was closed).
    void clear();

Q_SIGNALS:
    // The whole list after every change (a batch of new hits, a new search, clear()).
    void hitsChanged(const QList<folio::SearchHit> &hits);
    // `count` hits were inserted into hits() at `position` (emitted before hitsChanged()).
    void hitsInserted(int position, int count);
    // Pages searched so far of `total` (positions in the search's order).
    void progressChanged(qint64 done, int total);
    // The selected hit changed: the view scrolls to hit.page and highlights hit.rects.
    // index is -1 (and hit empty) when nothing is selected any more.
    void currentHitChanged(int index, const folio::SearchHit &hit);
    void statusChanged(const QString &status);
    // A search job started (true) or ended (false), for a busy indicator.
    void searchingChanged(bool searching);

private:
    void restartLater();
    // True when the hits are those of the current text and options (found or being found).
    bool isUpToDate() const;
    void startSearch();
    // Runs the search job over the search order's positions [from, m_pagesTotal).
    void launch(int from);
    void stopSearch(CancelReason reason);
    void drain();
    void clearHits();
    void onFinished(const std::shared_ptr<detail::FindChannel> &channel, const Status &status);
    void select(int index);
    void setStatus(const QString &status);
    void updateStatus();
    // The text to search for with white space normalised, empty when there is nothing to search.
    QString needle() const;

    std::shared_ptr<SharedDocument> m_document;
    QPointer<JobRunner> m_runner;
    Capabilities m_capabilities;
    QString m_fileName;
    int m_pageCount = 0;
    bool m_pageCountFinal = true;
    int m_currentPage = 0;
    int m_searchStart = 0; // the page the last search started at

    QString m_text;
    SearchOptions m_options;
    // What the hits are for (the last search started), to tell whether the text changed since.
    QString m_searchedNeedle;
    SearchOptions m_searchedOptions;
    bool m_searchedValid = false;

    QTimer m_debounce;
    QTimer m_poll; // drains the running search's channel
    QPointer<Job> m_job;
    QPointer<Job> m_warm; // the warm-up job, while it runs
    std::shared_ptr<detail::FindChannel> m_channel; // of the running (or last) search
    qint64 m_pagesDone = 0;
    int m_pagesTotal = 0;
    int m_failedPages = 0;
    qint64 m_hitCount = 0;
    int m_resumeAt = -1; // where a stopped search would go on; -1 when there is nothing to go on with
    TextMatcher m_matcher;
    // The pages' words, kept for the next search (shared with the jobs, which fill it).
    std::shared_ptr<SearchTextStore> m_store = std::make_shared<SearchTextStore>();
    Status m_outcome; // of the last finished search; Ok while running
    bool m_finished = true;

    QList<SearchHit> m_hits;
    int m_current = -1;
    QString m_status;
};

} // namespace folio
