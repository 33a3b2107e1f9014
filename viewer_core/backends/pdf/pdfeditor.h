// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace folio {

// Changes PdfEditor writes into a copy of a PDF. Places are in points on the upright page, as
// Document reports them (TextBox::rect, Annotation::rect); pages are 0-based.
struct PdfEdits
{
    // A new highlight, underline, strike-out or squiggly line over `quads`: the marked regions,
    // one per line of text usually.
    struct Markup
    {
        Annotation::Type type = Annotation::Type::Highlight;
        int page = 0;
        QList<QRectF> quads;
        QColor color = QColor(255, 230, 0);
        QString author;
        QString contents;
    };
    // A new sticky note (Annotation::Type::Text) whose icon's top left corner is at `position`.
    struct Note
    {
        int page = 0;
        QPointF position;
        QString contents;
        QString author;
        QColor color = QColor(255, 230, 0);
    };
    // A form field's new value, the field named by its FormField::id. What counts depends on the
    // field: a text field takes `text`; a check box or a radio button `checked` (checking a radio
    // button unchecks the others of its group); a combo box or a list box `choices`, the texts
    // of the options to select (one unless the list allows several; an editable combo box also
    // takes one text that is none of its options).
    struct FieldValue
    {
        QString fieldId;
        QString text;
        bool checked = false;
        QStringList choices;
    };

    QList<Markup> markups;
    QList<Note> notes;
    QList<FieldValue> fields;
    // Annotations to delete, by Annotation::id. Only those Folio made (ids that start with
    // PdfEditor::idPrefix()) may be deleted.
    QStringList removals;

    bool isEmpty() const { return markups.isEmpty() && notes.isEmpty() && fields.isEmpty() && removals.isEmpty(); }
};

// Writes a copy of a PDF with new annotations, filled-in form fields and Folio's own annotations
// deleted, through Poppler. The copy is written under a temporary name beside the destination,
// loaded again and checked (same pages, every edit there), and only then renamed to the
// destination: a failed, refused or cancelled call leaves no file. The source is never written:
// a destination that is the source (by any name or link) is refused.
//
// Threads: writeCopy() blocks for as long as Poppler works and may be called from any thread, for
// several requests at once; run it on a worker, never on the GUI thread. The token is checked
// between the steps; Poppler's own steps (load, save) run through callDetached(), so Cancel
// returns at once.
class PdfEditor
{
    Q_DECLARE_TR_FUNCTIONS(folio::PdfEditor)
public:
    struct Request
    {
        QString source; // the PDF to copy (read when sourceData is empty, and compared with destination)
        QByteArray sourceData; // its bytes, when the caller has them already
        QString password; // of an encrypted source
        QString destination; // the copy; an existing file is replaced
        PdfEdits edits;
        Limits limits;
    };

    // The start of the ids (PDF /NM) of the annotations Folio makes.
    static QString idPrefix();

    // Writes the copy. Returns the ids given to the new annotations: the markups', then the
    // notes', in the order of the request.
    static Result<QStringList> writeCopy(const Request &request, const CancellationToken &token);
};

} // namespace folio
