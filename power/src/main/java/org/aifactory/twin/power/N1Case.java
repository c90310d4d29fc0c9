package org.aifactory.twin.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One row of the N-1 table: a single failure and what it does.
 *
 * @param failed id of the failed node, or {@code <rack id>/power-shelf} for one lost power shelf
 * @param kind the failed element's kind ({@code transformer}, {@code ups}, ... or {@code power-shelf})
 * @param ok true when no rack loses power and nothing is over its rating
 * @param overloaded ids of the nodes over their rating, and of the racks whose remaining power
 *     shelves cannot carry their load, after the failure (at most {@code listedIdsCap} of them;
 *     {@code overloadedCount} counts all)
 * @param unpowered ids of the racks that lose every feed (at most {@code listedIdsCap};
 *     {@code unpoweredCount} counts all)
 * @param lostLoadKw IT load of the unpowered racks, kW
 */
// Empty lists are written too ("overloaded": []): the table has these columns in every row,
// while the house mapper (TwinJson) leaves empty values out.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record N1Case(
        String failed,
        String kind,
        boolean ok,
        List<String> overloaded,
        List<String> unpowered,
        int overloadedCount,
        int unpoweredCount,
        double lostLoadKw) {

    public N1Case {
        overloaded = List.copyOf(overloaded);
        unpowered = List.copyOf(unpowered);
    }
}
