package com.retentionadvisor.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import com.retentionadvisor.surveys.SurveyResponse;

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

    public void copy(SurveyItem item, SurveyResponse record, Links links) {
        record.answeredAt = item.answeredAt();
        record.nps = item.nps() == null ? null : item.nps().shortValue();
        record.csat = item.csat() == null ? null : item.csat().shortValue();
        record.comment = item.comment();
        record.factors = item.factors();
    }
}
