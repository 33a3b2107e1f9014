// SPDX-License-Identifier: GPL-3.0-or-later
#include "chunkedio.h"

#include "safetylimits.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QIODevice>

namespace folio {

namespace {

constexpr int SequentialWaitMs = 50;

struct ChunkedIo
{
    Q_DECLARE_TR_FUNCTIONS(folio::ChunkedIo)
};

Status readError(const QIODevice &device)
{
    return {StatusCode::IoError, ChunkedIo::tr("Read error: %1").arg(device.errorString())};
}

} // namespace

Result<QByteArray> readAll(
    QIODevice &device, qint64 maxBytes, const CancellationToken &token, const ProgressCallback &progress)
{
    const qint64 total = device.isSequential() ? -1 : std::max<qint64>(0, device.size() - device.pos());
    if (total > maxBytes)
        return Status(StatusCode::LimitExceeded,
            ChunkedIo::tr("The file is %1, over the in-memory limit of %2").arg(bytesText(total), bytesText(maxBytes)));
    QByteArray data;
    if (total > 0)
        data.reserve(total);
    for (;;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        // One byte more than the limit allows tells "over the limit" from "exactly at it".
        const qint64 want = std::min<qint64>(IoChunk, maxBytes + 1 - data.size());
        const qsizetype before = data.size();
        data.resize(before + want);
        const qint64 got = device.read(data.data() + before, want);
        if (got < 0)
            return readError(device);
        data.resize(before + got);
        if (data.size() > maxBytes)
            return Status(StatusCode::LimitExceeded,
                ChunkedIo::tr("The data is larger than the in-memory limit of %1").arg(bytesText(maxBytes)));
        if (progress && got > 0)
            progress(data.size(), total);
        // A pipe blocks until data or its end; a socket may return nothing for a while.
        if (got == 0 && (!device.isSequential() || !device.waitForReadyRead(SequentialWaitMs)))
            break;
    }
    return data;
}

Result<QByteArray> readAt(QIODevice &device, qint64 begin, qint64 size)
{
    QByteArray data;
    if (size <= 0)
        return data;
    if (!device.seek(begin))
        return readError(device);
    data.resize(size);
    qint64 done = 0;
    while (done < size) {
        const qint64 got = device.read(data.data() + done, size - done);
        if (got < 0)
            return readError(device);
        if (got == 0)
            break;
        done += got;
    }
    data.truncate(done);
    return data;
}

Result<std::unique_ptr<QIODevice>> randomAccess(
    std::unique_ptr<QIODevice> device, qint64 maxBytes, const CancellationToken &token)
{
    if (!device->isSequential())
        return device;
    Result<QByteArray> data = readAll(*device, maxBytes, token);
    if (!data)
        return data.status();
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(std::move(data).value());
    buffer->open(QIODevice::ReadOnly);
    return std::unique_ptr<QIODevice>(std::move(buffer));
}

Status writeChunked(
    const QByteArray &data, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    qint64 written = 0;
    while (written < data.size()) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 n = out.write(data.constData() + written, std::min<qint64>(IoChunk, data.size() - written));
        if (n <= 0)
            return Status(StatusCode::IoError, ChunkedIo::tr("Write error: %1").arg(out.errorString()));
        written += n;
        if (progress)
            progress(written, data.size());
    }
    return {};
}

} // namespace folio
