// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportoptions.h"

#include <QHash>
#include <QImage>
#include <QSet>
#include <QString>

namespace folio {

class StagedOutput;

// The pictures of an HTML export: encoded once (PNG, or JPEG for big opaque photo-like
// pictures), then either embedded as data: URIs or written once into resources/ under a name made
// from their content's hash, so a picture shown on several pages is one shared file.
// Not thread-safe.
class HtmlResources
{
    Q_DECLARE_TR_FUNCTIONS(folio::HtmlResources)
public:
    // Files go through `output` (External mode), which must outlive this object.
    HtmlResources(ExportOptions::Resources mode, StagedOutput &output);

    // The value of an img src for `picture`: "data:image/png;base64,..." or "resources/<hash>.png".
    Result<QString> add(const QImage &picture);

    // The resources/ files staged so far (relative paths).
    QStringList files() const { return m_written.values(); }

private:
    ExportOptions::Resources m_mode;
    StagedOutput &m_output;
    QSet<QString> m_written;
};

} // namespace folio
