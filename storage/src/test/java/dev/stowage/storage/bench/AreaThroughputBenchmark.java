package dev.stowage.storage.bench;

import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.StorageArea;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the operations a page's writes and the saver hit, on an area of {@code items} items.
 * {@code set} alternates two values so that no call is a no-op; {@code setAfterSnapshot} measures the
 * worst case of the copy-on-write design: a snapshot before every write forces a fork each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AreaThroughputBenchmark {
    @Param({"100", "10000"})
    public int items;

    private SessionNamespace namespace;
    private StorageArea area;
    private String[] keys;
    private int next;

    @Setup
    public void fill() {
        namespace = new SessionStorageService().createNamespace();
        area = namespace.area(Origin.of("https://example.com"));
        keys = new String[items];
        for (int i = 0; i < items; i++) {
            keys[i] = "key-" + i;
            area.set(keys[i], "value-" + i);
        }
    }

    private String nextKey() {
        next = next + 1 == items ? 0 : next + 1;
        return keys[next];
    }

    @Benchmark
    public String getHit() {
        return area.get(nextKey());
    }

    @Benchmark
    public String getMiss() {
        return area.get("absent");
    }

    @Benchmark
    public void set() {
        area.set(nextKey(), (next & 1) == 0 ? "even-value" : "odd-value!");
    }

    @Benchmark
    public String keyAscendingScan() {
        nextKey();
        return area.key(next);
    }

    @Benchmark
    public NamespaceSnapshot snapshot() {
        return namespace.snapshot();
    }

    @Benchmark
    public void setAfterSnapshot() {
        namespace.snapshot();
        area.set(nextKey(), (next & 1) == 0 ? "even-value" : "odd-value!");
    }
}
