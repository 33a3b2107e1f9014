// SPDX-License-Identifier: GPL-3.0-or-later
// Equations: OMML and MathML read into one model, laid out in two dimensions (checked by where
// the parts land, not by pixels) and given a linear text form.
#include "backends/common/safexml.h"
#include "backends/office/math/formula.h"
#include "backends/office/math/mathreaders.h"
#include "safetylimits.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace folio;
using namespace folio::office::math;

namespace {

const char *const OmmlNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/math";

Formula omml(const QString &inner, bool display = false)
{
    const QByteArray bytes
        = QStringLiteral("<m:%1 xmlns:m=\"%2\">%3</m:%1>")
              .arg(display ? QStringLiteral("oMathPara") : QStringLiteral("oMath"), QLatin1String(OmmlNamespace),
                  display ? QStringLiteral("<m:oMath>%1</m:oMath>").arg(inner) : inner)
              .toUtf8();
    SafeXmlReader xml(bytes, QStringLiteral("omml"), Limits {}, {});
    if (!xml.readNextStartElement())
        return {};
    return readOmml(xml);
}

QString run(const QString &text, bool plain = false)
{
    return QStringLiteral("<m:r>%1<m:t>%2</m:t></m:r>")
        .arg(plain ? QStringLiteral("<m:rPr><m:sty m:val=\"p\"/></m:rPr>") : QString(), text);
}

Formula mathml(const QString &inner, bool display = false)
{
    const QByteArray bytes = QStringLiteral("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"%1>%2</math>")
                                 .arg(display ? QStringLiteral(" display=\"block\"") : QString(), inner)
                                 .toUtf8();
    const Result<Formula> formula = readMathml(bytes, QStringLiteral("content.xml"), Limits {}, {});
    return formula ? *formula : Formula();
}

// The first run of glyphs showing `text`.
const Layout::Glyphs *glyphs(const Layout &layout, const QString &text)
{
    for (const Layout::Glyphs &each : layout.glyphs) {
        if (each.text == text)
            return &each;
    }
    return nullptr;
}

} // namespace

class TstMath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ommlFraction();
    void ommlScriptsAndRoots();
    void ommlLargeOperatorLimits();
    void ommlDelimitersStretch();
    void ommlMatrixAndAccents();
    void mathmlPandoc();
    void sizeStaysReasonable();
    void deepNestingIsBounded();
    void paints();
};

void TstMath::ommlFraction()
{
    const Formula formula = omml(QStringLiteral("<m:f><m:num>%1%2%3</m:num><m:den>%4</m:den></m:f>")
                                     .arg(run(QStringLiteral("a")), run(QStringLiteral("+"), true),
                                         run(QStringLiteral("b")), run(QStringLiteral("2"))));
    QVERIFY(!formula.isDisplay());
    QCOMPARE(formula.text(), QStringLiteral("(a+b)/2"));
    const Layout layout = formula.layout(12);
    const auto *a = glyphs(layout, QStringLiteral("a"));
    const auto *two = glyphs(layout, QStringLiteral("2"));
    QVERIFY(a && two);
    QVERIFY(a->italic);
    QVERIFY(!two->italic);
    // Numerator above the bar, denominator below it, the bar above the baseline.
    QCOMPARE(layout.rules.size(), size_t(1));
    const qreal bar = layout.rules.front().line.y1();
    QVERIFY(bar < 0);
    QVERIFY(a->origin.y() < bar);
    QVERIFY(two->origin.y() > bar);
    // Centred: the denominator starts right of the numerator's start.
    QVERIFY(two->origin.x() > a->origin.x());
    QVERIFY(layout.ascent > 12 * 0.7 && layout.descent > 12 * 0.3);
}

