package com.retentionadvisor.web;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The manager page's templates (src/main/resources/templates/), checked against these parameters at build time. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    static native TemplateInstance managers(List<ManagerEntry> managers, Page page);

    static native TemplateInstance worklist(WorklistView view, Page page);

    static native TemplateInstance customer(CustomerCard card, Page page);

    static native TemplateInstance problem(ProblemView view, Page page);

    static native TemplateInstance login(boolean failed, Page page);

    static native TemplateInstance analyst(AnalystView view, Page page);
}
