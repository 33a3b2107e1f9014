// SPDX-License-Identifier: GPL-3.0-or-later
#include "textselection.h"

#include <QRectF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace folio {

namespace {

struct Line
{
    int first = 0; // boxes [first, end)
    int end = 0;
    QRectF bounds;
};

// Consecutive boxes share a line when they overlap vertically by at least half the smaller one.
bool sameLine(const QRectF &a, const QRectF &b)
{
    const double overlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
    return overlap >= 0.5 * std::min(a.height(), b.height());
}

QList<Line> linesOf(const QList<TextBox> &boxes)
{
    QList<Line> lines;
    for (int i = 0; i < boxes.size(); ++i) {
        const bool continues = !lines.isEmpty() && lines.last().end == i && !boxes[i - 1].lineEnd
            && sameLine(boxes[i - 1].rect, boxes[i].rect);
        if (continues) {
            lines.last().end = i + 1;
            lines.last().bounds |= boxes[i].rect;
        } else {
            lines.append({i, i + 1, boxes[i].rect});
        }
    }
    return lines;
}

double distance(const QRectF &rect, QPointF point)
{
    const double dx = std::max({rect.left() - point.x(), 0.0, point.x() - rect.right()});
    const double dy = std::max({rect.top() - point.y(), 0.0, point.y() - rect.bottom()});
    return std::hypot(dx, dy);
}

// The gap of `line` that `x` falls in, counting from the line's first box.
int gapInLine(const QList<TextBox> &boxes, const Line &line, double x)
{
    for (int i = line.first; i < line.end; ++i) {
        if (x < boxes[i].rect.center().x())
            return i;
    }
    return line.end;
}

} // namespace

TextPosition textPosition(const QList<TextBox> &boxes, QPointF point)
{
    for (int i = 0; i < boxes.size(); ++i) {
        if (boxes[i].rect.contains(point))
            return {i, i + 1};
    }
    const QList<Line> lines = linesOf(boxes);
    if (lines.isEmpty())
        return {};
    // Within a line's height: the line nearest horizontally.
    const Line *best = nullptr;
    double bestDistance = std::numeric_limits<double>::max();
    for (const Line &line : lines) {
        if (point.y() < line.bounds.top() || point.y() > line.bounds.bottom())
            continue;
        if (const double d = distance(line.bounds, point); d < bestDistance) {
            best = &line;
            bestDistance = d;
        }
    }
    if (best) {
        const int gap = gapInLine(boxes, *best, point.x());
        return {gap, gap};
    }
    // Above or below every line's height: the gap before or after the nearest line.
    for (const Line &line : lines) {
        if (const double d = distance(line.bounds, point); d < bestDistance) {
            best = &line;
            bestDistance = d;
        }
    }
    if (!best)
        return {}; // not a number
    const int gap = point.y() < best->bounds.top() ? best->first : best->end;
    return {gap, gap};
}

TextSelection selectText(const QList<TextBox> &boxes, QPointF from, QPointF to)
{
    const TextPosition a = textPosition(boxes, from);
    const TextPosition b = textPosition(boxes, to);
    TextSelection selection;
    selection.begin = std::min(a.before, b.before);
    selection.end = std::max(a.after, b.after);
    if (selection.isEmpty()) {
        selection.end = selection.begin;
        return selection;
    }
    selection.text = joinedText(boxes, selection.begin, selection.end);
    return selection;
}

QString joinedText(const QList<TextBox> &boxes, int begin, int end)
{
    begin = std::max(begin, 0);
    end = std::min(end, int(boxes.size()));
    QString text;
    for (int i = begin; i < end; ++i) {
        text += boxes[i].text;
        if (i + 1 == end)
            break;
        if (boxes[i].lineEnd)
            text += QLatin1Char('\n');
        else if (boxes[i].spaceAfter)
            text += QLatin1Char(' ');
    }
    return text;
}

} // namespace folio
