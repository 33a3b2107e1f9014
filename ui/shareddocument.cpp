// SPDX-License-Identifier: GPL-3.0-or-later
#include "shareddocument.h"

namespace folio {

SharedDocument::SharedDocument(std::unique_ptr<Document> document)
    : m_document(std::move(document))
{
    Q_ASSERT(m_document);
}

} // namespace folio
