// SPDX-License-Identifier: GPL-3.0-or-later
// PdfEditor: every kind of edit written into a copy, read back with Poppler itself and with
// Folio; refusals (the source as destination, bad edits) and cancellation leave no file.
#include "../common/annotatedpdf.h"
#include "../common/formpdf.h"
#include "../common/testfiles.h"
#include "../common/testpaths.h"
#include "backends/pdf/pdfeditor.h"
#include "viewer.h"

#include <poppler-form.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

Q_DECLARE_METATYPE(folio::PdfEdits::FieldValue)

using namespace folio;

namespace {

QString rectText(const QRectF &r)
{
    return QStringLiteral("%1,%2 %3×%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// The Poppler form fields of page 1 by fully qualified name (the first widget of each).
std::map<QString, std::unique_ptr<Poppler::FormField>> popplerFields(Poppler::Document &document)
{
    std::map<QString, std::unique_ptr<Poppler::FormField>> fields;
    for (auto &field : document.page(0)->formFields()) {
        const QString name = field->fullyQualifiedName();
        if (!fields.count(name))
            fields[name] = std::move(field);
    }
    return fields;
}

} // namespace

class TestPdfEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_annotated = test::writeFile(m_dir, QStringLiteral("annotated.pdf"), test::annotated::annotatedPdf());
        QVERIFY(!m_annotated.isEmpty());
        m_form = test::writeFile(m_dir, QStringLiteral("form.pdf"), test::form::formPdf());
        QVERIFY(!m_form.isEmpty());
    }

    void addsMarkupsAndNotes()
    {
        PdfEditor::Request request;
        request.source = m_annotated;
        request.destination = m_dir.filePath(QStringLiteral("marked.pdf"));
        const QList<Annotation::Type> types {Annotation::Type::Highlight, Annotation::Type::Underline,
            Annotation::Type::StrikeOut, Annotation::Type::Squiggly};
        for (int i = 0; i < types.size(); ++i) {
            PdfEdits::Markup markup;
            markup.type = types[i];
            markup.page = 0;
            markup.quads = {QRectF(100, 300 + 40 * i, 200, 14), QRectF(100, 316 + 40 * i, 120, 14)};
            markup.color = QColor(0, 200, 0);
            markup.author = QStringLiteral("Folio user");
            markup.contents = QStringLiteral("Markup %1").arg(i);
            request.edits.markups.append(markup);
        }
        PdfEdits::Note note;
        note.page = 0;
        note.position = QPointF(400, 100);
        note.contents = QStringLiteral("A new note\nwith two lines");
        note.author = QStringLiteral("Folio user");
        request.edits.notes.append(note);
        note.page = 1; // the turned page
        note.position = QPointF(150, 250);
        note.contents = QStringLiteral("On the turned page");
        request.edits.notes.append(note);

        const auto ids = PdfEditor::writeCopy(request, {});
        QVERIFY2(ids.isOk(), qPrintable(ids.status().message()));
        QCOMPARE(ids->size(), 6);
        for (const QString &id : *ids)
            QVERIFY(id.startsWith(PdfEditor::idPrefix()));
        QCOMPARE(entries(m_dir.path()).count(QStringLiteral("marked.pdf")), 1);

        // Poppler itself sees them.
        const auto poppler = Poppler::Document::load(request.destination);
        QVERIFY(poppler);
        QCOMPARE(poppler->numPages(), test::annotated::PageCount);
        int highlights = 0;
        for (const auto &annotation : poppler->page(0)->annotations({Poppler::Annotation::AHighlight}))
            highlights += ids->contains(annotation->uniqueName());
        QCOMPARE(highlights, 4);

        // And Folio reads them back as written, after the annotations that were there.
        Viewer viewer;
        QVERIFY(viewer.open(request.destination, {}, {}).isOk());
        const auto first = viewer.annotations(0, {});
        QVERIFY2(first.isOk(), qPrintable(first.status().message()));
        const int before = 6;
        QCOMPARE(first->size(), before + 5);
        for (int i = 0; i < types.size(); ++i) {
            const Annotation &got = first->at(before + i);
            const PdfEdits::Markup &want = request.edits.markups[i];
            QCOMPARE(got.type, want.type);
            QCOMPARE(got.id, ids->at(i));
            QCOMPARE(got.author, want.author);
            QCOMPARE(got.contents, want.contents);
            QCOMPARE(got.color, want.color);
            QVERIFY(got.created.isValid());
            QCOMPARE(got.quads.size(), 2);
            for (int q = 0; q < 2; ++q)
                QVERIFY2(test::nearRect(got.quads[q], want.quads[q], 1), qPrintable(rectText(got.quads[q])));
            QVERIFY2(test::nearRect(got.rect, want.quads[0].united(want.quads[1]), 1), qPrintable(rectText(got.rect)));
        }
        const Annotation &added = first->last();
        QCOMPARE(added.type, Annotation::Type::Text);
        QCOMPARE(added.contents, QStringLiteral("A new note\nwith two lines"));
        QVERIFY2(test::nearRect(added.rect, QRectF(400, 100, 24, 24), 1), qPrintable(rectText(added.rect)));
        const auto turned = viewer.annotations(1, {});
        QVERIFY(turned.isOk());
        QCOMPARE(turned->size(), 3);
        QCOMPARE(turned->last().id, ids->at(5));
        QVERIFY2(test::nearRect(turned->last().rect, QRectF(150, 250, 24, 24), 1), qPrintable(rectText(turned->last().rect)));
        // And drawn there: the icon's ink lies within its rectangle (the link's border, from
        // x = 200, left out).
        RenderRequest request72;
        request72.dpi = 72;
        const QImage page = viewer.render(1, request72, {}).value().convertToFormat(QImage::Format_RGB32);
        QRect ink;
        for (int y = 200; y < 300; ++y) {
            for (int x = 100; x < 198; ++x) {
                if (qGray(page.pixel(x, y)) < 250)
                    ink = ink.united(QRect(x, y, 1, 1));
            }
        }
        QVERIFY2(test::nearRect(QRectF(ink), QRectF(150, 250, 24, 24), 2), qPrintable(rectText(ink)));
    }

