package com.retentionadvisor.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The weights table written by a calibration reads back as it was written, quotes and commas in the notes included. */
class SignWeightsTableTest {

    @Test
    void aWrittenTableReadsBackTheSame() {
        Map<String, SignWeightsTable.Row> rows = new LinkedHashMap<>();
        rows.put("LATE", new SignWeightsTable.Row("LATE", 12, "Sign, shown by 10, \"late\" ones"));
        rows.put("LOYAL", new SignWeightsTable.Row("LOYAL", 30, "Strength"));
        SignWeightsTable table = new SignWeightsTable(87, rows);

        SignWeightsTable read = SignWeightsTable.read(Optional.of(table.write("notes, with a comma")));

        assertEquals(87, read.basePoints());
        assertEquals(rows, read.rows());
    }

    @Test
    void noTableReadsAsNothing() {
        SignWeightsTable read = SignWeightsTable.read(Optional.empty());

        assertEquals(0, read.basePoints());
        assertEquals(Map.of(), read.rows());
    }
}
