package com.retentionadvisor.jobs;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.retentionadvisor.problems.Parameters;
import com.retentionadvisor.problems.UnknownRecordException;

/**
 * What every job endpoint answers, written once: the 202 with the job and where to poll it, a poll that may wait for
 * the end (waitSeconds, at most 60), a cancel, and the 404 of a job that is unknown or of another kind. The resources
 * of each kind (simulations, back-tests, calibrations, evaluations) keep their paths, roles and documentation, and
 * call these.
 */
@ApplicationScoped
public class JobEndpoints {

    static final int MAX_WAIT_SECONDS = 60;

    @Inject
    RuleJobs jobs;

    /** 202 Accepted with the job's view, and its address (the collection's path and the job's id) as Location. */
    public Response accepted(RuleJob job, String collectionPath) {
        return Response.accepted(job.view()).location(URI.create(collectionPath + "/" + job.id())).build();
    }

    /** The job of this kind, after waiting up to {@code waitSeconds} for its end; 404 naming the kind as the reader knows it. */
    public RuleJob.View poll(String kind, String id, String waitSeconds, String kindName) {
        RuleJob job = find(kind, id, kindName);
        job.awaitEnd(Parameters.seconds("waitSeconds", waitSeconds, MAX_WAIT_SECONDS));
        return job.view();
    }

    /** Asks the job to stop before its next customer; its view as it is now. */
    public RuleJob.View cancel(String kind, String id, String kindName) {
        return jobs.cancel(kind, id).map(RuleJob::view).orElseThrow(() -> unknown(id, kindName));
    }

    /** The job of this kind; 404 when it is unknown (or forgotten) or of another kind. */
    public RuleJob find(String kind, String id, String kindName) {
        return jobs.find(kind, id).orElseThrow(() -> unknown(id, kindName));
    }

    private static UnknownRecordException unknown(String id, String kindName) {
        return new UnknownRecordException("id", kindName, id);
    }
}
