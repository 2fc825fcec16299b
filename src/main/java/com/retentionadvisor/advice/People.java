package com.retentionadvisor.advice;

import com.retentionadvisor.contacts.ContactPerson;
import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.facts.CustomerFacts;
import com.retentionadvisor.facts.PersonFacts;
import com.retentionadvisor.problems.UnknownRecordException;

/** The person a contact check names, who must be one of the customer's people. */
final class People {

    private People() {
    }

    /**
     * The customer's facts as seen when contacting the person {@code personId} names (their consent, unsubscribe and
     * time zone join them); the facts unchanged when no person is named. A person who is not one of the customer's
     * people is a 404 on {@code field}.
     */
    static CustomerFacts reaching(CustomerFacts facts, Customer customer, String personId, String field) {
        if (personId == null) {
            return facts;
        }
        PersonFacts person = ContactPerson.findOf(customer.id, personId).map(PersonFacts::of)
                .orElseThrow(() -> UnknownRecordException.personOf(field, personId, customer.externalId));
        return facts.reaching(person);
    }
}
