package com.retentionadvisor.surveys;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.retentionadvisor.customers.Customer;
import com.retentionadvisor.ingest.IngestedRecord;

/** A survey answer: NPS 0–10 and/or CSAT 1–5. */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends IngestedRecord {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public Short nps;

    public Short csat;

    public String comment;
}
