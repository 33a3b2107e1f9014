// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"
#include "theme.h"

#include "pagelist.h"
#include "settings.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace folio {

namespace {

using Format = ExportOptions::Format;

// Checking whether each output file exists is a stat per page: enough to warn, never a stall.
constexpr int MaxExistenceChecks = 500;

// Readable on light and dark themes alike (Breeze's "negative text").
const QColor ErrorColor(0xda, 0x44, 0x53);

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // A wrapping label asks for little width, and the window's minimum height is its height at
    // its minimum width: without a floor it would wrap after every word and leave the dialog
    // with a gap of many empty lines.
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 40);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->hide();
    return label;
}

void showMessage(QLabel *label, const QString &text, bool error)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (error)
        palette.setColor(QPalette::WindowText, ErrorColor);
    else
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// "~/exports" is what people type; the GUI's working folder means nothing to them.
QString expandedFolder(const QString &text)
{
    QString folder = text.trimmed();
    if (folder == QLatin1String("~") || folder.startsWith(QLatin1String("~/")))
        folder = QDir::homePath() + folder.mid(1);
    return folder.isEmpty() ? folder : QDir::cleanPath(folder);
}

QIcon swatch(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    QPainter painter(&pixmap);
    // A white half and a black half show how see-through the colour is.
    painter.fillRect(QRect(0, 0, size, size), Qt::white);
    painter.fillRect(QRect(size / 2, 0, size - size / 2, size), Qt::black);
    painter.fillRect(QRect(0, 0, size, size), color);
    painter.setPen(QColor(0, 0, 0, 90));
    painter.drawRect(QRect(0, 0, size - 1, size - 1));
    painter.end();
    return QIcon(pixmap);
}

} // namespace

