package dev.stowage.app.inspect;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One key of the inspected area and its value as the inspector shows it. The key is fixed; the value
 * follows the area's changes.
 *
 * <p>A row of {@link AreaRows} is a view of one place in its table, made when the list is read: two rows of
 * the same key there are equal, and read the same value. Its value's property is made only when something
 * watches it (a visible row, the detail pane) and is shared by the rows of that key. A row made on its
 * own ({@link #ItemRow(String, String)}) holds its value. Read on the FX thread.
 */
public final class ItemRow {
    private final String key;
    private final String value;
    /** The rows this row belongs to, or null for a row on its own. */
    private final AreaRows owner;
    private ReadOnlyStringWrapper property;

    ItemRow(String key, String value) {
        this(null, key, value);
    }

    ItemRow(AreaRows owner, String key, String value) {
        this.owner = owner;
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String key() {
        return key;
    }

    /** The value now; the last one the row had if its key has gone. */
    public String value() {
        if (property != null) {
            return property.get();
        }
        return owner == null ? value : owner.valueOf(key, value);
    }

    public ReadOnlyStringProperty valueProperty() {
        if (property == null) {
            property = owner == null ? new ReadOnlyStringWrapper(this, "value", value) : owner.watch(key, value());
        }
        return property.getReadOnlyProperty();
    }

    /** Rows of the same {@link AreaRows} are equal when their keys are; a row on its own equals only itself. */
    @Override
    public boolean equals(Object other) {
        return other == this || owner != null && other instanceof ItemRow row && row.owner == owner && row.key.equals(key);
    }

    @Override
    public int hashCode() {
        return owner == null ? System.identityHashCode(this) : key.hashCode();
    }

    @Override
    public String toString() {
        return key + "=" + value();
    }
}
