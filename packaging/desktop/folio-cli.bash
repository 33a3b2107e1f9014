# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for folio-cli. Keep the option lists in step with app/cli/cliapp.cpp
# (commandOptions(), globalOptions(), takesValue()).

_folio_cli()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s || return
    else
        # Without the bash-completion package: no --opt=value splitting.
        COMPREPLY=()
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands='info render text attachments extract'
    local global='--timeout --password --quiet --verbose --help --version
        --render-comments --render-notes --render-hidden
        --max-entry-size --max-total-size --max-ratio --max-entries'

    # The value of an option that takes one.
    case $prev in
        --out)
            _folio_cli_files -d
            return
            ;;
        --format)
            COMPREPLY=($(compgen -W 'png jpg html pdf' -- "$cur"))
            return
            ;;
        --rotate)
            COMPREPLY=($(compgen -W '0 90 180 270' -- "$cur"))
            return
            ;;
        --watermark-color)
            COMPREPLY=($(compgen -W 'red gray black blue green #50C80000' -- "$cur"))
            return
            ;;
        --timeout | --password | --pages | --dpi | --width | --height | --max-width | --max-height | \
            --quality | --threads | --watermark | --watermark-size | --watermark-angle | --index | --name | \
            --max-entry-size | --max-total-size | --max-ratio | --max-entries)
            return
            ;;
    esac

    # The command: the first word that is neither an option nor an option's value.
    local command='' i word
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        case $word in
            --out | --format | --rotate | --watermark-color | --timeout | --password | --pages | --dpi | \
                --width | --height | --max-width | --max-height | --quality | --threads | --watermark | \
                --watermark-size | --watermark-angle | --index | --name | --max-entry-size | --max-total-size | \
                --max-ratio | --max-entries)
                ((i++))
                ;;
            -*) ;;
            *)
                command=$word
                break
                ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$global" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        local options
        case $command in
            info | attachments) options='--json' ;;
            render)
                options='--out --format --pages --dpi --width --height --max-width --max-height --quality
                    --rotate --embed-resources --external-resources --threads --watermark --watermark-color
                    --watermark-size --watermark-angle'
                ;;
            text) options='--pages' ;;
            extract) options='--index --name --all --out' ;;
            *) options='' ;;
        esac
        COMPREPLY=($(compgen -W "$options $global" -- "$cur"))
        return
    fi
    _folio_cli_files
}

# Completes file names (or, with -d, folders), whether or not bash-completion is installed.
_folio_cli_files()
{
    if declare -F _filedir >/dev/null 2>&1; then
        _filedir "$@"
    else
        local IFS=$'\n'
        if [[ $1 == -d ]]; then
            COMPREPLY=($(compgen -d -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
    fi
}

complete -F _folio_cli folio-cli
