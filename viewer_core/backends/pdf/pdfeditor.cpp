// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfeditor.h"

#include "pdfforms.h"
#include "pdfgeometry.h"
#include "popplermessages.h"

#include "chunkedio.h"
#include "detachedcall.h"
#include "exporters/stagedoutput.h"
#include "viewer.h"

#include <poppler-annotation.h>
#include <poppler-form.h>
#include <poppler-qt6.h>

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUuid>

#include <map>
#include <memory>

namespace folio {

namespace {

// A sticky note's icon, as Acrobat and Okular draw it.
constexpr double NoteIconSize = 24;

Poppler::HighlightAnnotation::HighlightType popplerHighlightType(Annotation::Type type)
{
    switch (type) {
    case Annotation::Type::Underline:
        return Poppler::HighlightAnnotation::Underline;
    case Annotation::Type::StrikeOut:
        return Poppler::HighlightAnnotation::StrikeOut;
    case Annotation::Type::Squiggly:
        return Poppler::HighlightAnnotation::Squiggly;
    default:
        return Poppler::HighlightAnnotation::Highlight;
    }
}

bool isMarkup(Annotation::Type type)
{
    return type == Annotation::Type::Highlight || type == Annotation::Type::Underline
        || type == Annotation::Type::StrikeOut || type == Annotation::Type::Squiggly;
}

// What verification looks for in the copy: an annotation of this subtype and id on this page.
struct Created
{
    int page = 0;
    QString id;
    Poppler::Annotation::SubType subType = Poppler::Annotation::AText;
    QString contents;
};

// A field's value as written, and how to check it in the copy.
struct Filled
{
    PdfEdits::FieldValue value;
    Poppler::FormField::FormType type = Poppler::FormField::FormText;
};

struct EditPlan
{
    QByteArray data;
    QByteArray password;
    PdfEdits edits;
    QStringList ids; // of the new annotations: markups, then notes
};

// The result of a Poppler session: the new file's bytes and the source's page count.
struct EditedPdf
{
    QByteArray data;
    int pageCount = 0;
    QList<Created> created;
    QList<Filled> filled;
};

Result<std::unique_ptr<Poppler::Document>> loadForEditing(const QByteArray &data, const QByteArray &password)
{
    pdf::PopplerMessages messages;
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(data, password, password);
    if (!document)
        return Status(StatusCode::Corrupt, PdfEditor::tr("Not a readable PDF file") + messages.suffix());
    if (document->isLocked())
        return Status(StatusCode::NeedsPassword,
            password.isEmpty() ? PdfEditor::tr("The PDF is encrypted and needs a password")
                               : PdfEditor::tr("The password is not correct for this PDF"));
    return document;
}

Status checkEditedPage(int page, const Poppler::Document &document)
{
    if (page < 0 || page >= document.numPages())
        return {StatusCode::InvalidArgument,
            PdfEditor::tr("Page %1 does not exist (the document has %2)")
                .arg(page + 1)
                .arg(pagesText(document.numPages()))};
    return {};
}

// Sets what every new annotation has, after it is on its page (Poppler writes only then).
void describeAnnotation(Poppler::Annotation &annotation, const QString &id, const QString &author,
    const QString &contents, const QColor &color)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    annotation.setAuthor(author);
    annotation.setContents(contents);
    annotation.setUniqueName(id);
    annotation.setCreationDate(now);
    Poppler::Annotation::Style style = annotation.style();
    style.setColor(color.isValid() ? color : QColor(255, 230, 0));
    annotation.setStyle(style);
    annotation.setModificationDate(now);
}

Status addMarkup(Poppler::Document &document, const PdfEdits::Markup &markup, const QString &id)
{
    if (Status s = checkEditedPage(markup.page, document); !s)
        return s;
    if (!isMarkup(markup.type))
        return {StatusCode::InvalidArgument,
            PdfEditor::tr("A %1 is not a text markup (highlight, underline, strike-out or squiggly)")
                .arg(Annotation::typeName(markup.type))};
    const std::unique_ptr<Poppler::Page> page = document.page(markup.page);
    if (!page)
        return {StatusCode::Corrupt, PdfEditor::tr("Page %1 cannot be read").arg(markup.page + 1)};
    const QSizeF size = page->pageSizeF();
    QRectF bounds;
    QList<Poppler::HighlightAnnotation::Quad> quads;
    for (const QRectF &rect : markup.quads) {
        if (!pdf::isFinite(rect) || rect.isEmpty())
            continue;
        bounds = bounds.united(rect);
        Poppler::HighlightAnnotation::Quad quad;
        quad.points[0] = pdf::pageFraction(rect.topLeft(), size);
        quad.points[1] = pdf::pageFraction(rect.topRight(), size);
        quad.points[2] = pdf::pageFraction(rect.bottomRight(), size);
        quad.points[3] = pdf::pageFraction(rect.bottomLeft(), size);
        quad.capStart = false;
        quad.capEnd = false;
        quad.feather = 0.1;
        quads.append(quad);
    }
    if (quads.isEmpty())
        return {StatusCode::InvalidArgument,
            PdfEditor::tr("The %1 on page %2 marks no region")
                .arg(Annotation::typeName(markup.type))
                .arg(markup.page + 1)};
    Poppler::HighlightAnnotation annotation;
    annotation.setHighlightType(popplerHighlightType(markup.type));
    annotation.setBoundary(pdf::pageFractions(bounds, size));
    page->addAnnotation(&annotation);
    annotation.setBoundary(pdf::pageFractions(bounds, size));
    annotation.setHighlightQuads(quads);
    describeAnnotation(annotation, id, markup.author, markup.contents, markup.color);
    return {};
}

Status addNote(Poppler::Document &document, const PdfEdits::Note &note, const QString &id)
{
    if (Status s = checkEditedPage(note.page, document); !s)
        return s;
    const std::unique_ptr<Poppler::Page> page = document.page(note.page);
    if (!page)
        return {StatusCode::Corrupt, PdfEditor::tr("Page %1 cannot be read").arg(note.page + 1)};
    const QSizeF size = page->pageSizeF();
    if (!std::isfinite(note.position.x()) || !std::isfinite(note.position.y()))
        return {StatusCode::InvalidArgument, PdfEditor::tr("The note on page %1 has no place").arg(note.page + 1)};
    const QRectF icon(note.position, QSizeF(NoteIconSize, NoteIconSize));
    Poppler::TextAnnotation annotation(Poppler::TextAnnotation::Linked);
    annotation.setTextIcon(QStringLiteral("Note"));
    annotation.setBoundary(pdf::pageFractions(icon, size));
    page->addAnnotation(&annotation);
    // Poppler makes a note's icon keep its size and orientation (NoZoom, NoRotate) but places it
    // by those flags only when they are set on its side too; set, the icon lands where asked on
    // a turned page as well. The boundary must follow the flags.
    annotation.setFlags(annotation.flags() | Poppler::Annotation::FixedSize | Poppler::Annotation::FixedRotation);
    annotation.setBoundary(pdf::pageFractions(icon, size));
    describeAnnotation(annotation, id, note.author, note.contents, note.color);
    return {};
}

// Deletes the annotations whose ids are in `ids` (Folio's own only); every one must be found.
Status removeAnnotations(Poppler::Document &document, const QStringList &ids, const CancellationToken &token)
{
    QSet<QString> missing;
    for (const QString &id : ids) {
        if (!id.startsWith(PdfEditor::idPrefix()))
            return {StatusCode::InvalidArgument,
                PdfEditor::tr("The annotation \"%1\" was not made by Folio; Folio deletes only its own").arg(id)};
        missing.insert(id);
    }
    for (int index = 0; index < document.numPages() && !missing.isEmpty(); ++index) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const std::unique_ptr<Poppler::Page> page = document.page(index);
        if (!page)
            continue;
        std::vector<std::unique_ptr<Poppler::Annotation>> annotations = page->annotations();
        for (auto &annotation : annotations) {
            if (!annotation || !missing.contains(annotation->uniqueName()))
                continue;
            missing.remove(annotation->uniqueName());
            // removeAnnotation() destroys the object it is given.
            page->removeAnnotation(annotation.release());
        }
    }
    if (!missing.isEmpty())
        return {StatusCode::InvalidArgument,
            PdfEditor::tr("The document has no annotation \"%1\" to delete").arg(*missing.constBegin())};
    return {};
}

