// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace folio::pdf {

// Poppler reports problems through one process-wide function. While an instance lives, what
// Poppler says on this thread is collected, so error statuses can carry the library's own words.
// Instances nest; each belongs to the thread that made it.
class PopplerMessages
{
public:
    PopplerMessages();
    ~PopplerMessages();
    PopplerMessages(const PopplerMessages &) = delete;
    PopplerMessages &operator=(const PopplerMessages &) = delete;

    // " (Poppler: first message; second message)" or nothing.
    QString suffix() const;

private:
    QStringList m_messages;
    QStringList *m_previous;
};

} // namespace folio::pdf
