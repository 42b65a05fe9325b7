package dev.vigil.worldmodel.volume;

/**
 * A volume and its mask cropped to the same box; {@code originX/Y/Z} is the source voxel that became crop voxel
 * {@code (0, 0, 0)} (negative when the box starts outside the source).
 */
public record CroppedCase(Volume volume, Mask mask, int originX, int originY, int originZ) {
}
