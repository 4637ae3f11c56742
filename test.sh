#!/usr/bin/env bash
# Installs what the tests need (Debian packages: Xvfb with xauth for xvfb-run, SDL2, fonts, xdotool, and numpy
# for the interop tests that replay checkpoints in plain numpy; PyTorch is optional: its tests skip without it),
# then builds and runs every test project. Usage: ./test.sh [extra dotnet test args]
set -euo pipefail
cd "$(dirname "$0")"

packages=(xvfb xauth libsdl2-2.0-0 fonts-dejavu-core libfontconfig1 xdotool python3-numpy)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "test.sh: cannot install packages (not root, no sudo); the window tests will be skipped" >&2
  else
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
      echo "test.sh: could not install ${missing[*]}; tests that need them will be skipped with the reason" >&2
    fi
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test NeuronSim.sln --configuration Release "$@" 2>&1 | tee "$log" || status=$?
# One closing line for every project together: "N passed, N failed, N skipped".
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
