// SPDX-License-Identifier: GPL-3.0-or-later
// Forms in the window, offscreen: the bar naming a form (or an XFA form Folio cannot fill), the
// fields as widgets on their rectangles, filled in by keys and clicks, radio buttons exclusive,
// and the values saved into a copy that Poppler reads back.
#include "../common/formpdf.h"
#include "documentview.h"
#include "formlayer.h"
#include "guitestsupport.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "pageview.h"
#include "settings.h"
#include "translations.h"

#include <poppler-form.h>
#include <poppler-qt6.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;
namespace form = folio::test::form;

class TestForms : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        Settings::clearRecentFiles();
        installTranslators(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_form = test::writeFile(m_dir, QStringLiteral("form.pdf"), form::formPdf());
        m_xfa = test::writeFile(m_dir, QStringLiteral("xfa.pdf"), form::xfaOnlyPdf());
        m_plain = test::writeManyPagePdf(m_dir.path(), 1);
    }

    void fillInAndSaveACopy()
    {
        MainWindow window;
        window.resize(1000, 900);
        window.show();
        DocumentView *view = open(window, m_form);
        QVERIFY(view);
        QVERIFY(view->formBar()->isVisible());
        QVERIFY(view->formBar()
                    ->findChild<QLabel *>(QStringLiteral("formBarText"))
                    ->text()
                    .contains(QStringLiteral("is a form")));
        FormLayer *layer = view->formLayer();
        QVERIFY(layer);
        PageView *pages = view->pageView();
        QTRY_VERIFY_WITH_TIMEOUT(layer->widget(QStringLiteral("name")), 15000);

        // Each field's widget sits on its rectangle.
        auto *name = qobject_cast<QLineEdit *>(layer->widget(QStringLiteral("name")));
        QVERIFY(name);
        const QRect expected = QRectF(
            pages->pageToViewport(0, form::NameRect.topLeft()), pages->pageToViewport(0, form::NameRect.bottomRight()))
                                   .toAlignedRect();
        QCOMPARE(name->geometry(), expected);
        QCOMPARE(name->text(), QStringLiteral("Ada"));
        QCOMPARE(name->maxLength(), 40);
        QVERIFY(qobject_cast<QLineEdit *>(layer->widget(QStringLiteral("pin")))->echoMode() == QLineEdit::Password);
        QVERIFY(!layer->widget(QStringLiteral("serial"))->isEnabled()); // read-only
        // Tab goes from the pages to the first field, then on through the fields in the form's order.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        pages->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), name);
        QTest::keyClick(name, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), layer->widget(QStringLiteral("agree")));
        // They follow the page when it moves.
        pages->setZoom(pages->zoom() * 1.5);
        QTRY_VERIFY(layer->widget(QStringLiteral("name"))
            && layer->widget(QStringLiteral("name"))->width() > expected.width() * 1.3);

        // Filled in by keys and clicks.
        name = qobject_cast<QLineEdit *>(layer->widget(QStringLiteral("name")));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Grace"));
        QVERIFY(view->isModified());
        QCOMPARE(window.tabWidget()->tabText(0), view->fileName() + QStringLiteral(" •"));
        auto *agree = qobject_cast<QCheckBox *>(layer->widget(QStringLiteral("agree")));
        QVERIFY(agree && !agree->isChecked());
        agree->click();
        auto *red = qobject_cast<QRadioButton *>(layer->widget(QStringLiteral("color#0")));
        auto *blue = qobject_cast<QRadioButton *>(layer->widget(QStringLiteral("color#1")));
        QVERIFY(red && blue);
        QVERIFY(red->isChecked() && !blue->isChecked());
        blue->click();
        QVERIFY(blue->isChecked());
        QVERIFY(!red->isChecked()); // one of a group
        blue->click(); // clicking the checked one keeps it
        QVERIFY(blue->isChecked());
        auto *size = qobject_cast<QComboBox *>(layer->widget(QStringLiteral("size")));
        QVERIFY(size);
        QCOMPARE(size->currentText(), QStringLiteral("Medium"));
        size->setCurrentIndex(size->findText(QStringLiteral("Large")));
        Q_EMIT size->textActivated(QStringLiteral("Large"));
        QCOMPARE(view->edits().fields.size(), 4);

        // Highlighted (light blue) until the bar's button turns it off.
        QCOMPARE(name->palette().color(QPalette::Base), QColor(204, 224, 255));
        auto *highlight = view->formBar()->findChild<QPushButton *>(QStringLiteral("formBarHighlight"));
        highlight->click();
        QCOMPARE(name->palette().color(QPalette::Base), QColor(Qt::white));
        // In a night mode the fields take the page's colours.
        PageColors night;
        night.mode = PageColors::Mode::Invert;
        view->setPageColors(night);
        QCOMPARE(name->palette().color(QPalette::Base), QColor(Qt::black));
        QCOMPARE(name->palette().color(QPalette::Text), QColor(Qt::white));
        view->setPageColors(PageColors());
        QCOMPARE(name->palette().color(QPalette::Base), QColor(Qt::white));

        const QString copy = m_dir.filePath(QStringLiteral("filled.pdf"));
        Job *job = window.saveCopy(copy);
        QVERIFY(job);
        QSignalSpy finished(job, &Job::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().value<Status>().code(), StatusCode::Ok);
        QTRY_VERIFY(!view->isModified());

        // Poppler reads the values back; the original keeps its own.
        const auto values = [](const QString &path) {
            std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
            std::map<QString, QString> found;
            if (!document)
                return found;
            for (const auto &field : document->page(0)->formFields()) {
                const QString id = field->fullyQualifiedName();
                if (field->type() == Poppler::FormField::FormText)
                    found[id] = static_cast<Poppler::FormFieldText &>(*field).text();
                else if (field->type() == Poppler::FormField::FormButton)
                    found[id + QLatin1Char('/') + QString::number(field->id())]
                        = static_cast<Poppler::FormFieldButton &>(*field).state() ? QStringLiteral("on")
                                                                                  : QStringLiteral("off");
                else if (field->type() == Poppler::FormField::FormChoice) {
                    const auto &choice = static_cast<Poppler::FormFieldChoice &>(*field);
                    QStringList chosen;
                    for (int index : choice.currentChoices())
                        chosen.append(choice.choices().value(index));
                    found[id] = chosen.join(QLatin1Char(','));
                }
            }
            return found;
        };
        const auto written = values(copy);
        QCOMPARE(written.at(QStringLiteral("name")), QStringLiteral("Grace"));
        QCOMPARE(written.at(QStringLiteral("size")), QStringLiteral("Large"));
        QStringList buttons;
        for (const auto &[id, value] : written) {
            if (id.contains(QLatin1Char('/')))
                buttons.append(id.section(QLatin1Char('/'), 0, 0) + QLatin1Char('=') + value);
        }
        QCOMPARE(buttons,
            QStringList({QStringLiteral("agree=on"), QStringLiteral("color=off"), QStringLiteral("color=on")}));
        const auto original = values(m_form);
        QCOMPARE(original.at(QStringLiteral("name")), QStringLiteral("Ada"));
        QCOMPARE(original.at(QStringLiteral("size")), QStringLiteral("Medium"));
    }

    void xfaIsNamedAndPlainHasNoBar()
    {
        MainWindow window;
        window.resize(1000, 900);
        window.show();
        DocumentView *xfa = open(window, m_xfa);
        QVERIFY(xfa);
        QVERIFY(xfa->formBar()->isVisible());
        QVERIFY(
            xfa->formBar()->findChild<QLabel *>(QStringLiteral("formBarText"))->text().contains(QStringLiteral("XFA")));
        QVERIFY(!xfa->formLayer());
        DocumentView *plain = open(window, m_plain);
        QVERIFY(plain);
        QVERIFY(!plain->formBar()->isVisible());
        QVERIFY(!plain->formLayer());
    }

private:
    static DocumentView *open(MainWindow &window, const QString &path)
    {
        window.openFile(path);
        if (!QTest::qWaitFor([&] { return window.documentView() && window.documentView()->path() == path; }, 15000))
            return nullptr;
        return window.documentView();
    }

    QTemporaryDir m_dir;
    QString m_form;
    QString m_xfa;
    QString m_plain;
};

QTEST_MAIN(TestForms)
#include "tst_forms.moc"
