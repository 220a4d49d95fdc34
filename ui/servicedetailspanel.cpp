// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicedetailspanel.h"

#include <QDeadlineTimer>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "displayformat.h"
#include "graphmetrichistory.h"
#include "graphservicecharts.h"
#include "statestyle.h"
#include "topology/livetopology.h"

namespace faultline
{
namespace
{

constexpr int maxVisibleRows = 8;

struct TreeRow {
    QStringList texts;
    QIcon icon;
};

/** Updates the rows of @p tree in place, so that its scroll position and selection survive a refresh. */
void fillTree(QTreeWidget *tree, std::vector<TreeRow> rows, const QString &emptyText)
{
    if (rows.empty())
        rows.push_back({ { emptyText }, {} });
    while (tree->topLevelItemCount() > int(rows.size()))
        delete tree->takeTopLevelItem(tree->topLevelItemCount() - 1);
    while (tree->topLevelItemCount() < int(rows.size()))
        tree->addTopLevelItem(new QTreeWidgetItem(tree));
    for (int i = 0; i < int(rows.size()); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        for (int column = 0; column < rows[i].texts.size(); ++column)
            item->setText(column, rows[i].texts.at(column));
        for (int column = int(rows[i].texts.size()); column < tree->columnCount(); ++column)
            item->setText(column, QString());
        item->setIcon(0, rows[i].icon);
    }

    // As tall as the rows, up to maxVisibleRows, so that short lists leave no blank boxes.
    const int visibleRows = std::min(int(rows.size()), maxVisibleRows);
    const int height = tree->header()->sizeHint().height() + visibleRows * tree->sizeHintForRow(0)
        + 2 * tree->frameWidth() + tree->horizontalScrollBar()->sizeHint().height();
    tree->setFixedHeight(height);
}

QLabel *sectionLabel(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ServiceDetailsPanel::ServiceDetailsPanel(LiveTopology *topology, QWidget *parent)
    : QWidget(parent)
    , m_topology(topology)
    , m_history(new GraphMetricHistory(topology, this))
    , m_pages(new QStackedWidget(this))
{
    auto *placeholder
        = new QLabel(tr("Select a service in the graph to see its health, instances, callers and callees."));
    placeholder->setObjectName(QStringLiteral("placeholder"));
    placeholder->setWordWrap(true);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setMargin(16);
    m_pages->addWidget(placeholder);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(createDetailsPage());
    m_pages->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(topology, &LiveTopology::changed, this, &ServiceDetailsPanel::onTopologyChanged);
}

QWidget *ServiceDetailsPanel::createDetailsPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);

    auto *header = new QHBoxLayout;
    m_stateIcon = new QLabel;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    header->addWidget(m_stateIcon);
    header->addWidget(m_title, 1);
    layout->addLayout(header);

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);

    auto *form = new QFormLayout;
    m_state = addField(form, tr("State:"), QStringLiteral("state"));
    m_mode = addField(form, tr("Mode:"), QStringLiteral("mode"));
    m_criticality = addField(form, tr("Criticality:"), QStringLiteral("criticality"));
    m_kind = addField(form, tr("Kind:"), QStringLiteral("kind"));
    m_rate = addField(form, tr("Requests:"), QStringLiteral("rate"));
    m_errors = addField(form, tr("Errors:"), QStringLiteral("errors"));
    m_latency = addField(form, tr("Latency p50 / p99:"), QStringLiteral("latency"));
    m_load = addField(form, tr("In flight / capacity:"), QStringLiteral("load"));
    m_fallbacks = addField(form, tr("Fallbacks:"), QStringLiteral("fallbacks"));
    m_shed = addField(form, tr("Shed:"), QStringLiteral("shed"));
    m_cacheAge = addField(form, tr("Cache age:"), QStringLiteral("cacheAge"));
    m_heartbeat = addField(form, tr("Last heartbeat:"), QStringLiteral("heartbeat"));
    layout->addLayout(form);

