// SPDX-License-Identifier: GPL-3.0-or-later
#include "findcontroller.h"

#include "jobrunner.h"
#include "shareddocument.h"

#include <algorithm>
#include <mutex>

namespace folio {

namespace detail {

// What a search job hands over to the GUI thread: written by the worker, drained by the
// controller's timer. The job and the controller share it, so either may go first.
struct FindChannel
{
    std::mutex mutex;
    QList<SearchHit> hits; // found and not yet taken, grouped by page
    qint64 pagesDone = 0;
    int failedPages = 0;
};

} // namespace detail

namespace {

using detail::FindChannel;

// The hits of one page: by position when the format has TextLayout, else from its plain text.
Result<QList<SearchHit>> searchPage(Document &document, int page, const QString &needle, const SearchOptions &options,
    bool layout, const CancellationToken &token)
{
    if (layout)
        return findInPage(document, page, needle, options, token);
    Result<QString> text = document.text(page, token);
    if (!text)
        return text.status();
    return findInText(*text, page, needle, options);
}

// The job: pages [start, count) then [0, start), one at a time under the gate, so renders of
// the pages in view get their turn between two pages of a long search (the gate serves waiters
// in arrival order).
Status searchPages(SharedDocument &shared, FindChannel &channel, const QString &needle, const SearchOptions &options,
    bool layout, int start, int count, const CancellationToken &token, const ProgressCallback &progress)
{
    progress(0, count);
    for (int i = 0; i < count; ++i) {
        const int page = (start + i) % count;
        Result<QList<SearchHit>> hits = Status();
        {
            DocumentGate::Lock lock = shared.gate().acquire(token);
            if (!lock)
                return Status::fromToken(token);
            hits = searchPage(shared.document(), page, needle, options, layout, token);
        }
        if (!hits && hits.status().isCancellation())
            return hits.status();
        {
            std::lock_guard lock(channel.mutex);
            if (hits)
                channel.hits.append(*hits);
            else
                ++channel.failedPages; // a broken page does not stop the search of the others
            channel.pagesDone = i + 1;
        }
        progress(i + 1, count);
    }
    return {};
}

} // namespace

FindController::FindController(std::shared_ptr<SharedDocument> document, int pageCount, Capabilities capabilities,
    JobRunner *runner, QObject *parent)
    : QObject(parent)
    , m_document(std::move(document))
    , m_runner(runner)
    , m_capabilities(capabilities)
    , m_pageCount(std::max(0, pageCount))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FindController::startSearch);
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &FindController::drain);
    if (!isSupported())
        m_status = searchUnsupportedMessage(); // shown as soon as a bar attaches
}

FindController::~FindController()
{
    // Like stopSearch(), without signals from a half-destroyed object.
    if (Job *job = m_job) {
        job->disconnect(this);
        job->cancel(CancelReason::Superseded);
    }
}

void FindController::setPageCount(int pageCount)
{
    m_pageCount = std::max(0, pageCount);
}

void FindController::setCurrentPage(int page)
{
    m_currentPage = std::max(0, page);
}

bool FindController::isSupported() const
{
    return m_capabilities.testFlag(Capability::TextLayout) || m_capabilities.testFlag(Capability::Text);
}

bool FindController::isSearching() const
{
    return !m_finished;
}

QString FindController::needle() const
{
    return m_text.simplified();
}

void FindController::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    if (isUpToDate())
        return; // only white space changed: the same search
    restartLater();
}

void FindController::setOptions(const SearchOptions &options)
{
    if (options == m_options)
        return;
    m_options = options;
    m_debounce.stop();
    startSearch();
}

void FindController::restartLater()
{
    // The hits of the old text are wrong from now on: they go at once, the new ones come after
    // the pause in typing.
    stopSearch(CancelReason::Superseded);
    clearHits();
    m_searchedValid = false;
    if (needle().isEmpty()) {
        m_debounce.stop();
        updateStatus();
        return;
    }
    m_debounce.start();
    updateStatus();
}

bool FindController::isUpToDate() const
{
    return m_searchedValid && m_searchedNeedle == needle() && m_searchedOptions == m_options;
}

void FindController::searchNow()
{
    if (m_debounce.isActive() || !isUpToDate()) {
        m_debounce.stop();
        startSearch();
    }
}

void FindController::next()
{
    if (!isUpToDate()) {
        searchNow();
        return;
    }
    if (m_hits.isEmpty())
        return;
    select(m_current < 0 ? 0 : int((m_current + 1) % m_hits.size()));
    updateStatus();
}

void FindController::previous()
{
    if (!isUpToDate()) {
        searchNow();
        return;
    }
    if (m_hits.isEmpty())
        return;
    select(m_current <= 0 ? int(m_hits.size() - 1) : m_current - 1);
    updateStatus();
}

void FindController::cancel()
{
    if (m_job && !m_job->isFinished())
        m_job->cancel(CancelReason::User); // onFinished() reports it
}

void FindController::clear()
{
    m_text.clear();
    m_debounce.stop();
    stopSearch(CancelReason::Superseded);
    clearHits();
    m_searchedValid = false;
    updateStatus();
}