    // Folio's own annotations can be deleted again; others cannot.
    void removesItsOwnAnnotations()
    {
        PdfEditor::Request request;
        request.source = m_annotated;
        request.destination = m_dir.filePath(QStringLiteral("noted.pdf"));
        PdfEdits::Note note;
        note.position = QPointF(300, 300);
        note.contents = QStringLiteral("Soon gone");
        request.edits.notes.append(note);
        const auto ids = PdfEditor::writeCopy(request, {});
        QVERIFY2(ids.isOk(), qPrintable(ids.status().message()));

        PdfEditor::Request removal;
        removal.source = request.destination;
        removal.destination = m_dir.filePath(QStringLiteral("cleaned.pdf"));
        removal.edits.removals = ids.value();
        const auto removed = PdfEditor::writeCopy(removal, {});
        QVERIFY2(removed.isOk(), qPrintable(removed.status().message()));
        QVERIFY(removed->isEmpty());
        Viewer viewer;
        QVERIFY(viewer.open(removal.destination, {}, {}).isOk());
        QCOMPARE(viewer.annotations(0, {})->size(), 6);

        PdfEditor::Request foreign;
        foreign.source = m_annotated;
        foreign.destination = m_dir.filePath(QStringLiteral("foreign.pdf"));
        foreign.edits.removals = {QStringLiteral("test-note")};
        const auto refused = PdfEditor::writeCopy(foreign, {});
        QCOMPARE(refused.status().code(), StatusCode::InvalidArgument);
        QCOMPARE(refused.status().reason(),
            QStringLiteral("The annotation \"test-note\" was not made by Folio; Folio deletes only its own"));
        QCOMPARE(refused.status().file(), m_annotated);
        foreign.edits.removals = {PdfEditor::idPrefix() + QStringLiteral("missing")};
        QCOMPARE(PdfEditor::writeCopy(foreign, {}).status().code(), StatusCode::InvalidArgument);
        QVERIFY(!QFile::exists(foreign.destination));
    }

