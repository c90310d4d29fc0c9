package org.aifactory.twin.network;

import java.util.List;
import org.aifactory.twin.model.FabricKind;
import org.aifactory.twin.model.TopologyType;

/**
 * What the network analysis reports under {@code analyses.network}: per fabric a summary, the
 * cable bill of materials of all fabrics, the optics power and the failure table. Bandwidths in
 * Tb/s (one direction), lengths in metres, powers in kW.
 *
 * @param fabrics one summary per analysed fabric
 * @param cables bill of materials over all fabrics, by cable type and standard length
 * @param opticsPowerKw transceivers and active cable ends of all fabrics
 * @param failures one row per failure case per fabric
 * @param transceivers optical modules of all fabrics by type and end (the BOM's transceivers)
 * @param switches switches of all fabrics by type (the BOM's switches)
 */
public record NetworkReport(
        List<FabricSummary> fabrics,
        List<CableLine> cables,
        double opticsPowerKw,
        List<FailureCase> failures,
        List<TransceiverLine> transceivers,
        List<SwitchLine> switches) {

    public NetworkReport {
        fabrics = List.copyOf(fabrics);
        cables = List.copyOf(cables);
        failures = List.copyOf(failures);
        transceivers = List.copyOf(transceivers);
        switches = List.copyOf(switches);
    }

    /**
     * One fabric.
     *
     * @param tiers switch tiers of the analysed (completed) fabric
     * @param switches switches in all tiers, given and generated
     * @param links links (cables) over all bundles
     * @param gpus GPUs of the fabric's endpoint racks
     * @param injectionTbps sum of the endpoint racks' linked NIC bandwidth
     * @param bisectionTbps max flow between the two halves of the racks (in rack order)
     * @param requiredBisectionTbps the smaller half's injection over the spec's oversubscription
     * @param oversubscription worst downlink:uplink bandwidth ratio of any switch below the top tier
     * @param maxHops switches on the longest shortest path between two racks
     * @param tierDetail switches, ports and oversubscription per tier
     * @param allToAll uniform all-to-all traffic: ECMP and max concurrent flow
     * @param ringAllReduce every rack sending to the next rack of the fabric at its injection
     * @param kvCacheTransfer prefill racks sending KV caches to decode racks at full injection
     * @param generation what the solver generated and where it put it
     * @param switchBom switches by catalog type, with their power (the BOM's switches)
     * @param transceivers optical transceivers: twin-port modules at switch ends (one per two links of a
     *     switch and type), single-port modules at NIC ends (one per link)
     * @param transceiverDetail the same by type and end, with power
     * @param opticsPowerKw this fabric's transceivers and active cable ends
     * @param switchPowerKw this fabric's switches at their catalog power
     * @param aggregation how the flow graph was folded, for the reader
     */
    public record FabricSummary(
            String id,
            FabricKind kind,
            TopologyType topology,
            int tiers,
            int switches,
            long links,
            long gpus,
            double injectionTbps,
            double bisectionTbps,
            double requiredBisectionTbps,
            double oversubscription,
            int maxHops,
            List<TierSummary> tierDetail,
            AllToAll allToAll,
            TrafficPattern ringAllReduce,
            TrafficPattern kvCacheTransfer,
            Generation generation,
            List<SwitchLine> switchBom,
            long transceivers,
            List<TransceiverLine> transceiverDetail,
            double opticsPowerKw,
            double switchPowerKw,
            String aggregation) {

        public FabricSummary {
            tierDetail = List.copyOf(tierDetail);
            transceiverDetail = List.copyOf(transceiverDetail);
            switchBom = List.copyOf(switchBom);
        }
    }

    /**
     * One switch tier.
     *
     * @param tier 1 = leaf, 2 = spine, 3 = core
     * @param portsSpare free ports over the tier (over-used ports are reported as findings)
     * @param downTbps capacity towards the tier below (hosts for leaves)
     * @param upTbps capacity towards the tier above (0 at the top)
     * @param oversubscription downTbps / upTbps over the tier (0 at the top)
     * @param worstOversubscription the highest ratio of any single switch of the tier
     * @param worstSwitch that switch's id
     */
    public record TierSummary(
            int tier,
            int switches,
            int generated,
            long portsUsed,
            long portsSpare,
            double downTbps,
            double upTbps,
            double oversubscription,
            double worstOversubscription,
            String worstSwitch) {}

    /**
     * Uniform all-to-all traffic at full injection.
     *
     * @param ecmpMaxLinkUtilization highest load / capacity of any link group under ECMP splitting
     * @param ecmpFraction fraction of the demand ECMP delivers: min(1, 1 / ecmpMaxLinkUtilization)
     * @param maxConcurrentFlowFraction min over the fabric's subtree cuts of max flow / demand across
     *     the cut, capped at 1 (an upper bound on the max concurrent flow; equal to it on trees)
     * @param cutsEvaluated distinct cuts solved with max flow
     */
    public record AllToAll(
            double ecmpMaxLinkUtilization, double ecmpFraction, double maxConcurrentFlowFraction, int cutsEvaluated) {}

    /**
     * A traffic pattern other than uniform all-to-all, same measures as {@link AllToAll}.
     *
     * @param demandTbps the pattern's offered load, one direction
     * @param ecmpMaxLinkUtilization highest load / capacity of any link group (NICs included) under ECMP
     * @param ecmpFraction fraction of the demand ECMP delivers: min(1, 1 / ecmpMaxLinkUtilization)
     * @param maxConcurrentFlowFraction min over subtree cuts, both directions, of max flow / demand
     *     across the cut, capped at 1 (an upper bound on the max concurrent flow)
     * @param cutsEvaluated distinct cuts solved with max flow
     * @param basis how the endpoints were chosen: the ring's order, or where the prefill and decode
     *     pools come from ("workload deployment ..." or "first/second half of the GPU racks [E]")
     * @param sendingRacks racks that send (all for the ring, the prefill pool for KV transfer)
     * @param receivingRacks racks that receive (all for the ring, the decode pool for KV transfer)
     * @param kvDemand for KV transfer sized from the workload: the rate of each deployment (empty
     *     for the ring, or when the demand is the pools' full injection)
     */
    public record TrafficPattern(
            double demandTbps,
            double ecmpMaxLinkUtilization,
            double ecmpFraction,
            double maxConcurrentFlowFraction,
            int cutsEvaluated,
            String basis,
            int sendingRacks,
            int receivingRacks,
            List<KvDemand> kvDemand) {

        public TrafficPattern {
            kvDemand = List.copyOf(kvDemand);
        }
    }

    /**
     * The KV-cache rate of one deployment, prefill to decode.
     *
     * @param requestsPerS its traffic's mean request rate (the part on this fabric's racks)
     * @param inputTokens mean input tokens per request
     * @param kvBytesPerToken the model's KV-cache bytes per token (ref §5d formulas)
     * @param demandGbps requestsPerS x inputTokens x kvBytesPerToken x 8 / 1e9
     */
    public record KvDemand(
            String deployment,
            String model,
            double requestsPerS,
            double inputTokens,
            double kvBytesPerToken,
            double demandGbps) {}

    /**
     * What the solver generated.
     *
     * @param generatedSwitches switches the file did not list
     * @param generatedLinks links the file did not list
     * @param placedInExistingRacks generated switches mounted in free units of the fabric's network racks
     * @param newNetworkRacks network racks to add to the layout for the rest
     * @param proposedRacks every one of them: hall, position on free floor and the switches it hosts
     */
    public record Generation(
            int generatedSwitches,
            long generatedLinks,
            int placedInExistingRacks,
            int newNetworkRacks,
            List<ProposedRack> proposedRacks) {

        public Generation {
            proposedRacks = List.copyOf(proposedRacks);
        }
    }

    /**
     * A new network rack the generated switches need, on free floor of the layout.
     *
     * @param hallId its hall (null: no hall had free floor; it stands where its switches are wanted)
     * @param xM centre in its hall's coordinates, rotation 0 (null when not on the floor plan)
     * @param yM centre in its hall's coordinates (null when not on the floor plan)
     * @param siteXM centre in site coordinates: where its cables are measured from
     * @param onFloor true if it stands on free floor found in the layout
     * @param switches switches it hosts
     * @param switchIds their ids
     */
    public record ProposedRack(
            String id,
            String hallId,
            Double xM,
            Double yM,
            double siteXM,
            double siteYM,
            boolean onFloor,
            int switches,
            List<String> switchIds) {

        public ProposedRack {
            switchIds = List.copyOf(switchIds);
        }
    }

    /** A bill-of-materials line for switches: {@code count} of catalog {@code type}, {@code powerKw} in all. */
    public record SwitchLine(String type, long count, double powerKw) {}

    /**
     * Optical transceivers of one type at one kind of cable end.
     *
     * @param end "switch-twin-port" (one module per two switch ports) or "nic-single-port" (one per NIC link)
     * @param powerKw their power
     */
    public record TransceiverLine(String type, String end, long count, double powerKw) {}

    /**
     * A bill-of-materials line: {@code count} cables of {@code type} cut to {@code lengthM} (for
     * optics: fibre runs, one per link; the modules are counted in {@link TransceiverLine}s).
     */
    public record CableLine(String type, double lengthM, long count) {}

    /**
     * One failure case.
     *
     * @param kind "leaf", "spine", "core" or "link-bundle"
     * @param element the switch id, or "a~b" for a bundle
     * @param bisectionTbps bisection left
     * @param bandwidthLeftFraction bisectionTbps over the intact fabric's
     * @param injectionLostTbps NIC bandwidth cut off from the fabric
     * @param racksDisconnected racks left with no link at all
     */
    public record FailureCase(
            String fabric,
            String kind,
            String element,
            double bisectionTbps,
            double bandwidthLeftFraction,
            double injectionLostTbps,
            int racksDisconnected) {}
}
