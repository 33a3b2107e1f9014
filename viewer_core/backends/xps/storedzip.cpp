// SPDX-License-Identifier: GPL-3.0-or-later
#include "storedzip.h"

#include <QIODevice>
#include <QtEndian>

#include <array>

namespace folio::xps {

namespace {

constexpr qint64 zipMax = 0xffffffffLL;
constexpr quint16 utf8Names = 0x0800;
constexpr quint16 dosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01

const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

// Little-endian fields appended to a header.
void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

QByteArray localHeader(const QByteArray &name, quint32 crc, quint32 size)
{
    QByteArray header;
    put32(header, 0x04034b50);
    put16(header, 20); // version needed: 2.0
    put16(header, utf8Names);
    put16(header, 0); // stored
    put16(header, 0); // time
    put16(header, dosDate);
    put32(header, crc);
    put32(header, size); // compressed
    put32(header, size);
    put16(header, quint16(name.size()));
    put16(header, 0); // extra field
    return header + name;
}

} // namespace

StoredZipWriter::StoredZipWriter(QIODevice &device)
    : m_device(device)
{ }

bool StoredZipWriter::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool StoredZipWriter::begin(const QString &name)
{
    if (m_open && !endEntry())
        return false;
    const QByteArray utf8 = name.toUtf8();
    if (m_entries.size() >= 0xffff || utf8.size() > 0xffff)
        return fail(QStringLiteral("too many entries for a ZIP without ZIP64"));
    const qint64 offset = m_device.pos();
    if (offset > zipMax)
        return fail(QStringLiteral("over 4 GiB"));
    m_entries.append({utf8, 0, 0, quint32(offset)});
    const QByteArray header = localHeader(utf8, 0, 0);
    if (m_device.write(header) != header.size())
        return fail(m_device.errorString());
    m_open = true;
    m_size = 0;
    m_crc = 0xffffffffu;
    return true;
}

bool StoredZipWriter::write(const char *data, qint64 size)
{
    const auto &table = crcTable();
    for (qint64 i = 0; i < size; ++i)
        m_crc = table[(m_crc ^ quint8(data[i])) & 0xff] ^ (m_crc >> 8);
    m_size += size;
    if (m_size > zipMax)
        return fail(QStringLiteral("an entry over 4 GiB"));
    if (m_device.write(data, size) != size)
        return fail(m_device.errorString());
    return true;
}

// Writes the entry's CRC-32 and size into its local header, now that they are known.
bool StoredZipWriter::endEntry()
{
    m_open = false;
    Written &entry = m_entries.last();
    entry.crc = ~m_crc;
    entry.size = quint32(m_size);
    const qint64 end = m_device.pos();
    const QByteArray header = localHeader(entry.name, entry.crc, entry.size);
    if (!m_device.seek(entry.offset) || m_device.write(header) != header.size() || !m_device.seek(end))
        return fail(m_device.errorString());
    return true;
}

bool StoredZipWriter::finish()
{
    if (m_open && !endEntry())
        return false;
    const qint64 start = m_device.pos();
    QByteArray directory;
    for (const Written &entry : std::as_const(m_entries)) {
        put32(directory, 0x02014b50);
        put16(directory, 20); // made by: 2.0
        put16(directory, 20); // needed
        put16(directory, utf8Names);
        put16(directory, 0); // stored
        put16(directory, 0);
        put16(directory, dosDate);
        put32(directory, entry.crc);
        put32(directory, entry.size);
        put32(directory, entry.size);
        put16(directory, quint16(entry.name.size()));
        put16(directory, 0); // extra
        put16(directory, 0); // comment
        put16(directory, 0); // disk
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, entry.offset);
        directory += entry.name;
    }
    if (start + directory.size() > zipMax)
        return fail(QStringLiteral("over 4 GiB"));
    QByteArray end;
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint16(m_entries.size()));
    put16(end, quint16(m_entries.size()));
    put32(end, quint32(directory.size()));
    put32(end, quint32(start));
    put16(end, 0); // comment
    if (m_device.write(directory) != directory.size() || m_device.write(end) != end.size())
        return fail(m_device.errorString());
    return true;
}

} // namespace folio::xps
