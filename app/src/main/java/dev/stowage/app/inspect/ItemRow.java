package dev.stowage.app.inspect;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One key of the inspected area and its value as the inspector shows it. The key is fixed; the value
 * follows the area's changes. The value's property is made only when something watches it (a visible
 * cell, the detail pane): an area of 100k keys would otherwise make 100k property objects, garbage whose
 * collection paused the FX thread (measured). May be made off the FX thread; read and changed on it.
 */
public final class ItemRow {
    private final String key;
    private String value;
    private ReadOnlyStringWrapper property;

    ItemRow(String key, String value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String key() {
        return key;
    }

    public String value() {
        return property != null ? property.get() : value;
    }

    public ReadOnlyStringProperty valueProperty() {
        if (property == null) {
            property = new ReadOnlyStringWrapper(this, "value", value);
            value = null;
        }
        return property.getReadOnlyProperty();
    }

    void setValue(String newValue) {
        Objects.requireNonNull(newValue, "newValue");
        if (property != null) {
            property.set(newValue);
        } else {
            value = newValue;
        }
    }

    @Override
    public String toString() {
        return key + "=" + value();
    }
}
