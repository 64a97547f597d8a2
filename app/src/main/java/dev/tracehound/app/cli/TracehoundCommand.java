package dev.tracehound.app.cli;

import picocli.CommandLine.Command;

/** The root of the CLI. Each subcommand lives in its own class in this package. */
@Command(
        name = "tracehound",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Forensic workbench for incidents in AI systems: import telemetry, reconstruct sessions, find the attack, replay, report.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            ImportCommand.class, FormatsCommand.class,
            AnalyzeCommand.class,
            FindingsCommand.class,
            FindingStatusCommand.class,
            TimelineCommand.class,
            EvalCommand.class,
        })
public final class TracehoundCommand {}
