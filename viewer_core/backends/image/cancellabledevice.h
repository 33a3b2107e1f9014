// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"
#include "status.h"

#include <QByteArray>
#include <QIODevice>

namespace folio {

// A read-only, random-access view of another device whose reads fail once a token is cancelled.
// Decoders such as QImageReader cannot be interrupted, but they all pull their input in small
// chunks; failing the next chunk makes them give up within one chunk's worth of work.
//
// Does not own `source`, which must be random-access and outlive this device. Only one
// CancellableDevice may read a given source at a time: each one moves the source's position.
class CancellableDevice final : public QIODevice
{
    Q_DECLARE_TR_FUNCTIONS(folio::CancellableDevice)
public:
    explicit CancellableDevice(QIODevice *source);

    // The token polled by every following read; replaced per call by the document.
    void setToken(const CancellationToken &token) { m_token = token; }

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QIODevice *m_source;
    CancellationToken m_token;
};

// Reads what is left of `device` into memory in chunks, polling `token`. LimitExceeded past
// `maxBytes`, IoError when the device fails.
Result<QByteArray> readAllCancellable(QIODevice &device, qint64 maxBytes, const CancellationToken &token);

} // namespace folio
