package org.aifactory.twin.serving;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.HdrHistogram.Histogram;
import org.aifactory.twin.model.RouterPolicy;

/**
 * Discrete-event emulation of LLM serving at iteration granularity. Each worker (one model
 * replica) runs continuous batching: every iteration carries one token for each decoding sequence
 * plus prefill chunks up to the token budget (chunked prefill); the iteration lasts what the
 * {@link ExecutionModel} says. KV cache is paged: usage is the tokens held plus half a block of
 * slack per sequence ({@value #KV_BLOCK_TOKENS}-token blocks [E], vLLM's default block size); when
 * the next step would overflow it the most recently admitted decoding sequence is preempted and
 * recomputed later (vLLM's recompute preemption). Disaggregated serving runs prefill-only workers,
 * transfers each request's KV over the fabric, and then decodes on decode workers.
 *
 * <p>Cost: O(log n) per token-batch event; a sequence is touched when it is admitted, when its
 * prefill completes and when it finishes (decoding sequences finish by an iteration index held in
 * a heap), so a run costs about (iterations + requests) × log, not tokens. Latencies stream into
 * HdrHistograms: nothing is kept per finished request. One instance runs one emulation.
 */
public final class Emulator {
    /** Paged-KV block size, tokens [E] (vLLM's default {@code block_size} 16). */
    public static final int KV_BLOCK_TOKENS = 16;
    /**
     * Share of the KV cache kept free when admitting new prompts, so running sequences can grow
     * without preemption [E] (vLLM keeps a 1 % watermark; TensorRT-LLM's default scheduler
     * reserves each request's whole output; 5 % sits between them).
     */
    static final double ADMISSION_HEADROOM = 0.05;
    /** Latency histograms: microseconds, up to 10^12 µs, 3 significant digits. */
    private static final long HIST_MAX_US = 1_000_000_000_000L;

    private static final int HIST_DIGITS = 3;
    /** Overload: completions below this share of arrivals while the queue grows. */
    static final double OVERLOAD_COMPLETION_SHARE = 0.95;
    /**
     * Weight of prefill blocks against decode blocks in the KV-aware router's cost: Dynamo's
     * {@code --kv-overlap-score-weight}, default 1.0 [S] (docs.nvidia.com/dynamo, "KV Router" and
     * "Router Design": cost = weight × potential prefill blocks + potential decode blocks, the
     * lowest wins at temperature 0).
     */
    static final double KV_OVERLAP_SCORE_WEIGHT = 1.0;
    /** Depth of a tenant's provisioned-throughput token bucket, seconds of its reserved rate [E]. */
    static final double PROVISIONED_BURST_S = 1.0;
    /** ITL target the planner uses when the spec has none: Dynamo's default {@code itl} 50 ms [S]. */
    static final double DEFAULT_PLANNER_ITL_S = 0.05;
    /** Most planner points kept (halved when full, like the queue series). */
    static final int MAX_PLANNER_POINTS = 2_000;

    private final EmulationSpec spec;
    private final RequestSource source;

    private final List<KvTier> tiers;

    public Emulator(EmulationSpec spec, RequestSource source) {
        this(spec, source, List.of());
    }

    /**
     * With KV offload {@code tiers} below HBM, fastest first: prefixes evicted from HBM are demoted
     * tier by tier, and a hit in a lower tier is loaded back at its bandwidth (when that is faster
     * than recomputing it); the load stalls the worker's iteration (no overlap with compute [E]).
     */
    public Emulator(EmulationSpec spec, RequestSource source, List<KvTier> tiers) {
        this.spec = spec;
        this.source = source;
        this.tiers = List.copyOf(tiers);
    }

    private ExecutionModel[] frontModels;
    private ExecutionModel[] backModels;
    private PlannerSpec planner;
    private List<TenantSpec> tenants = List.of();
    private List<Reservation.Replicas> reservations = List.of();

    /**
     * Gives each worker its own execution model (e.g. replicas on power-capped racks are slower);
     * {@code front} for the aggregated/prefill workers, {@code back} for decode workers (null: the
     * spec's model for all). Call before {@link #run}.
     */
    public Emulator withWorkerModels(ExecutionModel[] front, ExecutionModel[] back) {
        if (front != null && front.length != spec.workers() || back != null && back.length != spec.decodeWorkers()) {
            throw new IllegalArgumentException(
                    "one execution model per worker: " + spec.workers() + " and " + spec.decodeWorkers());
        }
        this.frontModels = front == null ? null : front.clone();
        this.backModels = back == null ? null : back.clone();
        return this;
    }

    /**
     * Runs an SLA planner ({@link PlannerSpec}): the spec's worker counts become the most workers
     * there are GPUs for; the planner starts at its initial counts and scales between its limits.
     */
    public Emulator withPlanner(PlannerSpec p) {
        if (p.maxFrontWorkers() != spec.workers()
                || p.maxBackWorkers() != (spec.disaggregated() ? spec.decodeWorkers() : 0)) {
            throw new IllegalArgumentException(
                    "the planner's maxima (" + p.maxFrontWorkers() + ", " + p.maxBackWorkers()
                            + ") must be the spec's workers (" + spec.workers() + ", " + spec.decodeWorkers() + ")");
        }
        this.planner = p;
        return this;
    }

    /** Tenants sharing the deployment; the source must draw each request's tenant ({@link RequestSource#withTenants}). */
    public Emulator withTenants(List<TenantSpec> t) {
        this.tenants = List.copyOf(t);
        return this;
    }

    /**
     * Dedicates replicas to the provisioned tenants (one entry per tenant of {@link #withTenants},
     * e.g. from {@link Reservation#replicas}): tenant 0 gets the first workers of each pool, tenant
     * 1 the next, and so on, while at least one worker of each pool stays shared; a tenant gets fewer
     * than asked when the pool runs out ({@link TenantResult#dedicatedReplicas} tells what it got). A
     * request within its tenant's token bucket goes only to the tenant's dedicated workers; beyond it
     * it spills over to the shared workers at standard priority; shared traffic never reaches a
     * dedicated worker. A tenant with no dedicated worker keeps priority-only provisioning. Without
     * this call no worker is dedicated.
     */
    public Emulator withReservations(List<Reservation.Replicas> r) {
        this.reservations = List.copyOf(r);
        return this;
    }

