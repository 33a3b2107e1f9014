// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace folio::xps {

// Writes a plain ZIP of stored (uncompressed) entries to a random-access device: no ZIP64, no
// data descriptors, UTF-8 names. The copy of an XPS package libgxps reads (see XpsDocument):
// libarchive's streaming ZIP reader reads such a file whatever the original looked like.
// Everything must stay under 4 GiB and 65,535 entries; add() and finish() say false otherwise,
// or when the device fails (then errorString()).
class StoredZipWriter
{
public:
    explicit StoredZipWriter(QIODevice &device);

    // Starts an entry; its data follows through write(), and it ends with the next begin() or
    // finish().
    bool begin(const QString &name);
    bool write(const char *data, qint64 size);
    bool finish();
    QString errorString() const { return m_error; }

private:
    struct Written
    {
        QByteArray name;
        quint32 crc = 0;
        quint32 size = 0;
        quint32 offset = 0;
    };
    bool endEntry();
    bool fail(const QString &error);

    QIODevice &m_device;
    QList<Written> m_entries;
    bool m_open = false;
    qint64 m_size = 0;
    quint32 m_crc = 0;
    QString m_error;
};

} // namespace folio::xps
