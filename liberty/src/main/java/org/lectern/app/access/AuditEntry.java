package org.lectern.app.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One admin write: who, what (method and path), when, its outcome, and the versions before and after. */
@Entity
@Table(name = "ACC_AUDIT", indexes = {@Index(columnList = "RECORDED_AT"), @Index(columnList = "USER_NAME")})
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant at;

    @Column(name = "USER_NAME", nullable = false, length = 64)
    private String userName;

    @Column(name = "HTTP_METHOD", nullable = false, length = 8)
    private String method;

    @Column(nullable = false, length = 1024)
    private String path;

    @Column(name = "HTTP_STATUS")
    private int status;

    /** The If-Match the writer sent: the version it changed. */
    @Column(length = 128)
    private String versionBefore;

    /** The ETag of the answer: the version the write made. */
    @Column(length = 128)
    private String versionAfter;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String userName, String method, String path, int status, String versionBefore,
            String versionAfter) {
        this.at = at;
        this.userName = clip(userName, 64);
        this.method = clip(method, 8);
        this.path = clip(path, 1024);
        this.status = status;
        this.versionBefore = clip(versionBefore, 128);
        this.versionAfter = clip(versionAfter, 128);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String user() {
        return userName;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    public String versionBefore() {
        return versionBefore;
    }

    public String versionAfter() {
        return versionAfter;
    }
}
