// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace folio {

// A read-only, random-access view of another device whose reads stop once a token is cancelled.
// Decoders that cannot be interrupted (QImageReader, QtSvg, KArchive) all pull their input in
// small reads; stopping the next read makes them give up within one read's worth of work.
//
// How reads stop is the caller's choice: Fail (-1, "Cancelled" as the error string) suits image
// decoders, which then report a read error; End (0, as at the end of the data) suits KArchive,
// whose compression filters take a failed read's -1 for a buffer length. A read error of the
// source ends the data in the same way and is kept in sourceError().
//
// Optionally reads ahead in blocks: KZip reads a catalogue of 100,000 entries as 500,000 tiny reads
// and seeks, which a QFile turns into as many system calls; blocks survive seeks, which QIODevice's
// own buffer does not.
//
// Shares ownership of `source`, which must be random-access and whose size must not change. Only
// one view may read a given source at a time: each one moves the source's position.
class CancellableDevice final : public QIODevice
{
    Q_DECLARE_TR_FUNCTIONS(folio::CancellableDevice)
public:
    enum class OnCancel { Fail, End };
    explicit CancellableDevice(std::shared_ptr<QIODevice> source, OnCancel onCancel = OnCancel::Fail, qint64 blockSize = 0);
    // A view of a device owned elsewhere, which must outlive it.
    explicit CancellableDevice(QIODevice *source, OnCancel onCancel = OnCancel::Fail, qint64 blockSize = 0);

    // Polled by every following read; set per call by the document.
    void setToken(const CancellationToken &token) { m_token = token; }
    QString sourceError() const { return m_sourceError; }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    qint64 readSource(char *data, qint64 pos, qint64 maxSize);

    std::shared_ptr<QIODevice> m_source;
    OnCancel m_onCancel;
    qint64 m_blockSize;
    // Asked for before nearly every read by KZip: QFile::size() would stat the path each time.
    qint64 m_size;
    CancellationToken m_token;
    QString m_sourceError;
    QByteArray m_block; // the bytes from m_blockStart on
    qint64 m_blockStart = 0;
};

} // namespace folio
