// SPDX-License-Identifier: GPL-3.0-or-later
// The email backend on messages written by Python's email and mailbox modules
// (tests/data/email/make-fixtures.py), and on hostile messages built here: MIME bombs of nested
// messages and multiparts, truncated input, parts over the limits, and cancellation.
#include "../common/testpaths.h"
#include "viewer.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;

namespace {

QString fixture(const QString &name)
{
    return folio::test::dataFile(QStringLiteral("email/") + name);
}

QByteArray readFixture(const QString &name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    return file.readAll();
}

Result<std::unique_ptr<Document>> load(const QByteArray &bytes, const QString &name, const OpenOptions &options = {},
    const CancellationToken &token = {}, const ProgressCallback &progress = {})
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    return Viewer::load(std::move(buffer), name, options, token, progress);
}

QString allText(Document &document)
{
    QStringList pages;
    for (int i = 0; i < document.pageCount(); ++i) {
        const Result<QString> text = document.text(i, CancellationToken());
        if (text)
            pages.append(*text);
    }
    return pages.join(u'\f');
}

QByteArray attachmentData(Document &document, int index)
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const Status status = document.saveAttachment(index, out, CancellationToken());
    if (!status)
        qWarning("%s", qPrintable(status.message()));
    return out.data();
}

// `depth` messages each attached to the next: message/rfc822 inside message/rfc822.
QByteArray nestedMessages(int depth)
{
    QByteArray message = "From: inner@example.org\r\nTo: x@example.org\r\nSubject: innermost\r\n\r\nbottom\r\n";
    for (int i = 0; i < depth; ++i)
        message = "From: a@example.org\r\nTo: b@example.org\r\nSubject: level " + QByteArray::number(i)
            + "\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n" + message;
    return message;
}

// `depth` multiparts each holding the next.
QByteArray nestedMultiparts(int depth)
{
    QByteArray head = "From: a@example.org\r\nTo: b@example.org\r\nSubject: bomb\r\nMIME-Version: 1.0\r\n";
    QByteArray body;
    QByteArray tail;
    for (int i = 0; i < depth; ++i) {
        const QByteArray boundary = "b" + QByteArray::number(i);
        body += "Content-Type: multipart/mixed; boundary=" + boundary + "\r\n\r\n--" + boundary + "\r\n";
        tail.prepend("\r\n--" + boundary + "--\r\n");
    }
    return head + body + "Content-Type: text/plain\r\n\r\nbottom\r\n" + tail;
}

} // namespace

class TestEmailBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detection_data();
    void detection();
    void textIsNotStolen_data();
    void textIsNotStolen();
    void plainMessage();
    void htmlWithPicture();
    void rfc2231Name();
    void attachedMessage();
    void emlx();
    void mailbox();
    void tnefFile_data();
    void tnefFile();
    void tnefInsideMessage();
    void truncatedTnef();
    void outlookMessage();
    void outlookUnicode();
    void otherCompoundFilesAreNotMessages();
    void truncatedOutlookMessage();
    void messageBomb();
    void multipartBomb();
    void nestedWithinLimits();
    void truncated();
    void partLimits();
    void cancelledBeforeOpen();
    void cancelledWhileReadingMailbox();
};

void TestEmailBackend::detection_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mimeType");
    QTest::newRow("eml") << "plain.eml"
                         << "message/rfc822";
    QTest::newRow("html") << "html-cid.eml"
                          << "message/rfc822";
    QTest::newRow("emlx") << "plain.emlx"
                          << "message/rfc822";
    QTest::newRow("mbox") << "three.mbox"
                          << "application/mbox";
}

void TestEmailBackend::detection()
{
    QFETCH(QString, file);
    QFETCH(QString, mimeType);
    // By content: the name says nothing.
    auto document = load(readFixture(file), QStringLiteral("download.bin"));
    QVERIFY2(document, qPrintable(document.status().message()));
    QCOMPARE((*document)->formatId(), QStringLiteral("email"));
    QCOMPARE((*document)->mimeType(), mimeType);
}

void TestEmailBackend::textIsNotStolen_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::newRow("subject line") << QByteArray("Subject: meeting notes\n\nWe met and talked.\n") << "notes.txt";
    QTest::newRow("one header") << QByteArray("From: someone\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
                                << "download";
    QTest::newRow("from line without headers") << QByteArray("From here to there\nis a long way.\n") << "road.txt";
    QTest::newRow("prose with colons") << QByteArray("Note: this is text.\nTo do: nothing.\n\nEnd.\n") << "todo";
}

