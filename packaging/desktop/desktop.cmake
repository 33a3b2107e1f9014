# SPDX-License-Identifier: GPL-3.0-or-later
# Desktop integration: .desktop file, AppStream metainfo, icons, man pages, bash completion.
