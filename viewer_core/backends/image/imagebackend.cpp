// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagebackend.h"

#include "backends/common/cancellabledevice.h"
#include "chunkedio.h"
#include "rasterdocument.h"
#include "svgdocument.h"

#include <QBuffer>
#include <QImageReader>
#include <QMimeDatabase>

namespace folio {

namespace {

const QString svgType = QStringLiteral("image/svg+xml");

QStringList readableMimeTypes()
{
    QMimeDatabase db;
    QStringList types;
    const QList<QByteArray> supported = QImageReader::supportedMimeTypes();
    for (const QByteArray &name : supported) {
        // Not svgz: QtSvg inflates it with no limit on the inflated size.
        if (name == "image/svg+xml-compressed")
            continue;
        // The registry compares canonical names; plugins may announce aliases.
        const QMimeType type = db.mimeTypeForName(QString::fromLatin1(name));
        const QString canonical = type.isValid() ? type.name() : QString::fromLatin1(name);
        if (!types.contains(canonical))
            types.append(canonical);
    }
    // QtSvg renders SVG directly even where its image-format plugin is missing.
    if (!types.contains(svgType))
        types.append(svgType);
    return types;
}

class ImageBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::ImageBackend)
public:
    QString id() const override { return QStringLiteral("image"); }
    QString name() const override { return tr("Images"); }

    QStringList mimeTypes() const override
    {
        // Asking QImageReader loads every image plugin: once is enough.
        static const QStringList types = readableMimeTypes();
        return types;
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        const QMimeType &type = request.mimeType;
        if (type.name() == svgType || type.inherits(svgType))
            return image::SvgDocument::open(*request.device, type, request.limits, token);

        std::unique_ptr<QIODevice> device = std::move(request.device);
        if (device->isSequential()) {
            // Frames are decoded on demand and decoders seek: keep a random-access copy.
            Result<QByteArray> data = readAll(*device, request.limits.maxInMemoryBytes, token);
            if (!data)
                return data.status();
            auto buffer = std::make_unique<QBuffer>();
            buffer->setData(std::move(data).value());
            buffer->open(QIODevice::ReadOnly);
            device = std::move(buffer);
        }
        return image::RasterDocument::open(std::move(device), type, request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createImageBackend()
{
    return std::make_unique<ImageBackend>();
}

} // namespace folio
