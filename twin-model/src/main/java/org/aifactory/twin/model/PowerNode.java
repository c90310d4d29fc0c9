package org.aifactory.twin.model;

import java.util.List;

/**
 * One node of the power graph. Power flows from {@code inputs} (upstream node ids) to this node;
 * sources (utility, generator) have none. Losses are given by whichever of the optional figures
 * the kind uses: a fixed {@code efficiency}, transformer-style {@code noLoadLossKw} plus
 * {@code fullLoadLossKw} (scaling with the square of load), or a UPS-style
 * {@code efficiencyCurve} against load fraction.
 *
 * @param type optional catalog id of the equipment (for footprint and defaults in the designer)
 * @param placement where it stands, or null if its position does not matter
 * @param ratingKw the most real power it may carry, kW
 * @param voltageV its output line-to-line voltage, V
 * @param lengthM run length of a busway or cable, m (optional)
 * @param standbyInputs optional: those of {@code inputs} that are alternates, used only while no other
 *     input is live (a static or automatic transfer switch: e.g. the catcher UPS of a block-redundant
 *     design); generators are always standby
 */
public record PowerNode(
        String id,
        PowerNodeKind kind,
        String name,
        String type,
        Placement placement,
        List<String> inputs,
        double ratingKw,
        double voltageV,
        Double efficiency,
        Double noLoadLossKw,
        Double fullLoadLossKw,
        List<EfficiencyPoint> efficiencyCurve,
        Double lengthM,
        List<String> standbyInputs)
        implements PlacedElement {

    public PowerNode {
        Checks.required(id, "id");
        Checks.required(kind, "kind");
        inputs = Checks.listOf(inputs);
        efficiencyCurve = Checks.listOf(efficiencyCurve);
        standbyInputs = Checks.listOf(standbyInputs);
    }

    /** A node without standby inputs. */
    public PowerNode(
            String id,
            PowerNodeKind kind,
            String name,
            String type,
            Placement placement,
            List<String> inputs,
            double ratingKw,
            double voltageV,
            Double efficiency,
            Double noLoadLossKw,
            Double fullLoadLossKw,
            List<EfficiencyPoint> efficiencyCurve,
            Double lengthM) {
        this(
                id,
                kind,
                name,
                type,
                placement,
                inputs,
                ratingKw,
                voltageV,
                efficiency,
                noLoadLossKw,
                fullLoadLossKw,
                efficiencyCurve,
                lengthM,
                List.of());
    }

    public PowerNode withName(String newName) {
        return new PowerNode(
                id,
                kind,
                newName,
                type,
                placement,
                inputs,
                ratingKw,
                voltageV,
                efficiency,
                noLoadLossKw,
                fullLoadLossKw,
                efficiencyCurve,
                lengthM,
                standbyInputs);
    }

    public PowerNode withVoltageV(double newVoltageV) {
        return new PowerNode(
                id,
                kind,
                name,
                type,
                placement,
                inputs,
                ratingKw,
                newVoltageV,
                efficiency,
                noLoadLossKw,
                fullLoadLossKw,
                efficiencyCurve,
                lengthM,
                standbyInputs);
    }

    public PowerNode withEfficiency(Double newEfficiency) {
        return new PowerNode(
                id,
                kind,
                name,
                type,
                placement,
                inputs,
                ratingKw,
                voltageV,
                newEfficiency,
                noLoadLossKw,
                fullLoadLossKw,
                efficiencyCurve,
                lengthM,
                standbyInputs);
    }

    public PowerNode withRatingKw(double newRatingKw) {
        return new PowerNode(
                id,
                kind,
                name,
                type,
                placement,
                inputs,
                newRatingKw,
                voltageV,
                efficiency,
                noLoadLossKw,
                fullLoadLossKw,
                efficiencyCurve,
                lengthM,
                standbyInputs);
    }

    public PowerNode withLengthM(Double newLengthM) {
        return new PowerNode(
                id,
                kind,
                name,
                type,
                placement,
                inputs,
                ratingKw,
                voltageV,
                efficiency,
                noLoadLossKw,
                fullLoadLossKw,
                efficiencyCurve,
                newLengthM,
                standbyInputs);
    }

    public PowerNode withStandbyInputs(List<String> newStandbyInputs) {
        return new PowerNode(
                id,
                kind,
                name,
                type,
                placement,
                inputs,
                ratingKw,
                voltageV,
                efficiency,
                noLoadLossKw,
                fullLoadLossKw,
                efficiencyCurve,
                lengthM,
                newStandbyInputs);
    }
}
