// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>

#include <memory>
#include <mutex>

struct chmFile;

namespace folio::chm {

// An entry of the table of contents (.hhc): a topic's path in the archive and an anchor in it.
// A heading without a topic has an empty path.
struct TocItem
{
    QString title;
    QString path;
    QString fragment;
    QList<TocItem> children;
};

// What a CHM file shows: its topics in the order of its table of contents, and that table.
struct Contents
{
    QStringList topics; // archive paths, each once
    QList<TocItem> toc;
};

// A Microsoft Compiled HTML Help file opened with CHMlib: its files by path, and what its #SYSTEM
// file says (title, contents file, default topic, language).
//
// Paths are the archive's own without the leading slash ("html/intro.htm"); lookups ignore case,
// as Windows' HTML Help does. Reads are bounded (`maxBytes`, limits.maxEntrySize) and done in
// chunks with the token polled between them.
//
// Threads: CHMlib's handle keeps caches and a file position, so it is not thread-safe; every call
// that touches it takes m_mutex. Everything else is fixed at open.
class Archive
{
    Q_DECLARE_TR_FUNCTIONS(folio::chm::Archive)
public:
    static constexpr int MaxTopics = 100'000;
    static constexpr int MaxTocDepth = 64;

    // Opens the CHM file at `filePath`. `spilled` is a temporary copy the archive keeps alive (a
    // CHM inside another file: CHMlib only opens files by name); may be null.
    static Result<std::unique_ptr<Archive>> open(const QString &filePath, std::unique_ptr<QTemporaryFile> spilled,
        const Limits &limits, const CancellationToken &token);
    ~Archive();
    Archive(const Archive &) = delete;
    Archive &operator=(const Archive &) = delete;

    // Whether `path` names a file in the archive (any case); its spelling in the archive.
    bool contains(const QString &path) const;
    QString canonicalPath(const QString &path) const;
    // The file names in the archive's order.
    const QStringList &files() const { return m_files; }
    // Reads the file at `path`; refuses one over `maxBytes`, or with `prefixOnly` reads its first
    // `maxBytes` only.
    Result<QByteArray> read(
        const QString &path, qint64 maxBytes, const CancellationToken &token, bool prefixOnly = false) const;

    QString title() const { return m_title; }
    QString contentsFile() const { return m_contentsFile; }
    QString defaultTopic() const { return m_defaultTopic; }
    // The code page texts without a declared charset are in, from the #SYSTEM language.
    QByteArray codePage() const { return m_codePage; }
    // `data` as UTF-8: unchanged when it is UTF-8 or declares its charset, else decoded from the
    // file's code page.
    QByteArray toUtf8(const QByteArray &data) const;

    // The topics and table of contents: from the contents file (.hhc, a sitemap in HTML, read
    // leniently), else the default topic, else every HTML file.
    Result<Contents> contents(const CancellationToken &token) const;

    // The entries of a sitemap (.hhc) at `path` in the archive, in UTF-8: <object
    // type="text/sitemap"> with <param name="Name"> and <param name="Local">, nested by <ul>,
    // paths resolved from the sitemap's folder (those leaving the archive or with a scheme
    // dropped). Read as HTML5 (html::LenientHtml): its depth and size limits apply, nesting
    // beyond MaxTocDepth is flattened. Exposed for the tests.
    static Result<QList<TocItem>> parseSitemap(
        const QByteArray &utf8, const QString &path, const Limits &limits, const CancellationToken &token);

private:
    Archive(chmFile *file, std::unique_ptr<QTemporaryFile> spilled, const Limits &limits);
    Status readSystem(const CancellationToken &token);
    Result<QByteArray> readLocked(
        const QString &path, qint64 maxBytes, bool prefixOnly, const CancellationToken &token) const;
    Result<QList<TocItem>> readSitemap(const QString &path, const CancellationToken &token) const;

    mutable std::mutex m_mutex;
    chmFile *m_file;
    std::unique_ptr<QTemporaryFile> m_spilled;
    Limits m_limits;
    QStringList m_files;
    QHash<QString, QString> m_byFoldedPath; // lower-case path → the archive's spelling
    QString m_title;
    QString m_contentsFile;
    QString m_defaultTopic;
    QByteArray m_codePage = "windows-1252";
};

} // namespace folio::chm
