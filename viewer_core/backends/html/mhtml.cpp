// SPDX-License-Identifier: GPL-3.0-or-later
#include "mhtml.h"

#include "safetylimits.h"

namespace folio::html {

namespace {

constexpr int MaxHeaderFields = 1000; // per header block

bool isTokenChar(char c)
{
    return c > 32 && c < 127 && c != ':';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Splits at `separator` outside double quotes.
QList<QByteArray> splitOutsideQuotes(const QByteArray &value, char separator)
{
    QList<QByteArray> pieces;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '\\' && quoted && i + 1 < value.size()) {
            current += c;
            current += value[++i];
            continue;
        }
        if (c == separator && !quoted) {
            pieces.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    pieces.append(current);
    return pieces;
}

QByteArray unquote(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
        QByteArray out;
        for (qsizetype i = 1; i + 1 < value.size(); ++i) {
            if (value[i] == '\\' && i + 2 < value.size())
                ++i;
            out += value[i];
        }
        return out;
    }
    return value;
}

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(folio::html::Mhtml)
public:
    Parser(const Limits &limits, const CancellationToken &token, QList<MimePart> &parts)
        : m_limits(limits)
        , m_token(token)
        , m_parts(parts)
    { }

    Status entity(const MimeHeaders &headers, const QByteArray &body, int nesting)
    {
        if (m_token.isCancelled())
            return Status::fromToken(m_token);
        const ContentType type = ContentType::parse(headers.value("Content-Type"));
        if (type.type.startsWith("multipart/")) {
            if (nesting >= Mhtml::MaxNesting)
                return Status(StatusCode::LimitExceeded,
                    tr("The web archive nests multipart sections more than %1 deep").arg(Mhtml::MaxNesting));
            return multipart(type.parameter("boundary"), body, nesting + 1);
        }
        if (m_parts.size() >= std::min<qint64>(Mhtml::MaxParts, m_limits.maxEntries))
            return Status(StatusCode::LimitExceeded,
                tr("The web archive has more than %1 parts")
                    .arg(std::min<qint64>(Mhtml::MaxParts, m_limits.maxEntries)));
        MimePart part;
        part.headers = headers;
        part.contentType = type;
        const QByteArray encoding = headers.value("Content-Transfer-Encoding").toLower();
        if (encoding == "base64")
            part.body = QByteArray::fromBase64(body);
        else if (encoding == "quoted-printable")
            part.body = Mhtml::decodeQuotedPrintable(body);
        else
            part.body = body;
        if (part.body.size() > m_limits.maxEntrySize)
            return LimitErrors::entrySize(
                tr("part %1 of the web archive").arg(m_parts.size() + 1), part.body.size(), m_limits);
        m_total += part.body.size();
        if (m_total > m_limits.maxTotalExtracted)
            return LimitErrors::totalSize(m_total, m_limits);
        m_parts.append(std::move(part));
        return {};
    }

private:
    Status multipart(const QByteArray &boundary, const QByteArray &body, int nesting)
    {
        if (boundary.isEmpty() || boundary.size() > 200)
            return Status(StatusCode::Corrupt, tr("A multipart section of the web archive has no valid boundary"));
        const QByteArray delimiter = "--" + boundary;
        // The first delimiter: at the very start or at the start of a line.
        qsizetype at = body.startsWith(delimiter) ? 0 : body.indexOf("\n" + delimiter);
        if (at < 0)
            return Status(StatusCode::Corrupt, tr("A multipart section of the web archive has no parts"));
        if (at > 0 || body.startsWith('\n'))
            at += 1;
        while (true) {
            if (m_token.isCancelled())
                return Status::fromToken(m_token);
            qsizetype start = at + delimiter.size();
            if (body.mid(start, 2) == "--")
                return {}; // the closing delimiter
            const qsizetype lineEnd = body.indexOf('\n', start);
            if (lineEnd < 0)
                return {}; // truncated after a delimiter: what came before stays
            start = lineEnd + 1;
            qsizetype next = body.indexOf("\n" + delimiter, start);
            const bool last = next < 0; // truncated: the rest is the last part
            qsizetype end = last ? body.size() : next;
            if (end > start && body[end - 1] == '\r')
                --end;
            const QByteArray content = body.mid(start, std::max<qsizetype>(0, end - start));
            qsizetype bodyStart = 0;
            const MimeHeaders headers = Mhtml::parseHeaders(content, bodyStart);
            if (Status status = entity(headers, content.mid(bodyStart), nesting); !status)
                return status;
            if (last)
                return {};
            at = next + 1;
        }
    }

