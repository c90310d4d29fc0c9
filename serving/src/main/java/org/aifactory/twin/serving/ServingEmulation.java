package org.aifactory.twin.serving;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aifactory.twin.model.ArrivalKind;
import org.aifactory.twin.model.Autoscaling;
import org.aifactory.twin.model.AutoscalingPredictor;
import org.aifactory.twin.model.Deployment;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.MigProfile;
import org.aifactory.twin.model.PoolRole;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.ServingMode;
import org.aifactory.twin.model.Slo;
import org.aifactory.twin.model.Tenant;
import org.aifactory.twin.model.TrafficProfile;
import org.aifactory.twin.model.WorkerPool;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.GpuType;
import org.aifactory.twin.model.catalog.LlmType;
import org.aifactory.twin.model.catalog.RackType;

/**
 * Emulates every deployment of a facility under its traffic and scores it against its SLO.
 * Replicas of a pool are identical and the routers spread load evenly, so at most
 * {@link Options#maxEmulatedWorkers()} workers are emulated with the offered rate scaled to them,
 * and their throughput is scaled back to all replicas. Stateless.
 */
public final class ServingEmulation {
    /**
     * Share of a GPU's scale-out NIC bandwidth a KV transfer reaches [E] (RDMA over InfiniBand
     * typically delivers 80-90 % of line rate).
     */
    static final double KV_TRANSFER_EFFICIENCY = 0.8;

