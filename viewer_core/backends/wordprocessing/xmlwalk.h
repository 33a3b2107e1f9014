// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/safexml.h"
#include "backends/common/xmlchildren.h"

#include <QString>
#include <QStringView>
#include <QXmlStreamAttributes>

// Small helpers over SafeXmlReader shared by the DOCX and ODT readers. Elements and attributes
// are matched by local name, so Transitional and Strict OOXML (different namespaces, same local
// names) read alike.
namespace folio::wordprocessing::xml {

using folio::forChildren; // shared with the other readers

// The attribute of the current element with local name `name` (any namespace); null if absent.
// Skips `count` child elements of the element at `depth` (the reader inside it, after its start
// tag or after an earlier child). Returns false when the element ended first.
inline bool skipChildren(SafeXmlReader &reader, int depth, int count)
{
    for (int skipped = 0; skipped < count && !reader.atEnd();) {
        const QXmlStreamReader::TokenType type = reader.readNext();
        if (type == QXmlStreamReader::StartElement) {
            reader.skipElement();
            ++skipped;
        } else if (type == QXmlStreamReader::EndElement && reader.depth() < depth) {
            return false;
        }
    }
    return true;
}

inline QString attribute(const SafeXmlReader &reader, QStringView name)
{
    for (const QXmlStreamAttribute &attribute : reader.xml().attributes()) {
        if (attribute.name() == name)
            return attribute.value().toString();
    }
    return {};
}

inline bool hasAttribute(const SafeXmlReader &reader, QStringView name)
{
    for (const QXmlStreamAttribute &attribute : reader.xml().attributes()) {
        if (attribute.name() == name)
            return true;
    }
    return false;
}

// An OPC relationship attribute (r:id, r:embed, r:link): in the relationships namespace of
// Transitional or Strict OOXML.
inline QString relationshipAttribute(const SafeXmlReader &reader, QStringView name)
{
    for (const QXmlStreamAttribute &attribute : reader.xml().attributes()) {
        if (attribute.name() == name && attribute.namespaceUri().endsWith(QLatin1String("relationships")))
            return attribute.value().toString();
    }
    return {};
}

// The w:val attribute (by local name).
inline QString val(const SafeXmlReader &reader)
{
    return attribute(reader, u"val");
}

inline QStringView name(const SafeXmlReader &reader)
{
    return reader.xml().name();
}

} // namespace folio::wordprocessing::xml