    layout->addWidget(sectionLabel(tr("Last 15 minutes")));
    m_charts = new GraphServiceCharts(m_history);
    m_charts->setObjectName(QStringLiteral("charts"));
    layout->addWidget(m_charts);

    layout->addWidget(sectionLabel(tr("Circuit breakers")));
    m_breakers = createTree({ tr("Dependency"), tr("Breaker") }, QStringLiteral("breakers"));
    layout->addWidget(m_breakers);
    layout->addWidget(sectionLabel(tr("Instances")));
    m_instances = createTree({ tr("Instance"), tr("State"), tr("Requests"), tr("Errors"), tr("p99"), tr("Last seen") },
        QStringLiteral("instances"));
    layout->addWidget(m_instances);
    layout->addWidget(sectionLabel(tr("Callers")));
    m_callers = createTree({ tr("Caller"), tr("Requests"), tr("Errors"), tr("p99") }, QStringLiteral("callers"));
    layout->addWidget(m_callers);
    layout->addWidget(sectionLabel(tr("Callees")));
    m_callees = createTree({ tr("Callee"), tr("Requests"), tr("Errors"), tr("p99") }, QStringLiteral("callees"));
    layout->addWidget(m_callees);
    layout->addStretch(1);
    return page;
}

QLabel *ServiceDetailsPanel::addField(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    return value;
}

QTreeWidget *ServiceDetailsPanel::createTree(const QStringList &headers, const QString &objectName)
{
    auto *tree = new QTreeWidget;
    tree->setObjectName(objectName);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setStretchLastSection(false);
    for (int column = 1; column < headers.size(); ++column)
        tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return tree;
}

void ServiceDetailsPanel::setService(const QString &name)
{
    m_service = name;
    m_charts->setService(name);
    refresh();
}

void ServiceDetailsPanel::onTopologyChanged(const QStringList &changedServices, bool structureChanged)
{
    Q_UNUSED(changedServices)
    Q_UNUSED(structureChanged)
    // Edges of the shown service change without the service itself changing, so every delta refreshes.
    if (!m_service.isEmpty())
        refresh();
}

void ServiceDetailsPanel::refresh()
{
    if (m_service.isEmpty() || !m_topology) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_title->setText(m_service);

    const ServiceSnapshot *snapshot = m_topology->service(m_service.toStdString());
    if (snapshot)
        fillHealth(*snapshot);
    else
        fillTraceOnly();
    fillBreakers(snapshot);
    fillInstances(snapshot);
    fillEdges();
}

void ServiceDetailsPanel::fillHealth(const ServiceSnapshot &snapshot)
{
    m_stateIcon->setPixmap(StateStyle::stateIcon(snapshot.state, 24).pixmap(24, 24));
    m_state->setText(StateStyle::stateName(snapshot.state));
    m_mode->setText(StateStyle::modeName(snapshot.mode, snapshot.rampPercent));
    m_criticality->setText(
        snapshot.criticalityKnown ? StateStyle::criticalityName(snapshot.criticality) : tr("not reported yet"));
    m_kind->setText(StateStyle::kindName(snapshot.kind));
    m_rate->setText(DisplayFormat::requestRate(snapshot.rps));
    m_errors->setText(DisplayFormat::errorRate(snapshot.errorRate));
    m_latency->setText(tr("%1 / %2").arg(
        DisplayFormat::latency(snapshot.latencyP50Ms), DisplayFormat::latency(snapshot.latencyP99Ms)));
    m_load->setText(snapshot.capacity > 0 ? tr("%1 / %2").arg(
                        QLocale().toString(snapshot.inFlight, 'f', 0), QLocale().toString(snapshot.capacity, 'f', 0))
                                          : tr("%1 / not stated").arg(QLocale().toString(snapshot.inFlight, 'f', 0)));
    m_fallbacks->setText(DisplayFormat::count(snapshot.fallbacks));
    m_shed->setText(DisplayFormat::count(snapshot.shed));
    m_cacheAge->setText(snapshot.cacheAgeMs ? DisplayFormat::age(*snapshot.cacheAgeMs) : tr("none"));
    if (snapshot.lastHeartbeatMs > 0) {
        const double ago = double(QDeadlineTimer::current().deadline() - snapshot.lastHeartbeatMs);
        m_heartbeat->setText(tr("%1 ago").arg(DisplayFormat::age(ago)));
    } else {
        m_heartbeat->setText(tr("none yet"));
    }

    const bool noData = snapshot.state == ServiceState::Unknown || snapshot.state == ServiceState::Stale;
    m_note->setText(noData ? tr("The figures below are the last ones received and may be out of date.") : QString());
    m_note->setVisible(noData);
}

