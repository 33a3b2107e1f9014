// SPDX-License-Identifier: GPL-3.0-or-later
#include "ooxmlrecognition.h"

#include "backends/common/archive/zipcatalogue.h"
#include "backends/common/mimetypes.h"

#include <QMimeDatabase>

namespace folio::office {

Recognition recognizeOoxml(const RecognitionInput &input, const QString &mainPart, const QString &mimeType)
{
    if (input.device().isSequential() || !isOrInherits(input.contentType(), "application/zip"))
        return {};
    const QStringList paths = input
                                  .memo(QStringLiteral("zip-paths"),
                                      [&input] { return QVariant(archive::zipPackagePaths(input.device())); })
                                  .toStringList();
    if (!paths.contains(mainPart.toLower()))
        return {};
    return {Recognition::Certain, QMimeDatabase().mimeTypeForName(mimeType)};
}

} // namespace folio::office
