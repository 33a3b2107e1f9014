// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mailmessage.h"

#include <QByteArray>
#include <QCoreApplication>

namespace folio::email {

// Outlook's Transport Neutral Encapsulation Format (winmail.dat, application/ms-tnef) through
// libytnef: the subject, sender and plain body (PR_BODY) of the message it wraps, its attached
// files (the long file name PR_ATTACH_LONG_FILENAME where there is one), and its compressed RTF
// body (PR_RTF_COMPRESSED, decompressed) as an attachment when it has no plain body.
//
// libytnef parses from memory and keeps no global state; each call has its own TNEFStruct, so
// threads may read TNEF streams at once. It cannot be interrupted: the token is polled between
// attachments only (TNEF streams are parsed in one linear pass).
class TnefReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::email::TnefReader)
public:
    // Whether `data` starts with TNEF's signature (0x223E9F78, little-endian).
    static bool isTnef(QByteArrayView data);
    // Reads the stream into `message`: files appended to its attachments, its subject, sender and
    // body where `message` has none. `name` names the stream in messages.
    static Status read(const QByteArray &data, const QString &name, MailMessage &message, DecodeBudget &budget,
        const CancellationToken &token);
};

} // namespace folio::email
