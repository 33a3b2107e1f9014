// SPDX-License-Identifier: GPL-3.0-or-later
#include "iodevice.h"

#include <QCoreApplication>
#include <QIODevice>

namespace folio {

namespace {
constexpr qint64 DeviceChunk = 1 << 20;

struct DeviceMessages
{
    Q_DECLARE_TR_FUNCTIONS(folio::IODevice)
};

QString formatBytes(qint64 bytes)
{
    if (bytes >= (1LL << 30))
        return QStringLiteral("%1 GiB").arg(double(bytes) / (1LL << 30), 0, 'f', 1);
    if (bytes >= (1LL << 20))
        return QStringLiteral("%1 MiB").arg(double(bytes) / (1LL << 20), 0, 'f', 1);
    return QStringLiteral("%1 bytes").arg(bytes);
}
} // namespace

Result<QByteArray> readDevice(
    QIODevice &device, qint64 maxBytes, const CancellationToken &token, const ProgressCallback &progress)
{
    const qint64 total = device.isSequential() ? -1 : device.size() - device.pos();
    if (total > maxBytes)
        return Status(StatusCode::LimitExceeded,
            DeviceMessages::tr("The file is %1, over the in-memory limit of %2")
                .arg(formatBytes(total), formatBytes(maxBytes)));
    QByteArray data;
    if (total > 0)
        data.reserve(total);
    for (;;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 want = std::min<qint64>(DeviceChunk, maxBytes + 1 - data.size());
        const qsizetype before = data.size();
        data.resize(before + want);
        const qint64 got = device.read(data.data() + before, want);
        if (got < 0)
            return Status(StatusCode::IoError, DeviceMessages::tr("Read error: %1").arg(device.errorString()));
        data.resize(before + got);
        if (data.size() > maxBytes)
            return Status(StatusCode::LimitExceeded,
                DeviceMessages::tr("The data is larger than the in-memory limit of %1").arg(formatBytes(maxBytes)));
        if (progress)
            progress(data.size(), total);
        if (got == 0 && (!device.isSequential() || !device.waitForReadyRead(-1)))
            break;
    }
    return data;
}

Status writeChunked(
    const QByteArray &data, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    qint64 written = 0;
    while (written < data.size()) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 n = out.write(data.constData() + written, std::min<qint64>(DeviceChunk, data.size() - written));
        if (n <= 0)
            return Status(StatusCode::IoError, DeviceMessages::tr("Write error: %1").arg(out.errorString()));
        written += n;
        if (progress)
            progress(written, data.size());
    }
    return {};
}

} // namespace folio
