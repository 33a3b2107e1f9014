// SPDX-License-Identifier: GPL-3.0-or-later
#include "textinput.h"

#include <QBuffer>
#include <QCoreApplication>

namespace folio::text {

namespace {

class TextInput
{
    Q_DECLARE_TR_FUNCTIONS(folio::text::TextInput)
};

Status tooLarge(qint64 maxBytes)
{
    return {StatusCode::LimitExceeded,
        TextInput::tr("The file is larger than the limit of %1 bytes for files read into memory").arg(maxBytes)};
}

Status readError(const QIODevice &device)
{
    return {StatusCode::IoError, TextInput::tr("Read error: %1").arg(device.errorString())};
}

} // namespace

Result<std::unique_ptr<QIODevice>> randomAccess(
    std::unique_ptr<QIODevice> device, qint64 maxBytes, const CancellationToken &token)
{
    if (!device->isSequential())
        return device;
    QByteArray data;
    for (;;) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 room = maxBytes - data.size();
        const qint64 want = std::min(ReadChunk, room + 1); // one byte more tells "over the limit"
        const qsizetype oldSize = data.size();
        data.resize(oldSize + want);
        const qint64 got = device->read(data.data() + oldSize, want);
        if (got < 0)
            return readError(*device);
        data.resize(oldSize + got);
        if (data.size() > maxBytes)
            return tooLarge(maxBytes);
        // A pipe blocks until data or EOF; a socket may return nothing for a while.
        if (got == 0 && !device->waitForReadyRead(50))
            break;
    }
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    return std::unique_ptr<QIODevice>(std::move(buffer));
}

Result<QByteArray> readWhole(
    QIODevice &device, qint64 maxBytes, const CancellationToken &token, const ProgressCallback &progress)
{
    const qint64 size = device.size();
    if (size > maxBytes)
        return tooLarge(maxBytes);
    if (!device.seek(0))
        return readError(device);
    QByteArray data;
    data.resize(size);
    qint64 done = 0;
    while (done < size) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const qint64 got = device.read(data.data() + done, std::min(ReadChunk, size - done));
        if (got < 0)
            return readError(device);
        if (got == 0)
            break; // the file shrank while we read it: take what is there
        done += got;
        if (progress)
            progress(done, size);
    }
    data.truncate(done);
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

} // namespace folio::text
