#!/usr/bin/env bash
# Counts the instructions one batch worker spends on a folder of answers, with callgrind.
#
# valgrind cannot follow `svar render`'s worker processes, so this starts one worker itself and
# feeds it the answers the way `svar render` does (each answer's file and PDF path ended by a
# NUL byte). A worker serves only the process that started it (SVAR_BATCH holds its pid), so
# a shell of its own starts valgrind.
#
# usage: bench/profile_batch.sh SVAR_BINARY ANSWER_FOLDER [COUNT] [callgrind options…]
# e.g.:  bench/profile_batch.sh target/release/svar /tmp/b100 20
#        bench/profile_batch.sh target/release/svar /tmp/b100 20 --toggle-collect='svar::danish::keep_together'
# Prints the instructions collected; the profile is in callgrind.batch.out for callgrind_annotate.
set -euo pipefail
binary=$(realpath "$1")
folder=$(realpath "$2")
count=${3:-20}
shift $(( $# < 3 ? $# : 3 ))
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
jobs="$out/jobs"
find "$folder" -maxdepth 1 -name '*.json' | sort | head -n "$count" | while read -r answer; do
    printf '%s\0%s\0' "$answer" "$out/$(basename "$answer" .json).pdf"
done > "$jobs"
bash -c 'SVAR_BATCH=$$ valgrind --tool=callgrind --callgrind-out-file=callgrind.batch.out "$@" < "'"$jobs"'" > /dev/null 2> "'"$out"'/log"; true' \
    _ "$@" "$binary" worker
grep -o 'Collected : [0-9]*' "$out/log"
echo "PDFs written: $(find "$out" -name '*.pdf' | wc -l) of $count"
