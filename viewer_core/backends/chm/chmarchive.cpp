// SPDX-License-Identifier: GPL-3.0-or-later
#include "chmarchive.h"

#include "backends/common/html/lenienthtml.h"
#include "backends/common/safexml.h"

#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QTemporaryFile>
#include <QUrl>
#include <QtEndian>

#include <chm_lib.h>

#include <QSet>

#include <algorithm>
#include <limits>
#include <vector>

namespace folio::chm {

namespace {

constexpr qint64 readChunk = 256 * 1024; // bytes read between token polls
constexpr qint64 maxSystemBytes = 1 << 20; // #SYSTEM is a few KiB
constexpr qint64 maxSitemapBytes = 16 << 20;

// The ANSI code page of a Windows language id (its primary language), for texts that declare none.
QByteArray codePageOf(quint32 lcid)
{
    switch (lcid & 0x3ff) {
    case 0x19: // Russian
    case 0x22: // Ukrainian
    case 0x23: // Belarusian
    case 0x02: // Bulgarian
    case 0x1a: // Serbian (Cyrillic) shares the id with Croatian; Latin is the likelier
        return (lcid & 0x3ff) == 0x1a ? "windows-1250" : "windows-1251";
    case 0x05: // Czech
    case 0x15: // Polish
    case 0x0e: // Hungarian
    case 0x1b: // Slovak
    case 0x24: // Slovenian
    case 0x18: // Romanian
        return "windows-1250";
    case 0x08:
        return "windows-1253";
    case 0x1f:
        return "windows-1254";
    case 0x0d:
        return "windows-1255";
    case 0x01:
        return "windows-1256";
    case 0x25: // Estonian
    case 0x26: // Latvian
    case 0x27: // Lithuanian
        return "windows-1257";
    case 0x2a:
        return "windows-1258";
    case 0x1e:
        return "windows-874";
    case 0x11:
        return "Shift_JIS";
    case 0x12:
        return "EUC-KR";
    case 0x04: // Chinese: Taiwan and Hong Kong write Big5, the others GBK
        return (lcid == 0x0404 || lcid == 0x0c04 || lcid == 0x1404) ? "Big5" : "GBK";
    default:
        return "windows-1252";
    }
}

bool isUtf8(const QByteArray &data)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(data); // decode() converts only when assigned
    return !decoder.hasError();
}

QString normalised(QString path)
{
    path.replace(QLatin1Char('\\'), QLatin1Char('/'));
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return path;
}

struct Enumeration
{
    QStringList files;
    const Limits *limits = nullptr;
    const CancellationToken *token = nullptr;
    bool overLimit = false;
};

int collect(chmFile *, chmUnitInfo *unit, void *context)
{
    auto *enumeration = static_cast<Enumeration *>(context);
    if (enumeration->token->isCancelled())
        return CHM_ENUMERATOR_FAILURE;
    const QString path = normalised(QString::fromUtf8(unit->path));
    if (path.isEmpty() || path.endsWith(QLatin1Char('/')))
        return CHM_ENUMERATOR_CONTINUE;
    if (enumeration->limits->maxEntries > 0 && enumeration->files.size() >= enumeration->limits->maxEntries) {
        enumeration->overLimit = true;
        return CHM_ENUMERATOR_FAILURE;
    }
    enumeration->files.append(path);
    return CHM_ENUMERATOR_CONTINUE;
}

// An entry of a sitemap as read, before the tree is built: its depth in <ul> elements.
struct FlatItem
{
    int depth = 0;
    QString title;
    QString local;
};

// Builds the tree of `items` (depths from 1), deeper items under the item before them.
QList<TocItem> buildTree(const QList<FlatItem> &items, const QString &sitemapPath)
{
    QList<TocItem> roots;
    // The chain of last items from the root down: a new item hangs under the last one shallower.
    std::vector<std::pair<int, QList<TocItem> *>> chain;
    const QString folder = sitemapPath.contains(QLatin1Char('/'))
        ? sitemapPath.left(sitemapPath.lastIndexOf(QLatin1Char('/')) + 1)
        : QString();
    for (const FlatItem &flat : items) {
        TocItem item;
        item.title = flat.title;
        QString local = flat.local.trimmed();
        local.replace(QLatin1Char('\\'), QLatin1Char('/'));
        const QUrl url(local);
        if (!local.isEmpty() && url.isValid() && url.scheme().isEmpty() && url.host().isEmpty()) {
            const QString path = url.path(QUrl::FullyDecoded);
            const QString joined = path.startsWith(QLatin1Char('/')) ? path.mid(1) : folder + path;
            const QString clean = QDir::cleanPath(joined);
            if (!path.isEmpty() && !clean.startsWith(QLatin1String("..")) && !clean.startsWith(QLatin1Char('/'))) {
                item.path = clean;
                item.fragment = url.fragment(QUrl::FullyDecoded);
            }
        }
        while (!chain.empty() && chain.back().first >= flat.depth)
            chain.pop_back();
        QList<TocItem> *siblings = chain.empty() ? &roots : chain.back().second;
        siblings->append(item);
        chain.emplace_back(flat.depth, &siblings->last().children);
    }
    return roots;
}

void collectTopics(const QList<TocItem> &items, const Archive &archive, QStringList &topics, QSet<QString> &seen)
{
    for (const TocItem &item : items) {
        if (topics.size() >= Archive::MaxTopics)
            return;
        const QString path = archive.canonicalPath(item.path);
        if (!path.isEmpty() && !seen.contains(path.toLower())) {
            seen.insert(path.toLower());
            topics.append(path);
        }
        collectTopics(item.children, archive, topics, seen);
    }
}

// Gives the items the archive's spelling of their paths.
void canonicalise(QList<TocItem> &items, const Archive &archive)
{
    for (TocItem &item : items) {
        const QString path = archive.canonicalPath(item.path);
        if (!path.isEmpty())
            item.path = path;
        canonicalise(item.children, archive);
    }
}

bool isHtmlName(const QString &path)
{
    return path.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive);
}

} // namespace

