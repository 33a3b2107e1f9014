// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatdetector.h"

#include "backends/archive/zipcatalogue.h"
#include "formatregistry.h"
#include "logging.h"

#include <QFileInfo>
#include <QIODevice>
#include <QMimeDatabase>

namespace folio {

namespace {

bool isGeneric(const QMimeType &type)
{
    return !type.isValid() || type.isDefault() || type.name() == QLatin1String("text/plain")
        || type.name() == QLatin1String("application/x-zerosize");
}

QMimeType chooseType(const QMimeType &byContent, const QMimeType &byName)
{
    if (!byName.isValid() || byName.isDefault())
        return byContent;
    if (isGeneric(byContent)) {
        // Content has no magic: the name refines text (Markdown, CSV, C++, a log with stray NULs)
        // and names formats that have no magic bytes at all (TGA). It never turns unknown bytes
        // into a format that has magic, such as PDF.
        if (byName.name() == QLatin1String("text/plain") || byName.inherits(QStringLiteral("text/plain")))
            return byName;
        if (byContent.isDefault() && byName.name().startsWith(QLatin1String("image/")))
            return byName;
        return byContent;
    }
    // Content matched a specific type: the name may only narrow it (a .docx is a ZIP).
    if (byName.inherits(byContent.name()))
        return byName;
    // Two kinds of text: text magic is weak ("## T0" looks like MATLAB), so a specific text type
    // named by the file wins. A plain .txt name never overrides content (SVG stays SVG).
    const QString textPlain = QStringLiteral("text/plain");
    if (byName.name() != textPlain && byName.inherits(textPlain) && byContent.inherits(textPlain))
        return byName;
    return byContent;
}

// A ZIP whose name says nothing more: OOXML packages are told apart by their main part (ECMA-376
// fixes these paths in practice; every producer uses them). Reads the central directory only.
QMimeType sniffZipContainer(QIODevice &device, const QMimeType &type)
{
    if (type.name() != QLatin1String("application/zip") || device.isSequential())
        return type;
    const qint64 pos = device.pos();
    // Office packages have a few hundred parts at most; a bigger ZIP is refused from its
    // end-of-directory record, so listing a large archive does not read its catalogue twice.
    Limits limits;
    limits.maxEntries = 10'000;
    const auto catalogue = archive::readZipCatalogue(device, limits, CancellationToken());
    device.seek(pos);
    if (!catalogue || !catalogue->has_value())
        return type;
    static const std::pair<QLatin1String, QLatin1String> mainParts[] = {
        {QLatin1String("word/document.xml"),
            QLatin1String("application/vnd.openxmlformats-officedocument.wordprocessingml.document")},
        {QLatin1String("xl/workbook.xml"),
            QLatin1String("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")},
        {QLatin1String("ppt/presentation.xml"),
            QLatin1String("application/vnd.openxmlformats-officedocument.presentationml.presentation")},
    };
    for (const archive::Entry &entry : (*catalogue)->entries) {
        for (const auto &[part, mime] : mainParts) {
            if (entry.path.compare(part, Qt::CaseInsensitive) == 0)
                return QMimeDatabase().mimeTypeForName(mime);
        }
    }
    return type;
}

} // namespace

Detection FormatDetector::detect(QIODevice &device, const QString &fileName)
{
    QMimeDatabase db;
    // Magic is matched from the start of the content, wherever the caller left the device.
    const qint64 pos = device.isSequential() ? 0 : device.pos();
    if (!device.isSequential())
        device.seek(0);
    const QMimeType byContent = db.mimeTypeForData(&device);
    if (!device.isSequential())
        device.seek(pos);
    const QMimeType byName = fileName.isEmpty()
        ? QMimeType()
        : db.mimeTypeForFile(QFileInfo(fileName).fileName(), QMimeDatabase::MatchExtension);
    Detection detection;
    detection.mimeType = sniffZipContainer(device, chooseType(byContent, byName));
    detection.backend = FormatRegistry::instance().backendFor(detection.mimeType);
    qCDebug(lcCore) << "detected" << fileName << "content:" << byContent.name() << "name:" << byName.name() << "->"
                    << detection.mimeType.name() << (detection.backend ? detection.backend->id() : QString());
    return detection;
}

} // namespace folio