// The option indices of `wanted` among the field's choices; -1 for a text that is none of them.
QList<int> choiceIndices(const Poppler::FormFieldChoice &field, const QStringList &wanted)
{
    const QStringList choices = field.choices();
    QList<int> indices;
    for (const QString &text : wanted)
        indices.append(int(choices.indexOf(text)));
    return indices;
}

Status fillField(Poppler::FormField &field, const PdfEdits::FieldValue &value)
{
    const QString id = pdf::formFieldId(field);
    if (field.isReadOnly())
        return {StatusCode::InvalidArgument, PdfEditor::tr("The form field \"%1\" is read-only").arg(id)};
    switch (field.type()) {
    case Poppler::FormField::FormText:
        static_cast<Poppler::FormFieldText &>(field).setText(value.text);
        return {};
    case Poppler::FormField::FormButton: {
        auto &button = static_cast<Poppler::FormFieldButton &>(field);
        if (button.buttonType() == Poppler::FormFieldButton::Push)
            return {StatusCode::InvalidArgument, PdfEditor::tr("The form field \"%1\" is a push button").arg(id)};
        button.setState(value.checked);
        return {};
    }
    case Poppler::FormField::FormChoice: {
        auto &choice = static_cast<Poppler::FormFieldChoice &>(field);
        if (value.choices.size() > 1 && !choice.multiSelect())
            return {StatusCode::InvalidArgument,
                PdfEditor::tr("The form field \"%1\" takes one choice, not %2").arg(id).arg(value.choices.size())};
        const QList<int> indices = choiceIndices(choice, value.choices);
        if (indices.contains(-1)) {
            const QString text = value.choices.value(int(indices.indexOf(-1)));
            if (choice.choiceType() == Poppler::FormFieldChoice::ComboBox && choice.isEditable()
                && value.choices.size() == 1) {
                choice.setEditChoice(text);
                return {};
            }
            return {StatusCode::InvalidArgument,
                PdfEditor::tr("\"%1\" is not a choice of the form field \"%2\"").arg(text, id)};
        }
        choice.setCurrentChoices(indices);
        return {};
    }
    default:
        return {StatusCode::InvalidArgument,
            PdfEditor::tr("The form field \"%1\" cannot be filled in by Folio (a signature?)").arg(id)};
    }
}

