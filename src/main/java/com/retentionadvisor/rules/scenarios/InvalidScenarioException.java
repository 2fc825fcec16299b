package com.retentionadvisor.rules.scenarios;

/** A scenario file or scenario that cannot be run as written, with the problem in words an analyst can act on. */
public class InvalidScenarioException extends RuntimeException {

    public InvalidScenarioException(String problem) {
        super(problem);
    }
}
