package dev.stowage.app;

import javafx.application.Platform;
import javafx.scene.web.WebView;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Child-JVM main for {@link LauncherProcessTest}: runs the real {@link Launcher} and, once the window's page
 * has loaded, asks the window to close as the window manager's close button would. Its own helper thread is
 * a daemon, so the JVM exits only if the app leaves no non-daemon thread behind.
 */
public final class CloseWindowOnLoad {
    private CloseWindowOnLoad() {
    }

    public static void main(String[] args) {
        Thread closer = new Thread(() -> {
            boolean[] done = {false};
            while (!done[0]) {
                try {
                    Thread.sleep(100);
                    Platform.runLater(() -> closeOnceLoaded(done));
                } catch (IllegalStateException notStartedYet) {
                    // Platform.runLater refuses work until the toolkit is up; try again.
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "close-window-on-load");
        closer.setDaemon(true);
        closer.start();
        Launcher.main(args);
    }

    private static void closeOnceLoaded(boolean[] done) {
        for (Window window : Window.getWindows()) {
            var view = window.getScene() == null ? null : window.getScene().lookup("WebView");
            if (!done[0] && view instanceof WebView web && web.getEngine().getTitle() != null) {
                done[0] = true;
                System.err.println("closing window after load");
                window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        }
    }
}
