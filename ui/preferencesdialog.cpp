// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"
#include "theme.h"

#include "viewer.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QGuiApplication>
#include <QScreen>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace folio {

PreferencesDialog::PreferencesDialog(std::chrono::milliseconds timeout, int cacheBudgetMiB, QWidget *parent)
    : QDialog(parent)
    , m_timeout(new QSpinBox(this))
    , m_cache(new QSpinBox(this))
    , m_entrySize(new QSpinBox(this))
    , m_totalSize(new QSpinBox(this))
    , m_ratio(new QSpinBox(this))
    , m_encoding(new QComboBox(this))
    , m_entries(new QSpinBox(this))
    , m_colors(new QComboBox(this))
    , m_paper(new QPushButton(this))
    , m_ink(new QPushButton(this))
    , m_keepPictures(new QCheckBox(tr("&Keep pictures as they are"), this))
{
    setWindowTitle(tr("Preferences — Folio"));
    m_timeout->setRange(0, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("No limit"));
    // Round up so that a sub-second limit set with --timeout is not shown as "No limit".
    m_timeout->setValue(int((timeout.count() + 999) / 1000));

    m_cache->setRange(16, 16 * 1024);
    m_cache->setSingleStep(64);
    m_cache->setSuffix(tr(" MiB"));
    m_cache->setValue(cacheBudgetMiB);
    m_cache->setToolTip(tr("Rendered pages of the document on screen are kept up to this size, so "
                           "scrolling back shows them at once. Documents in other tabs keep an eighth."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Time limit for long operations:"), m_timeout);
    form->addRow(tr("&Memory for rendered pages:"), m_cache);
    auto *hint = new QLabel(tr("Opening, searching and exporting stop by themselves after this time. "
                               "Esc or Cancel stops them at any moment."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    // Archive limits: what a zip bomb would have to get past. 0 turns a limit off.
    for (QSpinBox *box : {m_entrySize, m_totalSize, m_ratio, m_entries})
        box->setSpecialValueText(tr("No limit"));
    m_entrySize->setRange(0, 1024 * 1024);
    m_entrySize->setSuffix(tr(" MiB"));
    m_totalSize->setRange(0, 1024 * 1024);
    m_totalSize->setSuffix(tr(" GiB"));
    m_ratio->setRange(0, 1'000'000);
    m_ratio->setSuffix(tr(" : 1"));
    m_entries->setRange(0, 1'000'000);
    m_entries->setSuffix(tr(" thousand"));
    setLimits(Limits());
    auto *limitsBox = new QGroupBox(tr("Archive safety limits"), this);
    auto *limitsForm = new QFormLayout(limitsBox);
    limitsForm->addRow(tr("Largest &entry:"), m_entrySize);
    limitsForm->addRow(tr("Largest &total to extract:"), m_totalSize);
    limitsForm->addRow(tr("Highest compression &ratio (over 1 MiB):"), m_ratio);
    limitsForm->addRow(tr("Most e&ntries:"), m_entries);
    // Names written without a code page (old ZIPs and tars): detected, or the one chosen here.
    m_encoding->setEditable(true);
    m_encoding->addItem(tr("Detect automatically"));
    for (const char *name : {"CP437", "CP850", "CP852", "CP866", "CP1250", "CP1251", "CP1252", "KOI8-R", "ISO-8859-1",
             "ISO-8859-2", "SHIFT_JIS", "EUC-JP", "GBK", "BIG5", "EUC-KR"})
        m_encoding->addItem(QLatin1String(name));
    m_encoding->setToolTip(tr("The code page of file names in archives that do not say theirs"));
    limitsForm->addRow(tr("Entry &names without a code page:"), m_encoding);
    auto *limitsHint = new QLabel(tr("Archives, comic books and e-books that exceed these are refused before "
                                     "they can fill the memory or the disk. Raise them only for files you trust."),
        limitsBox);
    limitsHint->setWordWrap(true);
    limitsHint->setForegroundRole(QPalette::PlaceholderText);
    limitsForm->addRow(limitsHint);

    // Page colours: what documents open in the first time (View ▸ Colours changes a document's).
    addPageColorModes(m_colors, tr("Normal"));
    const auto pick = [this](QPushButton *button, QColor &color, const QString &title) {
        connect(button, &QPushButton::clicked, this, [this, button, &color, title] {
            const QColor chosen = QColorDialog::getColor(color, this, title);
            if (chosen.isValid()) {
                color = chosen;
                button->setText(chosen.name());
            }
        });
    };
    pick(m_paper, m_paperColor, tr("Paper Colour"));
    pick(m_ink, m_inkColor, tr("Ink Colour"));
    auto *colorsBox = new QGroupBox(tr("Page colours"), this);
    auto *colorsForm = new QFormLayout(colorsBox);
    colorsForm->addRow(tr("Documents &open in:"), m_colors);
    colorsForm->addRow(tr("Custom &paper:"), m_paper);
    colorsForm->addRow(tr("Custom &ink:"), m_ink);
    colorsForm->addRow(m_keepPictures);
    setPageColors(PageColors());

    m_restoreSession = new QCheckBox(tr("&Reopen the last session's documents at start"), this);
    m_restoreSession->setToolTip(
        tr("Folio started without files opens the tabs that were open when it last closed, each at its page"));
    m_screen = new QComboBox(this);
    m_screen->addItem(tr("The window's screen"), QString());
    for (const QScreen *screen : QGuiApplication::screens()) {
        const QString model = screen->model().isEmpty() ? screen->name() : screen->model();
        m_screen->addItem(tr("%1 (%2 × %3)").arg(model).arg(screen->size().width()).arg(screen->size().height()),
            screen->name());
    }
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("As the desktop's"), int(WindowTheme::System));
    m_theme->addItem(tr("Light"), int(WindowTheme::Light));
    m_theme->addItem(tr("Dark"), int(WindowTheme::Dark));
    auto *startForm = new QFormLayout;
    startForm->addRow(tr("&Window colours:"), m_theme);
    startForm->addRow(m_restoreSession);
    m_author = new QLineEdit(this);
    m_author->setPlaceholderText(qEnvironmentVariable("USER"));
    m_author->setToolTip(tr("The name highlights and notes made in Folio carry"));
    startForm->addRow(tr("A&uthor of annotations:"), m_author);
    startForm->addRow(tr("P&resentations on:"), m_screen);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addLayout(startForm);
    layout->addWidget(colorsBox);
    layout->addWidget(limitsBox);
    layout->addWidget(buttons);
}

void PreferencesDialog::setWindowTheme(WindowTheme theme)
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(int(theme))));
}

