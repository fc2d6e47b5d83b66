package dev.stowage.storage;

import java.util.ArrayList;
import java.util.List;

/** Collects the changes it is told about, for assertions. */
final class RecordingListener implements StorageChangeListener {
    final List<StorageChange> changes = new ArrayList<>();

    @Override
    public void onChange(StorageChange change) {
        changes.add(change);
    }

    StorageChange last() {
        return changes.get(changes.size() - 1);
    }
}
