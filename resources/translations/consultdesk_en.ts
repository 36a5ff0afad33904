<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>BinDialog</name>
        <message numerus="yes">
            <source>Delete %n response(s) for good? This cannot be undone.</source>
            <translation>
                <numerusform>Delete %n response for good? This cannot be undone.</numerusform>
                <numerusform>Delete %n responses for good? This cannot be undone.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ContributionActions</name>
        <message numerus="yes">
            <source>From %1: %n answer(s) received.</source>
            <translation>
                <numerusform>From %1: %n answer received.</numerusform>
                <numerusform>From %1: %n answers received.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Library</name>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n over the limit</source>
            <translation>
                <numerusform>, %n over the limit</numerusform>
                <numerusform>, %n over the limit</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryWindow</name>
        <message numerus="yes">
            <source>%n response(s)</source>
            <translation>
                <numerusform>%n response</numerusform>
                <numerusform>%n responses</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved %n response(s) to the bin.</source>
            <translation>
                <numerusform>Moved %n response to the bin.</numerusform>
                <numerusform>Moved %n responses to the bin.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Navigator</name>
        <message numerus="yes">
            <source>%n entry(s)</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NewResponseDialog</name>
        <message numerus="yes">
            <source>%n question(s)</source>
            <translation>
                <numerusform>%n question</numerusform>
                <numerusform>%n questions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreflightDialog</name>
        <message numerus="yes">
            <source>%n problem(s) found. Double-click one (or press Enter) to go to it, or export anyway.</source>
            <translation>
                <numerusform>%n problem found. Double-click it (or press Enter) to go to it, or export anyway.</numerusform>
                <numerusform>%n problems found. Double-click one (or press Enter) to go to it, or export anyway.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message numerus="yes">
            <source>%n answer(s) found</source>
            <translation>
                <numerusform>%n answer found</numerusform>
                <numerusform>%n answers found</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TeamDatabaseBox</name>
        <message numerus="yes">
            <source>Connected to %1 as %2: %n response(s).</source>
            <translation>
                <numerusform>Connected to %1 as %2: %n response.</numerusform>
                <numerusform>Connected to %1 as %2: %n responses.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UnreachableDialog</name>
        <message numerus="yes">
            <source>You can work on the %n response(s) last opened on this computer: what you type is kept here and sent to the server when ConsultDesk connects again.</source>
            <translation>
                <numerusform>You can work on the %n response last opened on this computer: what you type is kept here and sent to the server when ConsultDesk connects again.</numerusform>
                <numerusform>You can work on the %n responses last opened on this computer: what you type is kept here and sent to the server when ConsultDesk connects again.</numerusform>
            </translation>
        </message>
    </context>
</TS>
