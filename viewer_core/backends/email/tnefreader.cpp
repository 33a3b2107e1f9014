// SPDX-License-Identifier: GPL-3.0-or-later
#include "tnefreader.h"

#include <QtEndian>

#include <algorithm>
#include <cstdlib>

// libytnef's headers define BYTE, WORD, DWORD... as macros: kept to this file. They declare C
// functions without extern "C".
extern "C" {
#include <ytnef.h>
}

namespace folio::email {

namespace {

constexpr unsigned PrAttachLongFilename = 0x3707;
constexpr unsigned PrAttachFilename = 0x3704;
constexpr unsigned PrDisplayName = 0x3001;

bool isSet(const variableLength *value)
{
    return value && value != MAPI_UNDEFINED && value->data && value->size > 0;
}

// An 8-bit MAPI string: Windows code pages are mostly Latin-1 where it matters for names.
QString string8(const variableLength *value)
{
    if (!isSet(value))
        return {};
    QByteArray bytes(reinterpret_cast<const char *>(value->data), value->size);
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0)
        bytes.truncate(nul);
    const QString utf8 = QString::fromUtf8(bytes);
    return utf8.contains(QChar::ReplacementCharacter) ? QString::fromLatin1(bytes) : utf8;
}

QString unicode(const variableLength *value)
{
    if (!isSet(value))
        return {};
    QString text = QString::fromUtf16(reinterpret_cast<const char16_t *>(value->data), value->size / 2);
    const qsizetype nul = text.indexOf(QChar(0));
    if (nul >= 0)
        text.truncate(nul);
    return text;
}

QString property(MAPIProps *props, unsigned id)
{
    QString text = unicode(MAPIFindProperty(props, PROP_TAG(PT_UNICODE, id)));
    if (text.isEmpty())
        text = string8(MAPIFindProperty(props, PROP_TAG(PT_STRING8, id)));
    return text;
}

struct TnefFree
{
    void operator()(TNEFStruct *tnef) const
    {
        TNEFFree(tnef);
        delete tnef;
    }
};

} // namespace

bool TnefReader::isTnef(QByteArrayView data)
{
    return data.size() >= 4 && qFromLittleEndian<quint32>(data.data()) == 0x223E9F78;
}

Status TnefReader::read(const QByteArray &data, const QString &name, MailMessage &message, DecodeBudget &budget,
    const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    std::unique_ptr<TNEFStruct, TnefFree> tnef(new TNEFStruct);
    TNEFInitialize(tnef.get());
    tnef->Debug = 0;
    // libytnef refuses any single field larger than this many MiB (multiplied out in an int).
    tnef->attachmentSize = int(std::clamp<qint64>(budget.limits.maxEntrySize >> 20, 1, 2047));
    // libytnef reads through a non-const pointer but does not write: the copy keeps `data` intact.
    QByteArray bytes = data;
    if (TNEFParseMemory(reinterpret_cast<BYTE *>(bytes.data()), long(bytes.size()), tnef.get()) < 0)
        return {StatusCode::Corrupt, tr("%1: not a readable TNEF stream (winmail.dat)").arg(name)};

    if (message.subject.isEmpty())
        message.subject = string8(&tnef->subject);
    if (message.from.isEmpty())
        message.from = string8(&tnef->from);
    if (message.plainBody.isEmpty() && message.htmlBody.isEmpty()) {
        QString body = property(&tnef->MapiProperties, PR_BODY);
        if (body.isEmpty())
            body = string8(&tnef->body);
        message.plainBody = body;
    }
    if (message.plainBody.isEmpty() && message.htmlBody.isEmpty()) {
        variableLength *rtf = MAPIFindProperty(&tnef->MapiProperties, PROP_TAG(PT_BINARY, PR_RTF_COMPRESSED));
        if (isSet(rtf)) {
            int size = 0;
            BYTE *decompressed = DecompressRTF(rtf, &size);
            if (decompressed && size > 0) {
                MailAttachment body;
                body.name = tr("message.rtf");
                body.mimeType = QStringLiteral("application/rtf");
                body.data = QByteArray(reinterpret_cast<const char *>(decompressed), size);
                if (Status status = budget.addPart(); !status) {
                    std::free(decompressed);
                    return status;
                }
                if (Status status = budget.addBytes(body.name, size, size); !status) {
                    std::free(decompressed);
                    return status;
                }
                message.attachments.append(std::move(body));
            }
            std::free(decompressed);
        }
    }

    int number = 0;
    for (Attachment *attachment = tnef->starting_attach.next; attachment; attachment = attachment->next) {
        if (token.isCancelled())
            return Status::fromToken(token);
        ++number;
        if (attachment->FileData.size <= 0)
            continue;
        // An attached object's data starts with a 16-byte class identifier.
        const variableLength *content = &attachment->FileData;
        qsizetype skip = 0;
        for (const unsigned type : {unsigned(PT_OBJECT), unsigned(PT_BINARY)}) {
            const variableLength *object = MAPIFindProperty(&attachment->MAPI, PROP_TAG(type, PR_ATTACH_DATA_OBJ));
            if (isSet(object) && object->size > 16) {
                content = object;
                skip = 16;
                break;
            }
        }
        MailAttachment part;
        part.name = property(&attachment->MAPI, PrAttachLongFilename);
        if (part.name.isEmpty())
            part.name = property(&attachment->MAPI, PrAttachFilename);
        if (part.name.isEmpty())
            part.name = property(&attachment->MAPI, PrDisplayName);
        if (part.name.isEmpty())
            part.name = string8(&attachment->Title);
        if (part.name.isEmpty())
            part.name = tr("attachment-%1.dat").arg(number);
        part.mimeType = QStringLiteral("application/octet-stream");
        part.data = QByteArray(reinterpret_cast<const char *>(content->data) + skip, content->size - skip);
        if (Status status = budget.addPart(); !status)
            return status;
        if (Status status = budget.addBytes(part.name, part.data.size(), part.data.size()); !status)
            return status;
        message.attachments.append(std::move(part));
    }
    return {};
}

} // namespace folio::email
