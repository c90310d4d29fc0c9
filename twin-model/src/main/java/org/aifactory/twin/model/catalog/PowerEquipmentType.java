package org.aifactory.twin.model.catalog;

import java.util.List;
import org.aifactory.twin.model.Checks;
import org.aifactory.twin.model.EfficiencyPoint;
import org.aifactory.twin.model.PowerNodeKind;

/** A template for a power-chain node (the designer's palette copies these figures into the node). */
public record PowerEquipmentType(
        String id,
        String name,
        PowerNodeKind kind,
        double ratingKw,
        double voltageV,
        Double efficiency,
        Double noLoadLossKw,
        Double fullLoadLossKw,
        List<EfficiencyPoint> efficiencyCurve,
        double widthM,
        double depthM,
        double heightM,
        String source)
        implements Footprinted {

    public PowerEquipmentType {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
        efficiencyCurve = Checks.listOf(efficiencyCurve);
    }
}
