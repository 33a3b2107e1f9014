// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagecolors.h"
#include "safetylimits.h"
#include "theme.h"

#include <QDialog>

#include <chrono>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace folio {

// Settings › Preferences: the time limit of long operations (0 = none), the memory kept for
// rendered pages and the archive safety limits (0 = none). The caller applies and stores the result; the dialog only
// edits values.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(std::chrono::milliseconds timeout, int cacheBudgetMiB, QWidget *parent = nullptr);

    std::chrono::milliseconds timeout() const;
    int cacheBudgetMiB() const;
    // The archive limits (entry size, total, ratio, entries); the other fields pass through.
    void setLimits(const Limits &limits);
    Limits limits() const;
    // The code page of archive entry names stored without one; empty: detected.
    void setArchiveEncoding(const QByteArray &encoding);
    QByteArray archiveEncoding() const;
    // The colours documents open in the first time, and the paper and ink of Custom.
    void setPageColors(const PageColors &colors);
    PageColors pageColors() const;
    QComboBox *colorsBox() const { return m_colors; }
    void setWindowTheme(WindowTheme theme);
    WindowTheme windowTheme() const;
    QComboBox *windowThemeBox() const { return m_theme; }
    // The author of annotations made in Folio; empty: the login name.
    void setAnnotationAuthor(const QString &author);
    QString annotationAuthor() const;
    // Whether the last session's documents reopen at start.
    void setRestoreSession(bool restore);
    bool restoreSession() const;
    QCheckBox *restoreSessionBox() const { return m_restoreSession; }
    // The screen presentations use (QScreen::name()); empty: the window's.
    void setPresentationScreen(const QString &name);
    QString presentationScreen() const;
    QComboBox *presentationScreenBox() const { return m_screen; }
    QSpinBox *entrySizeBox() const { return m_entrySize; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *cacheBox() const { return m_cache; }

private:
    QSpinBox *m_timeout;
    QSpinBox *m_cache;
    QSpinBox *m_entrySize; // MiB, 0 = none
    QSpinBox *m_totalSize; // GiB, 0 = none
    QSpinBox *m_ratio; // 0 = none
    QComboBox *m_encoding; // item 0: detect; editable for any iconv name
    QSpinBox *m_entries; // thousands, 0 = none
    Limits m_limits;
    QComboBox *m_colors; // item data: PageColors::Mode
    QPushButton *m_paper;
    QPushButton *m_ink;
    QCheckBox *m_keepPictures;
    QCheckBox *m_restoreSession;
    QComboBox *m_theme; // item data: WindowTheme as int
    QLineEdit *m_author;
    QComboBox *m_screen; // item data: the screen's name, empty for the window's
    QColor m_paperColor;
    QColor m_inkColor;
};

} // namespace folio