// Fills in every field of `values`, each found by its id on whichever page shows it.
Status fillFields(Poppler::Document &document, const QList<PdfEdits::FieldValue> &values, QList<Filled> &filled,
    const CancellationToken &token)
{
    std::map<QString, const PdfEdits::FieldValue *> wanted;
    for (const PdfEdits::FieldValue &value : values)
        wanted[value.fieldId] = &value;
    for (int index = 0; index < document.numPages() && !wanted.empty(); ++index) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const std::unique_ptr<Poppler::Page> page = document.page(index);
        if (!page)
            continue;
        for (const auto &field : page->formFields()) {
            const auto found = field ? wanted.find(pdf::formFieldId(*field)) : wanted.end();
            if (found == wanted.end())
                continue;
            if (Status s = fillField(*field, *found->second); !s)
                return s;
            filled.append(Filled {*found->second, field->type()});
            wanted.erase(found);
        }
    }
    if (!wanted.empty())
        return {StatusCode::InvalidArgument,
            PdfEditor::tr("The document has no form field \"%1\"").arg(wanted.begin()->first)};
    return {};
}

// The edits made in a Poppler session of their own, and the new file's bytes.
Result<EditedPdf> editPdf(const EditPlan &plan, const CancellationToken &token)
{
    pdf::PopplerMessages messages;
    auto loaded = loadForEditing(plan.data, plan.password);
    if (!loaded)
        return loaded.status();
    Poppler::Document &document = **loaded;
    EditedPdf result;
    result.pageCount = document.numPages();
    qsizetype next = 0;
    for (const PdfEdits::Markup &markup : plan.edits.markups) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const QString &id = plan.ids[next++];
        if (Status s = addMarkup(document, markup, id); !s)
            return s;
        result.created.append(Created {markup.page, id, Poppler::Annotation::AHighlight, markup.contents});
    }
    for (const PdfEdits::Note &note : plan.edits.notes) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const QString &id = plan.ids[next++];
        if (Status s = addNote(document, note, id); !s)
            return s;
        result.created.append(Created {note.page, id, Poppler::Annotation::AText, note.contents});
    }
    if (Status s = removeAnnotations(document, plan.edits.removals, token); !s)
        return s;
    if (Status s = fillFields(document, plan.edits.fields, result.filled, token); !s)
        return s;
    if (token.isCancelled())
        return Status::fromToken(token);
    QBuffer out(&result.data);
    out.open(QIODevice::WriteOnly);
    std::unique_ptr<Poppler::PDFConverter> converter = document.pdfConverter();
    converter->setOutputDevice(&out);
    converter->setPDFOptions(Poppler::PDFConverter::WithChanges);
    if (!converter->convert())
        return Status(StatusCode::IoError, PdfEditor::tr("Poppler could not write the PDF") + messages.suffix());
    return result;
}