Archive::Archive(chmFile *file, std::unique_ptr<QTemporaryFile> spilled, const Limits &limits)
    : m_file(file)
    , m_spilled(std::move(spilled))
    , m_limits(limits)
{ }

Archive::~Archive()
{
    chm_close(m_file);
}

Result<std::unique_ptr<Archive>> Archive::open(const QString &filePath, std::unique_ptr<QTemporaryFile> spilled,
    const Limits &limits, const CancellationToken &token)
{
    chmFile *file = chm_open(QFile::encodeName(filePath).constData());
    if (!file)
        return Status(StatusCode::Corrupt, tr("Not a readable CHM file (CHMlib cannot read its directory)"));
    std::unique_ptr<Archive> archive(new Archive(file, std::move(spilled), limits));

    Enumeration enumeration;
    enumeration.limits = &limits;
    enumeration.token = &token;
    chm_enumerate(file, CHM_ENUMERATE_NORMAL | CHM_ENUMERATE_FILES, collect, &enumeration);
    if (token.isCancelled())
        return Status::fromToken(token);
    if (enumeration.overLimit)
        return LimitErrors::entryCount(limits.maxEntries + 1, limits);
    archive->m_files = enumeration.files;
    for (const QString &path : std::as_const(archive->m_files))
        archive->m_byFoldedPath.insert(path.toLower(), path);
    if (Status status = archive->readSystem(token); !status)
        return status;
    if (archive->m_files.isEmpty())
        return Status(StatusCode::Corrupt, tr("The CHM file holds no files"));
    return archive;
}

bool Archive::contains(const QString &path) const
{
    return m_byFoldedPath.contains(normalised(path).toLower());
}

QString Archive::canonicalPath(const QString &path) const
{
    return m_byFoldedPath.value(normalised(path).toLower());
}

Result<QByteArray> Archive::read(
    const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly) const
{
    const QString canonical = canonicalPath(path);
    if (canonical.isEmpty())
        return Status(StatusCode::Corrupt, tr("The CHM file has no file %1").arg(path));
    return readLocked(canonical, maxBytes, prefixOnly, token);
}

