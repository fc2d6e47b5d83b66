package dev.stowage.app.inspect;

import dev.stowage.app.shell.Bytes;
import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.QuotaExceededException;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageKey;
import dev.stowage.storage.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The storage inspector's state, without a screen: which namespace it shows (a tab's, open or closed), its
 * areas with the bytes each uses against the quota, the chosen area's rows (live, {@link AreaRows}) through
 * a {@link ItemFilter}, and the edits a person makes. An edit goes the way a page's write goes: through
 * the area with the inspector's own {@link #SOURCE}, so the quota applies (a failed edit changes nothing and
 * sets {@link #errorProperty()}), every document of that origin in the tab sees it with a {@code storage}
 * event whose {@code url} is {@value #EVENT_URL}, and the session store saves it.
 *
 * <p><b>Threading.</b> FX thread only (the storage service's owner thread).
 */
public final class Inspector implements AutoCloseable {
    /** The {@code url} of the {@code storage} events the inspector's edits cause in pages. */
    public static final String EVENT_URL = "stowage://inspector";
    /** Who the inspector's edits come from. */
    public static final ChangeSource SOURCE = ChangeSource.named("inspector", EVENT_URL);

    /** One area of the shown namespace and the bytes it uses. */
    public record AreaUsage(StorageKey key, long bytes, long quota) {
        public AreaUsage {
            Objects.requireNonNull(key, "key");
        }

        /** How it is listed: the origin, and the top-level site of a partition. */
        public String label() {
            return key.isFirstParty() ? key.origin().serialize()
                    : key.origin().serialize() + " (in " + key.topLevelSite().serialize() + ")";
        }
    }

    private final SessionStorageService service;
    private final Executor background;
    private final Consumer<Runnable> fxLater;
    private final ReadOnlyObjectWrapper<String> namespaceId = new ReadOnlyObjectWrapper<>(this, "namespaceId");
    private final ObservableList<AreaUsage> areas = FXCollections.observableArrayList();
    private final ObjectProperty<StorageKey> selectedArea = new SimpleObjectProperty<>(this, "selectedArea");
    private final ObservableList<ItemRow> noRows = FXCollections.observableArrayList();
    /** What {@link #rows} holds. */
    private FilteredRows filteredRows = new FilteredRows(noRows);
    private final ReadOnlyObjectWrapper<ObservableList<ItemRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows", filteredRows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private Predicate<ItemRow> filter = ItemFilter.ALL;
    private Subscription namespaceChanges;
    private AreaRows areaRows;
    private boolean areasScheduled;

    /**
     * @param background builds the rows of a large area off the FX thread
     * @param fxLater    runs a task on the FX thread later ({@code Platform::runLater})
     */
    public Inspector(SessionStorageService service, Executor background, Consumer<Runnable> fxLater) {
        this.service = Objects.requireNonNull(service, "service");
        this.background = Objects.requireNonNull(background, "background");
        this.fxLater = Objects.requireNonNull(fxLater, "fxLater");
        selectedArea.addListener((obs, old, key) -> showArea(key));
    }

    /** Shows namespace {@code id} (null: nothing); its first area is chosen. */
    public void show(String id) {
        if (Objects.equals(id, namespaceId.get())) {
            return;
        }
        if (namespaceChanges != null) {
            namespaceChanges.close();
            namespaceChanges = null;
        }
        namespaceId.set(id);
        selectedArea.set(null);
        Optional<SessionNamespace> ns = id == null ? Optional.empty() : service.namespace(id);
        ns.ifPresent(namespace -> namespaceChanges = namespace.addChangeListener(change -> areasChanged()));
        refreshAreas();
    }

    /** The shown namespace's areas, in order of first write, with their use. */
    public ObservableList<AreaUsage> areas() {
        return areas;
    }

    /** The area whose rows {@link #rows()} shows. */
    public ObjectProperty<StorageKey> selectedAreaProperty() {
        return selectedArea;
    }

    /** The chosen area's rows that pass the filter, in storage order; a new list when the area changes. */
    public ReadOnlyObjectProperty<ObservableList<ItemRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Whether the chosen area's rows are still being built: {@link #rowsProperty()} holds only some, or none. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last edit's failure for a person to read; "" after a successful edit. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last export or import did, for a person to read. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Tells the person how an export or import went: as a failure, or as a notice. */
    void report(String message, boolean failed) {
        error.set(failed ? message : "");
        notice.set(failed ? "" : message);
    }

    /** The id of the namespace shown, if any. */
    public Optional<String> shownNamespace() {
        return Optional.ofNullable(namespaceId.get());
    }

    /** The shown namespace as it is now, for an export. */
    public Optional<NamespaceSnapshot> snapshot() {
        String id = namespaceId.get();
        return id == null ? Optional.empty() : service.namespace(id).map(SessionNamespace::snapshot);
    }

    /** {@link #importAreas(String, Map, boolean)} into the namespace shown now. */
    public void importAreas(Map<StorageKey, Map<String, String>> areas, boolean replacing) {
        importAreas(namespaceId.get(), areas, replacing);
    }

    /**
     * Writes {@code areas} into namespace {@code id} (the one shown when the person chose the file: the
     * inspector may have moved to another tab while the file was read), origin by origin: {@code replacing}
     * clears each origin first, else the items are merged in. Each origin's quota applies to it alone: an
     * origin that would go over is left as it was and named in {@link #errorProperty()}; the others are written.
     */
    public void importAreas(String id, Map<StorageKey, Map<String, String>> areas, boolean replacing) {
        if (id == null || service.namespace(id).isEmpty()) {
            report("There is no tab to import into: choose one first.", true);
            return;
        }
        List<String> refused = new ArrayList<>();
        long quota = service.quotaBytesPerArea();
        service.edit(id, ns -> areas.forEach((key, items) -> {
            StorageArea area = ns.area(key);
            if (replacing) {
                // Checked before the clear, so that a refused origin keeps what it had and its pages see nothing.
                long bytes = items.entrySet().stream().mapToLong(e -> 2L * (e.getKey().length() + e.getValue().length())).sum();
                if (bytes > quota) {
                    refused.add(key.origin().serialize());
                    return;
                }
                area.clear(SOURCE);
            }
            try {
                area.set(items, SOURCE); // all or nothing against the quota
            } catch (QuotaExceededException e) {
                refused.add(key.origin().serialize());
            }
        }));
        int written = areas.size() - refused.size();
        report(refused.isEmpty() ? "Imported " + written + " origin(s)." : "Imported " + written
                + " origin(s); over the quota of " + Bytes.of(service.quotaBytesPerArea()) + ", left as they were: "
                + String.join(", ", refused) + ".", !refused.isEmpty());
    }

    /** Shows only the rows that {@code filter} passes ({@link ItemFilter#parse}). */
    public void setFilter(Predicate<ItemRow> filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        filteredRows.setPredicate(filter == ItemFilter.ALL ? null : filter);
    }

    /** Sets {@code key} to {@code value} in the chosen area (adds it at the end if it is new). */
    public boolean set(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return edit(area -> area.set(key, value, SOURCE));
    }

    /** Removes {@code keys} from the chosen area. */
    public boolean remove(Collection<String> keys) {
        List<String> copy = new ArrayList<>(keys);
        return edit(area -> area.remove(copy, SOURCE));
    }

    /** Clears the chosen area (the origin's storage in this tab). */
    public boolean clear() {
        return edit(area -> area.clear(SOURCE));
    }

    /** The chosen area, if there is one. */
    public Optional<StorageArea> area() {
        String id = namespaceId.get();
        StorageKey key = selectedArea.get();
        if (id == null || key == null) {
            return Optional.empty();
        }
        return service.namespace(id).map(ns -> ns.area(key));
    }

    @Override
    public void close() {
        show(null);
    }

    private boolean edit(Consumer<StorageArea> change) {
        String id = namespaceId.get();
        StorageKey key = selectedArea.get();
        if (id == null || key == null) {
            error.set("Choose a tab and an origin first.");
            return false;
        }
        try {
            if (!service.edit(id, ns -> change.accept(ns.area(key)))) {
                error.set("This tab's storage is gone.");
                return false;
            }
        } catch (QuotaExceededException e) {
            error.set("Not saved: " + key.origin().serialize() + " would go over its quota of "
                    + Bytes.of(service.quotaBytesPerArea()) + ". Nothing was changed.");
            return false;
        }
        error.set("");
        notice.set("");
        return true;
    }

    /** Once per FX task, however many writes a burst makes: each write changes an area's bytes. */
    private void areasChanged() {
        if (!areasScheduled) {
            areasScheduled = true;
            fxLater.accept(() -> {
                areasScheduled = false;
                refreshAreas();
            });
        }
    }

    private void refreshAreas() {
        String id = namespaceId.get();
        List<AreaUsage> now = new ArrayList<>();
        service.namespace(id == null ? "" : id).ifPresent(ns -> {
            for (StorageKey key : ns.keys()) {
                now.add(new AreaUsage(key, ns.bytesInUse(key), service.quotaBytesPerArea()));
            }
        });
        if (!now.equals(areas)) {
            areas.setAll(now);
        }
        if (selectedArea.get() == null && !areas.isEmpty()) {
            selectedArea.set(areas.get(0).key()); // the tab's first write since it was shown
        }
    }

    private void showArea(StorageKey key) {
        if (areaRows != null) {
            areaRows.close();
            areaRows = null;
        }
        Optional<StorageArea> area = key == null ? Optional.empty() : area();
        if (area.isEmpty()) {
            filteredRows = new FilteredRows(noRows);
            rows.set(filteredRows);
            loading.set(false);
            return;
        }
        loading.set(true);
        AreaRows following = new AreaRows(area.get(), background, fxLater, this::afterBatch);
        areaRows = following;
        filteredRows = new FilteredRows(following.rows());
        if (filter != ItemFilter.ALL) {
            filteredRows.setPredicate(filter);
        }
        rows.set(filteredRows);
    }

    /** A changed value may pass or fail the filter now: filter again, once per batch. */
    private void afterBatch() {
        if (areaRows != null && !areaRows.isLoading()) {
            loading.set(false);
        }
        if (filter != ItemFilter.ALL) {
            filteredRows.refilter();
        }
    }
}
