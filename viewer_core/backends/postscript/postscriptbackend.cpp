// SPDX-License-Identifier: GPL-3.0-or-later
#include "postscriptbackend.h"

#include "postscriptdocument.h"

#include <QMimeDatabase>

namespace folio {
namespace {

const QString postScriptType = QStringLiteral("application/postscript");
const QString epsType = QStringLiteral("image/x-eps");

class PostScriptBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::PostScriptBackend)
public:
    QString id() const override { return QStringLiteral("postscript"); }
    QString name() const override { return tr("PostScript"); }
    QStringList mimeTypes() const override { return {postScriptType, epsType}; }

    // "%!PS" at the start, or the DOS EPS binary header (C5 D0 D3 C6), is certain; an "EPSF"
    // version on the first line makes it EPS.
    Recognition recognize(const RecognitionInput &input) const override
    {
        const QByteArray &head = input.head();
        QMimeDatabase db;
        if (head.startsWith("\xC5\xD0\xD3\xC6"))
            return {Recognition::Certain, db.mimeTypeForName(epsType)};
        if (head.startsWith("%!PS")) {
            const qsizetype lineEnd = head.indexOf('\n');
            const QByteArray firstLine = head.left(lineEnd < 0 ? head.size() : lineEnd);
            return {Recognition::Certain, db.mimeTypeForName(firstLine.contains("EPSF") ? epsType : postScriptType)};
        }
        return Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &) const override
    {
        return postscript::PostScriptDocument::open(std::move(request), token);
    }
};

} // namespace

std::unique_ptr<Backend> createPostScriptBackend()
{
    return std::make_unique<PostScriptBackend>();
}

} // namespace folio
