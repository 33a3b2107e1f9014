// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "viewer.h"

#include <QList>
#include <QSizeF>
#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <utility>

namespace folio {

// Serialises the jobs that use one Document (a Document is not thread-safe). Waiting is
// cancellable: a job whose token is cancelled stops waiting at once, so a page that scrolled away
// never holds up the pages that replaced it. Waiters are served in arrival order, so a long job
// that releases and re-takes the gate between steps (a search, page by page) lets the renders
// queued meanwhile go first instead of starving them. Thread-safe.
class DocumentGate
{
public:
    class Lock
    {
    public:
        Lock() = default;
        ~Lock() { release(); }
        Lock(Lock &&other) noexcept
            : m_gate(std::exchange(other.m_gate, nullptr))
        { }
        Lock &operator=(Lock &&other) noexcept
        {
            if (this != &other) {
                release();
                m_gate = std::exchange(other.m_gate, nullptr);
            }
            return *this;
        }
        Lock(const Lock &) = delete;
        Lock &operator=(const Lock &) = delete;

        explicit operator bool() const noexcept { return m_gate != nullptr; }
        void release();

    private:
        friend class DocumentGate;
        explicit Lock(DocumentGate *gate)
            : m_gate(gate)
        { }
        DocumentGate *m_gate = nullptr;
    };

    // Waits until no other job holds the gate or `token` is cancelled. The returned lock is
    // empty (false) when the wait was cancelled.
    [[nodiscard]] Lock acquire(const CancellationToken &token);

private:
    void unlock();

    std::mutex m_mutex;
    std::condition_variable m_idle;
    bool m_busy = false;
    std::deque<quint64> m_waiting; // tickets of the waiters, in arrival order
    quint64 m_nextTicket = 0;
};

// What the GUI thread may know about a document without touching it while jobs run: read on the
// worker at open time, immutable afterwards.
struct DocumentSummary
{
    QString formatId;
    QString formatName;
    QString mimeType;
    QString title; // metadata Title, may be empty
    Capabilities capabilities;
    bool encrypted = false;
};

// A Document shared by the GUI and its jobs. The GUI thread keeps a std::shared_ptr and never
// calls the Document; every job captures its own copy of the pointer, takes the gate, and only
// then uses document(). So a job that outlives the window (or the view) still holds valid data,
// and the last holder destroys the Document on whatever thread it runs.
class SharedDocument
{
public:
    explicit SharedDocument(std::unique_ptr<Document> document);

    DocumentGate &gate() { return m_gate; }
    // Only while holding gate().
    Document &document() { return *m_document; }

private:
    std::unique_ptr<Document> m_document;
    DocumentGate m_gate;
};

// A freshly opened document with everything the GUI needs to lay it out.
struct LoadedDocument
{
    std::shared_ptr<SharedDocument> document;
    QString path;
    QString password; // what opened it, so a reload needs no prompt; empty when none
    FileStamp stamp; // the file as it was when opened
    DocumentSummary summary;
    QList<QSizeF> pageSizes; // points, one per known page
    bool pageCountFinal = true;
};

// Page sizes [from, pageCount()) of `document`, polling `token`. Call under the gate.
Result<QList<QSizeF>> readPageSizes(Document &document, int from, const CancellationToken &token);
DocumentSummary summarize(const Document &document);

} // namespace folio