    /** A lower tier's prefix LRU on one worker. */
    private static final class TierCache {
        final java.util.LinkedHashMap<Integer, Integer> prefixes = new java.util.LinkedHashMap<>();
        final long capacityTokens;
        final double secondsPerToken;
        long used;

        TierCache(long capacityTokens, double secondsPerToken) {
            this.capacityTokens = capacityTokens;
            this.secondsPerToken = secondsPerToken;
        }
    }

    private static final class Req {
        final long index;
        final double arrivalS;
        final int input;
        final int output;
        /** Session of the shared prefix, -1 for none; {@code prefixTokens} of the prompt, block-aligned. */
        int prefixId = -1;

        int prefixTokens;
        int reusableTokens;
        int prefillTarget;
        int prefilled;
        int chunk;
        int generated;
        long startIter;
        long finishIter;
        double firstTokenS = Double.NaN;
        double readyS;
        boolean decoding;
        boolean done;
        /** Tenant index (-1: none), batcher priority class ({@link TenantSpec.Tier} ordinal). */
        int tenant = -1;

        int priority = TenantSpec.Tier.STANDARD.ordinal();
        boolean spilled;

        Req(long index, double arrivalS, int input, int output) {
            this.index = index;
            this.arrivalS = arrivalS;
            this.input = input;
            this.output = output;
            this.prefillTarget = input;
        }
    }

    private enum Role {
        AGGREGATED,
        PREFILL,
        DECODE
    }

    /** Planner life cycle of a worker: OFF (GPUs free), STARTING (loading weights), ACTIVE, DRAINING (no new requests). */
    private enum State {
        OFF,
        STARTING,
        ACTIVE,
        DRAINING
    }

    /** Waiting requests by priority class, FIFO within a class (preempted ones go back to the front of theirs). */
    private static final class WaitQueue {
        @SuppressWarnings("unchecked")
        private final ArrayDeque<Req>[] byClass = new ArrayDeque[TenantSpec.Tier.values().length];

        private int size;

        WaitQueue() {
            for (int i = 0; i < byClass.length; i++) {
                byClass[i] = new ArrayDeque<>();
            }
        }

        /** Bit c set when class c has waiting requests: the highest class is its lowest set bit. */
        private int nonEmpty;

        void addLast(Req r) {
            byClass[r.priority].addLast(r);
            nonEmpty |= 1 << r.priority;
            size++;
        }

        void addFirst(Req r) {
            byClass[r.priority].addFirst(r);
            nonEmpty |= 1 << r.priority;
            size++;
        }

        Req peekFirst() {
            return nonEmpty == 0 ? null : byClass[Integer.numberOfTrailingZeros(nonEmpty)].peekFirst();
        }

        Req pollFirst() {
            if (nonEmpty == 0) {
                return null;
            }
            int c = Integer.numberOfTrailingZeros(nonEmpty);
            Req r = byClass[c].pollFirst();
            if (byClass[c].isEmpty()) {
                nonEmpty &= ~(1 << c);
            }
            size--;
            return r;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }
    }

    private final class Worker {
        final int id;
        final Role role;
        final ExecutionModel model;
        final long kvCapacity;
        final WaitQueue waiting = new WaitQueue();
        /** Tenant the worker is dedicated to, -1: shared. */
        int owner = -1;

        State state = State.ACTIVE;
        double readyS;
        final ArrayDeque<Req> prefilling = new ArrayDeque<>();
        final PriorityQueue<Req> decoding = new PriorityQueue<>((a, b) -> Long.compare(a.finishIter, b.finishIter));
        final ArrayDeque<Req> admitted = new ArrayDeque<>();
        final List<Req> iterPrefill = new ArrayList<>();
        /**
         * Prefix cache: session → cached prefix tokens, least recently used first (insertion order,
         * re-inserted on use, so a router's peek does not reorder it).
         */
        final java.util.LinkedHashMap<Integer, Integer> prefixCache = new java.util.LinkedHashMap<>();

        long cachedPrefixTokens;
        /** Offload tiers below HBM, fastest first; where the last {@link #overlap} found its prefix (-1: HBM). */
        final TierCache[] lower;

        int overlapTier = -1;
        double pendingLoadS;
        int decodeCount;
        long decodeContext;
        long kvUsed;
        long queuedPromptTokens;
        long iter;
        int iterDecodes;
        double iterStartS;
        boolean busy;

        Worker(int id, Role role, ExecutionModel model) {
            this.id = id;
            this.role = role;
            this.model = model;
            this.kvCapacity = model.kvCapacityTokens(spec.tokenBudget());
            this.lower = new TierCache[role == Role.DECODE ? 0 : tiers.size()];
            for (int i = 0; i < lower.length; i++) {
                KvTier k = tiers.get(i);
                lower[i] = new TierCache(
                        (long) (k.capacityBytesPerGpu() / model.kvBytesPerTokenPerGpu()),
                        model.kvBytesPerTokenPerGpu() / k.bandwidthBytesPerSPerGpu());
            }
        }

        int running() {
            return prefilling.size() + decodeCount;
        }

        long kvNeeded(long extraTokens, int extraSeqs) {
            return kvUsed + extraTokens + (long) (running() + extraSeqs) * (KV_BLOCK_TOKENS / 2);
        }

        int load() {
            return waiting.size() + running();
        }

        /** Prompt tokens of {@code r} this worker holds in its prefix cache (no LRU update). */
        int overlap(Req r) {
            if (r.prefixId < 0 || role == Role.DECODE) {
                return 0;
            }
            overlapTier = -1;
            Integer cached = prefixCache.get(r.prefixId);
            for (int i = 0; cached == null && i < lower.length; i++) {
                cached = lower[i].prefixes.get(r.prefixId);
                overlapTier = i;
            }
            return cached == null ? 0 : Math.min(cached, r.prefixTokens);
        }

        /** Moves a prefix found in lower tier {@code i} back into HBM; returns its load time, s. */
        double promote(Req r, int i) {
            Integer tokens = lower[i].prefixes.remove(r.prefixId);
            lower[i].used -= tokens;
            prefixCache.put(r.prefixId, tokens);
            cachedPrefixTokens += tokens;
            return tokens * lower[i].secondsPerToken;
        }

