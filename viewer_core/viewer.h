// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QMimeType>
#include <QSizeF>

#include <memory>

class QIODevice;

namespace folio {

struct OpenOptions
{
    QString password;
    Limits limits;
    // View options that change what the pages are (comments and speaker notes laid out with the
    // text, hidden sheets and slides shown): fixed when the document is opened.
    RenderOptions renderOptions = RenderOption::None;
    // The file's name in messages and for format detection when the path is not it: a path
    // from NativeFileName::reachable() ("/proc/self/fd/N") names no format and no file.
    QString displayName;
    // The code page of archive entry names stored without one ("CP866"); empty: detected.
    QByteArray archiveEncoding;
};

// What a file on disk was at one moment: enough to tell whether it was since replaced, changed or
// removed (device and inode, size, modification time in nanoseconds).
struct FileStamp
{
    bool exists = false;
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = -1;
    qint64 modifiedNs = 0;

    static FileStamp of(const QString &path);
    // Ok while `path` is still this file; otherwise an IoError naming `name` that says the file
    // changed on disk, or was deleted or moved, after it was opened.
    Status verify(const QString &path, const QString &name) const;
    bool operator==(const FileStamp &) const = default;
};

struct DocumentInfo
{
    QString file;
    QString format; // backend format id: "pdf", "image", "text", ...
    QString formatName; // human-readable
    QString mimeType;
    int pageCount = 0;
    QList<QSizeF> pageSizes; // points, unrotated
    Metadata metadata;
    int attachmentCount = 0;
    bool encrypted = false;
    FormType formType = FormType::None;
    // The fields of an AcroForm, a radio group counting once; 0 for other documents.
    int formFieldCount = 0;
};

// The facade programs use: detects the format, opens the document through its backend, and
// forwards every call under a token. Owns the open Document. Not thread-safe: one thread at a
// time, like Document; use openInstance() to give another thread its own copy.
class Viewer
{
    Q_DECLARE_TR_FUNCTIONS(folio::Viewer)
public:
    // Whether `name` is a code page archive entry names can be decoded from (iconv's names:
    // "CP866", "SHIFT_JIS", ...), for OpenOptions::archiveEncoding.
    static bool isKnownNameEncoding(const QByteArray &name);
    Viewer();
    ~Viewer();
    Viewer(const Viewer &) = delete;
    Viewer &operator=(const Viewer &) = delete;

    // Opens a file. On failure the previously open document (if any) stays closed.
    Status open(const QString &path, const OpenOptions &options, const CancellationToken &token,
        const ProgressCallback &progress = {});
    // Opens from a device (taken over; must be readable). `name` is used for detection and messages.
    Status open(std::unique_ptr<QIODevice> device, const QString &name, const OpenOptions &options,
        const CancellationToken &token, const ProgressCallback &progress = {});
    void close();

    // One-shot open without a Viewer, for workers that need their own instance.
    static Result<std::unique_ptr<Document>> load(const QString &path, const OpenOptions &options,
        const CancellationToken &token, const ProgressCallback &progress = {});
    static Result<std::unique_ptr<Document>> load(std::unique_ptr<QIODevice> device, const QString &name,
        const OpenOptions &options, const CancellationToken &token, const ProgressCallback &progress = {});
    // A second, independent instance of the open document (only for documents opened by path).
    // Refused when the file is no longer the one opened (checkFileUnchanged()): an instance of
    // another version would mix two documents in one export.
    Result<std::unique_ptr<Document>> openInstance(const CancellationToken &token) const;
    // Ok while the opened file is still on disk as it was when opened; otherwise an IoError
    // saying it was changed, or deleted or moved. Ok for documents read from a stream.
    Status checkFileUnchanged() const;

    bool isOpen() const { return m_document != nullptr; }
    Document *document() const { return m_document.get(); }
    // The name for people and messages (OpenOptions::displayName, else the path).
    QString fileName() const { return m_fileName; }
    // The path the document was opened by; empty for a stream.
    QString path() const { return m_path; }

    // Reads the whole document as far as needed to know every page.
    Result<DocumentInfo> info(const CancellationToken &token, const ProgressCallback &progress = {});
    Result<QImage> render(int page, const RenderRequest &request, const CancellationToken &token);
    Result<QString> text(int page, const CancellationToken &token);
    Result<QList<Annotation>> annotations(int page, const CancellationToken &token);
    Result<QList<FormField>> formFields(int page, const CancellationToken &token);
    Result<QList<OutlineItem>> outline(const CancellationToken &token);
    QList<AttachmentInfo> attachments() const;
    Status saveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress = {});

private:
    Status notOpen() const;

    std::unique_ptr<Document> m_document;
    QString m_fileName;
    QString m_path;
    FileStamp m_stamp;
    OpenOptions m_options;
};

} // namespace folio