// Whether `field` (in the copy) holds what was written into it.
bool holdsValue(const Poppler::FormField &field, const Filled &filled)
{
    switch (field.type()) {
    case Poppler::FormField::FormText:
        return static_cast<const Poppler::FormFieldText &>(field).text() == filled.value.text;
    case Poppler::FormField::FormButton:
        return static_cast<const Poppler::FormFieldButton &>(field).state() == filled.value.checked;
    case Poppler::FormField::FormChoice: {
        const auto &choice = static_cast<const Poppler::FormFieldChoice &>(field);
        const QList<int> indices = choiceIndices(choice, filled.value.choices);
        if (indices.contains(-1))
            return choice.editChoice() == filled.value.choices.value(0);
        QList<int> current = choice.currentChoices();
        QList<int> wanted = indices;
        std::sort(current.begin(), current.end());
        std::sort(wanted.begin(), wanted.end());
        return current == wanted;
    }
    default:
        return false;
    }
}

// Loads the written copy and checks that it has the source's pages and every edit.
Status verifyCopy(const QString &path, const QByteArray &password, const EditedPdf &edited, const QStringList &removed,
    const CancellationToken &token)
{
    pdf::PopplerMessages messages;
    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path, password, password);
    if (!document || document->isLocked())
        return {StatusCode::Corrupt, PdfEditor::tr("The written copy cannot be read back") + messages.suffix()};
    if (document->numPages() != edited.pageCount)
        return {StatusCode::Corrupt,
            PdfEditor::tr("The written copy has %1 instead of %2")
                .arg(pagesText(document->numPages()), pagesText(edited.pageCount))};
    const QSet<QString> gone(removed.begin(), removed.end());
    QList<Created> expected = edited.created;
    QList<Filled> filled = edited.filled;
    for (int index = 0; index < document->numPages(); ++index) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const std::unique_ptr<Poppler::Page> page = document->page(index);
        if (!page)
            return {StatusCode::Corrupt, PdfEditor::tr("Page %1 of the written copy cannot be read").arg(index + 1)};
        for (const auto &annotation : page->annotations()) {
            if (!annotation)
                continue;
            const QString id = annotation->uniqueName();
            if (gone.contains(id))
                return {
                    StatusCode::Corrupt, PdfEditor::tr("The annotation \"%1\" is still in the written copy").arg(id)};
            expected.removeIf([&](const Created &created) {
                return created.page == index && created.id == id && created.subType == annotation->subType()
                    && created.contents == annotation->contents();
            });
        }
        if (filled.isEmpty())
            continue;
        for (const auto &field : page->formFields()) {
            if (!field)
                continue;
            const QString id = pdf::formFieldId(*field);
            filled.removeIf([&](const Filled &f) { return f.value.fieldId == id && holdsValue(*field, f); });
        }
    }
    if (!expected.isEmpty())
        return {StatusCode::Corrupt,
            PdfEditor::tr("The annotation \"%1\" is missing from the written copy").arg(expected.first().id)};
    if (!filled.isEmpty())
        return {StatusCode::Corrupt,
            PdfEditor::tr("The form field \"%1\" does not hold its new value in the written copy")
                .arg(filled.first().value.fieldId)};
    return {};
}

