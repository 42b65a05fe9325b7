package dev.vigil.ingestion.trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The resource references of one patient's facts, stored compactly: about 18 bytes per resource instead of
 * a String of ~80. UUIDs (Synthea, Bulk Data) are kept as two longs, decimal ids (HAPI servers) as one
 * long, anything else as text. Not thread-safe: {@link PatientFacts} guards it.
 *
 * <p>References are ordered by type, then id: UUIDs by value, decimal ids numerically, other ids as text.
 * That order depends only on the ids, never on delivery order, which is all determinism needs.
 */
final class RefColumn {

    private static final byte UUID_ID = 0;
    private static final byte NUMBER_ID = 1;
    private static final byte TEXT_ID = 2;
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,17}");

    private byte[] types = new byte[4];
    private byte[] kinds = new byte[4];
    private long[] high = new long[4];
    private long[] low = new long[4];
    private final List<String> texts = new ArrayList<>(0);
    private int size;

    /** Adds a reference and returns its index. */
    int add(SourceType type, String id) {
        if (size == types.length) {
            int capacity = size + (size >> 1) + 4;
            types = Arrays.copyOf(types, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
        }
        types[size] = (byte) type.ordinal();
        if (id.length() == 36 && CANONICAL_UUID.matcher(id).matches()) {
            UUID uuid = UUID.fromString(id);
            kinds[size] = UUID_ID;
            high[size] = uuid.getMostSignificantBits();
            low[size] = uuid.getLeastSignificantBits();
        } else if (id.length() <= 18 && DECIMAL.matcher(id).matches()) {
            kinds[size] = NUMBER_ID;
            high[size] = Long.parseLong(id);
        } else {
            kinds[size] = TEXT_ID;
            high[size] = texts.size();
            texts.add(id);
        }
        return size++;
    }

    int size() {
        return size;
    }

    SourceType type(int index) {
        return SourceType.of(types[index]);
    }

    String id(int index) {
        return switch (kinds[index]) {
            case UUID_ID -> new UUID(high[index], low[index]).toString();
            case NUMBER_ID -> Long.toString(high[index]);
            default -> texts.get((int) high[index]);
        };
    }

    /** {@code Type/id}. */
    String reference(int index) {
        return type(index).fhirType + "/" + id(index);
    }

    int compare(int left, int right) {
        int order = Byte.compare(types[left], types[right]);
        if (order != 0) {
            return order;
        }
        order = Byte.compare(kinds[left], kinds[right]);
        if (order != 0) {
            return order;
        }
        if (kinds[left] == TEXT_ID) {
            return texts.get((int) high[left]).compareTo(texts.get((int) high[right]));
        }
        order = Long.compare(high[left], high[right]);
        return order != 0 ? order : Long.compare(low[left], low[right]);
    }
}
