package com.retentionadvisor.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The scorecard fit on customers drawn from a known model: it finds the model, and keeps signs the right way round. */
class ScorecardTest {

    // log-odds = -0.5 + 1.2 × RISKY - 0.8 × LOYAL + 0 × NOISE; MISLEADING is a "sign" that in truth lowers the odds.
    private static List<Scorecard.Observation> drawn(int customers, long seed, boolean misleading) {
        Random random = new Random(seed);
        List<Scorecard.Observation> observations = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            Set<String> signs = new HashSet<>();
            Set<String> strengths = new HashSet<>();
            double z = -0.5;
            if (random.nextDouble() < 0.4) {
                signs.add("RISKY");
                z += 1.2;
            }
            if (random.nextDouble() < 0.3) {
                strengths.add("LOYAL");
                z -= 0.8;
            }
            if (random.nextDouble() < 0.5) {
                signs.add("NOISE");
            }
            if (misleading && random.nextDouble() < 0.3) {
                signs.add("MISLEADING");
                z -= 0.6;
            }
            if (i < 5) {
                signs.add("RARE");
            }
            observations.add(new Scorecard.Observation(signs, strengths, random.nextDouble() < 1 / (1 + Math.exp(-z))));
        }
        return observations;
    }

    @Test
    void theFitFindsTheCoefficientsOfTheModelTheCustomersCameFrom() {
        Scorecard scorecard = Scorecard.fit(drawn(40_000, 7, false), 30, 0.0);

        assertEquals(1.2, scorecard.codes().get("RISKY").coefficient(), 0.06);
        assertEquals(-0.8, scorecard.codes().get("LOYAL").coefficient(), 0.06);
        assertEquals(0.0, scorecard.codes().get("NOISE").coefficient(), 0.06);
        assertEquals(-0.5, scorecard.intercept(), 0.06);
        assertEquals(Scorecard.Status.FITTED, scorecard.codes().get("RISKY").status());
    }

    @Test
    void aSignThatLowersTheOddsGetsNoPointsAndTheOthersAreFittedWithoutIt() {
        Scorecard scorecard = Scorecard.fit(drawn(40_000, 11, true), 30, 0.0);

        Scorecard.Code misleading = scorecard.codes().get("MISLEADING");
        assertEquals(Scorecard.Status.OPPOSITE_DIRECTION, misleading.status());
        assertEquals(0.0, misleading.coefficient());
        assertEquals(1.2, scorecard.codes().get("RISKY").coefficient(), 0.08);
    }

    @Test
    void aCodeShownByTooFewCustomersIsNotFitted() {
        Scorecard scorecard = Scorecard.fit(drawn(2_000, 3, false), 30, 2.0);

        Scorecard.Code rare = scorecard.codes().get("RARE");
        assertEquals(Scorecard.Status.TOO_RARE, rare.status());
        assertEquals(5, rare.customers());
    }

    @Test
    void regularisationPullsTheCoefficientsTowardsZero() {
        List<Scorecard.Observation> few = drawn(300, 5, false);

        double free = Math.abs(Scorecard.fit(few, 30, 0.0).codes().get("RISKY").coefficient());
        double pulled = Math.abs(Scorecard.fit(few, 30, 200.0).codes().get("RISKY").coefficient());

        assertTrue(pulled < free * 0.7, "free " + free + ", regularised " + pulled);
    }
}
