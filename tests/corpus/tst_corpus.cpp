// SPDX-License-Identifier: GPL-3.0-or-later
// Documents nobody on this team made (../shared/corpus, see its README): each either opens and
// renders page 1 or fails with the expected, clear error — never a crash or a hang. Skips when
// the corpus is absent so a plain clone still passes.
#include "viewer.h"

#include <QDir>
#include <QTest>

#include <map>

using namespace folio;
using namespace std::chrono_literals;

namespace {

struct Expectation
{
    StatusCode open = StatusCode::Ok;
    const char *message = nullptr; // part of the error message
    int pages = -1; // -1: not checked
    int attachments = 0;
    const char *firstPageText = nullptr; // part of page 1's text
};

// Known outcomes; every other file must open, render and give text without error.
const std::map<QString, Expectation> &expectations()
{
    static const std::map<QString, Expectation> table = {
        {QStringLiteral("bug1020226.pdf"), {StatusCode::Corrupt, "Not a readable PDF file (Poppler:"}},
        {QStringLiteral("poppler-67295-0.pdf"), {StatusCode::Corrupt, "The PDF has no pages"}},
        {QStringLiteral("issue3371.pdf"), {StatusCode::NeedsPassword, "The PDF is encrypted and needs a password"}},
        {QStringLiteral("libtasn1.pdf"), {StatusCode::Ok, nullptr, 36, 0, "Libtasn1"}},
        {QStringLiteral("attachment.pdf"), {StatusCode::Ok, nullptr, 1, 1}},
        {QStringLiteral("annotation-fileattachment.pdf"), {StatusCode::Ok, nullptr, 1, 1}},
        {QStringLiteral("issue9972-1.pdf"), {StatusCode::Ok, nullptr, 1}},
        {QStringLiteral("secHandler.pdf"), {StatusCode::Ok, nullptr, 1}},
    };
    return table;
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pdf_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(FOLIO_CORPUS_DIR "/pdf"));
        const QStringList files = dir.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("no corpus at " FOLIO_CORPUS_DIR "/pdf");
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void pdf()
    {
        QFETCH(QString, path);
        const QString name = QFileInfo(path).fileName();
        const auto found = expectations().find(name);
        const Expectation expected = found == expectations().end() ? Expectation {} : found->second;

        // Generous, only to turn a hang into a failure instead of a stuck test run.
        CancellationSource source;
        source.cancelAfter(60s);
        Viewer viewer;
        const Status opened = viewer.open(path, {}, source.token());
        QCOMPARE(opened.code(), expected.open);
        if (!opened) {
            QVERIFY2(opened.message().startsWith(path + QStringLiteral(": ")), qPrintable(opened.message()));
            QVERIFY2(opened.message().contains(QLatin1String(expected.message)), qPrintable(opened.message()));
            return;
        }
        const auto info = viewer.info(source.token());
        QVERIFY(info.isOk());
        QVERIFY(info->pageCount > 0);
        if (expected.pages >= 0)
            QCOMPARE(info->pageCount, expected.pages);
        QCOMPARE(info->attachmentCount, expected.attachments);

        RenderRequest request;
        request.dpi = 36;
        const auto image = viewer.render(0, request, source.token());
        QVERIFY2(image.isOk(), qPrintable(image.status().message()));
        QCOMPARE(image->size(), viewer.document()->renderSize(0, request));

        const auto text = viewer.text(0, source.token());
        QVERIFY2(text.isOk(), qPrintable(text.status().message()));
        if (expected.firstPageText)
            QVERIFY(text->contains(QLatin1String(expected.firstPageText)));
        QVERIFY(viewer.outline(source.token()).isOk());
    }
};

QTEST_MAIN(TestCorpus)
#include "tst_corpus.moc"
