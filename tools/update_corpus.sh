#!/bin/sh
# Rebuilds the Lovdata part of corpus/ from Lovdata XML files.
#
#   tools/update_corpus.sh DIR [LOVSJEKK]
#
# DIR holds Lovdata files (nl-*.xml, sf-*.xml), for example the nl/ folder of
# https://api.lovdata.no/v1/publicData/get/gjeldende-lover.tar.bz2 after
# unpacking (see corpus/README.md). LOVSJEKK is the lovsjekk binary (default:
# build/lovsjekk, else lovsjekk on PATH). Only the laws in DIR are rewritten;
# hand-written entries and corpus/replacements.json are left alone. Each index
# file is written to a temporary file and renamed, so an interrupted run never
# leaves a half-written file.
set -eu

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi

dir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 2 ]; then
    lovsjekk=$2
elif [ -x "$root/build/lovsjekk" ]; then
    lovsjekk=$root/build/lovsjekk
else
    lovsjekk=lovsjekk
fi

if [ ! -d "$dir" ]; then
    echo "update_corpus.sh: '$dir' is not a folder" >&2
    exit 2
fi

# Sorted, so the output lines come in the same order on every machine.
files=$(find "$dir" -maxdepth 1 -type f \( -name 'nl-*.xml' -o -name 'sf-*.xml' \) | LC_ALL=C sort)
if [ -z "$files" ]; then
    echo "update_corpus.sh: no nl-*.xml or sf-*.xml files in '$dir'" >&2
    exit 2
fi

# shellcheck disable=SC2086  # the file names are word-split on purpose (no spaces in Lovdata names)
exec "$lovsjekk" import lovdata $files -o "$root/corpus"
