// SPDX-License-Identifier: GPL-3.0-or-later
#include "mobireader.h"

#include "backends/common/safexml.h"
#include "detachedcall.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QtEndian>

#include <mobi.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace folio::mobi {

namespace {

constexpr int palmHeaderSize = 78; // the Palm database header, before the record table
constexpr int recordEntrySize = 8;

struct MobiFree
{
    void operator()(MOBIData *m) const { mobi_free(m); }
    void operator()(MOBIRawml *rawml) const { mobi_free_rawml(rawml); }
};

// libmobi's own words for its return codes (it has no function for them).
QString libmobiError(MOBI_RET ret)
{
    switch (ret) {
    case MOBI_PARAM_ERR:
        return QStringLiteral("inconsistent sizes in the headers");
    case MOBI_DATA_CORRUPT:
        return QStringLiteral("corrupted data");
    case MOBI_FILE_UNSUPPORTED:
        return QStringLiteral("unsupported document type");
    case MOBI_MALLOC_FAILED:
        return QStringLiteral("memory allocation error");
    case MOBI_INIT_FAILED:
        return QStringLiteral("initialization error");
    case MOBI_BUFFER_END:
        return QStringLiteral("out of buffer");
    case MOBI_XML_ERR:
        return QStringLiteral("XML error");
    default:
        return QStringLiteral("error %1").arg(int(ret));
    }
}

// A string libmobi allocated (mobi_meta_get_*), freed here.
QString takeString(char *text)
{
    if (!text)
        return {};
    QString value = QString::fromUtf8(text).trimmed();
    std::free(text);
    return value;
}

QString partName(const char *prefix, size_t uid, MOBIFiletype type)
{
    const MOBIFileMeta meta = mobi_get_filemeta_by_type(type);
    return QStringLiteral("%1%2.%3")
        .arg(QLatin1String(prefix))
        .arg(qulonglong(uid), 5, 10, QLatin1Char('0'))
        .arg(QLatin1String(meta.extension));
}

QByteArray partBytes(const MOBIPart *part)
{
    if (!part->data || part->size == 0)
        return {};
    return QByteArray(reinterpret_cast<const char *>(part->data), qsizetype(part->size));
}

// Counts what libmobi reconstructed against the archive limits (a book is a container of parts).
class Budget
{
public:
    explicit Budget(const Limits &limits)
        : m_limits(limits)
    { }

    Status add(const QString &name, qint64 size)
    {
        if (m_limits.maxEntrySize > 0 && size > m_limits.maxEntrySize)
            return LimitErrors::entrySize(name, size, m_limits);
        m_total += size;
        if (m_limits.maxTotalExtracted > 0 && m_total > m_limits.maxTotalExtracted)
            return LimitErrors::totalSize(m_total, m_limits);
        if (m_limits.maxEntries > 0 && ++m_count > m_limits.maxEntries)
            return LimitErrors::entryCount(m_count, m_limits);
        return Status::ok();
    }

private:
    const Limits &m_limits;
    qint64 m_total = 0;
    qint64 m_count = 0;
};

// The NCX libmobi builds from the book's NCX index, as TOC items (paths still libmobi's).
class NcxReader
{
public:
    NcxReader(const QByteArray &ncx, const Limits &limits, const CancellationToken &token)
        : m_xml(ncx, QStringLiteral("toc.ncx"), limits, token)
    { }

    QList<TocItem> read()
    {
        QList<TocItem> items;
        while (!m_xml.atEnd()) {
            if (m_xml.readNext() == QXmlStreamReader::StartElement && m_xml.xml().name() == u"navPoint")
                items.append(navPoint(1));
        }
        return items;
    }

private:
    // Reads the navPoint the reader is on, up to its end.
    TocItem navPoint(int depth)
    {
        TocItem item;
        ++m_entries;
        while (!m_xml.atEnd()) {
            const QXmlStreamReader::TokenType type = m_xml.readNext();
            if (type == QXmlStreamReader::EndElement && m_xml.xml().name() == u"navPoint")
                break;
            if (type != QXmlStreamReader::StartElement)
                continue;
            const QStringView name = m_xml.xml().name();
            if (name == u"text" && item.title.isEmpty()) {
                item.title = m_xml.readText().simplified();
            } else if (name == u"content") {
                const QString src = m_xml.attribute("src");
                const qsizetype hash = src.indexOf(QLatin1Char('#'));
                item.path = hash < 0 ? src : src.left(hash);
                item.fragment = hash < 0 ? QString() : src.mid(hash + 1);
            } else if (name == u"navPoint") {
                if (depth < Reader::MaxTocDepth && m_entries < Reader::MaxTocEntries)
                    item.children.append(navPoint(depth + 1));
                else
                    m_xml.skipElement();
            }
        }
        return item;
    }

