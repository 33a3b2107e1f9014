// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"
#include "pagecolors.h"
#include "safetylimits.h"
#include "status.h"

#include <QColor>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QPair>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;
class QPainter;
class QTextDocument;

namespace folio {

// Progress of a long call: `done` of `total` units (pages or bytes); total < 0 when unknown.
// Called on the worker thread; must be cheap and thread-safe on the receiver's side.
using ProgressCallback = std::function<void(qint64 done, qint64 total)>;

enum class RenderOption {
    None = 0,
    RenderComments = 0x1, // draw comments/annotations' popups where a format has them
    RenderNotes = 0x2, // speaker notes of presentations
    RenderHiddenPages = 0x4, // hidden sheets / slides
    // Spreadsheets: print the grid, and column letters and row numbers, on every sheet even where
    // the file's print settings leave them out (without: as each sheet says).
    RenderGridLines = 0x8,
    RenderHeadings = 0x10,
    // Word processing: tracked changes as markup (insertions underlined, deletions struck through,
    // in colour) instead of the text as it would be with every change accepted.
    RenderTrackedChanges = 0x20,
};
Q_DECLARE_FLAGS(RenderOptions, RenderOption)

// What to render: a cheap value type that travels to worker threads.
struct RenderRequest
{
    double dpi = 96.0; // pixels per inch; 72 means one pixel per point
    int rotation = 0; // clockwise, multiple of 90
    QColor background = Qt::white;
    RenderOptions options = RenderOption::None;
    // Night modes and paper colours, applied to the rendered page by render() (not by paint()).
    PageColors colors;

    // The DPI at which a page of `pageSize` points is `pixels` wide (or high).
    static double dpiForWidth(QSizeF pageSize, int pixels);
    static double dpiForHeight(QSizeF pageSize, int pixels);
};

struct OutlineItem
{
    QString title;
    int page = -1; // 0-based target page, -1 when the entry has none
    QList<OutlineItem> children;
};

struct AttachmentInfo
{
    QString name; // file name
    QString path; // full path inside the container (equals name for flat lists)
    qint64 size = -1; // bytes, -1 when unknown
    QString description; // optional
};

// One word (or run of text without spaces) on a page and where it sits: `rect` is in points in
// the upright page's coordinates (origin top left, before any request.rotation), so the GUI can
// map it onto a rendered page at any zoom and rotation.
struct TextBox
{
    QString text;
    QRectF rect;
    // A space (or line break when the next box starts a new line) follows this box in reading order.
    bool spaceAfter = true;
    bool lineEnd = false;
};

// A link on a page: where it sits (`rect`, in points on the upright page like TextBox::rect) and
// where it leads. Which fields are set depends on `kind`.
struct Link
{
    enum class Kind {
        GoTo, // a place in this document: `page`, and `top` when the target names a height
        Uri, // an address (`uri`) for another program: a web page, an e-mail, whatever the file says
        RemoteGoTo, // a page of another file: `uri` is its file name as written, `page` may be -1
        Named, // a viewer action: `action`
    };
    enum class Action { None, FirstPage, PreviousPage, NextPage, LastPage, Back, Forward };

    QRectF rect;
    Kind kind = Kind::GoTo;
    int page = -1; // 0-based target page
    double top = -1; // the target's height from the top of `page` in points, -1 for none
    QString uri;
    Action action = Action::None;
    QString tooltip; // what the document says about the link (may be empty)

    friend bool operator==(const Link &, const Link &) = default;
};

// A note, a highlight, a drawing or a stamp someone put on a page (PDF annotations, the speaker
// notes of slides). Links are not annotations (see Link), nor are form fields. Rectangles are in
// points on the upright page like TextBox::rect. Which fields are set depends on the format.
struct Annotation
{
    Q_DECLARE_TR_FUNCTIONS(folio::Annotation)
public:
    enum class Type {
        Text, // a sticky note: an icon that opens `contents`
        FreeText, // text written on the page itself
        Highlight,
        Underline,
        StrikeOut,
        Squiggly,
        Ink, // free-hand drawing
        Stamp,
        Line, // a line or an open polyline
        Square,
        Circle,
        Polygon,
        FileAttachment,
        Caret, // an insertion mark
        Other, // sound, movie, 3D and the like: known to be there, not shown by Folio
    };

    Type type = Type::Other;
    int page = -1; // 0-based
    QRectF rect;
    // Text markup (highlight, underline, strike-out, squiggly): the marked regions, one per line
    // of text usually; empty for other types.
    QList<QRectF> quads;
    QString author;
    QDateTime modified; // invalid when unknown
    QDateTime created; // invalid when unknown; PDF: the modification date when the file gives none
    QString contents;
    QString subject; // a short title some applications give (PDF /Subj); often empty
    QColor color; // invalid when the annotation has none
    QString id; // the document's unique name for it (PDF /NM); may be empty

