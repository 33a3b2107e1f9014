// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

// The book engine: HTML chapters typeset by QTextDocument on A5 pages (BookDocument), the way
// EPUB is shown. A format plugs in by implementing Book (or filling a MemoryBook) and handing it
// to BookDocument::open():
//
//   auto book = std::make_unique<book::MemoryBook>(limits);
//   book->addChapter(QStringLiteral("text/1.xhtml"), xhtmlBytes);       // in reading order
//   book->addResource(QStringLiteral("images/cover.png"), pngBytes);    // pictures, CSS, fonts
//   book->setToc({{tr("Chapter 1"), QStringLiteral("text/1.xhtml"), QString(), {}}});
//   book->setMetadata({{QStringLiteral("Title"), title}});
//   return book::BookDocument::open(std::move(book), {QStringLiteral("fb2"), name, mime}, limits, token, progress);
//
// Paths are the book's own names ("folder/file.ext", no scheme): chapters and resources refer to
// each other by URLs relative to their paths, which resolve() turns into paths. Everything a
// chapter shows comes from the Book: no file, no network, no script is ever reached (scripts,
// forms and media elements are dropped, CSS is reduced to a safe subset, url() in CSS is only
// followed for @font-face, and only into the Book).
namespace folio::book {

// An entry of the table of contents: where it points is `path` (a chapter) and `fragment` (an
// element id inside it, may be empty).
struct TocEntry
{
    QString title;
    QString path;
    QString fragment;
    QList<TocEntry> children;
};

// Resolves `href` (a URL as written in the document at `base`) to a path without fragment;
// empty for URLs with a scheme or host and paths that leave the root.
QString resolvePath(const QString &base, const QString &href);
// The fragment of `href` ("id" of "chapter.xhtml#id"), decoded.
QString fragmentOf(const QString &href);

// What a book format provides to BookDocument. Implementations are used from one thread at a time
// (the document's: BookDocument is not thread-safe either, as no Document is); they need no locks
// of their own.
class Book
{
public:
    virtual ~Book() = default;

    virtual const Limits &limits() const = 0;

    // The chapters in reading order; each starts on a new page.
    virtual int chapterCount() const = 0;
    virtual QString chapterPath(int index) const = 0;
    // "image/…" for a chapter that is one picture (a resource at chapterPath()); anything else
    // is (X)HTML.
    virtual QString chapterMediaType(int) const { return QStringLiteral("application/xhtml+xml"); }
    // The chapter is HTML5 rather than XHTML: it is read as a browser reads HTML, never as XML.
    virtual bool isHtml(int) const { return false; }
    // The chapter's bytes; by default the resource at chapterPath(), up to `maxBytes`.
    virtual Result<QByteArray> chapter(int index, qint64 maxBytes, const CancellationToken &token) const
    {
        return read(chapterPath(index), maxBytes, token);
    }

    // Resources by path: chapters, pictures, style sheets, fonts.
    virtual bool contains(const QString &path) const = 0;
    // Reads a resource; refuses more than `maxBytes`. With `prefixOnly`, returns at most its first
    // `maxBytes` instead (image headers).
    virtual Result<QByteArray> read(
        const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly = false) const = 0;
    // A font file (a format may scramble them, as EPUB does); by default read().
    virtual Result<QByteArray> readFont(const QString &path, qint64 maxBytes, const CancellationToken &token) const
    {
        return read(path, maxBytes, token);
    }
    // The path `href`, written in the document at `base`, leads to; empty when it leads out of
    // the book. By default resolvePath(); formats with other names (MHTML's URLs, cid:) map them.
    virtual QString resolve(const QString &base, const QString &href) const { return resolvePath(base, href); }

    virtual QList<TocEntry> toc() const = 0;
    virtual Metadata metadata() const = 0;
    // Pages turn from right to left (Japanese, Arabic, Hebrew books).
    virtual bool isRightToLeft() const { return false; }
};

// A Book held in memory: chapters and resources as {path, bytes}, added in reading order.
class MemoryBook : public Book
{
public:
    explicit MemoryBook(const Limits &limits)
        : m_limits(limits)
    { }

    // A chapter (also a resource at `path`); `html`: HTML5 rather than XHTML.
    void addChapter(const QString &path, const QByteArray &content, bool html = false);
    // A picture, style sheet or font; a later one with the same path replaces it.
    void addResource(const QString &path, const QByteArray &content);
    // An absolute URL (cid:…, http://…/a.png) that stands for the resource at `path`, as MHTML's
    // Content-Location and Content-ID name parts. resolve() maps it; nothing is ever fetched.
    void mapUrl(const QString &url, const QString &path);
    // Relative URLs in the document at `path` resolve against `base` (an absolute URL) and are
    // then looked up among the mapped URLs.
    void setBaseUrl(const QString &path, const QString &base);
    void setToc(const QList<TocEntry> &toc) { m_toc = toc; }
    void setMetadata(const Metadata &metadata) { m_metadata = metadata; }
    void setRightToLeft(bool rightToLeft) { m_rightToLeft = rightToLeft; }
    // Bytes held so far, chapters and resources.
    qint64 totalBytes() const { return m_totalBytes; }

    const Limits &limits() const override { return m_limits; }
    int chapterCount() const override { return int(m_chapters.size()); }
    QString chapterPath(int index) const override { return m_chapters.value(index).path; }
    bool isHtml(int index) const override { return m_chapters.value(index).html; }
    bool contains(const QString &path) const override { return !path.isEmpty() && m_resources.contains(path); }
    Result<QByteArray> read(
        const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly = false) const override;
    QString resolve(const QString &base, const QString &href) const override;
    QList<TocEntry> toc() const override { return m_toc; }
    Metadata metadata() const override { return m_metadata; }
    bool isRightToLeft() const override { return m_rightToLeft; }

private:
    static QString urlKey(const QString &url);

    struct ChapterEntry
    {
        QString path;
        bool html = false;
    };
    Limits m_limits;
    QList<ChapterEntry> m_chapters;
    QHash<QString, QByteArray> m_resources;
    QHash<QString, QString> m_urls; // mapped URL (urlKey()) → path
    QHash<QString, QString> m_baseUrls; // path → base URL
    QList<TocEntry> m_toc;
    Metadata m_metadata;
    bool m_rightToLeft = false;
    qint64 m_totalBytes = 0;
};

} // namespace folio::book
