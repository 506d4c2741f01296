# bash completion for precis: subcommands, every option of each, and the
# values of options that take a fixed set (formats, methods, languages)
# or a file. Installed to share/bash-completion/completions/precis.

_precis() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd=main i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        batch | eval) cmd=${COMP_WORDS[i]}; break ;;
        model) cmd=model
            [[ ${COMP_WORDS[i+1]} == build && $((i + 1)) -lt $COMP_CWORD ]] && cmd=model-build
            break ;;
        -*) ;;
        *) break ;;
        esac
    done

    local summary="-n --sentences -w --words -r --ratio -k --keywords -l --lang
        -m --method --model --no-model --repair-utf8 --max-bytes --max-sentence-words
        --damping --tolerance --max-iterations"
    local methods="news textrank textrank-classic textrank-personalised lexrank bm25
        pacsum lead random"

    case $prev in
    -f | --format)
        if [[ $cmd == eval ]]; then
            COMPREPLY=($(compgen -W "text markdown json" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "text json html" -- "$cur"))
        fi
        return ;;
    -m | --method) COMPREPLY=($(compgen -W "$methods" -- "$cur")); return ;;
    --methods) COMPREPLY=($(compgen -W "$methods oracle" -- "$cur")); return ;;
    -l | --lang)
        local langs
        langs=$("${COMP_WORDS[0]}" --list-languages 2>/dev/null)
        COMPREPLY=($(compgen -W "auto $langs" -- "$cur"))
        return ;;
    --only) COMPREPLY=($(compgen -W "summary keywords" -- "$cur")); return ;;
    --model | --jsonl | --files-from | -o | --output)
        COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --output-dir | --wordnet) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -n | --sentences | -w | --words | -r | --ratio | -k | --keywords | --max-bytes | \
    --max-sentence-words | --damping | --tolerance | --max-iterations | -j | --jobs | \
    --include | --exclude | --id-field | --text-field | --limit | --fold | --seed | --min-df)
        return ;;
    esac

    local opts
    case $cmd in
    main) opts="$summary -f --format --only --list-languages -h --help -V --version" ;;
    batch) opts="$summary --include --exclude --files-from --jsonl --id-field --text-field
        -o --output --output-dir --resume --unordered --list --only -j --jobs -q --quiet -h
        --help" ;;
    eval) opts="-n --sentences -w --words --ref-words -m --methods --ablations -l --lang
        --limit --fold --seed --model --wordnet -f --format -h --help" ;;
    model) COMPREPLY=($(compgen -W "build merge info" -- "$cur")); return ;;
    model-build) opts="-o --output -l --lang --min-df --jsonl --text-field -q --quiet -h --help" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ $cmd == main && $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "batch eval model" -- "$cur") $(compgen -f -- "$cur"))
    elif [[ $cmd == eval && ${COMP_WORDS[COMP_CWORD-1]} == eval ]]; then
        COMPREPLY=($(compgen -W "rouge" -- "$cur") $(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _precis precis
