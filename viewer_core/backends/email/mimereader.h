// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mailmessage.h"

#include <QByteArray>
#include <QCoreApplication>

namespace folio::email {

// Reads one Internet message (RFC 5322 with MIME) through GMime 3 into a MailMessage.
//
// The body: the first inline text/plain or text/html part; multipart/alternative picks its HTML
// version where it has one, multipart/related its root part. Every other part is an attachment,
// inline pictures too; an attached message (message/rfc822) is one attachment holding the whole
// message, opened as its own document (so an attached message is never walked here).
//
// Limits: the message's containers (multipart and message parts) are counted in its headers
// before GMime sees it, since GMime parses nested containers recursively with no bound of its
// own: more than MaxContainers is refused, so a MIME bomb of nested messages costs one scan.
// Parts, decoded sizes and the total go through the DecodeBudget; decoding is chunked and polls
// the token.
//
// Threads: GMime is initialised once per process (g_mime_init() is not re-entrant); every GMime
// object read() makes is its own and freed before it returns, so any number of threads may
// read messages at once.
class MimeReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::email::MimeReader)
public:
    static constexpr int MaxContainers = 1000;

    // `name` names the message in messages ("inbox.mbox: message 3").
    static Result<MailMessage> read(
        const QByteArray &data, const QString &name, DecodeBudget &budget, const CancellationToken &token);
    // How many multipart and message containers the headers of `data` declare, counting every
    // Content-Type header line (folded ones too): an upper bound of the nesting depth.
    static int containerCount(const QByteArray &data);
};

} // namespace folio::email
