// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "safetylimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace folio::email {

// What Folio shows of a message, whatever it was read from (MIME, TNEF, an Outlook .msg): plain
// Qt values, decoded at open, so that a document keeps no parser object and any thread may read
// them.

// A part that is not the body: a file, a picture the HTML body shows (cid:), an attached message.
struct MailAttachment
{
    QString name; // file name (RFC 2231/2047 decoded); made up from the type when the part has none
    QString mimeType; // as the part declares it, lower case
    QByteArray data; // decoded content
    QString contentId; // without the angle brackets; empty when none
    QString contentLocation;
    bool inlinePart = false; // shown inside the body (Content-Disposition: inline, a related part)
};

struct MailMessage
{
    QString subject;
    QString from;
    QString to;
    QString cc;
    QString date; // the Date header as written
    QDateTime dateTime; // invalid when the Date header could not be read
    QString messageId;
    // The body: at most one of them is set (an alternative picks HTML). Plain text is already
    // unwrapped where it was format=flowed.
    QString plainBody;
    QString htmlBody;
    QList<MailAttachment> attachments;
    // What was left out and why ("part 7: over the size limit"), shown after the body.
    QStringList notes;
};

// How much has been decoded so far across the messages of one file, against the limits:
// maxEntries parts, maxEntrySize per part, maxTotalExtracted in all.
struct DecodeBudget
{
    Q_DECLARE_TR_FUNCTIONS(folio::email::DecodeBudget)
public:
    explicit DecodeBudget(const Limits &limits)
        : limits(limits)
    { }
    Limits limits;
    qint64 parts = 0;
    qint64 bytes = 0;

    // Counts one more part: LimitExceeded beyond maxEntries.
    Status addPart();
    // Counts `size` more decoded bytes of part `what`: LimitExceeded beyond the part or total limit.
    Status addBytes(const QString &what, qint64 partSize, qint64 added);
};

// Unwraps format=flowed text (RFC 3676): soft line breaks (a line ending in a space) joined,
// space-stuffing removed; `delSp` drops the space of a soft break. Quoted lines join only with
// lines of the same quote depth.
QString unflow(const QString &text, bool delSp);

} // namespace folio::email
