// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"

#include <QIODevice>

#include <memory>

namespace folio::archive {

// The device KArchive reads an archive from: a random-access, read-only view of `source` whose
// reads end once the token is cancelled. KArchive cannot be interrupted, but it pulls its input in
// small reads, so ending them makes it stop within one read.
//
// Why reads end (return 0, as at the end of the file) instead of failing: KCompressionDevice hands
// a failed read's -1 to its decompressor as a buffer length. A read error of `source` ends the
// data the same way and is kept in sourceError().
//
// Reads ahead in blocks: KZip reads a catalogue of 100,000 entries as 500,000 tiny reads and seeks,
// which a QFile turns into as many system calls.
//
// Shares ownership of `source`, whose size must not change. Only one reader at a time:
// KArchive's entry devices all move this device's position.
class InputDevice final : public QIODevice
{
public:
    explicit InputDevice(std::shared_ptr<QIODevice> source);

    // Polled by every following read; set per call by the reader.
    void setToken(const CancellationToken &token) { m_token = token; }
    QString sourceError() const { return m_sourceError; }

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    qint64 readSource(char *data, qint64 pos, qint64 maxSize);

    std::shared_ptr<QIODevice> m_source;
    // Asked for before nearly every read by KZip: QFile::size() would stat the path each time.
    qint64 m_size;
    CancellationToken m_token;
    QString m_sourceError;
    QByteArray m_block; // the bytes from m_blockStart on
    qint64 m_blockStart = 0;
};

} // namespace folio::archive
