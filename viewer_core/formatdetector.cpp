// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatdetector.h"

#include "backends/archive/zipcatalogue.h"
#include "formatregistry.h"
#include "logging.h"

#include <QFileInfo>
#include <QIODevice>
#include <QMimeDatabase>

#include <cctype>

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

// Poppler and MuPDF accept a PDF whose "%PDF-" header comes after up to 1,024 other bytes (a mail
// or HTTP header left in front of it, a byte-order mark); shared-mime-info only looks at offset 0.
// The header must be followed by a version ("%PDF-1.7"), so a text that merely mentions it stays
// text. Non-sequential devices only: the look-ahead must not consume a stream.
bool hasLatePdfHeader(QIODevice &device)
{
    if (device.isSequential())
        return false;
    const qint64 pos = device.pos();
    device.seek(0);
    const QByteArray head = device.read(1024 + 8);
    device.seek(pos);
    for (qsizetype at = head.indexOf("%PDF-"); at >= 0 && at <= 1024; at = head.indexOf("%PDF-", at + 1)) {
        const qsizetype v = at + 5;
        if (v + 2 < head.size() && std::isdigit(uchar(head[v])) && head[v + 1] == '.'
            && std::isdigit(uchar(head[v + 2])))
            return true;
    }
    return false;
}

bool hasZipCatalogue(QIODevice &device)
{
    if (device.isSequential())
        return false;
    const qint64 pos = device.pos();
    Limits limits;
    limits.maxEntries = 10'000;
    const auto catalogue = archive::readZipCatalogue(device, limits, CancellationToken());
    device.seek(pos);
    return catalogue && catalogue->has_value();
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
    // A late PDF header beats weak or foreign magic in the bytes before it (a multipart or mail
    // header read as text, "PK" garbage read as a ZIP with no directory), never a format whose own
    // reader recognised the file (a real ZIP whose first entry happens to be a PDF).
    if (detection.mimeType.name() != QLatin1String("application/pdf") && hasLatePdfHeader(device)) {
        const bool weak = isGeneric(detection.mimeType) || detection.mimeType.inherits(QStringLiteral("text/plain"))
            || !FormatRegistry::instance().backendFor(detection.mimeType)
            || (detection.mimeType.name() == QLatin1String("application/zip") && !hasZipCatalogue(device));
        if (weak)
            detection.mimeType = db.mimeTypeForName(QStringLiteral("application/pdf"));
    }
    detection.backend = FormatRegistry::instance().backendFor(detection.mimeType);
    qCDebug(lcCore) << "detected" << fileName << "content:" << byContent.name() << "name:" << byName.name() << "->"
                    << detection.mimeType.name() << (detection.backend ? detection.backend->id() : QString());
    return detection;
}

} // namespace folio
