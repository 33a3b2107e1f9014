// SPDX-License-Identifier: GPL-3.0-or-later
// Form fields of PDFs: read from a hand-written AcroForm field by field, filled in through
// PdfEditor and read back; an XFA-only form is recognised and has no fields.
#include "../common/formpdf.h"
#include "../common/testfiles.h"
#include "backends/pdf/pdfeditor.h"
#include "viewer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace folio;

namespace {

const FormField *findField(const QList<FormField> &fields, const QString &id)
{
    for (const FormField &field : fields) {
        if (field.id == id)
            return &field;
    }
    return nullptr;
}

} // namespace

class TestPdfForms : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_form = test::writeFile(m_dir, QStringLiteral("form.pdf"), test::form::formPdf());
        QVERIFY(!m_form.isEmpty());
    }

    void readsEveryKindOfField()
    {
        namespace form = test::form;
        Viewer viewer;
        QVERIFY(viewer.open(m_form, {}, {}).isOk());
        const Document &document = *viewer.document();
        QVERIFY(document.capabilities().testFlag(Capability::Forms));
        QCOMPARE(document.formType(), FormType::AcroForm);
        const auto fields = viewer.formFields(0, {});
        QVERIFY2(fields.isOk(), qPrintable(fields.status().message()));
        QCOMPARE(fields->size(), form::FieldCount);
        const QStringList ids {QStringLiteral("name"), QStringLiteral("agree"), QStringLiteral("color#0"),
            QStringLiteral("color#1"), QStringLiteral("size"), QStringLiteral("toppings"),
            QStringLiteral("address.city"), QStringLiteral("serial"), QStringLiteral("pin")};
        for (const QString &id : ids)
            QVERIFY2(findField(*fields, id), qPrintable(id));

        const FormField &name = *findField(*fields, QStringLiteral("name"));
        QCOMPARE(name.type, FormField::Type::Text);
        QCOMPARE(name.page, 0);
        QCOMPARE(name.name, QStringLiteral("name"));
        QCOMPARE(name.value, QStringLiteral("Ada"));
        QCOMPARE(name.maxLength, 40);
        QCOMPARE(name.tooltip, QStringLiteral("Your name"));
        QVERIFY(!name.readOnly && !name.multiline && !name.password);
        QVERIFY(test::nearRect(name.rect, form::NameRect, 0.5));

        const FormField &agree = *findField(*fields, QStringLiteral("agree"));
        QCOMPARE(agree.type, FormField::Type::CheckBox);
        QVERIFY(!agree.checked);
        QVERIFY(test::nearRect(agree.rect, form::AgreeRect, 0.5));

        const FormField &red = *findField(*fields, QStringLiteral("color#0"));
        const FormField &blue = *findField(*fields, QStringLiteral("color#1"));
        QCOMPARE(red.type, FormField::Type::RadioButton);
        QCOMPARE(blue.type, FormField::Type::RadioButton);
        QVERIFY(red.checked);
        QVERIFY(!blue.checked);
        QCOMPARE(red.buttonGroup, QStringLiteral("color"));
        QCOMPARE(blue.buttonGroup, red.buttonGroup);
        QVERIFY(test::nearRect(red.rect, form::RedRect, 0.5));
        QVERIFY(test::nearRect(blue.rect, form::BlueRect, 0.5));

        const FormField &size = *findField(*fields, QStringLiteral("size"));
        QCOMPARE(size.type, FormField::Type::ComboBox);
        QCOMPARE(
            size.choices, (QStringList {QStringLiteral("Small"), QStringLiteral("Medium"), QStringLiteral("Large")}));
        QCOMPARE(size.selectedChoices, QStringList {QStringLiteral("Medium")});
        QCOMPARE(size.value, QStringLiteral("Medium"));
        QVERIFY(!size.editableCombo && !size.multiSelect);
        QVERIFY(test::nearRect(size.rect, form::SizeRect, 0.5));

        const FormField &toppings = *findField(*fields, QStringLiteral("toppings"));
        QCOMPARE(toppings.type, FormField::Type::ListBox);
        QVERIFY(toppings.multiSelect);
        QCOMPARE(toppings.selectedChoices, (QStringList {QStringLiteral("Cheese"), QStringLiteral("Olives")}));
        QVERIFY(test::nearRect(toppings.rect, form::ToppingsRect, 0.5));

        const FormField &city = *findField(*fields, QStringLiteral("address.city"));
        QCOMPARE(city.name, QStringLiteral("city"));
        QVERIFY(city.multiline);
        QCOMPARE(city.value, QStringLiteral("Paris"));
        QVERIFY(findField(*fields, QStringLiteral("serial"))->readOnly);
        QVERIFY(findField(*fields, QStringLiteral("pin"))->password);
        QCOMPARE(findField(*fields, QStringLiteral("pin"))->maxLength, 4);

        const auto info = viewer.info({});
        QVERIFY(info.isOk());
        QCOMPARE(info->formType, FormType::AcroForm);
        QCOMPARE(info->formFieldCount, 8); // the radio group counts once

        CancellationSource cancelled;
        cancelled.cancel();
        QCOMPARE(viewer.formFields(0, cancelled.token()).status().code(), StatusCode::Canceled);
        QCOMPARE(viewer.formFields(1, {}).status().code(), StatusCode::InvalidArgument);
    }

    // Values written by PdfEditor are what formFields() reads from the copy.
    void fillsAndReadsBack()
    {
        PdfEditor::Request request;
        request.source = m_form;
        request.destination = m_dir.filePath(QStringLiteral("filled.pdf"));
        request.edits.fields = {
            {QStringLiteral("name"), QStringLiteral("Grace"), false, {}},
            {QStringLiteral("agree"), {}, true, {}},
            {QStringLiteral("color#1"), {}, true, {}},
            {QStringLiteral("size"), {}, false, {QStringLiteral("Small")}},
            {QStringLiteral("toppings"), {}, false, {QStringLiteral("Ham")}},
            {QStringLiteral("pin"), QStringLiteral("1234"), false, {}},
        };
        const auto written = PdfEditor::writeCopy(request, {});
        QVERIFY2(written.isOk(), qPrintable(written.status().message()));

        Viewer viewer;
        QVERIFY(viewer.open(request.destination, {}, {}).isOk());
        const auto fields = viewer.formFields(0, {});
        QVERIFY2(fields.isOk(), qPrintable(fields.status().message()));
        QCOMPARE(fields->size(), test::form::FieldCount);
        QCOMPARE(findField(*fields, QStringLiteral("name"))->value, QStringLiteral("Grace"));
        QVERIFY(findField(*fields, QStringLiteral("agree"))->checked);
        QVERIFY(!findField(*fields, QStringLiteral("color#0"))->checked);
        QVERIFY(findField(*fields, QStringLiteral("color#1"))->checked);
        QCOMPARE(findField(*fields, QStringLiteral("size"))->selectedChoices, QStringList {QStringLiteral("Small")});
        QCOMPARE(findField(*fields, QStringLiteral("toppings"))->selectedChoices, QStringList {QStringLiteral("Ham")});
        QCOMPARE(findField(*fields, QStringLiteral("pin"))->value, QStringLiteral("1234"));
        // Untouched fields keep their values.
        QCOMPARE(findField(*fields, QStringLiteral("address.city"))->value, QStringLiteral("Paris"));
        QCOMPARE(findField(*fields, QStringLiteral("serial"))->value, QStringLiteral("X-1"));
    }

    void xfaOnlyForm()
    {
        const QString path = test::writeFile(m_dir, QStringLiteral("xfa.pdf"), test::form::xfaOnlyPdf());
        Viewer viewer;
        const Status opened = viewer.open(path, {}, {});
        QVERIFY2(opened.isOk(), qPrintable(opened.message()));
        QCOMPARE(viewer.document()->formType(), FormType::Xfa);
        const auto fields = viewer.formFields(0, {});
        QVERIFY(fields.isOk());
        QVERIFY(fields->isEmpty());
        const auto info = viewer.info({});
        QCOMPARE(info->formType, FormType::Xfa);
        QCOMPARE(info->formFieldCount, 0);
    }

    void fieldLimit()
    {
        OpenOptions options;
        options.limits.maxAnnotationsPerPage = 3;
        Viewer viewer;
        QVERIFY(viewer.open(m_form, options, {}).isOk());
        const auto refused = viewer.formFields(0, {});
        QCOMPARE(refused.status().code(), StatusCode::LimitExceeded);
        QCOMPARE(refused.status().message(), QStringLiteral("Page 1 has 9 form fields, over the limit of 3"));
    }

    void noForm()
    {
        const QString path = test::writeFile(m_dir, QStringLiteral("plain.pdf"),
            test::pdfFromObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"}));
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        QCOMPARE(viewer.document()->formType(), FormType::None);
        QVERIFY(viewer.formFields(0, {})->isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_form;
};

QTEST_MAIN(TestPdfForms)
#include "tst_pdfforms.moc"
