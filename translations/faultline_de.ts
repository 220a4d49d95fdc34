<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Console</name>
    <message>
        <source>faultline: %1</source>
        <translation>faultline: %1</translation>
    </message>
    <message>
        <source>Try &apos;faultline --help&apos; for the options.</source>
        <translation>Mit „faultline --help“ werden die Optionen angezeigt.</translation>
    </message>
    <message>
        <source>Operations console for plant microservices: a live dependency graph built from health and trace streams.</source>
        <translation>Betriebskonsole für die Microservices einer Anlage: ein Live-Abhängigkeitsgraph aus Health- und Trace-Strömen.</translation>
    </message>
    <message>
        <source>Runs the demo plant inside the console and shows it.</source>
        <translation>Startet die Demo-Anlage in der Konsole und zeigt sie an.</translation>
    </message>
    <message>
        <source>Subscribes to the health and trace stream at this endpoint (tcp://, ipc:// or inproc://). Repeatable.</source>
        <translation>Abonniert den Health- und Trace-Strom an diesem Endpunkt (tcp://, ipc:// oder inproc://). Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Endpoint of the control requests (ROUTER) of the plant.</source>
        <translation>Endpunkt für die Steuerungsanfragen (ROUTER) der Anlage.</translation>
    </message>
    <message>
        <source>With --demo: requests per second entering the demo plant.</source>
        <translation>Mit --demo: Anfragen pro Sekunde, die in die Demo-Anlage eingehen.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>With --demo: adds a fault to the demo plant, KIND one of latency, errors, crash, overload; START_S and DURATION_S in seconds from the start. Repeatable.</source>
        <translation>Mit --demo: fügt der Demo-Anlage einen Fehler hinzu; KIND ist latency, errors, crash oder overload; START_S und DURATION_S in Sekunden ab dem Start. Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--%1 applies to the demo plant; add --demo</source>
        <translation>--%1 gilt für die Demo-Anlage; --demo hinzufügen</translation>
    </message>
    <message>
        <source>--control cannot be combined with --demo, which uses the demo plant&apos;s own control endpoint</source>
        <translation>--control kann nicht mit --demo kombiniert werden, da --demo den Steuerungsendpunkt der Demo-Anlage verwendet</translation>
    </message>
    <message>
        <source>--connect &apos;%1&apos; is not a tcp://, ipc:// or inproc:// endpoint</source>
        <translation>--connect „%1“ ist kein tcp://-, ipc://- oder inproc://-Endpunkt</translation>
    </message>
    <message>
        <source>--control &apos;%1&apos; is not a tcp://, ipc:// or inproc:// endpoint</source>
        <translation>--control „%1“ ist kein tcp://-, ipc://- oder inproc://-Endpunkt</translation>
    </message>
    <message>
        <source>--rate &apos;%1&apos; is not a number from 0.001 to 100000</source>
        <translation>--rate „%1“ ist keine Zahl von 0,001 bis 100000</translation>
    </message>
    <message>
        <source>Faultline</source>
        <translation>Faultline</translation>
    </message>
    <message>
        <source>The demo plant did not start: %1</source>
        <translation>Die Demo-Anlage wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Demo plant</source>
        <translation>Demo-Anlage</translation>
    </message>
    <message>
        <source>No stream to show. Start the console with --demo, or with --connect ENDPOINT for a plant&apos;s health and trace stream.</source>
        <translation>Kein Datenstrom zum Anzeigen. Starten Sie die Konsole mit --demo oder mit --connect ENDPUNKT für den Health- und Trace-Strom einer Anlage.</translation>
    </message>
    <message>
        <source>The demo plant stopped: %1</source>
        <translation>Die Demo-Anlage wurde beendet: %1</translation>
    </message>
    <message>
        <source>Opens this trace file in an import window at start, apart from the live graph. Repeatable.</source>
        <translation>Öffnet diese Trace-Datei beim Start in einem Importfenster, getrennt vom Live-Graphen. Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Messages that ZeroMQ queues for the console before it drops the newest (receive high-water mark).</source>
        <translation>Nachrichten, die ZeroMQ für die Konsole puffert, bevor es die neuesten verwirft (Empfangs-High-Water-Mark).</translation>
    </message>
    <message>
        <source>--receive-hwm &apos;%1&apos; is not a whole number of messages of at least 1000</source>
        <translation>--receive-hwm „%1“ ist keine ganze Zahl von mindestens 1000 Nachrichten</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Name recorded in the incident timeline for this console&apos;s actions and notes (default: the login name).</source>
        <translation>Name, unter dem die Aktionen und Notizen dieser Konsole in der Zeitleiste der Störung erfasst werden (Standard: der Anmeldename).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Folder of the incident journals (default: the data folder, %1).</source>
        <translation>Ordner der Störungsjournale (Standard: der Datenordner, %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folder of site playbooks (*.yaml), loaded after the shipped ones; a file named like a shipped playbook replaces it. Repeatable.</source>
        <translation>Ordner mit Anlagen-Playbooks (*.yaml), geladen nach den mitgelieferten; eine Datei mit dem Namen eines mitgelieferten Playbooks ersetzt dieses. Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>--operator needs a name, for example --operator &quot;Dana Kim&quot;</source>
        <translation>--operator braucht einen Namen, zum Beispiel --operator &quot;Dana Kim&quot;</translation>
    </message>
    <message>
        <source>--playbooks &apos;%1&apos; is not a folder; give the folder that holds the .yaml files</source>
        <translation>--playbooks „%1“ ist kein Ordner; den Ordner mit den .yaml-Dateien angeben</translation>
    </message>
    <message>
        <source>Control requests cannot be sent: %1</source>
        <translation>Steuerungsanfragen können nicht gesendet werden: %1</translation>
    </message>
</context>
<context>
    <name>faultline::AlarmListModel</name>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Unquittiert</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Cleared, unacknowledged</source>
        <translation>Gegangen, unquittiert</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Suppressed by %1</source>
        <translation>Unterdrückt durch %1</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>%1 (first out)</source>
        <translation>%1 (Erstwert)</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n caller(s) depend on it</source>
        <translation>
            <numerusform>%n Aufrufer hängt davon ab</numerusform>
            <numerusform>%n Aufrufer hängen davon ab</numerusform>
        </translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>quittiert von %1</translation>
    </message>
    <message>
        <source>shelved for another %1</source>
        <translation>noch %1 zurückgestellt</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Meldetext</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Last raised</source>
        <translation>Zuletzt ausgelöst</translation>
    </message>
</context>
<context>
    <name>faultline::AlarmPanel</name>
    <message>
        <source>Show every alarm</source>
        <translation>Alle Alarme anzeigen</translation>
    </message>
    <message>
        <source>Show shelved and suppressed</source>
        <translation>Zurückgestellte und unterdrückte anzeigen</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Quittieren</translation>
    </message>
    <message>
        <source>Acknowledge a&amp;ll</source>
        <translation>A&amp;lle quittieren</translation>
    </message>
    <message>
        <source>&amp;Unshelve</source>
        <translation>Zurückstellung a&amp;ufheben</translation>
    </message>
    <message>
        <source>Shelve alarm</source>
        <translation>Alarm zurückstellen</translation>
    </message>
    <message>
        <source>Why is the alarm on %1 shelved? The reason goes into the incident timeline.</source>
        <translation>Warum wird der Alarm bei %1 zurückgestellt? Die Begründung wird in der Zeitleiste der Störung festgehalten.</translation>
    </message>
    <message>
        <source>&amp;Shelve</source>
        <translation>&amp;Zurückstellen</translation>
    </message>
    <message>
        <source>For 15 minutes</source>
        <translation>Für 15 Minuten</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>For 8 hours (a shift)</source>
        <translation>Für 8 Stunden (eine Schicht)</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alarm(s) shown</source>
        <translation>
            <numerusform>%1 von %n Alarm angezeigt</numerusform>
            <numerusform>%1 von %n Alarmen angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>faultline::DisplayFormat</name>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <source>&lt; 0.1 %</source>
        <translation>&lt; 0,1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>faultline::EdgeItem</name>
    <message>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3, %4 errors, p99 %5</source>
        <translation>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3, %4 Fehler, p99 %5</translation>
    </message>
</context>
<context>
    <name>faultline::GraphExport</name>
    <message>
        <source>The graph shows no services, so there is nothing to export; clear the filter or wait for data.</source>
        <translation>Der Graph zeigt keine Dienste, daher gibt es nichts zu exportieren; den Filter zurücksetzen oder auf Daten warten.</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose a folder you can write to.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Einen beschreibbaren Ordner wählen.</translation>
    </message>
    <message>
        <source>Faultline dependency graph</source>
        <translation>Faultline-Abhängigkeitsgraph</translation>
    </message>
    <message>
        <source>Service dependency graph exported by Faultline</source>
        <translation>Von Faultline exportierter Abhängigkeitsgraph der Dienste</translation>
    </message>
    <message>
        <source>Could not start the SVG export to %1.</source>
        <translation>Der SVG-Export nach %1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Check the free space.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Den freien Speicherplatz prüfen.</translation>
    </message>
    <message>
        <source>Could not allocate a %1 × %2 image for %3; filter the graph to fewer services.</source>
        <translation>Für %3 konnte kein Bild mit %1 × %2 angelegt werden; den Graphen auf weniger Dienste filtern.</translation>
    </message>
</context>
<context>
    <name>faultline::GraphMinimap</name>
    <message>
        <source>Graph overview</source>
        <translation>Graphübersicht</translation>
    </message>
    <message>
        <source>Overview of the graph: click or drag to move the view</source>
        <translation>Übersicht des Graphen: Klicken oder Ziehen verschiebt die Ansicht</translation>
    </message>
</context>
<context>
    <name>faultline::GraphServiceCharts</name>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>errors %</source>
        <translation>Fehler %</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>Error rate (%)</source>
        <translation>Fehlerrate (%)</translation>
    </message>
    <message>
        <source>Latency p50 / p99 (ms)</source>
        <translation>Latenz p50 / p99 (ms)</translation>
    </message>
</context>
<context>
    <name>faultline::GraphToolBar</name>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Find service (Ctrl+F)</source>
        <translation>Dienst suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source>Show only the selected service and its neighbours (Enter; Esc leaves)</source>
        <translation>Nur den gewählten Dienst und seine Nachbarn zeigen (Enter; Esc verlässt den Fokus)</translation>
    </message>
    <message>
        <source> hops</source>
        <translation> Hops</translation>
    </message>
    <message>
        <source>How many hops up and down from the focused service are shown</source>
        <translation>Wie viele Hops auf- und abwärts vom fokussierten Dienst gezeigt werden</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Criticality</source>
        <translation>Kritikalität</translation>
    </message>
    <message>
        <source>Name pattern, e.g. robot-*</source>
        <translation>Namensmuster, z. B. robot-*</translation>
    </message>
    <message>
        <source>Filter ●</source>
        <translation>Filter ●</translation>
    </message>
</context>
<context>
    <name>faultline::GraphView</name>
    <message>
        <source>Service dependency graph</source>
        <translation>Abhängigkeitsgraph der Dienste</translation>
    </message>
    <message>
        <source>No services yet: waiting for the first health or trace messages.</source>
        <translation>Noch keine Dienste: Warten auf die ersten Health- oder Trace-Nachrichten.</translation>
    </message>
    <message numerus="yes">
        <source>Focus on %1, %n hop(s) each way; Esc shows the whole graph.</source>
        <translation>
            <numerusform>Fokus auf %1, %n Hop in jede Richtung; Esc zeigt den ganzen Graphen.</numerusform>
            <numerusform>Fokus auf %1, %n Hops in jede Richtung; Esc zeigt den ganzen Graphen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filter: %1 of %n service(s) shown.</source>
        <translation>
            <numerusform>Filter: %1 von %n Dienst angezeigt.</numerusform>
            <numerusform>Filter: %1 von %n Diensten angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n caller(s) suffer when it fails</source>
        <translation>
            <numerusform>%1: %n Aufrufer ist bei Ausfall betroffen</numerusform>
            <numerusform>%1: %n Aufrufer sind bei Ausfall betroffen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n callee(s) it may starve</source>
        <translation>
            <numerusform>%n Aufgerufener, dem Anfragen ausbleiben können</numerusform>
            <numerusform>%n Aufgerufene, denen Anfragen ausbleiben können</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n core service(s) affected</source>
        <translation>
            <numerusform>%n Kerndienst betroffen</numerusform>
            <numerusform>%n Kerndienste betroffen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) critical: %1</source>
        <translation>
            <numerusform>%n Dienst kritisch: %1</numerusform>
            <numerusform>%n Dienste kritisch: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blast radius: %n service(s)</source>
        <translation>
            <numerusform>Auswirkungsbereich: %n Dienst</numerusform>
            <numerusform>Auswirkungsbereich: %n Dienste</numerusform>
        </translation>
    </message>
    <message>
        <source>callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>callees</source>
        <translation>Aufgerufene</translation>
    </message>
</context>
<context>
    <name>faultline::ImportedGraphView</name>
    <message>
        <source>The imported files contain no services.</source>
        <translation>Die importierten Dateien enthalten keine Dienste.</translation>
    </message>
</context>
<context>
    <name>faultline::IncidentsWindow</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Exportieren...</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Störungen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Journals in %1</source>
        <translation>Journale in %1</translation>
    </message>
    <message>
        <source>%1
Skipped while reading: %2</source>
        <translation>%1
Beim Lesen übersprungen: %2</translation>
    </message>
    <message>
        <source>(unreadable journal)</source>
        <translation>(Journal nicht lesbar)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>No incidents recorded yet.</source>
        <translation>Noch keine Störungen erfasst.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Incident: %1</source>
        <translation>Störung: %1</translation>
    </message>
    <message>
        <source>Damage skipped while reading: %1</source>
        <translation>Beim Lesen übersprungene beschädigte Stellen: %1</translation>
    </message>
</context>
<context>
    <name>faultline::MainWindow</name>
    <message>
        <source>Faultline</source>
        <translation>Faultline</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>Dienstdetails</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Faultline</source>
        <translation>&amp;Über Faultline</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Faultline</source>
        <translation>Über Faultline</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Faultline %1&lt;/h3&gt;&lt;p&gt;An operations console for plant microservices: a live dependency graph built from health and trace streams, coloured by health.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Faultline %1&lt;/h3&gt;&lt;p&gt;Eine Betriebskonsole für die Microservices einer Anlage: ein Live-Abhängigkeitsgraph aus Health- und Trace-Strömen, eingefärbt nach Zustand.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Faultline</source>
        <translation>%1 — Faultline</translation>
    </message>
    <message>
        <source>&amp;Import Traces…</source>
        <translation>Traces &amp;importieren…</translation>
    </message>
    <message>
        <source>Import Traces</source>
        <translation>Traces importieren</translation>
    </message>
    <message>
        <source>Trace files (*.json *.ndjson *.jsonl *.csv);;All files (*)</source>
        <translation>Trace-Dateien (*.json *.ndjson *.jsonl *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Graph as &amp;SVG…</source>
        <translation>Graph als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>Export Graph as &amp;PNG…</source>
        <translation>Graph als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Find Service…</source>
        <translation>Dienst &amp;suchen…</translation>
    </message>
    <message>
        <source>Lay Out &amp;Left to Right</source>
        <translation>Von &amp;links nach rechts anordnen</translation>
    </message>
    <message>
        <source>&amp;Rearrange Graph</source>
        <translation>Graph &amp;neu anordnen</translation>
    </message>
    <message>
        <source>Lay the whole graph out afresh, releasing the services you dragged</source>
        <translation>Den ganzen Graphen neu anordnen und verschobene Dienste freigeben</translation>
    </message>
    <message>
        <source>Show &amp;Overview</source>
        <translation>&amp;Übersicht anzeigen</translation>
    </message>
    <message>
        <source>Export Graph as SVG</source>
        <translation>Graph als SVG exportieren</translation>
    </message>
    <message>
        <source>Export Graph as PNG</source>
        <translation>Graph als PNG exportieren</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Graph exported to %1</source>
        <translation>Graph nach %1 exportiert</translation>
    </message>
</context>
<context>
    <name>faultline::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message numerus="yes">
        <source>(%n times)</source>
        <translation>
            <numerusform>(%n-mal)</numerusform>
            <numerusform>(%n-mal)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n more message(s) not shown)</source>
        <translation>
            <numerusform>(%n weitere Meldung nicht angezeigt)</numerusform>
            <numerusform>(%n weitere Meldungen nicht angezeigt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>faultline::OperationsConsole</name>
    <message>
        <source>Markdown post-mortem (*.md)</source>
        <translation>Markdown-Post-Mortem (*.md)</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>A playbook was not loaded: %1</source>
        <translation>Ein Playbook wurde nicht geladen: %1</translation>
    </message>
    <message>
        <source>The command did not reach the ingest thread; it is not running. Restart the console with --connect or --demo.</source>
        <translation>Der Befehl hat den Empfangs-Thread nicht erreicht; dieser läuft nicht. Die Konsole mit --connect oder --demo neu starten.</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Incident timeline</source>
        <translation>Zeitleiste der Störung</translation>
    </message>
    <message>
        <source>Likely root cause</source>
        <translation>Wahrscheinliche Ursache</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>D&amp;ienst</translation>
    </message>
    <message>
        <source>Alarm &amp;thresholds...</source>
        <translation>Alarm&amp;grenzwerte...</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Störung</translation>
    </message>
    <message>
        <source>&amp;Open incident...</source>
        <translation>Störung &amp;eröffnen...</translation>
    </message>
    <message>
        <source>&amp;Close incident...</source>
        <translation>Störung &amp;schließen...</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>&amp;Notiz hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Export current incident...</source>
        <translation>Aktuelle Störung e&amp;xportieren...</translation>
    </message>
    <message>
        <source>&amp;Incidents...</source>
        <translation>Störungs&amp;liste...</translation>
    </message>
    <message>
        <source>The open incident could not be resumed: %1</source>
        <translation>Die offene Störung konnte nicht fortgesetzt werden: %1</translation>
    </message>
    <message>
        <source>Resumed the open incident &quot;%1&quot; from its journal.</source>
        <translation>Offene Störung „%1“ aus ihrem Journal fortgesetzt.</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>Störung eröffnen</translation>
    </message>
    <message>
        <source>Title of the incident:</source>
        <translation>Titel der Störung:</translation>
    </message>
    <message>
        <source>Incident opened by %1</source>
        <translation>Störung eröffnet von %1</translation>
    </message>
    <message>
        <source>opened by hand</source>
        <translation>von Hand eröffnet</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>Störung schließen</translation>
    </message>
    <message>
        <source>How was the incident resolved? The answer goes into the post-mortem.</source>
        <translation>Wie wurde die Störung behoben? Die Antwort geht in das Post-Mortem ein.</translation>
    </message>
    <message>
        <source>Cannot export %1: %2</source>
        <translation>%1 kann nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>Export incident</source>
        <translation>Störung exportieren</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2</source>
        <translation>„%1“ nach %2 exportiert</translation>
    </message>
</context>
<context>
    <name>faultline::PlaybookPanel</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>waiting for you</source>
        <translation>wartet auf Sie</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Start playbook</source>
        <translation>Playbook starten</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>%v von %m Schritten</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Skip step</source>
        <translation>Schritt überspringen</translation>
    </message>
    <message>
        <source>Retry step</source>
        <translation>Schritt wiederholen</translation>
    </message>
    <message>
        <source>Abort playbook</source>
        <translation>Playbook abbrechen</translation>
    </message>
    <message>
        <source>Playbooks for the failing services</source>
        <translation>Playbooks für die ausfallenden Dienste</translation>
    </message>
    <message>
        <source>Playbooks for %1</source>
        <translation>Playbooks für %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No playbook applies: no service is failing.</source>
        <translation>Kein Playbook anwendbar: kein Dienst fällt aus.</translation>
    </message>
    <message>
        <source>No playbook applies to %1 in its current state.</source>
        <translation>Kein Playbook ist auf %1 im aktuellen Zustand anwendbar.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>This takes traffic away from %1. Send it?</source>
        <translation>Dies nimmt Verkehr von %1 weg. Senden?</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Choose a playbook and start it.</source>
        <translation>Ein Playbook wählen und starten.</translation>
    </message>
    <message>
        <source>Step %1 is running.</source>
        <translation>Schritt %1 läuft.</translation>
    </message>
    <message>
        <source>Step %1 waits for you to send its action.</source>
        <translation>Schritt %1 wartet darauf, dass Sie seine Aktion senden.</translation>
    </message>
    <message>
        <source>Step %1 failed. Retry it, skip it or abort the playbook.</source>
        <translation>Schritt %1 ist fehlgeschlagen. Wiederholen, überspringen oder das Playbook abbrechen.</translation>
    </message>
    <message>
        <source>Step %1 failed; rolling back.</source>
        <translation>Schritt %1 ist fehlgeschlagen; wird zurückgesetzt.</translation>
    </message>
    <message>
        <source>Completed.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <source>Rolled back after step %1 failed.</source>
        <translation>Zurückgesetzt, nachdem Schritt %1 fehlgeschlagen ist.</translation>
    </message>
    <message>
        <source>Aborted at step %1.</source>
        <translation>Bei Schritt %1 abgebrochen.</translation>
    </message>
    <message>
        <source>The roll-back failed; act by hand.</source>
        <translation>Das Zurücksetzen ist fehlgeschlagen; von Hand eingreifen.</translation>
    </message>
    <message>
        <source>Check: %1
Now: %2 (%3)</source>
        <translation>Prüfung: %1
Aktuell: %2 (%3)</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>nicht erfüllt</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Start the check</source>
        <translation>Prüfung starten</translation>
    </message>
    <message>
        <source>Done, next step</source>
        <translation>Erledigt, nächster Schritt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>faultline::PublisherStatusWidget</name>
    <message>
        <source>No data yet (waiting %1)</source>
        <translation>Noch keine Daten (seit %1)</translation>
    </message>
    <message>
        <source>Stream silent for %1</source>
        <translation>Datenstrom seit %1 still</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Empfang läuft</translation>
    </message>
    <message>
        <source>%1 messages, %2 malformed, %3 spans in total</source>
        <translation>Insgesamt %1 Nachrichten, %2 fehlerhaft, %3 Spans</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>+%n more publisher(s)</source>
        <translation>
            <numerusform>+%n weiterer Publisher</numerusform>
            <numerusform>+%n weitere Publisher</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: silent for %2</source>
        <translation>%1: seit %2 still</translation>
    </message>
    <message>
        <source>%1: %2 msg/s, %3 gaps, %4 malformed</source>
        <translation>%1: %2 Nachr./s, %3 Lücken, %4 fehlerhaft</translation>
    </message>
    <message>
        <source>Publisher %1 at %2</source>
        <translation>Publisher %1 an %2</translation>
    </message>
    <message>
        <source>%1 messages, %2 lost in gaps, %3 malformed, %4 restarts</source>
        <translation>%1 Nachrichten, %2 in Lücken verloren, %3 fehlerhaft, %4 Neustarts</translation>
    </message>
    <message>
        <source>Last message %1 ago</source>
        <translation>Letzte Nachricht vor %1</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>Keine Fehler</translation>
    </message>
</context>
<context>
    <name>faultline::ServiceActions</name>
    <message>
        <source>&amp;Isolate</source>
        <translation>&amp;Isolieren</translation>
    </message>
    <message>
        <source>&amp;Degrade (serve cached results)</source>
        <translation>&amp;Einschränken (Ergebnisse aus dem Cache liefern)</translation>
    </message>
    <message>
        <source>&amp;Shed load...</source>
        <translation>&amp;Last abwerfen...</translation>
    </message>
    <message>
        <source>Ra&amp;mp traffic...</source>
        <translation>&amp;Verkehr hochfahren...</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>isolate</source>
        <translation>isolieren</translation>
    </message>
    <message>
        <source>degrade</source>
        <translation>einschränken</translation>
    </message>
    <message>
        <source>shed load on</source>
        <translation>Last abwerfen lassen</translation>
    </message>
    <message>
        <source>ramp</source>
        <translation>hochfahren</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>wiederherstellen</translation>
    </message>
    <message>
        <source>No calls will reach %1. Its callers get fallback data until it is restored.</source>
        <translation>Keine Aufrufe erreichen mehr %1. Die Aufrufer erhalten Ersatzantworten, bis der Dienst wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>%1 will reject, at once, the requests above the capacity below.</source>
        <translation>%1 weist sofort alle Anfragen über der unten angegebenen Kapazität ab.</translation>
    </message>
    <message>
        <source>Only the share of traffic below will reach %1; callers get fallback data for the rest.</source>
        <translation>Nur der unten angegebene Anteil des Verkehrs erreicht %1; für den Rest erhalten die Aufrufer Ersatzantworten.</translation>
    </message>
    <message>
        <source>%1 will serve its last cached result.</source>
        <translation>%1 liefert das zuletzt zwischengespeicherte Ergebnis.</translation>
    </message>
    <message>
        <source>%1 goes back to normal operation.</source>
        <translation>%1 kehrt in den Normalbetrieb zurück.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>Confirm: %1 %2</source>
        <translation>Bestätigen: %2 %1</translation>
    </message>
    <message>
        <source>Share of traffic admitted:</source>
        <translation>Zugelassener Anteil des Verkehrs:</translation>
    </message>
    <message>
        <source>In-flight requests admitted:</source>
        <translation>Zugelassene Anfragen in Bearbeitung:</translation>
    </message>
    <message>
        <source>For the incident timeline</source>
        <translation>Für die Zeitleiste der Störung</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>%1 on %2 applied; the service is now %3.</source>
        <translation>%2: %1 angewendet; der Dienst ist jetzt im Modus %3.</translation>
    </message>
    <message>
        <source>%1 on %2 rejected: %3</source>
        <translation>%2: %1 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 on %2: no reply in %3 s; check the service&apos;s mode in the graph before retrying.</source>
        <translation>%2: %1 ohne Antwort in %3 s; vor einem erneuten Versuch den Modus des Dienstes im Graphen prüfen.</translation>
    </message>
</context>
<context>
    <name>faultline::ServiceDetailsPanel</name>
    <message>
        <source>Select a service in the graph to see its health, instances, callers and callees.</source>
        <translation>Wählen Sie einen Dienst im Graphen, um Zustand, Instanzen, Aufrufer und Aufgerufene zu sehen.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Criticality:</source>
        <translation>Kritikalität:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Latency p50 / p99:</source>
        <translation>Latenz p50 / p99:</translation>
    </message>
    <message>
        <source>In flight / capacity:</source>
        <translation>In Bearbeitung / Kapazität:</translation>
    </message>
    <message>
        <source>Fallbacks:</source>
        <translation>Ersatzantworten:</translation>
    </message>
    <message>
        <source>Shed:</source>
        <translation>Abgewiesen:</translation>
    </message>
    <message>
        <source>Cache age:</source>
        <translation>Cache-Alter:</translation>
    </message>
    <message>
        <source>Last heartbeat:</source>
        <translation>Letzter Heartbeat:</translation>
    </message>
    <message>
        <source>Circuit breakers</source>
        <translation>Circuit Breaker</translation>
    </message>
    <message>
        <source>Dependency</source>
        <translation>Abhängigkeit</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>Breaker</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>Callees</source>
        <translation>Aufgerufene</translation>
    </message>
    <message>
        <source>Callee</source>
        <translation>Aufgerufener</translation>
    </message>
    <message>
        <source>not reported yet</source>
        <translation>noch nicht gemeldet</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 / not stated</source>
        <translation>%1 / nicht angegeben</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keiner</translation>
    </message>
    <message>
        <source>The figures below are the last ones received and may be out of date.</source>
        <translation>Die folgenden Werte sind die zuletzt empfangenen und können veraltet sein.</translation>
    </message>
    <message>
        <source>Seen only in its callers&apos; traces. It sends no heartbeat, so its own health is unknown; the caller edges below show how calls to it fare.</source>
        <translation>Nur aus den Traces seiner Aufrufer bekannt. Der Dienst sendet keinen Heartbeat, daher ist sein eigener Zustand unbekannt; die Aufrufer-Kanten unten zeigen, wie Aufrufe an ihn verlaufen.</translation>
    </message>
    <message>
        <source>no heartbeat</source>
        <translation>kein Heartbeat</translation>
    </message>
    <message>
        <source>none reported</source>
        <translation>keine gemeldet</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none seen in traces</source>
        <translation>keine in Traces gesehen</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
</context>
<context>
    <name>faultline::ServiceNodeItem</name>
    <message>
        <source>seen in traces only</source>
        <translation>nur aus Traces bekannt</translation>
    </message>
    <message>
        <source>%1 · %2 err</source>
        <translation>%1 · %2 Fehler</translation>
    </message>
    <message>
        <source>%1 seen only in its callers&apos; traces; it sends no heartbeat, so its health is unknown.</source>
        <translation>%1, nur aus den Traces seiner Aufrufer bekannt; sendet keinen Heartbeat, daher ist der Zustand unbekannt.</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Modus: %1</translation>
    </message>
    <message>
        <source>%1, %2 errors, p99 %3</source>
        <translation>%1, %2 Fehler, p99 %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>BREAKER OPEN</source>
        <translation>BREAKER OFFEN</translation>
    </message>
    <message>
        <source>BREAKER HALF-OPEN</source>
        <translation>BREAKER HALB OFFEN</translation>
    </message>
    <message>
        <source>%1/%2 up</source>
        <translation>%1/%2 aktiv</translation>
    </message>
    <message>
        <source>Instances: %1 of %2 unhealthy</source>
        <translation>Instanzen: %1 von %2 fehlerhaft</translation>
    </message>
    <message>
        <source>Breaker to %1: %2</source>
        <translation>Breaker zu %1: %2</translation>
    </message>
</context>
<context>
    <name>faultline::StateStyle</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Stale (no heartbeat)</source>
        <translation>Veraltet (kein Heartbeat)</translation>
    </message>
    <message>
        <source>Unknown (no data yet)</source>
        <translation>Unbekannt (noch keine Daten)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>isolated</source>
        <translation>isoliert</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>eingeschränkt</translation>
    </message>
    <message>
        <source>ramping %1 %</source>
        <translation>Hochlauf %1 %</translation>
    </message>
    <message>
        <source>ramping</source>
        <translation>Hochlauf</translation>
    </message>
    <message>
        <source>shedding</source>
        <translation>Lastabwurf</translation>
    </message>
    <message>
        <source>core</source>
        <translation>Kern</translation>
    </message>
    <message>
        <source>important</source>
        <translation>wichtig</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>message broker</source>
        <translation>Message Broker</translation>
    </message>
    <message>
        <source>external service</source>
        <translation>externer Dienst</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>halb offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
</context>
<context>
    <name>faultline::SuspectsPanel</name>
    <message>
        <source>No suspects: nothing is failing.</source>
        <translation>Keine Verdächtigen: nichts fällt aus.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>faultline::ThresholdsDialog</name>
    <message>
        <source>Alarm thresholds of %1</source>
        <translation>Alarmgrenzwerte von %1</translation>
    </message>
    <message>
        <source>Error rate, warning at:</source>
        <translation>Fehlerrate, Warnung ab:</translation>
    </message>
    <message>
        <source>Error rate, critical at:</source>
        <translation>Fehlerrate, kritisch ab:</translation>
    </message>
    <message>
        <source>p99 latency, warning at:</source>
        <translation>p99-Latenz, Warnung ab:</translation>
    </message>
    <message>
        <source>p99 latency, critical at:</source>
        <translation>p99-Latenz, kritisch ab:</translation>
    </message>
    <message>
        <source>Capacity in use, warning at:</source>
        <translation>Genutzte Kapazität, Warnung ab:</translation>
    </message>
    <message>
        <source>Capacity in use, critical at:</source>
        <translation>Genutzte Kapazität, kritisch ab:</translation>
    </message>
    <message>
        <source>Heartbeat late after (intervals):</source>
        <translation>Heartbeat verspätet nach (Intervallen):</translation>
    </message>
    <message>
        <source>Stale after (intervals):</source>
        <translation>Veraltet nach (Intervallen):</translation>
    </message>
    <message>
        <source>Clear after staying below for:</source>
        <translation>Alarm geht nach Unterschreitung für:</translation>
    </message>
    <message>
        <source>Back to &amp;defaults</source>
        <translation>Auf &amp;Standardwerte zurücksetzen</translation>
    </message>
</context>
<context>
    <name>faultline::TimelinePanel</name>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>State and mode changes</source>
        <translation>Zustands- und Moduswechsel</translation>
    </message>
    <message>
        <source>Operator actions</source>
        <translation>Bedieneraktionen</translation>
    </message>
    <message>
        <source>Playbook steps</source>
        <translation>Playbook-Schritte</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Stream problems</source>
        <translation>Datenstromprobleme</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>&amp;Notiz hinzufügen</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Warning and critical</source>
        <translation>Warnung und kritisch</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritisch</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Search the timeline</source>
        <translation>Zeitleiste durchsuchen</translation>
    </message>
    <message>
        <source>Type a note for the timeline and press Enter</source>
        <translation>Notiz für die Zeitleiste eingeben und Enter drücken</translation>
    </message>
    <message>
        <source>A closed incident is read-only</source>
        <translation>Eine geschlossene Störung ist schreibgeschützt</translation>
    </message>
    <message>
        <source>No incident shown.</source>
        <translation>Keine Störung angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (closed, read-only): %n event(s); times in %2</source>
        <translation>
            <numerusform>%1 (geschlossen, schreibgeschützt): %n Ereignis; Zeiten in %2</numerusform>
            <numerusform>%1 (geschlossen, schreibgeschützt): %n Ereignisse; Zeiten in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No open incident; &quot;%1&quot; is closed. Times in %2.</source>
        <translation>Keine offene Störung; „%1“ ist geschlossen. Zeiten in %2.</translation>
    </message>
    <message>
        <source>No open incident. Events before one opens are kept for it. Times in %1.</source>
        <translation>Keine offene Störung. Ereignisse vor der Eröffnung einer Störung werden für sie aufbewahrt. Zeiten in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s); times in %2</source>
        <translation>
            <numerusform>%1: %n Ereignis; Zeiten in %2</numerusform>
            <numerusform>%1: %n Ereignisse; Zeiten in %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>faultline::TraceImportWindow</name>
    <message>
        <source>%1
  format: %2
  traces: %3, spans: %4, services: %5
</source>
        <translation>%1
  Format: %2
  Traces: %3, Spans: %4, Dienste: %5
</translation>
    </message>
    <message>
        <source>  dependency entries: %1
</source>
        <translation>  Abhängigkeitseinträge: %1
</translation>
    </message>
    <message>
        <source>  bad lines: %1
</source>
        <translation>  fehlerhafte Zeilen: %1
</translation>
    </message>
    <message>
        <source>    line %1 skipped: %2
</source>
        <translation>    Zeile %1 übersprungen: %2
</translation>
    </message>
    <message>
        <source>    and %1 more bad lines
</source>
        <translation>    und %1 weitere fehlerhafte Zeilen
</translation>
    </message>
    <message>
        <source>  skipped spans: %1
</source>
        <translation>  übersprungene Spans: %1
</translation>
    </message>
    <message>
        <source>    span at byte %1 skipped: %2
</source>
        <translation>    Span bei Byte %1 übersprungen: %2
</translation>
    </message>
    <message>
        <source>
Graph: %1 nodes, %2 edges, %3 warnings
</source>
        <translation>
Graph: %1 Knoten, %2 Kanten, %3 Warnungen
</translation>
    </message>
    <message>
        <source>%1 spans were linked early to stay within the memory bound; calls across them may be missing.
</source>
        <translation>%1 Spans wurden vorzeitig verknüpft, um die Speichergrenze einzuhalten; Aufrufe zwischen ihnen können fehlen.
</translation>
    </message>
    <message>
        <source>  %1 at %2: %3
</source>
        <translation>  %1 bei %2: %3
</translation>
    </message>
    <message>
        <source>  and %1 more warnings
</source>
        <translation>  und %1 weitere Warnungen
</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Imported traces — Faultline</source>
        <translation>Importierte Traces — Faultline</translation>
    </message>
    <message>
        <source>%1 — Imported traces — Faultline</source>
        <translation>%1 — Importierte Traces — Faultline</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert…</numerusform>
            <numerusform>%n Dateien werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <source>the import ended without a result</source>
        <translation>der Import endete ohne Ergebnis</translation>
    </message>
    <message>
        <source>Could not import the trace files: %1</source>
        <translation>Die Trace-Dateien konnten nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Could not import the trace files: %1 (at %2)</source>
        <translation>Die Trace-Dateien konnten nicht importiert werden: %1 (bei %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n malformed line(s) were skipped; the summary lists them by number.</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile wurde übersprungen; die Zusammenfassung nennt sie mit Nummer.</numerusform>
            <numerusform>%n fehlerhafte Zeilen wurden übersprungen; die Zusammenfassung nennt sie mit Nummer.</numerusform>
        </translation>
    </message>
</context>
</TS>