        void demote(int i, Integer id, int tokens) {
            if (i >= lower.length) {
                return;
            }
            TierCache t = lower[i];
            Integer old = t.prefixes.remove(id);
            int kept = Math.max(tokens, old == null ? 0 : old);
            t.used += kept - (old == null ? 0 : old);
            t.prefixes.put(id, kept);
            var it = t.prefixes.entrySet().iterator();
            while (t.used > t.capacityTokens && it.hasNext()) {
                var e = it.next();
                it.remove();
                t.used -= e.getValue();
                demote(i + 1, e.getKey(), e.getValue());
            }
        }

        void touch(Req r) {
            Integer cached = prefixCache.remove(r.prefixId);
            if (cached != null) {
                prefixCache.put(r.prefixId, cached);
            }
        }

        void remember(Req r) {
            if (r.prefixId < 0 || r.reusableTokens == 0 || role == Role.DECODE) {
                return;
            }
            Integer old = prefixCache.remove(r.prefixId);
            int tokens = Math.max(old == null ? 0 : old, r.reusableTokens);
            cachedPrefixTokens += tokens - (old == null ? 0 : old);
            prefixCache.put(r.prefixId, tokens);
            evict();
        }

        /** Cached prefixes live in the free KV blocks: evict the least recently used beyond them. */
        void evict() {
            long free = Math.max(0, kvCapacity - kvUsed);
            var it = prefixCache.entrySet().iterator();
            while (cachedPrefixTokens > free && it.hasNext()) {
                var e = it.next();
                cachedPrefixTokens -= e.getValue();
                it.remove();
                demote(0, e.getKey(), e.getValue());
            }
        }
    }

    // ---- state of one run ----
    private Worker[] front;
    private Worker[] back;
    private Worker[] all;
    /** Workers taking new requests (all of them without a planner). */
    private Worker[] activeFront;

    private Worker[] activeBack;
    // ---- planner state ----
    private double nextTickS = Double.POSITIVE_INFINITY;
    private final PriorityQueue<Worker> starting = new PriorityQueue<>(
            (a, b) -> a.readyS != b.readyS ? Double.compare(a.readyS, b.readyS) : Integer.compare(a.id, b.id));
    private LoadPredictor predictRequests;
    private LoadPredictor predictIsl;
    private LoadPredictor predictOsl;
    private long intervalArrivals;
    private double intervalIsl;
    private double intervalOsl;
    private double intervalTtftS;
    private long intervalTtftCount;
    private double intervalItlS;
    private long intervalItlTokens;
    private double intervalDecodeBatch;
    private double intervalDecodeContext;
    private long intervalDecodeIters;
    private List<PlannerPoint> plannerPoints;
    private int poweredGpus;
    private double gpuSeconds;
    private int peakFront;
    private int peakBack;
    // ---- tenants ----
    private double[] bucketTokens;
    private double[] bucketAtS;
    private long[] tenantDone;
    private long[] tenantGood;
    private long[] tenantProvisioned;
    private long[] tenantProvisionedGood;
    private long[] tenantSpilled;
    private Histogram[] tenantTtft;
    private long[] tenantSpilledGood;
    /** Dedicated workers of each tenant (empty arrays: none), and how many front workers are dedicated in all. */
    private Worker[][] tenantFront;

    private Worker[][] tenantBack;
    private int dedicatedFront;
    private int dedicatedBack;
    private double[] endTimes;
    private int[] heap;
    private int[] heapPos;
    private int heapSize;
    private final PriorityQueue<Req> transfers = new PriorityQueue<>(
            (a, b) -> a.readyS != b.readyS ? Double.compare(a.readyS, b.readyS) : Long.compare(a.index, b.index));
    private int rrFront;
    private int rrBack;
    private long arrived;
    private long inSystem;
    private long waitingTotal;
    private long warmupCount;
    private double windowStartS = Double.NaN;
    private double windowEndS = Double.POSITIVE_INFINITY;
    private double lastEventS;
    private double areaInSystem;
    private long measuredArrivals;
    private long measuredCompleted;
    private double measuredLatencySumS;
    private long goodRequests;
    private double inputTokensInWindow;
    private double outputTokensInWindow;
    private double busySeconds;
    private double usefulFlops;
    private long preemptions;
    private long promptTokensAdmitted;
    private long prefixHitTokens;
    private long offloadHitTokens;
    private double waitingAtMidS = Double.NaN;
    private long waitingAtMid = -1;
    private final Histogram ttft = new Histogram(HIST_MAX_US, HIST_DIGITS);
    private final Histogram itl = new Histogram(HIST_MAX_US, HIST_DIGITS);
    private final Histogram e2e = new Histogram(HIST_MAX_US, HIST_DIGITS);
    private final Histogram tpot = new Histogram(HIST_MAX_US, HIST_DIGITS);
    private List<EmulationResult.QueuePoint> series;
    private double sampleEveryS;
    private double nextSampleS;