    SafeXmlReader m_xml;
    int m_entries = 0;
};

// Whether a piece of old Mobipocket markup shows anything: text or a picture.
bool showsSomething(const QString &piece)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    if (piece.contains(QLatin1String("<img"), Qt::CaseInsensitive))
        return true;
    QString text = piece;
    text.remove(tags);
    return !text.trimmed().isEmpty();
}

// Cuts an old Mobipocket flow at its page breaks into chapters, rewriting links to anchors that
// land in another chapter, and the TOC's targets with them.
Status splitFlow(const QByteArray &markup, const QString &path, Book &book, const CancellationToken &token)
{
    static const QRegularExpression pageBreak(
        QStringLiteral("<mbp:pagebreak\\s*/?>(\\s*</mbp:pagebreak>)?"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression anchor(QStringLiteral("\\bid=\"([^\"]+)\""));
    static const QRegularExpression localLink(QStringLiteral("\\bhref=\"#([^\"]+)\""));

    const QString html = QString::fromUtf8(markup);
    QStringList pieces;
    qsizetype from = 0;
    for (auto it = pageBreak.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        pieces.append(html.mid(from, match.capturedStart() - from));
        from = match.capturedEnd();
        if (pieces.size() > Reader::MaxChapters)
            return {StatusCode::LimitExceeded,
                Reader::tr("The book has more than %1 page breaks").arg(Reader::MaxChapters)};
    }
    pieces.append(html.mid(from));
    if (token.isCancelled())
        return Status::fromToken(token);

    // Keep the pieces that show something; the first one keeps the <head>, the last the end tags.
    QStringList kept;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (showsSomething(pieces[i]) || kept.isEmpty())
            kept.append(pieces[i]);
        else if (i == pieces.size() - 1)
            kept.last() += pieces[i];
    }

    QString base = path;
    base.chop(5); // ".html"
    QStringList paths;
    QHash<QString, int> anchorChapter;
    for (qsizetype i = 0; i < kept.size(); ++i) {
        paths.append(i == 0 ? path : QStringLiteral("%1-%2.html").arg(base).arg(i));
        for (auto it = anchor.globalMatch(kept[i]); it.hasNext();)
            anchorChapter.insert(it.next().captured(1), int(i));
    }
    for (qsizetype i = 0; i < kept.size(); ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        QString &piece = kept[i];
        // Backwards, so that the offsets of the matches not yet replaced stay valid.
        QList<QRegularExpressionMatch> links;
        for (auto it = localLink.globalMatch(piece); it.hasNext();)
            links.append(it.next());
        for (auto match = links.crbegin(); match != links.crend(); ++match) {
            const int target = anchorChapter.value(match->captured(1), int(i));
            if (target != i)
                piece.replace(match->capturedStart(), match->capturedLength(),
                    QStringLiteral("href=\"%1#%2\"").arg(paths[target], match->captured(1)));
        }
        const QString prefix = i == 0 ? QString() : QStringLiteral("<html><body>");
        book.chapters.append({paths[i], (prefix + piece).toUtf8(), true});
    }

    // The NCX names the flow and an anchor: point it at the chapter holding the anchor.
    const std::function<void(QList<TocItem> &)> retarget = [&](QList<TocItem> &items) {
        for (TocItem &item : items) {
            if (item.path == path && anchorChapter.contains(item.fragment))
                item.path = paths[anchorChapter.value(item.fragment)];
            retarget(item.children);
        }
    };
    retarget(book.toc);
    return Status::ok();
}

// PalmDoc text (no Mobipocket header): one chapter, a paragraph per line.
void addPlainText(const QByteArray &text, Book &book)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString decoded = decoder.decode(text);
    if (decoder.hasError())
        decoded = QStringDecoder("windows-1252").decode(text);
    decoded.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QString html = QStringLiteral("<html><body>");
    const QStringList lines = decoded.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            html += QStringLiteral("<p>") + line.toHtmlEscaped() + QStringLiteral("</p>\n");
    }
    html += QStringLiteral("</body></html>");
    book.chapters.append({QStringLiteral("part00000.html"), html.toUtf8(), true});
}

