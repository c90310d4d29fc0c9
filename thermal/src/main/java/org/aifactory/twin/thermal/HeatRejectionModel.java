package org.aifactory.twin.thermal;

import static org.aifactory.twin.thermal.ThermalAssumptions.AHRI_AMBIENT_C;
import static org.aifactory.twin.thermal.ThermalAssumptions.AHRI_LEAVING_WATER_C;
import static org.aifactory.twin.thermal.ThermalAssumptions.CHILLER_CONDENSER_APPROACH_K;
import static org.aifactory.twin.thermal.ThermalAssumptions.CHILLER_EVAPORATOR_APPROACH_K;
import static org.aifactory.twin.thermal.ThermalAssumptions.CHILLER_MAX_COP;
import static org.aifactory.twin.thermal.ThermalAssumptions.HEAT_REJECTION_FAN_MIN_SPEED_FRACTION;

import java.util.List;
import org.aifactory.twin.model.catalog.HeatRejectionKind;
import org.aifactory.twin.model.catalog.HeatRejectionType;

/**
 * Heat rejection of one facility-water loop at one ambient condition.
 *
 * <p><b>Dry coolers and cooling towers</b> ("economisers"): a fixed-UA exchanger with the air,
 * so the heat a unit rejects with leaving water at T is proportional to how far T is above its
 * ambient (dry bulb for dry coolers, wet bulb for towers), scaled so it gives its rated capacity at
 * its rated approach: {@code avail(T) = capacityKw·(T − T_amb)/approachK} [E] (ref §2g: leaving
 * water ≈ ambient + 5-10 K). Their fans follow the fan law on the share of that availability
 * they are asked for: {@code P = fanPowerKw·max(u, u_min)³}, u = load/avail ≤ 1 [E], u_min =
 * {@value ThermalAssumptions#HEAT_REJECTION_FAN_MIN_SPEED_FRACTION} (VFD minimum speed).
 *
 * <p><b>Staging</b>: of a group of identical units only as many run as cost the least fan power
 * while taking the load ({@link #stage}): sharing the load over more units lowers the fan power
 * (k·(x/k)³ = x³/k²) until they reach their minimum speed, after which every extra unit only adds
 * its minimum-speed power. Idle units carry no water and no fan power.
 *
 * <p><b>Chillers</b> hold the leaving-water setpoint up to their capacity, with
 * {@code COP = η·T_evap/(T_cond − T_evap)} (Carnot fraction, ref §2g [E]), T_evap = leaving water −
 * {@value ThermalAssumptions#CHILLER_EVAPORATOR_APPROACH_K} K, T_cond = dry bulb +
 * {@value ThermalAssumptions#CHILLER_CONDENSER_APPROACH_K} K, η calibrated so the model gives
 * copAtRating at the AHRI point (35 °C, 6.7 °C). Condenser fans follow the same fan law on
 * load/capacity [E].
 *
 * <p>Dispatch: economisers first (free cooling), chillers take the rest. If the units cannot
 * hold the setpoint, the supply temperature rises until the economisers reject the load
 * (their availability grows with T); with chillers only, the unmet heat is reported.
 */
final class HeatRejectionModel {

    /** {@code count} identical units of one catalog type. */
    record UnitGroup(HeatRejectionType type, int count) {}

    /**
     * @param supplyC facility supply achieved
     * @param availableAtSetpointKw what the units can reject while holding the setpoint
     * @param unmetKw load no unit takes (chillers only, over capacity)
     * @param economiserSlopeKwPerK Σ capacity/approach of the economisers (dQ/dT of their availability)
     * @param economiserAmbientC the W-weighted mean of their ambients
     * @param chillerCapacityKw Σ chiller capacity
     */
    record Outcome(
            double supplyC,
            double availableAtSetpointKw,
            double unmetKw,
            double[] groupLoadKw,
            double[] groupAvailableAtSetpointKw,
            double[] groupFanKw,
            double[] groupCompressorKw,
            double[] groupCop,
            int[] groupRunning,
            double economiserSlopeKwPerK,
            double economiserAmbientC,
            double chillerCapacityKw) {

        double fanKw() {
            double s = 0;
            for (double v : groupFanKw) {
                s += v;
            }
            return s;
        }

        double compressorKw() {
            double s = 0;
            for (double v : groupCompressorKw) {
                s += v;
            }
            return s;
        }
    }

