// SPDX-License-Identifier: GPL-3.0-or-later
// Documents nobody on this team made (../shared/corpus, see its README): each either opens and
// renders page 1 or fails with the expected, clear error — never a crash or a hang. Skips when
// the corpus is absent so a plain clone still passes.
#include "../common/testpaths.h"
#include "viewer.h"

#include <QBuffer>
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
        // mammoth's Word documents: one page each; page 1 holds the body text, notes included.
        {QStringLiteral("comments.docx"), {StatusCode::Ok, nullptr, 1, 0, "Ouch"}},
        {QStringLiteral("embedded-style-map.docx"), {StatusCode::Ok, nullptr, 1, 0, "Walking on imported air"}},
        {QStringLiteral("endnotes.docx"), {StatusCode::Ok, nullptr, 1, 0, "A tachyon walks into a bar."}},
        {QStringLiteral("footnotes.docx"), {StatusCode::Ok, nullptr, 1, 0, "A tachyon walks into a bar."}},
        {QStringLiteral("footnote-hyperlink.docx"), {StatusCode::Ok, nullptr, 1, 0, "Example"}},
        {QStringLiteral("simple-list.docx"), {StatusCode::Ok, nullptr, 1, 0, "Banana"}},
        {QStringLiteral("single-paragraph.docx"), {StatusCode::Ok, nullptr, 1, 0, "Walking on imported air"}},
        {QStringLiteral("strict-format.docx"), {StatusCode::Ok, nullptr, 1, 0, "Test"}},
        {QStringLiteral("strikethrough.docx"), {StatusCode::Ok, nullptr, 1, 0, "Sold out"}},
        {QStringLiteral("tables.docx"), {StatusCode::Ok, nullptr, 1, 0, "Bottom right"}},
        {QStringLiteral("text-box.docx"), {StatusCode::Ok, nullptr, 1, 0, "Datum plane"}},
        {QStringLiteral("underline.docx"), {StatusCode::Ok, nullptr, 1, 0, "Sunset"}},
        {QStringLiteral("utf8-bom.docx"), {StatusCode::Ok, nullptr, 1, 0, "This XML has a byte order mark."}},
        {QStringLiteral("empty.docx"), {StatusCode::Ok, nullptr, 1}},
        {QStringLiteral("tiny-picture.docx"), {StatusCode::Ok, nullptr, 1}},
        {QStringLiteral("tiny-picture-target-base-relative.docx"), {StatusCode::Ok, nullptr, 1}},
        {QStringLiteral("external-picture.docx"), {StatusCode::Ok, nullptr, 1}},
        // Pages depend on the fonts installed: not checked.
        {QStringLiteral("out.epub"), {StatusCode::Ok, nullptr, -1, 0, "Electrickery"}},
    };
    return table;
}

// KArchive's and libarchive's test archives: what opening each one gives, how many file entries it
// lists, and what extracting every entry gives (the first failure's code). Every file must be here.
struct ArchiveExpectation
{
    StatusCode open = StatusCode::Ok;
    int attachments = 0;
    const char *format = "archive"; // Document::formatId()
    StatusCode extract = StatusCode::Ok;
    const char *password = nullptr; // opens with it
};

