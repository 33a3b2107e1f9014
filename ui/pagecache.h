// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

#include <limits>
#include <list>
#include <map>
#include <utility>

namespace folio {

// Rendered pages by (page, resolution), least recently used first out, within a memory budget.
// GUI thread only.
class PageCache
{
public:
    static constexpr qint64 DefaultBudget = 256LL * 1024 * 1024;

    explicit PageCache(qint64 budgetBytes = DefaultBudget);

    // `resolution` identifies the render resolution (see PageView::resolutionKey()).
    void insert(int page, int resolution, const QImage &image);
    // The exact image, or a null one; a hit becomes the most recently used.
    QImage find(int page, int resolution);
    bool contains(int page, int resolution) const { return m_index.count({page, resolution}) > 0; }
    // The sharpest image of `page` at any resolution, for a preview while the exact one renders.
    QImage closest(int page, int resolution) const;
    void clear();

    qint64 bytes() const { return m_bytes; }
    qint64 budget() const { return m_budget; }
    void setBudget(qint64 bytes);
    int size() const { return int(m_index.size()); }

private:
    using Key = std::pair<int, int>;
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
