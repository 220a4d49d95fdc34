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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the demo plant inside the console and shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribes to the health and trace stream at this endpoint (tcp://, ipc:// or inproc://). Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint of the control requests (ROUTER) of the plant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: requests per second entering the demo plant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: adds a fault to the demo plant, KIND one of latency, errors, crash, overload; START_S and DURATION_S in seconds from the start. Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 applies to the demo plant; add --demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--control cannot be combined with --demo, which uses the demo plant&apos;s own control endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connect &apos;%1&apos; is not a tcp://, ipc:// or inproc:// endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--control &apos;%1&apos; is not a tcp://, ipc:// or inproc:// endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--rate &apos;%1&apos; is not a number from 0.001 to 100000</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages that ZeroMQ queues for the console before it drops the newest (receive high-water mark).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--receive-hwm &apos;%1&apos; is not a whole number of messages of at least 1000</source>
        <translation type="unfinished"></translation>
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
    <name>faultline::GraphView</name>
    <message>
        <source>Service dependency graph</source>
        <translation>Abhängigkeitsgraph der Dienste</translation>
    </message>
    <message>
        <source>No services yet: waiting for the first health or trace messages.</source>
        <translation>Noch keine Dienste: Warten auf die ersten Health- oder Trace-Nachrichten.</translation>
    </message>
</context>
<context>
    <name>faultline::ImportedGraphView</name>
    <message>
        <source>The imported files contain no services.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Traces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace files (*.json *.ndjson *.jsonl *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
    <name>faultline::TraceImportWindow</name>
    <message>
        <source>%1
  format: %2
  traces: %3, spans: %4, services: %5
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  dependency entries: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  bad lines: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    line %1 skipped: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    and %1 more bad lines
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  skipped spans: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    span at byte %1 skipped: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Graph: %1 nodes, %2 edges, %3 warnings
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spans were linked early to stay within the memory bound; calls across them may be missing.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 at %2: %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  and %1 more warnings
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported traces — Faultline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Imported traces — Faultline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the import ended without a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import the trace files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import the trace files: %1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n malformed line(s) were skipped; the summary lists them by number.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
