// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

#include <compare>
#include <list>
#include <map>
#include <tuple>

namespace folio {

// How a page was rendered: its rotation (clockwise degrees) and resolution (see
// PageView::renderKey()). Ordered by rotation first, so one rotation's resolutions are adjacent.
struct RenderKey
{
    int rotation = 0;
    int resolution = 0;
    quint64 colors = 0; // PageView::colorsKey() of the night mode the page was made in

    friend auto operator<=>(const RenderKey &, const RenderKey &) = default;
};

// Rendered pages by (page, RenderKey), least recently used first out, within a memory budget.
// GUI thread only.
class PageCache
{
public:
    static constexpr qint64 DefaultBudget = 256LL * 1024 * 1024;

    explicit PageCache(qint64 budgetBytes = DefaultBudget);

    void insert(int page, RenderKey key, const QImage &image);
    // The exact image, or a null one; a hit becomes the most recently used.
    QImage find(int page, RenderKey key);
    bool contains(int page, RenderKey key) const { return m_index.count({page, key}) > 0; }
    // The exact image, or a null one, without making it the most recently used.
    QImage peek(int page, RenderKey key) const;
    // The closest image of `page` at the same rotation and any resolution, for a preview while the
    // exact one renders.
    QImage closest(int page, RenderKey key) const;
    // The same for upright renders identified by their resolution alone.
    void insert(int page, int resolution, const QImage &image) { insert(page, RenderKey {0, resolution}, image); }
    QImage find(int page, int resolution) { return find(page, RenderKey {0, resolution}); }
    bool contains(int page, int resolution) const { return contains(page, RenderKey {0, resolution}); }
    QImage closest(int page, int resolution) const { return closest(page, RenderKey {0, resolution}); }
    void clear();

    qint64 bytes() const { return m_bytes; }
    qint64 budget() const { return m_budget; }
    void setBudget(qint64 bytes);
    int size() const { return int(m_index.size()); }

private:
    using Key = std::tuple<int, RenderKey>;
    struct Entry
    {
        Key key;
        QImage image;
    };
    void evict();

    std::list<Entry> m_lru; // most recently used first
    std::map<Key, std::list<Entry>::iterator> m_index;
    qint64 m_budget;
    qint64 m_bytes = 0;
};

} // namespace folio
