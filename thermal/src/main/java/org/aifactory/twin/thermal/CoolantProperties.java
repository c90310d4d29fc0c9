package org.aifactory.twin.thermal;

import org.aifactory.twin.model.Fluid;

/**
 * Density, specific heat and viscosity of the coolants against temperature, from tables read by
 * linear interpolation.
 *
 * <p><b>Water.</b> Density and specific heat at 10, 20, 25 (ρ only), 30, 40, 50 (c_p only) and
 * 60 °C from ../shared/reference/ai-factory-reference.md §2e [S] (wfrjr.com water tables,
 * cross-checked with chem-casts.com); c_p is held at its 60 °C value above. The density gaps (50
 * and 70 °C) and the
 * dynamic viscosity are from the CRC Handbook of Chemistry and Physics (97th ed., "Properties of
 * water in the range 0-100 °C"), equal to IAPWS-95/IAPWS 2008 to the digits given.
 *
 * <p><b>PG25</b>, taken as 25 % propylene glycol by mass [E: the model says "25 %"; 25 % by volume
 * is about 25.5 % by mass, a difference below the tables' accuracy]. Density and specific heat
 * evaluated from the Melinder (2010) correlation, "Properties of Secondary Working Fluids for
 * Indirect Systems", IIR, as fitted in CoolProp's incompressible-liquid file MPG.json
 * (coefficients, base T 305.8583 K, base x 0.307031); the fit reproduces water at x = 0 to 0.05 %.
 * Viscosity: CoolProp {@code INCOMP::MPG} values at 20 % and 40 % by mass (as tabulated in
 * mitchute/SecondaryCoolantProps' tests, generated with {@code PropsSI}), interpolated to 25 %
 * linearly in ln μ [D].
 */
public final class CoolantProperties {
    private static final CoolantProperties WATER = new CoolantProperties(
            Fluid.WATER,
            new LinearTable(
                    new double[] {10, 20, 25, 30, 40, 50, 60, 70},
                    new double[] {999.70, 998.21, 997.05, 995.65, 992.2, 988.04, 983.2, 977.76}),
            new LinearTable(
                    new double[] {10, 20, 30, 40, 50, 60},
                    new double[] {4192.1, 4181.8, 4178.4, 4178.5, 4180.6, 4184.3}),
            new LinearTable(
                    new double[] {10, 20, 30, 40, 50, 60, 70},
                    new double[] {1.3059e-3, 1.0016e-3, 0.7972e-3, 0.6527e-3, 0.5465e-3, 0.4660e-3, 0.4035e-3}));

    private static final CoolantProperties PG25 = new CoolantProperties(
            Fluid.PG25,
            new LinearTable(
                    new double[] {10, 20, 25, 30, 40, 50, 60},
                    new double[] {1022.94, 1019.28, 1017.17, 1014.90, 1009.91, 1004.38, 998.40}),
            new LinearTable(
                    new double[] {10, 20, 25, 30, 40, 50, 60},
                    new double[] {3896.3, 3920.5, 3932.6, 3944.6, 3968.6, 3992.4, 4015.7}),
            new LinearTable(new double[] {10, 25, 50, 75}, new double[] {3.583e-3, 2.083e-3, 1.078e-3, 0.681e-3}));

    private final Fluid fluid;
    private final LinearTable density;
    private final LinearTable specificHeat;
    private final LinearTable viscosity;

    private CoolantProperties(Fluid fluid, LinearTable density, LinearTable specificHeat, LinearTable viscosity) {
        this.fluid = fluid;
        this.density = density;
        this.specificHeat = specificHeat;
        this.viscosity = viscosity;
    }

    public static CoolantProperties of(Fluid fluid) {
        return switch (fluid) {
            case WATER -> WATER;
            case PG25 -> PG25;
        };
    }

    public Fluid fluid() {
        return fluid;
    }

    public double densityKgPerM3(double temperatureC) {
        return density.at(temperatureC);
    }

    public double specificHeatJPerKgK(double temperatureC) {
        return specificHeat.at(temperatureC);
    }

    public double viscosityPaS(double temperatureC) {
        return viscosity.at(temperatureC);
    }
}
