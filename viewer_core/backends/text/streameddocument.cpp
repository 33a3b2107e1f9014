// SPDX-License-Identifier: GPL-3.0-or-later
#include "streameddocument.h"

#include "chunkedio.h"
#include "logging.h"

#include <algorithm>

namespace folio::text {

namespace {

// Scanned between two polls of the token: a few tens of microseconds of work.
constexpr qint64 ScanSlice = 64LL * 1024;
// Read at once by the byte filter of searches: a few milliseconds of work.
constexpr qint64 FilterChunk = 4LL * 1024 * 1024;

} // namespace

StreamedDocument::StreamedDocument(
    std::unique_ptr<QIODevice> device, const TextEncoding &encoding, const Limits &limits)
    : Document(limits)
    , m_device(std::move(device))
    , m_encoding(encoding)
    , m_size(m_device->size())
    , m_scanned(std::min<qint64>(encoding.bomSize(), m_size))
{
    m_pageStarts.push_back(m_scanned);
}

StreamedDocument::~StreamedDocument() = default;

void StreamedDocument::addPageStart(qint64 offset)
{
    m_pageStarts.push_back(offset);
}

int StreamedDocument::doPageCount() const
{
    return int(m_final ? m_pageStarts.size() : m_pageStarts.size() - 1);
}

std::pair<qint64, qint64> StreamedDocument::pageRange(int index) const
{
    const qint64 begin = m_pageStarts[size_t(index)];
    const qint64 end = size_t(index) + 1 < m_pageStarts.size() ? m_pageStarts[size_t(index) + 1] : m_size;
    return {begin, end};
}

Result<QByteArray> StreamedDocument::readPage(int index)
{
    const auto [begin, end] = pageRange(index);
    return readAt(*m_device, begin, end - begin);
}

Result<int> StreamedDocument::firstCandidatePageByBytes(
    int from, int end, const TextMatcher &matcher, const CancellationToken &token)
{
    if (m_encoding.kind() != TextEncoding::Kind::Utf8 || matcher.requiredWord().isEmpty() || from < 0
        || from >= doPageCount())
        return from;
    const int known = doPageCount();
    const qint64 stop = end < 0 ? m_size : end >= known ? pageRange(known - 1).second : m_pageStarts[size_t(end)];
    // A word (or a UTF-8 sequence) cut by a chunk's end is read again whole at the next one's start.
    const qint64 overlap = std::max<qint64>(matcher.requiredWord().size() - 1, 3);
    QByteArray buffer;
    for (qint64 offset = m_pageStarts[size_t(from)]; offset < stop;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 want = std::min(FilterChunk, stop - offset);
        if (!m_device->seek(offset))
            return Status {StatusCode::IoError, tr("Read error: %1").arg(m_device->errorString())};
        buffer.resize(want);
        const qint64 got = m_device->read(buffer.data(), want);
        if (got < 0)
            return Status {StatusCode::IoError, tr("Read error: %1").arg(m_device->errorString())};
        if (got == 0)
            break;
        const qsizetype at = firstPossibleHitUtf8(QByteArrayView(buffer.constData(), got), matcher);
        if (at >= 0) {
            const qint64 hit = offset + at;
            // Count pages up to the one holding the candidate.
            while (!m_final && m_pageStarts.back() <= hit) {
                if (Status status = doEnsurePages(doPageCount() + 1, token, {}); !status)
                    return status;
            }
            const auto after = std::upper_bound(m_pageStarts.cbegin(), m_pageStarts.cend(), hit);
            const int page = std::max(from, int(after - m_pageStarts.cbegin()) - 1);
            if (page >= doPageCount() || (end >= 0 && page >= end))
                return -1;
            return page;
        }
        if (offset + got >= stop)
            break;
        offset += std::max<qint64>(1, got - overlap);
    }
    return -1;
}

Status StreamedDocument::start(const CancellationToken &token, const ProgressCallback &progress)
{
    return doEnsurePages(1, token, progress);
}

Status StreamedDocument::pageLimitStatus() const
{
    return {StatusCode::LimitExceeded,
        tr("The document has more than %1 pages, the limit of pages per document").arg(limits().maxPageCount)};
}

Status StreamedDocument::doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    while (!m_final && (count < 0 || doPageCount() < count)) {
        if (m_overLimit)
            return pageLimitStatus();
        if (token.isCancelled())
            return Status::fromToken(token);
        if (Status status = scanChunk(count, token); !status)
            return status;
        if (progress)
            progress(m_scanned, m_size);
    }
    return {};
}

Status StreamedDocument::scanChunk(int count, const CancellationToken &token)
{
    const int unit = m_encoding.unitSize();
    qint64 want = std::min(IoChunk, m_size - m_scanned);
    want -= want % unit;
    if (want <= 0) {
        reachEnd();
        return {};
    }
    if (!m_device->seek(m_scanned))
        return {StatusCode::IoError, tr("Read error: %1").arg(m_device->errorString())};
    m_buffer.resize(want);
    const qint64 got = m_device->read(m_buffer.data(), want);
    if (got < 0)
        return {StatusCode::IoError, tr("Read error: %1").arg(m_device->errorString())};
    if (got < want) {
        // The file shrank since it was opened: it ends here now.
        qCWarning(lcText) << "file shrank while reading: expected" << m_size << "bytes, got" << m_scanned + got;
        m_size = m_scanned + got;
    }
    const qint64 usable = got - got % unit;
    for (qint64 done = 0; done < usable;) {
        const qint64 slice = std::min(ScanSlice, usable - done);
        scan(m_buffer.constData() + done, slice, m_scanned);
        done += slice;
        m_scanned += slice;
        if (qsizetype(m_pageStarts.size()) > qsizetype(limits().maxPageCount) + 1) {
            // Keep the pages within the limit; only a request beyond them fails.
            m_pageStarts.resize(size_t(limits().maxPageCount) + 1);
            m_overLimit = true;
            return {};
        }
        if (count >= 0 && doPageCount() >= count)
            break;
        if (token.isCancelled())
            return Status::fromToken(token);
    }
    // Whatever is left is less than a code unit: done, so a small file is final after opening.
    if (m_scanned + unit > m_size)
        reachEnd();
    return {};
}

void StreamedDocument::reachEnd()
{
    scanEnd(m_size);
    // A page "starting" at the very end of the file would be empty: the last line filled the page.
    while (m_pageStarts.size() > 1 && m_pageStarts.back() >= m_size)
        m_pageStarts.pop_back();
    if (qsizetype(m_pageStarts.size()) > qsizetype(limits().maxPageCount)) {
        m_pageStarts.resize(size_t(limits().maxPageCount) + 1);
        m_overLimit = true;
        return;
    }
    m_scanned = m_size;
    m_final = true;
}

} // namespace folio::text
