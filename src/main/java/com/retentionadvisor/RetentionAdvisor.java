package com.retentionadvisor;

import java.util.Arrays;
import java.util.List;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import com.retentionadvisor.cli.RulesCommand;

/**
 * Starts the service, or, with "rules" as first argument, runs the rules command line for analysts
 * ({@code java -jar target/quarkus-app/quarkus-run.jar rules test --dir rules}) without starting the service.
 */
@QuarkusMain
public final class RetentionAdvisor {

    private RetentionAdvisor() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("rules")) {
            List<String> command = Arrays.asList(args).subList(1, args.length);
            System.exit(new RulesCommand(System.out, System.err).run(command));
        }
        Quarkus.run(args);
    }
}
