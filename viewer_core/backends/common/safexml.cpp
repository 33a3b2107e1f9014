// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/safexml.h"

namespace folio {

namespace {
constexpr int PollInterval = 256; // tokens between two looks at the token
}

SafeXmlReader::SafeXmlReader(
    const QByteArray &data, const QString &partName, const Limits &limits, const CancellationToken &token)
    : m_xml(data)
    , m_partName(partName)
    , m_limits(limits)
    , m_token(token)
{
    m_xml.setNamespaceProcessing(true);
}

void SafeXmlReader::fail(Status status)
{
    if (m_status.isOk())
        m_status = std::move(status);
}

Status SafeXmlReader::status() const
{
    if (!m_status.isOk())
        return m_status;
    if (m_xml.hasError() && m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        return {StatusCode::Corrupt,
            tr("%1 is not well-formed XML: %2 (line %3)").arg(m_partName, m_xml.errorString()).arg(m_xml.lineNumber())};
    if (m_xml.hasError())
        return {StatusCode::Corrupt, tr("%1 ends too early: %2").arg(m_partName, m_xml.errorString())};
    return {};
}

QXmlStreamReader::TokenType SafeXmlReader::readNext()
{
    if (atEnd())
        return QXmlStreamReader::Invalid;
    if (++m_sincePoll >= PollInterval) {
        m_sincePoll = 0;
        if (m_token.isCancelled()) {
            fail(Status::fromToken(m_token));
            return QXmlStreamReader::Invalid;
        }
    }
    const QXmlStreamReader::TokenType type = m_xml.readNext();
    switch (type) {
    case QXmlStreamReader::DTD:
        // Internal entities are where billion-laughs documents live; parameter entities too.
        if (!m_xml.entityDeclarations().isEmpty() || m_xml.text().contains(QLatin1String("<!ENTITY"))) {
            fail({StatusCode::LimitExceeded,
                tr("%1 declares XML entities, which Folio refuses to expand (they can expand without limit)")
                    .arg(m_partName)});
            return QXmlStreamReader::Invalid;
        }
        break;
    case QXmlStreamReader::StartElement:
        if (++m_depth > m_limits.maxXmlDepth) {
            fail({StatusCode::LimitExceeded,
                tr("%1 nests elements deeper than the limit of %2 levels").arg(m_partName).arg(m_limits.maxXmlDepth)});
            return QXmlStreamReader::Invalid;
        }
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        break;
    default:
        break;
    }
    return type;
}

bool SafeXmlReader::readNextStartElement()
{
    while (!atEnd()) {
        if (readNext() == QXmlStreamReader::StartElement)
            return true;
    }
    return false;
}

QString SafeXmlReader::readText()
{
    QString text;
    const int depth = m_depth;
    while (!atEnd()) {
        const QXmlStreamReader::TokenType type = readNext();
        if (type == QXmlStreamReader::Characters)
            text += m_xml.text();
        else if (type == QXmlStreamReader::EndElement && m_depth < depth)
            break;
    }
    return text;
}

void SafeXmlReader::skipElement()
{
    const int depth = m_depth;
    while (!atEnd()) {
        if (readNext() == QXmlStreamReader::EndElement && m_depth < depth)
            break;
    }
}

} // namespace folio