    /** Offered load of the report's {@code loadSweep}, as fractions of the file's traffic. */
    public static final double[] SWEEP_FRACTIONS = {0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
    /** Workers each sweep point emulates per pool [E] (the main run: up to 16). */
    public static final int SWEEP_WORKERS = 4;
    /** The most workers a sweep emulates in its larger pool, to keep a disaggregated split's ratio [E: cost bound]. */
    public static final int SWEEP_MAX_WORKERS = 16;
    /**
     * Simulated arrival time of each sweep point [E]: a point at fraction f of an emulated rate λ
     * runs f·λ·{@value} requests (within {@link #SWEEP_MIN_REQUESTS}..{@link #SWEEP_MAX_REQUESTS}),
     * so the points cover the same minute, several end-to-end latencies of a 512-token answer.
     */
    public static final double SWEEP_SECONDS = 60;
    /** Fewest requests of a sweep point [E]: a p99 needs some hundreds. */
    public static final int SWEEP_MIN_REQUESTS = 500;
    /** Most requests of a sweep point [E]: bounds the sweep at 7 × 4,000 requests per deployment (the main run: 20,000). */
    public static final int SWEEP_MAX_REQUESTS = 4_000;
    /** Most deployments swept [E]: beyond, the sweep is skipped (and the report says so) to keep validate quick. */
    public static final int SWEEP_MAX_DEPLOYMENTS = 32;

    /**
     * @param maxEmulatedWorkers most workers emulated per pool
     * @param requests requests emulated per deployment
     * @param seed random seed (runs are deterministic for a seed)
     * @param keepQueue whether to keep the queue-length time series
     * @param prefixes shared-prefix model of the traffic ({@link PrefixModel#NONE}: no sharing)
     * @param kvTiers KV offload tiers below HBM, fastest first (empty: HBM only)
     * @param autoscaleAll run an SLA planner on every deployment, with Dynamo's defaults where the
     *     file gives no {@code autoscaling} (deployments with one are always autoscaled)
     */
    public record Options(
            int maxEmulatedWorkers,
            int requests,
            long seed,
            boolean keepQueue,
            Efficiency efficiency,
            PrefixModel prefixes,
            List<KvTier> kvTiers,
            boolean autoscaleAll) {
        /** What {@code validate} runs: 16 workers, 20,000 requests per deployment, seed 1, no prefix sharing. */
        public static final Options VALIDATE = new Options(16, 20_000, 1, false, Efficiency.DEFAULT, PrefixModel.NONE);

        public Options {
            if (maxEmulatedWorkers < 1 || requests < 1) {
                throw new IllegalArgumentException("maxEmulatedWorkers (" + maxEmulatedWorkers + ") and requests ("
                        + requests + ") must be positive");
            }
            if (efficiency == null || prefixes == null) {
                throw new IllegalArgumentException(
                        "efficiency (" + efficiency + ") and prefixes (" + prefixes + ") are required");
            }
            kvTiers = kvTiers == null ? List.of() : List.copyOf(kvTiers);
        }

        public Options(
                int maxEmulatedWorkers,
                int requests,
                long seed,
                boolean keepQueue,
                Efficiency efficiency,
                PrefixModel prefixes,
                List<KvTier> kvTiers) {
            this(maxEmulatedWorkers, requests, seed, keepQueue, efficiency, prefixes, kvTiers, false);
        }

        public Options withAutoscaleAll(boolean on) {
            return new Options(maxEmulatedWorkers, requests, seed, keepQueue, efficiency, prefixes, kvTiers, on);
        }

        public Options(
                int maxEmulatedWorkers,
                int requests,
                long seed,
                boolean keepQueue,
                Efficiency efficiency,
                PrefixModel prefixes) {
            this(maxEmulatedWorkers, requests, seed, keepQueue, efficiency, prefixes, List.of());
        }

        public Options(int maxEmulatedWorkers, int requests, long seed, boolean keepQueue, Efficiency efficiency) {
            this(maxEmulatedWorkers, requests, seed, keepQueue, efficiency, PrefixModel.NONE);
        }
    }

    /**
     * The request source of a traffic profile, its rate scaled by {@code rateScale}, with the
     * options' prefixes, or else the profile's {@code prefixSharing}.
     */
    static RequestSource source(TrafficProfile t, double rateScale, Options o) {
        RequestSource base =
                t.arrival().kind() == ArrivalKind.TRACE && t.arrival().traceFile() != null
                        ? RequestSource.trace(Path.of(t.arrival().traceFile()), rateScale)
                        : RequestSource.synthetic(t.arrival(), t.inputTokens(), t.outputTokens(), rateScale, o.seed());
        PrefixModel prefixes = o.prefixes();
        if (!prefixes.enabled() && t.prefixSharing() != null) {
            prefixes = new PrefixModel(
                    t.prefixSharing().sessions(),
                    t.prefixSharing().zipfExponent(),
                    t.prefixSharing().sharedPrefixTokens());
        }
        return RequestSource.withPrefixes(base, prefixes, o.seed());
    }

    /** Bandwidth of one prefill-to-decode KV transfer: the NICs of the GPUs both replicas share, B/s. */
    static double kvTransferBytesPerS(RackType rack, ExecutionModel prefill, ExecutionModel decode) {
        double perGpuBytesPerS = rack.nics() * rack.nicSpeedGbps() * 1e9 / 8 / Math.max(1, rack.gpus());
        int lanes = Math.min(prefill.gpusPerReplica(), decode.gpusPerReplica());
        return perGpuBytesPerS * lanes * KV_TRANSFER_EFFICIENCY;
    }

    /** Findings and the report. */
    public record Outcome(List<Finding> findings, ServingReport report) {}

    public Outcome run(Facility facility, CatalogIndex catalog, Options options) {
        return run(facility, catalog, options, Map.of());
    }

    /**
     * As {@link #run(Facility, CatalogIndex, Options)} with the racks whose GPUs may draw only a
     * fraction of their nominal power (rack id to fraction, the tightest of the power and thermal
     * analyses' limits): replicas on them run slower by {@link PowerThrottle}.
     */
    public Outcome run(
            Facility facility, CatalogIndex catalog, Options options, Map<String, Double> rackPowerFraction) {
        return run(facility, catalog, options, rackPowerFraction, false);
    }

    /**
     * As {@link #run(Facility, CatalogIndex, Options, Map)}; with {@code sweep} the report also
     * gets a {@code loadSweep}: each deployment emulated again at {@link #SWEEP_FRACTIONS} of its
     * traffic ({@link #SWEEP_WORKERS} workers, {@link #SWEEP_SECONDS} s of arrivals each, same seed,
     * static pools: no planner), unless
     * the facility has more than {@link #SWEEP_MAX_DEPLOYMENTS} deployments.
     */
    public Outcome run(
            Facility facility,
            CatalogIndex catalog,
            Options options,
            Map<String, Double> rackPowerFraction,
            boolean sweep) {
        List<Finding> findings = new ArrayList<>();
        List<DeploymentServing> results = new ArrayList<>();
        Map<String, Rack> racks = new HashMap<>();
        facility.racks().forEach(r -> racks.put(r.id(), r));
        int deployments = facility.workload().deployments().size();
        String sweepSkipped = !sweep
                ? null
                : deployments > SWEEP_MAX_DEPLOYMENTS
                        ? String.format(
                                Locale.ROOT,
                                "%d deployments: more than the %d a load sweep emulates",
                                deployments,
                                SWEEP_MAX_DEPLOYMENTS)
                        : null;
        List<LoadPoint[]> sweeps = sweep && sweepSkipped == null ? new ArrayList<>() : null;
        for (Deployment d : facility.workload().deployments()) {
            deployment(facility, catalog, options, d, racks, findings, rackPowerFraction, sweeps)
                    .ifPresent(results::add);
        }
        List<LoadPoint> loadSweep = new ArrayList<>();
        if (sweeps != null && !sweeps.isEmpty()) {
            for (int i = 0; i < SWEEP_FRACTIONS.length; i++) {
                LoadPoint sum = null;
                for (LoadPoint[] pts : sweeps) {
                    sum = sum == null ? pts[i] : sum.plus(pts[i]);
                }
                loadSweep.add(sum);
            }
        }
        long limitedRacks = rackPowerFraction.entrySet().stream()
                .filter(e -> racks.containsKey(e.getKey()) && e.getValue() < 1)
                .count();
        String method = String.format(
                Locale.ROOT,
                "discrete-event emulation, iteration-level: up to %d workers per pool and %,d "
                        + "requests per deployment (first %.0f %% as warm-up), seed %d; throughput scaled from emulated workers to all "
                        + "replicas; execution model: per-layer roofline calibrated on MLPerf Llama-2-70B (docs/serving.md)%s; energy: IT "
                        + "power of the racks' GPU share at catalog typical power (no facility overhead)",
                options.maxEmulatedWorkers(),
                options.requests(),
                EmulationSpec.DEFAULT_WARMUP_FRACTION * 100,
                options.seed(),
                limitedRacks == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; %d racks power- or thermally limited "
                                        + "(throughput-against-power curve, docs/serving.md §10)",
                                limitedRacks));
        return new Outcome(findings, ServingReport.of(results, method, loadSweep, sweepSkipped));
    }