Metadata readMetadata(const MOBIData *m)
{
    Metadata metadata;
    const auto add = [&](const char *key, QString value) {
        if (!value.isEmpty())
            metadata.append({QLatin1String(key), value});
    };
    QString title = takeString(mobi_meta_get_title(m));
    if (title.isEmpty()) {
        char fullName[1024] = {};
        if (mobi_get_fullname(m, fullName, sizeof fullName - 1) == MOBI_SUCCESS)
            title = QString::fromUtf8(fullName).trimmed();
    }
    add("Title", title);
    add("Author", takeString(mobi_meta_get_author(m)));
    add("Publisher", takeString(mobi_meta_get_publisher(m)));
    add("Language", takeString(mobi_meta_get_language(m)));
    add("Keywords", takeString(mobi_meta_get_subject(m)));
    add("Description", takeString(mobi_meta_get_description(m)));
    add("CreationDate", takeString(mobi_meta_get_publishdate(m)));
    add("ISBN", takeString(mobi_meta_get_isbn(m)));
    add("Rights", takeString(mobi_meta_get_copyright(m)));
    return metadata;
}

Result<Book> parse(const QByteArray &data, const Limits &limits, const CancellationToken &token)
{
    std::unique_ptr<MOBIData, MobiFree> m(mobi_init());
    if (!m)
        return Status(StatusCode::IoError, Reader::tr("libmobi could not start"));
    FILE *file = fmemopen(const_cast<char *>(data.constData()), size_t(data.size()), "rb");
    if (!file)
        return Status(StatusCode::IoError, Reader::tr("The book could not be read from memory"));
    const MOBI_RET loaded = mobi_load_file(m.get(), file);
    std::fclose(file);
    const auto drm = [] {
        return Status(StatusCode::Unsupported,
            Reader::tr("The book is protected by DRM (digital rights management), which Folio does not remove"));
    };
    if (loaded == MOBI_FILE_ENCRYPTED)
        return drm();
    if (loaded != MOBI_SUCCESS)
        return Status(
            StatusCode::Corrupt, Reader::tr("Not a readable Mobipocket book (libmobi: %1)").arg(libmobiError(loaded)));
    if (mobi_is_encrypted(m.get()) || (m->next && mobi_is_encrypted(m->next)))
        return drm();
    if (token.isCancelled())
        return Status::fromToken(token);

    const size_t textSize = mobi_get_text_maxsize(m.get());
    if (textSize == MOBI_NOTSET)
        return Status(StatusCode::Corrupt, Reader::tr("The book's text size is not readable"));
    if (limits.maxEntrySize > 0 && qint64(textSize) > limits.maxEntrySize)
        return LimitErrors::entrySize(Reader::tr("The book's text"), qint64(textSize), limits);

    std::unique_ptr<MOBIRawml, MobiFree> rawml(mobi_init_rawml(m.get()));
    if (!rawml)
        return Status(StatusCode::Corrupt, Reader::tr("The book's text is not readable"));
    // The TOC, no dictionary index, links rewritten to libmobi's part names.
    const MOBI_RET parsed = mobi_parse_rawml_opt(rawml.get(), m.get(), true, false, true);
    if (parsed != MOBI_SUCCESS)
        return Status(
            StatusCode::Corrupt, Reader::tr("The book's text is not readable (libmobi: %1)").arg(libmobiError(parsed)));
    if (token.isCancelled())
        return Status::fromToken(token);

    Book book;
    book.kf8 = mobi_is_rawml_kf8(rawml.get());
    book.metadata = readMetadata(m.get());
    Budget budget(limits);

    for (const MOBIPart *part = rawml->resources; part; part = part->next) {
        const QString name = partName("resource", part->uid, part->type);
        if (Status status = budget.add(name, qint64(part->size)); !status)
            return status;
        if (part->type == T_NCX)
            book.toc = NcxReader(partBytes(part), limits, token).read();
        else if (part->type != T_OPF)
            book.resources.insert(name, partBytes(part));
    }
    if (book.kf8) {
        // Flow 0 is the text the parts were cut from; the others are style sheets and SVG.
        for (const MOBIPart *part = rawml->flow; part; part = part->next) {
            if (part->uid == 0)
                continue;
            const QString name = partName("flow", part->uid, part->type);
            if (Status status = budget.add(name, qint64(part->size)); !status)
                return status;
            book.resources.insert(name, partBytes(part));
        }
    }

    const bool mobipocket = mobi_exists_mobiheader(m.get());
    for (const MOBIPart *part = rawml->markup; part; part = part->next) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const QString name = partName("part", part->uid, part->type);
        if (Status status = budget.add(name, qint64(part->size)); !status)
            return status;
        if (part->type != T_HTML) {
            book.resources.insert(name, partBytes(part));
        } else if (book.kf8) {
            if (book.chapters.size() >= Reader::MaxChapters)
                return Status(
                    StatusCode::LimitExceeded, Reader::tr("The book has more than %1 parts").arg(Reader::MaxChapters));
            book.chapters.append({name, partBytes(part), false});
        } else if (mobipocket) {
            if (Status status = splitFlow(partBytes(part), name, book, token); !status)
                return status;
        } else {
            addPlainText(partBytes(part), book);
        }
    }
    if (book.chapters.isEmpty() && !mobipocket && rawml->flow)
        addPlainText(partBytes(rawml->flow), book);
    if (book.chapters.isEmpty())
        return Status(StatusCode::Corrupt, Reader::tr("The book has no text"));
    return book;
}

} // namespace

