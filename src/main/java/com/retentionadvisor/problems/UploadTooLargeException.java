package com.retentionadvisor.problems;

import java.util.List;

/** An upload of rule files holds more files or bytes than one request may carry. */
public final class UploadTooLargeException extends ApiException {

    public UploadTooLargeException(int maxFiles, long maxBytes) {
        super("at most " + maxFiles + " files and " + maxBytes / (1024 * 1024) + " MiB are accepted in one upload", List.of());
    }

    @Override
    int status() {
        return 413;
    }

    @Override
    String slug() {
        return "upload-too-large";
    }

    @Override
    String title() {
        return "Upload too large";
    }
}