void TstMath::ommlScriptsAndRoots()
{
    const Formula square = omml(QStringLiteral("<m:sSup><m:e>%1</m:e><m:sup>%2</m:sup></m:sSup>")
                                    .arg(run(QStringLiteral("x")), run(QStringLiteral("2"))));
    QCOMPARE(square.text(), QStringLiteral("x^2"));
    const Layout layout = square.layout(12);
    const auto *x = glyphs(layout, QStringLiteral("x"));
    const auto *two = glyphs(layout, QStringLiteral("2"));
    QVERIFY(x && two);
    QCOMPARE(x->origin.y(), 0.0);
    QVERIFY(two->origin.y() < -3); // raised
    QVERIFY(two->em < x->em); // smaller
    QVERIFY(two->origin.x() > x->origin.x());

    const Formula indexed
        = omml(QStringLiteral("<m:sSubSup><m:e>%1</m:e><m:sub>%2</m:sub><m:sup>%3</m:sup></m:sSubSup>")
                   .arg(run(QStringLiteral("x")), run(QStringLiteral("i")), run(QStringLiteral("2"))));
    QCOMPARE(indexed.text(), QStringLiteral("x_i^2"));
    const Layout both = indexed.layout(12);
    QVERIFY(glyphs(both, QStringLiteral("i"))->origin.y() > 0); // lowered
    QVERIFY(glyphs(both, QStringLiteral("2"))->origin.y() < 0);

    const Formula root
        = omml(QStringLiteral("<m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e>%1</m:e></m:rad>")
                   .arg(run(QStringLiteral("x"))));
    QCOMPARE(root.text(), QStringLiteral("√(x)"));
    const Layout sign = root.layout(12);
    QCOMPARE(sign.strokes.size(), size_t(1));
    // The sign's bar runs over the radicand.
    const QRectF stroke = sign.strokes.front().boundingRect();
    const auto *radicand = glyphs(sign, QStringLiteral("x"));
    QVERIFY(stroke.left() < radicand->origin.x());
    QVERIFY(stroke.right() > radicand->origin.x());
    QVERIFY(stroke.top() < -6);

    const Formula cube = omml(QStringLiteral("<m:rad><m:deg>%1</m:deg><m:e>%2</m:e></m:rad>")
                                  .arg(run(QStringLiteral("3")), run(QStringLiteral("y"))));
    QCOMPARE(cube.text(), QStringLiteral("√[3](y)"));
}

void TstMath::ommlLargeOperatorLimits()
{
    const QString sum = QStringLiteral("<m:nary><m:naryPr><m:chr m:val=\"∑\"/><m:limLoc m:val=\"undOvr\"/></m:naryPr>"
                                       "<m:sub>%1%2%3</m:sub><m:sup>%4</m:sup><m:e>%5</m:e></m:nary>")
                            .arg(run(QStringLiteral("i")), run(QStringLiteral("="), true), run(QStringLiteral("1")),
                                run(QStringLiteral("n")), run(QStringLiteral("k")));
    const Formula display = omml(sum, true);
    QVERIFY(display.isDisplay());
    QCOMPARE(display.text(), QStringLiteral("∑_(i=1)^n k"));
    const Layout layout = display.layout(12);
    const auto *sigma = glyphs(layout, QStringLiteral("∑"));
    const auto *lower = glyphs(layout, QStringLiteral("1"));
    const auto *upper = glyphs(layout, QStringLiteral("n"));
    const auto *body = glyphs(layout, QStringLiteral("k"));
    QVERIFY(sigma && lower && upper && body);
    QVERIFY(sigma->em > 12);
    // Limits under and over the operator, the body after it.
    QVERIFY(lower->origin.y() > 6);
    QVERIFY(upper->origin.y() < -12);
    QVERIFY(upper->origin.x() < body->origin.x());
    QCOMPARE(body->origin.y(), 0.0);

    // Inline, an integral's limits are scripts at its side.
    const Formula integral = omml(
        QStringLiteral("<m:nary><m:naryPr><m:limLoc m:val=\"subSup\"/></m:naryPr><m:sub>%1</m:sub><m:sup>%2</m:sup>"
                       "<m:e>%3</m:e></m:nary>")
            .arg(run(QStringLiteral("0")), run(QStringLiteral("1")), run(QStringLiteral("f"))));
    QCOMPARE(integral.text(), QStringLiteral("∫_0^1 f"));
    const Layout side = integral.layout(12);
    QVERIFY(glyphs(side, QStringLiteral("1"))->origin.x() > glyphs(side, QStringLiteral("∫"))->origin.x());
    QVERIFY(glyphs(side, QStringLiteral("0"))->origin.y() > 0);
}

