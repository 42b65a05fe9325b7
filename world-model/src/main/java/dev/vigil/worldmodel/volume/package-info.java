/**
 * Three-dimensional medical volumes for the MeWM world model: {@link dev.vigil.worldmodel.volume.Volume}
 * (float voxels) and {@link dev.vigil.worldmodel.volume.Mask} (binary voxels) on a
 * {@link dev.vigil.worldmodel.volume.VolumeGeometry} (shape, spacing, voxel-to-world affine in RAS+ mm);
 * NIfTI-1 reading and writing ({@link dev.vigil.worldmodel.volume.Nifti}); reorientation to RAS+, HU windowing,
 * cropping around a mask and resampling; overlap metrics; slice rendering to PNG. Conventions are in
 * {@code docs/volumes.md}.
 */
package dev.vigil.worldmodel.volume;