    private HeatRejectionModel() {}

    static boolean economiser(HeatRejectionType t) {
        return t.kind() != HeatRejectionKind.CHILLER;
    }

    static double ambientFor(HeatRejectionType t, double dryBulbC, double wetBulbC) {
        return t.kind() == HeatRejectionKind.COOLING_TOWER ? wetBulbC : dryBulbC;
    }

    /** kW the economiser group rejects per K of leaving water above its ambient. */
    static double slopeKwPerK(HeatRejectionType t) {
        return t.capacityKw() / Math.max(t.approachK(), 0.1);
    }

    static double cop(HeatRejectionType chiller, double leavingWaterC, double dryBulbC) {
        double rated = chiller.copAtRating() == null ? 3.0 : chiller.copAtRating();
        double eta = rated / carnot(AHRI_LEAVING_WATER_C, AHRI_AMBIENT_C);
        return Math.min(CHILLER_MAX_COP, eta * carnot(leavingWaterC, dryBulbC));
    }

    private static double carnot(double leavingWaterC, double dryBulbC) {
        double te = leavingWaterC - CHILLER_EVAPORATOR_APPROACH_K + 273.15;
        double tc = dryBulbC + CHILLER_CONDENSER_APPROACH_K + 273.15;
        return tc <= te ? Double.POSITIVE_INFINITY : te / (tc - te);
    }

    static Outcome evaluate(double loadKw, double setpointC, double dryBulbC, double wetBulbC, List<UnitGroup> groups) {
        int g = groups.size();
        double w = 0;
        double wAmb = 0;
        double chillerCap = 0;
        double[] availSet = new double[g];
        for (int i = 0; i < g; i++) {
            UnitGroup u = groups.get(i);
            if (economiser(u.type())) {
                double wi = slopeKwPerK(u.type()) * u.count();
                double amb = ambientFor(u.type(), dryBulbC, wetBulbC);
                w += wi;
                wAmb += wi * amb;
                availSet[i] = Math.max(0, wi * (setpointC - amb));
            } else {
                availSet[i] = u.type().capacityKw() * u.count();
                chillerCap += availSet[i];
            }
        }
        double availableAtSet = 0;
        for (double v : availSet) {
            availableAtSet += v;
        }
        double supply = setpointC;
        if (availableAtSet < loadKw && w > 0) {
            supply = supplyBalancing(loadKw - chillerCap, setpointC, dryBulbC, wetBulbC, groups);
        }
        double[] availAt = new double[g];
        double econAvail = 0;
        for (int i = 0; i < g; i++) {
            UnitGroup u = groups.get(i);
            if (economiser(u.type())) {
                availAt[i] = Math.max(
                        0, slopeKwPerK(u.type()) * u.count() * (supply - ambientFor(u.type(), dryBulbC, wetBulbC)));
                econAvail += availAt[i];
            }
        }
        double econLoad = Math.min(loadKw, econAvail);
        double rest = loadKw - econLoad;
        double unmet = Math.max(0, rest - chillerCap);
        // Shares always add up to the load: heat a loop cannot reject at its setpoint still passes
        // through its units (at a higher temperature); the shortfall is reported as unmet.
        double[] load = new double[g];
        double[] fan = new double[g];
        double[] comp = new double[g];
        double[] cop = new double[g];
        int[] running = new int[g];
        for (int i = 0; i < g; i++) {
            if (economiser(groups.get(i).type())) {
                load[i] = econAvail > 0 ? econLoad * availAt[i] / econAvail : 0;
            }
        }
        if (chillerCap > 0) {
            for (int i = 0; i < g; i++) {
                if (!economiser(groups.get(i).type())) {
                    load[i] = rest * availSet[i] / chillerCap;
                }
            }
        } else if (rest > 0 && g > 0) {
            for (int i = 0; i < g; i++) {
                load[i] += econAvail > 0 ? rest * availAt[i] / econAvail : rest / g;
            }
        }
        for (int i = 0; i < g; i++) {
            UnitGroup u = groups.get(i);
            HeatRejectionType t = u.type();
            // per-unit availability: economisers at the supply reached, chillers their capacity
            double unitAvail = (economiser(t) ? availAt[i] : availSet[i]) / u.count();
            running[i] = stage(u.count(), load[i], unitAvail);
            fan[i] = fanKw(t, running[i], load[i], unitAvail);
            if (!economiser(t)) {
                cop[i] = cop(t, supply, dryBulbC);
                comp[i] = load[i] / cop[i];
            }
        }
        return new Outcome(
                supply,
                availableAtSet,
                unmet,
                load,
                availSet,
                fan,
                comp,
                cop,
                running,
                w,
                w > 0 ? wAmb / w : 0,
                chillerCap);
    }

