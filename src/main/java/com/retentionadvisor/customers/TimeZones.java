package com.retentionadvisor.customers;

import java.time.ZoneId;

/** The IANA time zones a customer may be in (region ids such as Europe/Moscow; fixed offsets such as +03:00 too). */
public final class TimeZones {

    private TimeZones() {
    }

    public static boolean isKnown(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
