package org.aifactory.twin.model;

import java.util.List;

/** The facility's network fabrics. */
public record Network(List<Fabric> fabrics) {

    public static final Network EMPTY = new Network(List.of());

    public Network {
        fabrics = Checks.listOf(fabrics);
    }
}
