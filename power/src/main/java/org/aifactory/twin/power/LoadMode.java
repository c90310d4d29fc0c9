package org.aifactory.twin.power;

/** Which rack power the load flow uses. */
public enum LoadMode {
    /** The rack's {@code powerKw} override, else its catalog {@code typicalPowerKw}. */
    TYPICAL,
    /** The catalog {@code maxPowerKw} (TDP) of every rack: the design case for ratings. */
    MAX,
    /** The typical power, limited to a per-rack cap (see {@link PowerOptions}). */
    CAPPED
}
