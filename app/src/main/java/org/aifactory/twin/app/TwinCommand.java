package org.aifactory.twin.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code twin} and its subcommands. */
@Command(
        name = "twin",
        mixinStandardHelpOptions = true,
        version = "twin 0.1.0",
        description = "AI-factory digital twin: design an AI factory and check it before the hardware arrives.",
        subcommands = {
            ValidateCommand.class,
            EmulateCommand.class,
            GenerateCommand.class,
            RenderCommand.class,
            BenchCommand.class,
            TwinCommand.OpenCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, no violations",
            "1:the design has violations",
            "2:the file cannot be read or is invalid, or bad usage",
            "3:internal error"
        })
public final class TwinCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_VIOLATIONS = 1;
    public static final int EXIT_INVALID = 2;
    public static final int EXIT_INTERNAL = 3;
    /** Returned by {@code open}: the designer ran and closed; the JVM ends on its own. */
    static final int EXIT_DESIGNER_OPENED = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return EXIT_OK;
    }

    /** A command line that maps bad usage to exit 2 and internal errors to 3, with no stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TwinCommand());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("twin: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_INVALID;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr()
                    .println("twin: internal error: " + ex
                            + (ex.getCause() == null ? "" : " (cause: " + ex.getCause() + ")"));
            cmd.getErr()
                    .println(
                            "This is a bug; please report it with the file that caused it. Run with -Dtwin.debug=true for a stack trace.");
            if (Boolean.getBoolean("twin.debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return EXIT_INTERNAL;
        });
        return cli;
    }

    @Command(name = "open", description = "Open the 3D designer on FILE (or on the default sample).")
    static final class OpenCommand implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "facility file (.json)")
        Path file;

        @Override
        public Integer call() {
            Main.openDesigner(file == null ? new String[0] : new String[] {file.toString()});
            return EXIT_DESIGNER_OPENED;
        }
    }
}
