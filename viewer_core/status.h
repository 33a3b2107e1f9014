// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"

#include <QCoreApplication>
#include <QString>

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

// The outcome of a public call: a code plus a translated, human-readable message that carries
// the underlying library's own message where there is one. Never thrown.
class Status
{
    Q_DECLARE_TR_FUNCTIONS(folio::Status)
public:
    Status() = default;
    Status(StatusCode code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }

    static Status ok() { return {}; }
    // The status of a cancelled token: Canceled (naming the reason) or TimedOut (naming the
    // duration). Ok when the token is not cancelled.
    static Status fromToken(const CancellationToken &token);

    bool isOk() const noexcept { return m_code == StatusCode::Ok; }
    explicit operator bool() const noexcept { return isOk(); }
    StatusCode code() const noexcept { return m_code; }
    const QString &message() const noexcept { return m_message; }
    bool isCancellation() const noexcept { return m_code == StatusCode::Canceled || m_code == StatusCode::TimedOut; }

    // Returns a copy whose message is prefixed with `context` ("file.pdf: ..."). Ok statuses and
    // cancellations are returned unchanged.
    Status withContext(const QString &context) const;

private:
    StatusCode m_code = StatusCode::Ok;
    QString m_message;
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
