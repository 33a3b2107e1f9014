// SPDX-License-Identifier: GPL-3.0-or-later
#include "formlayer.h"

#include "pageview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSet>

#include <cmath>

namespace folio {

namespace {

// Item data of a widget: the id of its field.
constexpr char FieldIdProperty[] = "folioFieldId";
const QColor FieldHighlight(204, 224, 255);

} // namespace

FormLayer::FormLayer(PageView *view, std::shared_ptr<SharedDocument> document, const CancellationToken &parent)
    : QObject(view)
    , m_view(view)
    , m_cache(
          [](Document &document, int page, const CancellationToken &token) { return document.formFields(page, token); },
          MaxPages, 1, this)
{
    m_cache.setDocument(std::move(document), parent);
    connect(&m_cache, &PageDataCacheBase::loaded, this, &FormLayer::pageLoaded);
    connect(view, &PageView::placesChanged, this, &FormLayer::place);
    connect(view, &PageView::pageColorsChanged, this, [this] { setHighlighted(m_highlighted); });
    place();
}

// The widgets are the viewport's children and go with it.
FormLayer::~FormLayer()
{
    for (auto &[id, entry] : m_entries)
        delete entry.widget;
}

void FormLayer::setHighlighted(bool highlighted)
{
    m_highlighted = highlighted;
    for (auto &[id, entry] : m_entries) {
        if (entry.widget)
            styleWidget(entry.widget);
    }
}

void FormLayer::setValues(const std::map<QString, PdfEdits::FieldValue> &values)
{
    m_values = values;
    // The widgets show the new values when next made.
    for (auto &[id, entry] : m_entries)
        delete entry.widget;
    m_entries.clear();
    place();
}

QWidget *FormLayer::widget(const QString &id) const
{
    const auto it = m_entries.find(id);
    return it != m_entries.end() ? it->second.widget.data() : nullptr;
}

const FormField *FormLayer::field(const QString &id) const
{
    const auto it = m_entries.find(id);
    return it != m_entries.end() ? &it->second.field : nullptr;
}

void FormLayer::pageLoaded(int)
{
    place();
}

void FormLayer::place()
{
    const QList<int> visible = m_view->visiblePages();
    m_cache.want(visible);
    QSet<QString> shown;
    QList<QWidget *> order; // the fields in view, page by page in the form's own order
    bool created = false;
    for (const int page : visible) {
        const QList<FormField> *fields = m_cache.data(page);
        if (!fields)
            continue;
        for (const FormField &field : *fields) {
            Entry &entry = m_entries[field.id];
            if (!entry.widget) {
                entry.field = field;
                entry.widget = makeWidget(field);
                created = true;
            }
            if (!entry.widget)
                continue;
            order.append(entry.widget);
            const QRectF area = QRectF(m_view->pageToViewport(page, field.rect.topLeft()),
                m_view->pageToViewport(page, field.rect.bottomRight()))
                                    .normalized();
            const QRect geometry = area.toAlignedRect();
            if (entry.widget->geometry() != geometry) {
                entry.widget->setGeometry(geometry);
                // Text as large as the field's height allows, as a form's own appearance does.
                QFont font = entry.widget->font();
                const double lines = field.multiline || field.type == FormField::Type::ListBox ? 3.5 : 1.0;
                font.setPixelSize(std::clamp(int(std::lround(geometry.height() / lines * 0.62)), 6, 72));
                entry.widget->setFont(font);
            }
            entry.widget->show();
            shown.insert(field.id);
        }
    }
    // Tab goes from the pages to the first field and on through the fields in order, not first to
    // what was made before them (the form bar's button).
    if (created) {
        QWidget *previous = m_view;
        for (QWidget *widget : std::as_const(order)) {
            QWidget::setTabOrder(previous, widget);
            previous = widget;
        }
    }
    // Fields of pages out of view go (their values stay in m_values).
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!shown.contains(it->first)) {
            delete it->second.widget;
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

QWidget *FormLayer::makeWidget(const FormField &field)
{
    const auto given = m_values.find(field.id);
    const bool changed = given != m_values.end();
    QWidget *widget = nullptr;
    m_syncing = true;
    switch (field.type) {
    case FormField::Type::Text:
        if (field.multiline) {
            auto *edit = new QPlainTextEdit(m_view->viewport());
            edit->setPlainText(changed ? given->second.text : field.value);
            connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, field] {
                setValue(field, {field.id, edit->toPlainText(), false, {}});
            });
            widget = edit;
        } else {
            auto *edit = new QLineEdit(m_view->viewport());
            edit->setText(changed ? given->second.text : field.value);
            if (field.password)
                edit->setEchoMode(QLineEdit::Password);
            if (field.maxLength > 0)
                edit->setMaxLength(field.maxLength);
            connect(edit, &QLineEdit::textEdited, this, [this, field](const QString &text) {
                setValue(field, {field.id, text, false, {}});
            });
            widget = edit;
        }
        break;
    case FormField::Type::CheckBox:
    case FormField::Type::RadioButton: {
        QAbstractButton *button = field.type == FormField::Type::CheckBox
            ? static_cast<QAbstractButton *>(new QCheckBox(m_view->viewport()))
            : new QRadioButton(m_view->viewport());
        // Radio groups are the form's, not the viewport's: exclusivity is kept by setValue().
        button->setAutoExclusive(false);
        bool checked = field.checked;
        if (changed)
            checked = given->second.checked;
        else if (field.type == FormField::Type::RadioButton && !field.buttonGroup.isEmpty()) {
            // Another button of the group checked in Folio unchecks this one.
            for (const auto &[id, value] : m_values) {
                if (value.checked && id != field.id && id.section(QLatin1Char('#'), 0, 0) == field.buttonGroup)
                    checked = false;
            }
        }
        button->setChecked(checked);
        connect(button, &QAbstractButton::clicked, this, [this, field, button](bool on) {
            if (field.type == FormField::Type::RadioButton && !on) {
                button->setChecked(true); // a radio button is unchecked by checking another
                return;
            }
            setValue(field, {field.id, QString(), on, {}});
        });
        widget = button;
        break;
    }
    case FormField::Type::ComboBox: {
        auto *box = new QComboBox(m_view->viewport());
        box->addItems(field.choices);
        box->setEditable(field.editableCombo);
        const QString current = changed ? given->second.choices.value(0) : field.value;
        if (const int index = box->findText(current); index >= 0)
            box->setCurrentIndex(index);
        else if (field.editableCombo)
            box->setEditText(current);
        else
            box->setCurrentIndex(-1);
        connect(box, &QComboBox::textActivated, this, [this, field](const QString &text) {
            setValue(field, {field.id, QString(), false, {text}});
        });
        widget = box;
        break;
    }
    case FormField::Type::ListBox: {
        auto *list = new QListWidget(m_view->viewport());
        list->addItems(field.choices);
        list->setSelectionMode(
            field.multiSelect ? QAbstractItemView::MultiSelection : QAbstractItemView::SingleSelection);
        const QStringList selected = changed ? given->second.choices : field.selectedChoices;
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setSelected(selected.contains(list->item(i)->text()));
        connect(list, &QListWidget::itemSelectionChanged, this, [this, field, list] {
            if (m_syncing)
                return;
            QStringList choices;
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->isSelected())
                    choices.append(list->item(i)->text());
            }
            setValue(field, {field.id, QString(), false, choices});
        });
        widget = list;
        break;
    }
    case FormField::Type::PushButton:
    case FormField::Type::Signature:
    case FormField::Type::Other:
        break;
    }
    m_syncing = false;
    if (!widget)
        return nullptr;
    widget->setProperty(FieldIdProperty, field.id);
    widget->setObjectName(QStringLiteral("formField"));
    widget->setEnabled(!field.readOnly);
    widget->setToolTip(field.tooltip.isEmpty() ? field.name : field.tooltip);
    styleWidget(widget);
    return widget;
}

