package com.retentionadvisor.problems;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Writes into the OpenAPI document two things the scanner cannot see in the Java types:
 * <ul>
 * <li>a field the service may send or take as null says so ({@code nullable}, and null among its values when it has
 * a list of them): every field of a body that is not {@code required}, since the service writes a missing value as
 * {@code null} rather than leaving the field out;</li>
 * <li>the operations that also work without a body (a back-test or a calibration of the live ruleset) do not require
 * one.</li>
 * <li>the folder of rule files the rules operations take as multipart is one named schema, RuleFiles (a client
 * generator makes one type of it, not one per operation).</li>
 * </ul>
 * The API tests check every answer against the document (SpecConformance), so a field that can be null and is not
 * documented so fails them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiTruths implements OASFilter {

    /** Operations whose body is a candidate ruleset, and without one work on the live ruleset. */
    static final Set<String> BODY_OPTIONAL = Set.of("/api/rules/backtest", "/api/rules/calibration", "/api/rules/test");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> components = openAPI.getComponents().getSchemas();
            components.values().forEach(schema -> optionalFieldsMayBeNull(schema, components));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            oneSchemaForRuleFiles(openAPI);
            BODY_OPTIONAL.forEach(path -> {
                var item = openAPI.getPaths().getPathItem(path);
                if (item != null && item.getPOST() != null && item.getPOST().getRequestBody() != null) {
                    item.getPOST().getRequestBody().required(false)
                            .description("Rule files of a candidate ruleset (a folder's files as multipart, or a zip); without a body, the live ruleset");
                }
            });
        }
    }

    /** The folder of rule files every rules operation takes as multipart is one named schema, RuleFiles. */
    private static void oneSchemaForRuleFiles(OpenAPI openAPI) {
        Schema ruleFiles = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A folder of rule files (.drl, .drl.csv, .xlsx, scenarios .yaml), each part named files with its path as the file name")
                .addProperty("files", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary")));
        boolean used = false;
        for (var item : openAPI.getPaths().getPathItems().values()) {
            for (var operation : item.getOperations().values()) {
                var body = operation.getRequestBody();
                var multipart = body == null || body.getContent() == null ? null : body.getContent().getMediaType("multipart/form-data");
                if (multipart != null && multipart.getSchema() != null && multipart.getSchema().getRef() == null
                        && multipart.getSchema().getProperties() != null && multipart.getSchema().getProperties().containsKey("files")) {
                    multipart.schema(OASFactory.createSchema().ref("RuleFiles"));
                    used = true;
                }
            }
        }
        if (used) {
            openAPI.getComponents().addSchema("RuleFiles", ruleFiles);
        }
    }

    /**
     * Marks the fields that are not required as nullable. A field that refers to another schema cannot say so in
     * OpenAPI 3.0 (a reference takes nothing beside it), so the schema it refers to is marked instead.
     */
    private static void optionalFieldsMayBeNull(Schema schema, Map<String, Schema> components) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                Schema referred = components.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
                if (referred != null) {
                    mayBeNull(referred);
                }
            } else {
                mayBeNull(property);
                optionalFieldsMayBeNull(property, components);
            }
        });
    }

    /** Null is one of its values: its types, and its list of values where it has one (as OpenAPI 3.0.3 asks). */
    private static void mayBeNull(Schema schema) {
        if (schema.getType() != null && !schema.getType().contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            schema.addEnumeration(null);
        }
    }
}
