package dev.vigil.ingestion.trajectory;

/**
 * The blocs of one episode: bloc {@code b} spans {@code [start + b * length, start + (b + 1) * length)} in
 * UTC epoch milliseconds.
 *
 * @param anchor the anchor time
 * @param start the start of bloc 0 (anchor minus the window's before)
 * @param length bloc length in milliseconds
 * @param blocs number of blocs in the episode (the window, cut short by death or the end of the stay)
 * @param stayStart the stay containing the anchor, or {@link FhirTimes#NONE}
 * @param stayEnd its end ({@link Long#MAX_VALUE} when open), or {@link FhirTimes#NONE}
 */
record BlocGrid(long anchor, long start, long length, int blocs, long stayStart, long stayEnd) {

    long blocStart(int bloc) {
        return start + bloc * length;
    }

    long blocEnd(int bloc) {
        return start + (bloc + 1) * length;
    }

    /** The end of the last bloc. */
    long end() {
        return blocEnd(blocs - 1);
    }

    /** The bloc containing {@code time}, or -1 outside the episode. */
    int blocOf(long time) {
        if (time < start || time >= end()) {
            return -1;
        }
        return (int) ((time - start) / length);
    }

    boolean hasStay() {
        return stayStart != FhirTimes.NONE;
    }
}