    /** Runs the emulation to the end (every drawn request served) and returns what it measured. */
    public EmulationResult run() {
        setUp();
        RequestSource.Request draw = new RequestSource.Request();
        boolean more = source.next(draw);
        boolean offline = Double.isInfinite(source.meanRateRps());
        if (offline) {
            windowStartS = 0;
        }
        while (true) {
            double tArrival = more && arrived < spec.maxRequests() ? draw.arrivalS : Double.POSITIVE_INFINITY;
            double tTransfer = transfers.isEmpty() ? Double.POSITIVE_INFINITY : transfers.peek().readyS;
            double tIter = heapSize == 0 ? Double.POSITIVE_INFINITY : endTimes[heap[0]];
            double t = Math.min(tArrival, Math.min(tTransfer, tIter));
            double tReady = Double.POSITIVE_INFINITY;
            double tTick = Double.POSITIVE_INFINITY;
            if (planner != null) {
                tReady = starting.isEmpty() ? Double.POSITIVE_INFINITY : starting.peek().readyS;
                // the planner ticks while requests still arrive or are in the system
                tTick = (tArrival < Double.POSITIVE_INFINITY || inSystem > 0) ? nextTickS : Double.POSITIVE_INFINITY;
                t = Math.min(t, Math.min(tReady, tTick));
            }
            if (t == Double.POSITIVE_INFINITY) {
                break;
            }
            advance(t);
            if (tReady <= t) {
                Worker w = starting.poll();
                w.state = State.ACTIVE;
                rebuildActive();
                startIfIdle(w, t);
            } else if (tTick <= t) {
                plan(t);
                nextTickS = t + planner.adjustmentIntervalS();
            } else if (tArrival <= t) {
                Req req = new Req(arrived, t, draw.inputTokens, draw.outputTokens);
                if (draw.prefixId >= 0) {
                    req.prefixId = draw.prefixId;
                    req.prefixTokens = draw.prefixTokens / KV_BLOCK_TOKENS * KV_BLOCK_TOKENS;
                    req.reusableTokens = draw.reusableTokens / KV_BLOCK_TOKENS * KV_BLOCK_TOKENS;
                }
                if (draw.tenant >= 0 && draw.tenant < tenants.size()) {
                    classify(req, draw.tenant, t);
                }
                arrive(req);
                more = arrived < spec.maxRequests() && source.next(draw);
                if (!offline && !(more && arrived < spec.maxRequests())) {
                    windowEndS = t;
                    waitingAtEnd = waitingTotal;
                }
            } else if (tTransfer <= t) {
                Req r = transfers.poll();
                Worker w = route(provisionedPool(r, tenantBack, activeBack), r, false);
                w.waiting.addLast(r);
                waitingTotal++;
                startIfIdle(w, t);
            } else {
                finishIteration(all[heap[0]], t);
            }
        }
        double endS = lastEventS;
        if (offline || windowEndS == Double.POSITIVE_INFINITY) {
            windowEndS = endS;
        }
        if (Double.isNaN(windowStartS)) {
            windowStartS = 0;
        }
        return result(endS);
    }

