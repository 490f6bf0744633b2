#!/usr/bin/env bash
# The README's first command: install what is missing, build, and outline the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/gangmu extract examples/article.txt
