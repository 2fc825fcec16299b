package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.tickets.Ticket;

@ApplicationScoped
public class TicketKinds implements RecordKind<TicketItem, Ticket> {

    public String name() {
        return "tickets";
    }

    public Class<Ticket> recordType() {
        return Ticket.class;
    }

    public Ticket newRecord() {
        return new Ticket();
    }

    public void copy(TicketItem item, Ticket record, Links links) {
        record.openedAt = item.openedAt();
        record.closedAt = item.closedAt();
        record.kind = item.kind();
        record.severity = item.severity();
    }
}
