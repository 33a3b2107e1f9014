// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QXmlStreamReader>

namespace folio {

// QXmlStreamReader for untrusted XML (EPUB and Office package parts). It never loads external
// entities (QXmlStreamReader cannot); on top of that this refuses any document whose DTD declares
// entities (billion laughs: no e-book or Office part needs them), refuses nesting deeper than
// limits.maxXmlDepth and polls the token. After a refusal or a parse error, atEnd() is true and status() says why.
class SafeXmlReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::SafeXmlReader)
public:
    // `data` must outlive the reader. `partName` names the part in messages.
    SafeXmlReader(
        const QByteArray &data, const QString &partName, const Limits &limits, const CancellationToken &token);

    QXmlStreamReader::TokenType readNext();
    // Moves to the next start element at any depth; false at the end or on an error.
    bool readNextStartElement();
    bool atEnd() const { return m_xml.atEnd() || !m_status.isOk(); }
    // Ok while reading and after a clean end; otherwise Corrupt, LimitExceeded or the cancellation.
    Status status() const;
    const QXmlStreamReader &xml() const { return m_xml; }
    // Elements currently open, the current start element included.
    int depth() const { return m_depth; }
    QString attribute(const char *name) const { return m_xml.attributes().value(QLatin1String(name)).toString(); }
    // The text inside the current element, its children's included; leaves the reader on its end.
    QString readText();
    // Leaves the reader on the end of the current element.
    void skipElement();

private:
    void fail(Status status);

    QXmlStreamReader m_xml;
    QString m_partName;
    Limits m_limits;
    CancellationToken m_token;
    Status m_status;
    int m_depth = 0;
    int m_sincePoll = 0;
};

} // namespace folio
