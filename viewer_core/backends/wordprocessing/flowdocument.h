// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/office/officepackage.h"
#include "document.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QMarginsF>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QTextTable>

#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace folio::office {
class Chart;
}
namespace folio::office::math {
class Formula;
}

namespace folio::presentation {
class Diagram;
}

namespace folio::wordprocessing {

// Page geometry of a section, in points.
struct PageGeometry
{
    QSizeF size {612, 792}; // US Letter, the OOXML default
    QMarginsF margins {72, 72, 72, 72};
    qreal headerDistance = 36; // top of the page to the header's top
    qreal footerDistance = 36; // bottom of the page to the footer's bottom

    // Absurd values (0, 10^9) are brought into 1 in..200 in, and margins leave at least an inch.
    void clamp();
    QSizeF contentSize() const;
};

// Char format property marking a page field in headers and footers, substituted per page.
enum class PageField { None = 0, Page = 1, PageCount = 2 };
inline constexpr int PageFieldProperty = QTextFormat::UserProperty + 1;

// The text of one part (a section's body, a header, a footer). Pictures come from the package
// through the shared ImageStore: layout sees their size only, drawing decodes them at the render
// DPI (like the EPUB backend's ChapterDocument).
class FlowTextDocument final : public QTextDocument
{
    Q_OBJECT
public:
    struct Picture
    {
        QString path; // in the package; "" for a placeholder (external or missing picture)
        QSizeF points;
    };
    // Shared by every FlowTextDocument of one FlowDocument, so fragments may move between them.
    using PictureTable = std::vector<Picture>;

    FlowTextDocument(office::ImageStore &images, const PictureTable &pictures)
        : m_images(images)
        , m_pictures(pictures)
    { }

    void beginDrawing(double dpi, const CancellationToken *token);
    void endDrawing();

