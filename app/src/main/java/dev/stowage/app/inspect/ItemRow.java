package dev.stowage.app.inspect;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One key of the inspected area and its value as the inspector shows it. The key is fixed; the value
 * follows the area's changes. May be made off the FX thread; read and changed on it once shown.
 */
public final class ItemRow {
    private final String key;
    private final ReadOnlyStringWrapper value;

    ItemRow(String key, String value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = new ReadOnlyStringWrapper(this, "value", Objects.requireNonNull(value, "value"));
    }

    public String key() {
        return key;
    }

    public String value() {
        return value.get();
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    void setValue(String newValue) {
        value.set(newValue);
    }

    @Override
    public String toString() {
        return key + "=" + value.get();
    }
}
