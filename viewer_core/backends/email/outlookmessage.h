// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mailmessage.h"

#include <QByteArray>
#include <QCoreApplication>

namespace folio::email {

// Outlook's .msg files: a compound file (OLE) whose streams are the message's MAPI properties
// (__substg1.0_IIIITTTT), read through libgsf's OLE reader: subject, sender, To and Cc as
// displayed, the delivery or submission date, the plain body (PR_BODY), else the HTML body, and
// the attachments (__attach_version1.0_#N: the long file name 0x3707 and the data 0x3701).
// Attached messages (stored as storages, not data) are listed in the notes, not opened.
//
// libgsf is initialised once per process; each read() has its own objects, so threads may read
// files at once. libgsf cannot be interrupted: the token is polled between streams.
class OutlookMessage
{
    Q_DECLARE_TR_FUNCTIONS(folio::email::OutlookMessage)
public:
    // A compound file whose root is a message: the root's class id is Outlook's message class,
    // or its first directory entries are MAPI property streams. Word and Excel files are not.
    static bool isOutlookMessage(QByteArrayView head);
    static Result<MailMessage> read(
        const QByteArray &data, const QString &name, DecodeBudget &budget, const CancellationToken &token);
};

} // namespace folio::email
