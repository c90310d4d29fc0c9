package org.aifactory.twin.ui.sizing;

import java.util.Locale;
import javafx.concurrent.Task;
import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.analysis.SizingAdvisor;
import org.aifactory.twin.model.catalog.Catalog;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.io.CatalogIo;

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
     */
    public record Answer(SizingAdvisor.Request request, SizingAdvisor.Proposal proposal, Facility layout, int cdus) {
        /** "N racks, X MW IT, Y CDUs", or why there is no answer. */
        public String summary() {
            if (!proposal.feasible()) {
                return "No size meets these SLOs: " + proposal.reason();
            }
            return String.format(Locale.ROOT, "%d rack%s, %.2f MW IT, %d CDU%s", proposal.racks(), proposal.racks() == 1 ? "" : "s",
                    proposal.itPowerMw(), cdus, cdus == 1 ? "" : "s");
        }
    }

    private final SizingAdvisor advisor;
    private final SizingAdvisor.Request request;

    public SizingTask(SizingAdvisor advisor, SizingAdvisor.Request request) {
        this.advisor = advisor;
        this.request = request;
        updateTitle("Size " + request.modelId());
    }

    @Override
    protected Answer call() {
        updateProgress(-1, 1);
        updateMessage(String.format(Locale.ROOT, "Sizing %s at %,.0f req/s with the %s...", request.modelId(),
                request.traffic().arrival().rateRps(), advisor.name()));
        SizingAdvisor.Proposal p = advisor.size(request, new CatalogIndex(CatalogIo.builtIn(), Catalog.EMPTY));
        if (isCancelled() || !p.feasible()) {
            return new Answer(request, p, null, 0);
        }
        updateMessage("Laying out " + p.racks() + " racks...");
        Facility layout = SizingLayout.layout(request, p);
        updateProgress(1, 1);
        return new Answer(request, p, layout, layout.cooling().cdus().size());
    }
}
