// SPDX-License-Identifier: GPL-3.0-or-later
#include "findcontroller.h"

#include "jobrunner.h"
#include "shareddocument.h"

#include <QLocale>

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
    qint64 pagesDone = 0; // positions in the search order done (see searchPages())
    int failedPages = 0;
    qint64 hitCount = 0; // every hit found by this search and the ones it continues
};

} // namespace detail

namespace {

using detail::FindChannel;

// The job: the pages in search order, position p being page (start + p) % count, from position
// `from` on. Each step takes the gate for at most Batch pages, so renders of the pages in view
// get their turn between two steps of a long search (the gate serves waiters in arrival order);
// a document that rules pages out by their bytes (PageFilter) skips a batch in one step.
Status searchPages(SharedDocument &shared, SearchTextStore &store, FindChannel &channel, const TextMatcher &matcher,
    int start, int count, int from, const CancellationToken &token, const ProgressCallback &progress)
{
    constexpr int Batch = 64;
    progress(from, count);
    for (int position = from; position < count;) {
        const int page = (start + position) % count;
        // The pages from here to the wrap-around (or back to the start) are contiguous.
        const int runEnd = page >= start ? count : start;
        const int batchEnd = std::min(page + Batch, runEnd);
        Result<PageSearchStep> step = Status();
        {
            DocumentGate::Lock lock = shared.gate().acquire(token);
            if (!lock)
                return Status::fromToken(token);
            step = searchNextPage(shared.document(), matcher, page, batchEnd, token, &store);
        }
        if (!step && step.status().isCancellation())
            return step.status();
        const int next = !step ? page + 1 : step->page < 0 ? batchEnd : step->page + 1;
        position += next - page;
        bool full = false;
        {
            std::lock_guard lock(channel.mutex);
            if (step) {
                channel.hits.append(step->hits);
                channel.hitCount += step->hits.size();
                full = channel.hitCount >= FindController::MaxHits;
            } else {
                ++channel.failedPages; // a broken page does not stop the search of the others
            }
            channel.pagesDone = position;
        }
        progress(position, count);
        if (full && position < count)
            return Status(StatusCode::LimitExceeded,
                FindController::tr("More than %L1 matches: the search stopped there").arg(FindController::MaxHits));
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
    for (Job *job : {m_job.data(), m_warm.data()}) {
        if (job) {
            job->disconnect(this);
            job->cancel(CancelReason::Superseded);
        }
    }
}

void FindController::warmUp()
{
    if (m_warm || !m_finished || !isSupported() || m_capabilities.testFlag(Capability::StreamingPages)
        || m_pageCount <= 0 || !m_runner || m_runner->isShuttingDown() || m_store->isFull()
        || m_store->pageCount() >= m_pageCount)
        return;
    JobOptions options;
    options.operation = tr("Reading the text");
    options.fileName = m_fileName;
    options.progressDialog = false;
    options.reportOutcome = false;
    options.timeout = std::chrono::milliseconds::zero(); // superseded or done, never timed out
    m_warm = m_runner->run(options,
        [document = m_document, store = m_store, start = std::min(m_currentPage, m_pageCount - 1), count = m_pageCount](
            const CancellationToken &token, const ProgressCallback &) {
            for (int i = 0; i < count && !store->isFull(); ++i) {
                const int page = (start + i) % count;
                if (store->contains(page))
                    continue;
                DocumentGate::Lock lock = document->gate().acquire(token);
                if (!lock)
                    return Status::fromToken(token);
                // A page that cannot be read is the search's to report.
                if (const Status status = store->load(document->document(), page, token); status.isCancellation())
                    return status;
            }
            return Status();
        });
}

void FindController::setPageCount(int pageCount)
{
    m_pageCount = std::max(0, pageCount);
}

void FindController::setPageCountFinal(bool final)
{
    if (final == m_pageCountFinal)
        return;
    m_pageCountFinal = final;
    updateStatus();
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

bool FindController::canContinue() const
{
    return m_finished && isUpToDate() && m_resumeAt >= 0 && m_resumeAt < m_pagesTotal;
}

QString FindController::needle() const
{
    return m_options.regularExpression ? m_text : m_text.simplified();
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

void FindController::setPendingText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    if (isUpToDate())
        return;
    m_debounce.stop();
    stopSearch(CancelReason::Superseded);
    clearHits();
    m_searchedValid = false;
    updateStatus();
}

void FindController::setOptions(const SearchOptions &options)
{
    if (options == m_options)
        return;
    m_options = options;
    m_debounce.stop();
    if (needle().isEmpty()) {
        updateStatus();
        return;
    }
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
    if (m_hits.isEmpty()) {
        // Stopped (cancelled, timed out) before a hit: Enter and F3 go on searching; done while
        // pages were still being counted: they search the pages counted since.
        if (canContinue())
            continueSearch();
        else if (m_finished && m_pageCount > m_pagesTotal)
            startSearch();
        return;
    }
    select(m_current < 0 ? 0 : int((m_current + 1) % m_hits.size()));
    updateStatus();
}

void FindController::previous()
{
    if (!isUpToDate()) {
        searchNow();
        return;
    }
    if (m_hits.isEmpty()) {
        if (canContinue())
            continueSearch();
        else if (m_finished && m_pageCount > m_pagesTotal)
            startSearch();
        return;
    }
    select(m_current <= 0 ? int(m_hits.size() - 1) : m_current - 1);
    updateStatus();
}

void FindController::selectHit(int index)
{
    if (index < 0 || index >= m_hits.size())
        return;
    select(index);
    updateStatus();
}

void FindController::cancel()
{
    if (m_job && !m_job->isFinished())
        m_job->cancel(CancelReason::User); // onFinished() reports it
}

void FindController::continueSearch()
{
    if (!canContinue() || !m_runner || m_runner->isShuttingDown())
        return;
    launch(m_resumeAt);
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
    m_resumeAt = -1;
    m_hitCount = 0;
    m_matcher = TextMatcher(wanted, m_options);
    if (!m_matcher.isValid()) {
        m_outcome = Status(StatusCode::InvalidArgument, m_matcher.errorString());
        updateStatus();
        return;
    }
    if (m_matcher.isEmpty() || !isSupported() || m_pageCount <= 0 || !m_runner || m_runner->isShuttingDown()) {
        updateStatus();
        return;
    }
    m_pagesTotal = m_pageCount;
    m_searchStart = std::min(m_currentPage, m_pageCount - 1);
    launch(0);
}

void FindController::launch(int from)
{
    // The search reads the pages itself; the warm-up must not compete with it for the document.
    if (Job *warm = m_warm) {
        warm->disconnect(this);
        warm->cancel(CancelReason::Superseded);
        m_warm = nullptr;
    }
    auto channel = std::make_shared<FindChannel>();
    channel->pagesDone = from;
    channel->hitCount = m_hitCount;
    m_channel = channel;
    m_pagesDone = from;
    m_outcome = Status();
    JobOptions options;
    options.operation = tr("Searching");
    options.fileName = m_fileName;
    options.unit = ProgressUnit::Pages;
    // Not modal: the find bar shows the progress and stops it, the document stays readable.
    options.progressDialog = false;
    options.reportOutcome = false; // the find bar tells; the status bar need not say it for every key
    m_job = m_runner->run(options,
        [document = m_document, store = m_store, channel, matcher = m_matcher, start = m_searchStart,
            count = m_pagesTotal, from](const CancellationToken &token, const ProgressCallback &progress) {
            return searchPages(*document, *store, *channel, matcher, start, count, from, token, progress);
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
    // Where a stopped search would go on (Continue); -1 once every page was searched.
    m_resumeAt = status.isOk() || m_pagesDone >= m_pagesTotal ? -1 : int(m_pagesDone);
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
        m_hitCount = m_channel->hitCount;
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
            Q_EMIT hitsInserted(int(position), int(end - i));
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
    Q_EMIT progressChanged(m_pagesDone, m_pagesTotal);
    updateStatus();
}

void FindController::clearHits()
{
    m_resumeAt = -1;
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
    const QLocale locale;
    const QString count = m_hits.isEmpty()
        ? QString()
        : tr("%1 of %2").arg(locale.toString(m_current + 1), locale.toString(m_hits.size()));
    const QString pageOf
        = tr("page %1 of %2")
              .arg(locale.toString(std::min<qint64>(m_pagesDone + 1, m_pagesTotal)), locale.toString(m_pagesTotal));
    if (!isSupported()) {
        status = searchUnsupportedMessage();
    } else if (!m_searchedValid || (needle().isEmpty() && m_outcome.isOk())) {
        status = QString(); // nothing asked yet, or typing
    } else if (!m_finished) {
        status = m_hits.isEmpty() ? tr("Searching… %1").arg(pageOf) : tr("%1 (searching… %2)").arg(count, pageOf);
    } else if (m_outcome.isCancellation()) {
        status = m_hits.isEmpty() ? tr("Search stopped at %1: %2").arg(pageOf, m_outcome.message())
                                  : tr("%1 (search stopped at %2: %3)").arg(count, pageOf, m_outcome.message());
    } else if (!m_outcome.isOk()) {
        status = m_hits.isEmpty() ? m_outcome.message() : tr("%1 (%2)").arg(count, m_outcome.message());
    } else {
        status = m_hits.isEmpty() ? tr("No matches") : count;
        // Honest about a document still being counted: the search covered what was known.
        if (!m_pageCountFinal || m_pageCount > m_pagesTotal)
            status += QLatin1Char(' ')
                + tr("in the first %1 pages (Enter searches again once more are counted)")
                      .arg(locale.toString(m_pagesTotal));
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