void FindController::startSearch()
{
    m_debounce.stop();
    stopSearch(CancelReason::Superseded);
    clearHits();
    const QString wanted = needle();
    m_searchedNeedle = wanted;
    m_searchedOptions = m_options;
    m_searchedValid = true;
    m_outcome = Status();
    m_pagesDone = 0;
    m_failedPages = 0;
    if (wanted.isEmpty() || !isSupported() || m_pageCount <= 0 || !m_runner || m_runner->isShuttingDown()) {
        updateStatus();
        return;
    }

    auto channel = std::make_shared<FindChannel>();
    m_channel = channel;
    m_pagesTotal = m_pageCount;
    m_searchStart = std::min(m_currentPage, m_pageCount - 1);
    JobOptions options;
    options.operation = tr("Searching");
    options.fileName = m_fileName;
    options.unit = ProgressUnit::Pages;
    options.reportOutcome = false; // the find bar tells; the status bar need not say it for every key
    const bool layout = m_capabilities.testFlag(Capability::TextLayout);
    m_job = m_runner->run(options,
        [document = m_document, channel, wanted, searchOptions = m_options, layout, start = m_searchStart,
            count = m_pagesTotal](const CancellationToken &token, const ProgressCallback &progress) {
            return searchPages(*document, *channel, wanted, searchOptions, layout, start, count, token, progress);
        });
    connect(m_job, &Job::finished, this, [this, channel](const Status &status) { onFinished(channel, status); });
    m_finished = false;
    m_poll.start();
    Q_EMIT searchingChanged(true);
    updateStatus();
}

void FindController::stopSearch(CancelReason reason)
{
    if (m_finished)
        return;
    // Forgotten at once: a superseded search's late hits and outcome must not reach the bar.
    if (Job *job = m_job) {
        job->disconnect(this);
        job->cancel(reason);
    }
    m_job = nullptr;
    m_channel.reset();
    m_poll.stop();
    m_finished = true;
    Q_EMIT searchingChanged(false);
}

void FindController::onFinished(const std::shared_ptr<FindChannel> &channel, const Status &status)
{
    if (channel != m_channel)
        return;
    drain();
    m_poll.stop();
    m_job = nullptr;
    m_finished = true;
    m_outcome = status;
    Q_EMIT searchingChanged(false);
    updateStatus();
}

void FindController::drain()
{
    if (!m_channel)
        return;
    QList<SearchHit> found;
    {
        std::lock_guard lock(m_channel->mutex);
        found.swap(m_channel->hits);
        m_pagesDone = m_channel->pagesDone;
        m_failedPages = m_channel->failedPages;
    }
    if (!found.isEmpty()) {
        // Keep document order: pages after the start come first, the wrapped-around ones later
        // but in front of them. Within a page the job's reading order stays.
        for (qsizetype i = 0; i < found.size();) {
            const int page = found[i].page;
            qsizetype end = i;
            while (end < found.size() && found[end].page == page)
                ++end;
            const auto at = std::upper_bound(
                m_hits.cbegin(), m_hits.cend(), page, [](int p, const SearchHit &hit) { return p < hit.page; });
            const qsizetype position = at - m_hits.cbegin();
            for (qsizetype k = i; k < end; ++k)
                m_hits.insert(position + (k - i), found[k]);
            if (m_current >= position)
                m_current += int(end - i);
            i = end;
        }
        Q_EMIT hitsChanged(m_hits);
        if (m_current < 0) {
            // The first hit from the page in view on, as the search went.
            const auto first = std::find_if(
                m_hits.cbegin(), m_hits.cend(), [this](const SearchHit &hit) { return hit.page >= m_searchStart; });
            select(first != m_hits.cend() ? int(first - m_hits.cbegin()) : 0);
        }
    }
    updateStatus();
}

void FindController::clearHits()
{
    if (!m_hits.isEmpty()) {
        m_hits.clear();
        Q_EMIT hitsChanged(m_hits);
    }
    if (m_current != -1)
        select(-1);
}

void FindController::select(int index)
{
    m_current = index;
    Q_EMIT currentHitChanged(index, index >= 0 ? m_hits.at(index) : SearchHit());
}

void FindController::updateStatus()
{
    QString status;
    const QString count = m_hits.isEmpty() ? QString() : tr("%1 of %2").arg(m_current + 1).arg(m_hits.size());
    if (!isSupported()) {
        status = searchUnsupportedMessage();
    } else if (needle().isEmpty() || !m_searchedValid) {
        status = QString(); // nothing asked yet, or typing
    } else if (!m_finished) {
        const qint64 page = std::min<qint64>(m_pagesDone + 1, m_pagesTotal);
        status = m_hits.isEmpty() ? tr("Searching… page %1 of %2").arg(page).arg(m_pagesTotal)
                                  : tr("%1 (searching… page %2 of %3)").arg(count).arg(page).arg(m_pagesTotal);
    } else if (m_outcome.isCancellation()) {
        status = m_hits.isEmpty() ? tr("Search stopped: %1").arg(m_outcome.message())
                                  : tr("%1 (search stopped: %2)").arg(count, m_outcome.message());
    } else if (!m_outcome.isOk()) {
        status = m_outcome.message();
    } else {
        status = m_hits.isEmpty() ? tr("No matches") : count;
        if (m_failedPages > 0)
            status += QLatin1Char(' ') + tr("(%n page(s) could not be searched)", nullptr, m_failedPages);
    }
    setStatus(status);
}

void FindController::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

} // namespace folio
