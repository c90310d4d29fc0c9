package org.aifactory.twin.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Multi-Instance GPU profile "Ng.Mgb": N of a GPU's 7 compute slices and M GB of its memory; a
 * GPU has 7 compute slices and 8 memory slices, each memory slice with 1/8 of the memory
 * controllers (so 1/8 of the bandwidth) [S] (NVIDIA MIG user guide, "Concepts"). B200 profiles [S]
 * (NVIDIA GPU Operator MIG config, as listed by aws/sagemaker-hyperpod-cli): 1g.23gb (×7),
 * 1g.45gb (×4), 2g.45gb (×3), 3g.90gb (×2), 4g.90gb (×1), 7g.180gb (×1); B300: 1g.34gb … 7g.269gb.
 *
 * @param computeSlices N, one of 1, 2, 3, 4, 7
 * @param memoryGb M
 */
public record MigProfile(int computeSlices, int memoryGb) {
    /** Compute slices of a whole GPU. */
    public static final int COMPUTE_SLICES = 7;
    /** Memory slices of a whole GPU. */
    public static final int MEMORY_SLICES = 8;

    private static final Pattern FORM = Pattern.compile("([1-7])g\\.(\\d{1,4})gb");

    /** The profile, or null when {@code s} is not "Ng.Mgb" with N in 1, 2, 3, 4, 7 and M above 0. */
    public static MigProfile parse(String s) {
        Matcher m = s == null ? null : FORM.matcher(s.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        int gb = Integer.parseInt(m.group(2));
        return (n == 5 || n == 6 || gb == 0) ? null : new MigProfile(n, gb);
    }

    /** Memory slices (of 8) the profile holds on a GPU of {@code gpuHbmGb}: 8 M / HBM rounded, in [1, 8] [D]. */
    public int memorySlices(double gpuHbmGb) {
        if (computeSlices == COMPUTE_SLICES) {
            return MEMORY_SLICES; // the full-GPU profile holds all memory (7g.269gb on a 288 GB B300)
        }
        return (int) Math.max(1, Math.min(MEMORY_SLICES, Math.round(MEMORY_SLICES * memoryGb / gpuHbmGb)));
    }

    /**
     * Instances one GPU holds: min(7 / N, 8 / memory slices) — 1g.23gb 7, 1g.45gb 4, 2g.45gb 3,
     * 3g.90gb 2, 4g.90gb 1 on a 180 GB B200, as NVIDIA lists.
     */
    public int instancesPerGpu(double gpuHbmGb) {
        return Math.max(1, Math.min(COMPUTE_SLICES / computeSlices, MEMORY_SLICES / memorySlices(gpuHbmGb)));
    }

    /** Share of the GPU's compute: N / 7. */
    public double computeFraction() {
        return computeSlices / (double) COMPUTE_SLICES;
    }

    /** Share of the GPU's memory capacity and bandwidth: memory slices / 8. */
    public double memoryFraction(double gpuHbmGb) {
        return memorySlices(gpuHbmGb) / (double) MEMORY_SLICES;
    }
}
