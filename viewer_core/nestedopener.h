// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QMimeType>
#include <QString>

#include <memory>

class QIODevice;

namespace folio {

struct OpenRequest; // backend.h

// Opens a document found inside another: an archive entry, the content of a compressed file, a
// comic's page, an email's attachment, an archive's listing. A backend gets one in its
// OpenRequest and never needs the registry or the format detector: the document inside is
// detected and opened with the parent's limits, view options and password, one level deeper, and
// refused beyond Limits::maxNestingDepth (a .gz holding itself must end somewhere).
//
// A small immutable value: a document may keep a copy to open its parts later, on any thread.
class NestedOpener
{
public:
    NestedOpener() = default;
    NestedOpener(const Limits &limits, RenderOptions renderOptions, const QString &password, int depth);

    const Limits &limits() const { return m_limits; }
    RenderOptions renderOptions() const { return m_renderOptions; }
    const QString &password() const { return m_password; }
    // The code page of archive entry names stored without one, chosen by the user ("CP866",
    // "Shift_JIS"); empty: detected (see decodeLegacyNames()). Carried into nested archives.
    const QByteArray &nameEncoding() const { return m_nameEncoding; }
    NestedOpener withNameEncoding(const QByteArray &encoding) const
    {
        NestedOpener copy = *this;
        copy.m_nameEncoding = encoding;
        return copy;
    }
    // 0 for the file the user opened, 1 for a document inside it, ...
    int depth() const { return m_depth; }

    // Detects the format of `device` (random-access or not) and opens it as a document one level
    // deeper. `name` is its name inside the parent (an entry's path), used for detection and in
    // messages. With `family` set ("image"), anything detected as another family is refused as
    // Unsupported without being opened.
    Result<std::unique_ptr<Document>> open(std::unique_ptr<QIODevice> device, const QString &name,
        const CancellationToken &token, const ProgressCallback &progress = {}, const QString &family = {}) const;
    // Opens `device` as `mimeType`, without detection (a listing written as plain text).
    Result<std::unique_ptr<Document>> openAs(const QString &mimeType, std::unique_ptr<QIODevice> device,
        const QString &name, const CancellationToken &token) const;
    // The family ("image", "pdf", ...) whose backend would read a file of this name, judged by the
    // name alone; empty when none would. For choosing among names cheaply (a comic's pages):
    // open() still decides by content.
    static QString familyForName(const QString &name);

private:
    // What a backend gets to open `device` as `type`: this opener's options, and one for the
    // documents inside it, one level deeper.
    OpenRequest request(std::unique_ptr<QIODevice> device, const QString &name, const QMimeType &type) const;

    Limits m_limits;
    RenderOptions m_renderOptions = RenderOption::None;
    QString m_password;
    QByteArray m_nameEncoding;
    int m_depth = 0;
};

} // namespace folio
