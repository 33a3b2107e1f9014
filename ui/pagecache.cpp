// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagecache.h"

#include <limits>

namespace folio {

PageCache::PageCache(qint64 budgetBytes)
    : m_budget(budgetBytes)
{ }

void PageCache::insert(int page, RenderKey renderKey, const QImage &image)
{
    const Key key {page, renderKey};
    if (auto it = m_index.find(key); it != m_index.end()) {
        m_bytes -= it->second->image.sizeInBytes();
        m_lru.erase(it->second);
        m_index.erase(it);
    }
    m_lru.push_front({key, image});
    m_index[key] = m_lru.begin();
    m_bytes += image.sizeInBytes();
    evict();
}

QImage PageCache::find(int page, RenderKey key)
{
    const auto it = m_index.find({page, key});
    if (it == m_index.end())
        return {};
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    return it->second->image;
}

QImage PageCache::peek(int page, RenderKey key) const
{
    const auto it = m_index.find({page, key});
    return it != m_index.end() ? it->second->image : QImage();
}

QImage PageCache::closest(int page, RenderKey key) const
{
    // Prefer the smallest resolution above the wanted one (scaled down it stays sharp), else
    // the largest below it; only in the same rotation and colours.
    constexpr int Min = std::numeric_limits<int>::min();
    constexpr int Max = std::numeric_limits<int>::max();
    const auto begin = m_index.lower_bound({page, RenderKey {key.rotation, Min, 0}});
    const auto end = m_index.upper_bound({page, RenderKey {key.rotation, Max, std::numeric_limits<quint64>::max()}});
    QImage above;
    QImage below;
    int aboveResolution = Max;
    int belowResolution = Min;
    for (auto it = begin; it != end; ++it) {
        const RenderKey &found = std::get<1>(it->first);
        if (found.colors != key.colors)
            continue;
        if (found.resolution >= key.resolution && found.resolution < aboveResolution) {
            above = it->second->image;
            aboveResolution = found.resolution;
        } else if (found.resolution < key.resolution && found.resolution > belowResolution) {
            below = it->second->image;
            belowResolution = found.resolution;
        }
    }
    return above.isNull() ? below : above;
}

void PageCache::clear()
{
    m_index.clear();
    m_lru.clear();
    m_bytes = 0;
}

void PageCache::setBudget(qint64 bytes)
{
    m_budget = bytes;
    evict();
}

void PageCache::evict()
{
    // Always keep the newest entry, even if it alone is over budget: it is on screen.
    while (m_bytes > m_budget && m_lru.size() > 1) {
        const Entry &oldest = m_lru.back();
        m_bytes -= oldest.image.sizeInBytes();
        m_index.erase(oldest.key);
        m_lru.pop_back();
    }
}

} // namespace folio
