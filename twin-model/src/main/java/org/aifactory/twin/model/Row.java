package org.aifactory.twin.model;

/** A named row of racks in a hall; racks refer to it by id. */
public record Row(String id, String hallId, String name) {

    public Row {
        Checks.required(id, "id");
        Checks.required(hallId, "hallId");
    }
}
