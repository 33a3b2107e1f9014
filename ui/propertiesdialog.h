// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QPair>
#include <QSizeF>
#include <QString>

#include <memory>

class QTableWidget;

namespace folio {

class Job;
class JobRunner;
class SharedDocument;

// What File › Properties shows: a plain value, filled on the GUI thread from what the window
// already knows, or all at once inside a job by readDocumentProperties().
struct DocumentProperties
{
    QString filePath;
    qint64 fileSize = -1; // bytes; -1 when unknown
    QDateTime modified; // of the file; invalid when unknown
    QString formatName;
    QString mimeType;
    int pageCount = 0;
    bool pageCountFinal = true; // false while a streaming document is still being counted
    QSizeF firstPageSize; // points; invalid when the document has no page
    bool encrypted = false;
    Metadata metadata; // keys as Document::metadata() gives them

    // Sets filePath, fileSize and modified from the file system (a stat: cheap, but it touches
    // the disk, so a job is the better place on a slow mount).
    void readFileInfo(const QString &path);
};

// The document's metadata, read under its gate. Fails only when `token` is cancelled while the
// gate is busy.
Result<Metadata> readMetadata(SharedDocument &document, const CancellationToken &token);
// Everything the dialog shows, consistent at one moment: the document's side under its gate, then
// the file's. For a job.
Result<DocumentProperties> readDocumentProperties(
    SharedDocument &document, const QString &path, const CancellationToken &token);

// File › Properties: a "General" form (file, size, dates, format, pages, page size, encryption)
// above a two-column table of the metadata. All text is selectable and shown as plain text (a
// document's metadata is never interpreted as HTML); Copy puts every row on the clipboard as
// "Key: value" lines.
class PropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    using Row = QPair<QString, QString>; // translated label, displayed value

    explicit PropertiesDialog(const DocumentProperties &properties, QWidget *parent = nullptr);

    // Reads the properties of `document` in a job of `jobs`, then shows a non-modal dialog over
    // `parent` that deletes itself when closed. The read waits for the document's gate (a page
    // being rendered), so it can take a moment; when it is cancelled, or `parent` is gone by
    // then, nothing is shown.
    static Job *showFor(
        JobRunner &jobs, std::shared_ptr<SharedDocument> document, const QString &path, QWidget *parent);

    const QList<Row> &generalRows() const { return m_general; }
    const QList<Row> &metadataRows() const { return m_metadata; }
    QTableWidget *metadataTable() const { return m_table; }
    // Every row, General first, as "Key: value" lines: what Copy puts on the clipboard.
    QString text() const;

    // How the dialog shows things, in the current QLocale.
    static QString formatFileSize(qint64 bytes);
    // Compact, for a column: "1 byte", "512 bytes", "1.50 KiB".
    static QString formatShortSize(qint64 bytes);
    static QString formatPageCount(int count, bool final);
    // "A4, 210 × 297 mm (595 × 842 pt)"; the paper name only when QPageSize knows the size.
    static QString formatPageSize(QSizeF points);
    // Long date and short time in local time: "Wednesday, 25 November 2026 13:00".
    static QString formatDateTime(const QDateTime &dateTime);
    // A translated label for the common keys ("CreationDate" → "Creation date"); other keys as they are.
    static QString metadataLabel(const QString &key);
    // Dates (ISO 8601) localized, sizes and flags made readable; anything else as it is.
    static QString metadataValue(const QString &key, const QString &value);

public Q_SLOTS:
    void copyToClipboard() const;

private:
    QWidget *createGeneralSection();
    QWidget *createMetadataSection();

    QList<Row> m_general;
    QList<Row> m_metadata;
    QTableWidget *m_table = nullptr;
};

} // namespace folio
