// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

class QWidget;

namespace folio {

// Opens the addresses a document links to, with care: a document is untrusted, so the reader is
// asked first (the address in full), and only web pages (http, https) and e-mail (mailto) go to
// another program. file:, javascript: and every other scheme are refused with a message, never
// opened. The three steps are functions so tests can stand in for the dialogs and the browser.
// GUI thread only.
class LinkOpener : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Opened, Declined, Refused, Failed };
    Q_ENUM(Outcome)

    // Whether to open `url`: true to go ahead. By default a question box.
    using Ask = std::function<bool(const QUrl &url)>;
    // Hands `url` to another program: false when none took it. By default QDesktopServices.
    using Open = std::function<bool(const QUrl &url)>;
    // Says why a link is not opened. By default a message box.
    using Tell = std::function<void(const QString &message)>;

    // `parent` is also the dialogs' parent.
    explicit LinkOpener(QWidget *parent);

    // http, https and mailto addresses with something after the scheme.
    static bool isOpenable(const QUrl &url);

    void setAsk(Ask ask) { m_ask = std::move(ask); }
    void setOpen(Open open) { m_open = std::move(open); }
    void setTell(Tell tell) { m_tell = std::move(tell); }

    // Refuses, or asks and then opens, `url`.
    Outcome open(const QUrl &url);
    // A link to another file (PDF remote go-to): not followed, and said so.
    void refuseFile(const QString &file);

Q_SIGNALS:
    void finished(const QUrl &url, folio::LinkOpener::Outcome outcome);

private:
    QWidget *m_parent;
    Ask m_ask;
    Open m_open;
    Tell m_tell;
};

} // namespace folio
