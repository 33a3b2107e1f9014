// SPDX-License-Identifier: GPL-3.0-or-later
#include "fb2converter.h"

#include "backends/common/safexml.h"
#include "safetylimits.h"

#include <QRegularExpression>

namespace folio::fb2 {

namespace {

constexpr int MaxChapters = 10000;

QString fb2ImagePath(const QString &id)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = id.left(128);
    name.replace(unsafe, QStringLiteral("_"));
    if (name.isEmpty() || name.startsWith(u'.'))
        name.prepend(u'_');
    return QStringLiteral("images/") + name;
}

// l:href, xlink:href or href, whatever the prefix.
QString fb2Href(const QXmlStreamReader &xml)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    for (const QXmlStreamAttribute &attribute : attributes) {
        if (attribute.name() == QLatin1String("href"))
            return attribute.value().toString().trimmed();
    }
    return {};
}

QString chapterPathOf(int index)
{
    return QStringLiteral("chapter%1.xhtml").arg(index + 1);
}

class Converter
{
    Q_DECLARE_TR_FUNCTIONS(folio::fb2::Fb2Converter)
public:
    Converter(const QByteArray &data, const QString &name, book::MemoryBook &book, const Limits &limits,
        const CancellationToken &token)
        : m_xml(data, name, limits, token)
        , m_name(name)
        , m_book(book)
        , m_limits(limits)
    { }

    Status run()
    {
        bool root = false;
        while (m_xml.readNextStartElement()) {
            const QString name = m_xml.xml().name().toString();
            if (!root) {
                if (name != QLatin1String("FictionBook"))
                    return Status(StatusCode::Corrupt, tr("Not a FictionBook: its root element is <%1>").arg(name));
                root = true;
                continue;
            }
            if (name == QLatin1String("description"))
                description();
            else if (name == QLatin1String("body"))
                body();
            else if (name == QLatin1String("binary")) {
                if (Status status = binary(); !status)
                    return status;
            } else
                m_xml.skipElement();
            if (!m_problem.isOk())
                return m_problem;
        }
        if (Status status = m_xml.status(); !status)
            return status;
        if (m_chapters.isEmpty())
            return Status(StatusCode::Corrupt, tr("The FictionBook has no text (no <body>)"));
        finish();
        return {};
    }

private:
    struct Chapter
    {
        QString html;
        QStringList links; // ids "#id" links of the chapter name
    };
    struct Heading
    {
        int level = 0;
        QString title;
        int chapter = 0;
        QString fragment;
    };

    QString localName() const { return m_xml.xml().name().toString(); }

    void description()
    {
        const int depth = m_xml.depth();
        QString group;
        while (!m_xml.atEnd()) {
            const QXmlStreamReader::TokenType type = m_xml.readNext();
            if (type == QXmlStreamReader::EndElement && m_xml.depth() < depth)
                return;
            if (type != QXmlStreamReader::StartElement)
                continue;
            const QString name = localName();
            if (m_xml.depth() == depth + 1) {
                group = name;
                if (group != QLatin1String("title-info") && group != QLatin1String("publish-info"))
                    m_xml.skipElement();
                continue;
            }
            if (group == QLatin1String("title-info")) {
                if (name == QLatin1String("book-title"))
                    m_title = m_xml.readText().simplified();
                else if (name == QLatin1String("author"))
                    m_authors.append(author());
                else if (name == QLatin1String("lang"))
                    m_language = m_xml.readText().simplified();
                else if (name == QLatin1String("genre"))
                    m_genres.append(m_xml.readText().simplified());
                else if (name == QLatin1String("keywords"))
                    m_keywords = m_xml.readText().simplified();
                else if (name == QLatin1String("annotation"))
                    m_annotation = m_xml.readText().simplified();
                else if (name == QLatin1String("date")) {
                    const QString value = m_xml.attribute("value");
                    const QString text = m_xml.readText().simplified();
                    m_date = value.isEmpty() ? text : value;
                } else if (name == QLatin1String("image")) { // in <coverpage>
                    if (m_cover.isEmpty())
                        m_cover = fb2Href(m_xml.xml());
                    m_xml.skipElement();
                } else if (name != QLatin1String("coverpage"))
                    m_xml.skipElement();
            } else if (group == QLatin1String("publish-info")) {
                if (name == QLatin1String("publisher"))
                    m_publisher = m_xml.readText().simplified();
                else if (name == QLatin1String("year") && m_date.isEmpty())
                    m_date = m_xml.readText().simplified();
                else if (name == QLatin1String("isbn"))
                    m_isbn = m_xml.readText().simplified();
                else
                    m_xml.skipElement();
            }
        }
    }

