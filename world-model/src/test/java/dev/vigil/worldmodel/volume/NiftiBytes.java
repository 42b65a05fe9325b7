package dev.vigil.worldmodel.volume;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds NIfTI-1 files byte by byte for tests, independent of {@link NiftiWriter}: a 348-byte header at the
 * documented offsets, 4 zero extension bytes, then the data. Defaults: a 2x2x2 int16 volume, spacing 1, no
 * qform/sform, magic n+1, vox_offset 352.
 */
final class NiftiBytes {

    private final ByteBuffer header;
    private byte[] data = new byte[0];

    NiftiBytes(ByteOrder order) {
        header = ByteBuffer.allocate(352).order(order);
        header.putInt(0, 348);
        dims(3, 2, 2, 2);
        datatype(4, 16);
        header.putFloat(76, 1);
        pixdim(1, 1, 1);
        header.putFloat(108, 352);
        header.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    }

    ByteOrder order() {
        return header.order();
    }

    NiftiBytes dims(int... dim) {
        for (int i = 0; i < 8; i++) {
            header.putShort(40 + 2 * i, (short) (i < dim.length ? dim[i] : 1));
        }
        return this;
    }

    NiftiBytes datatype(int code, int bitpix) {
        header.putShort(70, (short) code);
        header.putShort(72, (short) bitpix);
        return this;
    }

    NiftiBytes pixdim(float x, float y, float z) {
        header.putFloat(80, x).putFloat(84, y).putFloat(88, z);
        return this;
    }

    NiftiBytes qfac(float qfac) {
        header.putFloat(76, qfac);
        return this;
    }

    NiftiBytes voxOffset(float offset) {
        header.putFloat(108, offset);
        return this;
    }

    NiftiBytes scaling(float slope, float inter) {
        header.putFloat(112, slope).putFloat(116, inter);
        return this;
    }

    NiftiBytes qform(int code, float b, float c, float d, float ox, float oy, float oz) {
        header.putShort(252, (short) code);
        header.putFloat(256, b).putFloat(260, c).putFloat(264, d);
        header.putFloat(268, ox).putFloat(272, oy).putFloat(276, oz);
        return this;
    }

    /** {@code rows}: the 12 numbers of srow_x, srow_y, srow_z. */
    NiftiBytes sform(int code, float... rows) {
        header.putShort(254, (short) code);
        for (int i = 0; i < 12; i++) {
            header.putFloat(280 + 4 * i, rows[i]);
        }
        return this;
    }

    NiftiBytes sizeofHdr(int value) {
        header.putInt(0, value);
        return this;
    }

    NiftiBytes magic(String magic) {
        for (int i = 0; i < 4; i++) {
            header.put(344 + i, i < magic.length() ? (byte) magic.charAt(i) : 0);
        }
        return this;
    }

    NiftiBytes int16Data(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(header.order());
        for (int v : values) {
            b.putShort((short) v);
        }
        data = b.array();
        return this;
    }

    NiftiBytes rawData(byte[] bytes) {
        data = bytes.clone();
        return this;
    }

    byte[] bytes() {
        byte[] all = new byte[352 + data.length];
        System.arraycopy(header.array(), 0, all, 0, 352);
        System.arraycopy(data, 0, all, 352, data.length);
        return all;
    }
}