    /**
     * How many of {@code count} identical units run to take {@code groupLoadKw}, each able to take
     * {@code unitAvailKw}: the k in [⌈x⌉, count] (x = load/unitAvail, at least 1) with the least fan
     * power k·max(x/k, u_min)³. That is x³/k², falling in k, while x/k ≥ u_min and k·u_min³,
     * rising, beyond: so k is ⌊x/u_min⌋ or ⌈x/u_min⌉, clamped. 0 at no load; all of them when the
     * load exceeds what they can take (they all run flat out).
     */
    static int stage(int count, double groupLoadKw, double unitAvailKw) {
        if (!(groupLoadKw > 0) || count <= 0) {
            return 0;
        }
        if (!(unitAvailKw > 0)) {
            return count;
        }
        double x = groupLoadKw / unitAvailKw;
        if (x >= count) {
            return count;
        }
        int kMin = Math.max(1, (int) Math.ceil(x - 1e-12));
        double ideal = x / HEAT_REJECTION_FAN_MIN_SPEED_FRACTION;
        int best = kMin;
        double bestKw = Double.POSITIVE_INFINITY;
        for (double cand : new double[] {Math.floor(ideal), Math.ceil(ideal)}) {
            int k = (int) Math.max(kMin, Math.min(count, cand));
            double kw = k * cube(Math.max(x / k, HEAT_REJECTION_FAN_MIN_SPEED_FRACTION));
            if (kw < bestKw - 1e-12) {
                best = k;
                bestKw = kw;
            }
        }
        return best;
    }

    private static double cube(double v) {
        return v * v * v;
    }

    /**
     * Fan law with a VFD floor: the {@code running} units share the group's load evenly, each at
     * speed u = max(load/(running·unitAvail), u_min) (at most 1), {@code P = running·fanPowerKw·u³}.
     */
    static double fanKw(HeatRejectionType t, int running, double groupLoadKw, double unitAvailKw) {
        if (!(groupLoadKw > 0) || running <= 0) {
            return 0;
        }
        double util = unitAvailKw > 0 ? Math.min(1, groupLoadKw / (running * unitAvailKw)) : 1;
        return t.fanPowerKw() * running * cube(Math.max(util, HEAT_REJECTION_FAN_MIN_SPEED_FRACTION));
    }

    /**
     * The leaving-water temperature at which the economisers reject {@code economiserLoadKw}:
     * Σ w_i·max(0, T − a_i) = L is piecewise linear in T, so fill from the coldest ambient up:
     * with the k coldest units active, T = (L + Σ w_i·a_i)/Σ w_i, valid if T ≤ the next ambient.
     */
    private static double supplyBalancing(
            double economiserLoadKw, double setpointC, double dryBulbC, double wetBulbC, List<UnitGroup> groups) {
        int m = 0;
        double[] amb = new double[groups.size()];
        double[] w = new double[groups.size()];
        for (UnitGroup u : groups) {
            if (economiser(u.type())) {
                amb[m] = ambientFor(u.type(), dryBulbC, wetBulbC);
                w[m] = slopeKwPerK(u.type()) * u.count();
                m++;
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(amb[x], amb[y]));
        double sw = 0;
        double swa = 0;
        double t = setpointC;
        for (int k = 0; k < m; k++) {
            sw += w[order[k]];
            swa += w[order[k]] * amb[order[k]];
            t = (economiserLoadKw + swa) / sw;
            if (k == m - 1 || t <= amb[order[k + 1]]) {
                break;
            }
        }
        return Math.max(setpointC, t);
    }
}
