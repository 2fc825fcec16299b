package com.retentionadvisor.calibration;

import java.util.List;

import com.retentionadvisor.rules.RiskLevel;

/** The risk bands table, risk-levels/bands-by-segment.drl.csv, as a calibration writes it: the bands of segment *. */
final class RiskBandsTable {

    static final String PATH = "risk-levels/bands-by-segment.drl.csv";

    /** The highest score a band can reach. */
    static final int TOP = 100_000;

    private RiskBandsTable() {
    }

    /** The name of the rule a band of segment * becomes. */
    static String ruleName(RiskLevel level) {
        return "Risk band of every segment: " + level;
    }

    static String write(List<CalibrationReport.Band> bands, String notes) {
        StringBuilder csv = new StringBuilder();
        csv.append("RuleSet,retention,,,,\n");
        csv.append("Import,com.retentionadvisor.rules.RiskLevel,,,,\n");
        csv.append("Notes,\"").append(notes.replace("\"", "\"\"")).append("\",,,,\n");
        csv.append(",,,,,\n");
        csv.append("RuleTable Risk bands,,,,,\n");
        csv.append("NAME,ACTION,ACTION,ACTION,ACTION,ACTION\n");
        csv.append(",,,,,\n");
        csv.append(",\"RiskBand band = new RiskBand(); band.setSegment(\"\"$param\"\");\",band.setFromPoints($param);,"
                + "band.setBelowPoints($param);,band.setLevel(RiskLevel.$param);,insert(band);\n");
        csv.append("Rule name,Segment,From points,Below points,Level,Use\n");
        for (CalibrationReport.Band band : bands) {
            csv.append(ruleName(band.level())).append(",*,").append(band.fromPoints()).append(',')
                    .append(band.belowPoints()).append(',').append(band.level()).append(",yes\n");
        }
        return csv.toString();
    }
}
