package com.retentionadvisor.ingest;

import java.util.List;

import com.retentionadvisor.problems.FieldProblem;

/** One record a CRM pushes, keyed by the CRM's own id. */
public interface IngestItem {

    String externalId();

    /** Checks that span several fields (an end before its start, …); single fields are checked by their annotations. */
    default List<FieldProblem> crossFieldProblems() {
        return List.of();
    }

    /** An item that belongs to a customer, named by the CRM's id. */
    interface OfCustomer {
        String customerExternalId();
    }

    /** An item that names the customer who referred this one; null when none did. */
    interface OfReferrer {
        String referredByExternalId();
    }

    /** An item that names a person within its customer's account, by the CRM's id; null when it names none. */
    interface OfPerson {
        String personExternalId();
    }

    /** An item that names a manager, named by the CRM's id; null when it names none. */
    interface OfManager {
        String managerExternalId();
    }
}