void TestEmailBackend::textIsNotStolen()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    auto document = load(content, name);
    QVERIFY2(document, qPrintable(document.status().message()));
    QCOMPARE((*document)->formatId(), QStringLiteral("text"));
}

void TestEmailBackend::plainMessage()
{
    auto loaded = load(readFixture(QStringLiteral("plain.eml")), QStringLiteral("plain.eml"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    Document &document = **loaded;
    QCOMPARE(document.pageCount(), 1);
    QVERIFY(!(document.capabilities() & Capability::Attachments));
    // RFC 2047 decoded by GMime.
    const Metadata metadata = document.metadata();
    QVERIFY(metadata.contains({QStringLiteral("Title"), QStringLiteral("Grüße aus Köln — plain text")}));
    QVERIFY(metadata.contains({QStringLiteral("Author"), QStringLiteral("Zoë Schmidt <zoe@example.org>")}));
    QVERIFY(metadata.contains({QStringLiteral("Cc"), QStringLiteral("Ann Other <ann@example.net>")}));
    QVERIFY(metadata.contains({QStringLiteral("CreationDate"), QStringLiteral("2026-12-01T09:30:00Z")}));
    const QString text = allText(document);
    QVERIFY2(text.contains(QStringLiteral("Grüße aus Köln — plain text")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Ann Other <ann@example.net>")));
    QVERIFY(text.contains(QStringLiteral("this is the plain body of the first message.")));
    QVERIFY(text.contains(QStringLiteral("Second line.")));

    const Result<QImage> page = document.render(
        0,
        [] {
            RenderRequest r;
            r.dpi = 36;
            return r;
        }(),
        CancellationToken());
    QVERIFY2(page, qPrintable(page.status().message()));
    QCOMPARE(page->size(), document.renderSize(0, [] {
        RenderRequest r;
        r.dpi = 36;
        return r;
    }()));
}

void TestEmailBackend::htmlWithPicture()
{
    auto loaded = load(readFixture(QStringLiteral("html-cid.eml")), QStringLiteral("html-cid.eml"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    Document &document = **loaded;
    // The HTML alternative is shown, without its script.
    const QString text = allText(document);
    QVERIFY2(text.contains(QStringLiteral("Hello HTML")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("Plain version")));
    QVERIFY(!text.contains(QStringLiteral("alert")));
    // Every part that is not the body is an attachment, the inline picture included.
    const QList<AttachmentInfo> attachments = document.attachments();
    QCOMPARE(attachments.size(), 2);
    QCOMPARE(attachments[0].name, QStringLiteral("red.png"));
    QCOMPARE(attachments[1].name, QStringLiteral("report.txt"));
    QCOMPARE(attachmentData(document, 1), QByteArray("Report contents\n"));
    QCOMPARE(attachments[1].size, 16);
    QVERIFY(QImage::fromData(attachmentData(document, 0)).pixelColor(0, 0) == QColor(220, 30, 30));

    // The cid: picture is drawn: red pixels on the page.
    const Result<QImage> page = document.render(
        0,
        [] {
            RenderRequest r;
            r.dpi = 144;
            return r;
        }(),
        CancellationToken());
    QVERIFY2(page, qPrintable(page.status().message()));
    int red = 0;
    for (int y = 0; y < page->height(); ++y)
        for (int x = 0; x < page->width(); ++x) {
            const QColor c = page->pixelColor(x, y);
            red += c.red() > 200 && c.green() < 60 && c.blue() < 60;
        }
    QVERIFY2(red >= 16, qPrintable(QString::number(red)));
}

void TestEmailBackend::rfc2231Name()
{
    auto loaded = load(readFixture(QStringLiteral("rfc2231.eml")), QStringLiteral("rfc2231.eml"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    const QList<AttachmentInfo> attachments = (*loaded)->attachments();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments[0].name, QStringLiteral("Überblick 2026 – Ergebnisse.txt"));
    QCOMPARE(attachmentData(**loaded, 0), QStringLiteral("Überblick 2026\n").toUtf8());
}

void TestEmailBackend::attachedMessage()
{
    auto loaded = load(readFixture(QStringLiteral("forwarded.eml")), QStringLiteral("forwarded.eml"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    const QList<AttachmentInfo> attachments = (*loaded)->attachments();
    QCOMPARE(attachments.size(), 1);
    QVERIFY2(attachments[0].name.endsWith(QStringLiteral(".eml")), qPrintable(attachments[0].name));
    QVERIFY(allText(**loaded).contains(QStringLiteral("Forwarding the first message.")));
    // The attached message is a message of its own: opened again, it is the plain one.
    auto inner = load(attachmentData(**loaded, 0), attachments[0].name);
    QVERIFY2(inner, qPrintable(inner.status().message()));
    QCOMPARE((*inner)->formatId(), QStringLiteral("email"));
    QVERIFY((*inner)->metadata().contains({QStringLiteral("Title"), QStringLiteral("Grüße aus Köln — plain text")}));
}

void TestEmailBackend::emlx()
{
    auto loaded = load(readFixture(QStringLiteral("plain.emlx")), QStringLiteral("12.emlx"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    const QString text = allText(**loaded);
    QVERIFY(text.contains(QStringLiteral("this is the plain body of the first message.")));
    // The property list after the message is not part of it.
    QVERIFY2(!text.contains(QStringLiteral("plist")), qPrintable(text));
}

void TestEmailBackend::mailbox()
{
    auto loaded = load(readFixture(QStringLiteral("three.mbox")), QStringLiteral("three.mbox"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    Document &document = **loaded;
    QVERIFY(document.ensurePages(-1, CancellationToken()));
    QCOMPARE(document.pageCount(), 3);
    const Result<QList<OutlineItem>> outline = document.outline(CancellationToken());
    QVERIFY(outline);
    QCOMPARE(outline->size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(outline->at(i).title.startsWith(QStringLiteral("Mailbox message %1 — Zoë Schmidt").arg(i + 1)),
            qPrintable(outline->at(i).title));
        QCOMPARE(outline->at(i).page, i);
        // Each message starts on a page of its own.
        const Result<QString> text = document.text(i, CancellationToken());
        QVERIFY(text);
        QVERIFY2(text->contains(QStringLiteral("Body of mailbox message %1.").arg(i + 1)), qPrintable(*text));
    }
    // The mailbox's escaped ">From " is the message's "From ".
    QVERIFY(document.text(0, CancellationToken())->contains(QStringLiteral("\nFrom here on")));
}

void TestEmailBackend::tnefFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("winmail.dat") << "winmail.dat";
    QTest::newRow("no name") << "blob";
}

void TestEmailBackend::tnefFile()
{
    // ytnef's test stream with one attached file (its test compares it with the same AUTHORS).
    QFETCH(QString, name);
    auto loaded = load(readFixture(QStringLiteral("one-file.tnef")), name);
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    Document &document = **loaded;
    QCOMPARE(document.formatId(), QStringLiteral("email"));
    QCOMPARE(document.mimeType(), QStringLiteral("application/vnd.ms-tnef"));
    QCOMPARE(document.attachments().size(), 1);
    QCOMPARE(document.attachments()[0].name, QStringLiteral("AUTHORS"));
    const QByteArray authors = attachmentData(document, 0);
    QCOMPARE(authors.size(), 244);
    QVERIFY(authors.contains("Authors of tnef"));

    // A stream whose body is compressed RTF only: the RTF, decompressed, is an attachment.
    auto rtf = load(readFixture(QStringLiteral("rtf.tnef")), QStringLiteral("winmail.dat"));
    QVERIFY2(rtf, qPrintable(rtf.status().message()));
    QCOMPARE((*rtf)->attachments().size(), 1);
    QCOMPARE((*rtf)->attachments()[0].name, QStringLiteral("message.rtf"));
    QVERIFY(attachmentData(**rtf, 0).startsWith("{\\rtf1"));
}

void TestEmailBackend::tnefInsideMessage()
{
    // Outlook sends winmail.dat as an application/ms-tnef part: the files inside it are the
    // message's attachments.
    const QByteArray message
        = "From: outlook@example.org\r\nTo: x@example.org\r\nSubject: TNEF inside\r\n"
          "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
          "--XX\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
          "--XX\r\nContent-Type: application/ms-tnef; name=winmail.dat\r\n"
          "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=winmail.dat\r\n\r\n"
        + readFixture(QStringLiteral("one-file.tnef")).toBase64() + "\r\n--XX--\r\n";
    auto loaded = load(message, QStringLiteral("outlook.eml"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    QCOMPARE((*loaded)->attachments().size(), 1);
    QCOMPARE((*loaded)->attachments()[0].name, QStringLiteral("AUTHORS"));
    QVERIFY(allText(**loaded).contains(QStringLiteral("See attached.")));
}

void TestEmailBackend::truncatedTnef()
{
    const QByteArray full = readFixture(QStringLiteral("one-file.tnef"));
    for (const qsizetype size : {qsizetype(6), qsizetype(40), full.size() / 2, full.size() - 10}) {
        auto loaded = load(full.left(size), QStringLiteral("winmail.dat"));
        if (!loaded)
            QCOMPARE(loaded.status().code(), StatusCode::Corrupt);
    }
}

void TestEmailBackend::outlookMessage()
{
    // Email::Outlook::Message's test file: its own test expects the same fields.
    auto loaded = load(readFixture(QStringLiteral("plain_jpeg_attached.msg")), QStringLiteral("blob"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    Document &document = **loaded;
    QCOMPARE(document.formatId(), QStringLiteral("email"));
    QCOMPARE(document.mimeType(), QStringLiteral("application/vnd.ms-outlook"));
    const Metadata metadata = document.metadata();
    QVERIFY(metadata.contains({QStringLiteral("Title"), QStringLiteral("test")}));
    QVERIFY(metadata.contains(
        {QStringLiteral("Author"), QStringLiteral("Matijs van Zuijlen <Matijs.van.Zuijlen@xs4all.nl>")}));
    QVERIFY(metadata.contains({QStringLiteral("To"), QStringLiteral("matijs@xxxxxx.nl")}));
    // Mon, 24 Sep 2007 15:28:03 +0200
    QVERIFY(metadata.contains({QStringLiteral("CreationDate"), QStringLiteral("2007-09-24T13:28:03Z")}));
    QVERIFY(allText(document).contains(QStringLiteral("Matijs van Zuijlen")));
    QCOMPARE(document.attachments().size(), 1);
    QCOMPARE(document.attachments()[0].name, QStringLiteral("test.jpg"));
    const QByteArray jpeg = attachmentData(document, 0);
    QCOMPARE(jpeg.size(), 7681);
    QVERIFY(!QImage::fromData(jpeg).isNull());
}

void TestEmailBackend::outlookUnicode()
{
    auto loaded = load(readFixture(QStringLiteral("plain_uc_unsent.msg")), QStringLiteral("unsent.msg"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    QVERIFY(
        (*loaded)->metadata().contains({QStringLiteral("Title"), QStringLiteral("Test for MSGConvert -- plain text")}));
    QVERIFY(allText(**loaded).contains(QStringLiteral("The body is in plain text")));
}

void TestEmailBackend::otherCompoundFilesAreNotMessages()
{
    // A compound file whose root is no message (a Word document's streams): not email.
    QByteArray file(1024, '\0');
    file.replace(0, 8, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    file[0x1E] = 9; // 512-byte sectors
    file[0x30] = 0; // the directory in sector 0, after the header
    const auto name = [&file](qsizetype entry, const QString &text) {
        for (qsizetype i = 0; i < text.size(); ++i)
            file[512 + entry * 128 + 2 * i] = char(text.at(i).unicode());
    };
    name(0, QStringLiteral("Root Entry"));
    name(1, QStringLiteral("WordDocument"));
    name(2, QStringLiteral("1Table"));
    auto loaded = load(file, QStringLiteral("letter.doc"));
    QVERIFY(!loaded || (*loaded)->formatId() != QStringLiteral("email"));
}

void TestEmailBackend::truncatedOutlookMessage()
{
    const QByteArray full = readFixture(QStringLiteral("plain_jpeg_attached.msg"));
    for (const qsizetype size : {qsizetype(1024), full.size() / 2, full.size() - 512}) {
        auto loaded = load(full.left(size), QStringLiteral("cut.msg"));
        if (!loaded)
            QVERIFY2(loaded.status().code() == StatusCode::Corrupt || loaded.status().code() == StatusCode::Unsupported,
                qPrintable(loaded.status().message()));
    }
}

void TestEmailBackend::messageBomb()
{
    // Ten thousand messages each inside the next: refused before GMime parses them recursively.
    auto loaded = load(nestedMessages(10'000), QStringLiteral("bomb.eml"));
    QVERIFY(!loaded);
    QCOMPARE(loaded.status().code(), StatusCode::LimitExceeded);
    QVERIFY2(loaded.status().message().contains(QStringLiteral("MIME")), qPrintable(loaded.status().message()));
}

void TestEmailBackend::multipartBomb()
{
    auto loaded = load(nestedMultiparts(5'000), QStringLiteral("bomb.eml"));
    QVERIFY(!loaded);
    QCOMPARE(loaded.status().code(), StatusCode::LimitExceeded);
}

void TestEmailBackend::nestedWithinLimits()
{
    // A few levels are a forward of a forward: the outer message shows its attached message,
    // which is opened (one level deeper each time) only when asked for.
    auto loaded = load(nestedMessages(6), QStringLiteral("forwards.eml"));
    QVERIFY2(loaded, qPrintable(loaded.status().message()));
    QCOMPARE((*loaded)->attachments().size(), 1);
    QVERIFY((*loaded)->metadata().contains({QStringLiteral("Title"), QStringLiteral("level 5")}));
    auto inner = load(attachmentData(**loaded, 0), (*loaded)->attachments()[0].name);
    QVERIFY2(inner, qPrintable(inner.status().message()));
    QVERIFY((*inner)->metadata().contains({QStringLiteral("Title"), QStringLiteral("level 4")}));
}

void TestEmailBackend::truncated()
{
    // Cut anywhere: what is there is shown, or the message is refused; never a crash.
    const QByteArray full = readFixture(QStringLiteral("html-cid.eml"));
    for (const qsizetype size : {qsizetype(40), full.size() / 3, full.size() / 2, full.size() - 30}) {
        auto loaded = load(full.left(size), QStringLiteral("cut.eml"));
        if (loaded)
            QVERIFY((*loaded)->pageCount() >= 1);
        else
            QVERIFY2(loaded.status().code() == StatusCode::Corrupt || loaded.status().code() == StatusCode::Unsupported,
                qPrintable(loaded.status().message()));
    }
}

void TestEmailBackend::partLimits()
{
    // A part larger than the limit of one decoded part.
    OpenOptions small;
    small.limits.maxEntrySize = 8;
    auto big = load(readFixture(QStringLiteral("html-cid.eml")), QStringLiteral("html-cid.eml"), small);
    QVERIFY(!big);
    QCOMPARE(big.status().code(), StatusCode::LimitExceeded);

    // More parts than allowed (the mailbox's three bodies count).
    OpenOptions few;
    few.limits.maxEntries = 2;
    auto many = load(readFixture(QStringLiteral("three.mbox")), QStringLiteral("three.mbox"), few);
    QVERIFY(!many);
    QCOMPARE(many.status().code(), StatusCode::LimitExceeded);

    // Less decoded data in all than the message holds.
    OpenOptions total;
    total.limits.maxTotalExtracted = 50;
    auto all = load(readFixture(QStringLiteral("html-cid.eml")), QStringLiteral("html-cid.eml"), total);
    QVERIFY(!all);
    QCOMPARE(all.status().code(), StatusCode::LimitExceeded);
}

void TestEmailBackend::cancelledBeforeOpen()
{
    CancellationSource source;
    source.cancel(CancelReason::User);
    auto loaded = load(readFixture(QStringLiteral("html-cid.eml")), QStringLiteral("html-cid.eml"), {}, source.token());
    QVERIFY(!loaded);
    QCOMPARE(loaded.status().code(), StatusCode::Canceled);
}

void TestEmailBackend::cancelledWhileReadingMailbox()
{
    // A mailbox of many messages, cancelled once the first ones are read: the open stops.
    QByteArray mbox;
    for (int i = 0; i < 400; ++i)
        mbox += "From sender@example.org Mon Dec  7 10:00:00 2026\nFrom: sender@example.org\nTo: x@example.org\n"
                "Subject: message "
            + QByteArray::number(i) + "\n\nbody " + QByteArray::number(i) + "\n\n";
    CancellationSource source;
    int calls = 0;
    auto loaded = load(mbox, QStringLiteral("big.mbox"), {}, source.token(), [&](qint64, qint64) {
        if (++calls == 3)
            source.cancel(CancelReason::User);
    });
    QVERIFY(!loaded);
    QCOMPARE(loaded.status().code(), StatusCode::Canceled);
}

QTEST_MAIN(TestEmailBackend)
#include "tst_emailbackend.moc"
