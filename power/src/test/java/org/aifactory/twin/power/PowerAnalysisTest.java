package org.aifactory.twin.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.ServiceLoader;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.TestFacilities;
import org.aifactory.twin.model.analysis.AnalysisContext;
import org.aifactory.twin.model.analysis.AnalysisResult;
import org.aifactory.twin.model.analysis.CoolingPowerFact;
import org.aifactory.twin.model.analysis.FacilityAnalysis;
import org.aifactory.twin.model.analysis.Finding;
import org.aifactory.twin.model.analysis.Severity;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.samples.Samples;
import org.junit.jupiter.api.Test;

class PowerAnalysisTest {

    private static AnalysisResult analyze(Facility f, AnalysisContext context) {
        return new PowerAnalysis().analyze(f, Chains.CATALOG, context);
    }

    @Test
    void isFoundThroughTheServiceLoaderAndRunsAfterThermal() {
        List<FacilityAnalysis> found = ServiceLoader.load(FacilityAnalysis.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        assertThat(found).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("power");
            assertThat(a.after()).containsExactly("thermal");
        });
    }

    @Test
    void totalsAddUpAndCoolingFallsBackToZeroWithoutThermal() {
        PowerReport r = (PowerReport)
                analyze(Samples.SCALABLE_UNIT.load(), AnalysisContext.empty()).report();
        // SU: 8 GB200 racks x 120 kW + the SU's network rack and one spine rack x 20 kW = 1,000 kW
        assertThat(r.itPowerKw()).isCloseTo(1_000, within(1e-9));
        assertThat(r.coolingPowerKw()).isZero();
        assertThat(r.coolingPowerSource()).isEqualTo("none (no thermal analysis)");
        assertThat(r.facilityPowerKw()).isCloseTo(r.itPowerKw() + r.lossesKw(), within(1e-9));
        assertThat(r.utilityDemandKw()).isCloseTo(r.facilityPowerKw(), within(1e-6));
        assertThat(r.annualEnergyMwh()).isCloseTo(r.facilityPowerKw() * 8.76, within(1e-6));
        assertThat(r.annualCostUsd()).isCloseTo(r.annualEnergyMwh() * 80, within(1e-6));
        assertThat(r.lossesPueContribution()).isCloseTo(r.lossesKw() / r.itPowerKw(), within(1e-12));
        double componentLosses =
                r.components().stream().mapToDouble(ComponentLoad::lossesKw).sum();
        assertThat(componentLosses).isCloseTo(r.lossesKw(), within(1e-9));
    }

    @Test
    void scalableUnitLossesRedoneByHand() {
        // Per side (A and B alike). The busway-1600a runs have lengths, so their loss is I^2R (1,600 A
        // Canalis KTC run, 0.029 mohm/m): loss = P^2 x 1,000 x R L / (V pf)^2, (V pf)^2 = (415 x 0.95)^2 = 155,433.06
        //   SU busway, 6.15 m, 490 kW (8 x 120 + 20 kW network rack, halved):
        //     490^2 x 1,000 x 0.029e-3 x 6.15 / 155,433.06 = 240,100 x 1.147439e-6 = 0.275500 kW
        //   spine busway, 0.6 m, 10 kW (one 20 kW spine rack, halved): 100 x 1.119453e-7 = 0.0000112 kW
        //   the UPS delivers 490.275500 + 10.000011 = 500.275511 kW
        //   ups-2500 at f = 500.275511 / 2,500 = 0.200110: eta = 0.80 + (0.200110 - 0.10)/0.15 x 0.05 = 0.833370,
        //     loss 500.275511 x (1/0.833370 - 1) = 100.028640 kW, input 600.304151 kW
        //   transformer-3mva: 4 + 30 x (600.304151 / 2,850)^2 = 5.330988 kW, input 605.635139 kW
        // mv-switchgear (eta 0.9999) carries 2 x 605.635139 = 1,211.270279 kW, loss 0.121139 kW
        // losses = 2 x (0.275500 + 0.000011 + 100.028640 + 5.330988) + 0.121139 = 211.391417 kW
        PowerReport r = (PowerReport)
                analyze(Samples.SCALABLE_UNIT.load(), AnalysisContext.empty()).report();
        assertThat(r.lossesKw()).isCloseTo(211.391417, within(1e-5));
        assertThat(r.facilityPowerKw()).isCloseTo(1_211.391417, within(1e-5));
        ComponentLoad bus = r.components().stream()
                .filter(c -> c.id().endsWith("su-01-bus-a"))
                .findFirst()
                .orElseThrow();
        assertThat(bus.lossesKw()).isCloseTo(0.275500, within(1e-6));
        ComponentLoad ups = r.components().stream()
                .filter(c -> c.id().endsWith("ups-a"))
                .findFirst()
                .orElseThrow();
        assertThat(ups.lossesKw()).isCloseTo(100.028642, within(1e-5));
        // UPS output current at 415 V: 500,275.5 W / (sqrt(3) x 415 x 0.95) = 732.6 A
        assertThat(ups.currentA())
                .isCloseTo(500_275.53 / (Math.sqrt(3) * 415 * 0.95), within(0.01))
                .isCloseTo(732.6, within(0.1));
    }

    @Test
    void coolingPowerComesFromTheThermalFact() {
        AnalysisContext thermal = () -> List.of(new CoolingPowerFact(100, 60));
        PowerReport r =
                (PowerReport) analyze(Samples.SCALABLE_UNIT.load(), thermal).report();
        assertThat(r.coolingPowerKw()).isEqualTo(100);
        assertThat(r.coolingPowerSource()).startsWith("thermal analysis");
        assertThat(r.facilityPowerKw()).isCloseTo(r.itPowerKw() + r.lossesKw() + 100, within(1e-9));
        // energy at the annual mean cooling power (60 kW), not the design figure
        assertThat(r.annualEnergyMwh()).isCloseTo((r.itPowerKw() + r.lossesKw() + 60) * 8_760 / 1_000, within(1e-6));
    }

    @Test
    void labAndScalableUnitCarryEverySingleFailureBelowTheirUnduplicatedHead() {
        for (Samples s : List.of(Samples.LAB, Samples.SCALABLE_UNIT)) {
            AnalysisResult result = analyze(s.load(), AnalysisContext.empty());
            PowerReport r = (PowerReport) result.report();
            assertThat(result.findings()).as(s.name()).noneMatch(f -> f.severity() == Severity.ERROR);
            // Only the unduplicated head of the chain (utility, MV switchgear, the lab's one transformer)
            // drops racks: it belongs to no redundancy group, so a warning, not an error.
            assertThat(r.n1())
                    .filteredOn(c -> !c.ok())
                    .extracting(N1Case::kind)
                    .as(s.name())
                    .isNotEmpty()
                    .isSubsetOf("utility", "mv-switchgear", "transformer");
            assertThat(r.n1()).filteredOn(c -> !c.ok()).allMatch(c -> c.overloadedCount() == 0);
            assertThat(result.findings()).extracting(Finding::code).containsOnly("POWER_SINGLE_POINT_OF_FAILURE");
            assertThat(r.n1Summary().cases()).isEqualTo(r.n1().size());
            assertThat(r.n1Summary().ok() + r.n1Summary().notOk()).isEqualTo(r.n1().size());
        }
    }

    @Test
    void hundredMegawattHallCarriesEverySingleFailureOfItsDuplicatedChain() {
        // Every SU (8 x 132 kW GB300 + a 20 kW network rack = 1,076 kW) hangs on a 2N busway pair
        // (busway-1600a, 1,093 kW): normally 538 kW per side; with one side lost the other carries
        // 1,076 kW plus nothing else, under its rating. Two SUs share a 2N UPS pair (2,500 kW):
        // 2 x 1,076 = 2,152 kW plus 0.5 % busway losses (~10.8 kW) on the surviving side.
        AnalysisResult result = analyze(Samples.HALL_100MW.load(), AnalysisContext.empty());
        PowerReport r = (PowerReport) result.report();
        assertThat(r.components())
                .filteredOn(c -> c.id().equals("hall-1-su-01-bus-a"))
                .singleElement()
                .satisfies(c -> assertThat(c.loadKw()).isCloseTo(1_076 / 2.0, within(1e-9)));
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(r.n1())
                .filteredOn(c -> c.failed().equals("hall-1-su-01-bus-a"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
        assertThat(r.n1())
                .filteredOn(c -> c.failed().equals("hall-1-blk-01-ups-a"))
                .singleElement()
                .satisfies(c -> assertThat(c.ok()).isTrue());
    }

    @Test
    void spineRacksOfTheScalableUnitHaveTheirOwnBusways() {
        // The SU's one spine rack (4 Quantum-X800 spines, 20 kW) sits on hall-1-spine-bus-a/b:
        // 20 / 2 = 10 kW per side; an earlier generator hung spine racks on an SU's busways, which
        // this analysis caught as an overload of the surviving busway.
        PowerReport r = (PowerReport)
                analyze(Samples.SCALABLE_UNIT.load(), AnalysisContext.empty()).report();
        assertThat(r.components())
                .filteredOn(c -> c.id().equals("hall-1-spine-bus-a"))
                .singleElement()
                .satisfies(c -> assertThat(c.loadKw()).isCloseTo(10, within(1e-9)));
    }

    @Test
    void busFailureInTheTestRowMovesEveryRackToTheOtherBus() {
        // TestFacilities.row(8): 8 GB200 racks (120 kW) on bus-a/bus-b (1,093 kW, lossless) behind tx-1.
        // bus-a fails: bus-b carries 8 x 120 = 960 kW <= 1,093 kW: ok.
        PowerReport r = (PowerReport)
                analyze(TestFacilities.row(8), AnalysisContext.empty()).report();
        N1Case busA = r.n1().stream()
                .filter(c -> c.failed().equals("bus-a"))
                .findFirst()
                .orElseThrow();
        assertThat(busA.ok()).isTrue();
        N1Case tx = r.n1().stream()
                .filter(c -> c.failed().equals("tx-1"))
                .findFirst()
                .orElseThrow();
        assertThat(tx.unpoweredCount()).isEqualTo(8);
        assertThat(tx.lostLoadKw()).isCloseTo(960, within(1e-9));
    }

    @Test
    void maxModeOverloadsGb300ShelvesWhenASideIsLost() {
        // GB300 at max 142 kW > 4 x 33 = 132 kW on one side: every busway/UPS/transformer failure overloads racks.
        AnalysisResult result = new PowerAnalysis(PowerOptions.of(LoadMode.MAX))
                .analyze(Samples.HALL_100MW.load(), Chains.CATALOG, AnalysisContext.empty());
        assertThat(result.findings()).anyMatch(f -> f.code().equals("POWER_REDUNDANCY_NOT_MET"));
        assertThat(result.findings().stream()
                        .filter(f -> f.code().equals("POWER_REDUNDANCY_NOT_MET"))
                        .count())
                .isEqualTo(PowerAnalysis.MAX_FINDINGS_PER_CODE + 1L);
    }

    @Test
    void gridOverCapacityIsAnError() {
        Facility f = Samples.SCALABLE_UNIT.load();
        Facility small = f.withSite(new org.aifactory.twin.model.Site(f.site().name(), 0, 35, 24, 900, 80));
        assertThat(analyze(small, AnalysisContext.empty()).findings())
                .anyMatch(x -> x.code().equals("POWER_GRID_OVER_CAPACITY") && x.severity() == Severity.ERROR);
    }

    @Test
    void reportSerializesWithTheFieldNamesOfTheIssue() {
        JsonNode json = TwinJson.mapper()
                .valueToTree(
                        analyze(Samples.LAB.load(), AnalysisContext.empty()).report());
        assertThat(json.fieldNames())
                .toIterable()
                .contains(
                        "itPowerKw",
                        "lossesKw",
                        "coolingPowerKw",
                        "facilityPowerKw",
                        "gridCapacityKw",
                        "annualEnergyMwh",
                        "components",
                        "n1");
        JsonNode component = json.get("components").get(0);
        assertThat(component.fieldNames())
                .toIterable()
                .contains("id", "kind", "loadKw", "ratingKw", "utilization", "lossesKw");
        assertThat(component.get("kind").asText()).isEqualTo("utility");
        JsonNode row = json.get("n1").get(0);
        assertThat(row.fieldNames()).toIterable().contains("failed", "ok", "overloaded", "unpowered");
        JsonNode capping = json.get("capping");
        assertThat(capping.fieldNames())
                .toIterable()
                .contains("siteCapKw", "racksCapped", "throughputFraction", "curve");
        assertThat(capping.get("curve").get(0).fieldNames())
                .toIterable()
                .contains("facilityPowerKw", "throughputFraction");
        JsonNode event = json.get("gridEvents").get(0);
        assertThat(event.fieldNames())
                .toIterable()
                .contains(
                        "kind",
                        "durationH",
                        "curtailedKw",
                        "energyCurtailedMwh",
                        "throughputFraction",
                        "caps"); // the mapper leaves out empty lists (capping.caps when nothing is capped, unpowered)
    }
}
