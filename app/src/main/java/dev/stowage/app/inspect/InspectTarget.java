package dev.stowage.app.inspect;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the inspector's picker offers: the selected tab (followed as the selection moves), an open tab, or a
 * closed tab that Ctrl+Shift+T can still bring back. The namespace is looked up when the target is shown,
 * since a tab gets its storage only once it has a page.
 *
 * @param label       how the picker lists it
 * @param namespaceId the target's namespace now; empty when it has none
 * @param follows     whether it is "the selected tab", whichever that is
 */
public record InspectTarget(String label, Supplier<Optional<String>> namespaceId, boolean follows) {
    public InspectTarget {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(namespaceId, "namespaceId");
    }

    @Override
    public String toString() {
        return label;
    }
}
