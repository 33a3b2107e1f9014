// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "book.h"
#include "bookresources.h"
#include "bookstyle.h"
#include "document.h"

#include <QFont>
#include <QImage>
#include <QTextDocument>

#include <memory>
#include <vector>

namespace folio::book {

// One chapter's QTextDocument. Resources come only from the Book: images through the
// ImageStore, nothing else (no style sheets, files or URLs of the author's choosing).
class ChapterDocument final : public QTextDocument
{
    Q_OBJECT
public:
    explicit ChapterDocument(ImageStore &images)
        : m_images(images)
    { }

    // Images are decoded for `dpi` while drawing; at other times (layout asks for images only to
    // see that they exist) a tiny stand-in answers. `token` must outlive the drawing.
    void beginDrawing(double dpi, const CancellationToken *token);
    void endDrawing();

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    ImageStore &m_images;
    double m_dpi = 0;
    const CancellationToken *m_token = nullptr;
};

// What the document says it is (Document::format()).
struct BookFormat
{
    QString id; // "epub"
    QString name; // translated, shown to the user
    QString mimeType;
};

// A Book (EPUB, HTML, FB2, …) typeset by QTextDocument on A5 pages.
//
// Each chapter starts on a new page. Chapters are converted and laid out
// on demand, in order (the page count grows as ensurePages() asks for more: StreamingPages), so
// the first page of a big book needs only its first chapter. Within a chapter, the HTML is
// parsed in pieces and laid out block by block, with the token polled in between.
//
// Threads: like every Document, used from one thread at a time; it alone touches its Book, its
// QTextDocuments, ImageStore and style sheets. Embedded fonts go to QFontDatabase, which is
// thread-safe.
class BookDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::book::BookDocument)
public:
    static constexpr QSizeF PageSize {420, 595}; // A5, points
    static constexpr qreal Margin = 40;
    static constexpr QSizeF ContentSize {PageSize.width() - 2 * Margin, PageSize.height() - 2 * Margin};
    static constexpr qreal FontSize = 11; // points
    static constexpr qint64 MaxChapterBytes = 16LL << 20; // XHTML of one chapter

    // Lays out the first chapter (a book without chapters is refused as corrupt), the rest as
    // pages are asked for.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<Book> book, const BookFormat &format,
        const Limits &limits, const CancellationToken &token, const ProgressCallback &progress);
    ~BookDocument() override;

protected:
    int doPageCount() const override { return m_pageCount; }
    bool doIsPageCountFinal() const override { return m_chapters.size() == size_t(m_book->chapterCount()); }
    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress) override;
    QSizeF doPageSize(int) const override { return PageSize; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    // The pictures of the page painted last (render() asks right after painting).
    QList<QRectF> doPictureRects(int index, const CancellationToken &token) const override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Status doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_book->metadata(); }

private:
    std::pair<int, QList<QRectF>> m_paintedPictures {-1, {}}; // page, its pictures (doPaint())
    struct Chapter
    {
        QString path;
        std::unique_ptr<ChapterDocument> document;
        int firstPage = 0;
        int pageCount = 0;
        QList<std::pair<int, int>> blockPages; // pages within the chapter
        QHash<QString, int> anchorPages; // element ids → pages within the chapter
    };

    BookDocument(const Limits &limits, std::unique_ptr<Book> book);

    Status layOutNextChapter(const CancellationToken &token);
    // The chapter's HTML pieces and style sheet; `problem` says why it is incomplete.
    QStringList chapterHtml(int index, QString &css, Status &problem, const CancellationToken &token);
    QString styleSheet(const QString &path, const CancellationToken &token);
    Status fill(ChapterDocument &document, const QStringList &pieces, const CancellationToken &token) const;
    Status layOut(ChapterDocument &document, const CancellationToken &token);
    const Chapter &chapterOn(int page) const;
    // The page an internal link of chapter `from` leads to ("#id", "chapter.xhtml#id",
    // "chapter.xhtml"), laying out the chapters up to the target's; -1 when it leads nowhere in
    // the book's chapters.
    Result<int> linkTarget(size_t from, const QString &href, const CancellationToken &token);
    QList<OutlineItem> outlineOf(const QList<TocEntry> &entries) const;

    std::unique_ptr<Book> m_book;
    QImage m_pointDevice; // the layout's paint device; lengths in points
    QFont m_font;
    qreal m_lengthScale = 1;
    StyleContext m_styleContext;
    std::unique_ptr<StyleSheetFilter> m_styles;
    std::unique_ptr<ImageStore> m_images;
    EmbeddedFonts m_fonts; // after the chapters in destruction order: they use the fonts
    QHash<QString, QString> m_sheets; // filtered style sheets by path
    std::vector<Chapter> m_chapters; // laid out so far, in reading order
    int m_pageCount = 0;
};

} // namespace folio::book
