package com.retentionadvisor.web;

/** A request the manager page turns away; it answers with the problem page, in words, never a stack trace. */
final class PageException extends RuntimeException {

    private final PageProblem problem;
    private final String subject;

    PageException(PageProblem problem, String subject) {
        super(problem + (subject == null ? "" : ": " + subject));
        this.problem = problem;
        this.subject = subject;
    }

    PageProblem problem() {
        return problem;
    }

    String subject() {
        return subject;
    }
}
