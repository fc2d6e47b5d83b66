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
 * {@code set} writes a value different from the one the key holds (the value flips on every pass over the
 * keys; a same-value set is a no-op and would measure nothing); {@code setAfterSnapshot} measures the
 * worst case of the copy-on-write design: a snapshot before every write forces a fork each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AreaThroughputBenchmark {
    @Param({"100", "10000", "100000"})
    public int items;

    private SessionNamespace namespace;
    private StorageArea area;
    private String[] keys;
    private int next;
    private boolean flip;

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
        if (++next == items) {
            next = 0;
            flip = !flip;
        }
        return keys[next];
    }

    private String nextValue() {
        return flip ? "flipped-value" : "plain-value";
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
        area.set(nextKey(), nextValue());
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
        area.set(nextKey(), nextValue());
    }
}