    QString author()
    {
        const int depth = m_xml.depth();
        QStringList names;
        QString nickname;
        while (!m_xml.atEnd()) {
            const QXmlStreamReader::TokenType type = m_xml.readNext();
            if (type == QXmlStreamReader::EndElement && m_xml.depth() < depth)
                break;
            if (type != QXmlStreamReader::StartElement)
                continue;
            const QString name = localName();
            if (name == QLatin1String("first-name") || name == QLatin1String("middle-name")
                || name == QLatin1String("last-name"))
                names.append(m_xml.readText().simplified());
            else if (name == QLatin1String("nickname"))
                nickname = m_xml.readText().simplified();
            else
                m_xml.skipElement();
        }
        names.removeAll(QString());
        return names.isEmpty() ? nickname : names.join(u' ');
    }

    Status binary()
    {
        const QString id = m_xml.attribute("id");
        const QByteArray bytes = QByteArray::fromBase64(m_xml.readText().toLatin1());
        if (Status status = m_xml.status(); !status)
            return status;
        if (++m_binaries > m_limits.maxEntries)
            return LimitErrors::entryCount(m_binaries, m_limits);
        if (bytes.size() > m_limits.maxEntrySize)
            return LimitErrors::entrySize(tr("picture “%1”").arg(id), bytes.size(), m_limits);
        m_binaryBytes += bytes.size();
        if (m_binaryBytes > m_limits.maxTotalExtracted)
            return LimitErrors::totalSize(m_binaryBytes, m_limits);
        if (!id.isEmpty())
            m_book.addResource(fb2ImagePath(id), bytes);
        return {};
    }

    void body()
    {
        const QString name = m_xml.attribute("name");
        const bool main = !m_sawMainBody && name.isEmpty();
        if (name.isEmpty())
            m_sawMainBody = true;
        m_mainBody = main;
        m_current = -1;
        if (!main) {
            // Notes and comments: one chapter, in the outline by its title (or its name).
            newChapter();
            m_headings.append({1, QString(), m_current, QString()});
            m_pendingHeading = m_headings.size() - 1;
            m_fallbackTitle = name == QLatin1String("notes") ? tr("Notes") : name;
        }
        children(0);
        if (!main && m_pendingHeading >= 0 && m_headings[m_pendingHeading].title.isEmpty())
            m_headings[m_pendingHeading].title = m_fallbackTitle;
        m_pendingHeading = -1;
        m_current = -1;
    }

    void newChapter()
    {
        if (m_chapters.size() >= MaxChapters) {
            m_problem = Status(
                StatusCode::LimitExceeded, tr("The FictionBook has more than %1 top-level sections").arg(MaxChapters));
            return;
        }
        m_chapters.append(Chapter());
        m_current = int(m_chapters.size()) - 1;
    }

    QString &out()
    {
        if (m_current < 0)
            newChapter();
        return m_chapters[m_current < 0 ? 0 : m_current].html;
    }

    void children(int sections)
    {
        const int depth = m_xml.depth();
        while (!m_xml.atEnd() && m_problem.isOk()) {
            const QXmlStreamReader::TokenType type = m_xml.readNext();
            if (type == QXmlStreamReader::EndElement && m_xml.depth() < depth)
                return;
            if (type == QXmlStreamReader::Characters) {
                if (m_xml.xml().isWhitespace() && m_current < 0)
                    continue;
                const QString text = m_xml.xml().text().toString();
                if (m_inTitle)
                    m_titleText += text;
                if (m_chapters.isEmpty() && m_xml.xml().isWhitespace())
                    continue;
                out() += text.toHtmlEscaped();
            } else if (type == QXmlStreamReader::StartElement) {
                element(sections);
            }
        }
    }

    QString idAttribute(const QString &id)
    {
        if (id.isEmpty())
            return {};
        if (!m_ids.contains(id))
            m_ids.insert(id, m_current);
        return QLatin1String(" id=\"") + id.toHtmlEscaped() + u'"';
    }

    void wrap(const QString &open, const QString &close, int sections)
    {
        out() += open;
        children(sections);
        out() += close;
    }

