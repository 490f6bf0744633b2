#!/usr/bin/env bash
# Builds the Python module and installs it for Debian's /usr/bin/python3 (which holds Debian's
# Python packages; the first python3 on PATH may be another one). Offline: nothing is fetched
# but Debian packages, and those only where missing.
#   bash scripts/install-python.sh && /usr/bin/python3 -c 'import gangmu'
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DPYTHON_EXECUTABLE=/usr/bin/python3
target=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_path("platlib"))')
mkdir -p "$target"
install -m 644 build/python/gangmu*.so "$target/"
echo "installed $(ls build/python/gangmu*.so | xargs -n1 basename) into $target" >&2
/usr/bin/python3 -c 'import gangmu; print("gangmu", gangmu.__version__, "imports from", gangmu.__file__)'
