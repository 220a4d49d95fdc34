// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentlogging.h"

Q_LOGGING_CATEGORY(lcIncident, "faultline.incident", QtInfoMsg)
