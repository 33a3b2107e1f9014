// SPDX-License-Identifier: GPL-3.0-or-later
// folio-mimetypes: prints the MIME types the format registry handles, one a line, sorted.
// The build writes the .desktop file's MimeType= and the AppStream <mimetypes> from this output,
// so the desktop integration cannot drift from what viewer_core opens.
#include "formatregistry.h"

#include <QCoreApplication>
#include <QMimeDatabase>

#include <cstdio>
#include <set>

int main(int argc, char *argv[])
{
    // The image backend asks Qt's image plugins, which need an application object to be found.
    QCoreApplication app(argc, argv);

    // Each backend's own names, their canonical names and the aliases shared-mime-info knows, so a
    // file manager that labels a file with an older name (application/x-pdf) still offers Folio.
    // Types that only inherit a handled one (text/markdown from text/plain) are left out: desktops
    // already offer the application of a parent type. A name the MIME database does not know
    // (image/x-mng on Debian 12) is listed all the same: the backend reads it.
    const QMimeDatabase database;
    std::set<QString> names;
    for (const auto &backend : folio::FormatRegistry::instance().backends()) {
        for (const QString &name : backend->mimeTypes()) {
            names.insert(name);
            const QMimeType type = database.mimeTypeForName(name);
            if (!type.isValid())
                continue;
            names.insert(type.name());
            for (const QString &alias : type.aliases()) {
                // Windows-registry pseudo types ("zz-application/zz-winassoc-cab") are no MIME
                // types; desktop-file-validate refuses them.
                if (!alias.startsWith(QLatin1String("zz-")))
                    names.insert(alias);
            }
        }
    }
    for (const QString &name : names)
        std::printf("%s\n", qPrintable(name));
    return names.empty() ? 1 : 0;
}
