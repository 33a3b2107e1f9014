// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputdevice.h"

#include <cstring>

namespace folio::archive {

namespace {
constexpr qint64 BlockSize = 64 * 1024;
}

InputDevice::InputDevice(std::shared_ptr<QIODevice> source)
    : m_source(std::move(source))
    , m_size(m_source->size())
{
    Q_ASSERT(m_source && !m_source->isSequential());
    m_source->seek(0);
    // Unbuffered: QIODevice's own buffer is thrown away by every seek, and KArchive seeks
    // constantly; the blocks read here survive seeks.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 InputDevice::size() const
{
    return m_size;
}

bool InputDevice::seek(qint64 pos)
{
    // KTar seeks over the padding of a file that ends early: past the end is simply no data
    // (a QBuffer would warn about it). The source itself moves only when it is read.
    if (pos > m_size)
        return false;
    return QIODevice::seek(pos);
}

qint64 InputDevice::readSource(char *data, qint64 pos, qint64 maxSize)
{
    if (m_source->pos() != pos && !m_source->seek(pos)) {
        m_sourceError = m_source->errorString();
        return 0;
    }
    const qint64 got = m_source->read(data, maxSize);
    if (got < 0) {
        m_sourceError = m_source->errorString();
        return 0;
    }
    return got;
}

qint64 InputDevice::readData(char *data, qint64 maxSize)
{
    if (m_token.isCancelled())
        return 0;
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
        if (maxSize - done >= BlockSize)
            return done + readSource(data + done, at, maxSize - done);
        m_block.resize(BlockSize);
        m_blockStart = at;
        m_block.resize(readSource(m_block.data(), at, BlockSize));
        if (m_block.isEmpty())
            break;
    }
    return done;
}

qint64 InputDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace folio::archive
