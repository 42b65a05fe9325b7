package dev.vigil.api.cli;

import dev.vigil.common.CodeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top of the command tree; {@code vigil --help} lists the subcommands. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilCommand.Version.class,
        description = "Vigil: clinical decision-support research platform.",
        footer = {"", "Launcher commands (./vigil only): build, test. See README.md and docs/.", ""},
        subcommands = {ServeCommand.class, DemoCommand.class, UserCommand.class, IngestCommand.class,
            ImportCommand.class, DatasetsCommand.class, TrainCommand.class, EvaluateCommand.class,
            ExportPolicyCommand.class, SynthCommand.class, BenchmarkCommand.class,
            SafetyReportCommand.class, SurvivalCommand.class, AuditCommand.class, WorldModelCommand.class,
            PlanCommand.class})
public class VigilCommand {

    /** Prints the code version that every artifact records. */
    static class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vigil " + CodeVersion.current().label()};
        }
    }
}
