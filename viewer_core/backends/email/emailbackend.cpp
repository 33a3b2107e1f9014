// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailbackend.h"

#include "chunkedio.h"
#include "detachedcall.h"
#include "emaildocument.h"
#include "mimereader.h"
#include "outlookmessage.h"
#include "tnefreader.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace folio {

namespace {

const QString messageType = QStringLiteral("message/rfc822");
const QString mboxType = QStringLiteral("application/mbox");
const QString tnefType = QStringLiteral("application/vnd.ms-tnef");

// Header fields that mail has and other "Name: value" texts rarely do.
bool isMailHeader(QByteArrayView name)
{
    static const char *const names[] = {"from", "to", "cc", "bcc", "subject", "date", "received", "return-path",
        "message-id", "mime-version", "delivered-to", "reply-to", "sender", "in-reply-to", "references", "x-mailer",
        "user-agent", "dkim-signature", "authentication-results", "x-original-to", "thread-topic", "thread-index",
        "list-id", "x-mozilla-status", "envelope-to"};
    for (const char *known : names) {
        if (name.compare(QByteArrayView(known), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The field name of a header line ("Subject" of "Subject: hi"); empty when the line is none.
QByteArrayView fieldName(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return {};
    for (qsizetype i = 0; i < colon; ++i) {
        const char c = line[i];
        if (c <= ' ' || c > '~')
            return {};
    }
    return line.first(colon);
}

} // namespace

namespace email {

int messageConfidence(QByteArrayView head, bool nameSaysMail)
{
    QList<QByteArray> seen;
    int lines = 0;
    qsizetype pos = 0;
    bool complete = false;
    while (pos < head.size()) {
        qsizetype end = head.indexOf('\n', pos);
        if (end < 0)
            break; // the head ends inside a line: judge by the lines before it
        QByteArrayView line = head.sliced(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            complete = true;
            break;
        }
        ++lines;
        if (line.front() == ' ' || line.front() == '\t') {
            if (lines == 1)
                return Recognition::No; // a continuation before any field
            continue;
        }
        const QByteArrayView name = fieldName(line);
        if (name.isEmpty())
            return Recognition::No;
        if (isMailHeader(name)) {
            const QByteArray lower = name.toByteArray().toLower();
            if (!seen.contains(lower))
                seen.append(lower);
        }
    }
    if (lines == 0 || (!complete && pos < head.size() / 2))
        return Recognition::No;
    if (seen.size() >= 2)
        return Recognition::Certain;
    if (seen.size() == 1 && nameSaysMail)
        return Recognition::Content;
    return Recognition::No;
}

QByteArray emlxMessage(const QByteArray &data)
{
    const qsizetype newline = data.indexOf('\n');
    if (newline <= 0 || newline > 32)
        return {};
    bool ok = false;
    const qint64 length = data.left(newline).trimmed().toLongLong(&ok);
    if (!ok || length <= 0)
        return {};
    return data.mid(newline + 1, qsizetype(std::min<qint64>(length, data.size() - newline - 1)));
}

QByteArray unescapeMboxLines(QByteArray message)
{
    // A body line starting with "From " is written as ">From ", and ">From " as ">>From "
    // (mboxrd): one '>' comes off. Mailboxes that do not escape ">From " (mboxo) lose one
    // quote mark on such a line, the lesser harm.
    qsizetype pos = 0;
    while (pos < message.size()) {
        qsizetype end = message.indexOf('\n', pos);
        if (end < 0)
            end = message.size();
        qsizetype quotes = pos;
        while (quotes < end && message[quotes] == '>')
            ++quotes;
        if (quotes > pos && end - quotes >= 5 && std::memcmp(message.constData() + quotes, "From ", 5) == 0) {
            message.remove(pos, 1);
            --end;
        }
        pos = end + 1;
    }
    return message;
}

Result<QList<std::pair<qsizetype, qsizetype>>> splitMbox(
    const QByteArray &data, qint64 maxMessages, const CancellationToken &token)
{
    QList<std::pair<qsizetype, qsizetype>> messages;
    qsizetype start = -1; // where the current message's headers begin
    qsizetype pos = 0;
    qsizetype nextPoll = 0;
    while (pos < data.size()) {
        if (pos >= nextPoll) {
            if (token.isCancelled())
                return Status::fromToken(token);
            nextPoll = pos + 256 * 1024;
        }
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        if (data.size() - pos >= 5 && std::memcmp(data.constData() + pos, "From ", 5) == 0) {
            if (start >= 0)
                messages.append({start, pos});
            if (messages.size() >= maxMessages)
                return LimitErrors::entryCount(messages.size() + 1, Limits {.maxEntries = maxMessages});
            start = end + 1;
        }
        pos = end + 1;
    }
    if (start >= 0 && start < data.size())
        messages.append({start, data.size()});
    return messages;
}

} // namespace email

namespace {

class EmailBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::EmailBackend)
public:
    QString id() const override { return QStringLiteral("email"); }
    QString name() const override { return tr("Email"); }
    QStringList mimeTypes() const override { return {messageType, mboxType, tnefType}; }

    Recognition recognize(const RecognitionInput &input) const override
    {
        QMimeDatabase db;
        const QByteArray &head = input.head();
        if (email::TnefReader::isTnef(head))
            return {Recognition::Certain, db.mimeTypeForName(tnefType)};
        // No MIME type of Qt's names Outlook messages: the compound file's type stays.
        if (email::OutlookMessage::isOutlookMessage(head))
            return {Recognition::Certain, input.contentType()};
        const QString suffix = QFileInfo(input.fileName()).suffix().toLower();
        const bool named = suffix == QLatin1String("eml") || suffix == QLatin1String("emlx")
            || suffix == QLatin1String("mbox") || suffix == QLatin1String("mbx");
        if (head.startsWith("From ")) {
            const qsizetype line = head.indexOf('\n');
            if (line > 0 && email::messageConfidence(QByteArrayView(head).sliced(line + 1), named) > Recognition::No)
                return {Recognition::Certain, db.mimeTypeForName(mboxType)};
            return {};
        }
        const QByteArray emlx = email::emlxMessage(head);
        const QByteArrayView message = emlx.isNull() ? QByteArrayView(head) : QByteArrayView(emlx);
        const int confidence = email::messageConfidence(message, named);
        if (confidence > Recognition::No)
            return {confidence, db.mimeTypeForName(messageType)};
        return {};
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        Result<QByteArray> data = readAll(*request.device, request.limits.maxInMemoryBytes, token);
        if (!data)
            return data.status();
        QList<email::MailMessage> messages;
        email::DecodeBudget budget(request.limits);
        const QString name = request.fileName.isEmpty() ? tr("the message") : QFileInfo(request.fileName).fileName();
        const bool mbox = data->startsWith("From ");
        if (email::TnefReader::isTnef(*data)) {
            // libytnef cannot be interrupted either.
            auto message = readDetached(
                [bytes = *data, name, token](email::DecodeBudget &local) -> Result<email::MailMessage> {
                    email::MailMessage message;
                    if (Status status = email::TnefReader::read(bytes, name, message, local, token); !status)
                        return status;
                    return message;
                },
                budget, token);
            if (!message)
                return message.status().withFile(request.fileName);
            messages.append(std::move(message).value());
            return finish(std::move(messages), tr("Outlook TNEF message"), tnefType, request, token);
        }
        if (email::OutlookMessage::isOutlookMessage(*data)) {
            auto message = readDetached(
                [bytes = *data, name, token](
                    email::DecodeBudget &local) { return email::OutlookMessage::read(bytes, name, local, token); },
                budget, token);
            if (!message)
                return message.status().withFile(request.fileName);
            messages.append(std::move(message).value());
            return finish(std::move(messages), tr("Outlook message"), QStringLiteral("application/vnd.ms-outlook"),
                request, token);
        }
        if (mbox) {
            auto ranges = email::splitMbox(*data, request.limits.maxEntries, token);
            if (!ranges)
                return ranges.status().withFile(request.fileName);
            for (qsizetype i = 0; i < ranges->size(); ++i) {
                const auto [begin, end] = ranges->at(i);
                auto message = readMessage(email::unescapeMboxLines(data->mid(begin, end - begin)),
                    tr("%1: message %2").arg(name).arg(i + 1), budget, token);
                if (!message)
                    return message.status().withFile(request.fileName);
                messages.append(std::move(message).value());
                if (progress)
                    progress(i + 1, 2 * ranges->size());
            }
            if (messages.isEmpty())
                return Status(StatusCode::Corrupt, tr("%1: the mailbox holds no message").arg(name))
                    .withFile(request.fileName);
        } else {
            QByteArray bytes = email::emlxMessage(*data);
            if (bytes.isNull())
                bytes = std::move(data).value();
            auto message = readMessage(bytes, name, budget, token);
            if (!message)
                return message.status().withFile(request.fileName);
            messages.append(std::move(message).value());
        }
        return finish(std::move(messages), mbox ? tr("Mailbox") : tr("Email message"), mbox ? mboxType : messageType,
            request, token);
    }

private:
    Result<std::unique_ptr<Document>> finish(QList<email::MailMessage> messages, const QString &formatName,
        const QString &mimeType, const OpenRequest &request, const CancellationToken &token) const
    {
        auto document
            = email::EmailDocument::create(std::move(messages), id(), formatName, mimeType, request.limits, token, {});
        if (!document)
            return document.status().withFile(request.fileName);
        return document;
    }

    // Runs `read` (a reader that cannot be interrupted) detached, with a copy of the budget that
    // replaces `budget` once it is done.
    template<typename Read>
    static Result<email::MailMessage> readDetached(
        Read read, email::DecodeBudget &budget, const CancellationToken &token)
    {
        using Done = std::pair<email::MailMessage, email::DecodeBudget>;
        auto done = callDetached<Done>(
            [read, budget]() -> Result<Done> {
                email::DecodeBudget local = budget;
                Result<email::MailMessage> message = read(local);
                if (!message)
                    return message.status();
                return Done {std::move(message).value(), local};
            },
            token);
        if (!done)
            return done.status();
        budget = done->second;
        return std::move(done->first);
    }

    // GMime's parser cannot be interrupted: it runs detached, so a cancel returns at once (the
    // part walk after it polls the token itself).
    static Result<email::MailMessage> readMessage(
        const QByteArray &bytes, const QString &name, email::DecodeBudget &budget, const CancellationToken &token)
    {
        return readDetached(
            [bytes, name, token](
                email::DecodeBudget &local) { return email::MimeReader::read(bytes, name, local, token); },
            budget, token);
    }
};

} // namespace

std::unique_ptr<Backend> createEmailBackend()
{
    return std::make_unique<EmailBackend>();
}

} // namespace folio
