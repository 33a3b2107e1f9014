// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagelinkcache.h"

#include <QCoreApplication>

namespace folio {

PageLinkCache::PageLinkCache(QObject *parent)
    : PageDataCache<Link>(
        [](Document &document, int page, const CancellationToken &token) { return document.links(page, token); },
        MaxPages, MaxJobs, parent)
{ }

namespace {

// The tool tips keep the translation context they have always had.
struct LinkTargetText
{
    Q_DECLARE_TR_FUNCTIONS(folio::PageLinkCache)
};

} // namespace

QString linkTarget(const Link &link)
{
    QString target;
    switch (link.kind) {
    case Link::Kind::GoTo:
        target = LinkTargetText::tr("Go to page %1").arg(link.page + 1);
        break;
    case Link::Kind::Uri:
        target = link.uri.size() > 200 ? link.uri.left(200) + QChar(0x2026) : link.uri;
        break;
    case Link::Kind::RemoteGoTo:
        target = link.page >= 0 ? LinkTargetText::tr("%1, page %2").arg(link.uri).arg(link.page + 1) : link.uri;
        break;
    case Link::Kind::Named:
        switch (link.action) {
        case Link::Action::FirstPage:
            target = LinkTargetText::tr("Go to the first page");
            break;
        case Link::Action::PreviousPage:
            target = LinkTargetText::tr("Go to the previous page");
            break;
        case Link::Action::NextPage:
            target = LinkTargetText::tr("Go to the next page");
            break;
        case Link::Action::LastPage:
            target = LinkTargetText::tr("Go to the last page");
            break;
        case Link::Action::Back:
            target = LinkTargetText::tr("Go back");
            break;
        case Link::Action::Forward:
            target = LinkTargetText::tr("Go forward");
            break;
        case Link::Action::None:
            break;
        }
        break;
    }
    if (!link.tooltip.isEmpty() && link.tooltip != target)
        return link.tooltip + QLatin1Char('\n') + target;
    return target;
}

} // namespace folio