void TstMath::ommlDelimitersStretch()
{
    const QString fraction = QStringLiteral("<m:f><m:num>%1</m:num><m:den>%2</m:den></m:f>")
                                 .arg(run(QStringLiteral("a")), run(QStringLiteral("b")));
    const Formula tall = omml(QStringLiteral("<m:d><m:e>%1</m:e></m:d>").arg(fraction));
    QCOMPARE(tall.text(), QStringLiteral("(a/b)"));
    const Layout layout = tall.layout(12);
    QVERIFY(glyphs(layout, QStringLiteral("("))->stretch > 1.2);
    QVERIFY(glyphs(layout, QStringLiteral(")"))->stretch > 1.2);
    const Formula flat = omml(QStringLiteral("<m:d><m:dPr><m:begChr m:val=\"[\"/><m:endChr m:val=\"]\"/></m:dPr>"
                                             "<m:e>%1</m:e><m:e>%2</m:e></m:d>")
                                  .arg(run(QStringLiteral("x")), run(QStringLiteral("y"))));
    QCOMPARE(flat.text(), QStringLiteral("[x|y]"));
    QCOMPARE(glyphs(flat.layout(12), QStringLiteral("["))->stretch, 1.0);
}

void TstMath::ommlMatrixAndAccents()
{
    const Formula matrix = omml(QStringLiteral("<m:m><m:mr><m:e>%1</m:e><m:e>%2</m:e></m:mr><m:mr><m:e>%3</m:e>"
                                               "<m:e>%4</m:e></m:mr></m:m>")
                                    .arg(run(QStringLiteral("a")), run(QStringLiteral("b")), run(QStringLiteral("c")),
                                        run(QStringLiteral("d"))));
    QCOMPARE(matrix.text(), QStringLiteral("a, b; c, d"));
    const Layout grid = matrix.layout(12);
    const auto *a = glyphs(grid, QStringLiteral("a"));
    const auto *b = glyphs(grid, QStringLiteral("b"));
    const auto *c = glyphs(grid, QStringLiteral("c"));
    QCOMPARE(a->origin.y(), b->origin.y());
    QVERIFY(b->origin.x() > a->origin.x());
    QVERIFY(c->origin.y() > a->origin.y());

    const Formula hat = omml(QStringLiteral("<m:acc><m:e>%1</m:e></m:acc>").arg(run(QStringLiteral("x"))));
    QCOMPARE(hat.text(), QStringLiteral("x\u0302"));
    const Formula bar = omml(QStringLiteral("<m:bar><m:barPr><m:pos m:val=\"top\"/></m:barPr><m:e>%1</m:e></m:bar>")
                                 .arg(run(QStringLiteral("y"))));
    QCOMPARE(bar.layout(12).rules.size(), size_t(1));
    QVERIFY(bar.layout(12).rules.front().line.y1() < -5);
    const Formula function = omml(QStringLiteral("<m:func><m:fName>%1</m:fName><m:e>%2</m:e></m:func>")
                                      .arg(run(QStringLiteral("sin"), true), run(QStringLiteral("x"))));
    QCOMPARE(function.text(), QStringLiteral("sin x"));
    QVERIFY(!glyphs(function.layout(12), QStringLiteral("sin"))->italic);
}