Result<QByteArray> Archive::readLocked(
    const QString &path, qint64 maxBytes, bool prefixOnly, const CancellationToken &token) const
{
    std::lock_guard lock(m_mutex);
    chmUnitInfo unit {};
    const QByteArray name = '/' + path.toUtf8();
    if (chm_resolve_object(m_file, name.constData(), &unit) != CHM_RESOLVE_SUCCESS)
        return Status(StatusCode::Corrupt, tr("The CHM file's directory names %1, which cannot be found").arg(path));
    if (unit.length > quint64(std::numeric_limits<qint64>::max()))
        return Status(StatusCode::Corrupt, tr("%1 claims an impossible size").arg(path));
    qint64 size = qint64(unit.length);
    const qint64 cap = m_limits.maxEntrySize > 0 ? std::min(maxBytes, m_limits.maxEntrySize) : maxBytes;
    if (size > cap) {
        if (!prefixOnly) {
            if (m_limits.maxEntrySize > 0 && size > m_limits.maxEntrySize)
                return LimitErrors::entrySize(path, size, m_limits);
            return Status(StatusCode::LimitExceeded,
                tr("%1 is %2, over the %3 Folio reads of such a file").arg(path, bytesText(size), bytesText(maxBytes)));
        }
        size = cap;
    }
    QByteArray data;
    data.resize(qsizetype(size));
    qint64 done = 0;
    while (done < size) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 want = std::min(readChunk, size - done);
        const LONGINT64 got = chm_retrieve_object(
            m_file, &unit, reinterpret_cast<unsigned char *>(data.data()) + done, LONGUINT64(done), LONGINT64(want));
        if (got <= 0)
            return Status(StatusCode::Corrupt,
                tr("%1 is damaged or truncated (CHMlib read %2 of its %3)")
                    .arg(path, bytesText(done), bytesText(size)));
        done += got;
    }
    return data;
}

Status Archive::readSystem(const CancellationToken &token)
{
    // #SYSTEM: a version (4 bytes), then records of a 16-bit code, a 16-bit length and the data.
    Result<QByteArray> system = readLocked(QStringLiteral("#SYSTEM"), maxSystemBytes, true, token);
    if (!system) {
        if (system.status().isCancellation())
            return system.status();
        return Status::ok(); // optional: the contents file is then found by its extension
    }
    const QByteArray &data = system.value();
    QByteArray title, contents, topic;
    for (qsizetype at = 4; at + 4 <= data.size();) {
        const quint16 code = qFromLittleEndian<quint16>(data.constData() + at);
        const quint16 length = qFromLittleEndian<quint16>(data.constData() + at + 2);
        at += 4;
        if (at + length > data.size())
            break;
        const QByteArray value = data.mid(at, length);
        const QByteArray text = value.left(value.indexOf('\0') < 0 ? value.size() : value.indexOf('\0'));
        switch (code) {
        case 0:
            contents = text;
            break;
        case 2:
            topic = text;
            break;
        case 3:
            title = text;
            break;
        case 4:
            if (length >= 4)
                m_codePage = codePageOf(qFromLittleEndian<quint32>(value.constData()));
            break;
        default:
            break;
        }
        at += length;
    }
    const auto decode = [this](const QByteArray &text) { return QString::fromUtf8(toUtf8(text)).trimmed(); };
    m_title = decode(title);
    m_contentsFile = canonicalPath(decode(contents));
    // The default topic is written as a URL ("page%201.html#top").
    QString defaultTopic = decode(topic);
    defaultTopic = defaultTopic.left(
        defaultTopic.indexOf(QLatin1Char('#')) < 0 ? defaultTopic.size() : defaultTopic.indexOf(QLatin1Char('#')));
    m_defaultTopic = canonicalPath(defaultTopic);
    if (m_defaultTopic.isEmpty())
        m_defaultTopic = canonicalPath(QUrl::fromPercentEncoding(defaultTopic.toUtf8()));
    return Status::ok();
}

QByteArray Archive::toUtf8(const QByteArray &data) const
{
    if (isUtf8(data))
        return data;
    // A declared charset is the HTML reader's to follow.
    if (data.left(2048).toLower().contains("charset"))
        return data;
    QStringDecoder decoder(m_codePage.constData());
    if (!decoder.isValid())
        decoder = QStringDecoder("windows-1252");
    return QString(decoder.decode(data)).toUtf8();
}

