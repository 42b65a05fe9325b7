package dev.vigil.ingestion.fhir;

/**
 * The {@code Type/id} keys seen so far in one ingestion, to find duplicates with bounded memory.
 *
 * <p>Why hashes and not strings: a 1 GB export holds about 3 million resources; their keys as strings would
 * take several hundred megabytes, while 64-bit hashes in an open-addressing table of primitive longs take 8 to
 * 16 bytes each (24-48 MB for 3 million). The price is that two different keys may share a hash, making the
 * second look like a duplicate: with a well-mixed 64-bit hash the chance that this happens at all among
 * 3 million keys is about n²/2⁶⁵ ≈ 2·10⁻⁷.
 *
 * <p>Not thread-safe: one reader thread owns it, which also makes "the first occurrence wins" follow file and
 * line order.
 */
final class ResourceKeySet {

    private static final long EMPTY = 0L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] slots = new long[1 << 12];
    private int size;

    /**
     * Adds the key {@code type/id}.
     *
     * @return true if it was new, false if it (or a key with the same hash) was added before
     */
    boolean add(String type, String id) {
        long hash = hash(type, id);
        if (size >= (slots.length >> 1) + (slots.length >> 2)) {
            grow();
        }
        if (!insert(slots, hash)) {
            return false;
        }
        size++;
        return true;
    }

    /** How many distinct keys were added. */
    int size() {
        return size;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        int index = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[index] != EMPTY) {
            if (table[index] == hash) {
                return false;
            }
            index = (index + 1) & mask;
        }
        table[index] = hash;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length << 1];
        for (long hash : old) {
            if (hash != EMPTY) {
                insert(slots, hash);
            }
        }
    }

    /** FNV-1a over the characters of {@code type + "/" + id} without building that string, then mixed. */
    static long hash(String type, String id) {
        long hash = FNV_OFFSET;
        hash = mix(hash, type);
        hash = (hash ^ '/') * FNV_PRIME;
        hash = mix(hash, id);
        // MurmurHash3's finaliser: FNV's low bits are weak, and the table index uses them.
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1L : hash;
    }

    private static long mix(long hash, String text) {
        long result = hash;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            result = (result ^ (c & 0xff)) * FNV_PRIME;
            result = (result ^ (c >>> 8)) * FNV_PRIME;
        }
        return result;
    }
}
