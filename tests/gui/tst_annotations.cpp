// SPDX-License-Identifier: GPL-3.0-or-later
// Annotations in the window, offscreen, on a PDF annotated by Poppler: the sidebar's list grouped
// by page with authors and contents, a click on one showing its place and outlining it, the tool
// tip over a note and the pop-up a click on it opens.
#include "../common/annotatedpdf.h"
#include "../common/officepackages.h"
#include "annotationpanel.h"
#include "documentview.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "pageview.h"
#include "settings.h"
#include "translations.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace folio;
namespace annotated = folio::test::annotated;

class TestAnnotations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        Settings::clearRecentFiles();
        // The English catalogue holds the plural forms ("8 annotations").
        installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        const QByteArray pdf = annotated::annotatedPdf();
        QVERIFY(!pdf.isEmpty());
        m_path = test::writeFile(m_dir, QStringLiteral("annotated.pdf"), pdf);
        m_plain = test::writeManyPagePdf(m_dir.path(), 2);
    }

    void panelListsThemByPage()
    {
        MainWindow window;
        window.resize(1000, 800);
        window.show();
        DocumentView *view = open(window, m_path);
        AnnotationPanel *panel = view->annotationPanel();
        QVERIFY(panel);
        view->setSidebarVisible(true);
        view->sidebar()->setCurrentWidget(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isLoaded(), 15000);
        const QList<Annotation> expected = annotated::expected();
        QCOMPARE(panel->annotations().size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(panel->annotations().at(i).id, expected.at(i).id);
            QCOMPARE(panel->annotations().at(i).page, expected.at(i).page);
        }
        QCOMPARE(view->sidebar()->tabText(view->sidebar()->indexOf(panel)), QStringLiteral("Annotations (8)"));
        QCOMPARE(panel->statusText(), QStringLiteral("8 annotations"));
        // Two pages, named by number and label, each with its annotations in file order.
        QTreeWidget *tree = panel->tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QTRY_COMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Page 1 (A-1)"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 6);
        QCOMPARE(tree->topLevelItem(1)->childCount(), 2);
        const QString note = tree->topLevelItem(0)->child(0)->text(0);
        QVERIFY2(note.startsWith(QStringLiteral("Note · Ada · ")), qPrintable(note));
        QVERIFY2(note.endsWith(QStringLiteral("\nCheck this and that")), qPrintable(note));
        QVERIFY(tree->topLevelItem(0)->child(0)->toolTip(0).contains(QStringLiteral("Check this<br>and that")));
        QVERIFY(tree->topLevelItem(0)->child(1)->text(0).startsWith(QStringLiteral("Highlight · Bob")));

        // A click shows its place and outlines it; Back returns.
        PageView *pages = view->pageView();
        QCOMPARE(pages->currentPage(), 0);
        QTreeWidgetItem *turned = tree->topLevelItem(1)->child(0);
        tree->scrollToItem(turned);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(turned).center());
        QCOMPARE(pages->currentPage(), 1);
        QVERIFY(pages->isFlashing());
        QVERIFY(view->canGoBack());
        QTRY_VERIFY_WITH_TIMEOUT(!pages->isFlashing(), 5000);
    }

    void noteToolTipAndPopup()
    {
        MainWindow window;
        window.resize(1000, 800);
        window.show();
        DocumentView *view = open(window, m_path);
        PageView *pages = view->pageView();
        QTRY_VERIFY_WITH_TIMEOUT(pages->isPageRendered(0), 15000);
        const Annotation note = annotated::expected().first();
        const QPoint onNote = pages->pageToViewport(0, note.rect.center()).toPoint();
        // Loaded with the page's words and links, once the pointer moves over the page.
        QTest::mouseMove(pages->viewport(), onNote);
        QTRY_VERIFY_WITH_TIMEOUT(pages->annotationAt(onNote), 15000);
        QCOMPARE(pages->annotationAt(onNote)->id, note.id);
        QTest::mouseMove(pages->viewport(), onNote + QPoint(1, 0));
        QVERIFY(pages->viewport()->toolTip().contains(QStringLiteral("Check this<br>and that")));
        QCOMPARE(pages->viewport()->cursor().shape(), Qt::PointingHandCursor);
        // Over the highlight's second line, not over the gap its bounding box has beside it.
        const QPoint onHighlight = pages->pageToViewport(0, QPointF(120, 220)).toPoint();
        QVERIFY(pages->annotationAt(onHighlight));
        QCOMPARE(pages->annotationAt(onHighlight)->type, Annotation::Type::Highlight);
        QVERIFY(!pages->annotationAt(pages->pageToViewport(0, QPointF(240, 222)).toPoint()));

        QVERIFY(!view->notePopup());
        QTest::mouseClick(pages->viewport(), Qt::LeftButton, {}, onNote);
        QTRY_VERIFY(view->notePopup() && view->notePopup()->isVisible());
        auto *text = view->notePopup()->findChild<QLabel *>(QStringLiteral("notePopupText"));
        QVERIFY(text);
        QVERIFY(text->text().contains(QStringLiteral("Ada")));
        QVERIFY(text->text().contains(QStringLiteral("Check this<br>and that")));
        view->notePopup()->close();
        QTRY_VERIFY(!view->notePopup());
    }

    void documentsWithoutAnnotations()
    {
        MainWindow window;
        window.resize(1000, 800);
        window.show();
        DocumentView *view = open(window, m_plain);
        AnnotationPanel *panel = view->annotationPanel();
        QVERIFY(panel); // a PDF could have them
        panel->load();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isLoaded(), 15000);
        QCOMPARE(panel->annotations().size(), 0);
        QCOMPARE(panel->statusText(), QStringLiteral("This document has no annotations."));
        QCOMPARE(view->sidebar()->tabText(view->sidebar()->indexOf(panel)), QStringLiteral("Annotations"));
    }

    // A DOCX's comments are listed on the pages of their anchors, also on pages counted after the
    // document opened (a DOCX is read on as pages are asked for); Folio does not add to them.
    void wordProcessingComments()
    {
        test::Docx docx;
        QString comments;
        for (const int number : {1, 80}) {
            comments += QStringLiteral("<w:comment w:id=\"%1\" w:author=\"Reviewer %1\" "
                                       "w:date=\"2025-01-0%2T10:00:00Z\"><w:p><w:r><w:t>About page %1</w:t></w:r>"
                                       "</w:p></w:comment>")
                            .arg(number)
                            .arg(number == 1 ? 1 : 2);
        }
        docx.parts.append({QStringLiteral("comments.xml"), test::wordPart("comments", comments)});
        for (int page = 1; page <= 90; ++page) {
            const QString mark = page == 1 || page == 80
                ? QStringLiteral("<w:r><w:commentReference w:id=\"%1\"/></w:r>").arg(page)
                : QString();
            docx.body += QStringLiteral("<w:p><w:r>%1<w:t>Page %2</w:t></w:r>%3</w:p>")
                             .arg(page > 1 ? QStringLiteral("<w:br w:type=\"page\"/>") : QString())
                             .arg(page)
                             .arg(mark);
        }
        const QString path = test::writeFile(m_dir, QStringLiteral("reviewed.docx"), docx.bytes());
        QVERIFY(!path.isEmpty());

        MainWindow window;
        window.resize(1000, 800);
        window.show();
        DocumentView *view = open(window, path);
        QVERIFY(view);
        QVERIFY(!view->canAnnotate());
        AnnotationPanel *panel = view->annotationPanel();
        QVERIFY(panel);
        view->setSidebarVisible(true);
        view->sidebar()->setCurrentWidget(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isLoaded(), 30000);
        QCOMPARE(view->pageView()->pageCount(), 90);
        QCOMPARE(panel->annotations().size(), 2);
        QCOMPARE(panel->annotations().at(0).page, 0);
        QCOMPARE(panel->annotations().at(1).page, 79);
        QCOMPARE(panel->annotations().at(1).author, QStringLiteral("Reviewer 80"));
        QCOMPARE(panel->tree()->topLevelItemCount(), 2);
        QCOMPARE(panel->tree()->topLevelItem(1)->text(0), QStringLiteral("Page 80"));
        const QString entry = panel->tree()->topLevelItem(1)->child(0)->text(0);
        QVERIFY2(entry.startsWith(QStringLiteral("Note · Reviewer 80 · "))
                && entry.endsWith(QStringLiteral("About page 80")),
            qPrintable(entry));
        QCOMPARE(panel->statusText(), QStringLiteral("2 annotations"));
        // A click goes to its page.
        QTreeWidget *tree = panel->tree();
        QTreeWidgetItem *late = tree->topLevelItem(1)->child(0);
        tree->scrollToItem(late);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(late).center());
        QCOMPARE(view->pageView()->currentPage(), 79);
    }

    // Marks made on the selected text and a note, drawn over the page, then written into a copy
    // that Poppler reads back; the tab shows it is changed until then, and asks before closing.
    void annotateAndSaveACopy()
    {
        Settings::setAnnotationAuthor(QStringLiteral("Grace"));
        MainWindow window;
        window.resize(1000, 800);
        window.show();
        DocumentView *view = open(window, m_plain);
        QVERIFY(view && view->canAnnotate());
        PageView *pages = view->pageView();
        QTRY_VERIFY_WITH_TIMEOUT(pages->isPageRendered(0), 15000);
        // The page's words load once the pointer is over the page.
        QTest::mouseMove(pages->viewport(), pages->pageRect(0).center());
        QTRY_VERIFY_WITH_TIMEOUT(pages->textCache().boxes(0) && !pages->textCache().boxes(0)->isEmpty(), 15000);
        const TextBox word = pages->textCache().boxes(0)->first();
        QCOMPARE(word.text, QStringLiteral("1"));
        QAction *highlight = test::actionNamed(&window, QStringLiteral("Highlight"));
        QVERIFY(highlight);
        QVERIFY(!highlight->isEnabled()); // nothing selected
        test::drag(pages->viewport(), pages->pageToViewport(0, word.rect.topLeft() + QPointF(-2, 2)),
            pages->pageToViewport(0, word.rect.bottomRight() + QPointF(2, -2)));
        QVERIFY(pages->hasSelection());
        QVERIFY(highlight->isEnabled());
        QCOMPARE(window.tabWidget()->tabText(0), view->fileName());
        highlight->trigger();
        QVERIFY(!pages->hasSelection());
        QVERIFY(view->isModified());
        QCOMPARE(window.tabWidget()->tabText(0), view->fileName() + QStringLiteral(" •"));
        QCOMPARE(pages->pendingAnnotations().size(), 1);
        QCOMPARE(pages->pendingAnnotations().first().type, Annotation::Type::Highlight);
        QVERIFY(pages->pendingAnnotations().first().rect.contains(word.rect.center()));
        // Drawn over the page: the paper beside the glyph turns yellow.
        const QImage shot = pages->viewport()->grab().toImage();
        const QPoint inside
            = (pages->pageToViewport(0, QPointF(word.rect.left() + 1, word.rect.top() + 2)) * shot.devicePixelRatio())
                  .toPoint();
        QVERIFY2(shot.pixelColor(inside).blue() < 200, qPrintable(shot.pixelColor(inside).name()));

        // A note through the menu's dialog, placed at the page's top left corner.
        QTimer::singleShot(0, &window, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Read again"));
            dialog->accept();
        });
        test::actionNamed(&window, QStringLiteral("Add Note…"))->trigger();
        QCOMPARE(pages->pendingAnnotations().size(), 2);
        QCOMPARE(pages->pendingAnnotations().last().type, Annotation::Type::Text);
        QCOMPARE(pages->pendingAnnotations().last().contents, QStringLiteral("Read again"));
        QCOMPARE(view->edits().notes.first().author, QStringLiteral("Grace"));
        // Listed in the panel under their own heading until they are saved.
        QTreeWidget *tree = view->annotationPanel()->tree();
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Made here, not saved yet (2)"));
        QVERIFY(tree->topLevelItem(0)->child(0)->text(0).startsWith(QStringLiteral("Page 1 · Highlight · Grace")));
        QVERIFY(tree->topLevelItem(0)->child(1)->text(0).contains(QStringLiteral("Read again")));

        // Never over the document itself.
        QTimer::singleShot(0, &window, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->accept();
        });
        QVERIFY(!window.saveCopy(m_plain));
        QVERIFY(view->isModified());

        const QString copy = m_dir.filePath(QStringLiteral("copy.pdf"));
        Job *job = window.saveCopy(copy);
        QVERIFY(job);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().value<Status>().code(), StatusCode::Ok);
        QTRY_VERIFY(!view->isModified());
        QCOMPARE(window.tabWidget()->tabText(0), view->fileName());
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Made here, saved in a copy (2)"));
        QVERIFY2(window.lastOutcome().contains(QStringLiteral("Saved a copy with 2 annotations")),
            qPrintable(window.lastOutcome()));

        // Poppler reads them back, where they were drawn.
        std::unique_ptr<Poppler::Document> written = Poppler::Document::load(copy);
        QVERIFY(written);
        std::unique_ptr<Poppler::Page> page = written->page(0);
        QList<Poppler::Annotation::SubType> types;
        for (const auto &annotation : page->annotations()) {
            types.append(annotation->subType());
            QCOMPARE(annotation->author(), QStringLiteral("Grace"));
        }
        QVERIFY(types.contains(Poppler::Annotation::AHighlight));
        QVERIFY(types.contains(Poppler::Annotation::AText));
        // The file shown is as it was.
        std::unique_ptr<Poppler::Document> original = Poppler::Document::load(m_plain);
        QCOMPARE(original->page(0)->annotations().size(), size_t(0));

        // A new mark makes it changed again; closing asks, and Cancel keeps the tab.
        view->addNote(1, QPointF(50, 50), QStringLiteral("Second"), QStringLiteral("Grace"));
        QVERIFY(view->isModified());
        QStringList asked;
        const auto answer = [&asked](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&asked, button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box)
                    return;
                asked.append(box->text());
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        window.closeDocument();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("not saved")));
        QCOMPARE(window.documentCount(), 1);
        answer(QMessageBox::Discard);
        window.closeDocument();
        QCOMPARE(window.documentCount(), 0);
        Settings::setAnnotationAuthor(QString());
    }

private:
    static DocumentView *open(MainWindow &window, const QString &path)
    {
        window.openFile(path);
        if (!QTest::qWaitFor([&] { return window.documentView() != nullptr; }, 15000))
            return nullptr;
        return window.documentView();
    }

    QTemporaryDir m_dir;
    QString m_path;
    QString m_plain;
};

QTEST_MAIN(TestAnnotations)
#include "tst_annotations.moc"