    // A stable lowercase identifier for logs, JSON and the CLI: "note", "free-text", "highlight",
    // "underline", "strike-out", "squiggly", "ink", "stamp", "line", "square", "circle",
    // "polygon", "file-attachment", "caret", "other".
    static QString typeName(Type type);
    // The translated name people see: "Note", "Highlight", ...
    static QString typeTitle(Type type);

    friend bool operator==(const Annotation &, const Annotation &) = default;
};

// A field of a fillable form (PDF AcroForm) as one of its widgets shows it: `rect` in points on
// the upright page like TextBox::rect. A field shown by several widgets (the buttons of a radio
// group) is one FormField per widget; radio buttons of one group share `buttonGroup`.
struct FormField
{
    enum class Type { Text, CheckBox, RadioButton, PushButton, ComboBox, ListBox, Signature, Other };

    // What PdfEdits::FieldValue::fieldId takes: the fully qualified name ("address.city"),
    // followed by "#N" for each button of a group ("color#1").
    QString id;
    QString name; // the field's own, partial name
    Type type = Type::Other;
    int page = -1; // 0-based
    QRectF rect;
    QString value; // a text field's text; a choice field's (first) chosen or typed text
    bool checked = false; // check boxes and radio buttons
    QStringList choices; // combo and list boxes: the options, as shown
    QStringList selectedChoices;
    bool readOnly = false;
    bool multiline = false;
    bool password = false;
    int maxLength = -1; // characters a text field takes; -1: no limit
    bool editableCombo = false; // a combo box that also takes a text of the user's
    bool multiSelect = false; // a list box that takes several choices
    QString buttonGroup; // radio buttons: the group's name, the same for every button of the group
    QString tooltip; // what the form says about the field (PDF /TU); may be empty

    friend bool operator==(const FormField &, const FormField &) = default;
};

// Which kind of form a document has. Folio reads and fills AcroForms; an XFA form (drawn by its
// producer's own program from an XML description) is recognised but not shown.
enum class FormType { None, AcroForm, Xfa };

// A part of a flow document's text shown on one page: the characters [from, to) of `document`
// (a range of its QTextCursor positions). Valid only during the visitor call that receives it.
struct FlowFragment
{
    enum class Role { Body, Header, Footer };
    const QTextDocument *document = nullptr;
    int from = 0;
    int to = 0;
    Role role = Role::Body;
};
// Receives the fragments of a page in reading order; a failed status stops the visit.
using FlowVisitor = std::function<Status(const FlowFragment &)>;

// Ordered key/value pairs. Common keys: Title, Author, Subject, Keywords, Creator, Producer,
// CreationDate, ModificationDate (ISO 8601), plus format-specific ones.
using Metadata = QList<QPair<QString, QString>>;

enum class Capability {
    None = 0,
    Text = 0x1,
    Outline = 0x2,
    Attachments = 0x4,
    // render() may be called from several threads at once on one instance.
    ThreadSafeRender = 0x8,
    // The page count is discovered while reading (see ensurePages()).
    StreamingPages = 0x10,
    // textBoxes() gives word positions (search highlights, text selection).
    TextLayout = 0x20,
    // Attachments are files in folders (archive entries): AttachmentInfo::path is a relative path
    // whose folders extracting them recreates.
    AttachmentFolders = 0x40,
    // paint() draws pages with QPainter in points: vector output (PDF export) with real text.
    VectorPaint = 0x80,
    // visitFlow() hands out the page's text as QTextDocument ranges (semantic HTML export).
    FlowContent = 0x100,
    // Which pages there are and what they show depend on the RenderOptions given at open
    // (comments, speaker notes, hidden sheets and slides): other options need the file opened again.
    ViewOptions = 0x200,
    // links() gives the links of pages.
    Links = 0x400,
    // annotations() gives the annotations of pages.
    Annotations = 0x800,
    // formFields() gives the fields of a fillable form.
    Forms = 0x1000,
};
Q_DECLARE_FLAGS(Capabilities, Capability)

// An open document. Public calls are not virtual: they validate arguments, enforce the limits and
// the token, then call the protected do*() hook a backend implements.
//
// Threads: a Document is not thread-safe; use it from one thread at a time (any thread). Only
// render() may run concurrently, and only when capabilities() has ThreadSafeRender. To render in
// parallel otherwise, open one instance per worker (Viewer::openInstance()).
class Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::Document)
public:
    virtual ~Document();
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    QString formatId() const { return m_formatId; } // "pdf", "image", "text", ...
    QString formatName() const { return m_formatName; } // "PDF document"
    QString mimeType() const { return m_mimeType; }
    Capabilities capabilities() const { return m_capabilities; }
    bool isEncrypted() const { return m_encrypted; }
    // The document reads right to left (a manga's ComicInfo.xml, an EPUB's spine): facing pages
    // go right to left.
    bool isRightToLeft() const { return m_rightToLeft; }
    const Limits &limits() const { return m_limits; }

    // Pages known so far. Exact unless isPageCountFinal() is false (streaming formats).
    int pageCount() const;
    bool isPageCountFinal() const;
    // Makes at least `count` pages known (or all when count < 0), reading as far as needed.
    Status ensurePages(int count, const CancellationToken &token, const ProgressCallback &progress = {});

    // Size of a known page in points (1/72 in), before rotation. Invalid for an unknown index.
    QSizeF pageSize(int index) const;
    // The pixel size render() would produce for this request.
    QSize renderSize(int index, const RenderRequest &request) const;

    Result<QImage> render(int index, const RenderRequest &request, const CancellationToken &token);
    // Draws page `index` upright with `painter`, whose unit must be the point and whose origin
    // is the page's top left corner, over a background the caller has filled (request.background
    // picks the ink). request.dpi is the resolution pictures are decoded at; request.rotation
    // must be 0. Unsupported unless capabilities() has VectorPaint.
    Status paint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token);
    // Calls `visitor` with the text of page `index` as QTextDocument ranges (header, body
    // fragments, footer), pictures loadable through QTextDocument::resource() at `imageDpi`.
    // Unsupported unless capabilities() has FlowContent.
    Status visitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token);
    Result<QString> text(int index, const CancellationToken &token);
    // The words of page `index` with their positions, in reading order. Unsupported unless
    // capabilities() has TextLayout.
    Result<QList<TextBox>> textBoxes(int index, const CancellationToken &token);
    // The links of page `index`, in the order the document lists them. Empty unless
    // capabilities() has Links.
    Result<QList<Link>> links(int index, const CancellationToken &token);
    // The annotations of page `index`, in the order the document lists them (see Annotation).
    // Empty unless capabilities() has Annotations. A page with more than
    // limits().maxAnnotationsPerPage is refused with LimitExceeded.
    Result<QList<Annotation>> annotations(int index, const CancellationToken &token);
    // The form fields whose widgets are on page `index`, in the page's order. Empty unless
    // capabilities() has Forms. More than limits().maxAnnotationsPerPage: LimitExceeded.
    Result<QList<FormField>> formFields(int index, const CancellationToken &token);
    // Whether the document is a form, and of which kind: read at open. A document whose form is
    // XFA only has no formFields(); one that has both is an AcroForm.
    FormType formType() const { return m_formType; }
    // The page's own name where the document gives pages names ("iv", "A-3": PDF /PageLabels);
    // empty for a document without, or for an unknown index. Cheap: read at open.
    QString pageLabel(int index) const;
    Result<QList<OutlineItem>> outline(const CancellationToken &token);
    Metadata metadata() const;
    QList<AttachmentInfo> attachments() const;
    // Writes attachment `index` to `out` (which must be open for writing). The caller owns `out`.
    Status saveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress = {});