Result<QList<TocItem>> Archive::readSitemap(const QString &path, const CancellationToken &token) const
{
    Result<QByteArray> data = read(path, maxSitemapBytes, token);
    if (!data)
        return data.status();
    return parseSitemap(toUtf8(data.value()), path, m_limits, token);
}

Result<QList<TocItem>> Archive::parseSitemap(
    const QByteArray &utf8, const QString &path, const Limits &limits, const CancellationToken &token)
{
    Result<QByteArray> xhtml = html::LenientHtml::toXhtml(utf8, path, token);
    if (!xhtml)
        return xhtml.status();

    // Entries are <object type="text/sitemap"> with <param name="Name|Local" value="...">, their
    // depth the number of <ul> around them (writers put a nested <ul> inside or after the <li>).
    QList<FlatItem> items;
    SafeXmlReader xml(xhtml.value(), path, limits, token);
    int depth = 0;
    bool inSitemap = false;
    FlatItem current;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType type = xml.readNext();
        if (type == QXmlStreamReader::StartElement) {
            const QStringView name = xml.xml().name();
            if (name == u"ul") {
                ++depth;
            } else if (name == u"object"
                && xml.attribute("type").compare(QLatin1String("text/sitemap"), Qt::CaseInsensitive) == 0) {
                inSitemap = true;
                current = FlatItem {std::clamp(depth, 1, MaxTocDepth), {}, {}};
            } else if (name == u"param" && inSitemap) {
                const QString param = xml.attribute("name");
                if (param.compare(QLatin1String("Name"), Qt::CaseInsensitive) == 0 && current.title.isEmpty())
                    current.title = xml.attribute("value").simplified();
                else if (param.compare(QLatin1String("Local"), Qt::CaseInsensitive) == 0 && current.local.isEmpty())
                    current.local = xml.attribute("value");
            }
        } else if (type == QXmlStreamReader::EndElement) {
            const QStringView name = xml.xml().name();
            if (name == u"ul") {
                depth = std::max(0, depth - 1);
            } else if (name == u"object" && inSitemap) {
                inSitemap = false;
                if (!current.title.isEmpty() || !current.local.isEmpty())
                    items.append(current);
                if (items.size() > MaxTopics)
                    return Status(
                        StatusCode::LimitExceeded, tr("The table of contents has more than %1 entries").arg(MaxTopics));
            }
        }
    }
    if (Status status = xml.status(); !status)
        return status.withPart(path);
    return buildTree(items, path);
}

Result<Contents> Archive::contents(const CancellationToken &token) const
{
    Contents contents;
    QString sitemap = m_contentsFile;
    if (sitemap.isEmpty()) {
        const auto hhc = std::find_if(m_files.cbegin(), m_files.cend(),
            [](const QString &path) { return path.endsWith(QLatin1String(".hhc"), Qt::CaseInsensitive); });
        if (hhc != m_files.cend())
            sitemap = *hhc;
    }
    if (!sitemap.isEmpty()) {
        Result<QList<TocItem>> toc = readSitemap(sitemap, token);
        if (!toc) {
            if (toc.status().isCancellation() || toc.status().code() == StatusCode::LimitExceeded)
                return toc.status();
        } else {
            contents.toc = std::move(toc).value();
            canonicalise(contents.toc, *this);
        }
    }
    QSet<QString> seen;
    collectTopics(contents.toc, *this, contents.topics, seen);
    // The page HTML Help opens first leads when the table of contents leaves it out.
    if (!m_defaultTopic.isEmpty() && !seen.contains(m_defaultTopic.toLower())) {
        contents.topics.prepend(m_defaultTopic);
        seen.insert(m_defaultTopic.toLower());
    }
    // Without a table of contents, every HTML file in the archive's order.
    if (contents.topics.size() <= 1 && contents.toc.isEmpty()) {
        for (const QString &path : m_files) {
            if (isHtmlName(path) && !seen.contains(path.toLower()) && contents.topics.size() < MaxTopics) {
                seen.insert(path.toLower());
                contents.topics.append(path);
            }
        }
    }
    if (contents.topics.isEmpty())
        return Status(StatusCode::Corrupt, tr("The CHM file has no topic to show"));
    return contents;
}

} // namespace folio::chm
