// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace folio::mobi {

// An entry of the book's table of contents: a chapter's path and an element id in it (may be
// empty).
struct TocItem
{
    QString title;
    QString path;
    QString fragment;
    QList<TocItem> children;
};

struct Chapter
{
    QString path;
    QByteArray content;
    // HTML5 rather than XHTML: old Mobipocket markup (<font>, <mbp:pagebreak>) is never XML.
    bool html = false;
};

// A Mobipocket book as libmobi reconstructs it, in memory: the chapters in reading order, the
// resources (pictures, style sheets, fonts) by the names the chapters use for them, the table of
// contents and the metadata.
//
// Names are libmobi's: a KF8 (AZW3) book's parts are "part00000.html", ..., its style sheets
// "flow00001.css", its pictures and fonts "resource00000.jpg", the `kindle:embed:` and
// `kindle:flow:` links rewritten to them. An old Mobipocket book is one HTML flow whose pictures
// (`recindex`) libmobi rewrites the same way; it is cut at each <mbp:pagebreak> into chapters
// "part00000.html", "part00000-1.html", ..., and links to anchors in another piece are rewritten
// to name its piece.
struct Book
{
    QList<Chapter> chapters;
    QHash<QString, QByteArray> resources;
    QList<TocItem> toc;
    Metadata metadata;
    bool kf8 = false; // KF8 (AZW3, or the KF8 half of a hybrid file) rather than old Mobipocket
};

// Reads Mobipocket (.mobi, .prc, .azw), KF8 (.azw3) and PalmDoc (TEXtREAd) books with libmobi.
//
// Threads: libmobi keeps no global state; each read() builds its own MOBIData and MOBIRawml on
// the detached worker and frees them there, so reads on different threads never share anything.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(folio::mobi::Reader)
public:
    // Most chapters an old Mobipocket flow is cut into, and most TOC entries read.
    static constexpr int MaxChapters = 10'000;
    static constexpr int MaxTocEntries = 100'000;
    static constexpr int MaxTocDepth = 32;

    // Reads the whole file in `data` (the caller keeps it within limits.maxInMemoryBytes).
    // libmobi cannot be interrupted: loading and parsing run detached (callDetached()), so a
    // cancel returns at once. Refused before libmobi sees them: a record table that does not fit
    // the file; after loading: a DRM-protected book (Unsupported: Folio never removes DRM), text
    // claimed larger than limits.maxEntrySize, parts and resources over limits.maxEntries or
    // limits.maxTotalExtracted in all.
    static Result<Book> read(const QByteArray &data, const Limits &limits, const CancellationToken &token);

    // Whether `head` (the file's first bytes) is a Palm database of type and creator BOOKMOBI
    // (Mobipocket, KF8) or TEXtREAd (PalmDoc).
    static bool isMobipocket(const QByteArray &head);
    static bool isPalmDoc(const QByteArray &head);
    // Whether `head` shows a KF8-only book (MOBI header version 8), when its first record is in
    // `head`.
    static bool isKf8Only(const QByteArray &head);

    // Checks the Palm database header of `data`: its record table fits the file and the record
    // offsets ascend inside it. Exposed for the tests.
    static Status checkDatabase(const QByteArray &data);
};

} // namespace folio::mobi
