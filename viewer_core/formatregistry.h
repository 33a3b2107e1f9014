// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QMimeType>

#include <memory>
#include <vector>

namespace folio {

// The table of backends, most specific first. Adding a format is one line in formatregistry.cpp.
class FormatRegistry
{
public:
    static const FormatRegistry &instance();

    const std::vector<std::unique_ptr<Backend>> &backends() const { return m_backends; }
    // The first backend handling `mimeType` or one of its ancestors; nullptr when none does.
    const Backend *backendFor(const QMimeType &mimeType) const;
    const Backend *backendById(const QString &id) const;
    // Glob patterns of every handled type, for file dialogs ("*.pdf", "*.png", ...); with a
    // `backend`, of the types it handles (and their descendants). Sorted, without duplicates.
    QStringList globPatterns(const Backend *backend = nullptr) const;

private:
    FormatRegistry();
    std::vector<std::unique_ptr<Backend>> m_backends;
};

} // namespace folio
