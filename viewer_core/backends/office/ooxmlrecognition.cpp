// SPDX-License-Identifier: GPL-3.0-or-later
#include "ooxmlrecognition.h"

#include "backends/common/archive/zipcatalogue.h"
#include "backends/common/mimetypes.h"

#include <QMimeDatabase>

namespace folio::office {

namespace {

// The lower-case paths of a ZIP's files, from its central directory alone; empty when it has
// none that can be read cheaply.
QStringList zipPaths(QIODevice &device)
{
    // Office packages have a few hundred parts at most; a bigger ZIP is refused from its
    // end-of-directory record, so listing a large archive does not read its catalogue twice.
    Limits limits;
    limits.maxEntries = 10'000;
    const auto catalogue = archive::readZipCatalogue(device, limits, CancellationToken());
    QStringList paths;
    if (!catalogue || !catalogue->has_value())
        return paths;
    for (const archive::Entry &entry : (*catalogue)->entries)
        paths.append(entry.path.toLower());
    return paths;
}

} // namespace

Recognition recognizeOoxml(const RecognitionInput &input, const QString &mainPart, const QString &mimeType)
{
    if (input.device().isSequential() || !isOrInherits(input.contentType(), "application/zip"))
        return {};
    const QStringList paths
        = input.memo(QStringLiteral("zip-paths"), [&input] { return QVariant(zipPaths(input.device())); })
              .toStringList();
    if (!paths.contains(mainPart.toLower()))
        return {};
    return {Recognition::Certain, QMimeDatabase().mimeTypeForName(mimeType)};
}

} // namespace folio::office
