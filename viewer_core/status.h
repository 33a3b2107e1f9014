// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace folio {

enum class StatusCode {
    Ok,
    Canceled, // stopped by the user, a newer request or shutdown
    TimedOut, // stopped by the configured timeout
    Unsupported, // format or feature Folio does not read
    Corrupt, // malformed or truncated input
    NeedsPassword, // encrypted; no password or a wrong one was given
    LimitExceeded, // a safety limit refused the input
    IoError, // reading or writing failed
    InvalidArgument, // caller error: page out of range, bad option
};

// The outcome of a public call: a code, a translated, human-readable reason that carries the
// underlying library's own message where there is one, and where it happened as fields: the file,
// the entries of the containers leading to the document that failed, the part of a package and
// the page. Only message() puts them into a sentence, where a status is shown. Never thrown.
class Status
{
    Q_DECLARE_TR_FUNCTIONS(folio::Status)
public:
    Status() = default;
    Status(StatusCode code, QString reason)
        : m_code(code)
        , m_reason(std::move(reason))
    { }

    static Status ok() { return {}; }
    // The status of a cancelled token: Canceled (naming the reason) or TimedOut (naming the
    // duration). Ok when the token is not cancelled.
    static Status fromToken(const CancellationToken &token);

    bool isOk() const noexcept { return m_code == StatusCode::Ok; }
    explicit operator bool() const noexcept { return isOk(); }
    StatusCode code() const noexcept { return m_code; }
    bool isCancellation() const noexcept { return m_code == StatusCode::Canceled || m_code == StatusCode::TimedOut; }

    // What went wrong, without where: "not well-formed XML: ... (line 3)".
    const QString &reason() const noexcept { return m_reason; }
    // Where, each empty (page -1) when unknown: the file as the user named it; the entries of
    // containers leading to the document that failed, outermost first ("docs/report.docx" of an
    // archive, an email's attachment); the part of a package ("word/document.xml"); the page
    // (0-based).
    const QString &file() const noexcept { return m_file; }
    const QStringList &entries() const noexcept { return m_entries; }
    const QString &part() const noexcept { return m_part; }
    int page() const noexcept { return m_page; }
    // The sentence people see: the context, outermost first, then the reason, e.g.
    // "backup.zip: docs/report.docx: word/document.xml: not well-formed XML: ... (line 3)".
    // A cancellation is about the run, not the file: its reason alone ("Timed out after 30 s").
    QString message() const;

    // Copies with context added; ok statuses and cancellations are returned unchanged. withFile()
    // names the file: a fuller name of the file already named replaces it ("a.xlsx" →
    // "/tmp/a.xlsx"), and another file already named becomes an entry of the new one (the
    // document that failed was opened from inside it). withEntry() adds an outer entry;
    // withPart() and withPage() keep what is already known (the innermost is the most precise).
    Status withFile(const QString &file) const;
    Status withEntry(const QString &entry) const;
    Status withPart(const QString &part) const;
    Status withPage(int page) const;
    // The same status without its file, for a dialog or a bar that names the file already.
    Status withoutFile() const;

private:
    StatusCode m_code = StatusCode::Ok;
    QString m_reason;
    QString m_file;
    QStringList m_entries;
    QString m_part;
    int m_page = -1;
};

// A stable English identifier ("corrupt", "needs-password", ...) for logs and JSON. (Not named
// toString: QtTest would find it by ADL and free the static string.)
const char *codeName(StatusCode code) noexcept;
// "1 page", "2 pages"; "1 attachment", "3 attachments" (English plurals without a translator).
QString pagesText(qint64 count);
QString attachmentsText(qint64 count);
// "30 s", "500 ms", "1 min 30 s"
QString formatDuration(std::chrono::milliseconds duration);

// A value or the Status explaining why there is none.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Status status)
        : m_status(std::move(status))
    {
        Q_ASSERT(!m_status.isOk());
    }

    bool isOk() const noexcept { return m_value.has_value(); }
    explicit operator bool() const noexcept { return isOk(); }
    const Status &status() const noexcept { return m_status; }
    T &value() &
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    const T &value() const &
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    T &&value() &&
    {
        Q_ASSERT(m_value);
        return std::move(*m_value);
    }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace folio
