package org.aifactory.twin.model;

/** One power feed into a rack: which side, and the id of the busway or PDU it comes from. */
public record RackFeed(FeedSide side, String source) {

    public RackFeed {
        Checks.required(side, "side");
        Checks.required(source, "source");
    }
}
