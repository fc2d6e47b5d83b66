package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.app.testing.Fx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stages run one every other pulse once the node is in a shown scene; held back while asked; resumed at once. */
class PulseStagesTest {
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);
    private Stage stage;

    @BeforeAll
    static void startToolkit() {
        Fx.start();
    }

    @AfterEach
    void closeWindow() {
        Fx.run(() -> {
            if (stage != null) {
                stage.close();
            }
        });
    }

    @Test
    void stagesWaitForTheNodeToBeInAWindowThenRunInOrder() {
        List<String> ran = new CopyOnWriteArrayList<>();
        Pane node = new Pane();
        PulseStages stages = Fx.call(() -> {
            PulseStages made = new PulseStages(node);
            made.add(() -> ran.add("a"));
            made.add(() -> ran.add("b"));
            return made;
        });
        Fx.sleep(200);
        assertEquals(List.of(), ran, "not in a scene yet");
        Fx.run(() -> show(node));
        Fx.waitUntil("both ran", () -> ran.size() == 2, WAIT);
        assertEquals(List.of("a", "b"), ran);
        assertEquals(true, Fx.call(stages::isEmpty));
    }

    @Test
    void aHeldStageWaitsUntilTheHoldLetsGoOrIsResumed() {
        List<String> ran = new CopyOnWriteArrayList<>();
        boolean[] holding = {true};
        Pane node = new Pane();
        PulseStages stages = Fx.call(() -> {
            PulseStages made = new PulseStages(node);
            made.holdWhile(() -> holding[0] ? Duration.seconds(30) : Duration.ZERO);
            made.add(() -> ran.add("a"));
            made.add(() -> ran.add("b"));
            show(node);
            return made;
        });
        Fx.sleep(400);
        assertEquals(List.of(), ran, "held: no stage ran");
        Fx.run(() -> {
            holding[0] = false;
            stages.resume();
        });
        Fx.waitUntil("both ran, long before the hold's 30 s were up", () -> ran.size() == 2, WAIT);
    }

    private void show(Pane node) {
        stage = new Stage();
        stage.setScene(new Scene(new Pane(node), 100, 100));
        stage.show();
    }
}
