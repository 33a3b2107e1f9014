// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfforms.h"

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

} // namespace folio::pdf
