// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlbackend.h"

#include "backends/common/book/bookdocument.h"
#include "backends/common/mimetypes.h"
#include "backends/common/text/textpage.h"
#include "chunkedio.h"
#include "mhtml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

Q_LOGGING_CATEGORY(lcHtml, "folio.html", QtInfoMsg)

namespace folio {

namespace {

const QString HtmlType = QStringLiteral("text/html");
const QString XhtmlType = QStringLiteral("application/xhtml+xml");
const QString MhtmlType = QStringLiteral("application/x-mimearchive");

// A picture, style sheet or font next to a local HTML file: at most this big.
constexpr qint64 MaxLocalResourceBytes = 32LL << 20;

// The markup a page starts with, after a BOM, white space, an XML declaration and comments:
// <!DOCTYPE html, <html, <head or <body. Text that merely mentions a tag, or starts with a
// comment and goes on as prose (a Markdown file), is not HTML by content.
bool startsLikeHtml(const QByteArray &head)
{
    QByteArray text = head;
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.mid(3);
    qsizetype at = 0;
    for (int step = 0; step < 64; ++step) {
        while (at < text.size() && QChar::isSpace(uchar(text[at])))
            ++at;
        const QByteArrayView rest = QByteArrayView(text).sliced(at);
        if (rest.startsWith("<!--")) {
            const qsizetype end = text.indexOf("-->", at + 4);
            if (end < 0)
                return false;
            at = end + 3;
        } else if (rest.startsWith("<?xml")) {
            const qsizetype end = text.indexOf("?>", at);
            if (end < 0)
                return false;
            at = end + 2;
        } else {
            const QByteArray start = rest.first(std::min<qsizetype>(rest.size(), 14)).toByteArray().toLower();
            return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<body");
        }
    }
    return false;
}

bool hasHtmlName(const QString &fileName)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\.(html?|xhtml?)$"), QRegularExpression::CaseInsensitiveOption);
    return pattern.match(fileName).hasMatch();
}

// RFC 2047 encoded words (=?utf-8?Q?...?=, =?iso-8859-1?B?...?=) in a header value.
QString decodeHeader(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?="));
    const QString text = QString::fromLatin1(value);
    QString out;
    qsizetype at = 0;
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString between = text.mid(at, match.capturedStart() - at);
        if (!(at > 0 && between.trimmed().isEmpty())) // white space between encoded words goes
            out += between;
        QByteArray bytes = match.captured(3).toLatin1();
        if (match.captured(2).compare(QLatin1String("B"), Qt::CaseInsensitive) == 0)
            bytes = QByteArray::fromBase64(bytes);
        else
            bytes = html::Mhtml::decodeQuotedPrintable(bytes.replace('_', ' '));
        QStringDecoder decoder(match.captured(1).section(u'*', 0, 0).toLatin1().constData());
        out += decoder.isValid() ? decoder.decode(bytes) : QString::fromLatin1(bytes);
        at = match.capturedEnd();
    }
    out += text.mid(at);
    return out.simplified();
}

