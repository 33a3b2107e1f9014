// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "nestedopener.h"

#include <QIODevice>
#include <QMimeType>
#include <QHash>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace folio {

// Everything a backend needs to open one document.
struct OpenRequest
{
    // Open for reading at position 0. The backend takes ownership; a document that reads lazily
    // keeps it for its own lifetime.
    std::unique_ptr<QIODevice> device;
    QString fileName; // for messages and relative resources; may be empty
    QString password;
    Limits limits;
    // Comments, speaker notes and hidden pages to include (see OpenOptions::renderOptions).
    RenderOptions options = RenderOption::None;
    QMimeType mimeType; // as detected
    // Opens what this document contains (entries, compressed content, pages): the same limits,
    // view options and password, one level deeper.
    NestedOpener nested;
};

// How sure a backend is that a device holds its format, MuPDF-style: the detector asks every
// backend and opens the most confident, the registry's order breaking ties.
struct Recognition
{
    enum : int {
        No = 0,
        Fallback = 10, // could be read so, when nothing more specific takes it (bytes that are text)
        NameOnly = 25, // the file's name says so and its content says nothing else
        Weak = 50, // a sign in the content, not where the format puts it (a late PDF header)
        Content = 75, // QMimeDatabase's magic or the name refining generic content (the default)
        Certain = 100, // the format's own signature where the format puts it
    };
    int confidence = No;
    QMimeType mimeType; // the type to open it as (DOCX for a ZIP with word/document.xml)
};

// What a backend looks at to recognise a device. The device is random-access (its position is
// restored by the detector); head() and the memo spare every backend from reading it again.
class RecognitionInput
{
public:
    RecognitionInput(QIODevice &device, const QString &fileName, const QMimeType &contentType);

    QIODevice &device() const { return m_device; }
    const QString &fileName() const { return m_fileName; }
    // The type QMimeDatabase finds from the content, refined by the name where the content is
    // generic (plain text named .md is Markdown); the default application/octet-stream when
    // neither says anything.
    const QMimeType &contentType() const { return m_contentType; }
    // The first 4 KiB (less for a shorter file).
    const QByteArray &head() const;
    // A value computed once per detection for every backend that needs it (a ZIP's directory).
    QVariant memo(const QString &key, const std::function<QVariant()> &compute) const;

private:
    QIODevice &m_device;
    QString m_fileName;
    QMimeType m_contentType;
    mutable std::optional<QByteArray> m_head;
    mutable QHash<QString, QVariant> m_memo;
};

// One format family. Backends are stateless and shared by all threads.
class Backend
{
public:
    virtual ~Backend() = default;
    virtual QString id() const = 0;
    virtual QString name() const = 0;
    // MIME types handled, including ancestors: a type that inherits one of these is handled too.
    virtual QStringList mimeTypes() const = 0;
    // How sure this backend is that `input` is its format. The default: Content for a content
    // type mimeTypes() handles, else No. Backends that know their format's signature better
    // (OOXML's main parts, a PDF header after other bytes) say so here, never in the detector.
    virtual Recognition recognize(const RecognitionInput &input) const;
    virtual Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const = 0;

protected:
    // Whether mimeTypes() names `type` or one of its ancestors.
    bool handles(const QMimeType &type) const;
};

} // namespace folio
