// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace folio::html {

// A MIME header block: names (case kept) and unfolded values, in order.
struct MimeHeaders
{
    QList<std::pair<QByteArray, QByteArray>> fields;

    // The first field named `name` (without regard to case), trimmed; empty when absent.
    QByteArray value(const char *name) const;
};

// "type/subtype; a=b; c="d"": the lower-case type and the parameters (names lower-case).
struct ContentType
{
    QByteArray type;
    QList<std::pair<QByteArray, QByteArray>> parameters;

    static ContentType parse(const QByteArray &value);
    QByteArray parameter(const char *name) const;
};

// One leaf part of a MIME message, its body decoded (base64, quoted-printable).
struct MimePart
{
    MimeHeaders headers;
    ContentType contentType;
    QByteArray body;
};

// An MHTML web archive (RFC 2557, "Save as single file" of browsers): a MIME message whose
// multipart/related body holds the page and its pictures, style sheets and fonts. The parser is
// small and strict about its limits: nested multiparts up to MaxNesting deep, at most MaxParts
// parts, each part's and the total decoded size within the archive limits (maxEntrySize,
// maxTotalExtracted). It never fetches anything.
class Mhtml
{
    Q_DECLARE_TR_FUNCTIONS(folio::html::Mhtml)
public:
    static constexpr int MaxParts = 10000;
    static constexpr int MaxNesting = 8;

    // Reads the header block starting at `data` (up to its blank line); `end` is where the body
    // starts (data.size() when there is no blank line).
    static MimeHeaders parseHeaders(const QByteArray &data, qsizetype &end);
    // Whether `head` (the start of a file) is a MIME message whose own body is multipart/related.
    static bool looksLikeMhtml(const QByteArray &head);

    static QByteArray decodeQuotedPrintable(const QByteArray &data);

    // Parses the whole archive: `headers` of the message, `parts` its leaves in order.
    static Status parse(const QByteArray &data, const Limits &limits, const CancellationToken &token,
        MimeHeaders &headers, QList<MimePart> &parts);
};

} // namespace folio::html
