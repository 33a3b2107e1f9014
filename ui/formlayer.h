// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/pdf/pdfeditor.h"
#include "pagedatacache.h"

#include <QObject>
#include <QPointer>

#include <map>

class QWidget;

namespace folio {

class PageView;

// The fields of a fillable form (PDF AcroForm, Document::formFields()) as widgets over the pages,
// to fill in place: a line or text edit for text fields, a check box or radio button, a combo
// box, a list. The fields of the pages in view load like their links (a PageDataCache, one job at
// a time); their widgets are children of the view's viewport, placed on the field's rectangle
// whenever the pages move (PageView::placesChanged()) and hidden off screen. Read-only fields
// show disabled; push buttons and signatures are left to the page's own picture.
//
// What the reader types is kept here by field id (values()), shown over the page, and written
// into a copy by PdfEditor; the document itself is never changed. Checking a radio button
// unchecks the others of its group. GUI thread only.
class FormLayer : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPages = 32;

    FormLayer(PageView *view, std::shared_ptr<SharedDocument> document, const CancellationToken &parent);
    ~FormLayer() override;

    // Fields drawn in a light blue, to find them (the form bar's button); on by default.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    void setTimeout(std::chrono::milliseconds timeout) { m_cache.setTimeout(timeout); }

    // The values given in Folio, by field id: what PdfEdits::fields holds.
    const std::map<QString, PdfEdits::FieldValue> &values() const { return m_values; }
    void setValues(const std::map<QString, PdfEdits::FieldValue> &values);
    // The widget of field `id` while its page is loaded, or nullptr (for tests).
    QWidget *widget(const QString &id) const;
    // The field `id` as its page gives it, or nullptr while the page is not loaded.
    const FormField *field(const QString &id) const;

Q_SIGNALS:
    // A value changed by the reader.
    void valuesChanged();

private:
    struct Entry
    {
        FormField field;
        QPointer<QWidget> widget;
    };
    void place();
    void pageLoaded(int page);
    QWidget *makeWidget(const FormField &field);
    void setValue(const FormField &field, const PdfEdits::FieldValue &value);
    void styleWidget(QWidget *widget) const;

    PageView *m_view;
    PageDataCache<FormField> m_cache;
    std::map<QString, Entry> m_entries; // by field id, for the loaded pages
    std::map<QString, PdfEdits::FieldValue> m_values;
    bool m_highlighted = true;
    bool m_syncing = false; // widgets set from values: not the reader's typing
};

} // namespace folio
