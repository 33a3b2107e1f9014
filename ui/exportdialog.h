// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagecolors.h"

#include "exporters/exportrequest.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace folio {

// File ▸ Export…: format, pages, size, rotation, watermark and destination folder. Export stays
// disabled while anything is invalid, and the reason is shown next to the field. Starts from
// the last export's choices (Settings::exportChoices()) and stores them when accepted.
//
// The widgets have object names (format, allPages, currentPage, rangePages, range, dpi, useWidth,
// width, quality, resources, rotation, colors, watermark, watermarkText, watermarkColor, watermarkSize,
// watermarkAngle, folder, browse) for tests and accessibility tools.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // What the dialog knows of the document: its path, the page on screen (0-based) and how many
    // pages are known (`pageCountFinal` false while a streaming document is still being read).
    struct Source
    {
        QString path;
        int currentPage = 0;
        int pageCount = 0;
        bool pageCountFinal = true;
        PageColors colors; // the tab's: the export's colours start as the pages show
    };

    explicit ExportDialog(const Source &source, QWidget *parent = nullptr);

    // The export the widgets describe; meaningful while isValid().
    ExportRequest request() const;
    ExportOptions options() const { return request().options; }
    bool isValid() const { return m_problems.isEmpty(); }
    // Why Export is disabled, one line per problem; empty while valid.
    QStringList problems() const { return m_problems; }
    // The range's parse (or resolve) error as shown under it; empty when fine or not selected.
    QString rangeError() const;
    QPushButton *exportButton() const { return m_exportButton; }

    QColor watermarkColor() const { return m_watermarkColor; }
    void setWatermarkColor(const QColor &color);
    void setFolder(const QString &folder);

    // The folder proposed for a document that has no remembered one.
    static QString suggestedFolder(const QString &documentPath);

public Q_SLOTS:
    void accept() override;

private:
    void createWidgets();
    QWidget *createPagesRow();
    QWidget *createSizeRow();
    QWidget *createWatermarkBox();
    QWidget *createFolderRow();
    void applyChoices();
    void chooseColor();
    void browse();
    // Enables the fields the format uses, checks every field, and says what will be written.
    void update();
    // The 0-based pages to write when they are known now, else std::nullopt ("8-" on a document
    // still being counted); sets `error` when the selection cannot be exported.
    std::optional<QList<int>> knownPages(QString &error) const;
    QString describeOutput(const std::optional<QList<int>> &pages, const ExportOptions &options) const;

    Source m_source;
    QColor m_watermarkColor;
    QStringList m_problems;
    bool m_updating = false;

    QComboBox *m_format = nullptr;
    QButtonGroup *m_pageMode = nullptr;
    QRadioButton *m_allPages = nullptr;
    QRadioButton *m_currentPage = nullptr;
    QRadioButton *m_rangePages = nullptr;
    QLineEdit *m_range = nullptr;
    QLabel *m_rangeMessage = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QSpinBox *m_dpi = nullptr;
    QCheckBox *m_useWidth = nullptr;
    QSpinBox *m_width = nullptr;
    QLabel *m_qualityLabel = nullptr;
    QSpinBox *m_quality = nullptr;
    QLabel *m_resourcesLabel = nullptr;
    QComboBox *m_resources = nullptr;
    QComboBox *m_colors = nullptr; // item data: PageColors::Mode
    QComboBox *m_rotation = nullptr;
    QGroupBox *m_watermark = nullptr;
    QLineEdit *m_watermarkText = nullptr;
    QPushButton *m_colorButton = nullptr;
    QSpinBox *m_watermarkSize = nullptr;
    QSpinBox *m_watermarkAngle = nullptr;
    QLabel *m_watermarkMessage = nullptr;
    QLineEdit *m_folder = nullptr;
    QLabel *m_output = nullptr;
    QPushButton *m_exportButton = nullptr;
};

} // namespace folio
