package com.retentionadvisor.database;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/** How JSON columns (stored advice) are written: its own mapper, so REST tweaks never change stored data. */
@JsonFormat
@PersistenceUnitExtension
public class StoredJson implements FormatMapper {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> javaType, WrapperOptions options) {
        try {
            return mapper.readValue(json.toString(), mapper.constructType(javaType.getJavaType()));
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON does not read back as " + javaType.getJavaType(), e);
        }
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        try {
            return mapper.writerFor(mapper.constructType(javaType.getJavaType())).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + javaType.getJavaType() + " as JSON", e);
        }
    }
}