    void element(int sections)
    {
        const QString name = localName();
        const QString id = m_xml.attribute("id");
        if (name == QLatin1String("section")) {
            if (sections == 0 && m_mainBody)
                newChapter();
            out();
            const QString anchor = id.isEmpty() ? QStringLiteral("fb2-section-%1").arg(++m_sectionCount) : id;
            const qsizetype previous = m_pendingHeading;
            m_pendingHeading = -1; // notes are not listed one by one
            if (m_mainBody) {
                m_headings.append({sections + 1, QString(), m_current, anchor});
                m_pendingHeading = m_headings.size() - 1;
            }
            wrap(QLatin1String("<div") + idAttribute(anchor) + u'>', QStringLiteral("</div>"), sections + 1);
            m_pendingHeading = previous;
            if (sections == 0 && m_mainBody)
                m_current = -1;
        } else if (name == QLatin1String("title")) {
            const int level = std::clamp(sections, 1, 6);
            m_inTitle = true;
            m_titleLines = 0;
            m_titleText.clear();
            wrap(QStringLiteral("<h%1%2>").arg(level).arg(idAttribute(id)), QStringLiteral("</h%1>").arg(level),
                sections);
            m_inTitle = false;
            if (m_pendingHeading >= 0 && m_headings[m_pendingHeading].title.isEmpty())
                m_headings[m_pendingHeading].title = m_titleText.simplified();
        } else if (name == QLatin1String("p") && m_inTitle) {
            if (m_titleLines++ > 0) {
                out() += QLatin1String("<br/>");
                m_titleText += u' ';
            }
            children(sections);
        } else if (name == QLatin1String("p") || name == QLatin1String("v")) {
            ++m_inline;
            wrap(QLatin1String("<p") + idAttribute(id) + u'>', QStringLiteral("</p>"), sections);
            --m_inline;
        } else if (name == QLatin1String("subtitle")) {
            ++m_inline;
            wrap(QLatin1String("<p align=\"center\"") + idAttribute(id) + QLatin1String("><b>"),
                QStringLiteral("</b></p>"), sections);
            --m_inline;
        } else if (name == QLatin1String("text-author")) {
            ++m_inline;
            wrap(QLatin1String("<p align=\"right\"") + idAttribute(id) + QLatin1String("><i>"),
                QStringLiteral("</i></p>"), sections);
            --m_inline;
        } else if (name == QLatin1String("empty-line")) {
            out() += QLatin1String("<p>&#160;</p>");
            m_xml.skipElement();
        } else if (name == QLatin1String("epigraph") || name == QLatin1String("cite")
            || name == QLatin1String("annotation")) {
            wrap(QLatin1String("<blockquote") + idAttribute(id) + u'>', QStringLiteral("</blockquote>"), sections);
        } else if (name == QLatin1String("poem") || name == QLatin1String("stanza")) {
            wrap(QLatin1String("<div") + idAttribute(id) + QLatin1String(" style=\"margin-left: 2em\">"),
                QStringLiteral("</div>"), sections);
        } else if (name == QLatin1String("emphasis")) {
            wrap(QStringLiteral("<em>"), QStringLiteral("</em>"), sections);
        } else if (name == QLatin1String("strong")) {
            wrap(QStringLiteral("<strong>"), QStringLiteral("</strong>"), sections);
        } else if (name == QLatin1String("strikethrough")) {
            wrap(QStringLiteral("<s>"), QStringLiteral("</s>"), sections);
        } else if (name == QLatin1String("sub") || name == QLatin1String("sup") || name == QLatin1String("code")) {
            wrap(u'<' + name + u'>', QLatin1String("</") + name + u'>', sections);
        } else if (name == QLatin1String("a")) {
            link(sections);
        } else if (name == QLatin1String("image")) {
            const QString href = fb2Href(m_xml.xml());
            const QString alt = m_xml.attribute("alt");
            m_xml.skipElement();
            if (!href.startsWith(u'#'))
                return; // pictures are only ever the book's own
            const QString img = QLatin1String("<img src=\"") + fb2ImagePath(href.mid(1)).toHtmlEscaped()
                + QLatin1String("\" alt=\"") + alt.toHtmlEscaped() + QLatin1String("\"") + idAttribute(id)
                + QLatin1String("/>");
            out() += m_inline > 0 ? img : QLatin1String("<div align=\"center\">") + img + QLatin1String("</div>");
        } else if (name == QLatin1String("table") || name == QLatin1String("tr") || name == QLatin1String("td")
            || name == QLatin1String("th")) {
            QString attributes = idAttribute(id);
            for (const char *span : {"colspan", "rowspan", "align"}) {
                const QString value = m_xml.attribute(span);
                if (!value.isEmpty())
                    attributes += u' ' + QLatin1String(span) + QLatin1String("=\"") + value.toHtmlEscaped() + u'"';
            }
            const bool cell = name == QLatin1String("td") || name == QLatin1String("th");
            m_inline += cell;
            wrap(u'<' + name + attributes + u'>', QLatin1String("</") + name + u'>', sections);
            m_inline -= cell;
        } else {
            children(sections); // unknown elements keep their text
        }
    }

