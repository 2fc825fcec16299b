package com.retentionadvisor.problems;

import com.retentionadvisor.advice.AdviceService;

/** Breaks the layers on purpose (infrastructure using advice), so that ArchitectureTest shows it would catch it. */
public final class UpwardImportFixture {

    public final AdviceService advice = null;

    private UpwardImportFixture() {
    }
}
