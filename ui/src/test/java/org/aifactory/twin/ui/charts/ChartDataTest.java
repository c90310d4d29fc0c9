package org.aifactory.twin.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.aifactory.twin.model.io.TwinJson;
import org.aifactory.twin.ui.analysis.AnalysisResults;
import org.junit.jupiter.api.Test;

/** The chart data adds up and picks out what the reports say, and nothing else. */
class ChartDataTest {
    private static JsonNode json(String text) throws Exception {
        return TwinJson.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void tiersSumLoadAndRatingPerKindSourceFirstAndNameTheMostLoaded() throws Exception {
        JsonNode power = json("{'pue': 1.25, 'components': ["
                + "{'id': 'bus-b', 'kind': 'busway', 'loadKw': 300, 'ratingKw': 1000, 'utilization': 0.3},"
                + "{'id': 'tx', 'kind': 'transformer', 'loadKw': 900, 'ratingKw': 2500, 'utilization': 0.36},"
                + "{'id': 'bus-a', 'kind': 'busway', 'loadKw': 600, 'ratingKw': 1000, 'utilization': 0.6},"
                + "{'id': 'broken', 'kind': 'pdu'}]}");
        ChartData data = ChartData.of(new AnalysisResults(List.of(), Map.of(AnalysisResults.POWER, power), Map.of()));
        // Hand sums: busways 300 + 600 = 900 kW of 1000 + 1000 = 2000 kW; the PDU has no figures and is left out.
        assertThat(data.tiers()).extracting(ChartData.TierLoad::tier).containsExactly("transformer", "busway");
        ChartData.TierLoad bus = data.tiers().get(1);
        assertThat(bus.components()).isEqualTo(2);
        assertThat(bus.loadKw()).isCloseTo(900, within(1e-9));
        assertThat(bus.ratingKw()).isCloseTo(2000, within(1e-9));
        assertThat(bus.highestId()).isEqualTo("bus-a");
        assertThat(bus.highestUtilisation()).isEqualTo(0.6);
        assertThat(data.pue().withLosses()).isEqualTo(1.25);
        assertThat(data.pue().designCoolingOnly()).isNaN();
        assertThat(data.serving()).isEmpty();
        assertThat(data.coolingPowerKw()).isEmpty();
    }

    @Test
    void coolingPowerAndServingAreReadByFieldName() throws Exception {
        JsonNode thermal = json("{'pueDesign': 1.03, 'pueAnnual': 1.02,"
                + "'coolingPower': {'cduPumpsKw': 2.5, 'heatRejectionFansKw': 8.9, 'basis': 'text'}}");
        JsonNode serving =
                json("{'deployments': [{'id': 'chat', 'model': 'llama-2-70b', 'ttftP50Ms': 11, 'ttftP90Ms': 19,"
                        + "'ttftP99Ms': 30, 'itlP50Ms': 2.9, 'itlP99Ms': 3.1, 'ttftSloMs': 450, 'itlSloMs': 40, 'offeredRps': 400,"
                        + "'tokensPerSecond': 600000, 'sloMet': true}]}");
        ChartData data = ChartData.of(
                new AnalysisResults(List.of(), Map.of(AnalysisResults.THERMAL, thermal, "serving", serving), Map.of()));
        assertThat(data.coolingPowerKw())
                .containsExactly(Map.entry("CDU pumps", 2.5), Map.entry("heat rejection fans", 8.9));
        assertThat(data.pue().designCoolingOnly()).isEqualTo(1.03);
        assertThat(data.pue().annualCoolingOnly()).isEqualTo(1.02);
        ChartData.Serving chat = data.serving().get(0);
        assertThat(chat.ttftMs()).containsExactly(11, 19, 30);
        assertThat(chat.itlMs()[1]).as("missing p90").isNaN();
        assertThat(chat.ttftSloMs()).isEqualTo(450);
        assertThat(chat.tokensPerSecond()).isEqualTo(600_000);
        assertThat(chat.sloMet()).isTrue();
    }

    @Test
    void monthlyPueAndTheLoadSweepAreReadAndTheFirstShortfallIsTheSaturation() throws Exception {
        JsonNode thermal = json("{'pueAnnual': 1.05, 'pueMonthly': ["
                + "{'month': 1, 'pue': 1.04, 'meanDryBulbC': 5.5}, {'month': 7, 'pue': 1.07, 'meanDryBulbC': 28},"
                + "{'month': 8}]}");
        // offered against served tokens/s: 100/100, 200/198 (1 % short), 300/280 (6.7 % short), 400/290
        JsonNode serving = json("{'loadSweep': ["
                + "{'loadFraction': 0.5, 'offeredRps': 1, 'offeredTokensPerSecond': 100, 'tokensPerSecond': 100},"
                + "{'loadFraction': 1.0, 'offeredRps': 2, 'offeredTokensPerSecond': 200, 'tokensPerSecond': 198,"
                + " 'overloaded': true},"
                + "{'loadFraction': 1.5, 'offeredRps': 3, 'offeredTokensPerSecond': 300, 'tokensPerSecond': 280,"
                + " 'goodputTokensPerSecond': 200, 'sloAttainment': 0.7},"
                + "{'loadFraction': 2.0, 'offeredRps': 4, 'offeredTokensPerSecond': 400, 'tokensPerSecond': 290}]}");
        ChartData data = ChartData.of(
                new AnalysisResults(List.of(), Map.of(AnalysisResults.THERMAL, thermal, "serving", serving), Map.of()));
        assertThat(data.pueMonthly())
                .containsExactly(new ChartData.MonthPue(1, 1.04, 5.5), new ChartData.MonthPue(7, 1.07, 28));
        assertThat(data.loadSweep()).hasSize(4);
        assertThat(data.loadSweep().get(2).goodputTokensPerSecond()).isEqualTo(200);
        assertThat(data.loadSweep().get(0).goodputTokensPerSecond()).isNaN();
        // 198 ≥ 0.95 × 200 (the overloaded flag alone does not count); 280 < 0.95 × 300 = 285
        assertThat(data.saturationIndex()).isEqualTo(2);
        assertThat(data.loadSweepSkipped()).isNull();
    }

    @Test
    void noResultsIsEmptyNotAnError() {
        ChartData data = ChartData.of(null);
        assertThat(data.tiers()).isEmpty();
        assertThat(data.serving()).isEmpty();
        assertThat(data.pue().withLosses()).isNaN();
        assertThat(data.pueMonthly()).isEmpty();
        assertThat(data.loadSweep()).isEmpty();
        assertThat(data.saturationIndex()).isEqualTo(-1);
    }
}