void FormLayer::styleWidget(QWidget *widget) const
{
    // Opaque over the page's own drawing of the field, which shows the value the file holds, and
    // in the page's colours: white paper, black ink and the highlight turned by its night mode.
    QImage colours(3, 1, QImage::Format_RGB32);
    colours.setPixelColor(0, 0, m_highlighted ? FieldHighlight : QColor(Qt::white));
    colours.setPixelColor(1, 0, Qt::black);
    colours.setPixelColor(2, 0, Qt::white);
    applyPageColors(colours, m_view->pageColors(), {}, {});
    const QColor background = colours.pixelColor(0, 0);
    const QColor ink = colours.pixelColor(1, 0);
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Base, background);
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::Button, background);
    palette.setColor(QPalette::Text, ink);
    palette.setColor(QPalette::WindowText, ink);
    palette.setColor(QPalette::ButtonText, ink);
    widget->setPalette(palette);
    widget->setAutoFillBackground(true);
    if (auto *frame = qobject_cast<QFrame *>(widget))
        frame->setFrameShape(QFrame::NoFrame);
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        edit->setFrame(false);
    if (auto *box = qobject_cast<QComboBox *>(widget))
        box->setFrame(false);
}

void FormLayer::setValue(const FormField &field, const PdfEdits::FieldValue &value)
{
    if (m_syncing)
        return;
    if (field.type == FormField::Type::RadioButton && value.checked) {
        // One button of a group: the others go off, on the page and in what is written.
        for (auto it = m_values.begin(); it != m_values.end();) {
            if (it->first != field.id && it->first.section(QLatin1Char('#'), 0, 0) == field.buttonGroup)
                it = m_values.erase(it);
            else
                ++it;
        }
        for (auto &[id, entry] : m_entries) {
            if (id != field.id && entry.field.buttonGroup == field.buttonGroup && entry.widget) {
                if (auto *button = qobject_cast<QAbstractButton *>(entry.widget.data()))
                    button->setChecked(false);
            }
        }
    }
    m_values[field.id] = value;
    Q_EMIT valuesChanged();
}

} // namespace folio
