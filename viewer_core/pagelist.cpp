// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagelist.h"

#include "viewer.h"

#include <QRegularExpression>

#include <cmath>

namespace folio {

PageList PageList::all()
{
    PageList list;
    list.m_ranges.append({1, -1});
    return list;
}

Result<PageList> PageList::parseOrAll(const QString &spec)
{
    return spec.isEmpty() ? Result<PageList>(all()) : parse(spec);
}

Result<PageList> PageList::parse(const QString &spec)
{
    static const QRegularExpression item(QStringLiteral("^\\s*(\\d+)?\\s*(-)?\\s*(\\d+)?\\s*$"));
    const auto invalid = [&](const QString &part) {
        return Status(StatusCode::InvalidArgument,
            tr("Invalid page list \"%1\" at \"%2\": use numbers and ranges such as 1,3-5,8-").arg(spec, part));
    };
    PageList list;
    const QStringList parts = spec.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const auto match = item.match(part);
        if (!match.hasMatch() || (!match.hasCaptured(1) && !match.hasCaptured(3)))
            return invalid(part);
        bool ok1 = true;
        bool ok3 = true;
        const int first = match.hasCaptured(1) ? match.captured(1).toInt(&ok1) : 1;
        const bool isRange = match.hasCaptured(2);
        int last = first;
        if (isRange)
            last = match.hasCaptured(3) ? match.captured(3).toInt(&ok3) : -1;
        else if (match.hasCaptured(3))
            return invalid(part); // "1 2"
        if (!ok1 || !ok3 || first < 1 || (last != -1 && last < 1))
            return invalid(part);
        list.m_ranges.append({first, last});
    }
    return list;
}

int PageList::pagesNeeded() const
{
    int needed = 0;
    for (const Range &range : m_ranges) {
        if (range.last == -1)
            return -1;
        needed = std::max({needed, range.first, range.last});
    }
    return needed;
}

Result<QList<int>> PageList::resolve(int pageCount) const
{
    QList<int> pages;
    for (const Range &range : m_ranges) {
        const int last = range.last == -1 ? pageCount : range.last;
        const int highest = std::max(range.first, last);
        if (highest > pageCount || pageCount == 0)
            return Status(StatusCode::InvalidArgument,
                tr("Page %1 does not exist (the document has %2)").arg(highest).arg(pagesText(pageCount)));
        const int step = last >= range.first ? 1 : -1;
        for (int page = range.first;; page += step) {
            pages.append(page - 1);
            if (page == last)
                break;
        }
    }
    return pages;
}

Result<QList<int>> PageList::select(
    const Viewer &viewer, const CancellationToken &token, const ProgressCallback &progress) const
{
    Document *document = viewer.document();
    if (!document)
        return Status(StatusCode::InvalidArgument, Viewer::tr("No document is open"));
    if (Status status = document->ensurePages(pagesNeeded(), token, progress); !status)
        return status;
    auto pages = resolve(document->pageCount());
    if (!pages)
        return pages.status().withFile(viewer.fileName());
    return pages;
}

Result<std::chrono::milliseconds> parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return Status(StatusCode::InvalidArgument,
            PageList::tr("Invalid duration \"%1\": use a number with ms, s, m or h (e.g. 500ms, 30s, 2m)").arg(text));
    const double value = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    double ms = value * 1000.0; // bare numbers are seconds
    if (unit == QLatin1String("ms"))
        ms = value;
    else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        ms = value * 60'000.0;
    else if (unit == QLatin1String("h"))
        ms = value * 3'600'000.0;
    if (!std::isfinite(ms) || ms > 1e12)
        return Status(StatusCode::InvalidArgument, PageList::tr("Duration \"%1\" is too long").arg(text));
    return std::chrono::milliseconds(std::llround(ms));
}

} // namespace folio
