// SPDX-License-Identifier: GPL-3.0-or-later
#include "epubtoc.h"

#include "epubpackage.h"

#include "backends/common/safexml.h"

namespace folio::epub {

namespace {

TocEntry entryFor(const QString &title, const QString &base, const QString &href)
{
    TocEntry entry;
    entry.title = title.simplified();
    if (!href.isEmpty()) {
        entry.path = book::resolvePath(base, href);
        entry.fragment = book::fragmentOf(href);
    }
    return entry;
}

// Parsers over one SafeXmlReader; each returns when the element it started in ends.
class NavParser
{
public:
    NavParser(SafeXmlReader &xml, const QString &path)
        : m_xml(xml)
        , m_path(path)
    { }

    // The reader is on <ol>.
    QList<TocEntry> list()
    {
        QList<TocEntry> entries;
        const int depth = m_xml.depth();
        while (!m_xml.atEnd()) {
            const QXmlStreamReader::TokenType type = m_xml.readNext();
            if (type == QXmlStreamReader::EndElement && m_xml.depth() < depth)
                break;
            if (type == QXmlStreamReader::StartElement && m_xml.xml().name() == QLatin1String("li"))
                entries.append(item());
        }
        return entries;
    }

private:
    // The reader is on <li>.
    TocEntry item()
    {
        TocEntry entry;
        const int depth = m_xml.depth();
        while (!m_xml.atEnd()) {
            const QXmlStreamReader::TokenType type = m_xml.readNext();
            if (type == QXmlStreamReader::EndElement && m_xml.depth() < depth)
                break;
            if (type != QXmlStreamReader::StartElement)
                continue;
            const auto name = m_xml.xml().name();
            if ((name == QLatin1String("a") || name == QLatin1String("span")) && entry.title.isEmpty()) {
                const QString href = m_xml.attribute("href");
                const QList<TocEntry> children = entry.children;
                entry = entryFor(m_xml.readText(), m_path, href);
                entry.children = children;
            } else if (name == QLatin1String("ol")) {
                entry.children.append(list());
            }
        }
        return entry;
    }

    SafeXmlReader &m_xml;
    QString m_path;
};

bool isTocNav(const QXmlStreamReader &xml)
{
    if (xml.name() != QLatin1String("nav"))
        return false;
    for (const QXmlStreamAttribute &attribute : xml.attributes()) {
        if (attribute.name() == QLatin1String("type")
            && (attribute.namespaceUri() == OpsNamespace || attribute.qualifiedName() == QLatin1String("epub:type"))
            && attribute.value().split(u' ').contains(QLatin1String("toc")))
            return true;
    }
    return false;
}

class NcxParser
{
public:
    NcxParser(SafeXmlReader &xml, const QString &path)
        : m_xml(xml)
        , m_path(path)
    { }

    // The reader is on <navMap> or <navPoint>: the navPoints directly inside it.
    QList<TocEntry> points(TocEntry *owner = nullptr)
    {
        QList<TocEntry> entries;
        QString label, src;
        const int depth = m_xml.depth();
        while (!m_xml.atEnd()) {
            const QXmlStreamReader::TokenType type = m_xml.readNext();
            if (type == QXmlStreamReader::EndElement && m_xml.depth() < depth)
                break;
            if (type != QXmlStreamReader::StartElement)
                continue;
            const auto name = m_xml.xml().name();
            if (name == QLatin1String("navPoint")) {
                TocEntry child;
                child.children = points(&child);
                entries.append(child);
            } else if (owner && name == QLatin1String("text") && label.isEmpty()) {
                label = m_xml.readText();
            } else if (owner && name == QLatin1String("content") && src.isEmpty()) {
                src = m_xml.attribute("src");
            }
        }
        if (owner) {
            const TocEntry entry = entryFor(label, m_path, src);
            owner->title = entry.title;
            owner->path = entry.path;
            owner->fragment = entry.fragment;
        }
        return entries;
    }

private:
    SafeXmlReader &m_xml;
    QString m_path;
};

} // namespace

Result<QList<TocEntry>> parseNavDocument(
    const QByteArray &data, const QString &path, const Limits &limits, const CancellationToken &token)
{
    SafeXmlReader xml(data, path, limits, token);
    while (xml.readNextStartElement()) {
        if (!isTocNav(xml.xml()))
            continue;
        // The first <ol> of the nav is the table (a heading may come before it).
        while (xml.readNextStartElement()) {
            if (xml.xml().name() == QLatin1String("ol")) {
                NavParser parser(xml, path);
                QList<TocEntry> entries = parser.list();
                if (Status status = xml.status(); !status)
                    return status;
                return entries;
            }
        }
    }
    if (Status status = xml.status(); !status)
        return status;
    return QList<TocEntry>();
}

Result<QList<TocEntry>> parseNcx(
    const QByteArray &data, const QString &path, const Limits &limits, const CancellationToken &token)
{
    SafeXmlReader xml(data, path, limits, token);
    while (xml.readNextStartElement()) {
        if (xml.xml().name() == QLatin1String("navMap")) {
            NcxParser parser(xml, path);
            QList<TocEntry> entries = parser.points();
            if (Status status = xml.status(); !status)
                return status;
            return entries;
        }
    }
    if (Status status = xml.status(); !status)
        return status;
    return QList<TocEntry>();
}

} // namespace folio::epub
