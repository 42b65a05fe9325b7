package dev.vigil.api.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that says where the chain ends. Appends lock it ({@code SELECT ... FOR UPDATE}), so two appends
 * never read the same head and the chain never forks; it also tells the verifier how many entries there should be.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
        // for Hibernate
    }

    long getLastSeq() {
        return lastSeq;
    }

    String getLastHash() {
        return lastHash;
    }
}
