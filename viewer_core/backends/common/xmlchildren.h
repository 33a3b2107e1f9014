// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/safexml.h"

namespace folio {

// Calls `child()` on each child element of the current element, the reader on its start tag.
// `child` may read the element (leaving the reader on its end tag) or not (it is then skipped).
// Returns with the reader on the current element's end tag.
template<typename Child>
void forChildren(SafeXmlReader &reader, Child child)
{
    const int depth = reader.depth();
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType type = reader.readNext();
        if (type == QXmlStreamReader::StartElement) {
            child();
            if (reader.depth() > depth)
                reader.skipElement();
        } else if (type == QXmlStreamReader::EndElement && reader.depth() < depth) {
            return;
        }
    }
}

} // namespace folio
