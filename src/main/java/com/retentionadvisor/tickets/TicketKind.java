package com.retentionadvisor.tickets;

/** What a support ticket is about: a complaint, a question, or an incident (something broken). */
public enum TicketKind {
    COMPLAINT, QUESTION, INCIDENT
}
