// SPDX-License-Identifier: GPL-3.0-or-later
#include "textbackend.h"

#include "backends/common/mimetypes.h"
#include "csvdocument.h"
#include "logging.h"
#include "markdowndocument.h"
#include "plaintextdocument.h"
#include "textencoding.h"
#include "chunkedio.h"
#include "backends/common/text/textpage.h"

#include <QMimeDatabase>

namespace folio {

namespace {

enum class Flavour { Plain, Markdown, Csv, Tsv };

Flavour flavourFor(const QMimeType &type)
{
    if (isOrInherits(type, QStringLiteral("text/markdown")))
        return Flavour::Markdown;
    if (isOrInherits(type, QStringLiteral("text/csv")))
        return Flavour::Csv;
    if (isOrInherits(type, QStringLiteral("text/tab-separated-values")))
        return Flavour::Tsv;
    return Flavour::Plain;
}

// Everything that is text/plain or inherits it: logs, source code, Markdown, CSV, TSV, ...
// One backend, three document kinds, chosen by the detected MIME type.
class TextBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::TextBackend)
public:
    QString id() const override { return QStringLiteral("text"); }
    QString name() const override { return tr("Text documents"); }
    QStringList mimeTypes() const override { return {QStringLiteral("text/plain")}; }

    // Text types are the default's. Bytes that read as text whatever their magic says are a
    // fallback: a text that mentions "%PDF-1.4" in its first kilobyte is taken for a PDF by its
    // magic, and shown as the text it is once Poppler refuses it.
    Recognition recognize(const RecognitionInput &input) const override
    {
        const Recognition byType = Backend::recognize(input);
        if (byType.confidence > Recognition::No)
            return byType;
        const QByteArray &head = input.head();
        if (head.isEmpty() || head.contains('\0'))
            return {};
        qsizetype controls = 0;
        for (const char c : head) {
            const uchar u = uchar(c);
            if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v' && u != 0x1b)
                ++controls;
        }
        if (controls * 100 > head.size())
            return {};
        return {Recognition::Fallback, QMimeDatabase().mimeTypeForName(QStringLiteral("text/plain"))};
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        if (Status status = text::checkFontSupport(); !status)
            return status;
        if (!request.device)
            return Status(StatusCode::InvalidArgument, tr("No input device"));
        auto device = randomAccess(std::move(request.device), request.limits.maxInMemoryBytes, token);
        if (!device)
            return device.status();
        const Result<QByteArray> head = readAt(**device, 0, text::TextEncoding::SampleSize);
        if (!head)
            return head.status();
        const bool complete = head->size() >= (*device)->size();
        const text::TextEncoding encoding = text::TextEncoding::detect(*head, complete);

        switch (flavourFor(request.mimeType)) {
        case Flavour::Markdown:
            if ((*device)->size() <= std::min(text::MarkdownDocument::MaxBytes, request.limits.maxInMemoryBytes))
                return text::MarkdownDocument::open(
                    std::move(*device), encoding, request.fileName, request.mimeType, request.limits, token, progress);
            // Too big to typeset in memory: still readable as what it is, plain text.
            qCInfo(lcText) << request.fileName << "is too large for Markdown layout; showing it as plain text";
            break;
        case Flavour::Csv:
            return text::CsvDocument::open(std::move(*device), encoding, text::CsvDocument::Dialect::Csv,
                request.mimeType, request.limits, token, progress);
        case Flavour::Tsv:
            return text::CsvDocument::open(std::move(*device), encoding, text::CsvDocument::Dialect::Tsv,
                request.mimeType, request.limits, token, progress);
        case Flavour::Plain:
            break;
        }
        return text::PlainTextDocument::open(
            std::move(*device), encoding, request.mimeType, request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createTextBackend()
{
    return std::make_unique<TextBackend>();
}

} // namespace folio
