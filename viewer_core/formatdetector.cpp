// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatdetector.h"

#include "formatregistry.h"
#include "logging.h"

#include <QFileInfo>
#include <QIODevice>
#include <QMimeDatabase>

#include <algorithm>

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

} // namespace

RecognitionInput::RecognitionInput(QIODevice &device, const QString &fileName, const QMimeType &contentType)
    : m_device(device)
    , m_fileName(fileName)
    , m_contentType(contentType)
{ }

const QByteArray &RecognitionInput::head() const
{
    if (!m_head) {
        constexpr qint64 HeadBytes = 4096;
        if (m_device.isSequential()) {
            m_head = m_device.peek(HeadBytes);
        } else {
            const qint64 pos = m_device.pos();
            m_device.seek(0);
            m_head = m_device.read(HeadBytes);
            m_device.seek(pos);
        }
    }
    return *m_head;
}

QVariant RecognitionInput::memo(const QString &key, const std::function<QVariant()> &compute) const
{
    if (auto found = m_memo.constFind(key); found != m_memo.cend())
        return *found;
    const qint64 pos = m_device.isSequential() ? 0 : m_device.pos();
    QVariant value = compute();
    if (!m_device.isSequential())
        m_device.seek(pos);
    m_memo.insert(key, value);
    return value;
}

bool Backend::handles(const QMimeType &type) const
{
    if (!type.isValid())
        return false;
    const QStringList types = mimeTypes();
    for (const QString &name : types) {
        if (type.name() == name || type.inherits(name))
            return true;
    }
    return false;
}

Recognition Backend::recognize(const RecognitionInput &input) const
{
    if (handles(input.contentType()))
        return {Recognition::Content, input.contentType()};
    return {};
}

QMimeType FormatDetector::contentType(QIODevice &device, const QString &fileName)
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
    return chooseType(byContent, byName);
}

Detection FormatDetector::detect(QIODevice &device, const QString &fileName)
{
    const QMimeType type = contentType(device, fileName);
    const RecognitionInput input(device, fileName, type);
    Detection detection;
    detection.mimeType = type;
    const qint64 pos = device.isSequential() ? 0 : device.pos();
    for (const auto &backend : FormatRegistry::instance().backends()) {
        Recognition recognition = backend->recognize(input);
        if (!device.isSequential() && device.pos() != pos)
            device.seek(pos); // a backend that looked elsewhere without memo()
        if (recognition.confidence <= Recognition::No)
            continue;
        if (!recognition.mimeType.isValid())
            recognition.mimeType = type;
        detection.candidates.append({backend.get(), recognition.mimeType, recognition.confidence});
    }
    // Most confident first; the registry's order breaks ties (stable sort).
    std::stable_sort(detection.candidates.begin(), detection.candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.confidence > b.confidence; });
    if (!detection.candidates.isEmpty()) {
        const Candidate &best = detection.candidates.first();
        detection.mimeType = best.mimeType;
        detection.backend = best.backend;
        detection.confidence = best.confidence;
    }
    qCDebug(lcCore) << "detected" << fileName << "content:" << type.name() << "->" << detection.mimeType.name()
                    << (detection.backend ? detection.backend->id() : QString()) << detection.confidence;
    return detection;
}

} // namespace folio
