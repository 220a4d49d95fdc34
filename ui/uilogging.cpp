// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "faultline.ui", QtWarningMsg)