protected:
    explicit Document(const Limits &limits);

    void setFormat(const QString &id, const QString &name, const QString &mimeType);
    void setCapabilities(Capabilities capabilities) { m_capabilities = capabilities; }
    void setEncrypted(bool encrypted) { m_encrypted = encrypted; }
    void setRightToLeft(bool rightToLeft) { m_rightToLeft = rightToLeft; }
    void setFormType(FormType type) { m_formType = type; }

    virtual int doPageCount() const = 0;
    virtual bool doIsPageCountFinal() const { return true; }
    virtual Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress);
    virtual QSizeF doPageSize(int index) const = 0;
    // Renders page `index` at request.dpi. `index` is valid and request.rotation is always 0:
    // the base class rotates, so renderSize(index, request) is the canvas to draw on.
    virtual Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) = 0;
    virtual Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token);
    virtual Status doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token);
    virtual Result<QString> doText(int index, const CancellationToken &token);
    virtual Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token);
    virtual Result<QList<Link>> doLinks(int index, const CancellationToken &token);
    // The annotations of page `index`; the base class sets each one's `page`.
    virtual Result<QList<Annotation>> doAnnotations(int index, const CancellationToken &token);
    // The form fields of page `index`; the base class sets each one's `page`.
    virtual Result<QList<FormField>> doFormFields(int index, const CancellationToken &token);
    virtual QString doPageLabel(int) const { return {}; }
    // Where page `index` has pictures, in points on the upright page: left as they are by
    // PageColors::keepPictures. A photo or a comic page is one picture; empty: none known, or
    // not found before `token` was cancelled.
    virtual QList<QRectF> doPictureRects(int, const CancellationToken &) const { return {}; }
    virtual Result<QList<OutlineItem>> doOutline(const CancellationToken &token);
    virtual Metadata doMetadata() const { return {}; }
    virtual QList<AttachmentInfo> doAttachments() const { return {}; }
    virtual Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress);

private:
    Status checkPage(int index) const;

    Limits m_limits;
    QString m_formatId;
    QString m_formatName;
    QString m_mimeType;
    Capabilities m_capabilities = Capability::None;
    bool m_encrypted = false;
    bool m_rightToLeft = false;
    FormType m_formType = FormType::None;
};

} // namespace folio

Q_DECLARE_OPERATORS_FOR_FLAGS(folio::RenderOptions)
Q_DECLARE_OPERATORS_FOR_FLAGS(folio::Capabilities)