    void link(int sections)
    {
        const QString href = fb2Href(m_xml.xml());
        const bool note = m_xml.attribute("type") == QLatin1String("note");
        QString open;
        if (href.startsWith(u'#') && href.size() > 1) {
            out();
            m_chapters[m_current].links.append(href.mid(1));
            open = QLatin1String("<a href=\"") + href.toHtmlEscaped() + QLatin1String("\">");
        } else if (href.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
            || href.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
            || href.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive)) {
            open = QLatin1String("<a href=\"") + href.toHtmlEscaped() + QLatin1String("\">");
        } else {
            open = QStringLiteral("<a>");
        }
        if (note)
            wrap(QLatin1String("<sup>") + open, QStringLiteral("</a></sup>"), sections);
        else
            wrap(open, QStringLiteral("</a>"), sections);
    }

    QList<book::TocEntry> nest(qsizetype &at, int level) const
    {
        QList<book::TocEntry> entries;
        while (at < m_toc.size() && m_toc[at].level > level) {
            const Heading &heading = m_toc[at];
            book::TocEntry entry {heading.title, chapterPathOf(heading.chapter), heading.fragment, {}};
            ++at;
            entry.children = nest(at, heading.level);
            entries.append(entry);
        }
        return entries;
    }

    void finish()
    {
        static const QString head = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                                   "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title></title>"
                                                   "</head><body>");
        if (!m_cover.startsWith(u'#'))
            m_cover.clear();
        for (qsizetype i = 0; i < m_chapters.size(); ++i) {
            Chapter &chapter = m_chapters[i];
            // Links to ids of other chapters name the chapter.
            QStringList links = chapter.links;
            links.removeDuplicates();
            for (const QString &id : std::as_const(links)) {
                const int target = m_ids.value(id, -1);
                if (target < 0 || target == i)
                    continue;
                const QString escaped = id.toHtmlEscaped();
                chapter.html.replace(QLatin1String("href=\"#") + escaped + u'"',
                    QLatin1String("href=\"") + chapterPathOf(target) + u'#' + escaped + u'"');
            }
            QString html = head;
            if (i == 0 && !m_cover.isEmpty())
                html += QLatin1String("<div align=\"center\"><img src=\"")
                    + fb2ImagePath(m_cover.mid(1)).toHtmlEscaped() + QLatin1String("\" alt=\"\"/></div>");
            html += chapter.html + QLatin1String("</body></html>");
            chapter.html.clear();
            m_book.addChapter(chapterPathOf(int(i)), html.toUtf8());
        }
        for (const Heading &heading : std::as_const(m_headings)) {
            if (!heading.title.isEmpty())
                m_toc.append(heading);
        }
        qsizetype at = 0;
        m_book.setToc(nest(at, 0));

        Metadata metadata;
        if (!m_title.isEmpty())
            metadata.append({QStringLiteral("Title"), m_title});
        m_authors.removeAll(QString());
        if (!m_authors.isEmpty())
            metadata.append({QStringLiteral("Author"), m_authors.join(QLatin1String("; "))});
        if (!m_language.isEmpty())
            metadata.append({QStringLiteral("Language"), m_language});
        QStringList keywords = m_genres;
        if (!m_keywords.isEmpty())
            keywords.append(m_keywords);
        keywords.removeAll(QString());
        if (!keywords.isEmpty())
            metadata.append({QStringLiteral("Keywords"), keywords.join(QLatin1String(", "))});
        if (!m_annotation.isEmpty())
            metadata.append({QStringLiteral("Description"), m_annotation});
        if (!m_publisher.isEmpty())
            metadata.append({QStringLiteral("Publisher"), m_publisher});
        if (!m_date.isEmpty())
            metadata.append({QStringLiteral("CreationDate"), m_date});
        if (!m_isbn.isEmpty())
            metadata.append({QStringLiteral("Identifier"), m_isbn});
        m_book.setMetadata(metadata);
    }

    SafeXmlReader m_xml;
    QString m_name;
    book::MemoryBook &m_book;
    const Limits &m_limits;
    Status m_problem;

    QList<Chapter> m_chapters;
    int m_current = -1; // the chapter written to; -1: the next content starts one
    bool m_sawMainBody = false;
    bool m_mainBody = false;
    int m_inline = 0; // inside a paragraph, verse line or cell: pictures are inline
    bool m_inTitle = false;
    int m_titleLines = 0;
    QString m_titleText;
    int m_sectionCount = 0;
    QHash<QString, int> m_ids; // element id → chapter
    QList<Heading> m_headings; // every section, in order, titled or not
    QList<Heading> m_toc;
    qsizetype m_pendingHeading = -1; // the section whose title comes next
    QString m_fallbackTitle;

    QString m_title, m_language, m_keywords, m_annotation, m_date, m_publisher, m_isbn, m_cover;
    QStringList m_authors, m_genres;
    qint64 m_binaries = 0;
    qint64 m_binaryBytes = 0;
};

} // namespace

Status Fb2Converter::convert(const QByteArray &data, const QString &name, book::MemoryBook &book, const Limits &limits,
    const CancellationToken &token)
{
    Converter converter(data, name, book, limits, token);
    return converter.run();
}

} // namespace folio::fb2
