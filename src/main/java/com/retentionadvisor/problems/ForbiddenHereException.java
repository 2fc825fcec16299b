package com.retentionadvisor.problems;

import java.util.List;

/** Something this instance is set up not to do, whoever asks. */
public final class ForbiddenHereException extends ApiException {

    public ForbiddenHereException(String detail) {
        super(detail, List.of());
    }

    @Override
    int status() {
        return 403;
    }

    @Override
    String slug() {
        return "switched-off";
    }

    @Override
    String title() {
        return "Switched off on this instance";
    }
}
