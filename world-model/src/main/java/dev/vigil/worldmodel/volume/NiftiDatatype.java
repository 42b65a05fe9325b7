package dev.vigil.worldmodel.volume;

import java.nio.ByteBuffer;

/** The NIfTI-1 voxel datatypes Vigil reads, with their header codes and sizes. */
enum NiftiDatatype {
    UINT8(2, 1),
    INT16(4, 2),
    INT32(8, 4),
    FLOAT32(16, 4),
    FLOAT64(64, 8),
    INT8(256, 1),
    UINT16(512, 2),
    UINT32(768, 4);

    final int code;
    final int bytes;

    NiftiDatatype(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The datatype with header code {@code code}, or null when Vigil does not read it. */
    static NiftiDatatype ofCode(int code) {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** Reads one voxel at the buffer's position, advancing it. */
    double read(ByteBuffer buffer) {
        return switch (this) {
            case UINT8 -> buffer.get() & 0xFF;
            case INT16 -> buffer.getShort();
            case INT32 -> buffer.getInt();
            case FLOAT32 -> buffer.getFloat();
            case FLOAT64 -> buffer.getDouble();
            case INT8 -> buffer.get();
            case UINT16 -> buffer.getShort() & 0xFFFF;
            case UINT32 -> buffer.getInt() & 0xFFFFFFFFL;
        };
    }

    /** Names of the codes Vigil reads, for error messages. */
    static String supported() {
        StringBuilder s = new StringBuilder();
        for (NiftiDatatype t : values()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(t.code).append(" (").append(t.name().toLowerCase(java.util.Locale.ROOT)).append(')');
        }
        return s.toString();
    }
}
