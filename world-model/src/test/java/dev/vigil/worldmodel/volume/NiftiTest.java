package dev.vigil.worldmodel.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiTest {

    @TempDir
    Path dir;

    // ---- hand-built files -------------------------------------------------------------------------------------

    @Test
    void readsAHandBuiltBigEndianInt16FileWithScalingAndSform() throws IOException {
        // 2x2x2 int16, big-endian, slope 2 and intercept -1024: stored v reads as 2v - 1024.
        byte[] bytes = new NiftiBytes(ByteOrder.BIG_ENDIAN)
                .pixdim(2, 3, 4)
                .scaling(2, -1024)
                .sform(1, 0, -3, 0, 10, 2, 0, 0, -20, 0, 0, 4, 5)
                .int16Data(-1, 0, 1, 2, 100, -100, 32767, -32768)
                .bytes();
        Path file = dir.resolve("be.nii");
        Files.write(file, bytes);

        Volume v = Nifti.read(file);

        assertThat(v.geometry().shape()).isEqualTo("2x2x2");
        assertThat(v.voxels()).containsExactly(-1026, -1024, -1022, -1020, -824, -1224, 64510, -66560);
        assertThat(v.get(1, 0, 0)).isEqualTo(-1024);
        assertThat(v.get(0, 1, 0)).isEqualTo(-1022);
        assertThat(v.get(0, 0, 1)).isEqualTo(-824);
        assertThat(v.get(1, 1, 1)).isEqualTo(-66560);
        assertThat(v.geometry().voxelToWorld()).containsExactly(0, -3, 0, 10, 2, 0, 0, -20, 0, 0, 4, 5, 0, 0, 0, 1);
        assertThat(v.geometry().spacingX()).isEqualTo(2);
        assertThat(v.geometry().spacingY()).isEqualTo(3);
        assertThat(v.geometry().spacingZ()).isEqualTo(4);
    }

    @Test
    void zeroSlopeMeansNoScaling() throws IOException {
        Path file = dir.resolve("noscale.nii");
        Files.write(file, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).scaling(0, 500).int16Data(1, 2, 3, 4, 5, 6, 7, 8)
                .bytes());

        assertThat(Nifti.read(file).voxels()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void qformQuaternionWithNegativeQfacGivesTheHandComputedAffine() throws IOException {
        // Quaternion (b, c, d) = (0, 0, sin 45°): 90° about z, R = [[0,-1,0],[1,0,0],[0,0,1]].
        // Affine = R * diag(2, 3, qfac * 4) with qfac = -1, plus the offsets.
        float d = (float) Math.sqrt(0.5);
        Path file = dir.resolve("qform.nii");
        Files.write(file, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).pixdim(2, 3, 4).qfac(-1)
                .qform(1, 0, 0, d, 7, 8, 9).int16Data(0, 0, 0, 0, 0, 0, 0, 0).bytes());

        double[] a = Nifti.read(file).geometry().voxelToWorld();

        assertThat(a).containsExactly(new double[] {0, -3, 0, 7, 2, 0, 0, 8, 0, 0, -4, 9, 0, 0, 0, 1}, within(1e-5));
    }

    @Test
    void sformWinsOverQform() throws IOException {
        Path file = dir.resolve("both.nii");
        Files.write(file, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).qform(1, 0, 0, 1, 7, 8, 9)
                .sform(2, 1, 0, 0, 1, 0, 1, 0, 2, 0, 0, 1, 3).int16Data(0, 0, 0, 0, 0, 0, 0, 0).bytes());

        assertThat(Nifti.read(file).geometry().voxelToWorld())
                .containsExactly(1, 0, 0, 1, 0, 1, 0, 2, 0, 0, 1, 3, 0, 0, 0, 1);
    }

    @Test
    void withoutQformOrSformTheAffineIsTheSpacingDiagonal() throws IOException {
        Path file = dir.resolve("plain.nii");
        Files.write(file, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).pixdim(0.5f, -0.75f, 2)
                .int16Data(0, 0, 0, 0, 0, 0, 0, 0).bytes());

        VolumeGeometry g = Nifti.read(file).geometry();

        assertThat(g.voxelToWorld()).containsExactly(0.5, 0, 0, 0, 0, 0.75, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1);
        assertThat(g.spacingY()).isEqualTo(0.75);
    }

    @Test
    void readsGzipByContentAndHonoursVoxOffset() throws IOException {
        // vox_offset 356: four bytes of padding after the extension flag before the data.
        NiftiBytes b = new NiftiBytes(ByteOrder.LITTLE_ENDIAN).voxOffset(356);
        ByteBuffer data = ByteBuffer.allocate(4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0x7f7f7f7f);
        for (int i = 0; i < 8; i++) {
            data.putShort((short) (10 * i));
        }
        byte[] plain = b.rawData(data.array()).bytes();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        Path file = dir.resolve("padded.nii.gz");
        Files.write(file, gz.toByteArray());

        assertThat(Nifti.read(file).voxels()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
    }

    @Test
    void readsFourDimensionalFilesWithOneTimePointAndOtherDatatypes() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            data.putDouble(i + 0.25);
        }
        Path file = dir.resolve("f64.nii");
        Files.write(file, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).dims(4, 2, 2, 2, 1).datatype(64, 64)
                .rawData(data.array()).bytes());

        assertThat(Nifti.read(file).voxels()).containsExactly(0.25f, 1.25f, 2.25f, 3.25f, 4.25f, 5.25f, 6.25f, 7.25f);
    }

    @Test
    void readsUint8AndUint16WithoutSignExtension() throws IOException {
        Path u8 = dir.resolve("u8.nii");
        Files.write(u8, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).datatype(2, 8)
                .rawData(new byte[] {0, 1, 127, (byte) 128, (byte) 255, 2, 3, 4}).bytes());
        Path u16 = dir.resolve("u16.nii");
        Files.write(u16, new NiftiBytes(ByteOrder.BIG_ENDIAN).datatype(512, 16)
                .int16Data(0, 1, 0x7fff, 0x8000, 0xffff, 2, 3, 4).bytes());

        assertThat(Nifti.read(u8).voxels()).containsExactly(0, 1, 127, 128, 255, 2, 3, 4);
        assertThat(Nifti.read(u16).voxels()).containsExactly(0, 1, 32767, 32768, 65535, 2, 3, 4);
    }

    @Test
    void readsInt8Int32AndUint32() throws IOException {
        Path i8 = dir.resolve("i8.nii");
        Files.write(i8, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).datatype(256, 8)
                .rawData(new byte[] {-128, -1, 0, 1, 127, 2, 3, 4}).bytes());
        ByteBuffer ints = ByteBuffer.allocate(32).order(ByteOrder.BIG_ENDIAN);
        for (int v : new int[] {-2_000_000, -1, 0, 1, 16_777_216, 5, 6, 7}) {
            ints.putInt(v);
        }
        Path i32 = dir.resolve("i32.nii");
        Files.write(i32, new NiftiBytes(ByteOrder.BIG_ENDIAN).datatype(8, 32).rawData(ints.array()).bytes());
        Path u32 = dir.resolve("u32.nii");
        Files.write(u32, new NiftiBytes(ByteOrder.BIG_ENDIAN).datatype(768, 32).rawData(ints.array()).bytes());

        assertThat(Nifti.read(i8).voxels()).containsExactly(-128, -1, 0, 1, 127, 2, 3, 4);
        assertThat(Nifti.read(i32).voxels()).containsExactly(-2_000_000, -1, 0, 1, 16_777_216, 5, 6, 7);
        assertThat(Nifti.read(u32).get(1)).isEqualTo(4_294_967_295f);
    }

    @Test
    void detectsGzipFromTheContentNotTheName() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new NiftiBytes(ByteOrder.LITTLE_ENDIAN).int16Data(8, 7, 6, 5, 4, 3, 2, 1).bytes());
        }
        Path file = dir.resolve("misnamed.nii");
        Files.write(file, gz.toByteArray());

        assertThat(Nifti.read(file).voxels()).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void readsAReferenceFileWrittenByNibabel() throws IOException, java.net.URISyntaxException {
        // Written by nibabel 5.0.0: 7x6x5 big-endian int16, raw value x + 7y + 42z - 100, slope 2, intercept
        // -1024, qform only (code 1) with affine [[0,-3,0,10],[2,0,0,-20],[0,0,-4,5]], sform code 0.
        Path file = Path.of(getClass().getResource("/volume/nibabel-int16-bigendian-qform.nii.gz").toURI());

        Volume v = Nifti.read(file);

        assertThat(v.geometry().shape()).isEqualTo("7x6x5");
        assertThat(v.get(0, 0, 0)).isEqualTo(2 * -100 - 1024);
        assertThat(v.get(1, 2, 3)).isEqualTo(2 * (1 + 14 + 126 - 100) - 1024);
        assertThat(v.get(6, 5, 4)).isEqualTo(2 * (6 + 35 + 168 - 100) - 1024);
        assertThat(v.geometry().voxelToWorld())
                .containsExactly(new double[] {0, -3, 0, 10, 2, 0, 0, -20, 0, 0, -4, 5, 0, 0, 0, 1}, within(1e-6));
        assertThat(new double[] {v.geometry().spacingX(), v.geometry().spacingY(), v.geometry().spacingZ()})
                .containsExactly(2, 3, 4);
    }

    @Test
    void readMaskTakesNonZeroAsInsideAndRefusesNan() throws IOException {
        Path file = dir.resolve("labels.nii");
        Files.write(file, valid().int16Data(0, 1, 2, -1, 0, 0, 0, 0).bytes());
        ByteBuffer floats = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        floats.putFloat(0).putFloat(Float.NaN);
        Path nan = dir.resolve("nanmask.nii");
        Files.write(nan, new NiftiBytes(ByteOrder.LITTLE_ENDIAN).datatype(16, 32).rawData(floats.array()).bytes());

        assertThat(Nifti.readMask(file).voxels()).containsExactly(false, true, true, true, false, false, false, false);
        assertThatThrownBy(() -> Nifti.readMask(nan)).hasMessageContaining("nanmask.nii: data voxel 1 is NaN");
    }

    // ---- round trips ------------------------------------------------------------------------------------------

    private static VolumeGeometry oblique(boolean leftHanded) {
        // 30° about x, spacing (0.8, 0.7, 2.5), an offset; left-handed grids flip the first axis.
        double cos = Math.cos(Math.toRadians(30));
        double sin = Math.sin(Math.toRadians(30));
        double sx = leftHanded ? -0.8 : 0.8;
        return new VolumeGeometry(5, 4, 3, 0.8, 0.7, 2.5, new double[] {
            sx, 0, 0, -100.5,
            0, 0.7 * cos, -2.5 * sin, 20.25,
            0, 0.7 * sin, 2.5 * cos, -300,
            0, 0, 0, 1});
    }

    private static Volume randomVolume(VolumeGeometry g, long seed) {
        Random random = new Random(seed);
        Volume v = Volume.zeros(g);
        for (int i = 0; i < g.voxelCount(); i++) {
            v.set(i, (float) (random.nextGaussian() * 300));
        }
        return v;
    }

    @Test
    void volumeRoundTripsThroughNiiAndNiiGz() throws IOException {
        Volume original = randomVolume(oblique(false), 7);
        for (String name : new String[] {"v.nii", "v.nii.gz"}) {
            Path file = dir.resolve(name);
            Nifti.write(file, original);

            Volume back = Nifti.read(file);

            assertThat(back.voxels()).containsExactly(original.voxels());
            assertThat(back.geometry().voxelToWorld()).containsExactly(original.geometry().voxelToWorld(),
                    within(1e-4));
            assertThat(back.geometry().sameGrid(original.geometry())).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve("v.nii.gz"))[0]).isEqualTo((byte) 0x1f);
        assertThat(Files.size(dir.resolve("v.nii"))).isEqualTo(352 + 4L * 60);
    }

    @Test
    void writtenQformAloneReproducesTheAffineForBothHandedness() throws IOException {
        for (boolean leftHanded : new boolean[] {false, true}) {
            VolumeGeometry g = oblique(leftHanded);
            Path file = dir.resolve("q" + leftHanded + ".nii");
            Nifti.write(file, Volume.zeros(g));
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(header.getShort(252)).as("qform_code").isEqualTo((short) 1);
            assertThat(header.getFloat(76)).as("qfac").isEqualTo(leftHanded ? -1f : 1f);
            header.putShort(254, (short) 0); // drop the sform: the reader must fall back to the qform
            Files.write(file, bytes);

            assertThat(Nifti.read(file).geometry().voxelToWorld()).containsExactly(g.voxelToWorld(), within(1e-4));
        }
    }

    @Test
    void shearedAffineIsWrittenAsSformOnly() throws IOException {
        VolumeGeometry g = new VolumeGeometry(2, 2, 2, 1, 1, 1, new double[] {
            1, 0.5, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
        Path file = dir.resolve("shear.nii");
        Nifti.write(file, Volume.zeros(g));

        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(252)).as("qform_code").isZero();
        assertThat(header.getShort(254)).as("sform_code").isEqualTo((short) 1);
        assertThat(Nifti.read(file).geometry().voxelToWorld()).containsExactly(g.voxelToWorld());
    }

    @Test
    void maskRoundTripsAsUint8() throws IOException {
        VolumeGeometry g = oblique(true);
        Mask mask = Mask.empty(g);
        mask.set(0, 0, 0, true);
        mask.set(4, 3, 2, true);
        mask.set(2, 1, 1, true);
        Path file = dir.resolve("m.nii.gz");
        Nifti.writeMask(file, mask);

        Mask back = Nifti.readMask(file);

        assertThat(back.voxels()).containsExactly(mask.voxels());
        assertThat(back.count()).isEqualTo(3);
        Path plain = dir.resolve("m.nii");
        Nifti.writeMask(plain, mask);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(plain)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(70)).as("datatype").isEqualTo((short) 2);
        assertThat(Files.size(plain)).isEqualTo(352 + 60L);
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("out.nii");
        Files.writeString(file, "old contents");
        Volume v = randomVolume(VolumeGeometry.axisAligned(3, 3, 3, 1, 1, 1), 3);

        Nifti.write(file, v);

        assertThat(Nifti.read(file).voxels()).containsExactly(v.voxels());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.nii");
        }
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("keep.nii");
        Files.writeString(file, "old contents");
        VolumeGeometry tooBig = VolumeGeometry.axisAligned(40000, 1, 1, 1, 1, 1);

        assertThatThrownBy(() -> Nifti.write(file, Volume.zeros(tooBig)))
                .hasMessageContaining("40000x1x1").hasMessageContaining("32767");
        assertThat(Files.readString(file)).isEqualTo("old contents");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.nii");
        }
    }

    // ---- malformed files --------------------------------------------------------------------------------------

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static NiftiBytes valid() {
        return new NiftiBytes(ByteOrder.LITTLE_ENDIAN).int16Data(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void rejectsATruncatedHeader() throws IOException {
        byte[] whole = valid().bytes();
        Path f = file("short.nii", java.util.Arrays.copyOf(whole, 200));

        assertThatThrownBy(() -> Nifti.read(f)).isInstanceOf(NiftiFormatException.class)
                .hasMessageContaining("short.nii").hasMessageContaining("header is truncated: 200 of 348");
    }

    @Test
    void rejectsAWrongSizeofHdrAndPointsAtNifti2() throws IOException {
        Path f = file("hdr.nii", valid().sizeofHdr(540).bytes());

        assertThatThrownBy(() -> Nifti.read(f)).isInstanceOf(NiftiFormatException.class)
                .hasMessageContaining("hdr.nii").hasMessageContaining("sizeof_hdr is 540")
                .hasMessageContaining("NIfTI-2");
    }

    @Test
    void rejectsBadMagicAndTwoFilePairs() throws IOException {
        Path bad = file("magic.nii", valid().magic("xyz").bytes());
        Path pair = file("pair.nii", valid().magic("ni1").bytes());

        assertThatThrownBy(() -> Nifti.read(bad)).hasMessageContaining("magic.nii: magic is bytes [78 79 7a 00]");
        assertThatThrownBy(() -> Nifti.read(pair)).hasMessageContaining("pair.nii: magic is 'ni1'")
                .hasMessageContaining("single-file");
    }

    @Test
    void rejectsBadDimensions() throws IOException {
        Path zeroRank = file("rank0.nii", valid().dims(0, 2, 2, 2).bytes());
        Path eightRank = file("rank8.nii", valid().dims(8, 2, 2, 2).bytes());
        Path zeroSize = file("size0.nii", valid().dims(3, 2, 0, 2).bytes());
        Path timeSeries = file("time.nii", valid().dims(4, 2, 2, 2, 3).bytes());

        assertThatThrownBy(() -> Nifti.read(zeroRank)).hasMessageContaining("rank0.nii: dim[0] is 0");
        assertThatThrownBy(() -> Nifti.read(eightRank)).hasMessageContaining("rank8.nii: dim[0] is 8");
        assertThatThrownBy(() -> Nifti.read(zeroSize)).hasMessageContaining("size0.nii: dim[2] is 0");
        assertThatThrownBy(() -> Nifti.read(timeSeries)).hasMessageContaining("time.nii: dim[4] is 3")
                .hasMessageContaining("only 3-D");
    }

    @Test
    void rejectsAnUnsupportedDatatypeByCode() throws IOException {
        Path f = file("rgb.nii", valid().datatype(128, 24).bytes());

        assertThatThrownBy(() -> Nifti.read(f)).isInstanceOf(NiftiFormatException.class)
                .hasMessageContaining("rgb.nii: datatype is 128").hasMessageContaining("16 (float32)");
    }

    @Test
    void rejectsDataShorterThanTheDimensionsSay() throws IOException {
        Path f = file("cut.nii", valid().int16Data(1, 2, 3, 4, 5).bytes());

        assertThatThrownBy(() -> Nifti.read(f)).isInstanceOf(NiftiFormatException.class)
                .hasMessageContaining("cut.nii: dim says 2x2x2 voxels of 2 bytes (16 bytes from vox_offset 352)")
                .hasMessageContaining("end after 10 bytes");
    }

    @Test
    void rejectsNanSpacingAndBadVoxOffset() throws IOException {
        Path nan = file("nan.nii", valid().pixdim(1, Float.NaN, 1).bytes());
        Path offset = file("offset.nii", valid().voxOffset(100).bytes());

        assertThatThrownBy(() -> Nifti.read(nan)).hasMessageContaining("nan.nii: pixdim[2] is NaN");
        assertThatThrownBy(() -> Nifti.read(offset)).hasMessageContaining("offset.nii: vox_offset is 100.0");
    }

    @Test
    void rejectsATruncatedGzipStream() throws IOException {
        Path whole = dir.resolve("whole.nii.gz");
        Nifti.write(whole, Volume.zeros(VolumeGeometry.axisAligned(20, 20, 20, 1, 1, 1)));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = file("cut.nii.gz", java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> Nifti.read(cut)).isInstanceOf(NiftiFormatException.class)
                .hasMessageContaining("cut.nii.gz: gzip stream is damaged or truncated");
    }

    @Test
    void rejectsNonFiniteSform() throws IOException {
        Path f = file("sform.nii", valid().sform(1, 1, 0, 0, 0, 0, Float.POSITIVE_INFINITY, 0, 0, 0, 0, 1, 0).bytes());

        assertThatThrownBy(() -> Nifti.read(f)).hasMessageContaining("sform.nii: srow_y[1] is Infinity");
    }
}