// Title, author, description and keywords from the page's head (the first 64 KiB).
Metadata headMetadata(const QByteArray &page)
{
    const QString head = QString::fromUtf8(page.left(64 * 1024));
    Metadata metadata;
    static const QRegularExpression title(
        QStringLiteral("<title[^>]*>([^<]*)</title>"), QRegularExpression::CaseInsensitiveOption);
    const QString titleText = title.match(head).captured(1).simplified();
    if (!titleText.isEmpty())
        metadata.append({QStringLiteral("Title"), titleText});
    static const QRegularExpression meta(QStringLiteral("<meta\\s[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression name(
        QStringLiteral("\\bname\\s*=\\s*[\"']?([A-Za-z.-]+)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression content(
        QStringLiteral("\\bcontent\\s*=\\s*(\"([^\"]*)\"|'([^']*)')"), QRegularExpression::CaseInsensitiveOption);
    const QHash<QString, QString> keys = {{QStringLiteral("author"), QStringLiteral("Author")},
        {QStringLiteral("dc.creator"), QStringLiteral("Author")},
        {QStringLiteral("description"), QStringLiteral("Description")},
        {QStringLiteral("keywords"), QStringLiteral("Keywords")},
        {QStringLiteral("generator"), QStringLiteral("Creator")},
        {QStringLiteral("dcterms.date"), QStringLiteral("CreationDate")}};
    QRegularExpressionMatchIterator it = meta.globalMatch(head);
    while (it.hasNext()) {
        const QString tag = it.next().captured();
        const QString key = keys.value(name.match(tag).captured(1).toLower());
        const QRegularExpressionMatch value = content.match(tag);
        QString text = value.captured(2).isEmpty() ? value.captured(3) : value.captured(2);
        text = text.simplified();
        bool known = false;
        for (const auto &entry : std::as_const(metadata))
            known = known || entry.first == key;
        if (!key.isEmpty() && !text.isEmpty() && !known)
            metadata.append({key, text});
    }
    return metadata;
}

// A local HTML file and what lies next to it: pictures, style sheets and fonts are read from the
// file's own folder and the folders below it (never above it, through a symbolic link or not),
// each up to MaxLocalResourceBytes. Nothing else on disk, and no network, is ever reached.
// Used by the one thread that uses its document, like every Book.
class LocalHtmlBook final : public book::MemoryBook
{
    Q_DECLARE_TR_FUNCTIONS(folio::LocalHtmlBook)
public:
    LocalHtmlBook(const Limits &limits, const QString &folder)
        : MemoryBook(limits)
        , m_folder(folder)
    { }

    bool contains(const QString &path) const override
    {
        return MemoryBook::contains(path) || !diskPath(path).isEmpty();
    }

    Result<QByteArray> read(
        const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly) const override
    {
        if (MemoryBook::contains(path))
            return MemoryBook::read(path, maxBytes, token, prefixOnly);
        if (token.isCancelled())
            return Status::fromToken(token);
        const QString file = diskPath(path);
        if (file.isEmpty())
            return Status(StatusCode::Corrupt, tr("“%1” is not next to the page").arg(path));
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return Status(StatusCode::IoError, tr("cannot read “%1”: %2").arg(path, input.errorString()));
        const qint64 limit = std::min({maxBytes, MaxLocalResourceBytes, limits().maxEntrySize});
        if (!prefixOnly && input.size() > limit)
            return LimitErrors::entrySize(path, input.size(), limits());
        return input.read(limit);
    }

private:
    // The file `path` names inside the folder, or empty.
    QString diskPath(const QString &path) const
    {
        if (m_folder.isEmpty() || path.isEmpty())
            return {};
        const QFileInfo info(m_folder + u'/' + path);
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || !canonical.startsWith(m_folder + u'/') || !QFileInfo(canonical).isFile())
            return {};
        return canonical;
    }

    QString m_folder; // canonical; empty when the page is not a file on disk
};

class HtmlBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::HtmlBackend)
public:
    QString id() const override { return QStringLiteral("html"); }
    QString name() const override { return tr("Web pages"); }
    QStringList mimeTypes() const override { return {HtmlType, XhtmlType, MhtmlType}; }

    Recognition recognize(const RecognitionInput &input) const override
    {
        QMimeDatabase db;
        const QByteArray &head = input.head();
        // A saved web page is a MIME message whose body is multipart/related (Content detection
        // takes it for an email by its From: line). Certain with a browser's marks or an MHTML
        // name; otherwise a little more than content (an email backend may know its mail better).
        if (html::Mhtml::looksLikeMhtml(head)) {
            qsizetype end = 0;
            const html::MimeHeaders headers = html::Mhtml::parseHeaders(head, end);
            static const QRegularExpression mhtmlName(
                QStringLiteral("\\.mht(ml)?$"), QRegularExpression::CaseInsensitiveOption);
            const bool saved = !headers.value("Snapshot-Content-Location").isEmpty()
                || headers.value("From").contains("Saved by") || mhtmlName.match(input.fileName()).hasMatch();
            return {saved ? int(Recognition::Certain) : int(Recognition::Content) + 5, db.mimeTypeForName(MhtmlType)};
        }
        const QMimeType &type = input.contentType();
        if (isOrInherits(type, MhtmlType))
            return {Recognition::NameOnly, type};
        if (isOrInherits(type, XhtmlType))
            return {Recognition::Content, type};
        const bool html = startsLikeHtml(head);
        if (isOrInherits(type, HtmlType)) {
            // Weak magic (a leading comment, a <title> or <h1> somewhere) is HTML only when the
            // name agrees: otherwise the text backend shows the text as it is.
            if (html || hasHtmlName(input.fileName()))
                return {Recognition::Content, type};
            return {};
        }
        // XHTML whose XML declaration QMimeDatabase's generic XML magic takes first.
        if (html && (type.name() == QLatin1String("application/xml") || type.name() == QLatin1String("text/xml")))
            return {Recognition::Content, db.mimeTypeForName(XhtmlType)};
        // Markup after more than QMimeDatabase looks at (a long comment, white space, a BOM).
        if (html && (type.isDefault() || type.name() == QLatin1String("text/plain")))
            return {Recognition::Weak, db.mimeTypeForName(HtmlType)};
        return {};
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        if (Status status = text::checkFontSupport(); !status)
            return status;
        if (!request.device)
            return Status(StatusCode::InvalidArgument, tr("No input device"));
        if (isOrInherits(request.mimeType, MhtmlType))
            return openMhtml(std::move(request), token, progress);
        return openHtml(std::move(request), token, progress);
    }

