// SPDX-License-Identifier: GPL-3.0-or-later
#include "navigationhistory.h"

#include <cmath>

namespace folio {

namespace {

// Within a point or so is the same place: positions are read back from pixels.
bool samePlace(const ViewPosition &a, const ViewPosition &b)
{
    return a.page == b.page && std::abs(a.top - b.top) < 2.0;
}

void pushPlace(QList<ViewPosition> &stack, const ViewPosition &position)
{
    if (!position.isValid() || (!stack.isEmpty() && samePlace(stack.last(), position)))
        return;
    stack.append(position);
    if (stack.size() > NavigationHistory::MaxEntries)
        stack.removeFirst();
}

} // namespace

void NavigationHistory::record(const ViewPosition &here)
{
    if (!here.isValid())
        return;
    pushPlace(m_back, here);
    m_forward.clear();
}

ViewPosition NavigationHistory::back(const ViewPosition &here)
{
    if (m_back.isEmpty())
        return {};
    pushPlace(m_forward, here);
    return m_back.takeLast();
}

ViewPosition NavigationHistory::forward(const ViewPosition &here)
{
    if (m_forward.isEmpty())
        return {};
    pushPlace(m_back, here);
    return m_forward.takeLast();
}

void NavigationHistory::clear()
{
    m_back.clear();
    m_forward.clear();
}

} // namespace folio