    // For a text box: its width in points as the author set it (0: the text area's).
    qreal boxWidth() const { return m_boxWidth; }
    void setBoxWidth(qreal points) { m_boxWidth = points; }
    // For a text box: how far right of the text area's left edge it sits, in points.
    qreal boxOffset() const { return m_boxOffset; }
    void setBoxOffset(qreal points) { m_boxOffset = points; }
    // For a text box: whether it has a border (an ODF frame with fo:border="none" has none).
    bool boxBorder() const { return m_boxBorder; }
    void setBoxBorder(bool border) { m_boxBorder = border; }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    office::ImageStore &m_images;
    const PictureTable &m_pictures;
    double m_dpi = 0;
    const CancellationToken *m_token = nullptr;
    qreal m_boxWidth = 0;
    qreal m_boxOffset = 0;
    bool m_boxBorder = true;
};

// What a reader hands over per section (OOXML w:sectPr, ODF master page).
struct SectionSetup
{
    PageGeometry geometry;
    // Headers and footers: default, first page, even pages. Owned by the FlowDocument once given.
    std::shared_ptr<FlowTextDocument> header[3];
    std::shared_ptr<FlowTextDocument> footer[3];
    bool titlePage = false; // the first page uses the "first" header/footer
    bool evenAndOdd = false; // even pages use the "even" header/footer
    int pageNumberStart = -1; // restart page numbers at this value (-1: continue)
};
enum HeaderKind { DefaultHeader = 0, FirstHeader = 1, EvenHeader = 2 };

class FlowDocument;

// Makes `table` at least `rows` rows long. Rows are added in growing batches: every structural
// change makes QTextTable rebuild its whole cell grid, so one row at a time would be quadratic.
// trimRows() drops the spare rows once the table is complete.
void growRows(QTextTable *table, int rows);
void trimRows(QTextTable *table, int rows);
// Merges a span of table cells and drops the empty paragraphs the merged cells bring along.
void mergeTableCells(QTextTable *table, int row, int column, int rows, int columns);
// Gives the unused block at `cursor` its formats. In a table cell's first block only the
// cursor's format is set: the block's char format there is the cell's own format.
void formatFreshBlock(QTextCursor &cursor, const QTextBlockFormat &block, const QTextCharFormat &chars);
// A cursor on the first block after `frame` (a table or a text box) in its parent frame.
QTextCursor cursorAfter(QTextFrame *frame);

// Reads a document's body in steps, appending to the FlowDocument's current section, so the
// first pages show before the rest is read (StreamingPages).
class FlowReader
{
public:
    virtual ~FlowReader() = default;
    // Appends the next piece (some paragraphs or a table). Called until atEnd(); the reader
    // appends notes and comments gathered along the way before reporting its end.
    virtual Status readMore(const CancellationToken &token) = 0;
    virtual bool atEnd() const = 0;
    // Reads what the body needs before its first paragraph: styles, numbering, sections, page setup.
    virtual Status prepare(const CancellationToken &token) = 0;
};

// A word-processing document laid out on pages: sections of QTextDocuments paginated at their
// own page size and margins, headers and footers drawn in the margins with their page fields
// substituted per page, outline from headings. Filled by a FlowReader (DOCX or ODT).
class FlowDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::wordprocessing::FlowDocument)
public:
    // Opens a document through the reader `makeReader` creates for it (DOCX or ODT): the reader
    // prepares (styles, numbering, sections), then the first page is read and laid out.
    static Result<std::unique_ptr<Document>> create(const QString &formatId, std::unique_ptr<office::Package> package,
        const QString &formatName, const QString &mimeType, const Limits &limits, RenderOptions options,
        const std::function<std::unique_ptr<FlowReader>(FlowDocument &)> &makeReader, const CancellationToken &token,
        const ProgressCallback &progress);
    FlowDocument(const Limits &limits, std::unique_ptr<office::Package> package, RenderOptions options);
    ~FlowDocument() override;

    // --- For readers ---
    office::Package &package() { return *m_package; }
    office::ImageStore &images() { return *m_images; }
    RenderOptions options() const { return m_options; }
    // Converts points into the unit QTextDocument formats use for lengths (see formatLengthScale()).
    qreal px(qreal points) const { return points / m_lengthScale; }
    std::shared_ptr<FlowTextDocument> newTextDocument();
    // Inserts the text boxes anchored in the paragraph just written, each as a framed block at
    // its own width, at `cursor`; empties `boxes`. The block after a frame is empty: `fresh` says
    // the next paragraph takes it.
    void insertTextBoxes(QTextCursor &cursor, bool &fresh, QList<std::shared_ptr<FlowTextDocument>> &boxes);
    // A picture of `points` size; `path` "" draws a placeholder.
    QTextImageFormat pictureFormat(const QString &path, QSizeF points);
    // A chart of `points` size, drawn as vectors (an object character: insert it with
    // QTextCursor::insertText(QChar::ObjectReplacementCharacter, format)).
    QTextCharFormat chartFormat(std::shared_ptr<const office::Chart> chart, QSizeF points);
    static constexpr int ChartObject = QTextFormat::UserObject + 1;
    // A SmartArt diagram of `points` size, drawn as vectors (an object character like a chart's);
    // its words are the character's text (text::ObjectTextProperty).
    QTextCharFormat diagramFormat(std::shared_ptr<const presentation::Diagram> diagram, QSizeF points);
    static constexpr int DiagramObject = QTextFormat::UserObject + 2;
    // An equation set at `pointSize`, drawn as vectors (an object character, as a chart's). An
    // inline one sits on the baseline; the object's text (text::ObjectTextProperty) is its linear form.
    QTextCharFormat formulaFormat(std::shared_ptr<const office::math::Formula> formula, qreal pointSize);
    static constexpr int MathObject = QTextFormat::UserObject + 7;
    // A footnote (DOCX w:footnoteReference, ODF text:note of class footnote): the format of its
    // mark, `format` raised as a superscript and carrying the note, whose `body` is drawn at the
    // foot of the page the mark is laid out on, above a short rule. The page ends early to make
    // room for it; a mark in a header or footer gives no note (pass no body).
    QTextCharFormat footnoteMark(QTextCharFormat format, std::shared_ptr<FlowTextDocument> body);
    // At most this many footnotes are kept; the marks of the rest show without their note.
    static constexpr int MaxFootnotes = 20000;
    // Starts a section on a new page; the first call sets up the first section.
    void startSection(const SectionSetup &setup);
    // The cursor at the end of the current section's text.
    QTextCursor &cursor() { return m_cursor; }
    // True while the current section has no content yet (its first block is still to be used).
    bool &sectionFresh() { return m_fresh; }
    // A heading at the cursor's current block.
    void addHeading(const QString &title, int level);
    // A bookmark (DOCX w:bookmarkStart, ODF text:bookmark) named `name` at `cursor`, the target of
    // "#name" links. Only bookmarks in the body's text count (not in headers, notes kept apart or
    // text boxes); the first of a name wins.
    void addBookmark(const QString &name, const QTextCursor &cursor);
    // A comment (DOCX w:comment, ODF office:annotation): annotations() lists it as a note on the
    // page of its anchor, whether or not RenderComments lays comments out.
    struct Comment
    {
        QString author;
        QDateTime date;
        QString text;
    };
    // At most this many comments are kept; the rest are counted in the log.
    static constexpr int MaxComments = 10000;
    // Anchors comment `id` at `cursor`. The first anchor of an id wins; anchors outside the body's
    // text (headers, notes, text boxes) are not kept.
    void anchorComment(const QString &id, const QTextCursor &cursor);
    // What comment `id` says; a comment never anchored is not listed.
    void describeComment(const QString &id, Comment comment);
    // For readers taking back a cancelled step: the anchors from `count` on are dropped.
    qsizetype commentAnchorCount() const { return m_commentAnchors.size(); }
    void dropCommentAnchors(qsizetype count);
    void setReader(std::unique_ptr<FlowReader> reader) { m_reader = std::move(reader); }
    // Lets the layout take what a step has added so far. Readers call it between the pieces of a
    // long table: QTextDocumentLayout lays a table out at once when its edit block ends, so one
    // 5,000-row table in one block is ~0.6 s that no token can interrupt.
    void flushEdits()
    {
        if (m_inBatch) {
            m_batch.endEditBlock();
            m_batch.beginEditBlock();
        }
    }
    void setDocumentFormat(const QString &id, const QString &name, const QString &mimeType)
    {
        setFormat(id, name, mimeType);
    }
    // Counts page fields in headers and footers: NUMPAGES needs every page laid out before drawing.
    void setUsesPageCount() { m_usesPageCount = true; }

