package org.aifactory.twin.thermal.hydraulics;

/**
 * A straight pipe by Darcy-Weisbach: {@code Δp = f(Re)·(L/D)·ρ·v²/2} with
 * {@code v = Q/(πD²/4)}, {@code Re = ρ·v·D/μ} and f from {@link FrictionFactor}. Units: SI (Pa,
 * m³/s). Fittings are counted through the equivalent length {@code lengthM} (the caller adds them).
 *
 * @param lengthM equivalent length, m
 * @param diameterM inner diameter, m
 * @param roughnessM absolute roughness, m
 * @param densityKgPerM3 fluid density, kg/m³
 * @param viscosityPaS fluid dynamic viscosity, Pa·s
 */
public record PipeLaw(double lengthM, double diameterM, double roughnessM, double densityKgPerM3, double viscosityPaS)
        implements EdgeLaw {

    public PipeLaw {
        if (!(lengthM >= 0) || !(diameterM > 0) || !(roughnessM >= 0) || !(densityKgPerM3 > 0) || !(viscosityPaS > 0)) {
            throw new IllegalArgumentException(String.format(
                    "pipe needs lengthM >= 0 (%s), diameterM > 0 (%s), roughnessM >= 0 (%s), density > 0 (%s), viscosity > 0 (%s)",
                    lengthM, diameterM, roughnessM, densityKgPerM3, viscosityPaS));
        }
    }

    public double areaM2() {
        return Math.PI * diameterM * diameterM / 4;
    }

    @Override
    public double drop(double flow) {
        if (lengthM == 0 || flow == 0) {
            return 0;
        }
        double v = Math.abs(flow) / areaM2();
        double re = densityKgPerM3 * v * diameterM / viscosityPaS;
        double f = FrictionFactor.darcy(re, roughnessM / diameterM);
        return Math.signum(flow) * f * (lengthM / diameterM) * densityKgPerM3 * v * v / 2;
    }

    @Override
    public double slope(double flow) {
        if (lengthM == 0) {
            return 0;
        }
        // Central difference: f(Re) is only piecewise smooth; the laminar limit gives the slope at 0.
        double laminarSlope = 128 * viscosityPaS * lengthM / (Math.PI * Math.pow(diameterM, 4));
        double h = Math.max(Math.abs(flow) * 1e-6, 1e-12);
        double s = (drop(flow + h) - drop(flow - h)) / (2 * h);
        return Math.max(s, laminarSlope * 1e-3);
    }
}
