// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "textencoding.h"
#include "textsearch.h"

#include <QIODevice>

#include <memory>
#include <vector>

namespace folio::text {

// A document paginated by scanning its bytes, as far as asked and no further: plain text and CSV.
// It keeps the device and the byte offset where each page starts; a page is read back from its
// range when it is rendered. Page 1 of a huge file therefore costs one chunk of reading, and
// memory grows with the number of pages found (8 bytes each), not with the file.
//
// A subclass feeds the bytes to its scanner in scan() and reports page starts with
// addPageStart(); the scanner keeps its own state between calls, as chunks cut lines anywhere.
class StreamedDocument : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::text::StreamedDocument)
public:
    ~StreamedDocument() override;

protected:
    // `device` must be random-access and open for reading.
    StreamedDocument(std::unique_ptr<QIODevice> device, const TextEncoding &encoding, const Limits &limits);

    // Consumes [offset, offset + size), a whole number of code units following the previous call.
    virtual void scan(const char *data, qint64 size, qint64 offset) = 0;
    // The input ends at `end` (which may follow a partial code unit).
    virtual void scanEnd(qint64 end) = 0;
    // A page starts at `offset`: the previous one is complete.
    void addPageStart(qint64 offset);

    // Reads until the first page is complete, so pageCount() >= 1 afterwards.
    Status start(const CancellationToken &token, const ProgressCallback &progress);

    const TextEncoding &encoding() const { return m_encoding; }
    QIODevice &device() { return *m_device; }
    qint64 dataStart() const { return m_encoding.bomSize(); }
    qint64 dataEnd() const { return m_size; }
    // The bytes of a known page: [first, second).
    std::pair<qint64, qint64> pageRange(int index) const;
    Result<QByteArray> readPage(int index);
    // A PageFilter for subclasses whose text(i) is exactly the decoded bytes of page i: the first
    // page from `from` on (before `end`; end < 0: to the end of the file, counting pages only as
    // far as a candidate) whose bytes firstPossibleHitUtf8() cannot rule out, -1 when none. Reads
    // the file in large chunks instead of decoding pages; UTF-8 files only (others: `from`).
    Result<int> firstCandidatePageByBytes(
        int from, int end, const TextMatcher &matcher, const CancellationToken &token);

    int doPageCount() const override;
    bool doIsPageCountFinal() const override { return m_final; }
    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress) override;

private:
    Status scanChunk(int count, const CancellationToken &token);
    void reachEnd();
    Status pageLimitStatus() const;

    std::unique_ptr<QIODevice> m_device;
    TextEncoding m_encoding;
    qint64 m_size = 0;
    qint64 m_scanned = 0; // bytes before this offset have gone through scan()
    std::vector<qint64> m_pageStarts; // the last entry may be a page still being scanned
    bool m_final = false;
    bool m_overLimit = false;
    QByteArray m_buffer;
};

} // namespace folio::text
