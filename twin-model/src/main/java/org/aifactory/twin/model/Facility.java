package org.aifactory.twin.model;

import java.util.List;
import org.aifactory.twin.model.catalog.Catalog;

/**
 * A whole AI factory: site, halls and rows, racks, power chain, cooling, network fabrics,
 * serving workload, and catalog entries of its own. Immutable: edits make a new value.
 *
 * @param formatVersion the file format version it was written in; see {@link #FORMAT_VERSION}
 */
public record Facility(
        int formatVersion,
        Site site,
        List<Hall> halls,
        List<Row> rows,
        List<Rack> racks,
        PowerChain power,
        Cooling cooling,
        Network network,
        Workload workload,
        Catalog catalog) {

    /** The format version this code writes. */
    public static final int FORMAT_VERSION = 1;

    public Facility {
        Checks.required(site, "site");
        halls = Checks.listOf(halls);
        rows = Checks.listOf(rows);
        racks = Checks.listOf(racks);
        power = power == null ? PowerChain.EMPTY : power;
        cooling = cooling == null ? Cooling.EMPTY : cooling;
        network = network == null ? Network.EMPTY : network;
        workload = workload == null ? Workload.EMPTY : workload;
        catalog = catalog == null ? Catalog.EMPTY : catalog;
    }

    public Facility withRacks(List<Rack> newRacks) {
        return new Facility(formatVersion, site, halls, rows, newRacks, power, cooling, network, workload, catalog);
    }

    public Facility withSite(Site newSite) {
        return new Facility(formatVersion, newSite, halls, rows, racks, power, cooling, network, workload, catalog);
    }

    public Facility withPower(PowerChain newPower) {
        return new Facility(formatVersion, site, halls, rows, racks, newPower, cooling, network, workload, catalog);
    }

    public Facility withWorkload(Workload newWorkload) {
        return new Facility(formatVersion, site, halls, rows, racks, power, cooling, network, newWorkload, catalog);
    }
}