WindowTheme PreferencesDialog::windowTheme() const
{
    return WindowTheme(m_theme->currentData().toInt());
}

void PreferencesDialog::setAnnotationAuthor(const QString &author)
{
    m_author->setText(author == qEnvironmentVariable("USER") ? QString() : author);
}

QString PreferencesDialog::annotationAuthor() const
{
    return m_author->text().trimmed();
}

void PreferencesDialog::setRestoreSession(bool restore)
{
    m_restoreSession->setChecked(restore);
}

bool PreferencesDialog::restoreSession() const
{
    return m_restoreSession->isChecked();
}

void PreferencesDialog::setPresentationScreen(const QString &name)
{
    int index = m_screen->findData(name);
    if (index < 0) { // a screen not connected now: kept, and named as such
        m_screen->addItem(tr("%1 (not connected)").arg(name), name);
        index = m_screen->count() - 1;
    }
    m_screen->setCurrentIndex(index);
}

QString PreferencesDialog::presentationScreen() const
{
    return m_screen->currentData().toString();
}

std::chrono::milliseconds PreferencesDialog::timeout() const
{
    return std::chrono::seconds(m_timeout->value());
}

int PreferencesDialog::cacheBudgetMiB() const
{
    return m_cache->value();
}

void PreferencesDialog::setPageColors(const PageColors &colors)
{
    m_colors->setCurrentIndex(std::max(0, m_colors->findData(int(colors.mode))));
    m_paperColor = colors.paper;
    m_inkColor = colors.ink;
    m_paper->setText(colors.paper.name());
    m_ink->setText(colors.ink.name());
    m_keepPictures->setChecked(colors.keepPictures);
}

PageColors PreferencesDialog::pageColors() const
{
    PageColors colors;
    colors.mode = PageColors::Mode(m_colors->currentData().toInt());
    colors.paper = m_paperColor;
    colors.ink = m_inkColor;
    colors.keepPictures = m_keepPictures->isChecked();
    return colors;
}

} // namespace folio

namespace folio {

namespace {
constexpr qint64 NoLimit = std::numeric_limits<qint64>::max();
constexpr qint64 MiB = 1LL << 20;
constexpr qint64 GiB = 1LL << 30;

int toBox(qint64 value, qint64 unit, int maximum)
{
    if (value == NoLimit)
        return 0;
    return int(std::clamp<qint64>((value + unit - 1) / unit, 1, maximum));
}

qint64 fromBox(int value, qint64 unit)
{
    return value == 0 ? NoLimit : qint64(value) * unit;
}
} // namespace

void PreferencesDialog::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_entrySize->setValue(toBox(limits.maxEntrySize, MiB, m_entrySize->maximum()));
    m_totalSize->setValue(toBox(limits.maxTotalExtracted, GiB, m_totalSize->maximum()));
    m_ratio->setValue(std::clamp(limits.maxCompressionRatio, 0, m_ratio->maximum()));
    m_entries->setValue(toBox(limits.maxEntries, 1000, m_entries->maximum()));
}

Limits PreferencesDialog::limits() const
{
    Limits limits = m_limits;
    limits.maxEntrySize = fromBox(m_entrySize->value(), MiB);
    limits.maxTotalExtracted = fromBox(m_totalSize->value(), GiB);
    limits.maxCompressionRatio = m_ratio->value();
    limits.maxEntries = fromBox(m_entries->value(), 1000);
    return limits;
}

void PreferencesDialog::setArchiveEncoding(const QByteArray &encoding)
{
    if (encoding.isEmpty())
        m_encoding->setCurrentIndex(0);
    else
        m_encoding->setCurrentText(QString::fromLatin1(encoding));
}

QByteArray PreferencesDialog::archiveEncoding() const
{
    if (m_encoding->currentIndex() == 0 && m_encoding->currentText() == m_encoding->itemText(0))
        return {};
    const QByteArray name = m_encoding->currentText().trimmed().toLatin1();
    // A name the system does not know would decode nothing: detection instead.
    return Viewer::isKnownNameEncoding(name) ? name : QByteArray();
}

} // namespace folio
