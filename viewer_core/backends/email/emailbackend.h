// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <utility>

namespace folio {

// Email: Internet messages (.eml, message/rfc822), Apple Mail's .emlx and mailboxes (.mbox)
// through GMime 3, Outlook's TNEF (winmail.dat) through libytnef and Outlook's .msg through
// libgsf, all shown through the book engine (email::EmailDocument).
std::unique_ptr<Backend> createEmailBackend();

namespace email {

// How sure the header block at the start of `head` makes it that this is a message: Certain when
// every line up to the first blank one is a header field and at least two of them are headers
// mail has (From, To, Subject, Date, Received, Message-ID, ...); else No. `nameSaysMail` (the
// file is named .eml) makes one such header enough, at Content. A text that merely starts with
// "Subject: " or "From: someone" stays a text.
int messageConfidence(QByteArrayView head, bool nameSaysMail);
// Apple Mail's .emlx: a line with the message's length in bytes, the message, then an XML
// property list. The message's bytes when `data` is one, else a null array.
QByteArray emlxMessage(const QByteArray &data);
// A message of an mbox as it was: body lines escaped as ">From " back to "From ".
QByteArray unescapeMboxLines(QByteArray message);
// The [begin, end) byte ranges of the messages of an mbox (each after its "From " line), found
// with the token polled; LimitExceeded beyond `maxMessages`.
Result<QList<std::pair<qsizetype, qsizetype>>> splitMbox(
    const QByteArray &data, qint64 maxMessages, const CancellationToken &token);

} // namespace email

} // namespace folio
