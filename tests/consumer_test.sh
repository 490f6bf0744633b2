#!/bin/bash
# Installs the build tree into a temporary prefix, builds tests/consumer against it with
# find_package(gangmu), and runs it. usage: consumer_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/share/gangmu/rules/headings.yaml"
test -f "$work/prefix/share/gangmu/schemas/outline.schema.json"
test -x "$work/prefix/bin/gangmu"
cmake -S "$source/tests/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/consumer")
if [ "$out" != "标题" ]; then
  echo "consumer printed '$out', expected 标题" >&2
  exit 1
fi
echo "consumer built against the install tree and printed $out"
