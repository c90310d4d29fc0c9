package org.aifactory.twin.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.samples.FacilityGenerator;
import org.aifactory.twin.samples.Samples;

/**
 * Generates and analyses the compute fabric of the gigawatt campus sample (8,000 GB300 NVL72 racks,
 * 576,000 GPUs) and prints the median wall time of the network analysis over several runs, after
 * warm-up. Run: {@code java -cp <test classpath> org.aifactory.twin.network.NetworkBenchmark [runs] [racks]};
 * {@code --samples} prints the SU and 100 MW reports instead.
 */
public final class NetworkBenchmark {
    private NetworkBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--samples")) {
            for (Samples s : List.of(Samples.SCALABLE_UNIT, Samples.HALL_100MW)) {
                print(s.name(), s.generate(), args.length > 1);
            }
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int racks = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
        Facility campus = new FacilityGenerator(CatalogIo.builtIn()).campus(racks);
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), Catalog.EMPTY);
        NetworkAnalysis analysis = new NetworkAnalysis();
        analysis.solveAll(campus, catalog); // warm-up
        long[] ms = new long[runs];
        NetworkAnalysis.Outcome last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = analysis.solveAll(campus, catalog);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        NetworkReport.FabricSummary f = last.report().fabrics().get(0);
        System.out.printf(
                Locale.ROOT,
                "campus %d racks: %d GPUs, %d switches, %d links; network analysis median %d ms"
                        + " (min %d, max %d, %d runs)%n",
                racks,
                f.gpus(),
                f.switches(),
                f.links(),
                ms[runs / 2],
                ms[0],
                ms[runs - 1],
                runs);
        System.out.printf(
                Locale.ROOT,
                "  bisection %.1f Tb/s, oversubscription %.2f, max hops %d, optics %.1f kW,"
                        + " new network racks %d%n",
                f.bisectionTbps(),
                f.oversubscription(),
                f.maxHops(),
                last.report().opticsPowerKw(),
                f.generation().newNetworkRacks());
        System.out.printf(
                Locale.ROOT,
                "  all-to-all %.3f, ring all-reduce %.3f, KV-cache transfer %.3f (ECMP fraction)%n",
                f.allToAll().ecmpFraction(),
                f.ringAllReduce().ecmpFraction(),
                f.kvCacheTransfer().ecmpFraction());
        for (Finding finding : last.findings()) {
            if (finding.severity() != org.aifactory.twin.model.analysis.Severity.INFO) {
                System.out.println("  " + finding.severity() + " " + finding.code() + " " + finding.element() + ": "
                        + finding.message());
            }
        }
    }

    private static void print(String name, Facility facility, boolean json) throws Exception {
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), facility.catalog());
        NetworkAnalysis.Outcome o = new NetworkAnalysis().solveAll(facility, catalog);
        System.out.println("== " + name);
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (json) {
            System.out.println(m.writeValueAsString(o.report()));
        } else {
            for (NetworkReport.FabricSummary f : o.report().fabrics()) {
                System.out.println(m.writeValueAsString(f.tierDetail()));
                System.out.printf(
                        Locale.ROOT,
                        "%s tiers %d switches %d links %d gpus %d bisection %.1f (req %.1f) os %.2f hops %d"
                                + " a2a %s ring %s kv %s gen %s%n",
                        f.id(),
                        f.tiers(),
                        f.switches(),
                        f.links(),
                        f.gpus(),
                        f.bisectionTbps(),
                        f.requiredBisectionTbps(),
                        f.oversubscription(),
                        f.maxHops(),
                        f.allToAll(),
                        f.ringAllReduce(),
                        f.kvCacheTransfer(),
                        f.generation().generatedSwitches() + "/"
                                + f.generation().placedInExistingRacks() + "/"
                                + f.generation().newNetworkRacks());
            }
            System.out.println(m.writeValueAsString(o.report().cables()));
            System.out.println("optics kW " + o.report().opticsPowerKw());
            System.out.println(m.writeValueAsString(o.report().failures()));
        }
        for (Finding f : o.findings()) {
            System.out.println("  " + f.severity() + " " + f.code() + " " + f.element() + ": " + f.message());
        }
    }
}