protected:
    int doPageCount() const override { return m_pageCount; }
    bool doIsPageCountFinal() const override { return !m_reader || m_reader->atEnd(); }
    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress) override;
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    // The pictures of the page painted last, its header's and footer's included (render() asks
    // right after painting).
    QList<QRectF> doPictureRects(int index, const CancellationToken &token) const override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Status doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override;
    Result<QList<Annotation>> doAnnotations(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }

private:
    std::pair<int, QList<QRectF>> m_paintedPictures {-1, {}}; // page, its pictures (doPaint())
    struct Section
    {
        SectionSetup setup;
        std::shared_ptr<FlowTextDocument> document;
        int firstPage = 0;
        int pageCount = 0; // pages laid out so far
        int firstNumber = 1; // number shown on its first page
        QList<std::pair<int, int>> blockPages; // cached per-block pages (see indexBlockPages())
        bool blockPagesValid = false;
        // Footnotes: the notes at the foot of each page, and where they start (in the page's
        // content coordinates); pages from notesFrom on are still to be placed, looked for
        // from block number noteScan on.
        struct PageNotes
        {
            QList<int> notes;
            qreal top = 0;
        };
        std::vector<PageNotes> pageNotes;
        int notesFrom = 0;
        int noteScan = 0;
    };
    struct Bookmark
    {
        int section = 0;
        int position = 0;
    };
    struct CommentAnchor
    {
        QString id;
        int section = 0;
        int position = 0;
    };
    struct Heading
    {
        QString title;
        int level = 0;
        int section = 0;
        int position = 0;
    };

    // QTextDocuments are QObjects: they create their children (frames, tables, lists, their
    // layout's timers) in the thread they belong to, and a FlowDocument goes from worker to worker
    // between calls (one at a time). So each call takes every text document into its own thread
    // and lets go of it (no thread) on return; nested calls share the outermost one's hold.
    class ThreadHold
    {
    public:
        explicit ThreadHold(FlowDocument &flow);
        ~ThreadHold();
        ThreadHold(const ThreadHold &) = delete;
        ThreadHold &operator=(const ThreadHold &) = delete;

    private:
        FlowDocument &m_flow;
    };
    void moveTextDocuments(QThread *thread);

    Status layOutTail(const CancellationToken &token);
    // Places the footnotes of the section's pages not placed yet, moving text to later pages to
    // make room for them.
    Status placeFootnotes(size_t sectionIndex, const CancellationToken &token);
    // The height the notes take at the foot of a page `width` wide, their separator included.
    qreal footnotesHeight(const QList<int> &notes, qreal width);
    const Section::PageNotes *pageNotes(const Section &section, int index) const;
    void paintFootnotes(QPainter &painter, const Section &section, int index, const QColor &ink, double dpi,
        const CancellationToken &token);
    // Positions kept of the text of section `section` (headings, bookmarks, comment anchors) from
    // `from` on move by `by` (a paragraph was split).
    void shiftPositions(int section, int from, int by);
    void countPages();
    int sectionOf(int page) const;
    Section &sectionAt(int page) { return m_sections[size_t(sectionOf(page))]; }
    const QList<std::pair<int, int>> &blockPages(Section &section);
    // The header or footer of page `index` (in `section`), fields set for that page; nullptr if none.
    FlowTextDocument *marginDocument(Section &section, int index, bool footer);
    void prepareMargin(FlowTextDocument &document, int index, qreal width);
    qreal marginTop(const Section &section, FlowTextDocument &document, bool footer) const;
    int pageNumber(int index) const;
    // The page of bookmark `name`, reading on until it is found and its page is final; -1 when
    // the document has no such bookmark.
    Result<int> bookmarkPage(const QString &name, const CancellationToken &token);

    // An embedded object's size: at least half an inch, within the text area of the current section.
    QSizeF objectSize(QSizeF points) const;

    std::unique_ptr<office::Package> m_package;
    std::unique_ptr<office::ImageStore> m_images;
    RenderOptions m_options;
    QImage m_pointDevice;
    qreal m_lengthScale = 1;
    FlowTextDocument::PictureTable m_pictures;
    std::vector<std::shared_ptr<const office::Chart>> m_charts; // by ChartObject's index property
    std::vector<std::shared_ptr<const presentation::Diagram>> m_diagrams; // by DiagramObject's index property
    std::vector<std::shared_ptr<FlowTextDocument>> m_footnotes; // by FootnoteProperty
    std::vector<std::shared_ptr<const office::math::Formula>> m_formulas; // by MathObjectHandler::IndexProperty
    std::vector<Section> m_sections;
    std::unique_ptr<FlowReader> m_reader;
    QTextCursor m_cursor;
    bool m_fresh = true;
    QList<Heading> m_headings;
    QHash<QString, Bookmark> m_bookmarks;
    QList<CommentAnchor> m_commentAnchors; // in the order read
    QHash<QString, qsizetype> m_anchoredComments; // id → index in m_commentAnchors
    QHash<QString, Comment> m_comments;
    Metadata m_metadata;
    int m_pageCount = 0;
    bool m_usesPageCount = false;
    QFont m_defaultFont;
    QTextCursor m_batch; // holds the edit block of the section being filled (one relayout per step)
    bool m_inBatch = false;
    std::vector<std::weak_ptr<FlowTextDocument>> m_textDocuments; // every one newTextDocument() made
    int m_holds = 0; // ThreadHolds alive (nested calls)

public:
    void setMetadata(Metadata metadata) { m_metadata = std::move(metadata); }
    // The font of text without a font of its own; call before the first section.
    void setDefaultFont(const QFont &font) { m_defaultFont = font; }
};

} // namespace folio::wordprocessing
