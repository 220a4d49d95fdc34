#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Faultline contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Install the Debian 12 packages that building, testing and running the demo need.
# Idempotent: packages already installed are skipped, and apt runs only when something is missing.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git libbenchmark-dev
    # Qt 6 (Widgets, Charts, Network, Svg, Test, LinguistTools)
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6opengl6-dev libgl-dev libvulkan-dev libxkbcommon-dev
    # coroutines, transport, decoding, playbooks, layout
    qcoro-qt6-dev libzmq3-dev cppzmq-dev libsimdjson-dev libyaml-cpp-dev libgraphviz-dev
    # CRC-32 of incident journal records
    zlib1g-dev
    # offscreen and screenshot checks of the console
    xvfb xauth imagemagick fonts-dejavu-core
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root (or with sudo) to install them" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
