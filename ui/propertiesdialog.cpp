// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertiesdialog.h"

#include "jobrunner.h"
#include "shareddocument.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPageSize>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace folio {

namespace {

// A hostile document can carry megabytes of "title": laying that out would stall the GUI
// thread, so cells show the start of such a value; Copy still copies all of it.
constexpr qsizetype MaxShownValue = 2000;

QString shownValue(const QString &value)
{
    return value.size() <= MaxShownValue ? value : value.left(MaxShownValue) + QChar(0x2026);
}

// At most one decimal, none when the value is whole: 210, 215.9.
QString formatLength(double value)
{
    const double rounded = std::round(value * 10) / 10;
    return QLocale().toString(rounded, 'f', rounded == std::round(rounded) ? 0 : 1);
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *selectableLabel(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

DocumentProperties collect(Document &document)
{
    DocumentProperties properties;
    properties.formatName = document.formatName();
    properties.mimeType = document.mimeType();
    properties.pageCount = document.pageCount();
    properties.pageCountFinal = document.isPageCountFinal();
    if (properties.pageCount > 0)
        properties.firstPageSize = document.pageSize(0);
    properties.encrypted = document.isEncrypted();
    properties.metadata = document.metadata();
    return properties;
}

} // namespace

void DocumentProperties::readFileInfo(const QString &path)
{
    filePath = path;
    const QFileInfo info(path);
    fileSize = info.isFile() ? info.size() : -1;
    modified = info.exists() ? info.lastModified() : QDateTime();
}

Result<Metadata> readMetadata(SharedDocument &document, const CancellationToken &token)
{
    const DocumentGate::Lock lock = document.gate().acquire(token);
    if (!lock)
        return Status::fromToken(token);
    return document.document().metadata();
}

Result<DocumentProperties> readDocumentProperties(
    SharedDocument &document, const QString &path, const CancellationToken &token)
{
    DocumentProperties properties;
    {
        const DocumentGate::Lock lock = document.gate().acquire(token);
        if (!lock)
            return Status::fromToken(token);
        properties = collect(document.document());
    }
    properties.readFileInfo(path);
    return properties;
}

PropertiesDialog::PropertiesDialog(const DocumentProperties &properties, QWidget *parent)
    : QDialog(parent)
{
    const QString fileName = QFileInfo(properties.filePath).fileName();
    setWindowTitle(fileName.isEmpty() ? tr("Properties") : tr("Properties — %1").arg(fileName));

    const QString unknown = tr("Unknown");
    m_general = {
        {tr("File"), properties.filePath.isEmpty() ? unknown : QDir::toNativeSeparators(properties.filePath)},
        {tr("Size"), properties.fileSize < 0 ? unknown : formatFileSize(properties.fileSize)},
        {tr("Modified"), properties.modified.isValid() ? formatDateTime(properties.modified) : unknown},
        {tr("Format"), properties.formatName.isEmpty() ? unknown : properties.formatName},
        {tr("MIME type"), properties.mimeType.isEmpty() ? unknown : properties.mimeType},
        {tr("Pages"), formatPageCount(properties.pageCount, properties.pageCountFinal)},
        {tr("Page size"), formatPageSize(properties.firstPageSize)},
        {tr("Encrypted"), properties.encrypted ? tr("Yes") : tr("No")},
    };
    for (const auto &[key, value] : properties.metadata)
        m_metadata.append({metadataLabel(key), metadataValue(key, value)});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy all properties as text"));
    connect(copy, &QPushButton::clicked, this, &PropertiesDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createGeneralSection());
    layout->addWidget(createMetadataSection(), 1);
    layout->addWidget(buttons);
    resize(560, 520);
}

QWidget *PropertiesDialog::createGeneralSection()
{
    auto *box = new QGroupBox(tr("General"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto &[label, value] : std::as_const(m_general))
        form->addRow(plainLabel(tr("%1:").arg(label), box), selectableLabel(value, box));
    return box;
}

QWidget *PropertiesDialog::createMetadataSection()
{
    auto *box = new QGroupBox(tr("Metadata"), this);
    auto *layout = new QVBoxLayout(box);
    m_table = new QTableWidget(int(m_metadata.size()), 2, box);
    m_table->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_table->verticalHeader()->hide();
    // Rows follow the wrapped height of their value as the dialog is resized.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(true);
    for (int row = 0; row < m_metadata.size(); ++row) {
        const auto &[label, value] = m_metadata[row];
        m_table->setItem(row, 0, new QTableWidgetItem(label));
        auto *item = new QTableWidgetItem(shownValue(value));
        item->setToolTip(shownValue(value));
        m_table->setItem(row, 1, item);
    }
    layout->addWidget(m_table);
    if (m_metadata.isEmpty()) {
        m_table->hide();
        layout->addWidget(selectableLabel(tr("The document has no metadata."), box));
    }
    return box;
}

QString PropertiesDialog::text() const
{
    QString text;
    for (const auto &[label, value] : m_general + m_metadata)
        text += tr("%1: %2").arg(label, value) + QLatin1Char('\n');
    return text;
}

void PropertiesDialog::copyToClipboard() const
{
    QGuiApplication::clipboard()->setText(text());
}

Job *PropertiesDialog::showFor(
    JobRunner &jobs, std::shared_ptr<SharedDocument> document, const QString &path, QWidget *parent)
{
    JobOptions options;
    options.operation = tr("Reading properties of");
    options.reportOutcome = false; // a dialog appears; a cancelled read needs no status line
    options.fileName = QFileInfo(path).fileName();
    QObject *context = parent ? static_cast<QObject *>(parent) : &jobs;
    return jobs.run<DocumentProperties>(
        options,
        [document = std::move(document), path](const CancellationToken &token, const ProgressCallback &) {
            return readDocumentProperties(*document, path, token);
        },
        context,
        [parent = QPointer<QWidget>(parent)](Result<DocumentProperties> result) {
            if (!result)
                return;
            auto *dialog = new PropertiesDialog(*result, parent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
}

QString PropertiesDialog::formatShortSize(qint64 bytes)
{
    // QLocale::formattedDataSize() says "1 bytes": below a KiB, the catalogue's plural forms.
    if (bytes < 1024)
        return tr("%Ln byte(s)", nullptr, int(bytes));
    return QLocale().formattedDataSize(bytes);
}

QString PropertiesDialog::formatFileSize(qint64 bytes)
{
    if (bytes < 1024)
        return formatShortSize(bytes);
    const QString size = formatShortSize(bytes);
    // tr()'s count is an int: beyond that, plural rules no longer matter.
    if (bytes < INT_MAX)
        return tr("%1 (%Ln byte(s))", nullptr, int(bytes)).arg(size);
    return tr("%1 (%2 bytes)").arg(size, QLocale().toString(bytes));
}

QString PropertiesDialog::formatPageCount(int count, bool final)
{
    return final ? tr("%Ln page(s)", nullptr, count) : tr("%Ln page(s) so far, still counting", nullptr, count);
}

QString PropertiesDialog::formatPageSize(QSizeF points)
{
    if (!points.isValid() || points.isEmpty())
        return tr("Unknown");
    const bool landscape = points.width() > points.height();
    const QPageSize::PageSizeId id = QPageSize::id(points, QPageSize::Point, QPageSize::FuzzyOrientationMatch);
    // A known paper shows its nominal size (210 × 297 mm), not the rounding of its points.
    QSizeF mm = points * (25.4 / 72.0);
    if (id != QPageSize::Custom) {
        mm = QPageSize::size(id, QPageSize::Millimeter);
        if (landscape)
            mm.transpose();
    }
    const QString size = tr("%1 × %2 mm (%3 × %4 pt)")
                             .arg(formatLength(mm.width()), formatLength(mm.height()), formatLength(points.width()),
                                 formatLength(points.height()));
    if (id == QPageSize::Custom)
        return size;
    return (landscape ? tr("%1 landscape, %2") : tr("%1, %2")).arg(QPageSize::name(id), size);
}

QString PropertiesDialog::formatDateTime(const QDateTime &dateTime)
{
    const QDateTime local = dateTime.toLocalTime();
    const QLocale locale;
    return tr("%1 %2", "date and time")
        .arg(locale.toString(local.date(), QLocale::LongFormat), locale.toString(local.time(), QLocale::ShortFormat));
}

QString PropertiesDialog::metadataLabel(const QString &key)
{
    static const struct
    {
        const char *key;
        const char *label;
    } labels[] = {
        {"Title", QT_TR_NOOP("Title")},
        {"Author", QT_TR_NOOP("Author")},
        {"Subject", QT_TR_NOOP("Subject")},
        {"Keywords", QT_TR_NOOP("Keywords")},
        {"Creator", QT_TR_NOOP("Creator")},
        {"Producer", QT_TR_NOOP("Producer")},
        {"CreationDate", QT_TR_NOOP("Creation date")},
        {"ModificationDate", QT_TR_NOOP("Modification date")},
        {"PDFVersion", QT_TR_NOOP("PDF version")},
        {"Linearized", QT_TR_NOOP("Linearized")},
        {"Encoding", QT_TR_NOOP("Encoding")},
        {"Delimiter", QT_TR_NOOP("Delimiter")},
        {"Columns", QT_TR_NOOP("Columns")},
        {"Rows", QT_TR_NOOP("Rows")},
        {"Size", QT_TR_NOOP("Size")},
        {"Width", QT_TR_NOOP("Width")},
        {"Height", QT_TR_NOOP("Height")},
        {"Frames", QT_TR_NOOP("Frames")},
        {"Format", QT_TR_NOOP("Format")},
    };
    for (const auto &entry : labels) {
        if (key == QLatin1String(entry.key))
            return tr(entry.label);
    }
    return key;
}

QString PropertiesDialog::metadataValue(const QString &key, const QString &value)
{
    if (key == QLatin1String("CreationDate") || key == QLatin1String("ModificationDate")) {
        const QDateTime date = QDateTime::fromString(value, Qt::ISODate);
        return date.isValid() ? formatDateTime(date) : value;
    }
    if (key == QLatin1String("Size")) {
        bool ok = false;
        const qint64 bytes = value.toLongLong(&ok);
        return ok && bytes >= 0 ? formatFileSize(bytes) : value;
    }
    if (key == QLatin1String("Linearized"))
        return value == QLatin1String("yes") ? tr("Yes") : value == QLatin1String("no") ? tr("No") : value;
    return value;
}

} // namespace folio