    void fillsFormFields()
    {
        PdfEditor::Request request;
        request.source = m_form;
        request.destination = m_dir.filePath(QStringLiteral("filled.pdf"));
        request.edits.fields = {
            {QStringLiteral("name"), QStringLiteral("Grace Hopper"), false, {}},
            {QStringLiteral("agree"), {}, true, {}},
            {QStringLiteral("color#1"), {}, true, {}},
            {QStringLiteral("size"), {}, false, {QStringLiteral("Large")}},
            {QStringLiteral("toppings"), {}, false, {QStringLiteral("Ham"), QStringLiteral("Olives")}},
            {QStringLiteral("address.city"), QStringLiteral("Lyon\nFrance"), false, {}},
        };
        const auto written = PdfEditor::writeCopy(request, {});
        QVERIFY2(written.isOk(), qPrintable(written.status().message()));

        const auto poppler = Poppler::Document::load(request.destination);
        QVERIFY(poppler);
        auto fields = popplerFields(*poppler);
        QCOMPARE(static_cast<Poppler::FormFieldText &>(*fields[QStringLiteral("name")]).text(),
            QStringLiteral("Grace Hopper"));
        QVERIFY(static_cast<Poppler::FormFieldButton &>(*fields[QStringLiteral("agree")]).state());
        QCOMPARE(
            static_cast<Poppler::FormFieldChoice &>(*fields[QStringLiteral("size")]).currentChoices(), QList<int> {2});
        QCOMPARE(static_cast<Poppler::FormFieldChoice &>(*fields[QStringLiteral("toppings")]).currentChoices(),
            (QList<int> {1, 2}));
        QCOMPARE(static_cast<Poppler::FormFieldText &>(*fields[QStringLiteral("address.city")]).text(),
            QStringLiteral("Lyon\nFrance"));
        // The radio group: the second button is on, the first off.
        QList<bool> radios;
        for (const auto &field : poppler->page(0)->formFields()) {
            if (field->fullyQualifiedName() == QLatin1String("color"))
                radios.append(static_cast<Poppler::FormFieldButton &>(*field).state());
        }
        QCOMPARE(radios, (QList<bool> {false, true}));
    }

