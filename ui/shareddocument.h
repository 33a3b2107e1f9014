// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "documentgate.h"

#include <memory>

namespace folio {

// A Document shared by the GUI and its jobs. The GUI thread keeps a std::shared_ptr and never
// calls the Document; every job captures its own copy of the pointer, takes the gate, and only
// then uses document(). So a job that outlives the window (or the view) still holds valid data,
// and the last holder destroys the Document on whatever thread it runs.
class SharedDocument
{
public:
    explicit SharedDocument(std::unique_ptr<Document> document);

    DocumentGate &gate() { return m_gate; }
    // Only while holding gate().
    Document &document() { return *m_document; }

private:
    std::unique_ptr<Document> m_document;
    DocumentGate m_gate;
};

} // namespace folio
