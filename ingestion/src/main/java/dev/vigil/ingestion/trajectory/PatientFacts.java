package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.dataset.ImagingLink;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the cohort needs about one patient, in primitive columns (times are UTC epoch milliseconds,
 * {@link FhirTimes#NONE} when absent). About 40 bytes per observation: a 1 GB export with 3 million
 * observations fits in a 512 MB heap.
 *
 * <p>Resources are dropped as soon as they are mapped; only these facts stay. Writing is thread-safe
 * (sources deliver on several threads; every writer holds this object's lock); reading happens after
 * {@link #seal()}.
 */
public final class PatientFacts {

    static final byte MALE = 1;
    static final byte FEMALE = 0;
    static final byte UNKNOWN_GENDER = -1;

    /** An action fact needs dividing by the patient's weight at its start (a rate given per minute, not per kg). */
    static final byte PER_WEIGHT = 1;

    private final String patientId;
    private final RefColumn refs = new RefColumn();

    // Patient resource
    private boolean patientSeen;
    private long birthEpochDay = FhirTimes.NONE;
    private byte gender = UNKNOWN_GENDER;
    private long deceasedAt = FhirTimes.NONE;
    private boolean deceased;
    private ResourceOrigin firstReference;
    private int referenceCount;
    private long lastSeen = FhirTimes.NONE;

    // Anchors and inclusion
    private long[] anchorTimes = new long[1];
    private int[] anchorRefs = new int[1];
    private int anchors;
    private boolean included;

    // Stays: encounters of the stay classes
    private long[] stayStarts = new long[1];
    private long[] stayEnds = new long[1];
    private int stays;

    // Observations
    private int[] obsFeature = new int[16];
    private long[] obsTime = new long[16];
    private double[] obsValue = new double[16];
    private int[] obsRef = new int[16];
    private int observations;

    // Actions
    private int[] actAction = new int[4];
    private long[] actStart = new long[4];
    private long[] actEnd = new long[4];
    private double[] actValue = new double[4];
    private byte[] actFlags = new byte[4];
    private int[] actRef = new int[4];
    private int actions;
    private final List<ResourceOrigin> weightedOrigins = new ArrayList<>(0);
    private int[] actOrigin = new int[4];

    // Imaging
    private final List<PendingLink> links = new ArrayList<>(0);
    private boolean sealed;

    PatientFacts(String patientId) {
        this.patientId = patientId;
    }

    /** The FHIR Patient id. */
    public String patientId() {
        return patientId;
    }

    // ------------------------------------------------------------------ writing (accumulator)

    /** Records the Patient resource; a second one (a duplicate) is ignored, the first is kept. */
    synchronized boolean setPatient(long birthEpochDay, byte gender, long deceasedAt, boolean deceased) {
        requireOpen();
        if (patientSeen) {
            return false;
        }
        patientSeen = true;
        this.birthEpochDay = birthEpochDay;
        this.gender = gender;
        this.deceasedAt = deceasedAt;
        this.deceased = deceased || deceasedAt != FhirTimes.NONE;
        return true;
    }

    /** Notes a resource that refers to this patient; keeps the smallest origin for UNKNOWN_PATIENT reports. */
    synchronized void referencedBy(ResourceOrigin origin) {
        requireOpen();
        referenceCount++;
        if (firstReference == null || ORIGIN_ORDER.compare(origin, firstReference) < 0) {
            firstReference = origin;
        }
    }

    synchronized int addRef(SourceType type, String id) {
        requireOpen();
        return refs.add(type, id);
    }

    synchronized void seen(long time) {
        requireOpen();
        if (time != FhirTimes.NONE && time > lastSeen) {
            lastSeen = time;
        }
    }

    synchronized void addAnchor(long time, int ref) {
        requireOpen();
        if (anchors == anchorTimes.length) {
            anchorTimes = Arrays.copyOf(anchorTimes, anchors * 2);
            anchorRefs = Arrays.copyOf(anchorRefs, anchors * 2);
        }
        anchorTimes[anchors] = time;
        anchorRefs[anchors++] = ref;
    }

    synchronized void markIncluded() {
        requireOpen();
        included = true;
    }

    /** @param end {@link Long#MAX_VALUE} for a stay without an end */
    synchronized void addStay(long start, long end) {
        requireOpen();
        if (stays == stayStarts.length) {
            stayStarts = Arrays.copyOf(stayStarts, stays * 2);
            stayEnds = Arrays.copyOf(stayEnds, stays * 2);
        }
        stayStarts[stays] = start;
        stayEnds[stays++] = end;
    }

    synchronized void addObservation(int feature, long time, double value, int ref) {
        requireOpen();
        if (observations == obsFeature.length) {
            int capacity = observations + (observations >> 1) + 16;
            obsFeature = Arrays.copyOf(obsFeature, capacity);
            obsTime = Arrays.copyOf(obsTime, capacity);
            obsValue = Arrays.copyOf(obsValue, capacity);
            obsRef = Arrays.copyOf(obsRef, capacity);
        }
        obsFeature[observations] = feature;
        obsTime[observations] = time;
        obsValue[observations] = value;
        obsRef[observations++] = ref;
    }

    /** @param origin where the resource was read, kept only for facts that need the weight (for reports) */
    synchronized void addAction(int action, long start, long end, double value, byte flags, int ref,
            ResourceOrigin origin) {
        requireOpen();
        if (actions == actAction.length) {
            int capacity = actions * 2;
            actAction = Arrays.copyOf(actAction, capacity);
            actStart = Arrays.copyOf(actStart, capacity);
            actEnd = Arrays.copyOf(actEnd, capacity);
            actValue = Arrays.copyOf(actValue, capacity);
            actFlags = Arrays.copyOf(actFlags, capacity);
            actRef = Arrays.copyOf(actRef, capacity);
            actOrigin = Arrays.copyOf(actOrigin, capacity);
        }
        actAction[actions] = action;
        actStart[actions] = start;
        actEnd[actions] = end;
        actValue[actions] = value;
        actFlags[actions] = flags;
        actRef[actions] = ref;
        if ((flags & PER_WEIGHT) != 0) {
            actOrigin[actions] = weightedOrigins.size();
            weightedOrigins.add(origin);
        } else {
            actOrigin[actions] = -1;
        }
        actions++;
    }

    synchronized void addLink(PendingLink link) {
        requireOpen();
        links.add(link);
    }

    private void requireOpen() {
        if (sealed) {
            throw new IllegalStateException("Patient " + patientId + " was sealed by CohortAccumulator.finish(): "
                    + "resources arrived after the source said it was done");
        }
    }

    // ------------------------------------------------------------------ reading (builder, after accumulation)
    /**
     * Ends writing. Taking the lock here makes every fact written by the source's threads visible to the
     * thread that then builds trajectories; the readers below are unsynchronised and valid only after this.
     */
    synchronized void seal() {
        sealed = true;
    }


    boolean patientSeen() {
        return patientSeen;
    }

    ResourceOrigin firstReference() {
        return firstReference;
    }

    int referenceCount() {
        return referenceCount;
    }

    long birthEpochDay() {
        return birthEpochDay;
    }

    byte gender() {
        return gender;
    }

    long deceasedAt() {
        return deceasedAt;
    }

    boolean deceased() {
        return deceased;
    }

    long lastSeen() {
        return lastSeen;
    }

    boolean included() {
        return included;
    }

    /** The index of the earliest anchor (ties by resource id), or -1. */
    int earliestAnchor() {
        int best = -1;
        for (int i = 0; i < anchors; i++) {
            if (best < 0 || anchorTimes[i] < anchorTimes[best]
                    || (anchorTimes[i] == anchorTimes[best] && refs.compare(anchorRefs[i], anchorRefs[best]) < 0)) {
                best = i;
            }
        }
        return best;
    }

    long anchorTime(int index) {
        return anchorTimes[index];
    }

    int stayCount() {
        return stays;
    }

    long stayStart(int index) {
        return stayStarts[index];
    }

    long stayEnd(int index) {
        return stayEnds[index];
    }

    int observationCount() {
        return observations;
    }

    int obsFeature(int i) {
        return obsFeature[i];
    }

    long obsTime(int i) {
        return obsTime[i];
    }

    double obsValue(int i) {
        return obsValue[i];
    }

    int obsRef(int i) {
        return obsRef[i];
    }

    int actionCount() {
        return actions;
    }

    int actAction(int i) {
        return actAction[i];
    }

    long actStart(int i) {
        return actStart[i];
    }

    long actEnd(int i) {
        return actEnd[i];
    }

    double actValue(int i) {
        return actValue[i];
    }

    byte actFlags(int i) {
        return actFlags[i];
    }

    int actRef(int i) {
        return actRef[i];
    }

    ResourceOrigin actOrigin(int i) {
        return actOrigin[i] < 0 ? null : weightedOrigins.get(actOrigin[i]);
    }

    List<PendingLink> links() {
        return List.copyOf(links);
    }

    int compareRefs(int left, int right) {
        return refs.compare(left, right);
    }

    String reference(int ref) {
        return refs.reference(ref);
    }

    /** Observation indexes sorted by (time, resource, feature): the order aggregation sees them in. */
    Integer[] sortedObservations() {
        Integer[] order = new Integer[observations];
        for (int i = 0; i < observations; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> obsTime[i])
                .thenComparing((a, b) -> refs.compare(obsRef[a], obsRef[b]))
                .thenComparingInt(i -> obsFeature[i])
                .thenComparingDouble(i -> obsValue[i]));
        return order;
    }

    /** Action indexes sorted by (start, resource, action). */
    Integer[] sortedActions() {
        Integer[] order = new Integer[actions];
        for (int i = 0; i < actions; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> actStart[i])
                .thenComparing((a, b) -> refs.compare(actRef[a], actRef[b]))
                .thenComparingInt(i -> actAction[i])
                .thenComparingDouble(i -> actValue[i]));
        return order;
    }

    /** An imaging link as mapped; the URL may still have to come from an Endpoint resource. */
    record PendingLink(long time, String url, String endpointId, String resource) {

        ImagingLink resolve(String address) {
            return new ImagingLink(time == FhirTimes.NONE ? null : java.time.Instant.ofEpochMilli(time),
                    url != null ? url : address, resource);
        }
    }

    private static final Comparator<ResourceOrigin> ORIGIN_ORDER = Comparator
            .comparing(ResourceOrigin::resourceType, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ResourceOrigin::resourceId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ResourceOrigin::source, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(ResourceOrigin::line);
}
