package com.retentionadvisor.surveys;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.retentionadvisor.customers.CustomerHistoryRecord;

/** A survey answer: NPS 0–10 and/or CSAT 1–5. */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends CustomerHistoryRecord {

    @Column(name = "answered_at")
    public Instant answeredAt;

    public Short nps;

    public Short csat;

    public String comment;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<SurveyFactor> factors;
}
