// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Poppler {
class FormField;
}

namespace folio::pdf {

// The id Folio gives a form field widget (FormField::id, PdfEdits::FieldValue::fieldId): its
// fully qualified name, followed by "#N" for the widgets of a button field that has several (the
// buttons of a radio group: N counts them from 0 in the document's order).
QString formFieldId(const Poppler::FormField &field);

} // namespace folio::pdf
