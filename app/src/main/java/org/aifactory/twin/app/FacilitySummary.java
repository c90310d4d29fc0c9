package org.aifactory.twin.app;

import org.aifactory.twin.model.Facility;
import org.aifactory.twin.model.Rack;
import org.aifactory.twin.model.catalog.CatalogIndex;
import org.aifactory.twin.model.catalog.RackKind;
import org.aifactory.twin.model.catalog.RackType;
import org.aifactory.twin.model.io.CatalogIo;

/**
 * What a facility holds, in the {@code facility} section of the report. {@code rackPowerKw} is
 * the sum of the racks' operating power (their override, else the catalog's typical figure): an
 * inventory total, not a load-flow result.
 */
public record FacilitySummary(
        String name,
        String file,
        int halls,
        int racks,
        int gpuRacks,
        int gpus,
        double rackPowerKw,
        int powerNodes,
        int cdus,
        int fabrics,
        int deployments) {

    public static FacilitySummary of(Facility f, String file) {
        CatalogIndex catalog = new CatalogIndex(CatalogIo.builtIn(), f.catalog());
        int gpuRacks = 0;
        int gpus = 0;
        double powerKw = 0;
        for (Rack r : f.racks()) {
            RackType t = catalog.rackOrThrow(r.type());
            if (t.kind() == RackKind.GPU) {
                gpuRacks++;
                gpus += t.gpus();
            }
            powerKw += r.powerKw() != null ? r.powerKw() : t.typicalPowerKw();
        }
        return new FacilitySummary(
                f.site().name(),
                file,
                f.halls().size(),
                f.racks().size(),
                gpuRacks,
                gpus,
                powerKw,
                f.power().nodes().size(),
                f.cooling().cdus().size(),
                f.network().fabrics().size(),
                f.workload().deployments().size());
    }
}
