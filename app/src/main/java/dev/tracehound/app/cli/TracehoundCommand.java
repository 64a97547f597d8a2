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
            PlaybookCommand.class,
            ImportCommand.class,
            FormatsCommand.class,
            EndpointsCommand.class,
            ReplayCommand.class,
            ReplayChainCommand.class,
            ExportRegressionCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            VerifyReportCommand.class,
            CaseCommand.class,
            SearchCommand.class,
            SessionsCommand.class,
            QuarantineCommand.class,
            VerifyCommand.class,
            ScreenshotsCommand.class,
            BenchCommand.class,
            AnalyzeCommand.class,
            FindingsCommand.class,
            FindingStatusCommand.class,
            AnnotateCommand.class,
            TimelineCommand.class,
            EvalCommand.class,
        })
public final class TracehoundCommand {}
