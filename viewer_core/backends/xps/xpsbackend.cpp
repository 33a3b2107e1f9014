// SPDX-License-Identifier: GPL-3.0-or-later
#include "xpsbackend.h"

#include "backends/common/archive/zipcatalogue.h"
#include "backends/common/mimetypes.h"
#include "xpsdocument.h"

#include <QMimeDatabase>

namespace folio {

namespace {

const QString xpsType = QStringLiteral("application/vnd.ms-xpsdocument");
const QString oxpsType = QStringLiteral("application/oxps");

class XpsBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::XpsBackend)
public:
    QString id() const override { return QStringLiteral("xps"); }
    QString name() const override { return tr("XPS"); }
    QStringList mimeTypes() const override { return {xpsType, oxpsType}; }

    // A ZIP with package relationships and a FixedDocumentSequence part (every producer names it
    // *.fdseq: FixedDocumentSequence.fdseq, FixedDocSeq.fdseq) is XPS, whatever its name; which
    // of XPS and OpenXPS the root relationship says is read at open. A ZIP named .xps without them
    // is left to the default (Content), and fails to open as XPS with the reason.
    Recognition recognize(const RecognitionInput &input) const override
    {
        if (input.device().isSequential() || !isOrInherits(input.contentType(), "application/zip"))
            return Backend::recognize(input);
        const QStringList paths = input
                                      .memo(QStringLiteral("zip-paths"),
                                          [&input] { return QVariant(archive::zipPackagePaths(input.device())); })
                                      .toStringList();
        const bool hasSequence = std::any_of(
            paths.cbegin(), paths.cend(), [](const QString &path) { return path.endsWith(QLatin1String(".fdseq")); });
        if (hasSequence && paths.contains(QLatin1String("_rels/.rels"))) {
            const bool openXps = isOrInherits(input.contentType(), oxpsType);
            return {Recognition::Certain, QMimeDatabase().mimeTypeForName(openXps ? oxpsType : xpsType)};
        }
        return Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        return xps::XpsDocument::open(std::move(request), token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createXpsBackend()
{
    return std::make_unique<XpsBackend>();
}

} // namespace folio
