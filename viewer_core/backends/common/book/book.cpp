// SPDX-License-Identifier: GPL-3.0-or-later
#include "book.h"

#include "booklogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QUrl>

Q_LOGGING_CATEGORY(lcBook, "folio.book", QtInfoMsg)

namespace folio::book {

namespace {

QString folderOfPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash + 1);
}

} // namespace

QString resolvePath(const QString &base, const QString &href)
{
    const QUrl url(href.trimmed());
    if (!url.isValid() || !url.scheme().isEmpty() || !url.host().isEmpty())
        return {};
    const QString path = url.path(QUrl::FullyDecoded);
    if (path.isEmpty())
        return base; // "#id": the same document
    const QString joined = path.startsWith(u'/') ? path.mid(1) : folderOfPath(base) + path;
    const QString clean = QDir::cleanPath(joined);
    if (clean.isEmpty() || clean == QLatin1String("..") || clean.startsWith(QLatin1String("../"))
        || clean.startsWith(u'/'))
        return {};
    return clean;
}

QString fragmentOf(const QString &href)
{
    return QUrl(href.trimmed()).fragment(QUrl::FullyDecoded);
}

void MemoryBook::addChapter(const QString &path, const QByteArray &content, bool html)
{
    m_chapters.append({path, html});
    addResource(path, content);
}

void MemoryBook::addResource(const QString &path, const QByteArray &content)
{
    const auto old = m_resources.constFind(path);
    if (old != m_resources.cend())
        m_totalBytes -= old->size();
    m_resources.insert(path, content);
    m_totalBytes += content.size();
}

QString MemoryBook::urlKey(const QString &url)
{
    QUrl parsed(url.trimmed());
    parsed.setFragment(QString());
    // cid: names are compared without case, as mail programs write them either way.
    if (parsed.scheme().compare(QLatin1String("cid"), Qt::CaseInsensitive) == 0)
        return parsed.toString(QUrl::FullyDecoded).toLower();
    return parsed.adjusted(QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
}

void MemoryBook::mapUrl(const QString &url, const QString &path)
{
    const QString key = urlKey(url);
    if (!key.isEmpty() && !m_urls.contains(key)) // the first part of a name wins
        m_urls.insert(key, path);
}

void MemoryBook::setBaseUrl(const QString &path, const QString &base)
{
    m_baseUrls.insert(path, base);
}

QString MemoryBook::resolve(const QString &base, const QString &href) const
{
    const QString trimmed = href.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
        return base; // the same document
    const auto mapped = m_urls.constFind(urlKey(trimmed));
    if (mapped != m_urls.cend())
        return *mapped;
    const auto baseUrl = m_baseUrls.constFind(base);
    if (baseUrl != m_baseUrls.cend()) {
        const QUrl relative(trimmed);
        if (relative.isValid()) {
            const auto found = m_urls.constFind(urlKey(QUrl(*baseUrl).resolved(relative).toString()));
            if (found != m_urls.cend())
                return *found;
        }
    }
    const QString path = resolvePath(base, trimmed);
    return contains(path) ? path : QString();
}

Result<QByteArray> MemoryBook::read(
    const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly) const
{
    if (token.isCancelled())
        return Status::fromToken(token);
    const auto found = m_resources.constFind(path);
    if (found == m_resources.cend())
        return Status(StatusCode::Corrupt,
            QCoreApplication::translate("folio::book::MemoryBook", "The document has no part “%1”").arg(path));
    if (prefixOnly)
        return found->left(maxBytes);
    if (found->size() > maxBytes)
        return Status(StatusCode::LimitExceeded,
            QCoreApplication::translate("folio::book::MemoryBook", "“%1” is larger than %2 bytes")
                .arg(path)
                .arg(maxBytes));
    return *found;
}

} // namespace folio::book
