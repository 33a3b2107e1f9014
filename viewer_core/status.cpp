// SPDX-License-Identifier: GPL-3.0-or-later
#include "status.h"

#include <QLocale>

#include <QFileInfo>

namespace folio {

Status Status::fromToken(const CancellationToken &token)
{
    switch (token.reason()) {
    case CancelReason::None:
        return {};
    case CancelReason::Timeout:
        return {StatusCode::TimedOut, tr("Timed out after %1").arg(formatDuration(token.timeout()))};
    case CancelReason::User:
        return {StatusCode::Canceled, tr("Cancelled")};
    case CancelReason::Superseded:
        return {StatusCode::Canceled, tr("Cancelled by a newer request")};
    case CancelReason::Shutdown:
        return {StatusCode::Canceled, tr("Cancelled because the application is closing")};
    }
    return {StatusCode::Canceled, tr("Cancelled")};
}

QString Status::message() const
{
    if (isOk() || isCancellation())
        return m_reason;
    QStringList parts;
    if (!m_file.isEmpty())
        parts.append(m_file);
    parts.append(m_entries);
    if (!m_part.isEmpty())
        parts.append(m_part);
    if (m_page >= 0)
        parts.append(tr("Page %1").arg(m_page + 1));
    parts.append(m_reason);
    return parts.join(QLatin1String(": "));
}

Status Status::withFile(const QString &file) const
{
    if (isOk() || isCancellation() || file.isEmpty() || file == m_file)
        return *this;
    Status status = *this;
    if (!m_file.isEmpty()) {
        if (QFileInfo(m_file).fileName() == file)
            return *this; // named already, and more fully
        if (QFileInfo(file).fileName() != m_file)
            status.m_entries.prepend(m_file); // the document that failed was inside `file`
    }
    status.m_file = file;
    return status;
}

Status Status::withEntry(const QString &entry) const
{
    if (isOk() || isCancellation() || entry.isEmpty())
        return *this;
    Status status = *this;
    status.m_entries.prepend(entry);
    return status;
}

Status Status::withPart(const QString &part) const
{
    if (isOk() || isCancellation() || part.isEmpty() || !m_part.isEmpty())
        return *this;
    Status status = *this;
    status.m_part = part;
    return status;
}

Status Status::withPage(int page) const
{
    if (isOk() || isCancellation() || page < 0 || m_page >= 0)
        return *this;
    Status status = *this;
    status.m_page = page;
    return status;
}

Status Status::withoutFile() const
{
    Status status = *this;
    status.m_file.clear();
    return status;
}

const char *codeName(StatusCode code) noexcept
{
    switch (code) {
    case StatusCode::Ok:
        return "ok";
    case StatusCode::Canceled:
        return "canceled";
    case StatusCode::TimedOut:
        return "timed-out";
    case StatusCode::Unsupported:
        return "unsupported";
    case StatusCode::Corrupt:
        return "corrupt";
    case StatusCode::NeedsPassword:
        return "needs-password";
    case StatusCode::LimitExceeded:
        return "limit-exceeded";
    case StatusCode::IoError:
        return "io-error";
    case StatusCode::InvalidArgument:
        return "invalid-argument";
    }
    return "unknown";
}

QString pagesText(qint64 count)
{
    return count == 1 ? Status::tr("1 page") : Status::tr("%1 pages").arg(QLocale().toString(count));
}

QString attachmentsText(qint64 count)
{
    return count == 1 ? Status::tr("1 attachment") : Status::tr("%1 attachments").arg(QLocale().toString(count));
}

QString formatDuration(std::chrono::milliseconds duration)
{
    const long long ms = duration.count();
    if (ms < 1000)
        return Status::tr("%1 ms").arg(ms);
    if (ms < 60'000) {
        if (ms % 1000 == 0)
            return Status::tr("%1 s").arg(ms / 1000);
        return Status::tr("%1 s").arg(QString::number(ms / 1000.0, 'f', 1));
    }
    const long long minutes = ms / 60'000;
    const long long seconds = (ms % 60'000) / 1000;
    if (seconds == 0)
        return Status::tr("%1 min").arg(minutes);
    return Status::tr("%1 min %2 s").arg(minutes).arg(seconds);
}

} // namespace folio
