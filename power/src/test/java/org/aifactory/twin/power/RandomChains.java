package org.aifactory.twin.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aifactory.twin.model.EfficiencyPoint;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.PowerNode;
import org.aifactory.twin.model.PowerNodeKind;
import org.aifactory.twin.model.Rack;

/**
 * Random small power chains (same seed, same facility): 1-2 utilities and maybe a generator,
 * 1-4 layers of switchgear / transformers / UPSs with 1-3 inputs each from the layers above, a
 * last layer of busways and PDUs (a third of the nodes with two or more distinct inputs take the last
 * as a standby input), and 1-30 racks with 1-3 feeds. Every loss law appears, and
 * ratings are drawn tight enough that failures overload nodes and racks' shelves.
 */
final class RandomChains {
    private RandomChains() {}

    private static final PowerNodeKind[] MIDDLE = {
        PowerNodeKind.MV_SWITCHGEAR, PowerNodeKind.TRANSFORMER, PowerNodeKind.LV_SWITCHGEAR, PowerNodeKind.UPS
    };

    static Facility facility(long seed) {
        Random rnd = new Random(seed);
        List<PowerNode> nodes = new ArrayList<>();
        List<List<String>> layers = new ArrayList<>();
        List<String> top = new ArrayList<>();
        int utilities = 1 + rnd.nextInt(2);
        for (int u = 0; u < utilities; u++) {
            nodes.add(node(rnd, "u" + u, PowerNodeKind.UTILITY, List.of(), 200 + rnd.nextDouble() * 4_000));
            top.add("u" + u);
        }
        if (rnd.nextBoolean()) {
            nodes.add(node(rnd, "gen", PowerNodeKind.GENERATOR, List.of(), 200 + rnd.nextDouble() * 3_000));
            top.add("gen");
        }
        layers.add(top);
        int middle = 1 + rnd.nextInt(4);
        for (int l = 1; l <= middle + 1; l++) {
            boolean last = l == middle + 1;
            List<String> layer = new ArrayList<>();
            int width = 1 + rnd.nextInt(4);
            for (int k = 0; k < width; k++) {
                String id = "n" + l + "-" + k;
                PowerNodeKind kind = last
                        ? (rnd.nextBoolean() ? PowerNodeKind.BUSWAY : PowerNodeKind.PDU)
                        : MIDDLE[rnd.nextInt(MIDDLE.length)];
                List<String> inputs = new ArrayList<>();
                int count = 1 + rnd.nextInt(3);
                for (int i = 0; i < count; i++) {
                    List<String> from = layers.get(rnd.nextInt(layers.size()));
                    inputs.add(from.get(rnd.nextInt(from.size())));
                }
                PowerNode node = node(rnd, id, kind, inputs, 100 + rnd.nextDouble() * 2_500);
                List<String> distinct = inputs.stream().distinct().toList();
                if (distinct.size() >= 2 && rnd.nextInt(3) == 0) {
                    // a transfer switch: the last distinct input is the alternate (block-redundant catcher style)
                    node = node.withStandbyInputs(List.of(distinct.get(distinct.size() - 1)));
                }
                nodes.add(node);
                layer.add(id);
            }
            layers.add(layer);
        }
        List<String> feeders = layers.get(layers.size() - 1);
        List<Rack> racks = new ArrayList<>();
        int rackCount = 1 + rnd.nextInt(30);
        for (int r = 0; r < rackCount; r++) {
            int feeds = 1 + rnd.nextInt(3);
            String[] sources = new String[feeds];
            for (int k = 0; k < feeds; k++) {
                sources[k] = feeders.get(rnd.nextInt(feeders.size()));
            }
            Double powerKw = rnd.nextInt(3) == 0 ? null : 20 + rnd.nextDouble() * 200;
            racks.add(Chains.rack("r" + r, powerKw, sources));
        }
        return Chains.facility(nodes, racks);
    }

    private static PowerNode node(Random rnd, String id, PowerNodeKind kind, List<String> inputs, double ratingKw) {
        int law = rnd.nextInt(4);
        Double eta = law == 1 ? 0.9 + rnd.nextDouble() * 0.1 : null;
        Double noLoad = law == 2 ? rnd.nextDouble() * 0.01 * ratingKw : null;
        Double fullLoad = law == 2 ? rnd.nextDouble() * 0.02 * ratingKw : null;
        List<EfficiencyPoint> curve = law == 3
                ? List.of(
                        new EfficiencyPoint(0.1, 0.75 + rnd.nextDouble() * 0.1),
                        new EfficiencyPoint(0.5, 0.9 + rnd.nextDouble() * 0.05),
                        new EfficiencyPoint(1.0, 0.95 + rnd.nextDouble() * 0.04))
                : List.of();
        return new PowerNode(
                id,
                kind,
                id,
                null,
                null,
                inputs,
                ratingKw,
                400 + rnd.nextInt(2) * 10_600,
                eta,
                noLoad,
                fullLoad,
                curve,
                null);
    }
}
