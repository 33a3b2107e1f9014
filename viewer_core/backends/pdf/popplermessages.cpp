// SPDX-License-Identifier: GPL-3.0-or-later
#include "popplermessages.h"

#include "logging.h"

#include <poppler-qt6.h>

#include <mutex>

namespace folio::pdf {

namespace {

thread_local QStringList *t_popplerMessages = nullptr;

void popplerMessage(const QString &message, const QVariant &)
{
    qCDebug(lcPdf) << "poppler:" << message;
    if (t_popplerMessages && t_popplerMessages->size() < 16)
        t_popplerMessages->append(message.trimmed());
}

} // namespace

PopplerMessages::PopplerMessages()
    : m_previous(t_popplerMessages)
{
    static std::once_flag installed;
    std::call_once(installed, [] { Poppler::setDebugErrorFunction(popplerMessage, QVariant()); });
    t_popplerMessages = &m_messages;
}

PopplerMessages::~PopplerMessages()
{
    t_popplerMessages = m_previous;
}

QString PopplerMessages::suffix() const
{
    if (m_messages.isEmpty())
        return {};
    return QStringLiteral(" (Poppler: %1)").arg(m_messages.mid(0, 3).join(QStringLiteral("; ")));
}

} // namespace folio::pdf
