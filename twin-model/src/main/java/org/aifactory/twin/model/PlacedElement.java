package org.aifactory.twin.model;

/**
 * An element of the facility that stands somewhere: a rack, CDU, power node, heat-rejection unit
 * or air handler, with its id, catalog type and placement (null where it has none: an in-rack
 * CDU, a power node without a position, a power node without a catalog type).
 */
public interface PlacedElement {
    String id();

    String type();

    Placement placement();
}
