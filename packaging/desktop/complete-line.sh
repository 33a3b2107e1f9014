#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints, one a line, what a folio-cli completion script offers for the last word of a command
# line, completed as bash does after sourcing the script (without the bash-completion package),
# in the current folder. For the tests: check-desktop.sh and tests/cli/tst_clioptions.cpp.
#   complete-line.sh SCRIPT 'folio-cli render x --for'
source "$1" || exit 1
read -r -a COMP_WORDS <<<"$2"
[[ $2 == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$2
COMP_POINT=${#2}
COMPREPLY=()
_folio_cli folio-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
