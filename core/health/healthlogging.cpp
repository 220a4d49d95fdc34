// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthlogging.h"

Q_LOGGING_CATEGORY(lcHealth, "faultline.health", QtInfoMsg)
