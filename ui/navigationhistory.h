// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace folio {

// A place in a document as the reader sees it: the current page and the height on it (points
// from the top of the upright page) shown at the view's top edge; -1 for the page's top.
struct ViewPosition
{
    int page = -1;
    double top = -1;

    bool isValid() const { return page >= 0; }
    friend bool operator==(const ViewPosition &, const ViewPosition &) = default;
};

// The Back and Forward stacks of one tab, as in a web browser: every jump (a link, an outline
// entry, a thumbnail, Go to Page, a find result on another page) first records where the reader
// was; back() returns there and forward() undoes the back(). Scrolling is not a jump. Plain data:
// the DocumentView that owns it says when it changed.
class NavigationHistory
{
public:
    // Older places are forgotten beyond this many.
    static constexpr int MaxEntries = 100;

    // Before jumping away from `here`: remembers it for back() and forgets the forward places.
    // The same place twice in a row is kept once.
    void record(const ViewPosition &here);
    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    // The place to go back (forward) to from `here`, which becomes the place to go forward (back)
    // to; an invalid position when there is none.
    ViewPosition back(const ViewPosition &here);
    ViewPosition forward(const ViewPosition &here);
    void clear();

    const QList<ViewPosition> &backEntries() const { return m_back; }
    const QList<ViewPosition> &forwardEntries() const { return m_forward; }

private:
    QList<ViewPosition> m_back; // the most recent last
    QList<ViewPosition> m_forward; // the nearest last
};

} // namespace folio
