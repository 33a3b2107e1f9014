// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include "findcontroller.h"
#include "theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QToolButton>

namespace folio {

namespace {

QToolButton *toolButton(QWidget *parent, const QString &objectName, const QString &icon, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(themedIcon(icon));
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_previous(
          toolButton(this, QStringLiteral("findPrevious"), QStringLiteral("go-up"), tr("Previous match (Shift+Enter)")))
    , m_next(toolButton(this, QStringLiteral("findNext"), QStringLiteral("go-down"), tr("Next match (Enter)")))
    , m_matchCase(new QCheckBox(tr("Match case"), this))
    , m_wholeWords(new QCheckBox(tr("Whole words"), this))
    , m_regex(new QCheckBox(tr("Regular expression"), this))
    , m_progress(new QProgressBar(this))
    , m_stop(toolButton(this, QStringLiteral("findStop"), QStringLiteral("process-stop"), tr("Stop searching")))
    , m_continue(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_close(toolButton(this, QStringLiteral("findClose"), QStringLiteral("dialog-close"), tr("Close (Esc)")))
{
    setObjectName(QStringLiteral("findBar"));
    m_text->setObjectName(QStringLiteral("findText"));
    m_text->setPlaceholderText(tr("Find in document"));
    m_text->setAccessibleName(tr("Text to find"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(220);
    m_text->installEventFilter(this);
    m_matchCase->setObjectName(QStringLiteral("matchCase"));
    m_wholeWords->setObjectName(QStringLiteral("wholeWords"));
    m_regex->setObjectName(QStringLiteral("regularExpression"));
    m_regex->setToolTip(tr("Search with a regular expression (Perl syntax), such as error|warn(ing)?"));
    m_progress->setObjectName(QStringLiteral("findProgress"));
    m_progress->setMaximumWidth(120);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_stop->hide();
    m_continue->setObjectName(QStringLiteral("findContinue"));
    m_continue->setText(tr("Continue"));
    m_continue->setToolTip(tr("Search on from the page where the search stopped"));
    m_continue->setAutoRaise(true);
    m_continue->hide();
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setTextInteractionFlags(Qt::NoTextInteraction);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(4);
    layout->addWidget(m_text);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addSpacing(8);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_wholeWords);
    layout->addWidget(m_regex);
    layout->addSpacing(8);
    layout->addWidget(m_progress);
    layout->addWidget(m_stop);
    layout->addWidget(m_continue);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_close);

    connect(m_text, &QLineEdit::textChanged, this, &FindBar::textChanged);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &FindBar::nextRequested);
    connect(m_matchCase, &QCheckBox::toggled, this, [this] { Q_EMIT optionsChanged(options()); });
    connect(m_wholeWords, &QCheckBox::toggled, this, [this] { Q_EMIT optionsChanged(options()); });
    connect(m_regex, &QCheckBox::toggled, this, [this] { Q_EMIT optionsChanged(options()); });
    connect(m_stop, &QToolButton::clicked, this, [this] {
        if (m_controller)
            m_controller->cancel();
    });
    connect(m_continue, &QToolButton::clicked, this, [this] {
        if (m_controller)
            m_controller->continueSearch();
    });
    connect(m_close, &QToolButton::clicked, this, &FindBar::dismiss);
}

FindBar::~FindBar() = default;

QString FindBar::text() const
{
    return m_text->text();
}

SearchOptions FindBar::options() const
{
    SearchOptions options;
    options.caseSensitive = m_matchCase->isChecked();
    options.wholeWords = m_wholeWords->isChecked();
    options.regularExpression = m_regex->isChecked();
    return options;
}

void FindBar::setController(FindController *controller)
{
    if (m_controller) {
        disconnect(m_controller, nullptr, this, nullptr);
        disconnect(this, nullptr, m_controller, nullptr);
    }
    m_controller = controller;
    if (!controller) {
        setStatus(QString());
        return;
    }
    connect(this, &FindBar::textChanged, controller, &FindController::setText);
    connect(this, &FindBar::optionsChanged, controller, &FindController::setOptions);
    connect(this, &FindBar::nextRequested, controller, &FindController::next);
    connect(this, &FindBar::previousRequested, controller, &FindController::previous);
    connect(this, &FindBar::closed, controller, &FindController::clear);
    connect(controller, &FindController::statusChanged, this, &FindBar::setStatus);
    connect(controller, &FindController::statusChanged, this, &FindBar::updateSearchState);
    connect(controller, &FindController::searchingChanged, this, &FindBar::updateSearchState);
    connect(controller, &FindController::progressChanged, this, [this](qint64 done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(int(std::min<qint64>(done, total)));
    });
    controller->setOptions(options());
    if (isVisible())
        controller->setText(text());
    setStatus(controller->statusText());
    updateSearchState();
}

void FindBar::updateSearchState()
{
    const bool searching = m_controller && m_controller->isSearching();
    m_progress->setVisible(searching);
    m_stop->setVisible(searching);
    m_continue->setVisible(m_controller && m_controller->canContinue());
}

void FindBar::activate()
{
    show();
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
    // Reopened with the old text: ready to search it (Enter), not searching it already.
    if (m_controller) {
        m_controller->setPendingText(m_text->text());
        m_controller->warmUp();
    }
}

void FindBar::dismiss()
{
    hide();
    Q_EMIT closed();
}

void FindBar::setStatus(const QString &status)
{
    m_status->setText(status);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers() & Qt::ShiftModifier)
                Q_EMIT previousRequested();
            else
                Q_EMIT nextRequested();
            return true;
        case Qt::Key_Escape:
            dismiss();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    // Esc on the buttons and check boxes too.
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace folio
