#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Faultline contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what is missing, build the release preset and start the console on the in-process demo plant.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake --preset release
cmake --build --preset release --target faultline faultline-sim faultlinectl
exec ./build/release/app/faultline --demo "$@"
