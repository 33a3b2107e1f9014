// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/common/cancellabledevice.h"

#include <algorithm>
#include <cstring>

namespace folio {

CancellableDevice::CancellableDevice(std::shared_ptr<QIODevice> source, OnCancel onCancel, qint64 blockSize)
    : m_source(std::move(source))
    , m_onCancel(onCancel)
    , m_blockSize(blockSize)
    , m_size(m_source->size())
{
    Q_ASSERT(m_source && !m_source->isSequential());
    m_source->seek(0);
    // Unbuffered: QIODevice's own buffer would read ahead and hide our position from the source,
    // and every seek throws it away.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

CancellableDevice::CancellableDevice(QIODevice *source, OnCancel onCancel, qint64 blockSize)
    : CancellableDevice(std::shared_ptr<QIODevice>(source, [](QIODevice *) {}), onCancel, blockSize)
{ }

bool CancellableDevice::seek(qint64 pos)
{
    // KTar seeks over the padding of a file that ends early: past the end is simply no data
    // (a QBuffer would warn about it). The source itself moves only when it is read.
    if (pos > m_size)
        return false;
    return QIODevice::seek(pos);
}

qint64 CancellableDevice::readSource(char *data, qint64 pos, qint64 maxSize)
{
    const auto failed = [this] {
        m_sourceError = m_source->errorString();
        if (m_onCancel == OnCancel::End)
            return qint64(0);
        setErrorString(m_sourceError);
        return qint64(-1);
    };
    if (m_source->pos() != pos && !m_source->seek(pos))
        return failed();
    const qint64 got = m_source->read(data, maxSize);
    return got < 0 ? failed() : got;
}

qint64 CancellableDevice::readData(char *data, qint64 maxSize)
{
    if (m_token.isCancelled()) {
        if (m_onCancel == OnCancel::End)
            return 0;
        setErrorString(tr("Cancelled"));
        return -1;
    }
    if (m_blockSize <= 0)
        return readSource(data, pos(), maxSize);
    qint64 done = 0;
    while (done < maxSize) {
        const qint64 at = pos() + done;
        const qint64 offset = at - m_blockStart;
        if (offset >= 0 && offset < m_block.size()) {
            const qint64 n = std::min(maxSize - done, m_block.size() - offset);
            std::memcpy(data + done, m_block.constData() + offset, size_t(n));
            done += n;
            continue;
        }
        // Large reads (entry data) go straight through; small ones (headers) fill a block first.
        if (maxSize - done >= m_blockSize) {
            const qint64 got = readSource(data + done, at, maxSize - done);
            return got < 0 ? (done > 0 ? done : -1) : done + got;
        }
        m_block.resize(m_blockSize);
        m_blockStart = at;
        const qint64 got = readSource(m_block.data(), at, m_blockSize);
        m_block.resize(std::max<qint64>(got, 0));
        if (got < 0)
            return done > 0 ? done : -1;
        if (got == 0)
            break;
    }
    return done;
}

qint64 CancellableDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace folio
