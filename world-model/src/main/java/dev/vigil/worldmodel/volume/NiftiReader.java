package dev.vigil.worldmodel.volume;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads single-file NIfTI-1 volumes ({@code .nii}, optionally gzip-compressed; compression is detected from the
 * gzip magic bytes, so a misnamed file still reads). The data are streamed in chunks and converted to float
 * as they arrive, so a volume needs little more memory than its float array.
 */
final class NiftiReader {

    static final int HEADER_SIZE = 348;
    private static final int CHUNK_BYTES = 1 << 20;

    private NiftiReader() {
    }

    static Volume read(Path file) throws IOException {
        try {
            return readUnchecked(file);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // A damaged or cut-off gzip stream: say which file, not just what zlib saw.
            throw new NiftiFormatException(file, "gzip stream", "is damaged or truncated (" + e.getMessage() + ")");
        }
    }

    private static Volume readUnchecked(Path file) throws IOException {
        try (InputStream in = open(file)) {
            ByteBuffer header = readHeader(file, in);
            VolumeGeometry geometry;
            NiftiDatatype type = datatype(file, header);
            int[] dims = dims(file, header);
            double[] spacing = spacing(file, header);
            double[] affine = affine(file, header, spacing);
            try {
                geometry = new VolumeGeometry(dims[0], dims[1], dims[2], spacing[0], spacing[1], spacing[2], affine);
            } catch (IllegalArgumentException e) {
                throw new NiftiFormatException(file, "dim/pixdim/affine", "are not a valid grid: " + e.getMessage());
            }
            long dataStart = voxOffset(file, header);
            skip(file, in, dataStart - HEADER_SIZE, geometry, type, dataStart);
            double[] scaling = scaling(file, header);
            float[] voxels = readData(file, in, header.order(), type, geometry, dataStart, scaling[0], scaling[1]);
            return new Volume(geometry, voxels);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static ByteBuffer readHeader(Path file, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(HEADER_SIZE);
        if (bytes.length < HEADER_SIZE) {
            throw new NiftiFormatException(file, "header", "is truncated: " + bytes.length + " of " + HEADER_SIZE
                    + " bytes");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int little = header.getInt(0);
        if (little != HEADER_SIZE) {
            header.order(ByteOrder.BIG_ENDIAN);
            int big = header.getInt(0);
            if (big != HEADER_SIZE) {
                String hint = little == 540 || big == 540 ? " (540 is NIfTI-2, which Vigil does not read)" : "";
                throw new NiftiFormatException(file, "sizeof_hdr", "is " + little + " read little-endian and " + big
                        + " read big-endian; a NIfTI-1 header has 348" + hint);
            }
        }
        byte[] magic = new byte[4];
        header.get(344, magic);
        String text = new String(magic, 0, 3, StandardCharsets.US_ASCII);
        if (!"n+1".equals(text) || magic[3] != 0) {
            String reason = "ni1".equals(text)
                    ? "is 'ni1', a two-file .hdr/.img pair; only single-file NIfTI-1 ('n+1') is supported"
                    : "is " + printable(magic) + ", expected 'n+1' (single-file NIfTI-1)";
            throw new NiftiFormatException(file, "magic", reason);
        }
        return header;
    }

    private static String printable(byte[] bytes) {
        StringBuilder s = new StringBuilder("bytes [");
        for (int i = 0; i < bytes.length; i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xFF));
        }
        return s.append(']').toString();
    }

    private static NiftiDatatype datatype(Path file, ByteBuffer header) throws NiftiFormatException {
        int code = header.getShort(70);
        NiftiDatatype type = NiftiDatatype.ofCode(code);
        if (type == null) {
            throw new NiftiFormatException(file, "datatype", "is " + code + ", which Vigil does not read; supported: "
                    + NiftiDatatype.supported());
        }
        int bitpix = header.getShort(72);
        if (bitpix != type.bytes * 8) {
            throw new NiftiFormatException(file, "bitpix", "is " + bitpix + " but datatype " + code + " has "
                    + type.bytes * 8 + " bits per voxel");
        }
        return type;
    }

    /** {@code (nx, ny, nz)}; 1-D and 2-D images get size 1 in the missing axes. */
    private static int[] dims(Path file, ByteBuffer header) throws NiftiFormatException {
        int rank = header.getShort(40);
        if (rank < 1 || rank > 7) {
            throw new NiftiFormatException(file, "dim[0]", "is " + rank + "; it must be between 1 and 7");
        }
        int[] dims = {1, 1, 1};
        for (int i = 1; i <= rank; i++) {
            int size = header.getShort(40 + 2 * i);
            if (size < 1) {
                throw new NiftiFormatException(file, "dim[" + i + "]", "is " + size + "; sizes must be at least 1");
            }
            if (i <= 3) {
                dims[i - 1] = size;
            } else if (size > 1) {
                throw new NiftiFormatException(file, "dim[" + i + "]", "is " + size + "; only 3-D volumes are supported"
                        + " (a " + rank + "-D image with more than one time point or component)");
            }
        }
        return dims;
    }

    /**
     * {@code |pixdim[1..3]|}: some writers store negative spacings to signal a flip that the affine already
     * carries, so the sign is dropped; zero, NaN and infinite spacings are refused.
     */
    private static double[] spacing(Path file, ByteBuffer header) throws NiftiFormatException {
        double[] spacing = new double[3];
        for (int i = 1; i <= 3; i++) {
            double value = header.getFloat(76 + 4 * i);
            if (!Double.isFinite(value) || value == 0) {
                throw new NiftiFormatException(file, "pixdim[" + i + "]", "is " + value
                        + "; voxel spacing must be finite and non-zero");
            }
            spacing[i - 1] = Math.abs(value);
        }
        return spacing;
    }

    /** sform when {@code sform_code > 0}, else qform when {@code qform_code > 0}, else the spacing diagonal. */
    private static double[] affine(Path file, ByteBuffer header, double[] spacing) throws NiftiFormatException {
        int qformCode = header.getShort(252);
        int sformCode = header.getShort(254);
        if (sformCode > 0) {
            double[] affine = new double[16];
            for (int i = 0; i < 12; i++) {
                affine[i] = header.getFloat(280 + 4 * i);
                if (!Double.isFinite(affine[i])) {
                    String row = new String[] {"srow_x", "srow_y", "srow_z"}[i / 4];
                    throw new NiftiFormatException(file, row + "[" + i % 4 + "]", "is " + affine[i]
                            + " but sform_code is " + sformCode + "; the sform must be finite");
                }
            }
            affine[15] = 1;
            return affine;
        }
        if (qformCode > 0) {
            String[] names = {"quatern_b", "quatern_c", "quatern_d", "qoffset_x", "qoffset_y", "qoffset_z"};
            double[] q = new double[6];
            for (int i = 0; i < 6; i++) {
                q[i] = header.getFloat(256 + 4 * i);
                if (!Double.isFinite(q[i])) {
                    throw new NiftiFormatException(file, names[i], "is " + q[i] + " but qform_code is " + qformCode
                            + "; the qform must be finite");
                }
            }
            double qfac = header.getFloat(76) < 0 ? -1 : 1;
            return NiftiOrientation.qformToAffine(new NiftiOrientation.Qform(q[0], q[1], q[2], q[3], q[4], q[5], qfac),
                    spacing[0], spacing[1], spacing[2]);
        }
        return VolumeGeometry.axisAligned(1, 1, 1, spacing[0], spacing[1], spacing[2]).voxelToWorld();
    }

    private static long voxOffset(Path file, ByteBuffer header) throws NiftiFormatException {
        float value = header.getFloat(108);
        if (!Float.isFinite(value) || value < HEADER_SIZE || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new NiftiFormatException(file, "vox_offset", "is " + value
                    + "; single-file NIfTI-1 data must start at a whole byte offset of at least 348");
        }
        return (long) value;
    }

    private static void skip(Path file, InputStream in, long bytes, VolumeGeometry geometry, NiftiDatatype type,
            long dataStart) throws IOException {
        long remaining = bytes;
        while (remaining > 0) {
            int n = in.readNBytes((int) Math.min(remaining, CHUNK_BYTES)).length;
            if (n == 0) {
                throw shortData(file, geometry, type, dataStart, bytes - remaining + HEADER_SIZE);
            }
            remaining -= n;
        }
    }

    private static NiftiFormatException shortData(Path file, VolumeGeometry geometry, NiftiDatatype type,
            long dataStart, long available) {
        long needed = (long) geometry.voxelCount() * type.bytes;
        return new NiftiFormatException(file, "dim", "says " + geometry.shape() + " voxels of " + type.bytes
                + " bytes (" + needed + " bytes from vox_offset " + dataStart + ") but the data end after "
                + Math.max(0, available - dataStart) + " bytes");
    }

    private static float[] readData(Path file, InputStream in, ByteOrder order, NiftiDatatype type,
            VolumeGeometry geometry, long dataStart, double slope, double inter) throws IOException {
        int count = geometry.voxelCount();
        float[] voxels = new float[count];
        int perChunk = CHUNK_BYTES / type.bytes;
        int done = 0;
        while (done < count) {
            int n = Math.min(perChunk, count - done);
            byte[] bytes = in.readNBytes(n * type.bytes);
            if (bytes.length < n * type.bytes) {
                throw shortData(file, geometry, type, dataStart, dataStart + (long) done * type.bytes + bytes.length);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
            for (int i = 0; i < n; i++) {
                voxels[done + i] = (float) (type.read(buffer) * slope + inter);
            }
            done += n;
        }
        return voxels;
    }

    /**
     * {@code (scl_slope, scl_inter)}, applied in double precision before rounding to float; {@code (1, 0)} when
     * the slope is 0 or not finite (NIfTI-1: no scaling).
     */
    private static double[] scaling(Path file, ByteBuffer header) throws NiftiFormatException {
        double slope = header.getFloat(112);
        double inter = header.getFloat(116);
        if (slope == 0 || !Double.isFinite(slope)) {
            return new double[] {1, 0};
        }
        if (!Double.isFinite(inter)) {
            throw new NiftiFormatException(file, "scl_inter", "is " + inter + " while scl_slope is " + slope
                    + "; the intercept must be finite");
        }
        return new double[] {slope, inter};
    }
}
