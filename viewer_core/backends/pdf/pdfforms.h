// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QSizeF>
#include <QString>

#include <memory>
#include <vector>

namespace Poppler {
class FormField;
}

namespace folio::pdf {

// The id Folio gives a form field widget (FormField::id, PdfEdits::FieldValue::fieldId): its
// fully qualified name, followed by "#N" for the widgets of a button field that has several (the
// buttons of a radio group: N counts them from 0 in the document's order).
QString formFieldId(const Poppler::FormField &field);

// Poppler's form fields of a page of `pageSize` points (upright) in Folio's terms; widgets that
// are hidden are left out. Empty when cancelled.
QList<FormField> convertFormFields(
    const std::vector<std::unique_ptr<Poppler::FormField>> &fields, QSizeF pageSize, const CancellationToken &token);

} // namespace folio::pdf
