package org.aifactory.twin.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aifactory.twin.model.Fabric;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.catalog.CatalogIndex;

/**
 * The {@code network} analysis: every fabric completed the way NVIDIA's reference designs build
 * one, its cables planned from the layout, its throughput and failure impact measured
 * ({@link FabricSolver}). Rules and sources: {@code docs/network.md}.
 *
 * <p>Findings (stable codes): {@code NETWORK_PORTS_EXHAUSTED}, {@code NETWORK_LINK_TOO_LONG},
 * {@code NETWORK_OVERSUBSCRIBED}, {@code NETWORK_RACK_UNREACHABLE}, {@code NETWORK_BISECTION_SHORT}
 * (errors); {@code NETWORK_RACKS_NEEDED}, {@code NETWORK_NO_FLOOR_SPACE}, {@code NETWORK_RACK_OVERFULL}, {@code NETWORK_SWITCH_UNPLACED},
 * {@code NETWORK_TIERS_RAISED}, {@code NETWORK_TIERS_UNSUPPORTED} (warnings); {@code NETWORK_SCALE_EXCEEDED}, {@code
 * NETWORK_UNKNOWN_SWITCH_TYPE}, {@code NETWORK_LINK_UNKNOWN_END} (errors). At most {@value
 * #MAX_FINDINGS_PER_CODE} per code per fabric, then one that counts the rest.
 */
public final class NetworkAnalysis implements FacilityAnalysis {

    /** The most findings listed per code and fabric. */
    public static final int MAX_FINDINGS_PER_CODE = 20;

    private final FabricSolver solver;
    private final NetworkAssumptions assumptions;

    public NetworkAnalysis() {
        this(NetworkAssumptions.DEFAULT);
    }

    public NetworkAnalysis(NetworkAssumptions assumptions) {
        this.solver = new FabricSolver(assumptions);
        this.assumptions = assumptions;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public AnalysisResult analyze(Facility facility, CatalogIndex catalog, AnalysisContext context) {
        Outcome outcome = solveAll(facility, catalog);
        return new AnalysisResult(outcome.findings(), outcome.report());
    }

    /** The report and findings of every fabric of {@code facility}. */
    public Outcome solveAll(Facility facility, CatalogIndex catalog) {
        SiteGeometry site = SiteGeometry.of(facility, catalog);
        FloorPlanner floor = FloorPlanner.of(facility, catalog, assumptions);
        List<NetworkReport.FabricSummary> fabrics = new ArrayList<>();
        List<NetworkReport.FailureCase> failures = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Map<Double, Long>> bom = new TreeMap<>();
        double opticsW = 0;
        Map<String, long[]> modules = new TreeMap<>();
        Map<String, double[]> switchBom = new TreeMap<>();
        Map<String, Double> modulesKw = new TreeMap<>();
        for (Fabric fabric : facility.network().fabrics()) {
            var solved = solver.solve(fabric, site, catalog, facility.workload(), floor);
            if (solved.isEmpty()) {
                continue;
            }
            var s = solved.get();
            fabrics.add(s.summary());
            for (NetworkReport.SwitchLine l : s.summary().switchBom()) {
                double[] acc = switchBom.computeIfAbsent(l.type(), k -> new double[2]);
                acc[0] += l.count();
                acc[1] += l.powerKw();
            }
            failures.addAll(s.failures());
            findings.addAll(s.findings());
            opticsW += s.cables().powerW();
            for (NetworkReport.TransceiverLine t : s.cables().transceiverLines()) {
                modules.computeIfAbsent(t.type() + "|" + t.end(), k -> new long[1])[0] += t.count();
                modulesKw.merge(t.type() + "|" + t.end(), t.powerKw(), Double::sum);
            }
            for (NetworkReport.CableLine line : s.cables().lines()) {
                bom.computeIfAbsent(line.type(), k -> new TreeMap<>()).merge(line.lengthM(), line.count(), Long::sum);
            }
        }
        List<NetworkReport.CableLine> lines = new ArrayList<>();
        bom.forEach(
                (type, byLength) -> byLength.forEach((len, n) -> lines.add(new NetworkReport.CableLine(type, len, n))));
        List<NetworkReport.TransceiverLine> transceivers = new ArrayList<>();
        modules.forEach((k, n) -> {
            int bar = k.indexOf('|');
            transceivers.add(new NetworkReport.TransceiverLine(
                    k.substring(0, bar), k.substring(bar + 1), n[0], modulesKw.get(k)));
        });
        List<NetworkReport.SwitchLine> switches = new ArrayList<>();
        switchBom.forEach((type, v) -> switches.add(new NetworkReport.SwitchLine(type, (long) v[0], v[1])));
        return new Outcome(
                new NetworkReport(fabrics, lines, opticsW / 1000, failures, transceivers, switches),
                List.copyOf(findings));
    }

    /** The report and findings. */
    public record Outcome(NetworkReport report, List<Finding> findings) {}
}
