package org.aifactory.twin.ui.edit;

import java.util.List;

/**
 * What became of an edit: applied (and now on the undo stack), or refused with a message the
 * user can act on. A refused edit never changes the document.
 *
 * @param affectedIds ids of the elements the edit created, moved or changed (for selection)
 */
public record EditResult(boolean applied, String message, List<String> affectedIds) {

    public EditResult {
        affectedIds = affectedIds == null ? List.of() : List.copyOf(affectedIds);
    }

    static EditResult refused(String message) {
        return new EditResult(false, message, List.of());
    }

    static EditResult done(String message, List<String> ids) {
        return new EditResult(true, message, ids);
    }
}