    void refusesBadFieldValues_data()
    {
        QTest::addColumn<PdfEdits::FieldValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << PdfEdits::FieldValue {QStringLiteral("nope"), QStringLiteral("x"), false, {}}
                                 << QStringLiteral("The document has no form field \"nope\"");
        QTest::newRow("read-only") << PdfEdits::FieldValue {QStringLiteral("serial"), QStringLiteral("x"), false, {}}
                                   << QStringLiteral("The form field \"serial\" is read-only");
        QTest::newRow("not a choice") << PdfEdits::FieldValue {QStringLiteral("size"), {}, false,
            {QStringLiteral("Huge")}} << QStringLiteral("\"Huge\" is not a choice of the form field \"size\"");
        QTest::newRow("two choices") << PdfEdits::FieldValue {QStringLiteral("size"), {}, false,
            {QStringLiteral("Small"), QStringLiteral("Large")}}
                                     << QStringLiteral("The form field \"size\" takes one choice, not 2");
    }
    void refusesBadFieldValues()
    {
        QFETCH(PdfEdits::FieldValue, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        PdfEditor::Request request;
        request.source = m_form;
        request.destination = dir.filePath(QStringLiteral("out.pdf"));
        request.edits.fields = {value};
        const auto result = PdfEditor::writeCopy(request, {});
        QCOMPARE(result.status().code(), StatusCode::InvalidArgument);
        QCOMPARE(result.status().reason(), message);
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void refusesTheSourceAsDestination()
    {
        const QByteArray original = test::readFile(m_annotated);
        PdfEditor::Request request;
        request.source = m_annotated;
        PdfEdits::Note note;
        note.contents = QStringLiteral("x");
        request.edits.notes.append(note);
        const QString link = m_dir.filePath(QStringLiteral("link.pdf"));
        QVERIFY(QFile::link(m_annotated, link));
        const QString hard = m_dir.filePath(QStringLiteral("hard.pdf"));
        QCOMPARE(::link(QFile::encodeName(m_annotated).constData(), QFile::encodeName(hard).constData()), 0);
        for (const QString &destination :
            {m_annotated, m_dir.filePath(QStringLiteral("./annotated.pdf")), link, hard}) {
            request.destination = destination;
            const auto result = PdfEditor::writeCopy(request, {});
            QCOMPARE(result.status().code(), StatusCode::InvalidArgument);
            QVERIFY2(result.status().reason().contains(QLatin1String("would replace the document it is made from")),
                qPrintable(result.status().message()));
        }
        QCOMPARE(test::readFile(m_annotated), original);
        QFile::remove(link);
        QFile::remove(hard);
    }

    void cancelledLeavesNoFile()
    {
        QTemporaryDir dir;
        PdfEditor::Request request;
        request.source = m_annotated;
        request.destination = dir.filePath(QStringLiteral("sub/out.pdf"));
        PdfEdits::Note note;
        note.contents = QStringLiteral("x");
        request.edits.notes.append(note);
        CancellationSource source;
        source.cancel();
        const auto result = PdfEditor::writeCopy(request, source.token());
        QCOMPARE(result.status().code(), StatusCode::Canceled);
        QCOMPARE(entries(dir.path()), QStringList());

        // Cancelled while it works: still nothing, whenever the cancel lands.
        for (int delayMs : {0, 1, 5, 20}) {
            CancellationSource late;
            late.cancelAfter(std::chrono::milliseconds(delayMs));
            const auto stopped = PdfEditor::writeCopy(request, late.token());
            if (stopped.isOk())
                QVERIFY(QFile::remove(request.destination)); // finished before the cancel
            else
                QCOMPARE(stopped.status().code(), StatusCode::TimedOut);
            QCOMPARE(entries(dir.path()).filter(QStringLiteral(".pdf")), QStringList());
        }
    }

    void badMarkupsAreRefused()
    {
        PdfEditor::Request request;
        request.source = m_annotated;
        request.destination = m_dir.filePath(QStringLiteral("bad.pdf"));
        PdfEdits::Markup markup;
        markup.page = 7;
        markup.quads = {QRectF(0, 0, 10, 10)};
        request.edits.markups = {markup};
        auto result = PdfEditor::writeCopy(request, {});
        QCOMPARE(result.status().reason(), QStringLiteral("Page 8 does not exist (the document has 2 pages)"));
        markup.page = 0;
        markup.type = Annotation::Type::Ink;
        request.edits.markups = {markup};
        result = PdfEditor::writeCopy(request, {});
        QCOMPARE(result.status().code(), StatusCode::InvalidArgument);
        markup.type = Annotation::Type::Underline;
        markup.quads = {QRectF()};
        request.edits.markups = {markup};
        result = PdfEditor::writeCopy(request, {});
        QCOMPARE(result.status().reason(), QStringLiteral("The underline on page 1 marks no region"));
        QVERIFY(!QFile::exists(request.destination));
    }

    void notAPdf()
    {
        const QString text = test::writeFile(m_dir, QStringLiteral("not.pdf"), "hello");
        PdfEditor::Request request;
        request.source = text;
        request.destination = m_dir.filePath(QStringLiteral("not-out.pdf"));
        const auto result = PdfEditor::writeCopy(request, {});
        QCOMPARE(result.status().code(), StatusCode::Corrupt);
        QVERIFY(result.status().message().startsWith(text));
        QVERIFY(!QFile::exists(request.destination));
    }

private:
    QTemporaryDir m_dir;
    QString m_annotated;
    QString m_form;
};

QTEST_MAIN(TestPdfEditor)
#include "tst_pdfeditor.moc"