    /** Findings (deployments that cannot be sized) and one sizing answer per deployment with traffic and an SLO. */
    public record SizingOutcome(List<Finding> findings, List<SizingResult> sizes) {
        public SizingOutcome {
            findings = List.copyOf(findings);
            sizes = List.copyOf(sizes);
        }
    }

    /**
     * Sizes every deployment against its traffic and SLO ({@link Sizing}): its model, precision,
     * parallelism and router, on racks of the type of its first rack.
     */
    public SizingOutcome size(Facility facility, CatalogIndex catalog, Options options) {
        List<Finding> findings = new ArrayList<>();
        List<SizingResult> sizes = new ArrayList<>();
        Map<String, Rack> racks = new HashMap<>();
        facility.racks().forEach(r -> racks.put(r.id(), r));
        for (Deployment d : facility.workload().deployments()) {
            Optional<LlmType> llm = catalog.model(d.model());
            Optional<TrafficProfile> traffic = facility.workload().traffic().stream()
                    .filter(t -> t.deployment().equals(d.id()))
                    .findFirst();
            Optional<Slo> slo = facility.workload().slos().stream()
                    .filter(s -> s.deployment().equals(d.id()))
                    .findFirst();
            RackType rt = d.racks().stream()
                    .map(racks::get)
                    .filter(r -> r != null)
                    .map(r -> catalog.rack(r.type()).orElse(null))
                    .filter(t -> t != null && t.gpu() != null && t.gpus() > 0)
                    .findFirst()
                    .orElse(null);
            GpuType gpu = rt == null ? null : catalog.gpu(rt.gpu()).orElse(null);
            WorkerPool front = pool(d, d.mode() == ServingMode.AGGREGATED ? PoolRole.AGGREGATED : PoolRole.PREFILL);
            WorkerPool back = d.mode() == ServingMode.DISAGGREGATED ? pool(d, PoolRole.DECODE) : null;
            String missing = llm.isEmpty()
                    ? "model '" + d.model() + "' is not in the catalog"
                    : gpu == null
                            ? "no GPU rack type among its racks"
                            : front == null || (d.mode() == ServingMode.DISAGGREGATED && back == null)
                                    ? "the pools its mode needs"
                                    : traffic.isEmpty() ? "no traffic profile" : slo.isEmpty() ? "no SLO" : null;
            if (missing != null) {
                findings.add(new Finding(
                        Severity.INFO,
                        "SERVING_NOT_SIZED",
                        d.id(),
                        "deployment " + d.id() + " cannot be sized: " + missing
                                + ". Sizing needs a model, a GPU rack, traffic and an SLO"));
                continue;
            }
            SizingResult r = Sizing.size(new SizingRequest(
                    d.id(),
                    llm.get(),
                    d.precision(),
                    rt,
                    gpu,
                    front.parallelism(),
                    back == null ? null : back.parallelism(),
                    d.router(),
                    traffic.get(),
                    slo.get(),
                    options));
            if (!r.feasible()) {
                findings.add(new Finding(Severity.ERROR, "SERVING_SIZING_INFEASIBLE", d.id(), r.reason()));
            }
            sizes.add(r);
        }
        return new SizingOutcome(findings, sizes);
    }

