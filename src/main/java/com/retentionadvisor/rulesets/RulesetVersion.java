package com.retentionadvisor.rulesets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A ruleset that has served, named by its content hash, with the full text of its files. */
@Entity
@Table(name = "ruleset_version")
public class RulesetVersion extends PanacheEntityBase {

    /** Where a version came from: the rules folder the service reads, or an analyst's publish. */
    public enum Source { FOLDER, PUBLISH }

    @Id
    public String version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public String comment;

    @Enumerated(EnumType.STRING)
    public Source source;

    public static Optional<RulesetVersion> findByVersion(String version) {
        return findByIdOptional(version);
    }

    public static List<RulesetVersion> listNewestFirst() {
        return list("order by createdAt desc, version");
    }

    /** The version the rules folder had when it was last read, if it was ever recorded. */
    public static Optional<RulesetVersion> lastFromFolder() {
        return find("source = ?1 order by createdAt desc", Source.FOLDER).firstResultOptional();
    }

    /** The files of this version, by path under rules/. */
    @SuppressWarnings("unchecked")
    public SortedMap<String, byte[]> files() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select path, content from ruleset_file where version = :version")
                .setParameter("version", version)
                .getResultList();
        rows.forEach(row -> files.put((String) row[0], (byte[]) row[1]));
        return files;
    }

    void storeFiles(SortedMap<String, byte[]> files) {
        files.forEach((path, content) -> getEntityManager()
                .createNativeQuery("insert into ruleset_file (version, path, content) values (:version, :path, :content)")
                .setParameter("version", version)
                .setParameter("path", path)
                .setParameter("content", content)
                .executeUpdate());
    }
}