private:
    static book::BookFormat formatOf(const OpenRequest &request, const QString &id, const QString &fallback)
    {
        return {id, request.mimeType.isValid() ? request.mimeType.comment() : fallback,
            request.mimeType.isValid() ? request.mimeType.name() : HtmlType};
    }

    Result<std::unique_ptr<Document>> openHtml(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const
    {
        // Only a file on disk has a folder of its own to take pictures and style sheets from.
        QString folder;
        QString name = QStringLiteral("index.html");
        if (auto *file = qobject_cast<QFile *>(request.device.get()); file && !file->fileName().isEmpty()) {
            const QFileInfo info(file->fileName());
            folder = info.absoluteDir().canonicalPath();
            if (folder == QLatin1String("/"))
                folder.clear(); // never the whole file system
            if (!info.fileName().isEmpty())
                name = info.fileName();
        }
        const qint64 limit = std::min(request.limits.maxInMemoryBytes, book::BookDocument::MaxChapterBytes);
        Result<QByteArray> data = readAll(*request.device, limit, token);
        if (!data) {
            if (data.status().code() == StatusCode::LimitExceeded)
                return Status(StatusCode::LimitExceeded,
                    tr("The page is larger than %1, the most Folio lays out as one page flow")
                        .arg(bytesText(book::BookDocument::MaxChapterBytes)));
            return data.status();
        }
        auto made = std::make_unique<LocalHtmlBook>(request.limits, folder);
        made->setMetadata(headMetadata(*data));
        made->setHeadingOutline(true);
        const bool xhtml = isOrInherits(request.mimeType, XhtmlType);
        made->addChapter(name, *data, !xhtml);
        qCDebug(lcHtml) << "HTML page" << name << data->size() << "bytes, resources from" << !folder.isEmpty();
        return book::BookDocument::open(std::move(made), formatOf(request, QStringLiteral("html"), tr("HTML document")),
            request.limits, token, progress);
    }

    Result<std::unique_ptr<Document>> openMhtml(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const
    {
        Result<QByteArray> data = readAll(*request.device, request.limits.maxInMemoryBytes, token);
        if (!data)
            return data.status();
        html::MimeHeaders headers;
        QList<html::MimePart> parts;
        if (Status status = html::Mhtml::parse(*data, request.limits, token, headers, parts); !status)
            return status;
        data->clear();

        // The page: the part the "start" parameter names, else the first HTML part.
        const QByteArray start = html::ContentType::parse(headers.value("Content-Type")).parameter("start");
        qsizetype root = -1;
        for (qsizetype i = 0; i < parts.size() && root < 0 && !start.isEmpty(); ++i) {
            if (parts[i].headers.value("Content-ID") == start)
                root = i;
        }
        for (qsizetype i = 0; i < parts.size() && root < 0; ++i) {
            const QByteArray &type = parts[i].contentType.type;
            if (type == "text/html" || type == "application/xhtml+xml")
                root = i;
        }
        if (root < 0)
            return Status(StatusCode::Corrupt, tr("The web archive holds no HTML page"));

        auto made = std::make_unique<book::MemoryBook>(request.limits);
        const QString snapshot = QString::fromUtf8(headers.value("Snapshot-Content-Location"));
        const QString rootPath = QStringLiteral("index.html");
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (token.isCancelled())
                return Status::fromToken(token);
            html::MimePart &part = parts[i];
            QString location = QString::fromUtf8(part.headers.value("Content-Location"));
            if (!location.isEmpty() && QUrl(location).isRelative() && !snapshot.isEmpty())
                location = QUrl(snapshot).resolved(QUrl(location)).toString();
            QString path = rootPath;
            if (i != root) {
                QString file = QUrl(location).fileName().remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")));
                if (file.isEmpty() || file.startsWith(u'.'))
                    file = QStringLiteral("data");
                path = QStringLiteral("parts/%1/%2").arg(i).arg(file.left(64));
            }
            if (!location.isEmpty()) {
                made->mapUrl(location, path);
                if (!QUrl(location).isRelative())
                    made->setBaseUrl(path, location);
            }
            QByteArray id = part.headers.value("Content-ID");
            if (id.startsWith('<') && id.endsWith('>'))
                id = id.mid(1, id.size() - 2);
            if (!id.isEmpty())
                made->mapUrl(QStringLiteral("cid:") + QString::fromUtf8(id), path);
            if (i != root) {
                made->addResource(path, part.body);
                part.body.clear();
            }
        }
        // The page as UTF-8 with a BOM, which HTML parsing trusts over a <meta charset>.
        html::MimePart &page = parts[root];
        const QByteArray charset = page.contentType.parameter("charset").toLower();
        if (!charset.isEmpty() && charset != "utf-8" && charset != "utf8" && !page.body.startsWith("\xEF\xBB\xBF")) {
            QStringDecoder decoder(charset.constData());
            if (decoder.isValid())
                page.body = "\xEF\xBB\xBF" + QString(decoder.decode(page.body)).toUtf8();
        }
        Metadata metadata = headMetadata(page.body);
        const QString subject = decodeHeader(headers.value("Subject"));
        if (!subject.isEmpty() && (metadata.isEmpty() || metadata.first().first != QLatin1String("Title")))
            metadata.prepend({QStringLiteral("Title"), subject});
        if (!snapshot.isEmpty())
            metadata.append({QStringLiteral("URL"), snapshot});
        const QString date = decodeHeader(headers.value("Date"));
        if (!date.isEmpty())
            metadata.append({QStringLiteral("CreationDate"), date});
        made->setMetadata(metadata);
        made->setHeadingOutline(true);
        made->addChapter(rootPath, page.body, page.contentType.type == "text/html");
        qCDebug(lcHtml) << "web archive with" << parts.size() << "parts";
        return book::BookDocument::open(std::move(made),
            formatOf(request, QStringLiteral("mhtml"), tr("MHTML web archive")), request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createHtmlBackend()
{
    return std::make_unique<HtmlBackend>();
}

} // namespace folio
