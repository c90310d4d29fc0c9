package org.aifactory.twin.power;

/**
 * Totals of the N-1 table.
 *
 * @param cases single failures analysed (every node, and one power shelf per rack that has them)
 * @param ok cases where every rack stays powered within every rating
 * @param notOk the other cases
 * @param listedIdsCap the most ids a row lists per column (the counts are exact)
 */
public record N1Summary(int cases, int ok, int notOk, int listedIdsCap) {}
