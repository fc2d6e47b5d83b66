package dev.stowage.app;

import javafx.application.Application;

/**
 * Entry point of {@code stowage.jar}.
 *
 * <p>JavaFX refuses to start an {@link Application} subclass named as the main class when it sits on
 * the class path instead of the module path; a plain class that hands over to the application avoids it.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(StowageApplication.class, args);
    }
}
