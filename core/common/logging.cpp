// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcWire, "faultline.wire", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIngest, "faultline.ingest", QtWarningMsg)
Q_LOGGING_CATEGORY(lcZmq, "faultline.zmq", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTraces, "faultline.traces", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTopology, "faultline.topology", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSim, "faultline.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcControl, "faultline.control", QtInfoMsg)
