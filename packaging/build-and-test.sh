#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Faultline contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what is missing, build the release preset and run the whole suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake --preset release
cmake --build --preset release
QT_QPA_PLATFORM=offscreen ctest --preset release
