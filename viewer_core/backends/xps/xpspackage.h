// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace folio::archive {
class ArchiveReader;
}

namespace folio::xps {

// What Folio reads of an XPS package itself, beside libgxps: which part is which page (for the
// text of the pages, which libgxps does not give) and whether the package is XPS or OpenXPS.
// Everything is read through the archive reader, under its limits, and parsed with SafeXmlReader.
struct PackageStructure
{
    bool openXps = false; // the root relationship is OpenXPS's (ECMA-388), not Microsoft's XPS 1.0
    // The FixedPage parts of every fixed document, in order: the entries' indexes in the reader,
    // -1 where the part is not a plain entry (an interleaved part made of pieces).
    QList<int> pages;
    struct FixedDocument
    {
        int part = -1; // the FixedDocument's entry
        int structure = -1; // its DocumentStructure's entry (the outline), -1 for none
        QHash<QString, int> anchors; // LinkTarget names → page (in the whole document)
    };
    QList<FixedDocument> documents;
};

class Package
{
    Q_DECLARE_TR_FUNCTIONS(folio::xps::Package)
public:
    // The lower-case part names of the package's files and their entries' indexes.
    explicit Package(archive::ArchiveReader &reader);

    // Follows _rels/.rels to the FixedDocumentSequence, each FixedDocument and each page.
    // Corrupt when the package has no fixed representation; LimitExceeded past limits.maxPageCount.
    Result<PackageStructure> readStructure(const Limits &limits, const CancellationToken &token);
    // The index of the entry for a part name as written in a reference ("/Documents/1/x.fdoc" or,
    // relative to `base`'s folder, "Pages/1.fpage"); -1 when there is none.
    int find(const QString &reference, const QString &base = {}) const;
    // Reads a part (at most `maxBytes`), its name for messages.
    Result<QByteArray> read(int index, qint64 maxBytes, const CancellationToken &token);
    QString partName(int index) const;
    // The outline of every fixed document's DocumentStructure, targets resolved through the
    // FixedDocuments' LinkTargets. Levels that skip are read as one deeper than their parent.
    Result<QList<OutlineItem>> outline(
        const PackageStructure &structure, const Limits &limits, const CancellationToken &token);

    // The package's core properties (the part _rels/.rels names: Title, Author, Subject,
    // Keywords, Description, Category, CreationDate, ModificationDate, LastModifiedBy, Language);
    // none when it has none. libgxps's own reader refuses a part with any element it does not
    // know (cp:category, which Microsoft's XPS writer adds).
    Result<Metadata> coreProperties(const Limits &limits, const CancellationToken &token);

private:
    // The entry a part's relationship of `type` (a suffix: "/documentstructure") points to.
    Result<int> related(int part, QLatin1String type, const Limits &limits, const CancellationToken &token);

    archive::ArchiveReader &m_reader;
    QHash<QString, int> m_parts;
};

// What Folio reads of a FixedPage itself.
struct PageContent
{
    // The UnicodeString of every Glyphs element in the page's order, runs on one baseline joined
    // (with a space where they are apart), a line break where the baseline moves. Glyphs' origins
    // are followed through the RenderTransform of Canvas and Glyphs elements.
    QString text;
    // The words of the runs, in points on the page; their widths from the advances the Indices
    // attribute gives, else from the font's own (read with QRawFont where a QGuiApplication runs),
    // else about half an em per character.
    QList<TextBox> boxes;
    // The FixedPage.NavigateUri of each Path that has one and a Data attribute, in the page's
    // order: the links libgxps finds, with the addresses as written (libgxps resolves every one
    // as a part name, which spoils web addresses).
    QStringList pathLinks;
};
// `font` gives the bytes of a Glyphs' FontUri (deobfuscated), empty when it cannot.
using FontLoader = std::function<QByteArray(const QString &fontUri)>;
Result<PageContent> readPage(const QByteArray &xml, const QString &partName, const Limits &limits,
    const CancellationToken &token, const FontLoader &font = {});
// An obfuscated font part (*.odttf, ECMA-388 §9.1.7.3): its first 32 bytes XORed with the GUID of
// its name, bytes in reverse order. Unchanged when the name holds no GUID.
QByteArray deobfuscatedFont(QByteArray data, const QString &partName);

} // namespace folio::xps
