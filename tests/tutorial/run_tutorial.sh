#!/bin/sh
# Runs docs/tutorial.md as written: its ```regel block must be the file in
# docs/tutorial/navn/, each `lovsjekk …   # exit N` line in a ```sh block must
# exit N, and every line of the ```text block that follows a command must be
# a line of that command's output (stdout and stderr together).
# Usage: run_tutorial.sh LOVSJEKK SOURCE_DIR
set -u
lovsjekk=$1
cd "$2" || exit 1
doc=docs/tutorial.md
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
failures=0

# The file as the tutorial shows it.
awk '/^```regel$/{on=1; next} /^```$/{on=0} on' "$doc" > "$work/shown.regel"
if ! cmp -s "$work/shown.regel" docs/tutorial/navn/navn.regel; then
    echo "FAIL: the rule file in $doc differs from docs/tutorial/navn/navn.regel"
    diff "$work/shown.regel" docs/tutorial/navn/navn.regel
    failures=$((failures + 1))
fi

# Commands and the text blocks after them, as numbered files:
# N.cmd (the command), N.exit (the expected exit code), N.text (lines expected).
awk -v dir="$work" '
    /^```sh$/ { block = "sh"; next }
    /^```text$/ { block = "text"; next }
    /^```/ { block = ""; next }
    block == "sh" && /^lovsjekk / {
        n++
        line = $0
        code = line; sub(/.*# exit /, "", code)
        sub(/[ ]*# exit.*$/, "", line)
        print line > (dir "/" n ".cmd"); close(dir "/" n ".cmd")
        print code > (dir "/" n ".exit"); close(dir "/" n ".exit")
        next
    }
    block == "text" && n { print > (dir "/" n ".text") }
' "$doc"

n=1
commands=0
while [ -f "$work/$n.cmd" ]; do
    command=$(cat "$work/$n.cmd")
    expected=$(cat "$work/$n.exit")
    # The command as written, with the binary under test for `lovsjekk`.
    eval "\"\$lovsjekk\" ${command#lovsjekk }" > "$work/$n.out" 2>&1
    status=$?
    if [ "$status" != "$expected" ]; then
        echo "FAIL: '$command' exited $status, the tutorial says $expected"
        sed -n '1,20p' "$work/$n.out"
        failures=$((failures + 1))
    fi
    if [ -f "$work/$n.text" ]; then
        while IFS= read -r wanted; do
            [ -z "$wanted" ] && continue
            if ! grep -qxF -- "$wanted" "$work/$n.out"; then
                echo "FAIL: '$command' did not print the line: $wanted"
                failures=$((failures + 1))
            fi
        done < "$work/$n.text"
    fi
    commands=$((commands + 1))
    n=$((n + 1))
done

if [ "$commands" -lt 6 ]; then
    echo "FAIL: found only $commands commands in $doc"
    failures=$((failures + 1))
fi
echo "tutorial: $commands commands, $failures failures"
[ "$failures" -eq 0 ]