void ServiceDetailsPanel::fillTraceOnly()
{
    NodeKind kind = NodeKind::Service;
    for (const EdgeSnapshot *edge : m_topology->edgesOf(m_service.toStdString())) {
        if (edge->callee == m_service.toStdString())
            kind = edge->calleeKind;
    }
    m_stateIcon->setPixmap(StateStyle::stateIcon(ServiceState::Unknown, 24).pixmap(24, 24));
    m_note->setText(tr("Seen only in its callers' traces. It sends no heartbeat, so its own health is unknown; "
                       "the caller edges below show how calls to it fare."));
    m_note->setVisible(true);
    m_state->setText(StateStyle::stateName(ServiceState::Unknown));
    m_kind->setText(StateStyle::kindName(kind));
    for (QLabel *label :
        { m_mode, m_criticality, m_rate, m_errors, m_latency, m_load, m_fallbacks, m_shed, m_cacheAge, m_heartbeat })
        label->setText(tr("no heartbeat"));
}

void ServiceDetailsPanel::fillBreakers(const ServiceSnapshot *snapshot)
{
    std::vector<TreeRow> rows;
    if (snapshot) {
        for (const BreakerReport &breaker : snapshot->breakers)
            rows.push_back(
                { { QString::fromStdString(breaker.callee), StateStyle::breakerStateName(breaker.state) }, {} });
    }
    fillTree(m_breakers, std::move(rows), tr("none reported"));
}

void ServiceDetailsPanel::fillInstances(const ServiceSnapshot *snapshot)
{
    std::vector<TreeRow> rows;
    if (snapshot) {
        const std::int64_t now = QDeadlineTimer::current().deadline();
        for (const InstanceSnapshot &instance : snapshot->instances) {
            const QString seen = instance.lastSeenMs > 0
                ? tr("%1 ago").arg(DisplayFormat::age(double(now - instance.lastSeenMs)))
                : tr("never");
            rows.push_back({ { QString::fromStdString(instance.name), StateStyle::shortStateName(instance.state),
                                 DisplayFormat::requestRate(instance.rps), DisplayFormat::errorRate(instance.errorRate),
                                 DisplayFormat::latency(instance.latencyP99Ms), seen },
                StateStyle::stateIcon(instance.state) });
        }
    }
    fillTree(m_instances, std::move(rows), tr("none reported"));
}

void ServiceDetailsPanel::fillEdges()
{
    std::vector<TreeRow> callers;
    std::vector<TreeRow> callees;
    const std::string name = m_service.toStdString();
    for (const EdgeSnapshot *edge : m_topology->edgesOf(name)) {
        const bool incoming = edge->callee == name;
        const std::string &other = incoming ? edge->caller : edge->callee;
        const ServiceSnapshot *otherSnapshot = m_topology->service(other);
        TreeRow row { { QString::fromStdString(other), DisplayFormat::requestRate(edge->rps),
                          DisplayFormat::errorRate(edge->errorRate), DisplayFormat::latency(edge->latencyP99Ms) },
            StateStyle::stateIcon(otherSnapshot ? otherSnapshot->state : ServiceState::Unknown) };
        (incoming ? callers : callees).push_back(std::move(row));
    }
    fillTree(m_callers, std::move(callers), tr("none seen in traces"));
    fillTree(m_callees, std::move(callees), tr("none seen in traces"));
}

} // namespace faultline
