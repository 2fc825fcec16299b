package com.retentionadvisor.surveys;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.customers.Manager;
import com.retentionadvisor.ingest.RecordKind;

@ApplicationScoped
public class SurveyKind implements RecordKind<SurveyItem, SurveyResponse> {

    public String name() {
        return "surveys";
    }

    public Class<SurveyResponse> recordType() {
        return SurveyResponse.class;
    }

    public SurveyResponse newRecord() {
        return new SurveyResponse();
    }

    public void copy(SurveyItem item, SurveyResponse record, Customer customer, Manager manager) {
        record.answeredAt = item.answeredAt();
        record.nps = item.nps() == null ? null : item.nps().shortValue();
        record.csat = item.csat() == null ? null : item.csat().shortValue();
        record.comment = item.comment();
    }
}
