package dev.stowage.storage.bench;

import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.Site;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cloning a tab's namespace (what opening a link in a new tab does): an empty namespace against one
 * holding 10 areas of ~5 MiB each, half of them first-party and half cross-site frames' partitions (the
 * storage key is origin + top-level site). Copy-on-write should make both cost about the same. Each
 * invocation also deletes the clone, so the service does not grow and the source's maps stay shared
 * by at most two holders, as they are in the app.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CloneBenchmark {
    static final int AREAS = 10;

    private SessionStorageService service;
    private String emptyId;
    private String bigId;
    private StorageKey firstKey;

    @Setup
    public void fill() {
        service = new SessionStorageService();
        emptyId = service.createNamespace().id();
        SessionNamespace big = service.createNamespace();
        String value = "v".repeat(1000);
        Site topLevel = Site.of(Origin.of("https://news.com"));
        for (int o = 0; o < AREAS; o++) {
            Origin origin = Origin.of("https://site" + o + ".com");
            StorageKey key = o % 2 == 0 ? StorageKey.firstParty(origin) : new StorageKey(origin, topLevel);
            StorageArea area = big.area(key);
            // Fill to just under the 5 MiB quota: each item is 2 * (5 + 1000) bytes.
            for (int i = 0; area.getBytesInUse() + 2 * (5 + 1000) <= area.quotaBytes(); i++) {
                area.set(String.format("k%04d", i), value);
            }
        }
        bigId = big.id();
        // Computed once: a key's site is a suffix-list lookup, which is not what this measures.
        firstKey = StorageKey.firstParty(Origin.of("https://site0.com"));
    }

    /** The data in the big namespace, to confirm what was measured. */
    public long bigBytes() {
        return service.namespace(bigId).orElseThrow().totalBytesInUse();
    }

    @Benchmark
    public String cloneEmptyNamespace() {
        String id = service.cloneNamespace(emptyId).id();
        service.deleteNamespace(id, false);
        return id;
    }

    @Benchmark
    public String cloneTenAreasOfFiveMiB() {
        String id = service.cloneNamespace(bigId).id();
        service.deleteNamespace(id, false);
        return id;
    }

    /** For contrast: the first write to one cloned 5 MiB area pays the fork of that area alone. */
    @Benchmark
    public String cloneBigThenWriteOneArea() {
        SessionNamespace clone = service.cloneNamespace(bigId);
        clone.area(firstKey).set("k0000", "x");
        service.deleteNamespace(clone.id(), false);
        return clone.id();
    }
}