    const Limits &m_limits;
    const CancellationToken &m_token;
    QList<MimePart> &m_parts;
    qint64 m_total = 0;
};

} // namespace

QByteArray MimeHeaders::value(const char *name) const
{
    for (const auto &[field, value] : fields) {
        if (field.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

ContentType ContentType::parse(const QByteArray &value)
{
    ContentType type;
    const QList<QByteArray> pieces = splitOutsideQuotes(value, ';');
    type.type = pieces.value(0).trimmed().toLower();
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const qsizetype equals = pieces[i].indexOf('=');
        if (equals <= 0)
            continue;
        type.parameters.append({pieces[i].left(equals).trimmed().toLower(), unquote(pieces[i].mid(equals + 1))});
    }
    return type;
}

QByteArray ContentType::parameter(const char *name) const
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return {};
}

MimeHeaders Mhtml::parseHeaders(const QByteArray &data, qsizetype &end)
{
    MimeHeaders headers;
    qsizetype at = 0;
    end = data.size();
    while (at < data.size()) {
        qsizetype lineEnd = data.indexOf('\n', at);
        const qsizetype next = lineEnd < 0 ? data.size() : lineEnd + 1;
        if (lineEnd < 0)
            lineEnd = data.size();
        QByteArray line = data.mid(at, lineEnd - at);
        if (line.endsWith('\r'))
            line.chop(1);
        at = next;
        if (line.isEmpty()) {
            end = at;
            return headers;
        }
        if ((line[0] == ' ' || line[0] == '\t')) {
            if (!headers.fields.isEmpty())
                headers.fields.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || headers.fields.size() >= MaxHeaderFields)
            continue;
        const QByteArray name = line.left(colon);
        if (!std::all_of(name.cbegin(), name.cend(), isTokenChar))
            continue;
        headers.fields.append({name, line.mid(colon + 1).trimmed()});
    }
    return headers;
}

bool Mhtml::looksLikeMhtml(const QByteArray &head)
{
    // The first line must already be a header field.
    const qsizetype colon = head.indexOf(':');
    const qsizetype newline = head.indexOf('\n');
    if (colon <= 0 || (newline >= 0 && newline < colon)
        || !std::all_of(head.cbegin(), head.cbegin() + colon, isTokenChar))
        return false;
    qsizetype end = 0;
    const MimeHeaders headers = parseHeaders(head, end);
    return !headers.value("MIME-Version").isEmpty()
        && ContentType::parse(headers.value("Content-Type")).type == "multipart/related";
}

QByteArray Mhtml::decodeQuotedPrintable(const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c != '=') {
            out += c;
            continue;
        }
        // "=" at the end of a line (maybe after white space) is a soft line break.
        qsizetype j = i + 1;
        while (j < data.size() && (data[j] == ' ' || data[j] == '\t'))
            ++j;
        if (j < data.size() && (data[j] == '\n' || data[j] == '\r')) {
            if (data[j] == '\r' && j + 1 < data.size() && data[j + 1] == '\n')
                ++j;
            i = j;
            continue;
        }
        if (j >= data.size()) {
            i = j;
            continue;
        }
        const int high = i + 1 < data.size() ? hexValue(data[i + 1]) : -1;
        const int low = i + 2 < data.size() ? hexValue(data[i + 2]) : -1;
        if (high >= 0 && low >= 0) {
            out += char(high * 16 + low);
            i += 2;
        } else {
            out += c; // a stray "=" stays, as mail programs show it
        }
    }
    return out;
}

Status Mhtml::parse(const QByteArray &data, const Limits &limits, const CancellationToken &token, MimeHeaders &headers,
    QList<MimePart> &parts)
{
    qsizetype bodyStart = 0;
    headers = parseHeaders(data, bodyStart);
    if (ContentType::parse(headers.value("Content-Type")).type != "multipart/related")
        return Status(StatusCode::Corrupt, tr("Not a web archive: its content is not multipart/related"));
    Parser parser(limits, token, parts);
    return parser.entity(headers, data.mid(bodyStart), 0);
}

} // namespace folio::html