// Whether `destination` names the file `source` names (the same path, a link to it, a hard link).
bool isSameFile(const QString &source, const QString &destination)
{
    const QFileInfo from(source);
    const QFileInfo to(destination);
    if (from.absoluteFilePath() == to.absoluteFilePath())
        return true;
    if (!to.exists() || !from.exists())
        return false;
    if (from.canonicalFilePath() == to.canonicalFilePath())
        return true;
    const FileStamp a = FileStamp::of(from.canonicalFilePath());
    const FileStamp b = FileStamp::of(to.canonicalFilePath());
    return a.exists && b.exists && a.device == b.device && a.inode == b.inode;
}

} // namespace

QString PdfEditor::idPrefix()
{
    return QStringLiteral("folio-");
}

Result<QStringList> PdfEditor::writeCopy(const Request &request, const CancellationToken &token)
{
    const QString name = QFileInfo(request.destination).fileName();
    if (request.destination.isEmpty() || name.isEmpty())
        return Status(StatusCode::InvalidArgument, tr("No file to write the copy to"));
    if (!request.source.isEmpty() && isSameFile(request.source, request.destination))
        return Status(StatusCode::InvalidArgument,
            tr("The copy would replace the document it is made from; choose another file name"))
            .withFile(request.destination);
    if (QFileInfo(request.destination).isDir())
        return Status(StatusCode::InvalidArgument, tr("The destination is a folder")).withFile(request.destination);
    if (token.isCancelled())
        return Status::fromToken(token);

    EditPlan plan;
    plan.data = request.sourceData;
    if (plan.data.isEmpty()) {
        QFile file(request.source);
        if (!file.open(QIODevice::ReadOnly))
            return Status(StatusCode::IoError, tr("Cannot read the file: %1").arg(file.errorString()))
                .withFile(request.source);
        auto data = readAll(file, request.limits.maxInMemoryBytes, token);
        if (!data)
            return data.status().withFile(request.source);
        plan.data = std::move(data).value();
    }
    plan.password = request.password.toUtf8();
    plan.edits = request.edits;
    for (qsizetype i = 0; i < request.edits.markups.size() + request.edits.notes.size(); ++i)
        plan.ids.append(idPrefix() + QUuid::createUuid().toString(QUuid::WithoutBraces));

    const QString source = request.source.isEmpty() ? tr("the PDF") : request.source;
    auto edited = callDetached<EditedPdf>([plan, token] { return editPdf(plan, token); }, token);
    if (!edited)
        return edited.status().withFile(source);

    StagedOutput output;
    if (Status s = output.prepare(QFileInfo(request.destination).absolutePath()); !s)
        return s;
    auto staged = output.stage(name);
    if (!staged)
        return staged.status();
    QFile *file = staged.value();
    if (Status s = writeChunked(edited->data, *file, token); !s)
        return s.withFile(request.destination);
    if (!file->flush())
        return Status(StatusCode::IoError, tr("Cannot write the copy: %1").arg(file->errorString()))
            .withFile(request.destination);
    file->close();

    const QString written = file->fileName();
    const QByteArray password = plan.password;
    const QStringList removed = request.edits.removals;
    auto verified = callDetached<bool>(
        [written, password, edited = std::move(edited).value(), removed, token]() -> Result<bool> {
            if (Status s = verifyCopy(written, password, edited, removed, token); !s)
                return s;
            return true;
        },
        token);
    if (!verified)
        return verified.status().withFile(request.destination);
    if (token.isCancelled())
        return Status::fromToken(token);
    if (auto committed = output.commit(); !committed)
        return committed.status();
    return plan.ids;
}

} // namespace folio
