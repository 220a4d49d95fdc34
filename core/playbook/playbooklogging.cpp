// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbooklogging.h"

Q_LOGGING_CATEGORY(lcPlaybook, "faultline.playbook", QtInfoMsg)
