package org.aifactory.twin.ui.sizing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.Function;
import javafx.concurrent.Task;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;
import org.aifactory.twin.ui.analysis.AnalysisResults;

/**
 * Asks the sizing advisor off the FX thread, then lays a feasible answer out (so the answer can
 * name the CDUs the layout needs). The advisor runs as one call, so progress is indeterminate;
 * a cancelled task's answer is thrown away (the emulations are not interruptible and run out in
 * the background).
 */
public final class SizingTask extends Task<SizingTask.Answer> {
    /**
     * @param layout the laid-out facility; null when the answer is not feasible
     * @param cdus CDUs in the layout
     * @param facilityPowerKw the layout's facility power (IT + losses + cooling) as the power
     *     analysis reports it, kW; NaN without a power analysis
     */
    public record Answer(
            SizingAdvisor.Request request,
            SizingAdvisor.Proposal proposal,
            Facility layout,
            int cdus,
            double facilityPowerKw) {
        /**
         * "N racks, X MW, Y CDUs": X is the layout's facility power (GPU and network racks, electrical
         * losses, cooling) when the power analysis ran, else the GPU racks' IT power ("MW IT"); or why
         * there is no answer.
         */
        public String summary() {
            if (!proposal.feasible()) {
                return "No size meets these SLOs: " + proposal.reason();
            }
            String power = Double.isNaN(facilityPowerKw)
                    ? String.format(Locale.ROOT, "%.2f MW IT", proposal.itPowerMw())
                    : String.format(Locale.ROOT, "%.2f MW", facilityPowerKw / 1000);
            return String.format(
                    Locale.ROOT,
                    "%d rack%s, %s, %d CDU%s",
                    proposal.racks(),
                    proposal.racks() == 1 ? "" : "s",
                    power,
                    cdus,
                    cdus == 1 ? "" : "s");
        }
    }

    private final SizingAdvisor advisor;
    private final SizingAdvisor.Request request;

    private final Function<Facility, AnalysisResults> powerAnalysis;

    /**
     * @param powerAnalysis runs the analyses on the layout to read its facility power; null to skip
     */
    public SizingTask(
            SizingAdvisor advisor, SizingAdvisor.Request request, Function<Facility, AnalysisResults> powerAnalysis) {
        this.advisor = advisor;
        this.request = request;
        this.powerAnalysis = powerAnalysis;
        updateTitle("Size " + request.modelId());
    }

    @Override
    protected Answer call() {
        updateProgress(-1, 1);
        updateMessage(String.format(
                Locale.ROOT,
                "Sizing %s at %,.0f req/s with the %s...",
                request.modelId(),
                request.traffic().arrival().rateRps(),
                advisor.name()));
        SizingAdvisor.Proposal p = advisor.size(request, new CatalogIndex(CatalogIo.builtIn(), Catalog.EMPTY));
        if (isCancelled() || !p.feasible()) {
            return new Answer(request, p, null, 0, Double.NaN);
        }
        updateMessage("Laying out " + p.racks() + " racks...");
        Facility layout = SizingLayout.layout(request, p);
        double facilityKw = Double.NaN;
        if (!isCancelled() && powerAnalysis != null) {
            // The facility's power, losses and cooling included, is the power analysis's answer for the layout.
            updateMessage("Checking the power of the layout...");
            JsonNode power = powerAnalysis.apply(layout).reports().get(AnalysisResults.POWER);
            if (power != null && power.path("facilityPowerKw").isNumber()) {
                facilityKw = power.path("facilityPowerKw").asDouble();
            }
        }
        updateProgress(1, 1);
        return new Answer(request, p, layout, layout.cooling().cdus().size(), facilityKw);
    }
}
