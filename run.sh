#!/usr/bin/env bash
# Watch a network learn XOR in a live window: installs the window's runtime packages where it
# can (as root, or through sudo without a password), else says the one command to run.
# Without a display it trains headless with the lab's output and writes the frame as a PNG.
# Usage: ./run.sh [watch options, e.g. --data linear --hidden 8,8 --paused]
set -euo pipefail
cd "$(dirname "$0")"

packages=(libsdl2-2.0-0 fonts-dejavu-core libfontconfig1)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "run.sh: installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    echo "run.sh: installing ${missing[*]}"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "run.sh: the window needs ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  fi
fi

exec dotnet run --configuration Release --project src/NeuronSim -- watch "$@"
