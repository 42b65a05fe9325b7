package dev.vigil.api.run;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One metric of one iteration of a run: a point of a learning curve. */
@Entity
@Table(name = "run_metric")
public class RunMetric {

    /** The metric's key: run, iteration, name. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "run_id", length = 36)
        private String runId;

        @Column(nullable = false)
        private int iteration;

        @Column(length = 100)
        private String name;

        protected Key() {
            // for Hibernate
        }

        Key(String runId, int iteration, String name) {
            this.runId = runId;
            this.iteration = iteration;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.iteration == iteration && k.runId.equals(runId) && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, iteration, name);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "metric_value", nullable = false)
    private double value;

    protected RunMetric() {
        // for Hibernate
    }

    RunMetric(String runId, int iteration, String name, double value) {
        this.key = new Key(runId, iteration, name);
        this.value = value;
    }

    public int getIteration() {
        return key.iteration;
    }

    public String getName() {
        return key.name;
    }

    public double getValue() {
        return value;
    }
}
