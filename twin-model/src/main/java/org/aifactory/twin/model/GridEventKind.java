package org.aifactory.twin.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of grid event a site plans for (in the spirit of NVIDIA DSX Flex). */
public enum GridEventKind {
    /** The utility asks the site to curtail its demand by a share for some hours. */
    @JsonProperty("demand-response")
    DEMAND_RESPONSE,
    /** A utility feed (or any power node) is out for some hours. */
    @JsonProperty("lost-feed")
    LOST_FEED
}
