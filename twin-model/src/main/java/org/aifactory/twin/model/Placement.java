package org.aifactory.twin.model;

/**
 * Where an item stands: the centre of its footprint in metres, in the coordinates of a hall
 * (x along the hall's width, y along its depth, origin at the hall's corner), turned by
 * {@code rotationDeg} about the vertical axis. A null {@code hallId} means the outdoor yard, in
 * site coordinates (the same frame the halls' origins use).
 */
public record Placement(String hallId, double xM, double yM, double rotationDeg) {

    public static Placement inHall(String hallId, double xM, double yM, double rotationDeg) {
        return new Placement(hallId, xM, yM, rotationDeg);
    }

    public static Placement inYard(double xM, double yM) {
        return new Placement(null, xM, yM, 0);
    }

    public boolean outdoors() {
        return hallId == null;
    }
}