bool Reader::isMobipocket(const QByteArray &head)
{
    return head.size() >= palmHeaderSize && head.mid(60, 8) == "BOOKMOBI";
}

bool Reader::isPalmDoc(const QByteArray &head)
{
    return head.size() >= palmHeaderSize && head.mid(60, 8) == "TEXtREAd";
}

bool Reader::isKf8Only(const QByteArray &head)
{
    if (!isMobipocket(head) || head.size() < palmHeaderSize + recordEntrySize)
        return false;
    const quint32 record0 = qFromBigEndian<quint32>(head.constData() + palmHeaderSize);
    // The MOBI header follows the 16-byte PalmDoc header of record 0; its version is at 20.
    const qint64 version = qint64(record0) + 16 + 20;
    if (version + 4 > head.size() || head.mid(qsizetype(record0) + 16, 4) != "MOBI")
        return false;
    return qFromBigEndian<quint32>(head.constData() + version) == 8;
}

Status Reader::checkDatabase(const QByteArray &data)
{
    const auto corrupt = [](const QString &why) {
        return Status(StatusCode::Corrupt, tr("Not a readable Mobipocket book: %1").arg(why));
    };
    if (data.size() < palmHeaderSize)
        return corrupt(tr("the file ends inside its header"));
    const int records = qFromBigEndian<quint16>(data.constData() + 76);
    if (records == 0)
        return corrupt(tr("the file has no records"));
    if (palmHeaderSize + qint64(records) * recordEntrySize > data.size())
        return corrupt(tr("the file claims %1 records, more than it can hold").arg(records));
    quint32 previous = 0;
    for (int i = 0; i < records; ++i) {
        const quint32 offset = qFromBigEndian<quint32>(data.constData() + palmHeaderSize + i * recordEntrySize);
        if (offset > quint64(data.size()) || offset < previous)
            return corrupt(tr("record %1 starts outside the file").arg(i));
        previous = offset;
    }
    return Status::ok();
}

Result<Book> Reader::read(const QByteArray &data, const Limits &limits, const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    if (Status status = checkDatabase(data); !status)
        return status;
    // The detached work owns copies of what it reads: the bytes (shared, not copied), the limits
    // and the token.
    return callDetached<Book>([data, limits, token] { return parse(data, limits, token); }, token);
}

} // namespace folio::mobi
