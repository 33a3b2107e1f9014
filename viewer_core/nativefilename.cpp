// SPDX-License-Identifier: GPL-3.0-or-later
#include "nativefilename.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace folio {

bool NativeFileName::isRepresentable(const QByteArray &native)
{
    return QFile::encodeName(QFile::decodeName(native)) == native;
}

namespace {

// The length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0.
int utf8Length(QByteArrayView bytes, qsizetype at)
{
    const auto lead = quint8(bytes[at]);
    int length = 0;
    char32_t code = 0;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead <= 0xdf)
        length = 2, code = lead & 0x1f;
    else if (lead >= 0xe0 && lead <= 0xef)
        length = 3, code = lead & 0x0f;
    else if (lead >= 0xf0 && lead <= 0xf4)
        length = 4, code = lead & 0x07;
    else
        return 0;
    if (at + length > bytes.size())
        return 0;
    for (int i = 1; i < length; ++i) {
        const auto next = quint8(bytes[at + i]);
        if ((next & 0xc0) != 0x80)
            return 0;
        code = (code << 6) | (next & 0x3f);
    }
    const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
        return 0;
    return length;
}

} // namespace

QString NativeFileName::display(const QByteArray &native)
{
    QString out;
    qsizetype at = 0;
    while (at < native.size()) {
        const int length = utf8Length(native, at);
        if (length == 0) {
            out += QStringLiteral("\\x") + QString::number(quint8(native[at]), 16).rightJustified(2, u'0').toUpper();
            ++at;
        } else {
            out += QString::fromUtf8(QByteArrayView(native).sliced(at, length));
            at += length;
        }
    }
    return out;
}

Result<QString> NativeFileName::reachable(const QByteArray &native)
{
    if (isRepresentable(native))
        return QFile::decodeName(native);
#ifdef Q_OS_UNIX
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Status(StatusCode::IoError, tr("cannot open: %1").arg(QString::fromLocal8Bit(std::strerror(errno))))
            .withFile(display(native));
        // Deliberately never closed: the name below is only valid while the descriptor is open.
#ifdef Q_OS_LINUX
    return QStringLiteral("/proc/self/fd/%1").arg(fd);
#else
    return QStringLiteral("/dev/fd/%1").arg(fd);
#endif
#else
    return Status(StatusCode::IoError, tr("the file name cannot be represented")).withFile(display(native));
#endif
}

} // namespace folio
