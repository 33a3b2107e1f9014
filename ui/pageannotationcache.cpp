// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageannotationcache.h"

#include <QLocale>

namespace folio {

QString annotationHeading(const Annotation &annotation)
{
    QStringList parts {Annotation::typeTitle(annotation.type)};
    if (!annotation.author.isEmpty())
        parts.append(annotation.author);
    const QDateTime when = annotation.modified.isValid() ? annotation.modified : annotation.created;
    if (when.isValid())
        parts.append(QLocale().toString(when.toLocalTime(), QLocale::NarrowFormat));
    return parts.join(QStringLiteral(" · "));
}

QString annotationToolTip(const Annotation &annotation)
{
    QString tip = QStringLiteral("<b>%1</b>").arg(annotationHeading(annotation).toHtmlEscaped());
    if (!annotation.subject.isEmpty())
        tip += QStringLiteral("<br><i>%1</i>").arg(annotation.subject.toHtmlEscaped());
    if (!annotation.contents.isEmpty())
        tip += QStringLiteral("<br>")
            + annotation.contents.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return tip;
}

} // namespace folio
