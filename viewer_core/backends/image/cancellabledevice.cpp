// SPDX-License-Identifier: GPL-3.0-or-later
#include "cancellabledevice.h"

#include <algorithm>

namespace folio {

CancellableDevice::CancellableDevice(QIODevice *source)
    : m_source(source)
{
    Q_ASSERT(source && !source->isSequential());
    m_source->seek(0);
    // Unbuffered: QIODevice's own buffer would read ahead and hide our position from the source.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 CancellableDevice::size() const
{
    return m_source->size();
}

bool CancellableDevice::seek(qint64 pos)
{
    return QIODevice::seek(pos) && m_source->seek(pos);
}

qint64 CancellableDevice::readData(char *data, qint64 maxSize)
{
    if (m_token.isCancelled()) {
        setErrorString(tr("Cancelled"));
        return -1;
    }
    return m_source->read(data, maxSize);
}

qint64 CancellableDevice::writeData(const char *, qint64)
{
    return -1;
}

Result<QByteArray> readAllCancellable(QIODevice &device, qint64 maxBytes, const CancellationToken &token)
{
    const auto tooLarge = [maxBytes] {
        return Status(StatusCode::LimitExceeded,
            CancellableDevice::tr("The file is larger than the limit of %1 bytes for files read into memory")
                .arg(maxBytes));
    };
    if (!device.isSequential() && device.size() - device.pos() > maxBytes)
        return tooLarge();
    constexpr qint64 chunkSize = 1 << 20;
    QByteArray data;
    for (;;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qsizetype used = data.size();
        // Ask for one byte more than the limit allows so that an oversized stream is noticed.
        const qint64 wanted = std::min(chunkSize - 1, maxBytes - used) + 1;
        data.resize(used + wanted);
        const qint64 got = device.read(data.data() + used, wanted);
        if (got < 0)
            return Status(StatusCode::IoError, CancellableDevice::tr("Read error: %1").arg(device.errorString()));
        data.resize(used + got);
        if (data.size() > maxBytes)
            return tooLarge();
        if (got == 0 && !(device.isSequential() && device.waitForReadyRead(100)))
            break;
    }
    return data;
}

} // namespace folio
