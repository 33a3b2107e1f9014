// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkopener.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QWidget>

namespace folio {

namespace {

// Long addresses (data in a query) are shown cut, never hidden: what is shown is the start of
// what would be opened.
QString shownUrl(const QUrl &url)
{
    QString text = url.toDisplayString();
    if (text.size() > 300)
        text = text.left(300) + QChar(0x2026);
    return text;
}

} // namespace

LinkOpener::LinkOpener(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
{
    m_ask = [this](const QUrl &url) {
        const bool mail = url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) == 0;
        QMessageBox box(QMessageBox::Question, tr("Open Link"),
            mail ? tr("Write an e-mail to this address?") : tr("Open this address in your web browser?"),
            QMessageBox::Open | QMessageBox::Cancel, m_parent);
        box.setInformativeText(shownUrl(url));
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() == QMessageBox::Open;
    };
    m_open = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    m_tell = [this](const QString &message) { QMessageBox::information(m_parent, tr("Link Not Opened"), message); };
}

bool LinkOpener::isOpenable(const QUrl &url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mailto"))
        return !url.path().isEmpty();
    return (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty();
}

LinkOpener::Outcome LinkOpener::open(const QUrl &url)
{
    Outcome outcome = Outcome::Refused;
    if (!isOpenable(url)) {
        const QString scheme = url.scheme();
        m_tell(scheme.isEmpty()
                ? tr("The link \"%1\" is not a web or e-mail address, so Folio does not open it.").arg(shownUrl(url))
                : tr("Folio does not open %1: links (\"%2\"); only web pages (http, https) "
                     "and e-mail addresses (mailto) are opened.")
                      .arg(scheme, shownUrl(url)));
    } else if (!m_ask(url)) {
        outcome = Outcome::Declined;
    } else if (m_open(url)) {
        outcome = Outcome::Opened;
    } else {
        outcome = Outcome::Failed;
        m_tell(tr("No program could open \"%1\".").arg(shownUrl(url)));
    }
    Q_EMIT finished(url, outcome);
    return outcome;
}

void LinkOpener::refuseFile(const QString &file)
{
    m_tell(tr("This link leads to another file, \"%1\", which Folio does not open from a link. "
              "Open it with File › Open if you trust it.")
               .arg(file));
}

} // namespace folio
