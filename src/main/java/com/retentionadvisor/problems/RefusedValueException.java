package com.retentionadvisor.problems;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value that reads well but that the advisor refuses, with the reason told to the caller as is. */
public final class RefusedValueException extends JsonMappingException {

    public RefusedValueException(JsonParser parser, String reason) {
        super(parser, reason);
    }
}
