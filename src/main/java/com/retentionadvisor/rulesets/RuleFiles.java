package com.retentionadvisor.rulesets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.problems.UploadTooLargeException;

/**
 * Rule files an analyst sends, by their path under rules/ (e.g. contact-policy/caps-by-segment.drl.xlsx), from a
 * multipart form (one part "files" per file) or a zip. Paths that leave the folder and oversize uploads are refused.
 */
public final class RuleFiles {

    static final int MAX_FILES = 200;
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final SortedMap<String, byte[]> byPath;

    private RuleFiles(SortedMap<String, byte[]> byPath) {
        this.byPath = Collections.unmodifiableSortedMap(byPath);
    }

    /** No file: what a request that sends none means where that is allowed (the live ruleset, its own scenarios). */
    static RuleFiles none() {
        return new RuleFiles(new java.util.TreeMap<>());
    }

    public static RuleFiles fromUploads(List<FileUpload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw InvalidInputException.of("files", "send one or more files as form parts named 'files', or one zip as application/zip");
        }
        Collector files = new Collector();
        for (FileUpload upload : uploads) {
            try {
                files.add(upload.fileName(), Files.readAllBytes(upload.uploadedFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files.done();
    }

    public static RuleFiles fromZip(byte[] zip) {
        Collector files = new Collector();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip == null ? new byte[0] : zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.add(entry.getName(), in.readNBytes((int) MAX_BYTES + 1));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInputException.of("body", "not a readable zip: " + e.getMessage());
        }
        return files.done();
    }

    /** The rule files and scenario files of a rules folder (notes and other files are left aside). */
    public static RuleFiles fromFolder(Path folder) {
        SortedMap<String, byte[]> files = Ruleset.read(folder);
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (isScenario(relative)) {
                    files.put(relative, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleFiles(files);
    }

    /** Files as they were stored, by path. */
    static RuleFiles of(SortedMap<String, byte[]> byPath) {
        return new RuleFiles(new TreeMap<>(byPath));
    }

    /** What a stored version keeps: the rule files and the scenario files, by path; notes are left aside. */
    public SortedMap<String, byte[]> rulesAndScenarios() {
        SortedMap<String, byte[]> kept = ruleFiles();
        kept.putAll(scenarioFiles());
        return kept;
    }

    /** The files a ruleset is made of (rules, tables, messages), by path; notes and scenario files are left aside. */
    public SortedMap<String, byte[]> ruleFiles() {
        SortedMap<String, byte[]> rules = new TreeMap<>(byPath);
        rules.keySet().removeIf(path -> !Ruleset.readsFile(path));
        return rules;
    }

    /** The scenario files (tests/*.yaml), by path. */
    public SortedMap<String, byte[]> scenarioFiles() {
        SortedMap<String, byte[]> scenarios = new TreeMap<>(byPath);
        scenarios.keySet().removeIf(path -> !isScenario(path));
        return scenarios;
    }

    /** A zip of the files, by path: what a client sends to the endpoints that take one ({@link #fromZip}). */
    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the files below a folder, by their paths. */
    static void write(Path folder, SortedMap<String, byte[]> files) {
        try {
            for (var file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isScenario(String path) {
        return path.startsWith("tests/") && (path.endsWith(".yaml") || path.endsWith(".yml"));
    }

    /** Gathers files, checking each path and the totals. */
    private static final class Collector {
        private final SortedMap<String, byte[]> files = new TreeMap<>();
        private long bytes;

        void add(String name, byte[] content) {
            String path = name == null ? "" : name.replace('\\', '/');
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains(":") || path.length() > 300) {
                throw InvalidInputException.of("files", "'" + name + "' is not a path under rules/, e.g. contact-policy/caps.drl");
            }
            if (files.put(path, content) != null) {
                throw InvalidInputException.of("files", "'" + path + "' is sent twice");
            }
            bytes += content.length;
            if (files.size() > MAX_FILES || bytes > MAX_BYTES) {
                throw new UploadTooLargeException(MAX_FILES, MAX_BYTES);
            }
        }

        RuleFiles done() {
            if (files.isEmpty()) {
                throw InvalidInputException.of("files", "no file was sent");
            }
            return new RuleFiles(files);
        }
    }
}
