#!/usr/bin/env bash
# Writes tests/CapiKit.Tests/Pii/Text/Data/NormalizationTest.txt.gz: Unicode's own NFC/NFD conformance cases
# (source;NFC;NFD and the @Part markers), for UnicodeNormalizationTests. Needs Debian's unicode-data package.
set -euo pipefail
ucd="${1:-/usr/share/unicode}"
out="$(dirname "$0")/../../tests/CapiKit.Tests/Pii/Text/Data/NormalizationTest.txt.gz"
version=$(grep -oE 'NormalizationTest-[0-9.]+' <(bzcat "$ucd/NormalizationTest.txt.bz2" | head -1) | cut -d- -f2)
{
  echo "# From the Unicode Character Database ${version%.}, NormalizationTest.txt: fields source;NFC;NFD, comments removed. Written by tools/unicode/extract_normalization_tests.sh."
  bzcat "$ucd/NormalizationTest.txt.bz2" | grep -v '^#' | sed 's/#.*//' | awk -F';' '/^@/ {print $1; next} {print $1";"$2";"$3}'
} | gzip -9 -n > "$out"