// What pandoc writes into an ODT formula object.
void TstMath::mathmlPandoc()
{
    const Formula inline_ = mathml(QStringLiteral(
        "<mrow><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>"
        "<mn>2</mn></mfrac></mrow>"));
    QVERIFY(!inline_.isDisplay());
    QCOMPARE(inline_.text(), QStringLiteral("x^2+(a+b)/2"));
    const Layout layout = inline_.layout(12);
    QVERIFY(glyphs(layout, QStringLiteral("a"))->origin.y() < layout.rules.front().line.y1());

    const Formula display = mathml(
        QStringLiteral("<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"
                       "<mi>i</mi><mo>+</mo><mroot><mi>y</mi><mn>3</mn></mroot><mo>+</mo><mrow><mo stretchy=\"true\" "
                       "form=\"prefix\">(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd>"
                       "<mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo stretchy=\"true\" "
                       "form=\"postfix\">)</mo></mrow><mo>+</mo><mover><mi>x</mi><mo accent=\"true\">̂</mo></mover>"
                       "<mo>+</mo><mo>sin</mo><mi>x</mi></mrow>"),
        true);
    QVERIFY(display.isDisplay());
    QCOMPARE(display.text(), QStringLiteral("∑_(i=1)^n i+√[3](y)+(a, b; c, d)+x̂+sin x"));
    const Layout big = display.layout(12);
    QVERIFY(glyphs(big, QStringLiteral("("))->stretch > 1.5);
    QVERIFY(glyphs(big, QStringLiteral("n"))->origin.y() < -12);
}

void TstMath::sizeStaysReasonable()
{
    // A whole line of pandoc's: as high as its tallest part, not more.
    const Formula line = mathml(
        QStringLiteral("<mrow><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi><mrow><mo stretchy=\"true\" "
                       "form=\"prefix\">(</mo><mi>x</mi><mo stretchy=\"true\" form=\"postfix\">)</mo></mrow><mspace "
                       "width=\"0.167em\"></mspace><mi>d</mi><mi>x</mi><mo>+</mo><mrow><mo stretchy=\"true\" "
                       "form=\"prefix\">(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd>"
                       "<mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo stretchy=\"true\" "
                       "form=\"postfix\">)</mo></mrow><mo>+</mo><mover><mi>y</mi><mo accent=\"true\">‾</mo></mover>"
                       "<mo>+</mo><munder><mo>∏</mo><mi>k</mi></munder><msub><mi>a</mi><mi>k</mi></msub></mrow>"),
        true);
    const Layout layout = line.layout(12);
    QVERIFY2(layout.height() < 12 * 5, qPrintable(QString::number(layout.height())));
    QVERIFY2(layout.width < 12 * 30, qPrintable(QString::number(layout.width)));
}

void TstMath::deepNestingIsBounded()
{
    QString nested = QStringLiteral("<mi>x</mi>");
    for (int i = 0; i < 200; ++i)
        nested = QStringLiteral("<msup>%1<mn>2</mn></msup>").arg(nested);
    QByteArray bytes
        = QStringLiteral("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">%1</math>").arg(nested).toUtf8();
    Limits limits;
    limits.maxXmlDepth = 100000;
    const Result<Formula> formula = readMathml(bytes, QStringLiteral("content.xml"), limits, {});
    QVERIFY(formula);
    QVERIFY(formula->text().contains(QStringLiteral("…")));
    const Layout layout = formula->layout(12);
    QVERIFY(layout.width > 0 && std::isfinite(layout.height()));
    // Not MathML at all.
    QVERIFY(!readMathml("<office:document/>", QStringLiteral("content.xml"), Limits {}, {}));
}

void TstMath::paints()
{
    const Formula formula = omml(QStringLiteral("<m:f><m:num>%1</m:num><m:den>%2</m:den></m:f>")
                                     .arg(run(QStringLiteral("1")), run(QStringLiteral("2"))));
    QImage image(60, 60, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        formula.paint(painter, QPointF(10, 35), 24, Qt::black);
    }
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128;
    }
    QVERIFY(dark > 20);
}

QTEST_MAIN(TstMath)
#include "tst_math.moc"
