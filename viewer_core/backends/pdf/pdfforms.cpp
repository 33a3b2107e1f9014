// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfforms.h"

#include "pdfgeometry.h"

#include <poppler-form.h>

#include <algorithm>

namespace folio::pdf {

QString formFieldId(const Poppler::FormField &field)
{
    const QString name = field.fullyQualifiedName();
    if (field.type() != Poppler::FormField::FormButton)
        return name;
    // The widgets of one button field share its name; Poppler numbers them in the document's
    // order, which stays the same from one load of the same file to the next.
    QList<int> widgets = static_cast<const Poppler::FormFieldButton &>(field).siblings();
    if (widgets.isEmpty())
        return name;
    widgets.append(field.id());
    std::sort(widgets.begin(), widgets.end());
    return name + QLatin1Char('#') + QString::number(widgets.indexOf(field.id()));
}

namespace {

void describeButton(const Poppler::FormFieldButton &button, FormField &field)
{
    field.checked = button.state();
    switch (button.buttonType()) {
    case Poppler::FormFieldButton::Push:
        field.type = FormField::Type::PushButton;
        field.value = button.caption();
        break;
    case Poppler::FormFieldButton::CheckBox:
        field.type = FormField::Type::CheckBox;
        break;
    case Poppler::FormFieldButton::Radio:
        field.type = FormField::Type::RadioButton;
        field.buttonGroup = button.fullyQualifiedName();
        break;
    }
}

void describeText(const Poppler::FormFieldText &text, FormField &field)
{
    field.type = FormField::Type::Text;
    field.value = text.text();
    field.multiline = text.textType() == Poppler::FormFieldText::Multiline;
    field.password = text.isPassword();
    field.maxLength = text.maximumLength() > 0 ? text.maximumLength() : -1;
}

void describeChoice(const Poppler::FormFieldChoice &choice, FormField &field)
{
    const bool combo = choice.choiceType() == Poppler::FormFieldChoice::ComboBox;
    field.type = combo ? FormField::Type::ComboBox : FormField::Type::ListBox;
    field.choices = choice.choices();
    for (const int index : choice.currentChoices()) {
        if (index >= 0 && index < field.choices.size())
            field.selectedChoices.append(field.choices[index]);
    }
    field.editableCombo = combo && choice.isEditable();
    field.multiSelect = !combo && choice.multiSelect();
    const QString typed = field.editableCombo ? choice.editChoice() : QString();
    field.value = !typed.isEmpty() ? typed : field.selectedChoices.value(0);
}

} // namespace

QList<FormField> convertFormFields(
    const std::vector<std::unique_ptr<Poppler::FormField>> &fields, QSizeF pageSize, const CancellationToken &token)
{
    QList<FormField> result;
    for (const auto &source : fields) {
        if (token.isCancelled())
            return {};
        if (!source || !source->isVisible())
            continue;
        FormField field;
        field.id = formFieldId(*source);
        field.name = source->name();
        field.rect = pagePoints(source->rect(), pageSize);
        if (!isFinite(field.rect))
            continue;
        field.readOnly = source->isReadOnly();
        field.tooltip = source->uiName();
        switch (source->type()) {
        case Poppler::FormField::FormButton:
            describeButton(static_cast<const Poppler::FormFieldButton &>(*source), field);
            break;
        case Poppler::FormField::FormText:
            describeText(static_cast<const Poppler::FormFieldText &>(*source), field);
            break;
        case Poppler::FormField::FormChoice:
            describeChoice(static_cast<const Poppler::FormFieldChoice &>(*source), field);
            break;
        case Poppler::FormField::FormSignature:
            field.type = FormField::Type::Signature;
            break;
        default:
            field.type = FormField::Type::Other;
            break;
        }
        result.append(std::move(field));
    }
    return result;
}

} // namespace folio::pdf
