package com.retentionadvisor.web;

/** What went wrong, what it concerns (an id, a value; may be null) and where the reader may go back to. */
public record ProblemView(PageProblem problem, String subject, String back, String reference) {
}
