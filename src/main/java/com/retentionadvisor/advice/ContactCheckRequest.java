package com.retentionadvisor.advice;

import jakarta.validation.constraints.NotNull;

import com.retentionadvisor.contacts.Channel;
import com.retentionadvisor.contacts.Direction;
import com.retentionadvisor.contacts.Purpose;

/** A contact the CRM is about to make; direction defaults to OUTBOUND. */
public record ContactCheckRequest(@NotNull Channel channel, @NotNull Purpose purpose, Direction direction) {

    public Direction directionOrDefault() {
        return direction == null ? Direction.OUTBOUND : direction;
    }
}