const std::map<QString, ArchiveExpectation> &archiveExpectations()
{
    using S = StatusCode;
    static const std::map<QString, ArchiveExpectation> table = {
        {QStringLiteral("artest.a"), {S::Ok, 15}},
        {QStringLiteral("dirpermissions.zip"), {S::Ok, 0}}, // folders only
        {QStringLiteral("global_header_test.tar.gz"), {S::Ok, 1}},
        {QStringLiteral("multiple_nameless_files.7z"), {S::Ok, 2}},
        {QStringLiteral("password_protected.7z"), {S::NeedsPassword, 1, "archive", S::Ok, "youshallnotpass"}},
        {QStringLiteral("readnumber_check.7z"), {S::Ok, 1}},
        {QStringLiteral("redundantDataDescriptorsNoSignature.zip"), {S::Ok, 2}},
        {QStringLiteral("redundantDataDescriptorsWithSignature.zip"), {S::Ok, 2}},
        {QStringLiteral("runtime_resource.rcc"), {S::Unsupported}}, // Qt resources: not an archive Folio reads
        {QStringLiteral("tar_directory_forgotten.tar.gz"), {S::Ok, 1}},
        {QStringLiteral("tar_directory_twice.tar.gz"), {S::Ok, 2}},
        {QStringLiteral("tar_emptyfile_missingdir.tar.gz"), {S::Ok, 2}}, // "dir/foo" is a file and a folder
        {QStringLiteral("tar_non_ascii_file_name.tar.gz"), {S::Ok, 1}},
        {QStringLiteral("tar_prefix_test.tar.gz"), {S::Ok, 1}},
        {QStringLiteral("tar_relative_path_outside_archive.tar.bz2"), {S::Ok, 1}}, // "../foo", extracted inside
        {QStringLiteral("tar_rootdir.tar.gz"), {S::Ok, 9}},
        {QStringLiteral("test_compat_gzip_1.tgz"), {S::Ok, 6}},
        {QStringLiteral("test_compat_gzip_2.tgz"), {S::Ok, 6}}, // garbage after the gzip members, ignored like gzip -d
        {QStringLiteral("test_compat_xz_1.txz"), {S::Ok, 6}}, // two xz streams
        {QStringLiteral("test_compat_zstd_1.tar.zst"), {S::Ok, 6}}, // several zstd frames
        // One file over two volumes: listed from either part, its data needs both.
        {QStringLiteral("test_rar_multivolume_multiple_files.part1.rar"), {S::Ok, 1, "archive", S::Corrupt}},
        {QStringLiteral("test_rar_multivolume_multiple_files.part2.rar"), {S::Ok, 1, "archive", S::Corrupt}},
        {QStringLiteral("test_read_format_7zip_copy.7z"), {S::Ok, 1}},
        {QStringLiteral("test_read_format_7zip_empty_archive.7z"), {S::Ok, 0}},
        {QStringLiteral("test_read_format_7zip_encryption.7z"), {S::NeedsPassword}},
        {QStringLiteral("test_read_format_7zip_lzma2.7z"), {S::Ok, 1}},
        {QStringLiteral("test_read_format_7zip_malformed.7z"), {S::Corrupt}},
        {QStringLiteral("test_read_format_gtar_sparse_1_17.tar"), {S::Ok, 3}}, // two sparse files, expanded
        {QStringLiteral("test_read_format_tar_empty_filename.tar"), {S::Ok, 0}},
        {QStringLiteral("test_read_format_zip.zip"), {S::Ok, 2, "archive", S::Corrupt}}, // file2's CRC-32 is wrong
        {QStringLiteral("test_read_format_zip_7075_utf8_paths.zip"), {S::Ok, 4}},
        {QStringLiteral("test_read_format_zip_7z_deflate.zip"), {S::Ok, 1}},
        {QStringLiteral("test_read_format_zip_7z_lzma.zip"), {S::Ok, 1}}, // ZIP LZMA, through libarchive
        {QStringLiteral("test_read_format_zip_bz2_hang.zip"), {S::Corrupt}},
        {QStringLiteral("test_read_format_zip_bzip2.zipx"), {S::Ok, 1}}, // ZIP bzip2, through libarchive
        {QStringLiteral("test_read_format_zip_bzip2_multi.zipx"), {S::Ok, 3}},
        {QStringLiteral("test_read_format_zip_comment_stored_1.zip"), {S::Ok, 2}},
        {QStringLiteral("test_read_format_zip_comment_stored_2.zip"), {S::Ok, 2}},
        {QStringLiteral("test_read_format_zip_encryption_data.zip"), {S::Ok, 2, "archive", S::Unsupported}},
        {QStringLiteral("test_read_format_zip_encryption_header.zip"), {S::Corrupt}}, // even the names
        {QStringLiteral("test_read_format_zip_encryption_partially.zip"), {S::Ok, 2, "archive", S::Unsupported}},
        {QStringLiteral("test_read_format_zip_extra_padding.zip"), {S::Ok, 1}}, // from its local headers
        {QStringLiteral("test_read_format_zip_filename_cp866.zip"), {S::Ok, 2}},
        {QStringLiteral("threefiles.gz"), {S::Ok, 0, "text"}}, // gzip members one after another
        {QStringLiteral("twofiles.gz"), {S::Ok, 0, "text"}},
        {QStringLiteral("unusual_but_valid_364071.zip"), {S::Ok, 1}},
        {QStringLiteral("zip64.pkpass"), {S::Ok, 7, "archive", S::Corrupt}}, // its data was wiped
        {QStringLiteral("zip64_datadescriptor.zip"), {S::Ok, 1}},
        {QStringLiteral("zip64_end_of_central_directory.zip"), {S::Ok, 1}},
        // OpenXPS from Microsoft's XPS writer: one page, opened as XPS.
        {QStringLiteral("zip64_extra_zip64_localheader.oxps"), {S::Ok, 0, "xps"}},
        {QStringLiteral("zip64_extra_zip64_size.zip.gz"), {S::LimitExceeded}}, // 4 MiB of zeros: 386:1
        {QStringLiteral("zip64_nested_stored_streamed.zip"), {S::Ok, 2}},
        {QStringLiteral("zip_within_zip.zip"), {S::Ok, 2}},
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
        const QDir dir(folio::test::corpusDir() + QStringLiteral("/pdf"));
        const QStringList files = dir.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no corpus at %1").arg(dir.path())));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void pdf() { checkDocument(); }

    // The e-books among the archives.
    void epub_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(folio::test::corpusDir() + QStringLiteral("/archives"));
        const QStringList files = dir.entryList({QStringLiteral("*.epub")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no EPUB in %1").arg(dir.path())));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void epub() { checkDocument(); }

    // Word documents written by other producers (mammoth's test suite).
    void docx_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(folio::test::corpusDir() + QStringLiteral("/docx"));
        const QStringList files = dir.entryList({QStringLiteral("*.docx")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no corpus at %1").arg(dir.path())));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void docx()
    {
        checkDocument();
        if (QTest::currentTestFailed())
            return;
        // Every one of them is read as a Word document, not as the ZIP it also is.
        QFETCH(QString, path);
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        QCOMPARE(viewer.document()->formatId(), QStringLiteral("docx"));
        // Comments are text only when asked for.
        if (path.endsWith(QLatin1String("/comments.docx"))) {
            QVERIFY(!viewer.text(0, {})->contains(QLatin1String("tachyon")));
            OpenOptions options;
            options.renderOptions = RenderOption::RenderComments;
            QVERIFY(viewer.open(path, options, {}).isOk());
            QVERIFY(viewer.text(0, {})->contains(QLatin1String("A tachyon walks into a bar.")));
        }
    }

    void archives_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(folio::test::corpusDir() + QStringLiteral("/archives"));
        // The e-book is the EPUB backend's; the licences are text.
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no corpus at %1").arg(dir.path())));
        for (const QString &file : files) {
            if (!file.startsWith(QLatin1String("COPYING")) && !file.endsWith(QLatin1String(".epub")))
                QTest::newRow(qPrintable(file)) << dir.filePath(file);
        }
    }
    void archives()
    {
        QFETCH(QString, path);
        const auto found = archiveExpectations().find(QFileInfo(path).fileName());
        QVERIFY2(found != archiveExpectations().end(), "a new file in the corpus: add its expected outcome");
        const ArchiveExpectation &expected = found->second;
        CancellationSource source;
        source.cancelAfter(60s);
        Viewer viewer;
        const Status opened = viewer.open(path, {}, source.token());
        QVERIFY2(opened.code() == expected.open, qPrintable(opened.message()));
        if (!opened) {
            QVERIFY2(opened.message().startsWith(path + QStringLiteral(": ")), qPrintable(opened.message()));
            if (!expected.password)
                return;
            OpenOptions options;
            options.password = QLatin1String(expected.password);
            const Status unlocked = viewer.open(path, options, source.token());
            QVERIFY2(unlocked, qPrintable(unlocked.message()));
        }
        const auto info = viewer.info(source.token());
        QVERIFY2(info, qPrintable(info.status().message()));
        QCOMPARE(info->format, QLatin1String(expected.format));
        QCOMPARE(info->attachmentCount, expected.attachments);
        QVERIFY(info->pageCount > 0);
        RenderRequest request;
        request.dpi = 36;
        const auto image = viewer.render(0, request, source.token());
        QVERIFY2(image, qPrintable(image.status().message()));
        QVERIFY(viewer.text(0, source.token()));

        // Every entry streams out in full, or fails with a clear, expected error.
        StatusCode extracted = StatusCode::Ok;
        const QList<AttachmentInfo> attachments = viewer.attachments();
        for (int i = 0; i < attachments.size(); ++i) {
            QBuffer sink;
            sink.open(QIODevice::WriteOnly);
            const Status saved = viewer.saveAttachment(i, sink, source.token());
            if (!saved) {
                QVERIFY2(!saved.message().isEmpty(), "an error without a message");
                if (extracted == StatusCode::Ok)
                    extracted = saved.code();
                continue;
            }
            QCOMPARE(sink.size(), attachments[i].size);
        }
        QCOMPARE(extracted, expected.extract);
    }

private:
    // Opens the row's file and checks it against its expectation.
    void checkDocument()
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
