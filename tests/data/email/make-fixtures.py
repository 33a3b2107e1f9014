#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the email fixtures of tests/data/email with Python's own email package (the producer:
# its generator, not hand-written MIME). Run from this folder: python3 make-fixtures.py
# Dates and Message-IDs are fixed; MIME boundaries are chosen by the generator.
import mailbox
import os
import struct
import zlib
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import format_datetime
from datetime import datetime, timezone


def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def base(subject, day, number):
    message = EmailMessage(policy=SMTP)
    message["From"] = Address("Zoë Schmidt", addr_spec="zoe@example.org")
    message["To"] = Address("Folio Tester", addr_spec="tester@example.com")
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2026, 12, day, 9, 30, tzinfo=timezone.utc))
    message["Message-ID"] = "<fixture-%d@example.org>" % number
    return message


def write(name, message):
    with open(name, "wb") as out:
        out.write(message.as_bytes(policy=SMTP))


# 1. Plain text with a non-ASCII subject (RFC 2047 encoded by the generator) and a Cc.
plain = base("Grüße aus Köln — plain text", 1, 1)
plain["Cc"] = Address("Ann Other", addr_spec="ann@example.net")
plain.set_content("Hello Folio,\n\nthis is the plain body of the first message.\nSecond line.\n\n-- \nZoë\n")
write("plain.eml", plain)

# 2. HTML with a plain alternative and a picture shown through cid:, plus a PDF-like attachment.
html = base("HTML with a picture", 2, 2)
html.set_content("Plain version of the HTML message.\n")
html.add_alternative(
    "<html><head><script>alert('no')</script></head><body><h1>Hello HTML</h1>"
    "<p>The <b>HTML</b> body, with a picture:</p><img src=\"cid:red-square@example.org\" alt=\"red\">"
    "<p>and a remote one that is never fetched: <img src=\"http://example.invalid/track.png\"></p>"
    "</body></html>", subtype="html")
html.get_payload()[1].add_related(png(8, 8, (220, 30, 30)), "image", "png", cid="<red-square@example.org>",
                                  filename="red.png")
html.add_attachment(b"Report contents\n", maintype="text", subtype="plain", filename="report.txt")
write("html-cid.eml", html)

# 3. An attachment whose non-ASCII name the generator writes as an RFC 2231 parameter.
named = base("RFC 2231 file name", 3, 3)
named.set_content("See the attached file.\n")
named.add_attachment("Überblick 2026\n".encode(), maintype="application", subtype="octet-stream",
                     filename=("utf-8", "", "Überblick 2026 – Ergebnisse.txt"))
write("rfc2231.eml", named)

# 4. A message forwarded as an attachment (message/rfc822).
forward = base("Fwd: plain text", 4, 4)
forward.set_content("Forwarding the first message.\n")
forward.add_attachment(plain)
write("forwarded.eml", forward)

# 5. A mailbox of three messages, written by the mailbox module (mboxo "From " lines).
if os.path.exists("three.mbox"):
    os.remove("three.mbox")
box = mailbox.mbox("three.mbox", create=True)
for number in range(3):
    message = base("Mailbox message %d" % (number + 1), 10 + number, 10 + number)
    message.set_content("Body of mailbox message %d.\nFrom here on, a line starting with From.\n" % (number + 1))
    box.add(message)
box.flush()
box.close()

# 6. Apple Mail's .emlx framing of the plain message: its length, the message, a property list.
data = plain.as_bytes(policy=SMTP).replace(b"\r\n", b"\n")
plist = (b'<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n'
         b"<key>flags</key>\n<integer>8590195713</integer>\n</dict>\n</plist>\n")
with open("plain.emlx", "wb") as out:
    out.write(b"%d        \n" % len(data) + data + plist)
