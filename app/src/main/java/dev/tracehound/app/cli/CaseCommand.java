package dev.tracehound.app.cli;

import picocli.CommandLine.Command;

/** {@code tracehound case ...}: create and describe cases. */
@Command(name = "case", description = "Create or describe a case.", mixinStandardHelpOptions = true,
        subcommands = {CaseCreateCommand.class, CaseInfoCommand.class})
public final class CaseCommand {}