    private void setUp() {
        int nf = spec.workers();
        int nb = spec.disaggregated() ? spec.decodeWorkers() : 0;
        front = new Worker[nf];
        back = new Worker[nb];
        all = new Worker[nf + nb];
        for (int i = 0; i < nf; i++) {
            front[i] = new Worker(
                    i,
                    spec.disaggregated() ? Role.PREFILL : Role.AGGREGATED,
                    frontModels == null ? spec.model() : frontModels[i]);
            all[i] = front[i];
        }
        for (int i = 0; i < nb; i++) {
            back[i] = new Worker(nf + i, Role.DECODE, backModels == null ? spec.decodeModel() : backModels[i]);
            all[nf + i] = back[i];
        }
        if (planner != null) {
            for (int i = planner.initialFrontWorkers(); i < nf; i++) {
                front[i].state = State.OFF;
            }
            for (int i = planner.initialBackWorkers(); i < nb; i++) {
                back[i].state = State.OFF;
            }
            nextTickS = planner.adjustmentIntervalS();
            predictRequests = new LoadPredictor(planner.predictor(), planner.windowSize());
            predictIsl = new LoadPredictor(planner.predictor(), planner.windowSize());
            predictOsl = new LoadPredictor(planner.predictor(), planner.windowSize());
        }
        plannerPoints = new ArrayList<>();
        int n = tenants.size();
        tenantFront = new Worker[n][];
        tenantBack = new Worker[n][];
        List<Reservation.Replicas> want = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            want.add(i < reservations.size() ? reservations.get(i) : new Reservation.Replicas(0, 0));
        }
        List<Reservation.Replicas> got = Reservation.grant(want, nf, nb);
        int nextFront = 0;
        int nextBack = 0;
        for (int i = 0; i < n; i++) {
            tenantFront[i] = dedicate(front, nextFront, got.get(i).front(), i);
            tenantBack[i] = dedicate(back, nextBack, got.get(i).back(), i);
            nextFront += got.get(i).front();
            nextBack += got.get(i).back();
        }
        dedicatedFront = nextFront;
        dedicatedBack = nextBack;
        rebuildActive();
        bucketTokens = new double[n];
        bucketAtS = new double[n];
        tenantDone = new long[n];
        tenantGood = new long[n];
        tenantProvisioned = new long[n];
        tenantProvisionedGood = new long[n];
        tenantSpilled = new long[n];
        tenantSpilledGood = new long[n];
        tenantTtft = new Histogram[n];
        for (int i = 0; i < n; i++) {
            tenantTtft[i] = new Histogram(HIST_MAX_US, HIST_DIGITS);
            bucketTokens[i] = tenants.get(i).provisionedTokensPerS() * PROVISIONED_BURST_S;
        }
        endTimes = new double[all.length];
        heap = new int[all.length];
        heapPos = new int[all.length];
        java.util.Arrays.fill(heapPos, -1);
        warmupCount = (long) Math.floor(spec.maxRequests() * spec.warmupFraction());
        series = new ArrayList<>();
        sampleEveryS = 1e-3;
        nextSampleS = 0;
    }

    /** Workers {@code from .. from + count - 1} of {@code pool}, dedicated to {@code tenant} (always active). */
    private static Worker[] dedicate(Worker[] pool, int from, int count, int tenant) {
        Worker[] out = java.util.Arrays.copyOfRange(pool, from, from + count);
        for (Worker w : out) {
            w.owner = tenant;
            w.state = State.ACTIVE;
        }
        return out;
    }

    /** Rebuilds the lists of shared workers that take new requests, and the powered GPUs. */
    private void rebuildActive() {
        activeFront = java.util.Arrays.stream(front)
                .filter(w -> w.state == State.ACTIVE && w.owner < 0)
                .toArray(Worker[]::new);
        activeBack = java.util.Arrays.stream(back)
                .filter(w -> w.state == State.ACTIVE && w.owner < 0)
                .toArray(Worker[]::new);
        poweredGpus = 0;
        int f = 0;
        int b = 0;
        for (Worker w : all) {
            if (w.state != State.OFF) {
                poweredGpus += w.model.gpusPerReplica();
                if (w.role == Role.DECODE) {
                    b++;
                } else {
                    f++;
                }
            }
        }
        peakFront = Math.max(peakFront, f);
        peakBack = Math.max(peakBack, b);
    }

    /** Integrates the in-system count up to {@code t} and takes queue samples. */
    private void advance(double t) {
        gpuSeconds += poweredGpus * (t - lastEventS);
        while (nextSampleS <= t) {
            if (series.size() >= spec.timeSeriesPoints()) {
                List<EmulationResult.QueuePoint> kept = new ArrayList<>();
                for (int i = 0; i < series.size(); i += 2) {
                    kept.add(series.get(i));
                }
                series = kept;
                sampleEveryS *= 2;
                nextSampleS = series.get(series.size() - 1).timeS() + sampleEveryS;
                continue;
            }
            series.add(new EmulationResult.QueuePoint(nextSampleS, (int) waitingTotal, (int) inSystem));
            nextSampleS += sampleEveryS;
        }
        if (!Double.isNaN(windowStartS)) {
            double from = Math.max(lastEventS, windowStartS);
            double to = Math.min(t, windowEndS);
            if (to > from) {
                areaInSystem += inSystem * (to - from);
            }
            if (waitingAtMid < 0
                    && windowEndS == Double.POSITIVE_INFINITY
                    && !Double.isNaN(waitingAtMidS)
                    && t >= waitingAtMidS) {
                waitingAtMid = waitingTotal;
            }
        }
        lastEventS = t;
    }

    private void arrive(Req r) {
        arrived++;
        inSystem++;
        if (r.index == warmupCount && Double.isNaN(windowStartS)) {
            windowStartS = r.arrivalS;
        }
        if (r.index >= warmupCount) {
            measuredArrivals++;
        }
        if (Double.isNaN(waitingAtMidS) && r.index == warmupCount + (spec.maxRequests() - warmupCount) / 2) {
            waitingAtMidS = r.arrivalS;
        }
        intervalArrivals++;
        intervalIsl += r.input;
        intervalOsl += r.output;
        Worker w = route(provisionedPool(r, tenantFront, activeFront), r, true);
        w.waiting.addLast(r);
        w.queuedPromptTokens += r.prefillTarget;
        waitingTotal++;
        startIfIdle(w, r.arrivalS);
    }

    /**
     * Priority class of a tenant's request: within the tenant's reservation (a token bucket of
     * {@code provisionedTokensPerS}, {@value #PROVISIONED_BURST_S} s deep [E]) it is PROVISIONED;
     * beyond it, it spills over at STANDARD; a tenant without a reservation gets its tier.
     */
    private void classify(Req r, int tenant, double t) {
        TenantSpec ts = tenants.get(tenant);
        r.tenant = tenant;
        double rate = ts.provisionedTokensPerS();
        if (rate <= 0) {
            r.priority = ts.tier().ordinal();
            return;
        }
        bucketTokens[tenant] =
                Math.min(rate * PROVISIONED_BURST_S, bucketTokens[tenant] + rate * (t - bucketAtS[tenant]));
        bucketAtS[tenant] = t;
        double need = (double) r.input + r.output;
        if (bucketTokens[tenant] >= need) {
            bucketTokens[tenant] -= need;
            r.priority = TenantSpec.Tier.PROVISIONED.ordinal();
        } else {
            r.priority = TenantSpec.Tier.STANDARD.ordinal();
            r.spilled = true;
        }
    }

    /** The tenant's dedicated workers for a request within its reservation (when it has any), else the shared ones. */
    private static Worker[] provisionedPool(Req r, Worker[][] dedicated, Worker[] shared) {
        return r.tenant >= 0 && r.priority == TenantSpec.Tier.PROVISIONED.ordinal() && dedicated[r.tenant].length > 0
                ? dedicated[r.tenant]
                : shared;
    }

    private Worker route(Worker[] pool, Req r, boolean frontPool) {
        RouterPolicy policy = spec.router();
        if (policy == RouterPolicy.ROUND_ROBIN) {
            if (frontPool) {
                return pool[rrFront++ % pool.length];
            }
            return pool[rrBack++ % pool.length];
        }
        Worker best = pool[0];
        double bestCost = Double.POSITIVE_INFINITY;
        for (Worker w : pool) {
            double cost = policy == RouterPolicy.LEAST_LOADED
                    ? w.load()
                    // KV-aware, Dynamo's cost: overlap weight × prefill blocks + decode blocks, where the
                    // prefill blocks are those queued plus this prompt's blocks not already cached there
                    : (KV_OVERLAP_SCORE_WEIGHT * (w.queuedPromptTokens + r.prefillTarget - w.overlap(r)) + w.kvUsed)
                            / KV_BLOCK_TOKENS;
            if (cost < bestCost) {
                bestCost = cost;
                best = w;
            }
        }
        return best;
    }

    /**
     * One planner decision (Dynamo's SLA planner, docs/serving.md §9): observe the interval, correct
     * the performance model by actual / expected latency, forecast requests, ISL and OSL, and set
     * the worker counts; then start or drain workers to reach them.
     */
    private void plan(double t) {
        double interval = planner.adjustmentIntervalS();
        double observedRps = intervalArrivals / interval;
        if (intervalArrivals > 0) {
            predictIsl.add(intervalIsl / intervalArrivals);
            predictOsl.add(intervalOsl / intervalArrivals);
        }
        predictRequests.add(intervalArrivals);
        double rps = predictRequests.predict() / interval;
        double isl = Math.max(1, predictIsl.predict());
        double osl = Math.max(1, predictOsl.predict());
        ExecutionModel fm = spec.model();
        ExecutionModel dm = spec.disaggregated() ? spec.decodeModel() : fm;
        double expectedTtftS = PlannerModel.prefillS(fm, (int) Math.round(isl), spec.tokenBudget());
        double ttftMean = intervalTtftCount == 0 ? Double.NaN : intervalTtftS / intervalTtftCount;
        double prefillCorrection = Double.isNaN(ttftMean) ? 1 : ttftMean / expectedTtftS;
        double itlMean = intervalItlTokens == 0 ? Double.NaN : intervalItlS / intervalItlTokens;
        double decodeCorrection = 1;
        if (intervalDecodeIters > 0) {
            int batch = Math.max(1, (int) Math.round(intervalDecodeBatch / intervalDecodeIters));
            double ctx = intervalDecodeContext / intervalDecodeIters;
            decodeCorrection = itlMean / dm.iterationS(batch, batch * ctx, 0, 0, 0);
        }
        double itlTarget = Double.isNaN(spec.itlSloMs()) ? DEFAULT_PLANNER_ITL_S : spec.itlSloMs() / 1e3;
        double prefillTokensPerS = rps * isl * Math.min(1, prefillCorrection);
        double prefillCapacity = isl / expectedTtftS * planner.targetUtilization();
        double decodeCapacity = PlannerModel.decodeTokensPerS(
                        dm,
                        itlTarget / Math.max(1e-9, decodeCorrection),
                        isl + osl / 2,
                        spec.tokenBudget(),
                        spec.maxBatch())
                * planner.targetUtilization();
        double decodeTokensPerS = rps * osl;
        int frontTarget;
        int backTarget = 0;
        if (spec.disaggregated()) {
            frontTarget = (int) Math.ceil(prefillTokensPerS / prefillCapacity);
            backTarget = (int) Math.ceil(decodeTokensPerS / decodeCapacity);
        } else {
            // one pool does both: the shares of a worker's time prefill and decode need add up [E]
            frontTarget = (int) Math.ceil(prefillTokensPerS / prefillCapacity + decodeTokensPerS / decodeCapacity);
        }
        frontTarget = Math.max(planner.minWorkers(), Math.min(planner.maxFrontWorkers(), frontTarget));
        // dedicated workers stay up: the planner scales the shared ones to the target less them [E: it forecasts the
        // whole load]
        scale(front, Math.max(planner.minWorkers(), frontTarget - dedicatedFront), t, planner.startupFrontS());
        if (spec.disaggregated()) {
            backTarget = Math.max(planner.minWorkers(), Math.min(planner.maxBackWorkers(), backTarget));
            scale(back, Math.max(planner.minWorkers(), backTarget - dedicatedBack), t, planner.startupBackS());
        }
        rebuildActive();
        if (plannerPoints.size() >= MAX_PLANNER_POINTS) {
            List<PlannerPoint> kept = new ArrayList<>();
            for (int i = 0; i < plannerPoints.size(); i += 2) {
                kept.add(plannerPoints.get(i));
            }
            plannerPoints = kept;
        }
        plannerPoints.add(new PlannerPoint(
                t,
                observedRps,
                rps,
                Double.isNaN(ttftMean) ? 0 : ttftMean * 1e3,
                Double.isNaN(itlMean) ? 0 : itlMean * 1e3,
                activeFront.length + dedicatedFront,
                activeBack.length + dedicatedBack,
                frontTarget,
                backTarget));
        intervalArrivals = 0;
        intervalIsl = 0;
        intervalOsl = 0;
        intervalTtftS = 0;
        intervalTtftCount = 0;
        intervalItlS = 0;
        intervalItlTokens = 0;
        intervalDecodeBatch = 0;
        intervalDecodeContext = 0;
        intervalDecodeIters = 0;
    }

    /**
     * Brings a pool to {@code target} workers serving or starting: scales up by re-activating
     * draining workers (they still hold their weights), then starting OFF ones (ready after
     * {@code startupS}); scales down by cancelling starting workers, then draining active ones,
     * the highest id first. Never more workers than the pool has slots (GPUs).
     */
    private void scale(Worker[] pool, int target, double t, double startupS) {
        int current = 0;
        for (Worker w : pool) {
            current += w.owner < 0 && (w.state == State.ACTIVE || w.state == State.STARTING) ? 1 : 0;
        }
        for (int i = 0; i < pool.length && current < target; i++) {
            if (pool[i].state == State.DRAINING && pool[i].owner < 0) {
                pool[i].state = State.ACTIVE;
                current++;
            }
        }
        for (int i = 0; i < pool.length && current < target; i++) {
            Worker w = pool[i];
            if (w.state == State.OFF && w.owner < 0) {
                w.state = State.STARTING;
                w.readyS = t + startupS;
                starting.add(w);
                current++;
            }
        }
        for (int i = pool.length - 1; i >= 0 && current > target; i--) {
            if (pool[i].state == State.STARTING && pool[i].owner < 0) {
                pool[i].state = State.OFF;
                starting.remove(pool[i]);
                current--;
            }
        }
        for (int i = pool.length - 1; i >= 0 && current > target; i--) {
            Worker w = pool[i];
            if (w.state == State.ACTIVE && w.owner < 0) {
                w.state = w.busy || !w.waiting.isEmpty() || w.running() > 0 ? State.DRAINING : State.OFF;
                current--;
            }
        }
    }

    private void startIfIdle(Worker w, double t) {
        if (!w.busy) {
            startIteration(w, t);
        }
    }

    private void startIteration(Worker w, double t) {
        // room for one more token per decoding sequence, preempting the newest when KV runs out
        while (w.decodeCount > 0 && w.kvNeeded(w.decodeCount, 0) > w.kvCapacity) {
            preemptNewest(w);
        }
        if (w.role == Role.DECODE) {
            admitTransferred(w);
        }
        int decodes = w.decodeCount;
        int budget = spec.tokenBudget() - decodes;
        int prefillTokens = 0;
        double attended = 0;
        double prefillContext = 0;
        w.iterPrefill.clear();
        for (Req r : w.prefilling) {
            if (budget <= 0) {
                break;
            }
            int chunk = (int) Math.min(
                    Math.min(r.prefillTarget - r.prefilled, budget), Math.max(0, w.kvCapacity - w.kvNeeded(0, 0)));
            if (chunk <= 0) {
                break;
            }
            budget -= chunk;
            r.chunk = chunk;
            w.kvUsed += chunk;
            prefillTokens += chunk;
            attended += chunk * (r.prefilled + chunk / 2.0);
            prefillContext += r.prefilled + chunk;
            w.iterPrefill.add(r);
        }
        while (w.role != Role.DECODE && !w.waiting.isEmpty() && w.running() < spec.maxBatch()) {
            Req r = w.waiting.peekFirst();
            if (budget <= 0) {
                break;
            }
            // a cached prefix is not prefilled again: its blocks are reused (vLLM automatic prefix caching)
            int hit = r.prefilled == 0 ? w.overlap(r) : 0;
            int tier = w.overlapTier;
            if (hit > 0
                    && tier >= 0
                    && hit * w.lower[tier].secondsPerToken >= w.model.iterationS(0, 0, hit, hit * hit / 2.0, hit)) {
                hit = 0; // recomputing is faster than loading from this tier
            }
            int remaining = r.prefillTarget - hit;
            long room = (long) (w.kvCapacity * (1 - ADMISSION_HEADROOM)) - w.kvNeeded(hit, 1);
            int chunk = (int) Math.min(Math.min(remaining, budget), Math.max(0, room));
            if (chunk <= 0 || (chunk < remaining && w.running() > 0 && room < remaining)) {
                break; // vLLM admits a prompt when its blocks fit
            }
            w.waiting.pollFirst();
            waitingTotal--;
            if (r.index >= warmupCount) {
                promptTokensAdmitted += r.prefillTarget;
                prefixHitTokens += hit;
            }
            if (hit > 0 && tier >= 0) {
                w.pendingLoadS += w.promote(r, tier);
                if (r.index >= warmupCount) {
                    offloadHitTokens += hit;
                }
            }
            if (hit > 0) {
                w.touch(r);
                r.prefilled = hit;
                w.kvUsed += hit;
                w.queuedPromptTokens -= hit;
                w.evict();
            }
            w.prefilling.addLast(r);
            budget -= chunk;
            r.chunk = chunk;
            w.kvUsed += chunk;
            prefillTokens += chunk;
            attended += chunk * (r.prefilled + chunk / 2.0);
            prefillContext += r.prefilled + chunk;
            w.iterPrefill.add(r);
        }
        if (decodes == 0 && prefillTokens == 0) {
            w.busy = false;
            if (w.state == State.DRAINING && w.waiting.isEmpty() && w.running() == 0) {
                w.state = State.OFF; // drained: its GPUs are released
                rebuildActive();
            }
            return;
        }
        w.iterDecodes = decodes;
        double s =
                w.model.iterationS(decodes, w.decodeContext, prefillTokens, attended, prefillContext) + w.pendingLoadS;
        w.pendingLoadS = 0;
        w.iterStartS = t;
        w.busy = true;
        busySeconds += s;
        usefulFlops +=
                w.model.usefulFlops(decodes + prefillTokens, w.decodeContext + attended) * w.model.gpusPerReplica();
        schedule(w.id, t + s);
    }

    /** Decode workers admit transferred requests whole, when their KV fits. */
    private void admitTransferred(Worker w) {
        while (!w.waiting.isEmpty() && w.running() < spec.maxBatch()) {
            Req r = w.waiting.peekFirst();
            long ctx = (long) r.input + r.generated;
            if (w.kvNeeded(ctx + 1, 1) > w.kvCapacity && w.running() > 0) {
                return;
            }
            w.waiting.pollFirst();
            waitingTotal--;
            joinDecode(w, r, 0);
        }
    }

    private void preemptNewest(Worker w) {
        while (!w.admitted.isEmpty()) {
            Req r = w.admitted.pollLast();
            if (r.done || !r.decoding) {
                continue;
            }
            long ctx = (long) r.input + r.generated + (w.iter - r.startIter);
            r.generated += (int) (w.iter - r.startIter);
            r.decoding = false;
            w.decoding.remove(r);
            w.decodeCount--;
            w.decodeContext -= ctx;
            w.kvUsed -= ctx;
            // recompute: prefill the prompt and the tokens generated so far again
            // decode workers re-admit it whole when KV frees up (its KV is fetched again)
            r.prefillTarget = (int) ctx;
            r.prefilled = 0;
            w.waiting.addFirst(r);
            if (w.role != Role.DECODE) {
                w.queuedPromptTokens += r.prefillTarget;
            }
            waitingTotal++;
            preemptions++;
            return;
        }
        throw new IllegalStateException("worker " + w.id + " must preempt but has no decoding sequence");
    }

    /** Puts {@code r} into the decode set; {@code kvHeld} tokens of its KV are already counted. */
    private void joinDecode(Worker w, Req r, long kvHeld) {
        r.decoding = true;
        r.startIter = w.iter;
        r.finishIter = w.iter + (r.output - r.generated);
        long ctx = (long) r.input + r.generated;
        w.kvUsed += ctx - kvHeld;
        w.decodeContext += ctx;
        w.decodeCount++;
        w.decoding.add(r);
        w.admitted.addLast(r);
        if (w.admitted.size() > 4 * (w.decodeCount + 16)) {
            w.admitted.removeIf(q -> q.done || !q.decoding);
        }
    }

    private void finishIteration(Worker w, double t) {
        unschedule(w.id);
        double durationS = t - w.iterStartS;
        boolean inWindow = !Double.isNaN(windowStartS) && t >= windowStartS && t <= windowEndS;
        w.iter++;
        int decodes = w.iterDecodes;
        if (decodes > 0) {
            w.decodeContext += decodes;
            w.kvUsed += decodes;
            if (inWindow) {
                itl.recordValueWithCount(toMicros(durationS), decodes);
                outputTokensInWindow += decodes;
            }
            intervalItlS += durationS * decodes;
            intervalItlTokens += decodes;
            intervalDecodeBatch += decodes;
            intervalDecodeContext += w.decodeContext / (double) decodes;
            intervalDecodeIters++;
            while (!w.decoding.isEmpty() && w.decoding.peek().finishIter <= w.iter) {
                Req r = w.decoding.poll();
                long ctx = (long) r.input + r.output;
                w.decodeCount--;
                w.decodeContext -= ctx;
                w.kvUsed -= ctx;
                r.decoding = false;
                complete(r, t);
            }
        }
        for (Req r : w.iterPrefill) {
            r.prefilled += r.chunk;
            w.queuedPromptTokens -= r.chunk;
            r.chunk = 0;
            if (r.prefilled < r.prefillTarget) {
                continue;
            }
            w.prefilling.remove(r);
            w.remember(r);
            r.generated++;
            if (Double.isNaN(r.firstTokenS)) {
                r.firstTokenS = t;
                intervalTtftS += t - r.arrivalS;
                intervalTtftCount++;
                if (r.index >= warmupCount) {
                    ttft.recordValue(toMicros(t - r.arrivalS));
                    if (r.tenant >= 0) {
                        tenantTtft[r.tenant].recordValue(toMicros(t - r.arrivalS));
                    }
                }
                if (inWindow) {
                    inputTokensInWindow += r.input;
                }
            }
            if (inWindow) {
                outputTokensInWindow++;
            }
            if (r.generated >= r.output) {
                w.kvUsed -= r.prefillTarget;
                complete(r, t);
            } else if (w.role == Role.PREFILL) {
                w.kvUsed -= r.prefillTarget;
                r.prefillTarget = r.input + r.generated;
                double bytes = w.model.kvBytesPerTokenPerGpu() * w.model.gpusPerReplica() * r.prefillTarget;
                r.readyS = t + bytes / spec.kvTransferBytesPerS();
                transfers.add(r);
            } else {
                joinDecode(w, r, r.prefillTarget);
            }
        }
        w.busy = false;
        startIteration(w, t);
    }

    private void complete(Req r, double t) {
        r.done = true;
        inSystem--;
        if (r.index < warmupCount) {
            return;
        }
        double latencyS = t - r.arrivalS;
        e2e.recordValue(toMicros(latencyS));
        double tpotS = r.output > 1 ? (t - r.firstTokenS) / (r.output - 1) : 0;
        tpot.recordValue(toMicros(tpotS));
        if (t <= windowEndS) {
            measuredCompleted++;
        }
        measuredLatencySumS += latencyS;
        boolean good = (Double.isNaN(spec.ttftSloMs()) || (r.firstTokenS - r.arrivalS) * 1e3 <= spec.ttftSloMs())
                && (Double.isNaN(spec.itlSloMs()) || tpotS * 1e3 <= spec.itlSloMs());
        if (good) {
            goodRequests++;
        }
        if (r.tenant >= 0) {
            tenantDone[r.tenant]++;
            tenantGood[r.tenant] += good ? 1 : 0;
            if (r.priority == TenantSpec.Tier.PROVISIONED.ordinal()) {
                tenantProvisioned[r.tenant]++;
                tenantProvisionedGood[r.tenant] += good ? 1 : 0;
            }
            tenantSpilled[r.tenant] += r.spilled ? 1 : 0;
            tenantSpilledGood[r.tenant] += r.spilled && good ? 1 : 0;
        }
    }

    private EmulationResult result(double endS) {
        double window = Math.max(1e-12, windowEndS - windowStartS);
        long measured = Math.max(0, arrived - warmupCount);
        boolean offline = Double.isInfinite(source.meanRateRps());
        double offered = offline ? 0 : measuredArrivals / window;
        double completed = measuredCompleted / window;
        boolean growing = waitingAtMid >= 0 && waitingTotalAtWindowEnd() > waitingAtMid;
        boolean overloaded = !offline && completed < OVERLOAD_COMPLETION_SHARE * offered && growing;
        double gpus = 0;
        for (Worker w : all) {
            gpus += w.model.gpusPerReplica();
        }
        double allGpus = gpus;
        double peak = all[0].model.peakFlopsPerGpu();
        double meanLatency = measured == 0 ? 0 : measuredLatencySumS / measured;
        double goodput = goodRequests / (offline ? Math.max(1e-12, endS) : window);
        return new EmulationResult(
                arrived,
                measured,
                window,
                offered,
                completed,
                inputTokensInWindow / window,
                outputTokensInWindow / window,
                (inputTokensInWindow + outputTokensInWindow) / window,
                ms(ttft, 50),
                ms(ttft, 90),
                ms(ttft, 99),
                ms(itl, 50),
                ms(itl, 90),
                ms(itl, 99),
                ms(e2e, 50),
                ms(e2e, 90),
                ms(e2e, 99),
                ms(tpot, 50),
                ms(tpot, 99),
                ms(ttft, spec.ttftPercentile()),
                ms(itl, spec.itlPercentile()),
                goodput,
                Math.min(1, busySeconds / (all.length * Math.max(1e-12, endS))),
                usefulFlops / (gpus * peak * Math.max(1e-12, endS)),
                preemptions,
                promptTokensAdmitted == 0 ? 0 : prefixHitTokens / (double) promptTokensAdmitted,
                promptTokensAdmitted == 0 ? 0 : offloadHitTokens / (double) promptTokensAdmitted,
                areaInSystem / window,
                meanLatency,
                overloaded,
                series,
                plannerPoints,
                gpuSeconds / 3600,
                allGpus * endS / 3600,
                peakFront,
                peakBack,
                tenantResults());
    }

    private List<TenantResult> tenantResults() {
        List<TenantResult> out = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            TenantSpec t = tenants.get(i);
            out.add(new TenantResult(
                    t.id(),
                    t.tier().name().toLowerCase(java.util.Locale.ROOT),
                    tenantDone[i],
                    tenantProvisioned[i],
                    tenantSpilled[i],
                    tenantDone[i] == 0 ? null : (Double) (tenantGood[i] / (double) tenantDone[i]),
                    tenantProvisioned[i] == 0
                            ? null
                            : (Double) (tenantProvisionedGood[i] / (double) tenantProvisioned[i]),
                    ms(tenantTtft[i], 50),
                    ms(tenantTtft[i], 99),
                    tenantFront[i].length + tenantBack[i].length,
                    tenantSpilled[i] == 0 ? null : (Double) (tenantSpilledGood[i] / (double) tenantSpilled[i])));
        }
        return out;
    }

    private long waitingAtEnd = -1;

    private long waitingTotalAtWindowEnd() {
        return waitingAtEnd >= 0 ? waitingAtEnd : waitingTotal;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }

    private static long toMicros(double s) {
        return Math.max(0, Math.min(HIST_MAX_US, Math.round(s * 1e6)));
    }

    // ---- indexed binary min-heap of workers by iteration end time ----

    private void schedule(int id, double endS) {
        endTimes[id] = endS;
        int i = heapSize++;
        heap[i] = id;
        heapPos[id] = i;
        siftUp(i);
    }

    private void unschedule(int id) {
        int i = heapPos[id];
        int last = heap[--heapSize];
        heapPos[id] = -1;
        if (i < heapSize) {
            heap[i] = last;
            heapPos[last] = i;
            siftDown(i);
            siftUp(heapPos[last]);
        }
    }

    private boolean less(int a, int b) {
        return endTimes[a] < endTimes[b] || (endTimes[a] == endTimes[b] && a < b);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(heap[i], heap[p])) {
                break;
            }
            swap(i, p);
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < heapSize && less(heap[l], heap[m])) {
                m = l;
            }
            if (r < heapSize && less(heap[r], heap[m])) {
                m = r;
            }
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private void swap(int i, int j) {
        int a = heap[i];
        heap[i] = heap[j];
        heap[j] = a;
        heapPos[heap[i]] = i;
        heapPos[heap[j]] = j;
    }
}