ExportDialog::ExportDialog(const Source &source, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
{
    const QString fileName = QFileInfo(source.path).fileName();
    setWindowTitle(fileName.isEmpty() ? tr("Export") : tr("Export — %1").arg(fileName));
    createWidgets();
    applyChoices();
    update();
}

void ExportDialog::createWidgets()
{
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("PNG pictures, one per page"), int(Format::Png));
    m_format->addItem(tr("JPEG pictures, one per page"), int(Format::Jpeg));
    m_format->addItem(tr("HTML pages, one per page"), int(Format::Html));
    m_format->addItem(tr("PDF document"), int(Format::Pdf));
    m_format->setToolTip(tr("<p><b>PNG</b> keeps every detail. <b>JPEG</b> files are smaller, best for "
                            "photographs. <b>HTML</b> keeps the text selectable and searchable. <b>PDF</b> "
                            "puts the pages into one document.</p>"));

    m_rotation = new QComboBox(this);
    m_rotation->setObjectName(QStringLiteral("rotation"));
    m_rotation->addItem(tr("Not rotated"), 0);
    m_rotation->addItem(tr("90° clockwise"), 90);
    m_rotation->addItem(tr("Upside down (180°)"), 180);
    m_rotation->addItem(tr("90° counter-clockwise"), 270);
    m_rotation->setToolTip(tr("Turns every exported page; the document itself does not change."));
    m_colors = new QComboBox(this);
    m_colors->setObjectName(QStringLiteral("colors"));
    addPageColorModes(m_colors, tr("As in the document"));
    m_colors->setCurrentIndex(std::max(0, m_colors->findData(int(m_source.colors.mode))));
    m_colors->setToolTip(tr("The pages' colours, as View ▸ Colours shows them. Turned pages are exported as "
                            "pictures (with their text in PDF)."));

    m_quality = new QSpinBox(this);
    m_quality->setObjectName(QStringLiteral("quality"));
    m_quality->setRange(1, 100);
    m_quality->setValue(90);
    m_quality->setToolTip(tr("Higher keeps more detail in bigger files; 90 is hard to tell from the "
                             "original. Only JPEG has it."));

    m_resources = new QComboBox(this);
    m_resources->setObjectName(QStringLiteral("resources"));
    m_resources->addItem(tr("Inside each page file"), int(ExportOptions::Resources::Embedded));
    m_resources->addItem(tr("In a “resources” folder beside the pages"), int(ExportOptions::Resources::External));
    m_resources->setToolTip(tr("Inside: every page is one file that can be mailed on its own. "
                               "In a folder: each picture is written once, and the pages are smaller."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Forma&t:"), m_format);
    auto *pagesLabel = new QLabel(tr("Pages:"), this);
    form->addRow(pagesLabel, createPagesRow());
    m_sizeLabel = new QLabel(tr("Re&solution:"), this);
    form->addRow(m_sizeLabel, createSizeRow());
    m_sizeLabel->setBuddy(m_dpi);
    m_qualityLabel = new QLabel(tr("JPEG &quality:"), this);
    m_qualityLabel->setBuddy(m_quality);
    form->addRow(m_qualityLabel, m_quality);
    m_resourcesLabel = new QLabel(tr("HTML &pictures:"), this);
    m_resourcesLabel->setBuddy(m_resources);
    form->addRow(m_resourcesLabel, m_resources);
    form->addRow(tr("R&otate pages:"), m_rotation);
    form->addRow(tr("Page co&lours:"), m_colors);
    form->addRow(createWatermarkBox());
    form->addRow(tr("&Folder:"), createFolderRow());
    m_output = messageLabel(this);
    m_output->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // In the field column only: an empty label would still take a line's height.
    form->setWidget(form->rowCount(), QFormLayout::FieldRole, m_output);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->button(QDialogButtonBox::Ok);
    m_exportButton->setText(tr("&Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::update);
    connect(m_resources, &QComboBox::currentIndexChanged, this, &ExportDialog::update);
}

QWidget *ExportDialog::createPagesRow()
{
    auto *row = new QWidget(this);
    auto *column = new QVBoxLayout(row);
    column->setContentsMargins(0, 0, 0, 0);
    auto *choices = new QHBoxLayout;
    column->addLayout(choices);

    const QLocale locale;
    const QString count = m_source.pageCountFinal ? locale.toString(m_source.pageCount)
                                                  : tr("%1+").arg(locale.toString(m_source.pageCount));
    m_allPages = new QRadioButton(tr("&All (%1)").arg(count), row);
    m_allPages->setObjectName(QStringLiteral("allPages"));
    m_allPages->setToolTip(m_source.pageCountFinal ? tr("Every page of the document")
                                                   : tr("Every page of the document, however many it turns out "
                                                        "to have (it is still being read)"));
    m_currentPage = new QRadioButton(tr("C&urrent (%1)").arg(locale.toString(m_source.currentPage + 1)), row);
    m_currentPage->setObjectName(QStringLiteral("currentPage"));
    m_currentPage->setToolTip(tr("Only the page on screen"));
    m_rangePages = new QRadioButton(tr("&Range:"), row);
    m_rangePages->setObjectName(QStringLiteral("rangePages"));
    m_range = new QLineEdit(row);
    m_range->setObjectName(QStringLiteral("range"));
    m_range->setPlaceholderText(tr("e.g. 1,3-5,8-"));
    m_range->setAccessibleName(tr("Page range"));
    const QString rangeTip = tr("<p>Pages and ranges separated by commas, written in this order: "
                                "<b>1,3-5</b>; <b>8-</b> runs to the last page, <b>5-3</b> counts down.</p>");
    m_rangePages->setToolTip(rangeTip);
    m_range->setToolTip(rangeTip);

    m_pageMode = new QButtonGroup(row);
    m_pageMode->addButton(m_allPages);
    m_pageMode->addButton(m_currentPage);
    m_pageMode->addButton(m_rangePages);
    m_allPages->setChecked(true);
    choices->addWidget(m_allPages);
    choices->addWidget(m_currentPage);
    choices->addWidget(m_rangePages);
    choices->addWidget(m_range, 1);

    m_rangeMessage = messageLabel(row);
    m_rangeMessage->setObjectName(QStringLiteral("rangeMessage"));
    column->addWidget(m_rangeMessage);

    connect(m_pageMode, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *button, bool checked) {
        if (checked && button == m_rangePages && !m_updating)
            m_range->setFocus(Qt::OtherFocusReason);
        update();
    });
    // Typing a range means exporting it.
    connect(m_range, &QLineEdit::textEdited, this, [this] { m_rangePages->setChecked(true); });
    connect(m_range, &QLineEdit::textChanged, this, &ExportDialog::update);
    return row;
}

QWidget *ExportDialog::createSizeRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_dpi = new QSpinBox(row);
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_dpi->setRange(36, 1200);
    m_dpi->setSingleStep(25);
    m_dpi->setValue(150);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(tr("<p>Pixels per inch of the page pictures: 96 matches a screen at 100%, 150 "
                         "is sharp on screen, 300 is for printing. PDF and HTML use it for the pictures "
                         "in the pages.</p>"));
    m_useWidth = new QCheckBox(tr("Fixed &width:"), row);
    m_useWidth->setObjectName(QStringLiteral("useWidth"));
    m_useWidth->setToolTip(tr("Make every page picture this many pixels wide instead, whatever its "
                              "paper size"));
    m_width = new QSpinBox(row);
    m_width->setObjectName(QStringLiteral("width"));
    m_width->setRange(16, 20000);
    m_width->setSingleStep(100);
    m_width->setValue(1240);
    m_width->setSuffix(tr(" px"));
    m_width->setAccessibleName(tr("Width in pixels"));
    layout->addWidget(m_dpi);
    layout->addSpacing(12);
    layout->addWidget(m_useWidth);
    layout->addWidget(m_width);
    layout->addStretch();
    connect(m_useWidth, &QCheckBox::toggled, this, [this](bool on) {
        update();
        if (on && !m_updating)
            m_width->setFocus(Qt::OtherFocusReason);
    });
    return row;
}

QWidget *ExportDialog::createWatermarkBox()
{
    m_watermark = new QGroupBox(tr("Water&mark"), this);
    m_watermark->setObjectName(QStringLiteral("watermark"));
    m_watermark->setCheckable(true);
    m_watermark->setChecked(false);
    m_watermark->setToolTip(tr("Writes a text such as DRAFT across every page"));
    m_watermarkText = new QLineEdit(m_watermark);
    m_watermarkText->setObjectName(QStringLiteral("watermarkText"));
    m_watermarkText->setPlaceholderText(tr("e.g. DRAFT or CONFIDENTIAL"));
    m_colorButton = new QPushButton(m_watermark);
    m_colorButton->setObjectName(QStringLiteral("watermarkColor"));
    m_colorButton->setToolTip(tr("The colour and how see-through it is"));
    m_watermarkSize = new QSpinBox(m_watermark);
    m_watermarkSize->setObjectName(QStringLiteral("watermarkSize"));
    m_watermarkSize->setRange(4, 1000);
    m_watermarkSize->setSuffix(tr(" pt"));
    m_watermarkSize->setToolTip(tr("The text's size; a text too long for the page is made smaller to fit"));
    m_watermarkAngle = new QSpinBox(m_watermark);
    m_watermarkAngle->setObjectName(QStringLiteral("watermarkAngle"));
    m_watermarkAngle->setRange(-180, 180);
    m_watermarkAngle->setSingleStep(15);
    m_watermarkAngle->setSuffix(tr("°"));
    m_watermarkAngle->setToolTip(tr("Clockwise turn of the text: 0 is level, −45 rises to the right"));
    m_watermarkMessage = messageLabel(m_watermark);

    auto *styleRow = new QHBoxLayout;
    styleRow->addWidget(m_colorButton);
    auto *sizeLabel = new QLabel(tr("Si&ze:"), m_watermark);
    sizeLabel->setBuddy(m_watermarkSize);
    auto *angleLabel = new QLabel(tr("An&gle:"), m_watermark);
    angleLabel->setBuddy(m_watermarkAngle);
    styleRow->addSpacing(12);
    styleRow->addWidget(sizeLabel);
    styleRow->addWidget(m_watermarkSize);
    styleRow->addSpacing(12);
    styleRow->addWidget(angleLabel);
    styleRow->addWidget(m_watermarkAngle);
    styleRow->addStretch();

    auto *form = new QFormLayout(m_watermark);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Te&xt:"), m_watermarkText);
    auto *colorLabel = new QLabel(tr("&Colour:"), m_watermark);
    colorLabel->setBuddy(m_colorButton);
    form->addRow(colorLabel, styleRow);
    form->setWidget(form->rowCount(), QFormLayout::FieldRole, m_watermarkMessage);

    connect(m_colorButton, &QPushButton::clicked, this, &ExportDialog::chooseColor);
    connect(m_watermark, &QGroupBox::toggled, this, [this](bool on) {
        update();
        // Queued: a mnemonic or a click gives the group box the focus after this signal.
        if (on && !m_updating)
            QTimer::singleShot(0, m_watermarkText, [this] { m_watermarkText->setFocus(Qt::OtherFocusReason); });
    });
    connect(m_watermarkText, &QLineEdit::textChanged, this, &ExportDialog::update);
    return m_watermark;
}

QWidget *ExportDialog::createFolderRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_folder = new QLineEdit(row);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setToolTip(tr("The folder the files go into; it is created when missing. Files of the "
                            "same names already there are replaced."));
    auto *browse = new QPushButton(tr("&Browse…"), row);
    browse->setObjectName(QStringLiteral("browse"));
    browse->setToolTip(tr("Choose the folder"));
    layout->addWidget(m_folder, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_folder, &QLineEdit::textChanged, this, &ExportDialog::update);
    return row;
}

QString ExportDialog::suggestedFolder(const QString &documentPath)
{
    const QFileInfo document(documentPath);
    //: The folder proposed for an export: the document's name without its extension.
    const QString name = tr("%1-export").arg(document.completeBaseName());
    QString parent = document.absolutePath();
    // A document opened from a read-only place (a mounted disc, a package's docs) cannot take it.
    if (documentPath.isEmpty() || !QFileInfo(parent).isWritable())
        parent = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(parent).filePath(name);
}

void ExportDialog::applyChoices()
{
    m_updating = true; // one update() at the end, not one per widget
    const Settings::ExportChoices choices = Settings::exportChoices();
    const ExportOptions &options = choices.options;
    m_format->setCurrentIndex(std::max(0, m_format->findData(int(options.format))));
    m_dpi->setValue(int(std::lround(options.dpi)));
    m_useWidth->setChecked(choices.useWidth);
    m_width->setValue(options.width);
    m_quality->setValue(options.quality > 0 ? options.quality : 90);
    m_resources->setCurrentIndex(std::max(0, m_resources->findData(int(options.resources))));
    m_rotation->setCurrentIndex(std::max(0, m_rotation->findData(options.rotation)));
    m_watermark->setChecked(choices.watermark);
    m_watermarkText->setText(options.watermark.text);
    setWatermarkColor(options.watermark.color);
    m_watermarkSize->setValue(int(std::lround(options.watermark.size)));
    m_watermarkAngle->setValue(int(std::lround(options.watermark.angle)));
    // The folder of the last export when it was for this document; a fresh one beside it else,
    // so that pages of two documents never land (and overwrite each other) in one folder.
    const bool sameDocument = !choices.folder.isEmpty() && choices.document == m_source.path;
    m_folder->setText(QDir::toNativeSeparators(sameDocument ? choices.folder : suggestedFolder(m_source.path)));
    m_updating = false;
}

void ExportDialog::setWatermarkColor(const QColor &color)
{
    if (!color.isValid())
        return;
    m_watermarkColor = color;
    const int size = m_colorButton->fontMetrics().height();
    m_colorButton->setIcon(swatch(color, size));
    m_colorButton->setIconSize(QSize(size, size));
    //: A colour and its opacity: "#C80000, 31% opaque"
    m_colorButton->setText(
        tr("%1, %2% opaque").arg(color.name(QColor::HexRgb).toUpper()).arg(std::lround(color.alphaF() * 100)));
}

void ExportDialog::setFolder(const QString &folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
}

void ExportDialog::chooseColor()
{
    const QColor color
        = QColorDialog::getColor(m_watermarkColor, this, tr("Watermark Colour"), QColorDialog::ShowAlphaChannel);
    if (color.isValid())
        setWatermarkColor(color);
}

void ExportDialog::browse()
{
    // Start from the deepest part of the typed folder that exists.
    QString start = expandedFolder(m_folder->text());
    while (!start.isEmpty() && !QFileInfo(start).isDir()) {
        const QString parent = QFileInfo(start).path();
        start = parent == start ? QString() : parent;
    }
    if (start.isEmpty())
        start = QFileInfo(m_source.path).absolutePath();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export Into Folder"), start);
    if (!folder.isEmpty())
        setFolder(folder);
}

std::optional<QList<int>> ExportDialog::knownPages(QString &error) const
{
    if (m_currentPage->isChecked())
        return QList<int> {m_source.currentPage};
    PageList list = PageList::all();
    if (m_rangePages->isChecked()) {
        const QString spec = m_range->text().trimmed();
        if (spec.isEmpty()) {
            error = tr("Type the pages to export, such as 1,3-5.");
            return std::nullopt;
        }
        auto parsed = PageList::parse(spec);
        if (!parsed) {
            error = parsed.status().message();
            return std::nullopt;
        }
        list = std::move(parsed).value();
    }
    // A document still being read may have the pages asked for: the export reads that far.
    const int needed = list.pagesNeeded();
    if (!m_source.pageCountFinal && (needed < 0 || needed > m_source.pageCount))
        return std::nullopt;
    auto pages = list.resolve(m_source.pageCount);
    if (!pages) {
        error = pages.status().message();
        return std::nullopt;
    }
    if (pages->isEmpty()) {
        error = tr("The document has no page to export.");
        return std::nullopt;
    }
    return std::move(pages).value();
}

QString ExportDialog::rangeError() const
{
    return m_rangeMessage->text();
}

QString ExportDialog::describeOutput(const std::optional<QList<int>> &pages, const ExportOptions &options) const
{
    const QDir folder(expandedFolder(m_folder->text()));
    if (options.format == Format::Pdf) {
        const QString name = options.baseName + QLatin1String(".pdf");
        QString text = tr("Writes “%1”.").arg(name);
        if (QFileInfo::exists(folder.filePath(name)))
            text += QLatin1Char(' ') + tr("It replaces the file of that name already there.");
        return text;
    }
    const QString extension = options.extension();
    const auto name = [&](int page) { return QStringLiteral("page-%1.%2").arg(page + 1).arg(extension); };
    QString text;
    if (!pages)
        text = tr("Writes page-1.%1, page-2.%1 and so on: one file per page.").arg(extension);
    else if (pages->size() == 1)
        text = tr("Writes “%1”.").arg(name(pages->first()));
    else if (pages->size() == 2)
        text = tr("Writes “%1” and “%2”.").arg(name(pages->at(0)), name(pages->at(1)));
    else
        text = tr("Writes %1 files, “%2” … “%3”.")
                   .arg(QLocale().toString(pages->size()), name(pages->first()), name(pages->last()));
    if (options.format == Format::Html && options.resources == ExportOptions::Resources::External)
        text += QLatin1Char(' ') + tr("Their pictures go into “resources”.");
    if (pages && folder.exists()) {
        int existing = 0;
        for (int i = 0; i < std::min<int>(pages->size(), MaxExistenceChecks); ++i)
            existing += QFileInfo::exists(folder.filePath(name(pages->at(i)))) ? 1 : 0;
        if (existing > 0)
            text += QLatin1Char(' ')
                + tr("%n file(s) of the same name already there will be replaced.", nullptr, existing);
    }
    return text;
}

void ExportDialog::update()
{
    if (m_updating || !m_exportButton)
        return;
    const auto format = Format(m_format->currentData().toInt());
    m_qualityLabel->setEnabled(format == Format::Jpeg);
    m_quality->setEnabled(format == Format::Jpeg);
    m_resourcesLabel->setEnabled(format == Format::Html);
    m_resources->setEnabled(format == Format::Html);
    m_dpi->setEnabled(!m_useWidth->isChecked());
    m_width->setEnabled(m_useWidth->isChecked());

    m_problems.clear();
    QString rangeError;
    const std::optional<QList<int>> pages = knownPages(rangeError);
    showMessage(m_rangeMessage, rangeError, true);
    if (!rangeError.isEmpty())
        m_problems.append(rangeError);

    QString watermarkError;
    if (m_watermark->isChecked() && m_watermarkText->text().trimmed().isEmpty())
        watermarkError = tr("Type the text to write across the pages, or turn the watermark off.");
    showMessage(m_watermarkMessage, watermarkError, true);
    if (!watermarkError.isEmpty())
        m_problems.append(watermarkError);

    const ExportRequest request = this->request();
    QString folderError;
    const QFileInfo folder(request.directory);
    if (request.directory.isEmpty())
        folderError = tr("Choose the folder to export into.");
    else if (folder.isRelative())
        folderError = tr("Give the folder's full path, such as %1.")
                          .arg(QDir::toNativeSeparators(QDir::home().filePath(QStringLiteral("exports"))));
    else if (folder.exists() && !folder.isDir())
        folderError = tr("“%1” is a file, not a folder.").arg(QDir::toNativeSeparators(request.directory));
    else if (request.replacesDocument())
        folderError
            = tr("This would replace “%1” itself: choose another folder.").arg(QFileInfo(request.pdfFile()).fileName());
    if (!folderError.isEmpty()) {
        m_problems.append(folderError);
        showMessage(m_output, folderError, true);
    } else {
        // With the pages in doubt, what would be written is too: the range's message says why.
        showMessage(m_output, rangeError.isEmpty() ? describeOutput(pages, request.options) : QString(), false);
    }
    m_exportButton->setEnabled(m_problems.isEmpty());
    m_exportButton->setToolTip(m_problems.join(QLatin1Char('\n')));
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request;
    request.documentPath = m_source.path;
    if (m_currentPage->isChecked())
        request.pages = QString::number(m_source.currentPage + 1);
    else if (m_rangePages->isChecked())
        request.pages = m_range->text().trimmed();
    request.directory = expandedFolder(m_folder->text());
    ExportOptions &options = request.options;
    options.format = Format(m_format->currentData().toInt());
    options.dpi = m_dpi->value();
    options.width = m_useWidth->isChecked() ? m_width->value() : 0;
    options.quality = m_quality->value();
    options.resources = ExportOptions::Resources(m_resources->currentData().toInt());
    options.rotation = m_rotation->currentData().toInt();
    options.colors = m_source.colors;
    options.colors.mode = PageColors::Mode(m_colors->currentData().toInt());
    if (options.colors.mode == PageColors::Mode::Custom && m_source.colors.mode != PageColors::Mode::Custom) {
        const PageColors defaults = Settings::defaultPageColors();
        options.colors.paper = defaults.paper;
        options.colors.ink = defaults.ink;
    }
    if (m_watermark->isChecked()) {
        options.watermark.text = m_watermarkText->text().trimmed();
        options.watermark.color = m_watermarkColor;
        options.watermark.size = m_watermarkSize->value();
        options.watermark.angle = m_watermarkAngle->value();
    }
    options.baseName = QFileInfo(m_source.path).completeBaseName();
    return request;
}

void ExportDialog::accept()
{
    update();
    if (!isValid())
        return;
    const ExportRequest request = this->request();
    Settings::ExportChoices choices;
    choices.options = request.options;
    choices.options.width = m_width->value();
    choices.useWidth = m_useWidth->isChecked();
    choices.watermark = m_watermark->isChecked();
    // Kept while off, to come back when the watermark is turned on again.
    choices.options.watermark.text = m_watermarkText->text().trimmed();
    choices.options.watermark.color = m_watermarkColor;
    choices.options.watermark.size = m_watermarkSize->value();
    choices.options.watermark.angle = m_watermarkAngle->value();
    choices.folder = request.directory;
    choices.document = m_source.path;
    Settings::setExportChoices(choices);
    QDialog::accept();
}

} // namespace folio