    private Optional<DeploymentServing> deployment(
            Facility f,
            CatalogIndex catalog,
            Options o,
            Deployment d,
            Map<String, Rack> racks,
            List<Finding> findings,
            Map<String, Double> rackPowerFraction,
            List<LoadPoint[]> sweeps) {
        Optional<LlmType> llm = catalog.model(d.model());
        if (llm.isEmpty()) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_UNKNOWN_MODEL",
                    d.id(),
                    "model '" + d.model() + "' is not in the catalog"));
            return Optional.empty();
        }
        GpuType gpu = null;
        int rackGpus = 0;
        for (String id : d.racks()) {
            Rack r = racks.get(id);
            RackType rt = r == null ? null : catalog.rack(r.type()).orElse(null);
            GpuType g = rt == null ? null : catalog.gpu(rt.gpu()).orElse(null);
            if (g != null) {
                if (gpu != null && !gpu.id().equals(g.id())) {
                    findings.add(new Finding(
                            Severity.WARNING,
                            "SERVING_MIXED_GPUS",
                            d.id(),
                            "racks of deployment " + d.id() + " hold " + gpu.id() + " and " + g.id() + "; emulated as "
                                    + gpu.id()));
                } else {
                    gpu = g;
                }
                rackGpus += rt.gpus();
            }
        }
        if (gpu == null) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_NO_GPUS",
                    d.id(),
                    "deployment " + d.id() + " names no GPU rack; give it racks of a GPU rack type"));
            return Optional.empty();
        }
        RackType anyRack = catalog.rack(racks.get(d.racks().get(0)).type()).orElseThrow();
        int gpusPerRack = Math.max(1, anyRack.gpus());
        GpuType wholeGpu = gpu;
        int deploymentGpus = 0;
        for (WorkerPool p : d.pools()) {
            deploymentGpus += poolGpus(p, wholeGpu);
        }
        if (deploymentGpus > rackGpus) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_NOT_ENOUGH_GPUS",
                    d.id(),
                    String.format(
                            Locale.ROOT,
                            "deployment %s needs %d GPUs but its %d racks hold %d. Maybe add racks or lower replicas",
                            d.id(),
                            deploymentGpus,
                            d.racks().size(),
                            rackGpus)));
        }
        WorkerPool front = pool(d, d.mode() == ServingMode.AGGREGATED ? PoolRole.AGGREGATED : PoolRole.PREFILL);
        WorkerPool back = d.mode() == ServingMode.DISAGGREGATED ? pool(d, PoolRole.DECODE) : null;
        if (front == null || (d.mode() == ServingMode.DISAGGREGATED && back == null)) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_POOLS_MISSING",
                    d.id(),
                    "deployment " + d.id() + " lacks the pools its " + "mode needs"));
            return Optional.empty();
        }
        for (WorkerPool p : d.pools()) {
            int perReplica = p.parallelism().tensor() * p.parallelism().pipeline();
            if (p.parallelism().tensor() > gpusPerRack) {
                findings.add(new Finding(
                        Severity.ERROR,
                        "SERVING_TP_SPANS_NVLINK_DOMAINS",
                        d.id(),
                        String.format(
                                Locale.ROOT,
                                "tensor parallelism %d of the %s pool exceeds the %d GPUs of one NVLink domain (rack %s)",
                                p.parallelism().tensor(),
                                p.role().name().toLowerCase(Locale.ROOT),
                                gpusPerRack,
                                anyRack.id())));
            } else if (perReplica > gpusPerRack) {
                findings.add(new Finding(
                        Severity.INFO,
                        "SERVING_PIPELINE_OVER_FABRIC",
                        d.id(),
                        "a replica of " + perReplica
                                + " GPUs spans racks: pipeline stages talk over the scale-out fabric"));
            }
        }
        Efficiency eff = o.efficiency();
        ExecutionModel.Derate cc =
                d.confidential() ? ConfidentialComputing.derate(wholeGpu) : ExecutionModel.Derate.NONE;
        ExecutionModel fm =
                new ExecutionModel(llm.get(), slice(wholeGpu, front), d.precision(), front.parallelism(), eff, cc);
        ExecutionModel bm = back == null
                ? null
                : new ExecutionModel(llm.get(), slice(wholeGpu, back), d.precision(), back.parallelism(), eff, cc);
        Optional<TrafficProfile> traffic = f.workload().traffic().stream()
                .filter(t -> t.deployment().equals(d.id()))
                .findFirst();
        Optional<Slo> slo = f.workload().slos().stream()
                .filter(s -> s.deployment().equals(d.id()))
                .findFirst();
        int budget = EmulationSpec.DEFAULT_TOKEN_BUDGET;
        ExecutionModel kvModel = bm == null ? fm : bm;
        if (!fits(d, fm, budget, findings) || (bm != null && !fits(d, bm, budget, findings))) {
            return Optional.empty();
        }
        if (traffic.isEmpty()) {
            findings.add(new Finding(
                    Severity.INFO,
                    "SERVING_NO_TRAFFIC",
                    d.id(),
                    "deployment " + d.id() + " has no traffic profile: nothing to emulate"));
            return Optional.empty();
        }
        TrafficProfile t = traffic.get();
        long longest = (long) (maxTokens(t.inputTokens()) + maxTokens(t.outputTokens()));
        if (kvModel.kvCapacityTokens(budget) < longest) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_MODEL_DOES_NOT_FIT",
                    d.id(),
                    String.format(
                            Locale.ROOT,
                            "a replica's KV cache holds %,d tokens, less than one longest request (%,d). Maybe raise tensor parallelism",
                            kvModel.kvCapacityTokens(budget),
                            longest)));
            return Optional.empty();
        }
        int frontWorkers = front.replicas() * Math.max(1, front.parallelism().data());
        int backWorkers = back == null
                ? 0
                : back.replicas() * Math.max(1, back.parallelism().data());
        int totalWorkers = frontWorkers + backWorkers;
        double scale = Math.min(1.0, o.maxEmulatedWorkers() / (double) Math.max(frontWorkers, backWorkers));
        int emuFront = Math.max(1, (int) Math.round(frontWorkers * scale));
        int emuBack = back == null ? 0 : Math.max(1, (int) Math.round(backWorkers * scale));
        double rateScale = emuFront / (double) frontWorkers;
        double upscale = 1 / rateScale;
        RequestSource source = source(t, rateScale, o);
        EmulationSpec spec = EmulationSpec.aggregated(fm, emuFront, d.router(), o.requests());
        if (bm != null) {
            spec = spec.withDisaggregation(bm, emuBack, kvTransferBytesPerS(anyRack, fm, bm));
        }
        if (slo.isPresent()) {
            Slo s = slo.get();
            spec = spec.withSlo(s.ttftMs(), s.ttftPercentile(), s.itlMs(), s.itlPercentile());
        }
        // replicas on power- or thermally limited racks: each emulated worker stands for an evenly spaced replica
        double[] frontPower = replicaPowerFractions(d, front, 0, racks, catalog, rackPowerFraction, wholeGpu);
        double[] backPower = back == null
                ? new double[0]
                : replicaPowerFractions(
                        d, back, poolGpus(front, wholeGpu), racks, catalog, rackPowerFraction, wholeGpu);
        List<TenantSpec> tenants = tenants(t);
        // reservations: replicas dedicated per provisioned tenant, for the deployment and for the emulated share of it
        List<TenantSpec> emulatedTenants = new ArrayList<>();
        List<Reservation.Replicas> emulatedReservations = new ArrayList<>();
        List<Reservation.Replicas> reservations = new ArrayList<>();
        for (TenantSpec x : tenants) {
            TenantSpec e = new TenantSpec(x.id(), x.tier(), x.share(), x.provisionedTokensPerS() * rateScale);
            emulatedTenants.add(e);
            reservations.add(Reservation.replicas(
                    spec,
                    x.provisionedTokensPerS(),
                    t.inputTokens().mean(),
                    t.outputTokens().mean()));
            emulatedReservations.add(Reservation.replicas(
                    spec,
                    e.provisionedTokensPerS(),
                    t.inputTokens().mean(),
                    t.outputTokens().mean()));
        }
        reservationFindings(d, tenants, reservations, frontWorkers, backWorkers, findings);
        Emulator emulator = new Emulator(
                        spec, RequestSource.withTenants(source, emulatedTenants, o.seed()), o.kvTiers())
                .withTenants(emulatedTenants)
                .withReservations(emulatedReservations)
                .withWorkerModels(
                        workerModels(fm, frontPower, emuFront),
                        bm == null ? null : workerModels(bm, backPower, emuBack));
        boolean autoscaled = d.autoscaling() != null || o.autoscaleAll();
        if (autoscaled) {
            emulator.withPlanner(plannerSpec(d, fm, bm, emuFront, emuBack, rateScale));
        }
        EmulationResult r = emulator.run();
        if (sweeps != null) {
            sweeps.add(sweep(
                    t,
                    o,
                    spec,
                    fm,
                    bm,
                    frontWorkers,
                    backWorkers,
                    frontPower,
                    backPower,
                    tenants,
                    kvTransferBytesPerS(anyRack, fm, bm == null ? fm : bm)));
        }
        boolean met = slo.isEmpty()
                || (r.ttftAtSloPercentileMs() <= slo.get().ttftMs()
                        && r.itlAtSloPercentileMs() <= slo.get().itlMs()
                        && !r.overloaded());
        if (r.overloaded()) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_OVERLOADED",
                    d.id(),
                    String.format(
                            Locale.ROOT,
                            "offered %.1f req/s exceed what the %d replicas complete (%.1f req/s): the queue grows without bound. "
                                    + "Maybe add replicas or racks",
                            r.offeredRps() * upscale,
                            totalWorkers,
                            r.completedRps() * upscale)));
        }
        if (slo.isPresent() && !met) {
            Slo s = slo.get();
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_SLO_MISSED",
                    d.id(),
                    String.format(
                            Locale.ROOT,
                            "TTFT p%s %.0f ms (objective %.0f ms), inter-token p%s %.1f ms (objective %.1f ms)",
                            pct(s.ttftPercentile()),
                            r.ttftAtSloPercentileMs(),
                            s.ttftMs(),
                            pct(s.itlPercentile()),
                            r.itlAtSloPercentileMs(),
                            s.itlMs())));
        }
        if (r.preemptions() > 0.01 * r.requests()) {
            findings.add(new Finding(
                    Severity.WARNING,
                    "SERVING_KV_PREEMPTION",
                    d.id(),
                    String.format(
                            Locale.ROOT,
                            "%,d preemptions in %,d requests: the KV cache runs out and sequences are recomputed",
                            r.preemptions(),
                            r.requests())));
        }
        int racksUsed = Math.max(1, (int) Math.ceil(deploymentGpus / (double) gpusPerRack));
        int limited = 0;
        double powerSum = 0;
        for (double[] arr : new double[][] {frontPower, backPower}) {
            for (double v : arr) {
                limited += v < 1 ? 1 : 0;
                powerSum += v;
            }
        }
        double meanPower =
                frontPower.length + backPower.length == 0 ? 1 : powerSum / (frontPower.length + backPower.length);
        // IT power: the deployment's GPU share of its racks at typical power; a limited rack draws at most its limit ×
        // max
        double itKw = 0;
        for (double[] arr : new double[][] {frontPower, backPower}) {
            double gpusEach = arr == frontPower
                    ? poolGpus(front, wholeGpu) / (double) Math.max(1, arr.length)
                    : back == null ? 0 : poolGpus(back, wholeGpu) / (double) Math.max(1, arr.length);
            for (double v : arr) {
                itKw += gpusEach / gpusPerRack * Math.min(anyRack.typicalPowerKw(), v * anyRack.maxPowerKw());
            }
        }
        double heldShare = r.staticGpuHours() > 0 ? r.gpuHours() / r.staticGpuHours() : 1;
        itKw *= heldShare; // an autoscaled deployment powers only the GPUs it holds [E: idle GPUs off]
        double tps = r.totalTokensPerS() * upscale;
        String modeName = d.mode().name().toLowerCase(Locale.ROOT);
        return Optional.of(new DeploymentServing(
                d.id(),
                d.model(),
                gpu.id(),
                d.precision().name().toLowerCase(Locale.ROOT),
                modeName,
                totalWorkers,
                deploymentGpus,
                racksUsed,
                emuFront + emuBack,
                r.requests(),
                r.windowS(),
                r.offeredRps() * upscale,
                tps,
                r.inputTokensPerS() * upscale,
                r.outputTokensPerS() * upscale,
                deploymentGpus == 0 ? 0 : tps / deploymentGpus,
                tps / racksUsed,
                r.ttftP50Ms(),
                r.ttftP90Ms(),
                r.ttftP99Ms(),
                r.itlP50Ms(),
                r.itlP90Ms(),
                r.itlP99Ms(),
                r.e2eP50Ms(),
                r.e2eP90Ms(),
                r.e2eP99Ms(),
                r.goodputRps() * upscale,
                slo.map(Slo::ttftMs).orElse(null),
                slo.map(Slo::itlMs).orElse(null),
                met,
                r.overloaded(),
                r.gpuBusyFraction(),
                r.modelFlopsUtilization(),
                r.preemptions(),
                r.prefixHitRate(),
                r.offloadHitRate(),
                kvModel.kvCapacityTokens(budget),
                kvModel.weightBytesPerGpu() / 1e9,
                o.keepQueue() ? r.queue() : List.of(),
                front.migProfile(),
                d.confidential(),
                limited,
                meanPower,
                autoscaled,
                r.gpuHours() * upscale,
                r.staticGpuHours() * upscale,
                (r.staticGpuHours() - r.gpuHours()) * upscale,
                (int) Math.round((r.peakFrontWorkers() + r.peakBackWorkers()) * upscale),
                o.keepQueue() ? scaled(r.planner(), upscale) : List.of(),
                granted(r.tenants(), reservations, frontWorkers, backWorkers),
                itKw,
                tps > 0 ? tps / (itKw * 1e3) : 0,
                tps > 0 ? itKw / 1e3 * f.site().electricityPriceUsdPerMwh() / 3600 / tps * 1e6 : 0));
    }

    /**
     * The deployment's {@code loadSweep} points: at each of {@link #SWEEP_FRACTIONS} of its traffic,
     * {@link #SWEEP_WORKERS} workers (fewer than the main run's: identical replicas behind an even
     * router serve the same per worker) for {@link #SWEEP_SECONDS} of arrivals; same seed, static pools.
     */
    private static LoadPoint[] sweep(
            TrafficProfile t,
            Options o,
            EmulationSpec main,
            ExecutionModel fm,
            ExecutionModel bm,
            int frontWorkers,
            int backWorkers,
            double[] frontPower,
            double[] backPower,
            List<TenantSpec> tenants,
            double kvBytesPerS) {
        // Disaggregated pools keep their ratio: the smaller pool gets at least one worker, so 1 prefill to 10
        // decode workers are emulated as 1 to 10, not 1 to 4 (which would saturate decode at a fraction of the
        // load the deployment takes); at most SWEEP_MAX_WORKERS in the larger pool.
        int larger = Math.max(frontWorkers, backWorkers);
        int smaller = bm == null ? frontWorkers : Math.min(frontWorkers, backWorkers);
        double scale = Math.min(
                1.0,
                Math.max(
                        SWEEP_WORKERS / (double) larger,
                        Math.min(1.0 / Math.max(1, smaller), SWEEP_MAX_WORKERS / (double) larger)));
        int emuFront = Math.max(1, (int) Math.round(frontWorkers * scale));
        int emuBack = bm == null ? 0 : Math.max(1, (int) Math.round(backWorkers * scale));
        // Where rounding leaves the pools off their ratio, the traffic follows the pool emulated smaller.
        double rateScale = bm == null
                ? emuFront / (double) frontWorkers
                : Math.min(emuFront / (double) frontWorkers, emuBack / (double) backWorkers);
        List<TenantSpec> emulatedTenants = new ArrayList<>();
        List<Reservation.Replicas> emulatedReservations = new ArrayList<>();
        EmulationSpec base = main.withWorkers(emuFront);
        if (bm != null) {
            base = base.withDisaggregation(bm, emuBack, kvBytesPerS);
        }
        for (TenantSpec x : tenants) {
            TenantSpec e = new TenantSpec(x.id(), x.tier(), x.share(), x.provisionedTokensPerS() * rateScale);
            emulatedTenants.add(e);
            emulatedReservations.add(Reservation.replicas(
                    base,
                    e.provisionedTokensPerS(),
                    t.inputTokens().mean(),
                    t.outputTokens().mean()));
        }
        double meanTokens = t.inputTokens().mean() + t.outputTokens().mean();
        LoadPoint[] pts = new LoadPoint[SWEEP_FRACTIONS.length];
        for (int i = 0; i < pts.length; i++) {
            double fraction = SWEEP_FRACTIONS[i];
            RequestSource src = source(t, rateScale * fraction, o);
            double rps = src.meanRateRps();
            int requests = !(rps > 0) || Double.isInfinite(rps)
                    ? SWEEP_MAX_REQUESTS
                    : (int) Math.max(SWEEP_MIN_REQUESTS, Math.min(SWEEP_MAX_REQUESTS, Math.round(rps * SWEEP_SECONDS)));
            EmulationResult r = new Emulator(
                            base.withMaxRequests(requests),
                            RequestSource.withTenants(src, emulatedTenants, o.seed()),
                            o.kvTiers())
                    .withTenants(emulatedTenants)
                    .withReservations(emulatedReservations)
                    .withWorkerModels(
                            workerModels(fm, frontPower, emuFront),
                            bm == null ? null : workerModels(bm, backPower, emuBack))
                    .run();
            pts[i] = LoadPoint.of(fraction, r, 1 / rateScale, meanTokens);
        }
        return pts;
    }

    /** GPUs a pool occupies: whole GPUs per replica, or its MIG slices packed {@link MigProfile#instancesPerGpu} per GPU. */
    static int poolGpus(WorkerPool p, GpuType gpu) {
        MigProfile m = MigProfile.parse(p.migProfile());
        if (m == null) {
            return p.gpus();
        }
        int per = m.instancesPerGpu(gpu.hbmGb());
        return (p.replicas() + per - 1) / per;
    }

    /**
     * The GPU a replica of {@code p} sees: the whole GPU, or its MIG slice — N/7 of the compute,
     * memory slices / 8 of the HBM capacity and bandwidth (each memory slice holds 1/8 of the
     * memory controllers [S], NVIDIA MIG user guide), no NVLink.
     */
    static GpuType slice(GpuType g, WorkerPool p) {
        MigProfile m = MigProfile.parse(p.migProfile());
        if (m == null) {
            return g;
        }
        double c = m.computeFraction();
        double mem = m.memoryFraction(g.hbmGb());
        return new GpuType(
                g.id() + " " + p.migProfile(),
                g.name() + " MIG " + p.migProfile(),
                g.hbmGb() * mem,
                g.hbmBandwidthTBps() * mem,
                g.fp8DenseTflops() * c,
                g.fp4DenseTflops() * c,
                g.bf16DenseTflops() * c,
                g.maxTdpW() * c,
                0,
                g.source());
    }

    /**
     * Power fraction of each replica of pool {@code p}: replicas take GPUs in the order of the
     * deployment's racks (the front pool first, then the decode pool from {@code gpuOffset}); a
     * replica gets the tightest limit of the racks its GPUs sit in.
     */
    private static double[] replicaPowerFractions(
            Deployment d,
            WorkerPool p,
            int gpuOffset,
            Map<String, Rack> racks,
            CatalogIndex catalog,
            Map<String, Double> limits,
            GpuType gpu) {
        int n = p.replicas() * Math.max(1, p.parallelism().data());
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1.0);
        if (limits.isEmpty()) {
            return out;
        }
        List<String> rackOfGpu = new ArrayList<>();
        for (String id : d.racks()) {
            Rack r = racks.get(id);
            RackType rt = r == null ? null : catalog.rack(r.type()).orElse(null);
            for (int g = 0; rt != null && g < rt.gpus(); g++) {
                rackOfGpu.add(id);
            }
        }
        MigProfile mig = MigProfile.parse(p.migProfile());
        int perGpu = mig == null ? 1 : mig.instancesPerGpu(gpu.hbmGb());
        int gpusEach = mig == null ? p.parallelism().tensor() * p.parallelism().pipeline() : 1;
        for (int i = 0; i < n; i++) {
            int first = gpuOffset + (mig == null ? i * gpusEach : i / perGpu);
            for (int g = first; g < first + gpusEach && g < rackOfGpu.size(); g++) {
                out[i] = Math.min(out[i], limits.getOrDefault(rackOfGpu.get(g), 1.0));
            }
        }
        return out;
    }

    /** Models of {@code emulated} workers standing for evenly spaced replicas; null when no replica is limited. */
    private static ExecutionModel[] workerModels(ExecutionModel base, double[] replicaPower, int emulated) {
        boolean any = false;
        for (double v : replicaPower) {
            any |= v < 1;
        }
        if (!any) {
            return null;
        }
        ExecutionModel[] out = new ExecutionModel[emulated];
        Map<Double, ExecutionModel> byFraction = new HashMap<>();
        for (int k = 0; k < emulated; k++) {
            double v = replicaPower[
                    (int) Math.min(replicaPower.length - 1, Math.floor((k + 0.5) * replicaPower.length / emulated))];
            out[k] = byFraction.computeIfAbsent(v, x -> base.derated(PowerThrottle.at(x)));
        }
        return out;
    }

    /** ERROR SERVING_RESERVATION_EXCEEDS_POOL for each tenant granted fewer dedicated replicas than its reservation needs. */
    private static void reservationFindings(
            Deployment d,
            List<TenantSpec> tenants,
            List<Reservation.Replicas> want,
            int frontWorkers,
            int backWorkers,
            List<Finding> findings) {
        List<Reservation.Replicas> got = Reservation.grant(want, frontWorkers, backWorkers);
        for (int i = 0; i < tenants.size(); i++) {
            Reservation.Replicas w = want.get(i);
            Reservation.Replicas g = got.get(i);
            if (g.equals(w)) {
                continue;
            }
            boolean disagg = backWorkers > 0;
            findings.add(new Finding(
                    Severity.ERROR,
                    "SERVING_RESERVATION_EXCEEDS_POOL",
                    d.id(),
                    String.format(
                            Locale.ROOT,
                            "deployment %s: tenant %s reserves %,.0f tok/s, which needs %s dedicated replicas, but beside the reservations "
                                    + "before it and one shared replica per pool the deployment's %s replicas leave it %s: its requests beyond "
                                    + "them get no guarantee. Maybe add replicas or lower the reservation",
                            d.id(),
                            tenants.get(i).id(),
                            tenants.get(i).provisionedTokensPerS(),
                            disagg ? w.front() + " prefill + " + w.back() + " decode" : "" + w.front(),
                            disagg ? frontWorkers + " + " + backWorkers : "" + frontWorkers,
                            disagg ? g.front() + " + " + g.back() : "" + g.front())));
        }
    }

    /** Tenant results with the deployment's dedicated replicas. */
    private static List<TenantResult> granted(
            List<TenantResult> emulated, List<Reservation.Replicas> want, int frontWorkers, int backWorkers) {
        List<Reservation.Replicas> got = Reservation.grant(want, frontWorkers, backWorkers);
        List<TenantResult> out = new ArrayList<>();
        for (int i = 0; i < emulated.size(); i++) {
            out.add(emulated.get(i)
                    .withDedicatedReplicas(got.get(i).front() + got.get(i).back()));
        }
        return out;
    }

    private static List<TenantSpec> tenants(TrafficProfile t) {
        List<TenantSpec> out = new ArrayList<>();
        for (Tenant x : t.tenants()) {
            TenantSpec.Tier tier = switch (x.tier()) {
                case PREMIUM -> TenantSpec.Tier.PREMIUM;
                case STANDARD -> TenantSpec.Tier.STANDARD;
                case BASIC -> TenantSpec.Tier.BASIC;
            };
            out.add(new TenantSpec(
                    x.id(), tier, x.share(), x.provisionedTokensPerS() == null ? 0 : x.provisionedTokensPerS()));
        }
        return out;
    }

    /**
     * The planner of a deployment: the file's {@code autoscaling} or Dynamo's defaults; its limits
     * are the emulated workers (the pools' replicas scaled like the rate), it starts with all of
     * them, and a new worker serves after {@link PlannerSpec#startupS}.
     */
    private static PlannerSpec plannerSpec(
            Deployment d, ExecutionModel fm, ExecutionModel bm, int emuFront, int emuBack, double rateScale) {
        Autoscaling a = d.autoscaling();
        double interval = a != null && a.adjustmentIntervalS() != null
                ? a.adjustmentIntervalS()
                : PlannerSpec.DEFAULT_ADJUSTMENT_INTERVAL_S;
        PlannerSpec.Predictor predictor = a != null && a.predictor() == AutoscalingPredictor.CONSTANT
                ? PlannerSpec.Predictor.CONSTANT
                : PlannerSpec.Predictor.HOLT;
        int min = a != null && a.minReplicas() != null ? Math.max(1, (int) Math.round(a.minReplicas() * rateScale)) : 1;
        min = Math.min(min, bm == null ? emuFront : Math.min(emuFront, emuBack));
        return new PlannerSpec(
                interval,
                predictor,
                PlannerSpec.DEFAULT_WINDOW,
                PlannerSpec.startupS(fm),
                bm == null ? 0 : PlannerSpec.startupS(bm),
                min,
                emuFront,
                bm == null ? 0 : emuBack,
                emuFront,
                bm == null ? 0 : emuBack,
                PlannerSpec.DEFAULT_TARGET_UTILIZATION);
    }

    private static List<PlannerPoint> scaled(List<PlannerPoint> pts, double upscale) {
        return pts.stream()
                .map(p -> new PlannerPoint(
                        p.timeS(),
                        p.observedRps() * upscale,
                        p.predictedRps() * upscale,
                        p.ttftMeanMs(),
                        p.itlMeanMs(),
                        (int) Math.round(p.frontWorkers() * upscale),
                        (int) Math.round(p.backWorkers() * upscale),
                        (int) Math.round(p.frontTarget() * upscale),
                        (int) Math.round(p.backTarget() * upscale)))
                .toList();
    }

    private static boolean fits(Deployment d, ExecutionModel m, int budget, List<Finding> findings) {
        double free = m.freeHbmBytesPerGpu(budget);
        if (free > 0) {
            return true;
        }
        findings.add(new Finding(
                Severity.ERROR,
                "SERVING_MODEL_DOES_NOT_FIT",
                d.id(),
                String.format(
                        Locale.ROOT,
                        "%s in %s needs %.1f GB of weights per GPU; %s offers %.1f GB usable (%.0f %% of %.0f GB) less workspace. "
                                + "Maybe raise tensor or pipeline parallelism or lower the precision",
                        m.llm().id(),
                        m.precision(),
                        m.weightBytesPerGpu() / 1e9,
                        m.gpu().id(),
                        m.gpu().hbmGb() * ExecutionModel.USABLE_HBM_FRACTION,
                        ExecutionModel.USABLE_HBM_FRACTION * 100,
                        m.gpu().hbmGb())));
        return false;
    }

    private static double maxTokens(org.aifactory.twin.model.TokenDistribution t) {
        return t.max() != null ? t.max() : t.mean();
    }

    private static String pct(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    private static WorkerPool pool(Deployment d, PoolRole role) {
        return d.pools().stream().filter(p -> p.role() == role).findFirst().orElse(null);
    }
}
