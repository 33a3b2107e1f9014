// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QSize>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace folio {
class SafeXmlReader;
}

namespace folio::book {

class Book;
class StyleSheetFilter;

// One chapter as HTML that QTextDocument understands, cut into pieces that can be parsed one
// at a time (each piece is balanced: the containers open at a cut are closed and reopened).
struct ChapterHtml
{
    QStringList pieces;
    QStringList styleSheets; // book paths of <link rel="stylesheet">, in order
    QString inlineCss; // the <style> elements
    // Ok, or why the chapter stops early: what came before the problem is kept.
    Status status;
};

// Converts an XHTML (or HTML5) chapter to the subset of HTML QTextDocument renders: headings,
// paragraphs, emphasis, lists, tables, links, images; HTML5 sectioning elements become <div>,
// <svg> covers become their <image>, scripts, forms and media are dropped, style attributes are
// filtered (StyleSheetFilter) and nesting is capped. Paragraphs longer than MaxBlockText and
// tables longer than MaxTableRows go on as new ones, so that every layout step stays short.
// Parsing goes through SafeXmlReader; a chapter that is not well-formed XML is read again as
// HTML5 (html::LenientHtml) rather than cut at its first error.
class XhtmlConverter
{
public:
    // The size in QTextDocument pixels to give image `path` (a book path), given the size its
    // attributes ask for (invalid when they do not); an invalid size when the image is unusable.
    using ImageSizer = std::function<QSize(const QString &path, QSize requested)>;

    static constexpr qsizetype PieceSize = 32 * 1024; // characters of HTML
    // QTextDocument lays out a paragraph, and a table, in one go: longer ones are split so that
    // no single layout step can keep the token waiting.
    static constexpr qsizetype MaxBlockText = 16 * 1024; // characters
    static constexpr int MaxTableRows = 200;

    // Called for each linked style sheet as the head names it, before the body is converted, so
    // that the fonts it declares are known to the style attributes of the body.
    using StyleSheetFound = std::function<void(const QString &path)>;

    // `path` is the chapter's path in `book`, which resolves its URLs and sets the limits.
    XhtmlConverter(const QString &path, const Book &book, const StyleSheetFilter &styles, ImageSizer imageSizer,
        StyleSheetFound styleSheetFound, const CancellationToken &token);

    // With `isHtml`, the chapter is read as HTML5 at once (no XML attempt).
    ChapterHtml convert(const QByteArray &data, bool isHtml = false);

    // Image names in the produced HTML, resolved by the document's loadResource().
    static QString imageUrl(const QString &path);
    static QString pathOfImageUrl(const QUrl &url);

private:
    struct Open
    {
        QString tag; // empty when the element has no tag in the output
        QString reopenTag; // its start tag in the next piece (without id: anchors stay unique)
        bool container = false; // a piece may end inside it
        bool block = false; // paragraphs, list items, cells, containers
        bool table = false;
        int rows = 0; // of a table, since it was last restarted
    };

    ChapterHtml convertXml(const QByteArray &data);
    void startElement(SafeXmlReader &xml);
    void endElement();
    void startRow();
    void image(const QString &href, const QString &alt, QSize requested);
    void svg(SafeXmlReader &xml);
    void head(SafeXmlReader &xml);
    void text(QStringView text);
    void open(const QString &tag, const SafeXmlReader *xml, bool container, bool block, bool table = false);
    // Closes the open elements from index `from` up and opens them again: a paragraph or table
    // continues as a new one. Ends the piece there when it is big and the cut falls in containers.
    void restart(qsizetype from);
    void maybeCut();
    void finishPiece();
    QString attributesFor(const QString &tag, const SafeXmlReader &xml, bool withId) const;

    QString m_path;
    const Book &m_book;
    const StyleSheetFilter &m_styles;
    ImageSizer m_imageSizer;
    StyleSheetFound m_styleSheetFound;
    Limits m_limits;
    CancellationToken m_token;
    ChapterHtml m_chapter;
    QString m_piece;
    qsizetype m_blockText = 0; // characters of text since the last block boundary
    QList<Open> m_open;
    int m_tableDepth = 0;
    int m_tagDepth = 0;
};

} // namespace folio::book
