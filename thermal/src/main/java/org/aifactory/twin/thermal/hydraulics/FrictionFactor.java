package org.aifactory.twin.thermal.hydraulics;

/**
 * Darcy friction factor of a full circular pipe.
 *
 * <ul>
 *   <li>Laminar, Re &le; {@value #LAMINAR_RE}: {@code f = 64/Re} (Hagen-Poiseuille).
 *   <li>Turbulent, Re &ge; {@value #TURBULENT_RE}: Swamee & Jain (1976), J. Hydraulics Div. ASCE
 *       102(5): {@code f = 0.25 / [log10(ε/(3.7 D) + 5.74 / Re^0.9)]²}, within about 1 % of
 *       Colebrook for 1e-6 &le; ε/D &le; 1e-2 and 5e3 &le; Re &le; 1e8.
 *   <li>In between: linear interpolation in Re between the two (a common engineering convention;
 *       the transition is not predictable [E]). It keeps f continuous, so Newton converges.
 * </ul>
 */
public final class FrictionFactor {
    public static final double LAMINAR_RE = 2000;
    public static final double TURBULENT_RE = 4000;

    private FrictionFactor() {}

    public static double darcy(double reynolds, double relativeRoughness) {
        double re = Math.max(reynolds, 1e-9);
        if (re <= LAMINAR_RE) {
            return 64 / re;
        }
        if (re >= TURBULENT_RE) {
            return swameeJain(re, relativeRoughness);
        }
        double w = (re - LAMINAR_RE) / (TURBULENT_RE - LAMINAR_RE);
        return (1 - w) * 64 / LAMINAR_RE + w * swameeJain(TURBULENT_RE, relativeRoughness);
    }

    static double swameeJain(double re, double relativeRoughness) {
        double l = Math.log10(relativeRoughness / 3.7 + 5.74 / Math.pow(re, 0.9));
        return 0.25 / (l * l);
    }
}
