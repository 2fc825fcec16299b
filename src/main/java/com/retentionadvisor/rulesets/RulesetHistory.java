package com.retentionadvisor.rulesets;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import com.retentionadvisor.problems.UnknownRecordException;

/** The stored ruleset versions: which served when, the text of their files, and how two of them differ. */
@ApplicationScoped
public class RulesetHistory {

    @Transactional
    public List<RulesetReports.VersionSummary> versions() {
        String live = RulesetActivation.latest().map(a -> a.version).orElse(null);
        return RulesetVersion.listNewestFirst().stream().map(v -> summaryOf(v, live)).toList();
    }

    /** A stored version with the full text of its files; empty when no such version was stored. */
    @Transactional
    public Optional<RulesetReports.VersionDetail> version(String version) {
        String live = RulesetActivation.latest().map(a -> a.version).orElse(null);
        return RulesetVersion.findByVersion(version).map(v -> new RulesetReports.VersionDetail(summaryOf(v, live),
                v.files().entrySet().stream().map(f -> fileOf(f.getKey(), f.getValue())).toList()));
    }

    /** What changed from one stored version to another, file by file, as unified diffs. */
    @Transactional
    public RulesetReports.VersionDiff diff(String from, String to) {
        SortedMap<String, byte[]> before = filesOf("from", from);
        SortedMap<String, byte[]> after = filesOf("to", to);
        List<RulesetReports.FileDiff> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            byte[] old = before.get(path);
            byte[] now = after.get(path);
            if (old != null && now != null && Arrays.equals(old, now)) {
                continue;
            }
            String change = old == null ? "ADDED" : now == null ? "REMOVED" : "CHANGED";
            Optional<String> oldText = old == null ? Optional.of("") : text(old);
            Optional<String> newText = now == null ? Optional.of("") : text(now);
            String diff = oldText.isPresent() && newText.isPresent()
                    ? unifiedDiff(path, from, to, oldText.get(), newText.get())
                    : null;
            changes.add(new RulesetReports.FileDiff(path, change, diff));
        }
        return new RulesetReports.VersionDiff(from, to, changes);
    }

    private static SortedMap<String, byte[]> filesOf(String field, String version) {
        return RulesetVersion.findByVersion(version)
                .orElseThrow(() -> new UnknownRecordException(field, "ruleset version", version))
                .files();
    }

    private static String unifiedDiff(String path, String from, String to, String before, String after) {
        List<String> oldLines = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> newLines = after.isEmpty() ? List.of() : after.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(from + "/" + path, to + "/" + path, oldLines,
                DiffUtils.diff(oldLines, newLines), 2)) + "\n";
    }

    private static RulesetReports.VersionSummary summaryOf(RulesetVersion version, String live) {
        return new RulesetReports.VersionSummary(version.version, version.createdAt, version.createdBy, version.comment,
                version.source.name(), version.version.equals(live));
    }

    // Text files are shown as text; a spreadsheet (.xlsx) is binary and shown as base64.
    private static RulesetReports.StoredFile fileOf(String path, byte[] content) {
        return text(content)
                .map(text -> new RulesetReports.StoredFile(path, "utf-8", text))
                .orElseGet(() -> new RulesetReports.StoredFile(path, "base64", Base64.getEncoder().encodeToString(content)));
    }

    private static Optional<String> text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
