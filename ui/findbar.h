// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textsearch.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;

namespace folio {

class FindController;

// The find bar shown at the bottom of a document (as in Firefox or Okular): a text field,
// Previous/Next, "Match case", "Whole words", "Regular expression", the search's progress with
// Stop (or Continue once a search stopped early), the result ("3 of 17", "No matches",
// "Searching… page 40 of 300") and a close button. Enter goes to the next hit (or starts, or
// continues, the search), Shift+Enter to the previous one, Esc closes the bar. Nothing here is
// modal: the document scrolls and reads while a search runs.
//
// The bar only collects what the user wants and shows the status; FindController does the
// searching. setController() wires the two. GUI thread only, like every widget.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);
    ~FindBar() override;

    QString text() const;
    SearchOptions options() const;

    // Connects the bar to `controller` (the bar does not own it): text and options go to it, at
    // once and on every change; Enter / Shift+Enter / the buttons call next() / previous(); its
    // status shows in the bar; closing the bar calls clear(). Replaces the previous controller
    // (a view switching documents); nullptr disconnects.
    void setController(FindController *controller);
    FindController *controller() const { return m_controller; }

public Q_SLOTS:
    // Shows the bar, focuses the text field and selects its text (Ctrl+F). The old text is not
    // searched again until Enter or an edit: the user may be about to type another.
    void activate();
    // Hides the bar and emits closed() (Esc, the close button).
    void dismiss();
    void setStatus(const QString &status);

Q_SIGNALS:
    void textChanged(const QString &text);
    void optionsChanged(const folio::SearchOptions &options);
    void nextRequested();
    void previousRequested();
    // The bar was closed: the view drops its highlights and takes the focus back.
    void closed();

private Q_SLOTS:
    void updateSearchState();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineEdit *m_text;
    QToolButton *m_previous;
    QToolButton *m_next;
    QCheckBox *m_matchCase;
    QCheckBox *m_wholeWords;
    QCheckBox *m_regex;
    QProgressBar *m_progress;
    QToolButton *m_stop;
    QToolButton *m_continue;
    QLabel *m_status;
    QToolButton *m_close;
    QPointer<FindController> m_controller;
};

} // namespace folio
