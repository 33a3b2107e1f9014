// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QIODevice>
#include <QMimeType>
#include <QStringList>

#include <memory>

namespace folio {

// Everything a backend needs to open one document.
struct OpenRequest
{
    // Open for reading at position 0. The backend takes ownership; a document that reads lazily
    // keeps it for its own lifetime.
    std::unique_ptr<QIODevice> device;
    QString fileName; // for messages and relative resources; may be empty
    QString password;
    Limits limits;
    // Comments, speaker notes and hidden pages to include (see OpenOptions::renderOptions).
    RenderOptions options = RenderOption::None;
    QMimeType mimeType; // as detected
};

// One format family. Backends are stateless and shared by all threads.
class Backend
{
public:
    virtual ~Backend() = default;
    virtual QString id() const = 0;
    virtual QString name() const = 0;
    // MIME types handled, including ancestors: a type that inherits one of these is handled too.
    virtual QStringList mimeTypes() const = 0;
    virtual Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const = 0;
};

} // namespace folio
