package dev.stowage.app.shell;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** What Stowage is and which version runs: the version line of {@code --version} and the About box. */
public final class About {
    private About() {
    }

    /** The version in the jar's manifest; "development" when run from classes. */
    public static String version() {
        String version = About.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Shows the About box over {@code owner}. FX thread. */
    static void show(Window owner) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        about.setTitle("About Stowage");
        about.setHeaderText("Stowage " + version());
        about.setContentText("A tabbed browser whose sessionStorage is per tab and never lost.\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "?") + ", Java "
                + System.getProperty("java.version", "?") + ".");
        about.getDialogPane().setId("about-dialog");
        about.show();
    }
}
