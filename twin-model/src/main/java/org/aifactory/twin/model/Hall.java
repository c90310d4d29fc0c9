package org.aifactory.twin.model;

/**
 * A data hall: a rectangle of floor whose corner sits at ({@code originXM}, {@code originYM}) on
 * the site; items placed in it use hall coordinates from 0 to {@code widthM} and {@code depthM}.
 */
public record Hall(
        String id, String name, double originXM, double originYM, double widthM, double depthM, double heightM) {

    public Hall {
        Checks.required(id, "id");
    }
}
