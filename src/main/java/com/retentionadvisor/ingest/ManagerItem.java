package com.retentionadvisor.ingest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;


public record ManagerItem(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email) implements IngestItem {
}
