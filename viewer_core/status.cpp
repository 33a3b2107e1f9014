// SPDX-License-Identifier: GPL-3.0-or-later
#include "status.h"

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

Status Status::withContext(const QString &context) const
{
    // A cancellation is about the run, not the file: "Timed out after 30 s" stays as it is.
    if (isOk() || isCancellation() || context.isEmpty())
        return *this;
    // Named already, by this context or by the file's bare name (a backend naming the part of it
    // that failed): once is enough, with the fuller name.
    const QString separator = QStringLiteral(": ");
    if (m_message.startsWith(context + separator))
        return *this;
    const QString name = QFileInfo(context).fileName();
    if (!name.isEmpty() && name != context && m_message.startsWith(name + separator))
        return {m_code, context + m_message.mid(name.size())};
    return {m_code, context + separator + m_message};
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
    return count == 1 ? Status::tr("1 page") : Status::tr("%1 pages").arg(count);
}

QString attachmentsText(qint64 count)
{
    return count == 1 ? Status::tr("1 attachment") : Status::tr("%1 attachments").arg(count);
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
