package org.aifactory.twin.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.model.io.FacilityLoadException;
import org.aifactory.twin.model.io.FacilityReader;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.serving.DeploymentServing;
import org.aifactory.twin.serving.Efficiency;
import org.aifactory.twin.serving.EmulationResult;
import org.aifactory.twin.serving.KvTier;
import org.aifactory.twin.serving.PlannerPoint;
import org.aifactory.twin.serving.PrefixModel;
import org.aifactory.twin.serving.ServingEmulation;
import org.aifactory.twin.serving.ServingReport;
import org.aifactory.twin.serving.SizingResult;
import org.aifactory.twin.serving.TenantResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "emulate",
        mixinStandardHelpOptions = true,
        description = {
            "Emulate the serving workload of FILE: tokens per second, TTFT and inter-token latency percentiles, "
                    + "goodput, SLOs, and the queue length over time.",
            "With --size: the fewest racks (and MW) that serve each deployment's traffic at its SLOs.",
            "Exit 0: SLOs met (with --size: every deployment could be sized); 1: an SLO is missed, a deployment is "
                    + "overloaded or cannot be sized; 2: the file cannot be read or is invalid."
        })
final class EmulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "facility file (.json)")
    Path file;

    @Option(names = "--json", description = "print one JSON object: {file, findings, serving}")
    boolean json;

    @Option(
            names = "--requests",
            defaultValue = "100000",
            description = "requests per deployment (default ${DEFAULT-VALUE})")
    int requests;

    @Option(
            names = "--workers",
            defaultValue = "64",
            description = "most workers emulated per pool (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--size",
            description = "size every deployment: the fewest replicas, racks and MW meeting its traffic at its "
                    + "SLOs (bisection over replicas with the emulator)")
    boolean size;

    @Option(
            names = "--size-requests",
            defaultValue = "20000",
            description = "requests per sizing trial (default ${DEFAULT-VALUE})")
    int sizeRequests;

    @Option(
            names = "--size-workers",
            defaultValue = "16",
            description = "most workers emulated per pool in a sizing trial " + "(default ${DEFAULT-VALUE})")
    int sizeWorkers;

    @Option(
            names = "--prefix-sessions",
            defaultValue = "0",
            description = "synthetic shared prefixes: number of sessions, Zipf "
                    + "popularity (default ${DEFAULT-VALUE}: no sharing; the file format has no prefix field yet)")
    int prefixSessions;

    @Option(
            names = "--prefix-zipf",
            defaultValue = "1.0",
            description = "Zipf exponent of session popularity (default " + "${DEFAULT-VALUE})")
    double prefixZipf;

    @Option(
            names = "--prefix-tokens",
            defaultValue = "2048",
            description = "shared-prefix tokens of a session (default " + "${DEFAULT-VALUE})")
    int prefixTokens;

    @Option(
            names = "--kv-offload",
            description = "offload KV blocks evicted from HBM to CPU memory (NVLink-C2C), local NVMe "
                    + "and networked storage, as Dynamo's KV Block Manager does (docs/serving.md)")
    boolean kvOffload;

    @Option(
            names = "--planner",
            description =
                    "run an SLA planner on every deployment (Dynamo-style: forecast, correction "
                            + "factors, start-up delay); deployments with 'autoscaling' in the file always get one (docs/serving.md §9)")
    boolean planner;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Facility facility;
        try {
            facility = FacilityReader.withBuiltInCatalog().read(file);
        } catch (FacilityLoadException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(
                    Locale.ROOT,
                    "%s is invalid: %d problem%s%n",
                    file,
                    e.problems().size(),
                    e.problems().size() == 1 ? "" : "s");
            e.problems().forEach(err::println);
            err.flush();
            return TwinCommand.EXIT_INVALID;
        }
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), facility.catalog());
        PrefixModel prefixes =
                prefixSessions > 0 ? new PrefixModel(prefixSessions, prefixZipf, prefixTokens) : PrefixModel.NONE;
        if (size) {
            return size(facility, catalog, prefixes, out);
        }
        long t0 = System.nanoTime();
        ServingEmulation.Outcome o = new ServingEmulation()
                .run(
                        facility,
                        catalog,
                        new ServingEmulation.Options(
                                        workers, requests, seed, true, Efficiency.DEFAULT, prefixes, tiers())
                                .withAutoscaleAll(planner));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (json) {
            try {
                out.println(TwinJson.prettyWriter()
                        .writeValueAsString(new EmulationReport(file.toString(), o.findings(), o.report())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            printText(o, ms, out);
        }
        out.flush();
        boolean violations = o.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return violations ? TwinCommand.EXIT_VIOLATIONS : TwinCommand.EXIT_OK;
    }

    private int size(Facility facility, CatalogIndex catalog, PrefixModel prefixes, PrintWriter out) {
        long t0 = System.nanoTime();
        ServingEmulation.SizingOutcome o = new ServingEmulation()
                .size(
                        facility,
                        catalog,
                        new ServingEmulation.Options(
                                sizeWorkers, sizeRequests, seed, false, Efficiency.DEFAULT, prefixes, tiers()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (json) {
            try {
                out.println(TwinJson.prettyWriter()
                        .writeValueAsString(new SizingReport(file.toString(), o.findings(), o.sizes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.printf(Locale.ROOT, "%s: sized in %,d ms%n", file, ms);
            for (SizingResult r : o.sizes()) {
                if (!r.feasible()) {
                    out.printf(Locale.ROOT, "  %s: cannot be sized: %s%n", r.id(), r.reason());
                    continue;
                }
                TrafficProfile t = facility.workload().traffic().stream()
                        .filter(p -> p.deployment().equals(r.id()))
                        .findFirst()
                        .orElseThrow();
                Deployment d = facility.workload().deployments().stream()
                        .filter(p -> p.id().equals(r.id()))
                        .findFirst()
                        .orElseThrow();
                out.printf(
                        Locale.ROOT,
                        "  %s: %,.0f req/s of %s %s (%,.0f in / %,.0f out tokens mean) at TTFT p%s <= %.0f ms and "
                                + "inter-token p%s <= %.0f ms needs %d rack%s of %s, %.2f MW IT%n",
                        r.id(),
                        t.arrival().rateRps(),
                        d.model(),
                        d.precision().name().toLowerCase(Locale.ROOT),
                        t.inputTokens().mean(),
                        t.outputTokens().mean(),
                        pct(r.ttftPercentile()),
                        r.ttftSloMs(),
                        pct(r.itlPercentile()),
                        r.itlSloMs(),
                        r.racks(),
                        r.racks() == 1 ? "" : "s",
                        r.rackType(),
                        r.itPowerMw());
                String replicas = r.decodeReplicas() > 0
                        ? String.format(
                                Locale.ROOT, "%d prefill + %d decode replicas", r.prefillReplicas(), r.decodeReplicas())
                        : String.format(Locale.ROOT, "%d replicas", r.prefillReplicas());
                out.printf(
                        Locale.ROOT,
                        "    %s, %,d GPUs (%s), %,.0f kW; %,.0f tok/s; TTFT p50/p99 %.0f / %.0f ms, "
                                + "ITL p50/p99 %.1f / %.1f ms; KV hit %.0f %%; %d emulations%n",
                        replicas,
                        r.gpus(),
                        r.gpu(),
                        r.itPowerKw(),
                        r.tokensPerSecond(),
                        r.ttftP50Ms(),
                        r.ttftP99Ms(),
                        r.itlP50Ms(),
                        r.itlP99Ms(),
                        r.kvHitRate() * 100,
                        r.emulations());
                out.printf(
                        Locale.ROOT,
                        "    the file deploys %d GPUs on %d racks%n",
                        d.gpus(),
                        d.racks().size());
            }
            FindingLines.print(out, o.findings());
        }
        out.flush();
        boolean violations = o.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return violations ? TwinCommand.EXIT_VIOLATIONS : TwinCommand.EXIT_OK;
    }

    private List<KvTier> tiers() {
        return kvOffload ? KvTier.blockManagerDefaults() : List.of();
    }

    private static String pct(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    /** {@code emulate --size --json}: the file, the findings and one sizing answer per deployment. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SizingReport(String file, List<Finding> findings, List<SizingResult> sizes) {}

    /** {@code emulate --json}: the file, the findings and the serving report with its time series. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EmulationReport(String file, List<Finding> findings, ServingReport serving) {}

    private void printText(ServingEmulation.Outcome o, long ms, PrintWriter out) {
        ServingReport r = o.report();
        out.printf(Locale.ROOT, "%s: serving emulated in %,d ms%n", file, ms);
        out.printf(
                Locale.ROOT,
                "  facility: %,.0f tok/s (%,.0f in, %,.0f out) on %,d GPUs = %,.0f tok/s per GPU; goodput %,.1f req/s; "
                        + "SLOs %s%n",
                r.tokensPerSecond(),
                r.inputTokensPerSecond(),
                r.outputTokensPerSecond(),
                r.gpus(),
                r.tokensPerSecondPerGpu(),
                r.goodputRps(),
                r.sloMet() ? "met" : "MISSED");
        for (DeploymentServing d : r.deployments()) {
            out.printf(
                    Locale.ROOT,
                    "  %s: %s %s on %s, %s, %d replicas, %,d GPUs; offered %,.1f req/s%n",
                    d.id(),
                    d.model(),
                    d.precision(),
                    d.gpu(),
                    d.mode(),
                    d.replicas(),
                    d.gpus(),
                    d.offeredRps());
            out.printf(
                    Locale.ROOT,
                    "    %,.0f tok/s (%,.0f per GPU, %,.0f per rack); GPU busy %.0f %%, MFU %.1f %%%n",
                    d.tokensPerSecond(),
                    d.tokensPerSecondPerGpu(),
                    d.tokensPerSecondPerRack(),
                    d.gpuBusyFraction() * 100,
                    d.modelFlopsUtilization() * 100);
            out.printf(
                    Locale.ROOT,
                    "    TTFT p50/p90/p99 %.0f / %.0f / %.0f ms; ITL %.1f / %.1f / %.1f ms; end-to-end %.0f / %.0f / %.0f ms%n",
                    d.ttftP50Ms(),
                    d.ttftP90Ms(),
                    d.ttftP99Ms(),
                    d.itlP50Ms(),
                    d.itlP90Ms(),
                    d.itlP99Ms(),
                    d.e2eP50Ms(),
                    d.e2eP90Ms(),
                    d.e2eP99Ms());
            out.printf(
                    Locale.ROOT,
                    "    KV hit rate %.1f %% of prompt tokens (%.1f %% loaded from offload tiers)%n",
                    d.kvHitRate() * 100,
                    d.kvOffloadHitRate() * 100);
            out.printf(
                    Locale.ROOT,
                    "    goodput %,.1f req/s; KV %,d tokens per replica; weights %.1f GB per GPU; preemptions %,d; "
                            + "%d workers emulated, %,d requests, %.0f s simulated%n",
                    d.goodputRps(),
                    d.kvCapacityTokensPerReplica(),
                    d.weightsGbPerGpu(),
                    d.preemptions(),
                    d.emulatedWorkers(),
                    d.emulatedRequests(),
                    d.simulatedS());
            out.printf(
                    Locale.ROOT,
                    "    IT power %,.0f kW: %.2f tokens per joule, energy $%.3f per million tokens%s%s%n",
                    d.itPowerKw(),
                    d.tokensPerJoule(),
                    d.energyCostUsdPerMillionTokens(),
                    d.powerLimitedReplicas() > 0
                            ? String.format(
                                    Locale.ROOT,
                                    "; %d replicas power-limited (mean %.0f %% of nominal power)",
                                    d.powerLimitedReplicas(),
                                    d.meanGpuPowerFraction() * 100)
                            : "",
                    d.confidentialComputing() ? "; confidential computing" : "");
            if (d.autoscaled()) {
                out.printf(
                        Locale.ROOT,
                        "    planner: %,.1f GPU-hours held of %,.1f static (%,.1f saved); peak %d replicas%n",
                        d.gpuHours(),
                        d.staticGpuHours(),
                        d.gpuHoursSaved(),
                        d.peakReplicas());
                StringBuilder w = new StringBuilder("    replicas over time (serving/target):");
                int every = Math.max(1, d.planner().size() / 12);
                for (int i = 0; i < d.planner().size(); i += every) {
                    PlannerPoint p = d.planner().get(i);
                    w.append(String.format(
                            Locale.ROOT,
                            " %.0fs:%d/%d",
                            p.timeS(),
                            p.frontWorkers() + p.backWorkers(),
                            p.frontTarget() + p.backTarget()));
                }
                out.println(w);
            }
            for (TenantResult t : d.tenants()) {
                out.printf(
                        Locale.ROOT,
                        "    tenant %s (%s): %,d requests, %,d provisioned, %,d spilled; SLO attainment %s; TTFT p50/p99 "
                                + "%.0f / %.0f ms%n",
                        t.id(),
                        t.tier(),
                        t.requests(),
                        t.provisionedRequests(),
                        t.spilledRequests(),
                        t.sloAttainment() == null
                                ? "-"
                                : String.format(Locale.ROOT, "%.1f %%", t.sloAttainment() * 100),
                        t.ttftP50Ms(),
                        t.ttftP99Ms());
            }
            StringBuilder q = new StringBuilder("    queue (waiting) over time:");
            List<EmulationResult.QueuePoint> pts = d.queue();
            int step = Math.max(1, pts.size() / 10);
            for (int i = 0; i < pts.size(); i += step) {
                q.append(String.format(
                        Locale.ROOT, " %.0fs:%d", pts.get(i).timeS(), pts.get(i).waiting()));
            }
            out.println(q);
        }
        FindingLines.print(out, o.findings());
    }
}
